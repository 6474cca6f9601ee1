"""Regression tests use the knowledge-graph fixtures of tests/kg."""

from tests.kg.conftest import graph, small

__all__ = ["graph", "small"]
