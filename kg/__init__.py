"""CKM Knowledge Graph: a validated, reasoning knowledge graph of Customer Knowledge Management.

This module is the package's face: everything a caller outside ``kg`` (the HTTP layer,
the benchmarks) may use is named here, and nothing below it is imported from outside.
Names are loaded on first use, so ``import kg`` stays cheap for the command line.

>>> from kg import DATA_GRAPH, KnowledgeGraph
>>> graph = KnowledgeGraph.in_memory()
>>> receipt = graph.update(
...     "PREFIX ckm: <https://w3id.org/ckm#> "
...     "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
...     "INSERT DATA { <http://example.org/id/firm/f1> a ckm:Firm ; rdfs:label 'Medsoft' }"
... )
>>> receipt.added, graph.count(DATA_GRAPH)
(2, 2)
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

_FACE: dict[str, str] = {
    # the graph, its settings and what its writes take and give
    "KnowledgeGraph": "kg.graph",
    "Settings": "kg.config",
    "WriteContext": "kg.write.provenance",
    "REQUEST_KEY": "kg.write.provenance",
    "AnswerJournal": "kg.store.answer_journal",
    "KeptAnswer": "kg.store.answer_journal",
    "Begun": "kg.store.answer_journal",
    "Erased": "kg.store.answer_journal",
    "WriteReceipt": "kg.write.road",
    "Scheme": "kg.schemes",
    "Concept": "kg.schemes",
    "Delta": "kg.write.delta",
    "adding": "kg.write.delta",
    "ErasurePlan": "kg.write.erasure",
    "MigrationPlan": "kg.migration",
    "entity_tag": "kg.write.preconditions",
    "StageTiming": "kg.write.observation",
    "ValidationReport": "kg.validation",
    "Dataset": "kg.store.base",
    "DumpFormat": "kg.store.base",
    "Quad": "kg.store.base",
    "Triple": "kg.store.base",
    "Row": "kg.store.base",
    # vocabulary, IRIs, RDF syntaxes, packaged files
    "CKM": "kg.vocab",
    "DATA_GRAPH": "kg.vocab",
    "INFERRED_GRAPH": "kg.vocab",
    "ONTOLOGY_GRAPH": "kg.vocab",
    "PROVENANCE_GRAPH": "kg.vocab",
    "SYSTEM_GRAPHS": "kg.vocab",
    "PREFIXES": "kg.vocab",
    "sparql_prologue": "kg.vocab",
    "checked_iri": "kg.iri",
    "SYNTAXES": "kg.store.parsing",
    "media_type_table": "kg.store.parsing",
    "syntax_named": "kg.store.parsing",
    "parse_quads": "kg.store.parsing",
    "syntax_for_media_type": "kg.store.parsing",
    "syntax_for_path": "kg.store.parsing",
    "ONTOLOGY_OWL": "kg.resources",
    "ONTOLOGY_TTL": "kg.resources",
    "SHAPES_TTL": "kg.resources",
    # services above the graph
    "demo_quads": "kg.demo",
    "saved_queries": "kg.queries",
    "SavedQuery": "kg.queries.model",
    "QueryParameter": "kg.queries.model",
    "bound_sparql": "kg.queries",
    "ImportOptions": "kg.importing",
    "SourceInput": "kg.importing",
    "run_import": "kg.importing",
    "shipped_mapping": "kg.importing",
    "source_for": "kg.importing",
    "MappingDocument": "kg.importing.yarrrml",
    "charts_json": "kg.reporting.charts",
    "ontology_html": "kg.reporting.ontology_doc",
    "ChartData": "kg.reporting.charts",
    "ChartKind": "kg.reporting.charts",
    "Series": "kg.reporting.charts",
    "chart_svg": "kg.reporting.svg",
    # the diagnosis of a firm (docs/DIAGNOSIS.md)
    "Diagnosis": "kg.diagnosis.diagnosis",
    # the SHACL engines and RDF terms, for tools that compare engines (bench)
    "load_shapes": "kg.validation",
    "validator_for": "kg.validation",
    "from_ox": "kg.store.oxterms",
    "quad_to_ox": "kg.store.oxterms",
    # reading query text as the engine does (the one lexer), and CSV for spreadsheets
    "QUERY_FORMS": "kg.sparql_text",
    "Token": "kg.sparql_text",
    "codepoint_escapes": "kg.sparql_text",
    "with_common_prefixes": "kg.sparql_text",
    "write_advert": "kg.store.advert",
    "remove_advert": "kg.store.advert",
    "line_as_written": "kg.sparql_text",
    "readable_syntax_error": "kg.sparql_text",
    "COMMON_PREFIXES": "kg.vocab",
    "has_keyword": "kg.sparql_text",
    "may_call_out": "kg.sparql_text",
    "query_form": "kg.sparql_text",
    "tokens": "kg.sparql_text",
    "with_using": "kg.sparql_text",
    "guarded": "kg.spreadsheet",
    "guarded_csv": "kg.spreadsheet",
}
# Every domain error (kg/errors.py) is part of the face.
_ERRORS = [
    "BadParameter",
    "ClosedScheme",
    "ConceptRefused",
    "BadBaseNote",
    "DuplicateConcept",
    "EngineFailed",
    "EngineMissing",
    "EngineTimeout",
    "ImportInputError",
    "ImportRefused",
    "InvalidIri",
    "InconsistentWrite",
    "InvalidShapes",
    "MigrationRefused",
    "OntologyUnusable",
    "PayloadRefused",
    "PreconditionFailed",
    "ProtectedGraph",
    "QueryCalledOut",
    "QueryCrashed",
    "QueryMemoryExceeded",
    "QuerySyntaxError",
    "QueryTimeout",
    "QueryTooComplex",
    "QueryWorkersBusy",
    "RdfSyntaxError",
    "ReservedTerm",
    "RestoreRefused",
    "SourceFileError",
    "StoreError",
    "StoreFull",
    "StoreLocked",
    "StoreReadOnly",
    "StoreUnavailable",
    "UnknownCustomer",
    "UnknownFirm",
    "UnknownQuery",
    "UnknownResource",
    "UnknownScheme",
    "UnknownTerm",
    "UnstorableLiteral",
    "UpdateRefused",
    "UpdateSyntaxError",
    "ValidationRefused",
    "WriteConflict",
]
_FACE.update(dict.fromkeys(_ERRORS, "kg.errors"))

__all__ = sorted(_FACE)


def __getattr__(name: str) -> Any:
    module = _FACE.get(name)
    if module is None:
        raise AttributeError(f"module 'kg' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_FACE))
