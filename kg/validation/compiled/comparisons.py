"""Value comparisons of ``sh:minInclusive``, ``sh:maxInclusive`` and
``sh:lessThanOrEquals``, decided exactly as pySHACL decides them.

SPARQL and rdflib order literals differently at the edges (ill-typed literals, dates
against date-times), so the compiled query only finds the candidate values and these
functions decide which of them violate.
"""

from __future__ import annotations

from collections.abc import Callable

from pyshacl.rdfutil.compare import compare_literal
from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

# Which outcomes of compare_literal(value, bound) pass, per range component.
_PASSES: dict[str, Callable[[int], bool]] = {
    "minInclusive": lambda cmp: cmp >= 0,
    "maxInclusive": lambda cmp: cmp <= 0,
    "minExclusive": lambda cmp: cmp > 0,
    "maxExclusive": lambda cmp: cmp < 0,
}

RANGE_COMPONENTS = tuple(_PASSES)


def violates_range(component: str, bound: Literal, value: Node) -> bool:
    """True when ``value`` breaks ``sh:<component> bound``.

    Raises:
        KeyError: ``component`` is not one of :data:`RANGE_COMPONENTS`.
    """
    passes = _PASSES[component]
    if not isinstance(value, Literal):
        return True  # IRIs and blank nodes cannot be compared
    if isinstance(bound.value, str) != isinstance(value.value, str):
        return True
    try:
        return not passes(compare_literal(value, bound))
    except (TypeError, NotImplementedError):
        # pySHACL's compare_literal raises these for values of incomparable types (a
        # date-time with a time zone against one without); pySHACL reports them too.
        return True


def violates_less_than_or_equals(value: Node, other: Node) -> bool:
    """True when ``value`` is not ``<=`` ``other`` (``sh:lessThanOrEquals``).

    IRIs and string literals compare as text, and never with other values.
    """
    if isinstance(value, BNode) or isinstance(other, BNode):
        return True  # pySHACL refuses to compare blank nodes
    left, left_text = _comparable(value)
    right, right_text = _comparable(other)
    if left_text != right_text:
        return True
    try:
        return not left <= right  # type: ignore[operator]
    except TypeError:
        return True


def _comparable(term: Node) -> tuple[object, bool]:
    if isinstance(term, URIRef):
        return str(term), True
    if isinstance(term, Literal) and isinstance(term.value, str):
        return term.value, True
    return term, False
