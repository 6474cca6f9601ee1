"""The JSON answers of the API as pydantic models: named schemas for the OpenAPI
document (:mod:`api.openapi_doc`), so that generated clients parse them into types.

The routes build these answers as plain dicts (``as_dict`` of the kg objects); the
models describe them and are not used to build them.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, create_model

from api.rest.model import ResourceKind


class _Open(BaseModel):
    """An answer that may carry more members than those named."""

    model_config = ConfigDict(extra="allow")


class FieldError(BaseModel):
    """One request field that did not fit (``invalid-request``)."""

    field: str
    message: str
    type: str


class Problem(_Open):
    """An error as RFC 9457 ``application/problem+json``; routes add members."""

    type: str = Field(description="IRI of the kind of problem, under w3id.org/ckm/problems/.")
    title: str = Field(description="The HTTP status phrase.")
    status: int
    detail: str = Field(description="What went wrong, naming the input at fault.")
    report: dict[str, Any] | None = Field(
        None, description="The SHACL, OWL or import report of a refused write."
    )
    errors: list[FieldError] | None = Field(None, description="The fields of a bad request.")
    parameter: str | None = Field(None, description="The parameter at fault.")
    line: int | None = Field(None, description="Line of malformed RDF.")
    column: int | None = Field(None, description="Column of malformed RDF.")


class ValidationResult(BaseModel):
    """One SHACL result."""

    severity: str
    focusNode: str | None = None
    resultPath: str | None = None
    value: str | None = None
    message: str | None = None
    sourceShape: str | None = None
    constraint: str | None = None


class ValidationReport(BaseModel):
    """A SHACL validation report (``POST /validate``, and in write receipts)."""

    conforms: bool
    accepted: bool
    violations: int
    warnings: int
    infos: int
    results: list[ValidationResult]


class UpdateReceipt(BaseModel):
    """What a SPARQL Update wrote."""

    added: int
    removed: int
    activity: str | None = Field(description="IRI of the provenance activity of the write.")
    report: ValidationReport


class GraphMerge(BaseModel):
    """A POST to the Graph Store that added triples to a graph that existed."""

    graph: str
    added: int


class StoreRestored(BaseModel):
    """A whole store restored from a dump (``PUT /store`` naming no graph)."""

    quads: int
    checked: bool
    systemGraphsRestored: bool


class RdfTerm(_Open):
    """One bound value of SPARQL 1.1 Query Results JSON (§3.2.2)."""

    type: str = Field(description="uri, literal, bnode or triple.")
    value: Any
    datatype: str | None = None
    xml_lang: str | None = Field(None, alias="xml:lang")


class ResultsHead(BaseModel):
    vars: list[str] = []
    link: list[str] | None = None


class ResultsBindings(BaseModel):
    bindings: list[dict[str, RdfTerm]]


class SparqlResults(BaseModel):
    """SPARQL 1.1 Query Results JSON: ``results`` for SELECT, ``boolean`` for ASK."""

    head: ResultsHead
    results: ResultsBindings | None = None
    boolean: bool | None = None


class QueryParameter(BaseModel):
    """A parameter of a saved query; ``datatype`` is ``IRI`` or an XSD CURIE."""

    name: str
    datatype: str
    default: str | None
    description: str


class SavedQuery(BaseModel):
    """A saved analyst query with its metadata and the URL that runs it."""

    name: str
    title: str
    module: str
    question: str
    parameters: list[QueryParameter]
    concepts: list[str]
    sources: list[str]
    sparql: str
    url: str


class ConceptOfScheme(BaseModel):
    iri: str
    label: str
    definition: str | None
    kinds: list[str]
    added: bool


class SchemeSummary(BaseModel):
    """A concept scheme: whether it is open, its list classes and size."""

    name: str
    iri: str
    label: str
    definition: str | None
    open: bool
    kinds: list[str]
    size: int


class Scheme(SchemeSummary):
    concepts: list[ConceptOfScheme]


class SchemeList(BaseModel):
    items: list[SchemeSummary]


class ConceptAdded(BaseModel):
    iri: str
    scheme: str
    activity: str | None
    report: ValidationReport


class ImportedCounts(BaseModel):
    created: int
    updated: int
    unchanged: int


class RowProblem(BaseModel):
    file: str
    row: int | None
    column: str | None
    value: str | None
    rule: str
    message: str


class ImportReport(BaseModel):
    """The outcome of an import, a dry run, or the reason it was refused."""

    mapping: str
    dryRun: bool
    skipInvalid: bool
    written: bool
    rowsRead: dict[str, int]
    resources: dict[str, ImportedCounts]
    rejectedRows: int
    problems: list[RowProblem]
    notes: list[str]
    warnings: dict[str, int]
    triplesAdded: int
    triplesRemoved: int
    activity: str | None


class Health(BaseModel):
    status: str
    version: str
    writes: str = Field(description="preparing while the shapes compile, then ready.")


def resource_answer(kind: ResourceKind) -> type[BaseModel]:
    """One resource of ``kind`` as the REST API answers it: its model (the body a PUT
    takes) and the ``@context`` of the JSON-LD form."""
    return create_model(
        f"{kind.model.__name__}Answer",
        __base__=kind.model,
        context=(str | None, Field(None, alias="@context")),
    )


def resource_list(kind: ResourceKind, item: type[BaseModel]) -> type[BaseModel]:
    """A page of ``kind``: its ``items`` and the URL of the ``next`` page (or null)."""
    return create_model(
        f"{kind.model.__name__}List",
        items=(list[item], ...),  # type: ignore[valid-type]
        next=(str | None, Field(..., description="URL of the following page, or null.")),
        context=(str | None, Field(None, alias="@context")),
    )


FIXED_MODELS: tuple[type[BaseModel], ...] = (
    Problem,
    ValidationReport,
    UpdateReceipt,
    GraphMerge,
    StoreRestored,
    SparqlResults,
    SavedQuery,
    Scheme,
    SchemeList,
    ConceptAdded,
    ImportReport,
    Health,
)
