"""A real browser on a real server: Debian's chromium driven by Playwright, against
``ckm serve`` on the demo data (one server for the whole UI session).

Every page is watched: a request to any host but the server fails the test (the UI must
work offline), and so does a script error. Screenshots go to the test's tmp dir, and
also to ``$CKM_UI_SCREENSHOTS`` when set (``docs/screenshots`` for the README).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.api.live_server import LiveServer, live_server

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VIEWPORT = {"width": 1280, "height": 860}
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}


@pytest.fixture(scope="session")
def browser() -> Iterator:
    """Headless chromium (Debian's; Playwright never downloads one)."""
    if not CHROMIUM.exists():
        pytest.skip("needs Debian's chromium at /usr/bin/chromium; .ci/run installs it")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    with live_server(tmp_path_factory.mktemp("ui-server")) as running:
        yield running


@dataclass
class Watched:
    """A page and what it did that a test must not let pass."""

    page: object
    screenshots: Path
    external_requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def screenshot(self, name: str, full_page: bool = False) -> Path:
        """A PNG of the page in the test's tmp dir (and in ``$CKM_UI_SCREENSHOTS``)."""
        path = self.screenshots / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=full_page)
        published = os.environ.get("CKM_UI_SCREENSHOTS")
        if published:
            Path(published).mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, Path(published) / path.name)
        return path


@pytest.fixture
def page(browser, tmp_path: Path) -> Iterator[Watched]:
    """A fresh browser context and page; fails the test on external requests or script
    errors."""
    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    watched = Watched(page, tmp_path)

    def guard(route) -> None:
        url = urlsplit(route.request.url)
        if url.scheme in {"http", "https"} and url.hostname not in LOCAL_HOSTS:
            watched.external_requests.append(route.request.url)
            route.abort()
        else:
            route.continue_()

    page.route("**/*", guard)
    page.on("pageerror", lambda error: watched.errors.append(str(error)))
    yield watched
    context.close()
    assert watched.external_requests == [], "the UI must not reach outside the server"
    assert watched.errors == [], "script errors on the page"
