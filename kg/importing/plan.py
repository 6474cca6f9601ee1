"""What a mapping does with each column, read from its RML rules.

For every triples map: the source it reads, the columns its subject IRI is made of (the
source keys) and, per predicate, the columns the values come from. From this follow
the cleaning each column needs (:func:`normalisers`): a column in an IRI is a key, a
column behind a property with a value table is looked up in the table, a column typed
``xsd:date``/``xsd:dateTime``/an integer type is parsed as such; anything else is text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import RDF, XSD
from rdflib.term import Node

from kg.errors import MappingError
from kg.importing import engine
from kg.importing.cells import Calendar, Integer, Key, Normaliser, Text, Vocabulary
from kg.importing.tables import TableSet
from kg.importing.yarrrml import TRACE, MappingDocument, dump

RML = Namespace("http://w3id.org/rml/")
_REFERENCE = re.compile(r"(?<!\\)\{([^}]*)\}")
_INTEGERS = {XSD.integer, XSD.nonNegativeInteger, XSD.positiveInteger, XSD.int, XSD.long}
# When two uses of one column ask for different cleaning, the stricter one wins.
_STRICTNESS = {"text": 0, "key": 1, "integer": 2, "date": 2, "dateTime": 2, "term": 3}


@dataclass(frozen=True)
class ValueRule:
    """One predicate-object rule of a triples map."""

    predicate: URIRef
    columns: tuple[str, ...]
    template: str | None  # an RML template, or None for a reference or a constant
    constant: Node | None
    is_iri: bool
    datatype: URIRef | None


@dataclass
class TriplesMapPlan:
    """One YARRRML mapping: its source, key columns and value rules."""

    name: str
    source: str
    key_columns: tuple[str, ...] = ()
    rules: list[ValueRule] = field(default_factory=list)
    subject_template: str | None = None

    def columns_for(self, predicate: URIRef) -> list[str]:
        return [c for r in self.rules if r.predicate == predicate for c in r.columns]

    @property
    def predicates(self) -> set[URIRef]:
        return {r.predicate for r in self.rules}

    def columns(self) -> list[str]:
        found = list(self.key_columns)
        for rule in self.rules:
            found += [c for c in rule.columns if c not in found]
        return found


@dataclass
class MappingPlan:
    """Every triples map of a prepared mapping, by name."""

    maps: dict[str, TriplesMapPlan]

    @classmethod
    def from_rml(cls, rml: Graph, source_of_path: dict[str, str]) -> MappingPlan:
        """Read the plan from morph-kgc's RML translation.

        Args:
            source_of_path: the path of each normalised copy → the source name.
        Raises:
            MappingError: a predicate that is not a constant IRI.
        """
        maps: dict[str, TriplesMapPlan] = {}
        for triples_map in sorted(set(rml.subjects(RML.logicalSource, None)), key=_in_order):
            name = str(triples_map).split("_-_-_")[0]
            logical = rml.value(triples_map, RML.logicalSource)
            path = str(rml.value(logical, RML.source))
            source = source_of_path.get(path, PurePosixPath(path).name)
            plan = maps.setdefault(name, TriplesMapPlan(name, source))
            subject_map = rml.value(triples_map, RML.subjectMap)
            keys = _columns(rml, subject_map)
            template = rml.value(subject_map, RML.template)
            plan.subject_template = None if template is None else str(template)
            plan.key_columns = tuple(dict.fromkeys((*plan.key_columns, *keys)))
            for po_map in rml.objects(triples_map, RML.predicateObjectMap):
                plan.rules += _rules(rml, name, po_map)
        return cls(maps)

    def by_source(self) -> dict[str, list[TriplesMapPlan]]:
        grouped: dict[str, list[TriplesMapPlan]] = {}
        for plan in self.maps.values():
            grouped.setdefault(plan.source, []).append(plan)
        return grouped

    def normalisers(self, source: str, tables: TableSet, timezone: str) -> dict[str, Normaliser]:
        """The cleaning of each column ``source``'s mappings read.

        Raises:
            MappingError: one column used as two incompatible kinds (a date and a number…).
        """
        chosen: dict[str, Normaliser] = {}
        for plan in self.by_source().get(source, []):
            for column in plan.key_columns:
                _choose(chosen, column, Key())
            for rule in plan.rules:
                for column in rule.columns:
                    _choose(chosen, column, _normaliser(rule, tables, timezone))
        return chosen

    def replaceable(self, names: set[str], predicate: URIRef, tables: TableSet) -> set[Node] | None:
        """Stored values of ``predicate`` a re-import may replace on a subject of the
        mappings ``names``: all of them (None), or for ``rdf:type`` only the classes the
        mappings can produce, so types given elsewhere (``ckm:SME``…) stay."""
        if predicate != RDF.type:
            return None
        classes: set[Node] = set()
        for name in names:
            for rule in self.maps[name].rules:
                if rule.predicate != RDF.type:
                    continue
                if rule.constant is not None:
                    classes.add(rule.constant)
                table = tables.for_property(RDF.type)
                if rule.columns and table is not None:
                    classes |= {t.iri for t in table.terms.values() if t.iri is not None}
        return classes


def prepared_plan(
    document: MappingDocument, copies: dict[str, Path], base_iri: str, mapping_file: Path
) -> MappingPlan:
    """Write the copy of ``document`` that reads ``copies`` (source → file) to
    ``mapping_file`` and return its plan.

    Raises:
        MappingError: the mapping cannot be translated or analysed.
    """
    mapping_file.write_text(dump(document.prepared(copies, base_iri)), encoding="utf-8")
    return MappingPlan.from_rml(
        engine.rml_of(mapping_file), {str(path): source for source, path in copies.items()}
    )


def _in_order(triples_map: Node) -> list[int | str]:
    """morph-kgc names the rules ``customer_-_-_sources0_-_-_predicateobjects10``:
    ordered by their numbers, they are in the order the YARRRML file gives them."""
    return [int(t) if t.isdigit() else t for t in re.split(r"(\d+)", str(triples_map))]


def _choose(chosen: dict[str, Normaliser], column: str, candidate: Normaliser) -> None:
    current = chosen.get(column)
    if current is None or _STRICTNESS[candidate.kind] > _STRICTNESS[current.kind]:
        chosen[column] = candidate
    elif (
        _STRICTNESS[candidate.kind] == _STRICTNESS[current.kind] and candidate.kind != current.kind
    ):
        raise MappingError(f"column {column!r} is read as both {current.kind} and {candidate.kind}")


def _normaliser(rule: ValueRule, tables: TableSet, timezone: str) -> Normaliser:
    table = tables.for_property(rule.predicate)
    if table is not None:
        if rule.is_iri and rule.template is not None:
            prefix = rule.template.split("{", 1)[0]
            if rule.template != prefix + "{" + rule.columns[0] + "}":
                raise MappingError(
                    f"{rule.predicate}: a looked-up value must end its IRI template "
                    f"({rule.template!r})"
                )
            return Vocabulary(table, prefix)
        return Vocabulary(table, "")
    if rule.is_iri:
        return Key()
    if rule.datatype in (XSD.date, XSD.dateTime):
        return Calendar(tables.date_formats, timezone, date_only=rule.datatype == XSD.date)
    if rule.datatype in _INTEGERS:
        return Integer()
    return Text()


def _rules(rml: Graph, name: str, po_map: Node) -> list[ValueRule]:
    predicates = []
    for predicate_map in rml.objects(po_map, RML.predicateMap):
        predicate = rml.value(predicate_map, RML.constant)
        if not isinstance(predicate, URIRef):
            raise MappingError(f"mapping {name}: predicates must be constant IRIs")
        predicates.append(predicate)
    rules = []
    for object_map in rml.objects(po_map, RML.objectMap):
        template = rml.value(object_map, RML.template)
        term_type = rml.value(object_map, RML.termType)
        datatype = rml.value(object_map, RML.datatype)
        is_iri = term_type == RML.IRI or (
            term_type is None and template is not None and datatype is None
        )
        for predicate in predicates:
            if predicate == TRACE:
                continue
            rules.append(
                ValueRule(
                    predicate=predicate,
                    columns=_columns(rml, object_map),
                    template=None if template is None else str(template),
                    constant=rml.value(object_map, RML.constant),
                    is_iri=is_iri,
                    datatype=datatype if isinstance(datatype, URIRef) else None,
                )
            )
    return rules


def _columns(rml: Graph, term_map: Node | None) -> tuple[str, ...]:
    if term_map is None:
        return ()
    reference = rml.value(term_map, RML.reference)
    if reference is not None:
        return (str(reference),)
    template = rml.value(term_map, RML.template)
    if template is not None:
        return tuple(dict.fromkeys(_REFERENCE.findall(str(template))))
    return ()
