"""Fixtures shared by the whole suite."""

from __future__ import annotations

import shutil

import pytest


@pytest.fixture(scope="session")
def java_available() -> None:
    """Skip with a reason when no Java runtime exists (``.ci/run`` installs one)."""
    if shutil.which("java") is None:
        pytest.skip("needs Java 17 (HermiT, OWL API); .ci/run installs it")
