"""The tests every concept's shapes run on its Turtle examples of valid and invalid data.

Each ``test_<concept>_shapes.py`` holds one subclass of :class:`ConceptExamples` that writes
the concept's valid example (``VALID``) and the variants of it the shapes must accept
(``ACCEPTED``) or refuse (``REFUSED``). The subclass inherits the tests: the valid example and
every accepted variant produce no result, and every refused variant produces exactly the
results it names.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar, NamedTuple

import pytest
from rdflib import SH, Namespace
from rdflib.term import Node

CKMSH = Namespace("https://w3id.org/ckm/shapes#")
EX = Namespace("https://example.org/")
V, W, INFO = SH.Violation, SH.Warning, SH.Info


class Variant(NamedTuple):
    """The valid example with the ``drop`` triples removed and the ``add`` triples added.

    ``expected`` holds the (source shape, focus node, severity) of every result the variant
    must produce; an accepted variant expects none.
    """

    id: str
    drop: str = ""
    add: str = ""
    expected: tuple[tuple[Node, Node, Node], ...] = ()


def accepted(variant_id: str, drop: str = "", add: str = "") -> Variant:
    """A variant the shapes accept: it produces no result at all."""
    return Variant(variant_id, drop, add)


def refused(variant_id: str, drop: str, add: str, *expected: tuple[str, Node, Node]) -> Variant:
    """A variant the shapes refuse; ``expected`` names each shape by its local name in ckmsh:."""
    reports = tuple((CKMSH[shape], focus, severity) for shape, focus, severity in expected)
    return Variant(variant_id, drop, add, reports)


class ConceptExamples:
    """One concept's examples and the tests run on them; subclasses set the three tables."""

    VALID: ClassVar[str]
    ACCEPTED: ClassVar[Sequence[Variant]] = ()
    REFUSED: ClassVar[Sequence[Variant]] = ()

    def pytest_generate_tests(self, metafunc: pytest.Metafunc) -> None:
        # The valid example as written is the accepted variant that changes nothing.
        tables = {
            "accepted_variant": (accepted("valid-example"), *self.ACCEPTED),
            "refused_variant": tuple(self.REFUSED),
        }
        for argument, table in tables.items():
            if argument in metafunc.fixturenames:
                metafunc.parametrize(argument, table, ids=[v.id for v in table])

    def test_accepted_variants_produce_no_result(self, validate, variant, accepted_variant):
        drop, add = accepted_variant.drop, accepted_variant.add
        assert validate(variant(self.VALID, drop, add)) == []

    def test_each_rule_reports_its_own_shape(
        self, validate, variant, assert_reported, refused_variant
    ):
        drop, add = refused_variant.drop, refused_variant.add
        assert_reported(validate(variant(self.VALID, drop, add)), *refused_variant.expected)
