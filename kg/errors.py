"""Every domain error of the knowledge graph, in one place.

Each is raised with nothing written (a refused write, a failed read, bad input); the
message says why in words a user can act on. ``api/errors.py`` maps each to one HTTP
answer and the CLI to one exit code. Grouped by where they arise: the store, the write
road, input (RDF, SPARQL, IRIs), and the services above the graph (queries, import,
reports, ontology tools).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kg.importing.report import ImportReport


# -- the store ----------------------------------------------------------------------------


class StoreError(Exception):
    """The store could not do what was asked; the message says why."""


class StoreLocked(StoreError):
    """Another process holds the store directory open."""


class StoreFull(StoreError):
    """The disk holding the store is full; nothing was written, reads still work."""


class StoreReadOnly(StoreError):
    """The store can only be read (its directory is read-only); nothing was written."""


class StoreUnavailable(StoreError):
    """The store cannot be reached (remote engines: connection refused, DNS…)."""


class EngineFailed(StoreUnavailable):
    """The remote engine answered with a server error or refused the credentials."""


class QuerySyntaxError(StoreError):
    """The SPARQL text does not parse; the message names the position."""


class QueryTimeout(StoreError):
    """The query ran longer than its time limit and was abandoned."""


class EngineTimeout(QueryTimeout):
    """The remote engine did not answer within the time limit."""


class QueryMemoryExceeded(StoreError):
    """The query needed more memory than its cap (``CKM_QUERY_MEMORY_MB``); the worker
    evaluating it was stopped and its memory freed."""


class QueryTooComplex(StoreError):
    """The query nests so deeply that the engine's parser overflowed its stack."""


class QueryCrashed(StoreError):
    """The process evaluating the query died before it answered (the server did not)."""


class QueryCalledOut(StoreError):
    """The query tried to open a network connection (a ``SERVICE``), which the process
    evaluating it cannot do; nothing was called."""


class QueryWorkersBusy(StoreError):
    """Every query worker stayed busy for the query's whole time limit; try again."""


class WriteConflict(StoreError):
    """The store changed after the version a write was based on; nothing was written."""


# -- the write road -------------------------------------------------------------------------


class ValidationRefused(Exception):
    """A write broke at least one SHACL rule of severity Violation; nothing was written.

    ``report`` is the validation report (text, JSON and SHACL RDF forms).
    """

    def __init__(self, report: Any) -> None:
        super().__init__(report.to_text())
        self.report = report


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


class ProtectedGraph(ValueError):
    """A write names a graph the system maintains itself (ontology, inferred, provenance)."""


class ReservedTerm(ValueError):
    """A data write would change the ontology's terms, define schema, or mint IRIs the
    system reserves for itself (``urn:ckm:…``, write activities); nothing was written.

    ``terms`` are the offending IRIs.
    """

    def __init__(self, message: str, terms: list[str]) -> None:
        super().__init__(message)
        self.terms = terms


class UnknownTerm(ValueError):
    """A data write uses a ``ckm:`` term the ontology in use does not declare (a class,
    property, individual or datatype; a misspelt one, or an IRI that only looks like the
    ``ckm:`` namespace); nothing was written.

    ``terms`` are the offending IRIs; ``suggestions`` maps each to the nearest declared
    terms (possibly none).
    """

    def __init__(self, message: str, terms: list[str], suggestions: dict[str, list[str]]) -> None:
        super().__init__(message)
        self.terms = terms
        self.suggestions = suggestions


class UnstorableLiteral(ValueError):
    """A literal the store's dump formats cannot carry back (``rdf:langString`` without a
    language tag, a malformed language tag…); nothing was written."""


class PreconditionFailed(Exception):
    """A conditional write's ``If-Match`` no longer holds: the resource or graph changed
    since the client read it; nothing was written (read again, then retry)."""

    def __init__(self, message: str, current_tag: str | None) -> None:
        super().__init__(message)
        self.current_tag = current_tag


class UnknownResource(LookupError):
    """A write names a resource that is not stored (or not of the expected class)."""


class UnknownCustomer(UnknownResource):
    """No stored ``ckm:Customer`` has this IRI."""


class WriteInterrupted(RuntimeError):
    """The writer that took this request stopped before settling it; nothing written."""


class UnknownScheme(LookupError):
    """No concept scheme of the ontology has this name; the message lists the known
    ones."""


class ConceptRefused(ValueError):
    """A concept cannot be added to a scheme as asked (no label, a kind that is not
    the scheme's, a broader concept outside it); nothing was written."""


class ClosedScheme(ConceptRefused):
    """The scheme's list is closed by the literature (``owl:oneOf`` in the ontology):
    only an ontology release adds to it; nothing was written."""


class DuplicateConcept(ConceptRefused):
    """The scheme already holds a concept with this label (compared without case or
    surrounding spaces); nothing was written. ``existing`` is its IRI."""

    def __init__(self, message: str, existing: str) -> None:
        super().__init__(message)
        self.existing = existing


class RestoreRefused(Exception):
    """A dump cannot be restored as it is; the store was not changed.

    ``report`` is the validation report when the dump's data breaks the shapes.
    """

    def __init__(self, message: str, report: Any = None) -> None:
        super().__init__(message)
        self.report = report


class MigrationRefused(Exception):
    """The migrated data would break this release's shapes; nothing was written.

    ``report`` names the nodes and rules: data the migration steps cannot decide for a
    person (fix them, then migrate again).
    """

    def __init__(self, message: str, report: Any = None) -> None:
        super().__init__(message)
        self.report = report


class InvalidShapes(ValueError):
    """A shapes file cannot be used: it does not parse, or it is an ill-formed SHACL
    shapes graph (SHACL §2, §5, §6: a malformed path, a SHACL-SPARQL query that breaks
    the pre-binding rules, an undeclared prefix...).

    Raised when a validator is made (at start, or when ``ckm validate --shapes`` reads
    the file), never during a validation; the message names the file or shape and the
    reason.
    """


class OntologyUnusable(Exception):
    """The ontology in use (the shipped one and the user's extensions,
    ``CKM_EXTRA_ONTOLOGY``) cannot be used: a file is missing or does not parse, or the
    ontology is inconsistent by itself. Raised when the ontology is first read (at start,
    or at the first write); the message names the file or the clashing axioms."""


# -- input --------------------------------------------------------------------------------


class InvalidIri(ValueError):
    """The text is not an absolute IRI."""


class RdfSyntaxError(ValueError):
    """A payload is not valid RDF in its syntax; ``line``/``column`` locate the error."""

    def __init__(self, message: str, line: int | None = None, column: int | None = None):
        super().__init__(message)
        self.line = line
        self.column = column


class PayloadRefused(ValueError):
    """The payload is refused before parsing; the message says why."""


class UpdateSyntaxError(ValueError):
    """The update text does not parse; the message says where."""


class UpdateRefused(ValueError):
    """The update asks for something this server does not do (LOAD, SERVICE…) or
    fails as the specification says it must (CREATE of an existing graph…)."""


# -- saved queries --------------------------------------------------------------------------


class UnknownQuery(LookupError):
    """No saved query has this name; the message lists the known ones."""

    def __init__(self, name: str, known: list[str]) -> None:
        super().__init__(f"no saved query named {name!r}; known queries: {', '.join(known)}")
        self.name = name


class BadParameter(ValueError):
    """A parameter value does not have the parameter's type, or the parameter is unknown.

    ``parameter`` names the parameter at fault, ``query`` the saved query.
    """

    def __init__(self, query: str, parameter: str, message: str) -> None:
        super().__init__(f"parameter {parameter!r} of query {query!r}: {message}")
        self.query = query
        self.parameter = parameter


class QueryDefinitionError(ValueError):
    """A ``.rq`` file of the catalogue is malformed (header, parameters or clauses)."""


# -- import -------------------------------------------------------------------------------


class ImportInputError(ValueError):
    """The import cannot start: a bad mapping, a malformed or unmatched file (bad input)."""


class UnknownMapping(ImportInputError):
    """No mapping of that name in the catalogue (and, where paths are allowed, no file)."""


class MappingError(ImportInputError):
    """The mapping (YARRRML) or a normalisation table is invalid or not supported."""


class SourceFileError(ImportInputError):
    """A CSV file is malformed, or does not match the mapping (missing key columns…).

    Args:
        file: the file's name as the user gave it.
        line: the line in the file, when known.
    """

    def __init__(self, file: str, message: str, line: int | None = None) -> None:
        where = f"{file} line {line}" if line is not None else file
        super().__init__(f"{where}: {message}")
        self.file = file
        self.line = line


class EngineMissing(RuntimeError):
    """morph-kgc, the RML engine, is not installed (``make install`` installs it)."""


class ImportRefused(Exception):
    """At least one row is invalid and the import was all or nothing: nothing was written.

    ``report`` names every rejected row: file, row number, column and the rule broken.
    """

    def __init__(self, report: ImportReport) -> None:
        super().__init__(report.refusal_text())
        self.report = report


# -- reports and ontology tools -----------------------------------------------------------------


class UnknownFirm(LookupError):
    """The IRI given for a firm names no ``ckm:Firm`` in the store."""


class JavaUnavailable(RuntimeError):
    """No ``java`` launcher on PATH (install a Java 17 JDK)."""


class BadBaseNote(StoreError, ValueError):
    """The store's ``ckm-base-iri`` note is not a base IRI; nothing was opened for it."""
