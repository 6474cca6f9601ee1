"""The dashboard in a real browser: every chart drawn, with data, from the saved queries."""

from __future__ import annotations

from kg.reporting.charts import CKM_CHARTS
from tests.api.live_server import LiveServer
from tests.ui.conftest import Watched

# Each chart's datasets as Chart.js holds them: [[label, [values…]], …]
DATASETS = """query => {
  const canvas = document.querySelector(`#chart-${query} canvas`);
  const chart = Chart.getChart(canvas);
  return chart.data.datasets.map(d => [d.label, d.data]);
}"""


def test_every_chart_is_drawn_with_data(page: Watched, server: LiveServer):
    page.page.goto(server.base_url + "/dashboard")
    page.page.wait_for_selector("#charts[aria-busy=false]")
    cards = page.page.locator(".chart-card")
    assert cards.count() == len(CKM_CHARTS)
    for spec in CKM_CHARTS:
        card = page.page.locator(f"#chart-{spec.query}")
        assert card.get_attribute("data-state") == "ready", card.inner_text()
        canvas = card.locator("canvas")
        box = canvas.bounding_box()
        assert box and box["width"] > 200 and box["height"] > 150
        datasets = page.page.evaluate(DATASETS, spec.query)
        assert datasets, spec.query
        assert sum(v for _, values in datasets for v in values) > 0, spec.query
        if spec.series:
            assert all(label for label, _ in datasets)
    page.page.wait_for_timeout(400)  # the charts' entry animation
    page.screenshot("dashboard", full_page=True)


def test_each_chart_links_to_its_query_in_the_editor(page: Watched, server: LiveServer):
    page.page.goto(server.base_url + "/dashboard")
    link = page.page.locator("#chart-contributions-by-value-area a.open-query")
    assert link.get_attribute("href") == "/editor#saved=contributions-by-value-area"


TOTAL = f"query => ({DATASETS})(query).flatMap(([, values]) => values).reduce((a, b) => a + b, 0)"
MEDSOFT = "http://localhost:8000/id/firm/medsoft"


def test_the_firm_filter_narrows_the_charts(page: Watched, server: LiveServer):
    page.page.goto(server.base_url + "/dashboard")
    page.page.wait_for_selector("#charts[aria-busy=false]")
    everyone = page.page.evaluate(TOTAL, "knowledge-flows-by-month")
    page.page.select_option("#firm", MEDSOFT)
    page.page.wait_for_selector("#charts[aria-busy=false]")
    medsoft = page.page.evaluate(TOTAL, "knowledge-flows-by-month")
    assert 0 < medsoft < everyone


LINE = """query => {
  const chart = Chart.getChart(document.querySelector(`#chart-${query} canvas`));
  return {
    labels: chart.data.labels,
    values: chart.data.datasets.map(d => d.data),
    tension: chart.data.datasets.map(d => d.tension),
    cubic: chart.data.datasets.map(d => d.cubicInterpolationMode ?? null),
  };
}"""


def _consecutive_months(first: str, last: str) -> list[str]:
    year, month = int(first[:4]), int(first[5:7])
    months = []
    while f"{year:04d}-{month:02d}" <= last:
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def test_the_month_axis_has_every_month_and_straight_lines(page: Watched, server: LiveServer):
    page.page.goto(server.base_url + "/dashboard")
    page.page.wait_for_selector("#charts[aria-busy=false]")
    page.page.select_option("#firm", MEDSOFT)
    page.page.wait_for_selector("#charts[aria-busy=false]")
    line = page.page.evaluate(LINE, "knowledge-flows-by-month")
    labels = line["labels"]
    assert labels == _consecutive_months(labels[0], labels[-1]), labels
    gaps = [i for i in range(len(labels)) if all(v[i] == 0 for v in line["values"])]
    assert gaps, "MedSoft's demo knowledge skips months: they must be on the axis as 0"
    assert line["tension"] == [0] * len(line["values"]) and not any(line["cubic"])
    page.page.fill("#from", "2023-11-01")
    page.page.fill("#to", "2026-02-28")
    page.page.dispatch_event("#to", "change")
    page.page.wait_for_selector("#charts[aria-busy=false]")
    labels = page.page.evaluate(LINE, "knowledge-flows-by-month")["labels"]
    assert labels == _consecutive_months("2023-11", "2026-02")


def test_a_selection_with_nothing_recorded_says_so_instead_of_a_blank_grid(
    page: Watched, server: LiveServer
):
    page.page.goto(server.base_url + "/dashboard")
    page.page.wait_for_selector("#charts[aria-busy=false]")
    page.page.fill("#from", "1990-01-01")
    page.page.fill("#to", "1990-12-31")
    page.page.dispatch_event("#to", "change")
    page.page.wait_for_selector("#charts[aria-busy=false]")
    for spec in CKM_CHARTS:
        card = page.page.locator(f"#chart-{spec.query}")
        if card.get_attribute("data-state") == "ready":
            continue  # a chart that does not take the period keeps its data
        assert card.get_attribute("data-state") == "empty", spec.query
        assert not card.locator(".canvas-box").is_visible()
        status = card.locator(".status")
        assert status.is_visible()
        assert status.inner_text() == (
            "Nothing recorded for all firms, 1990-01-01 to 1990-12-31: no chart to draw."
        )
    empty = page.page.locator(".chart-card[data-state=empty]")
    assert empty.count() >= 1
    page.screenshot("dashboard-empty", full_page=True)


def test_the_browser_pivot_agrees_with_the_reports(page: Watched, server: LiveServer):
    """The dashboard's chartData and kg/reporting/charts.py's chart_data on the same
    hand-made results (tests/ui/test_charts.py works the expected values out)."""
    from tests.ui.test_charts import FLOWS, MONTHS

    page.page.goto(server.base_url + "/dashboard")
    page.page.wait_for_selector("#charts[aria-busy=false]")
    config = page.page.evaluate("() => fetch('/ui/config.json').then(r => r.json())")
    spec = {"query": "q", "category": "month", "series": ["direction"], "value": "count"}
    spec |= {"kind": "line", "timeline": True}
    browser = page.page.evaluate(
        "([spec, results, config]) => SparqlTerms.chartData(spec, results, config, "
        "['2024-10-15', null])",
        [spec, FLOWS, config],
    )
    assert MONTHS.timeline
    assert browser["categories"] == ["2024-10", "2024-11", "2024-12", "2025-01", "2025-02"]
    assert browser["series"] == [
        {"name": "for", "values": [0, 2, 0, 0, 0]},
        {"name": "from", "values": [0, 0, 0, 0, 3]},
    ]
