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
