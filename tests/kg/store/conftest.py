"""One store test suite for every backend: each test runs on each backend fixture."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kg.store.base import Store
from kg.store.embedded import EmbeddedStore


@pytest.fixture(params=["embedded"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """A fresh, empty store of each backend."""
    backend = EmbeddedStore(tmp_path / "store")
    yield backend
    backend.close()
