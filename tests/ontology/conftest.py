"""The ontology, parsed once for the whole ontology test package."""

from __future__ import annotations

import pytest
from rdflib import Graph

from kg.resources import ONTOLOGY_TTL


@pytest.fixture(scope="session")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY_TTL, format="turtle")
