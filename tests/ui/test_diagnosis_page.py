"""The diagnosis page in a real browser (issue 18: "a diagnosis page in the web UI with
the score components and the evidence one click away"): the firm picker lists the
store's firms, the diagnosis of the one chosen is shown with its sections, and its
evidence links open in the window, not inside the frame."""

from __future__ import annotations

from tests.api.live_server import LiveServer
from tests.ui.conftest import Watched

MEDSOFT = "http://localhost:8000/id/firm/medsoft"
SECTION_HEADINGS = "() => [...document.querySelectorAll('h2')].map(h => h.textContent)"


def test_the_diagnosis_of_a_chosen_firm_is_shown(page: Watched, server: LiveServer):
    page.page.goto(server.base_url + "/diagnosis")
    picker = page.page.locator("#firm")
    page.page.wait_for_function("document.querySelectorAll('#firm option').length > 1")
    assert MEDSOFT in [o.get_attribute("value") for o in picker.locator("option").all()]
    picker.select_option(MEDSOFT)
    page.page.click("#diagnose button[type=submit]")
    page.page.wait_for_selector("#diagnosis[data-state=ready]")
    frame = page.page.frame_locator("#diagnosis")
    assert "Medical Software Company (A)" in frame.locator("h1").inner_text()  # firm A of Table 1
    headings = page.page.frames[1].evaluate(SECTION_HEADINGS)
    assert "Evidence of the findings" in headings and len(headings) >= 4, headings
    evidence = frame.locator("li a").first
    assert evidence.get_attribute("href").startswith("http://localhost:8000/id/")
    assert page.page.frames[1].evaluate("document.querySelector('base').target") == "_top"
    assert page.page.locator("#as-json").get_attribute("href") == "/api/firms/medsoft/diagnosis"
    page.screenshot("diagnosis", full_page=True)


def test_a_period_that_ends_before_it_starts_is_said_in_words(page: Watched, server: LiveServer):
    page.page.goto(server.base_url + f"/diagnosis?firm={MEDSOFT}")
    page.page.wait_for_selector("#diagnosis[data-state=ready]")
    page.page.fill("#from", "2026-05-01")
    page.page.fill("#to", "2026-01-01")
    page.page.click("#diagnose button[type=submit]")
    page.page.wait_for_function("document.getElementById('status').textContent.includes('after')")
    assert "starts (2026-05-01) after it ends" in page.page.locator("#status").inner_text()
