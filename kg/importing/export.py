"""The graph written back as CSV in a mapping's layout, for spreadsheet users.

The rows are what the mapping would read to produce the stored data: the key from the
subject IRI, each column from the values of the property it maps (IRI templates undone,
controlled-list terms by name, dates in ISO 8601). So an exported file, edited in a
spreadsheet, imports again and updates exactly the resources whose rows changed. A
property with several values gives them joined by ``"; "`` (one value per cell imports).
A cell a spreadsheet would run as a formula (``=…``, ``+…``, ``-…``, ``@…``) is written
with a leading apostrophe, which the importer takes off again (:mod:`kg.spreadsheet`).
"""

from __future__ import annotations

import csv
import re
import tempfile
from pathlib import Path
from typing import TextIO

from rdflib import Literal, URIRef
from rdflib.namespace import RDF
from rdflib.term import Node

from kg.errors import ImportInputError
from kg.graph import KnowledgeGraph
from kg.importing.plan import ValueRule, prepared_plan
from kg.importing.tables import TableSet
from kg.importing.yarrrml import MappingDocument
from kg.spreadsheet import guarded
from kg.vocab import DATA_GRAPH

SEPARATOR = "; "


def export_rows(kg: KnowledgeGraph, document: MappingDocument, source: str, out: TextIO) -> int:
    """Write every stored resource of ``source``'s mapping to ``out`` as CSV.

    Reads only; writes nothing to the store.
    Returns:
        The number of rows written.
    Raises:
        ImportInputError: ``source`` is not a source of the mapping, or its mapping
            gives its resources no class to find them by.
    """
    with tempfile.TemporaryDirectory(prefix="ckm-export-") as work:
        copies = {name: Path(work) / name for name in document.source_names()}
        plan = prepared_plan(document, copies, kg.settings.base_iri, Path(work) / "mapping.yml")
    maps = plan.by_source().get(source)
    if not maps:
        raise ImportInputError(
            f"{source} is not a source of mapping {document.name}: "
            f"{', '.join(document.source_names())}"
        )
    triples_map = maps[0]
    classes = [r.constant for r in triples_map.rules if r.predicate == RDF.type and r.constant]
    if not classes or len(triples_map.key_columns) != 1:
        raise ImportInputError(f"mapping {triples_map.name} has no class and single key to export")
    tables = TableSet.load()
    columns = triples_map.columns()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([guarded(c) for c in columns])
    count = 0
    subject_pattern = _inverse(triples_map.subject_template or "")
    for subject in _members(kg, classes[0]):
        key = subject_pattern.fullmatch(str(subject)) if subject_pattern else None
        if key is None:
            continue  # not a resource this mapping could have made
        cells = {triples_map.key_columns[0]: key.group(1)}
        for rule in triples_map.rules:
            if len(rule.columns) == 1 and rule.columns[0] not in cells:
                values = _values(kg, subject, rule, tables)
                cells[rule.columns[0]] = SEPARATOR.join(values)
        writer.writerow([guarded(cells.get(c, "")) for c in columns])
        count += 1
    return count


def _inverse(template: str) -> re.Pattern[str] | None:
    """A pattern matching the IRIs of a one-column template, the column as group 1."""
    parts = re.split(r"\{[^}]*\}", template)
    if len(parts) != 2:
        return None
    return re.compile(re.escape(parts[0]) + "(.+)" + re.escape(parts[1]))


def _members(kg: KnowledgeGraph, cls: Node) -> list[URIRef]:
    rows = kg.select(
        f"SELECT DISTINCT ?s WHERE {{ GRAPH <{DATA_GRAPH}> {{ ?s a <{cls}> }} FILTER(isIRI(?s)) }}"
        " ORDER BY ?s"
    )
    return [row["s"] for row in rows]


def _values(kg: KnowledgeGraph, subject: URIRef, rule: ValueRule, tables: TableSet) -> list[str]:
    """The cells that produce ``subject``'s stored values of the rule's predicate."""
    stored = sorted(o for _s, _p, o, _g in kg.quads(subject, rule.predicate, None, DATA_GRAPH))
    if rule.predicate == RDF.type:
        table = tables.for_property(RDF.type)
        terms = {t.iri for t in table.terms.values()} if table else set()
        stored = [o for o in stored if o in terms]
    cells = []
    for value in stored:
        if isinstance(value, Literal):
            cells.append(str(value))
            continue
        pattern = _inverse(rule.template or "{value}")
        match = pattern.fullmatch(str(value)) if pattern else None
        if match is not None:
            cells.append(match.group(1))
    return cells
