"""Errors a person reads (issue 20), in a real browser against a real server: a refused
query or update is shown as a message above the results — a SHACL refusal as a table of
its results with links to the nodes — a syntax error's line is marked in the editor, and
the header shows which key is in use, or that it was refused, with a way to forget it."""

from __future__ import annotations

import httpx

from tests.api.live_server import WRITER_KEY, LiveServer
from tests.ui.conftest import Watched
from tests.ui.test_editor import RUN

BAD_FIRM = "http://example.org/id/readable-errors-bad-firm"


def _run(page: Watched, text: str) -> None:
    page.page.locator(".yasqe .CodeMirror").wait_for()
    page.page.evaluate("text => window.ckmEditor.getTab().getYasqe().setValue(text)", text)
    page.page.click(RUN)
    page.page.wait_for_selector("#problem:not([hidden])")


def _use_key(page: Watched, key: str) -> None:
    page.page.fill("#api-key input", key)
    with page.page.expect_navigation():
        page.page.click("#api-key button[type=submit]")


def test_a_syntax_error_is_a_message_and_its_line_is_marked(page: Watched, server: LiveServer):
    page.page.goto(server.base_url + "/editor")
    query = "SELECT ?s WHERE {\n  ?s ?p ?o .\n  ?s nope:p ?o .\n}"  # nope: at 3:6
    _run(page, query)
    problem = page.page.locator("#problem")
    assert problem.locator("h2").inner_text() == "400 Bad Request"
    detail = problem.locator(".detail").inner_text()
    assert detail.startswith("malformed query: line 3, column 6: the prefix nope:"), detail
    assert not page.page.locator(".yasr .errorResult").is_visible()  # not the raw JSON
    marked = page.page.evaluate("window.ckmEditor.getTab().getYasqe().lineInfo(2).bgClass")
    assert marked == "ckm-error-line"
    cursor = page.page.evaluate("window.ckmEditor.getTab().getYasqe().getCursor()")
    assert (cursor["line"], cursor["ch"]) == (2, 5)
    page.screenshot("editor-syntax-error")
    # the next, right query clears the message and the mark
    page.page.evaluate(
        "window.ckmEditor.getTab().getYasqe().setValue('SELECT ?s WHERE { ?s ?p ?o } LIMIT 1')"
    )
    page.page.click(RUN)
    page.page.wait_for_selector(".yasr .dataTable tbody tr:visible")
    assert page.page.locator("#problem").is_hidden()


def test_a_shacl_refusal_is_a_table_with_links_and_nothing_is_written(
    page: Watched, server: LiveServer
):
    page.page.goto(server.base_url + "/editor")
    _use_key(page, WRITER_KEY)
    update = (
        f'INSERT DATA {{ <{BAD_FIRM}> a ckm:Firm ; rdfs:label "Bad" ; ckm:employeeCount -3 . }}'
    )
    _run(page, update)
    problem = page.page.locator("#problem")
    assert problem.locator("h2").inner_text() == "422 Unprocessable Entity"
    assert "breaks SHACL rules" in problem.locator(".detail").inner_text()
    headers = problem.locator("table thead th").all_inner_texts()
    assert headers == ["severity", "node", "property", "value", "message"]
    rows = [
        [cell.strip() for cell in row.locator("td").all_inner_texts()]
        for row in problem.locator("table tbody tr").all()
    ]
    counts = [r for r in rows if r[1] == BAD_FIRM and "employeeCount" in r[2]]
    assert counts and counts[0][0] == "Violation" and counts[0][3].startswith("-3"), rows
    link = problem.locator(f'table a[href="{BAD_FIRM}"]').first
    assert link.inner_text() == BAD_FIRM
    page.screenshot("editor-shacl-refusal", full_page=True)
    asked = httpx.post(
        server.sparql,
        data={"query": f"ASK {{ <{BAD_FIRM}> ?p ?o }}"},
        headers={"Accept": "application/sparql-results+json"},
    )
    assert asked.json()["boolean"] is False


def test_the_header_says_which_key_is_in_use_and_forgets_it(page: Watched, server: LiveServer):
    page.page.goto(server.base_url + "/editor")
    _use_key(page, WRITER_KEY)
    state = page.page.locator("#api-key output")
    page.page.wait_for_selector("#api-key[data-key=in-use]", timeout=90_000)
    assert state.inner_text() == "key “live-writer” in use (writer)"
    assert page.page.locator("#api-key input").is_hidden()
    with page.page.expect_navigation():
        page.page.click("#api-key button.forget")
    page.page.wait_for_selector("#api-key[data-key=none]")
    assert state.inner_text() == ""
    assert page.page.locator("#api-key input").is_visible()
    assert page.page.evaluate("sessionStorage.getItem('ckm-api-key')") is None


def test_a_key_the_server_does_not_know_is_shown_as_refused(page: Watched, server: LiveServer):
    page.page.goto(server.base_url + "/dashboard")
    _use_key(page, "not-a-key-of-this-server-0123")
    page.page.wait_for_selector("#api-key[data-key=refused]", timeout=90_000)
    assert page.page.locator("#api-key output").inner_text() == "key refused by the server"
    assert page.page.locator("#api-key button.forget").is_visible()
