"""Charts of any result (issue 20): a SELECT's results can be seen as a bar, line or
pie chart in the editor — the first column names the bars, each all-numeric column is a
series — with the Chart.js this server serves; results without a number offer no chart."""

from __future__ import annotations

from tests.api.live_server import LiveServer
from tests.ui.conftest import Watched
from tests.ui.test_editor import RESULT_ROWS, RUN

CHART_BUTTON = ".yasr .select_chart:visible"
DRAWN = """() => {
  const chart = Chart.getChart(document.querySelector('.result-chart canvas'));
  return {type: chart.config.type, labels: chart.data.labels,
          series: chart.data.datasets.map(d => [d.label, d.data])};
}"""
HAND_MADE = """SELECT ?sphere ?interactions ?share ?note WHERE {
  VALUES (?sphere ?interactions ?share ?note) {
    ("provider" 3 0.25 "few") ("joint" 5 0.5 "most") ("customer" 2 0.25 "some")
  }
}"""


def _run(page: Watched, text: str) -> None:
    page.page.locator(".yasqe .CodeMirror").wait_for()
    page.page.evaluate("text => window.ckmEditor.getTab().getYasqe().setValue(text)", text)
    page.page.click(RUN)
    page.page.wait_for_selector(RESULT_ROWS)


def test_a_select_result_is_drawn_as_a_chart_of_its_numeric_columns(
    page: Watched, server: LiveServer
):
    page.page.goto(server.base_url + "/editor")
    _run(page, HAND_MADE)
    page.page.click(CHART_BUTTON)
    page.page.wait_for_selector(".result-chart canvas")
    drawn = page.page.evaluate(DRAWN)
    assert drawn == {
        "type": "bar",
        "labels": ["provider", "joint", "customer"],
        "series": [["interactions", [3, 5, 2]], ["share", [0.25, 0.5, 0.25]]],
    }  # ?note holds words: not a series
    assert page.page.locator(".result-chart-note").inner_text() == ("sphere by interactions, share")
    page.page.select_option(".result-chart select", "pie")
    pie = page.page.evaluate(DRAWN)
    assert pie["type"] == "pie" and pie["series"] == [["interactions", [3, 5, 2]]]
    page.screenshot("editor-result-chart")


def test_results_without_a_number_offer_no_chart(page: Watched, server: LiveServer):
    page.page.goto(server.base_url + "/editor")
    _run(page, "SELECT ?customer ?firm WHERE { ?customer ckm:customerOf ?firm } LIMIT 5")
    assert "disabled" in (page.page.locator(CHART_BUTTON).get_attribute("class") or "")
