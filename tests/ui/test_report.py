"""``ckm report``: one self-contained HTML file with the charts, checked as text and in
the browser (opened from disk, with every network request refused)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from html import escape
from pathlib import Path

import pytest

from kg.queries import saved_queries
from kg.reporting.charts import CKM_CHARTS
from tests.ui.conftest import Watched

REPO = Path(__file__).resolve().parents[2]
FIRM = "http://localhost:8000/id/firm/medsoft"
EXTERNAL_REFERENCE = re.compile(r"""(?:src|href|action)\s*=\s*["']?\s*(?:https?:)?//""", re.I)


def ckm(store: Path, *args: str) -> subprocess.CompletedProcess:
    env = {name: value for name, value in os.environ.items() if not name.startswith("CKM_")}
    env["PYTHONPATH"] = str(REPO)
    return subprocess.run(
        [sys.executable, "-m", "kg.cli", "--store", str(store), *args],
        cwd=store.parent,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A demo store of its own (the UI server holds its store's lock)."""
    path = tmp_path_factory.mktemp("report") / "store"
    loaded = ckm(path, "demo", "--customers", "10")
    assert loaded.returncode == 0, loaded.stderr
    yield path


@pytest.fixture(scope="module")
def report(store: Path) -> Path:
    out = store.parent / "report.html"
    made = ckm(store, "report", "--out", str(out))
    assert made.returncode == 0, made.stderr
    return out


def test_the_report_is_self_contained(report: Path):
    html = report.read_text(encoding="utf-8")
    assert EXTERNAL_REFERENCE.findall(html) == []
    assert "<script" not in html.lower()
    assert "<link" not in html.lower()
    assert "@import" not in html and "url(" not in html


def test_the_report_holds_every_chart_with_data(report: Path):
    html = report.read_text(encoding="utf-8")
    charts = re.findall(r'<svg [^>]*class="chart"[^>]*data-categories="(\d+)"', html)
    assert len(charts) == len(CKM_CHARTS)
    assert all(int(categories) > 0 for categories in charts)
    for spec in CKM_CHARTS:
        title = escape(saved_queries()[spec.query].title)
        assert f'id="{spec.query}"' in html and title in html


def test_the_report_shows_its_charts_in_a_browser(page: Watched, report: Path):
    page.page.goto(report.as_uri())
    charts = page.page.locator("svg.chart")
    assert charts.count() == len(CKM_CHARTS)
    for index in range(charts.count()):
        box = charts.nth(index).bounding_box()
        assert box and box["width"] > 300 and box["height"] > 60
        assert charts.nth(index).locator("rect, circle").count() > 0
    page.screenshot("report", full_page=True)


def test_a_firm_report_names_the_firm(store: Path):
    out = store.parent / "medsoft.html"
    made = ckm(store, "report", "--out", str(out), "--firm", FIRM)
    assert made.returncode == 0, made.stderr
    html = out.read_text(encoding="utf-8")
    assert "Medical Software Company" in html and FIRM in html


@pytest.mark.parametrize("firm", ["http://localhost:8000/id/firm/nobody", "not an iri"])
def test_an_unknown_firm_is_bad_input(store: Path, firm: str):
    out = store.parent / "nobody.html"
    made = ckm(store, "report", "--out", str(out), "--firm", firm)
    assert made.returncode == 2
    assert not out.exists()
