"""Domain errors of the knowledge graph, one type per problem a caller can act on."""

from __future__ import annotations

from typing import Any

# -- the write road -------------------------------------------------------------------------


class InconsistentWrite(Exception):
    """A write would make the graph inconsistent under OWL 2 RL (a rule concluding
    "false" matches: a node in two disjoint classes, a member of ``owl:Nothing``,
    ``owl:sameAs`` between different individuals…); nothing was written.

    ``report`` names each clash: the rule, the axiom it read and the nodes (text and
    JSON forms: ``to_text()``, ``as_dict()``).
    """

    def __init__(self, report: Any) -> None:
        super().__init__(report.to_text())
        self.report = report


# -- the ontology ---------------------------------------------------------------------------


class OntologyUnusable(Exception):
    """The ontology in use (the shipped one and the user's extensions,
    ``CKM_EXTRA_ONTOLOGY``) cannot be used: a file is missing or does not parse, or the
    ontology is inconsistent by itself. Raised when the ontology is first read (at start,
    or at the first write); the message names the file or the clashing axioms."""
