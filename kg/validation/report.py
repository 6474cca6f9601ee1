"""What a SHACL validation found: its results and the report (SHACL §3.6 Validation
Report), as Python values, plain text, JSON and the W3C ``sh:ValidationReport`` graph.

Per SHACL §3.6.1 a report *conforms* only when it holds no result at all, whatever the
results' severity. The write road is stricter about what it refuses than about what it
reports: it refuses a write only on a result of severity ``sh:Violation``
(:attr:`ValidationReport.accepted`); warnings and infos are reported and the write goes
through.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, SH, XSD
from rdflib.term import Identifier, Node

from kg.validation.property_paths import Path, path_text, path_triples

SEVERITY_NAMES = {SH.Violation: "Violation", SH.Warning: "Warning", SH.Info: "Info"}


def severity_name(severity: Node) -> str:
    """``Violation``, ``Warning``, ``Info``, or the IRI of any other severity (§3.4)."""
    return SEVERITY_NAMES.get(severity, str(severity))  # type: ignore[call-overload]


def term_key(term: Node | None) -> tuple:
    """A key equal for two terms exactly when they are the same RDF term.

    rdflib's ``==`` compares some literals by value, and ill-typed ones by a value they
    do not have (``"none"^^xsd:boolean == "false"^^xsd:boolean``); SHACL works on terms.
    """
    if term is None:
        return ()
    if isinstance(term, Literal):
        # RDF 1.1: a simple literal is an xsd:string; rdflib keeps the two apart.
        datatype = "" if term.datatype in (None, XSD.string) else str(term.datatype)
        # rdflib rewrites "none"^^xsd:boolean as "false" and only flags it ill-typed:
        # the flag is all that is left of the difference.
        ill_typed = term.ill_typed is True
        return ("literal", str(term), (term.language or "").lower(), datatype, ill_typed)
    return (type(term).__name__, str(term))


@dataclass(frozen=True)
class ResultTerms:
    """A result's nodes as exact RDF terms: what the W3C report graph is written from."""

    focus: Node
    value: Node | None
    path: Path | None
    shape: Node
    severity: URIRef
    component: URIRef
    source_constraint: Node | None = None
    # Every sh:resultMessage, with its language (the text field holds one of them).
    messages: tuple[Literal, ...] = ()

    def key(self) -> tuple:
        return (
            term_key(self.focus),
            term_key(self.value),
            self.path,
            term_key(self.shape),
            term_key(self.source_constraint),
        )


@dataclass(frozen=True, eq=False)
class ValidationResult:
    """One SHACL result (§3.6.2): which node broke which rule, how badly, in plain words.

    The text fields are what callers read; :attr:`terms`, when the engine gives it,
    holds the exact RDF terms. Two results are equal when their texts and their terms
    are (a literal ``"1"^^xsd:integer`` is not the string ``"1"``).
    """

    severity: str
    focus_node: str
    path: str | None
    value: str | None
    message: str
    source_shape: str
    constraint: str
    terms: ResultTerms | None = field(default=None, repr=False)

    def _key(self) -> tuple:
        texts = (self.severity, self.focus_node, self.path, self.value, self.message)
        terms = () if self.terms is None else self.terms.key()
        return (*texts, self.source_shape, self.constraint, terms)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ValidationResult) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    @classmethod
    def of(cls, terms: ResultTerms, message: str | None = None) -> ValidationResult:
        """The result with these terms, its text fields written from them (the message:
        of several, the first in text order)."""
        if message is None:
            message = min((str(m) for m in terms.messages), default="")
        return cls(
            severity=severity_name(terms.severity),
            focus_node=str(terms.focus),
            path=None if terms.path is None else path_text(terms.path),
            value=None if terms.value is None else str(terms.value),
            message=message,
            source_shape=str(terms.shape),
            constraint=str(terms.component),
            terms=terms,
        )

    def as_dict(self) -> dict[str, str | None]:
        return {
            "severity": self.severity,
            "focusNode": self.focus_node,
            "resultPath": self.path,
            "value": self.value,
            "message": self.message,
            "sourceShape": self.source_shape,
            "constraint": self.constraint,
        }


def result_order(r: ValidationResult) -> tuple:
    """Violations first, then by severity, focus node, path and message."""
    return (r.severity != "Violation", r.severity, r.focus_node, r.path or "", r.message)


def sorted_results(results: Iterable[ValidationResult]) -> tuple[ValidationResult, ...]:
    """``results`` in :func:`result_order` (ties in a stable order). Equal results stay:
    SHACL reports a result each time a shape is reached (W3C test
    ``validation-reports/shared``) and once per pair of values that breaks a pair
    constraint (``lessThan-002``)."""
    return tuple(sorted(results, key=lambda r: (*result_order(r), repr(r._key()))))


@dataclass(frozen=True)
class ValidationReport:
    """The outcome of a validation (§3.6.1)."""

    results: tuple[ValidationResult, ...] = field(default_factory=tuple)

    @property
    def conforms(self) -> bool:
        """``sh:conforms``: true exactly when there is no result, of any severity."""
        return not self.results

    @property
    def accepted(self) -> bool:
        """The write road's verdict: no result of severity Violation."""
        return not self.violations

    @property
    def violations(self) -> list[ValidationResult]:
        return [r for r in self.results if r.severity == "Violation"]

    @property
    def warnings(self) -> list[ValidationResult]:
        """Every result that is not a Violation (warnings, infos, other severities)."""
        return [r for r in self.results if r.severity != "Violation"]

    def about(self, nodes: set) -> ValidationReport:
        """The results whose focus node is one of ``nodes``."""
        names = {str(node) for node in nodes}
        return ValidationReport(tuple(r for r in self.results if r.focus_node in names))

    def as_dict(self) -> dict:
        return {
            "conforms": self.conforms,
            "accepted": self.accepted,
            "violations": len(self.violations),
            "warnings": sum(1 for r in self.results if r.severity == "Warning"),
            "infos": sum(1 for r in self.results if r.severity == "Info"),
            "results": [r.as_dict() for r in self.results],
        }

    @classmethod
    def from_dict(cls, data: dict) -> ValidationReport:
        """The report :meth:`as_dict` gave (the text fields; no RDF terms), e.g. from an
        HTTP answer.

        >>> report = ValidationReport((ValidationResult("Violation", "ex:a", "ckm:x",
        ...     None, "bad", "ex:S", "sh:MinCountConstraintComponent"),))
        >>> ValidationReport.from_dict(report.as_dict()) == report
        True
        """
        return cls(
            tuple(
                ValidationResult(
                    severity=r["severity"],
                    focus_node=r["focusNode"],
                    path=r.get("resultPath"),
                    value=r.get("value"),
                    message=r.get("message") or "",
                    source_shape=r.get("sourceShape") or "",
                    constraint=r.get("constraint") or "",
                )
                for r in data.get("results", ())
            )
        )

    def to_json(self) -> str:
        return json.dumps(self.as_dict(), indent=2)

    def to_text(self) -> str:
        if not self.results:
            return "Conforms: no violations, no warnings."
        verdict = "accepted: only a Violation refuses a write" if self.accepted else "refused"
        lines = [
            f"Conforms: NO ({len(self.violations)} violation(s), "
            f"{len(self.warnings)} warning(s)/info(s); {verdict})"
        ]
        for r in self.results:
            where = f" {r.path}" if r.path else ""
            value = f" value {r.value}" if r.value else ""
            lines.append(f"- {r.severity}: {r.focus_node}{where}{value}: {r.message}")
        return "\n".join(lines)

    def to_rdf(self) -> Graph:
        """The report as a W3C SHACL ``sh:ValidationReport`` graph (§3.6).

        The report and its results are blank nodes; each result has its own copy of a
        complex ``sh:resultPath``.
        """
        graph = Graph()
        graph.bind("sh", SH)
        report = BNode()
        graph.add((report, RDF.type, SH.ValidationReport))
        graph.add((report, SH.conforms, Literal(self.conforms)))
        for r in self.results:
            node = BNode()
            graph.add((report, SH.result, node))
            graph.add((node, RDF.type, SH.ValidationResult))
            messages = r.terms.messages if r.terms is not None and r.terms.messages else ()
            for message in messages or (Literal(r.message),):
                graph.add((node, SH.resultMessage, message))
            for predicate, obj in _result_fields(r, graph):
                graph.add((node, predicate, obj))
        return graph


def _result_fields(r: ValidationResult, graph: Graph) -> Iterable[tuple[URIRef, Node]]:
    terms = r.terms
    if terms is None:  # a result made by hand: its terms guessed from the texts
        yield SH.focusNode, _term(r.focus_node)
        yield SH.resultSeverity, _severity(r.severity)
        yield SH.sourceShape, _term(r.source_shape)
        yield SH.sourceConstraintComponent, URIRef(r.constraint)
        if r.path:
            yield SH.resultPath, URIRef(r.path)
        if r.value:
            yield SH.value, _term(r.value)
        return
    yield SH.focusNode, terms.focus
    yield SH.resultSeverity, terms.severity
    yield SH.sourceShape, terms.shape
    yield SH.sourceConstraintComponent, terms.component
    if terms.path is not None:
        node, triples = path_triples(terms.path)
        for triple in triples:
            graph.add(triple)
        yield SH.resultPath, node
    if terms.value is not None:
        yield SH.value, terms.value
    if terms.source_constraint is not None:
        yield SH.sourceConstraint, terms.source_constraint


def _severity(name: str) -> URIRef:
    return SH[name] if name in SEVERITY_NAMES.values() else URIRef(name)


def _term(text: str) -> Identifier:
    return URIRef(text) if ":" in text and " " not in text else Literal(text)
