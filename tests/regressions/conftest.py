"""Regression tests use the knowledge-graph fixtures of tests/kg, the served app of
tests/security and, as ``api``, the real app on a store holding small.ttl (on every
backend where a module sets ``RUN_ON_EVERY_BACKEND``)."""

from __future__ import annotations

import io

import pytest

from kg import DumpFormat
from tests.api.conftest import App, _small_app
from tests.engines import EngineServer
from tests.kg.conftest import ENGINE_FIXTURES, graph, pytest_generate_tests, small
from tests.security.conftest import served

__all__ = ["api", "graph", "pytest_generate_tests", "served", "small"]


@pytest.fixture(scope="session")
def _api_apps():
    apps: dict[str, tuple[App, bytes]] = {}
    yield apps
    for app, _snapshot in apps.values():
        app.close()


@pytest.fixture
def api(backend: str, _api_apps, tmp_path_factory, request: pytest.FixtureRequest) -> App:
    """The real app (TestClient) on a store of ``backend`` holding exactly small.ttl."""
    if backend not in _api_apps:
        overrides = {}
        if backend != "embedded":
            server: EngineServer = request.getfixturevalue(ENGINE_FIXTURES[backend])
            server.empty()
            overrides = server.settings_fields()
        _api_apps[backend] = _small_app(tmp_path_factory.mktemp("api"), **overrides)
    app, snapshot = _api_apps[backend]
    app.graph.restore(io.BytesIO(snapshot), DumpFormat.NQUADS)
    return app
