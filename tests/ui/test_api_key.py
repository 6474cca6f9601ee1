"""Where the server asks a key even for reads (CKM_READS_NEED_KEY), the reader enters one
in the page header; the dashboard and the editor then send it as a bearer token."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from kg.reporting.charts import CKM_CHARTS
from tests.api.live_server import WRITER_KEY, LiveServer, live_server
from tests.ui.conftest import Watched
from tests.ui.test_editor import RESULT_ROWS, RUN


@pytest.fixture(scope="module")
def guarded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    with live_server(tmp_path_factory.mktemp("guarded"), READS_NEED_KEY="true") as running:
        yield running


def _enter_key(page: Watched, key: str) -> None:
    page.page.fill("#api-key input", key)
    with page.page.expect_navigation():
        page.page.click("#api-key button[type=submit]")


def test_without_a_key_the_dashboard_says_so_and_with_one_it_draws(
    page: Watched, guarded: LiveServer
):
    page.page.goto(guarded.base_url + "/dashboard")
    page.page.wait_for_selector("#charts[aria-busy=false]")
    first = page.page.locator(f"#chart-{CKM_CHARTS[0].query}")
    assert first.get_attribute("data-state") == "error"
    assert "401" in first.inner_text()
    _enter_key(page, WRITER_KEY)
    page.page.wait_for_selector("#charts[aria-busy=false]")
    for spec in CKM_CHARTS:
        card = page.page.locator(f"#chart-{spec.query}")
        assert card.get_attribute("data-state") == "ready", card.inner_text()
    page.page.wait_for_selector("#api-key[data-key=in-use]", timeout=90_000)
    assert page.page.locator("#api-key output").inner_text() == "key “live-writer” in use (writer)"
    # the key stays in this tab: it is not a cookie
    assert page.page.context.cookies() == []


def test_the_editor_sends_the_key_with_its_queries(page: Watched, guarded: LiveServer):
    page.page.goto(guarded.base_url + "/editor")
    _enter_key(page, WRITER_KEY)
    page.page.locator(".yasqe .CodeMirror").wait_for()
    page.page.click(RUN)
    page.page.wait_for_selector(RESULT_ROWS)
    assert page.page.locator(RESULT_ROWS).count() > 0
