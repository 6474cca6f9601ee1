"""pyshacl-turbo, the second peer, reports what pySHACL reports on the CKM shapes: on
every shapes example, on the demo data (whole and with focus restrictions) and on
seeded random mutations of write-sized neighbourhoods of it."""

from __future__ import annotations

import random

import pytest
from rdflib import URIRef

from tests.shacl.conftest import Compare
from tests.shacl.test_differential_cases import EXAMPLES, _variant_graph
from tests.shacl.test_differential_demo import Triple, _Mutator, classes, demo, neighbourhood

__all__ = ["classes", "demo"]  # the fixtures of the demo differential tests
MUTATED_GRAPHS = 40


@pytest.mark.parametrize(
    ("valid", "variant"),
    [(valid, variant) for _concept, valid, variant in EXAMPLES],
    ids=[f"{concept}-{variant.id}" for concept, _valid, variant in EXAMPLES],
)
def test_every_shapes_example(same_report_turbo: Compare, valid, variant) -> None:
    same_report_turbo(_variant_graph(valid, variant))


def test_demo_data(same_report_turbo: Compare, demo: list[Triple]) -> None:
    same_report_turbo(demo)


def test_demo_data_with_focus(same_report_turbo: Compare, demo: list[Triple]) -> None:
    rng = random.Random(3)
    subjects = sorted({s for s, _p, _o in demo})
    for _ in range(3):
        same_report_turbo(demo, focus=rng.sample(subjects, 25))


@pytest.mark.parametrize("seed", range(MUTATED_GRAPHS))
def test_mutated_neighbourhood(same_report_turbo: Compare, demo, classes, seed: int) -> None:
    rng = random.Random(seed)
    subjects = sorted({s for s, _p, _o in demo if isinstance(s, URIRef)})
    mutated = _Mutator(rng, classes, demo).mutate(neighbourhood(demo, rng.choice(subjects)))
    same_report_turbo(mutated)
