"""Both reasoners over the CKM ontology, built once, and the check that they agree."""

from __future__ import annotations

from collections.abc import Callable, Iterable

import pytest
from rdflib import Graph

from kg.reasoning import CompiledReasoner, ReferenceReasoner
from kg.resources import ONTOLOGY_TTL
from kg.store.base import Triple


@pytest.fixture(scope="session")
def ckm_ontology() -> Graph:
    return Graph().parse(ONTOLOGY_TTL, format="turtle")


@pytest.fixture(scope="session")
def reference(ckm_ontology: Graph) -> ReferenceReasoner:
    return ReferenceReasoner(ckm_ontology)


@pytest.fixture(scope="session")
def compiled(ckm_ontology: Graph) -> CompiledReasoner:
    return CompiledReasoner(ckm_ontology)


@pytest.fixture(scope="session")
def assert_same(
    reference: ReferenceReasoner, compiled: CompiledReasoner
) -> Callable[..., set[Triple]]:
    """Check both reasoners give the same entailments of ``data`` (about ``about``) and
    that ``reasonable`` answered for the compiled rules exactly when ``fallback`` says
    (None: either may); return the entailments."""

    def _assert(
        data: Iterable[Triple], about: set | None = None, *, fallback: bool | None = False
    ) -> set[Triple]:
        data = set(data)
        before = compiled.fallbacks
        got = compiled.entailments(data, about)
        expected = reference.entailments(data, about)
        missing, extra = sorted(expected - got), sorted(got - expected)
        assert not missing and not extra, f"missing {missing[:5]}, extra {extra[:5]}"
        if fallback is not None:
            assert (compiled.fallbacks > before) == fallback
        return got

    return _assert
