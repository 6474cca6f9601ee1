"""OWL 2 RL reasoning: entailments for the inferred graph, inconsistencies to refuse.

- :mod:`.protocol`: the ``Reasoner`` the write road asks;
- :mod:`.compiled`: the ontology's rules compiled once, chained over each write's data;
- :mod:`.reference`: ``reasonable`` and :mod:`.complement` (the rules it lacks);
- :mod:`.consistency`: the rules that conclude "false";
- :mod:`.rules`: every rule of the W3C tables and where it runs; :mod:`.coverage`: the
  start-up report of the rules the ontology in use triggers.
"""

from kg.reasoning.compiled import CompiledReasoner
from kg.reasoning.consistency import Inconsistency, InconsistencyReport
from kg.reasoning.coverage import Coverage, CoverageNote
from kg.reasoning.protocol import Reasoner
from kg.reasoning.reference import TRIVIAL_TYPES, ReferenceReasoner
from kg.reasoning.rules import RULES, Rule
from kg.reasoning.terms import plain

__all__ = [
    "RULES",
    "TRIVIAL_TYPES",
    "CompiledReasoner",
    "Coverage",
    "CoverageNote",
    "Inconsistency",
    "InconsistencyReport",
    "Reasoner",
    "ReferenceReasoner",
    "Rule",
    "plain",
]
