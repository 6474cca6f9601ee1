"""The start page and the SPARQL editor (YASGUI on ``/sparql``) in a real browser."""

from __future__ import annotations

import httpx

from tests.api.live_server import LiveServer
from tests.ui.conftest import Watched

RESULT_ROWS = ".yasr .dataTable tbody tr:visible"  # the selected tab's
RUN = ".yasqe_queryButton:visible"
HEADERS = ".yasr .dataTable thead th:visible"


def headers(page: Watched) -> list[str]:
    """The column names of the selected tab's results table."""
    return [text.strip() for text in page.page.locator(HEADERS).all_inner_texts()]


def test_the_start_page_leads_to_the_editor_dashboard_and_ontology(page: Watched, server):
    page.page.goto(server.base_url + "/")
    for href in ("/editor", "/dashboard", "/ontology"):
        assert page.page.locator(f'main a[href="{href}"]').count() >= 1
    page.screenshot("start")


def test_the_editor_runs_a_query_and_shows_its_results(page: Watched, server: LiveServer):
    page.page.goto(server.base_url + "/editor")
    editor = page.page.locator(".yasqe .CodeMirror")
    editor.wait_for()
    # the CKM prefixes are declared in the query a new tab starts with
    text = page.page.evaluate("window.ckmEditor.getTab().getQuery()")
    assert "PREFIX ckm: <https://w3id.org/ckm#>" in text
    assert page.page.evaluate("window.ckmEditor.getTab().getEndpoint()") == server.sparql
    page.page.click(RUN)
    page.page.wait_for_selector(RESULT_ROWS)
    assert page.page.locator(RESULT_ROWS).count() > 0
    assert "customer" in headers(page)
    page.screenshot("editor", full_page=True)


def test_the_saved_queries_are_offered_as_examples(page: Watched, server: LiveServer):
    saved = httpx.get(server.base_url + "/api/queries").json()
    wanted = next(q for q in saved if q["name"] == "contributions-by-value-area")
    page.page.goto(server.base_url + "/editor")
    picker = page.page.locator("#saved-queries")
    page.page.wait_for_function("!document.getElementById('saved-queries').disabled")
    assert picker.locator("option").count() == len(saved) + 1  # and the prompt
    picker.select_option(wanted["name"])
    page.page.wait_for_function(
        "title => window.ckmEditor.getTab().getName() === title", arg=wanted["title"]
    )
    assert wanted["question"] in page.page.locator("#saved-question").inner_text()
    query = page.page.evaluate("window.ckmEditor.getTab().getQuery()")
    assert set(wanted["sparql"].splitlines()) <= set(query.splitlines())
    page.page.click(RUN)
    page.page.wait_for_selector(RESULT_ROWS)
    assert "valueArea" in headers(page)
    page.screenshot("editor-saved-query")


def test_a_dashboard_link_opens_its_saved_query(page: Watched, server: LiveServer):
    page.page.goto(server.base_url + "/editor#saved=knowledge-flows-by-month")
    page.page.wait_for_function(
        "document.getElementById('saved-queries').value === 'knowledge-flows-by-month'"
    )
    assert "month" in page.page.evaluate("window.ckmEditor.getTab().getQuery()")
