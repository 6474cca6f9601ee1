"""OWL 2 RL entailment with the ontology's rules compiled once (see :mod:`.reasoner`)."""

from kg.reasoning.compiled.reasoner import CompiledReasoner

__all__ = ["CompiledReasoner"]
