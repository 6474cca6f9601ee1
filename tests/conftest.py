"""Fixtures shared by the whole suite."""

from __future__ import annotations

import shutil
from collections.abc import Iterator

import pytest

from tests.engines import (
    EngineServer,
    oxigraph_executable,
    start_oxigraph,
    start_virtuoso,
    virtuoso_available,
)


@pytest.fixture(scope="session")
def java_available() -> None:
    """Skip with a reason when no Java runtime exists (``.ci/run`` installs one)."""
    if shutil.which("java") is None:
        pytest.skip("needs Java 17 (HermiT, OWL API); .ci/run installs it")


@pytest.fixture
def backend() -> str:
    """The store behind a test's knowledge graph: the embedded one, unless the test's
    module sets ``RUN_ON_EVERY_BACKEND`` (then also ``oxigraph serve`` and Virtuoso)."""
    return "embedded"


@pytest.fixture(scope="session")
def oxigraph_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EngineServer]:
    """An ``oxigraph serve`` on a free loopback port for the whole test session."""
    if oxigraph_executable() is None:
        pytest.skip("no oxigraph executable beside the interpreter (pip install oxigraph)")
    server = start_oxigraph(tmp_path_factory.mktemp("oxigraph") / "db")
    yield server
    server.stop()


@pytest.fixture(scope="session")
def virtuoso_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EngineServer]:
    """Virtuoso Open Source with a throwaway database, for the whole test session."""
    if not virtuoso_available():
        pytest.skip("needs Virtuoso Open Source (virtuoso-t); .ci/run installs it")
    server = start_virtuoso(tmp_path_factory.mktemp("virtuoso"))
    yield server
    server.stop()
