"""What the write road asks of a reasoner, whichever engine answers.

Two engines implement it: the compiled rules (:mod:`kg.reasoning.compiled`, the one the
knowledge graph uses) and the reference engine (:mod:`kg.reasoning.reference`,
``reasonable`` completed by the rules it lacks), which the compiled rules hand the calls
they cannot decide and which the differential tests compare them with.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from kg.reasoning.consistency import Inconsistency
from kg.store.base import Triple


class Reasoner(Protocol):
    """OWL 2 RL (W3C OWL 2 Profiles, 2nd ed., §4.3) over data against a fixed ontology."""

    def entailments(self, data: Iterable[Triple], about: set | None = None) -> set[Triple]:
        """Triples that follow from ``data`` and the ontology but are in neither (nor
        trivial, nor about ontology terms); only those whose subject is in ``about``."""
        ...

    def entailments_about(self, nodes: set, data: Iterable[Triple]) -> set[Triple]:
        """The entailments whose subject is one of ``nodes``, from their neighbourhood."""
        ...

    def inconsistencies(self, data: Iterable[Triple]) -> list[Inconsistency]:
        """Every clash of ``data`` with the ontology (a rule concluding "false"), each
        with its rule, axiom and nodes; empty when ``data`` is consistent."""
        ...

    def inconsistencies_made(
        self, after: set[Triple], removed: Iterable[Triple], added: Iterable[Triple]
    ) -> list[Inconsistency]:
        """The clashes of ``after`` that a change (``removed``, ``added``) brought about,
        not those the triples already held before it."""
        ...
