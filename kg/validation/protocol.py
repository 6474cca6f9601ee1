"""The one face every SHACL engine shows the write road (SHACL §3: validation of a data
graph against a shapes graph, §3.6: the report)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from rdflib import Graph
from rdflib.term import Identifier

from kg.validation.report import ValidationReport


class Validator(Protocol):
    """Validates data against the shapes and the ontology it was made with.

    An engine is made once (reading and checking the shapes: an invalid shapes file is
    refused there, never during a validation) and then validates many times, from any
    thread.
    """

    def validate_triples(
        self, triples: Iterable[tuple], focus: Iterable[Identifier] | None = None
    ) -> ValidationReport:
        """Validate ``triples`` together with the ontology given at construction.

        Args:
            focus: when given, only results about these nodes are reported.
        """
        ...

    def validate(self, data: Graph, focus: Iterable[Identifier] | None = None) -> ValidationReport:
        """Validate ``data`` as it is (it must already hold the ontology facts the shapes
        read); ``data`` is only read."""
        ...
