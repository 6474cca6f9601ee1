"""What a refused write's results say about the data, in words a user can act on.

A shape's message states the rule ("a customer's country is at most one code"); only
the write road knows what the write met in the store. Before a refusal is raised (not in
a dry run: ``check`` reports what whole-graph validation would) each
Violation's message is prefixed with that: the offending value, the value already
stored when a write breaks an ``sh:maxCount`` ("c0001 already has country 'CH'; this
write adds 'DE'"), or the node a reference points to when nothing is stored about it
("http://…/nofirm does not exist"). The results themselves (focus, path, value, shape,
component, severity) are those of the validator, unchanged: only the text is.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from rdflib import Literal
from rdflib.namespace import SH
from rdflib.term import Node, URIRef

from kg.store.base import Triple
from kg.validation import ValidationReport, ValidationResult
from kg.vocab import CKM
from kg.write.delta import Delta
from kg.write.terms import is_data_node

# Components whose value is judged as a term (its form), not as a node that must exist.
_ABOUT_THE_TERM = frozenset(
    SH[name]
    for name in [
        "DatatypeConstraintComponent",
        "NodeKindConstraintComponent",
        "PatternConstraintComponent",
        "MinLengthConstraintComponent",
        "MaxLengthConstraintComponent",
        "LanguageInConstraintComponent",
        "InConstraintComponent",
        "HasValueConstraintComponent",
    ]
)


def explained(
    report: ValidationReport,
    own: Delta,
    after: set[Triple],
    described: Callable[[URIRef], bool],
) -> ValidationReport:
    """``report`` with each Violation's message prefixed by what the write met.

    Args:
        own: the refused write's own change (what "this write adds").
        after: the triples around the write's nodes as it would leave them.
        described: whether the data (with the write) says anything about a node.
    """
    added = {(s, p, o) for s, p, o, _g in own.added}
    results = tuple(
        _explained(result, added, after, described) if result.severity == "Violation" else result
        for result in report.results
    )
    return ValidationReport(results)


def _explained(
    result: ValidationResult,
    added: set[Triple],
    after: set[Triple],
    described: Callable[[URIRef], bool],
) -> ValidationResult:
    terms = result.terms
    if terms is None:
        return result
    focus, value, path = terms.focus, terms.value, terms.path
    prefix = ""
    if terms.component == SH.MaxCountConstraintComponent and isinstance(path, URIRef):
        values = sorted((o for s, p, o in after if s == focus and p == path), key=str)
        stored = [v for v in values if (focus, path, v) not in added]
        new = [v for v in values if (focus, path, v) in added]
        if stored and new:
            prefix = (
                f"{_short(focus)} already has {_short(path)} {_listed(stored)}; "
                f"this write adds {_listed(new)}"
            )
        elif values:
            prefix = f"{_short(focus)} would have {len(values)} {_short(path)}: {_listed(values)}"
    elif (
        isinstance(value, URIRef)
        and terms.component not in _ABOUT_THE_TERM
        and is_data_node(value)
        and value != focus
        and not described(value)
    ):
        links = sorted(p for s, p, o in after if s == focus and o == value)
        via = f" as its {_short(links[0])}" if links else ""
        prefix = (
            f"{value} does not exist (nothing is stored about it), yet "
            f"{_short(focus)} refers to it{via}"
        )
    elif value is not None:
        of = f"'s {_short(path)}" if isinstance(path, URIRef) else ": the value"
        prefix = f"{_short(focus)}{of} {_shown(value)} is refused"
    else:  # a rule read through a link (contributedBy/customerRole): is its end missing?
        missing = sorted(
            (p, o)
            for s, p, o in added
            if s == focus and isinstance(o, URIRef) and is_data_node(o) and not described(o)
        )
        if missing:
            link, node = missing[0]
            prefix = (
                f"{node} does not exist (nothing is stored about it), yet "
                f"{_short(focus)} refers to it as its {_short(link)}"
            )
    if not prefix:
        return result
    return replace(result, message=f"{prefix}: {result.message}")


def _short(node: Node | None) -> str:
    """A node as a user names it: ``ckm:`` terms as CURIEs, data IRIs by their last
    segment (``http://…/customer/c0001`` is ``c0001``)."""
    text = str(node)
    if text.startswith(str(CKM)):
        local = text[len(str(CKM)) :]
        return local if local[:1].islower() else f"ckm:{local}"  # properties read as words
    return text.rstrip("/#").rsplit("/", 1)[-1].rsplit("#", 1)[-1] or text


def _shown(value: Node) -> str:
    if isinstance(value, Literal):
        return repr(str(value))
    return _short(value) if str(value).startswith(str(CKM)) else str(value)


def _listed(values: list[Node]) -> str:
    return ", ".join(_shown(v) for v in values)
