"""The compiled validator reports exactly what pySHACL reports on every shapes example:
the valid example, every accepted and every refused variant of each concept
(``tests/shapes/test_*_shapes.py``)."""

from __future__ import annotations

import importlib
import pkgutil

import pytest
from rdflib import Graph

import tests.shapes
from tests.shacl.conftest import Compare
from tests.shapes.cases import ConceptExamples, Variant, accepted
from tests.shapes.conftest import parse_turtle


def _concepts() -> list[type[ConceptExamples]]:
    found = []
    for module_info in pkgutil.iter_modules(tests.shapes.__path__):
        if module_info.name.startswith("test_"):
            module = importlib.import_module(f"tests.shapes.{module_info.name}")
            found += [
                cls
                for cls in vars(module).values()
                if isinstance(cls, type)
                and issubclass(cls, ConceptExamples)
                and cls is not ConceptExamples
            ]
    return found


def _examples() -> list[tuple[str, str, Variant]]:
    examples = []
    for concept in _concepts():
        variants = (accepted("valid-example"), *concept.ACCEPTED, *concept.REFUSED)
        examples += [(concept.__name__, concept.VALID, v) for v in variants]
    return examples


EXAMPLES = _examples()


def _variant_graph(valid: str, variant: Variant) -> Graph:
    graph = parse_turtle(valid)
    for triple in parse_turtle(variant.drop):
        assert triple in graph, f"{variant.id}: dropped triple not in the example"
        graph.remove(triple)
    for triple in parse_turtle(variant.add):
        graph.add(triple)
    return graph


def test_every_concept_is_found() -> None:
    assert len(_concepts()) >= 8
    assert sum(1 for _c, _v, variant in EXAMPLES if variant.expected) > 50


@pytest.mark.parametrize(
    ("valid", "variant"),
    [(valid, variant) for _concept, valid, variant in EXAMPLES],
    ids=[f"{concept}-{variant.id}" for concept, _valid, variant in EXAMPLES],
)
def test_same_report_as_pyshacl(same_report: Compare, valid: str, variant: Variant) -> None:
    results = same_report(_variant_graph(valid, variant))
    # The examples say which shapes fire: a compiled validator reporting nothing fails.
    assert {(r.source_shape, r.focus_node) for r in results} >= {
        (str(shape), str(focus)) for shape, focus, _severity in variant.expected
    }
