"""Scale of the reliability tests and the figures they measure.

``make test`` runs each test short (a few kills, seconds of load); ``make stress`` sets
``CKM_STRESS=1`` and runs the same tests at full scale (20+ kills, a minute of load).
Measured figures are printed at the end of the run, for docs/RELIABILITY.md.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

import pytest

STRESS = bool(os.environ.get("CKM_STRESS"))
_FIGURES: dict[str, dict[str, object]] = {}


@dataclass(frozen=True)
class Scale:
    """How hard a run pushes."""

    kills: int  # SIGKILLs per crash test
    load_seconds: float  # duration of the concurrent load
    batch_customers: int  # demo customers per imported batch (CLI)


QUICK = Scale(kills=3, load_seconds=10, batch_customers=20)
FULL = Scale(kills=20, load_seconds=60, batch_customers=100)


@pytest.fixture(scope="session")
def scale() -> Scale:
    return FULL if STRESS else QUICK


@pytest.fixture
def figures(request: pytest.FixtureRequest) -> dict[str, object]:
    """A dict the test fills with what it measured; printed after the run."""
    return _FIGURES.setdefault(request.node.name, {})


def pytest_terminal_summary(terminalreporter) -> None:
    measured = {name: values for name, values in _FIGURES.items() if values}
    if not measured:
        return
    terminalreporter.section("reliability figures" + (" (stress)" if STRESS else ""))
    for name, values in measured.items():
        shown = ", ".join(f"{k}={v}" for k, v in values.items())
        terminalreporter.write_line(f"{name}: {shown}")
