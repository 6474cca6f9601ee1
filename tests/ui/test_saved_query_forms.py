"""Saved queries as forms (issue 20), in a real browser: the picker grouped by the
literature's modules and searchable; a query's typed parameters as form fields (a firm
picker from the store, dates, IRIs), its question and sources beside it; filling the
form puts the query with its VALUES row bound in the editor, and a value the server
refuses is named under the form, leaving the query as it was."""

from __future__ import annotations

import httpx

from tests.api.live_server import LiveServer
from tests.ui.conftest import Watched
from tests.ui.test_editor import RESULT_ROWS, RUN

MEDSOFT = "http://localhost:8000/id/firm/medsoft"
QUERY_TEXT = "window.ckmEditor.getTab().getQuery()"
GROUPS = """() => [...document.querySelectorAll('#saved-queries optgroup')].map(g =>
  [g.label, [...g.querySelectorAll('option')].map(o => o.value)])"""


def _ready(page: Watched, server: LiveServer) -> None:
    page.page.goto(server.base_url + "/editor")
    page.page.wait_for_function("!document.getElementById('saved-queries').disabled")


def test_the_picker_groups_the_queries_by_module_and_searches_them(
    page: Watched, server: LiveServer
):
    saved = httpx.get(server.base_url + "/api/queries").json()
    _ready(page, server)
    groups = dict(page.page.evaluate(GROUPS))
    expected: dict[str, set[str]] = {}
    for query in saved:
        expected.setdefault(query["module"], set()).add(query["name"])
    assert {label: set(names) for label, names in groups.items()} == expected
    assert "Practices, alignment and co-destruction (seed 004)" in groups
    assert list(groups) == sorted(groups)
    page.page.fill("#saved-search", "alignment practice")
    found = [name for _, names in page.page.evaluate(GROUPS) for name in names]
    wanted = [
        q["name"]
        for q in saved
        if all(w in f"{q['title']} {q['question']} {q['name']} {q['module']}".lower()
               for w in ("alignment", "practice"))
    ]  # fmt: skip
    assert sorted(found) == sorted(wanted) and 0 < len(found) < len(saved)
    prompt = page.page.locator("#saved-queries option").first.inner_text()
    assert prompt == f"{len(found)} of {len(saved)} saved queries…"


def test_the_form_binds_the_parameters_and_the_query_runs(page: Watched, server: LiveServer):
    saved = {q["name"]: q for q in httpx.get(server.base_url + "/api/queries").json()}
    wanted = saved["contributions-by-value-area"]
    _ready(page, server)
    page.page.select_option("#saved-queries", wanted["name"])
    page.page.wait_for_selector("#saved-form:not([hidden])")
    assert page.page.locator("#param-from").get_attribute("type") == "date"
    assert page.page.locator("#param-to").get_attribute("type") == "date"
    page.page.wait_for_function(
        "iri => [...document.querySelectorAll('#param-firm option')].some(o => o.value === iri)",
        arg=MEDSOFT,
    )
    sources = page.page.locator("#saved-sources li").all_text_contents()
    assert sources == wanted["sources"]
    assert page.page.locator("#saved-question").inner_text() == wanted["question"]
    page.page.select_option("#param-firm", MEDSOFT)
    page.page.fill("#param-from", "2025-01-01")
    page.page.dispatch_event("#param-from", "change")
    page.page.wait_for_selector("#saved-form[data-state=bound]")
    page.page.wait_for_function(f"{QUERY_TEXT}.includes('2025-01-01')")
    text = page.page.evaluate(QUERY_TEXT)
    row = (
        f"VALUES (?firm ?from ?to) {{ (<{MEDSOFT}> "
        '"2025-01-01"^^<http://www.w3.org/2001/XMLSchema#date> UNDEF) }'
    )
    assert row in text
    page.page.click(RUN)
    page.page.wait_for_selector(RESULT_ROWS)
    direct = httpx.get(
        server.base_url + "/api/queries/contributions-by-value-area",
        params={"firm": MEDSOFT, "from": "2025-01-01"},
    ).json()["results"]["bindings"]
    assert page.page.locator(RESULT_ROWS).count() == len(direct)
    page.screenshot("editor-parameter-form", full_page=True)


def test_a_value_the_server_refuses_is_named_and_the_query_kept(page: Watched, server: LiveServer):
    _ready(page, server)
    page.page.select_option("#saved-queries", "drivers-per-practice")
    page.page.wait_for_selector("#saved-form:not([hidden])")
    before = page.page.evaluate(QUERY_TEXT)
    assert page.page.locator("#param-practice").get_attribute("list") == "known-concepts"
    page.page.fill("#param-practice", "not an iri")
    page.page.dispatch_event("#param-practice", "change")
    page.page.wait_for_selector("#saved-form[data-state=refused]")
    error = page.page.locator("#saved-form-error").inner_text()
    assert error.startswith("parameter 'practice' of query 'drivers-per-practice'"), error
    assert page.page.evaluate(QUERY_TEXT) == before
