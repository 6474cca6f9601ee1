"""One import, start to end: clean the files, run the mapping, validate, write or refuse.

All or nothing by default: any invalid row refuses the whole import and nothing is
written. With ``skip_invalid`` the rows that break a rule are left out (and so, in turn,
the rows that need them) and the rest is written, in one atomic write either way.
"""

from __future__ import annotations

import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Protocol
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from rdflib import URIRef

from kg.errors import ImportInputError, ImportRefused, ValidationRefused
from kg.graph import KnowledgeGraph
from kg.importing import engine
from kg.importing.blame import blame
from kg.importing.cascade import left_out
from kg.importing.changes import Materialised, change_of
from kg.importing.normalise import normalise
from kg.importing.plan import MappingPlan, prepared_plan
from kg.importing.report import ImportReport, RejectedRow
from kg.importing.sources import SourceInput, SourceTable, read_table
from kg.importing.tables import TableSet
from kg.importing.yarrrml import MappingDocument
from kg.store.base import Quad
from kg.validation import ValidationReport
from kg.vocab import DATA_GRAPH
from kg.write.delta import Delta
from kg.write.provenance import WriteContext
from kg.write.state import WriteState


class Progress(Protocol):
    """Where an import reports its progress (a progress bar, or nothing)."""

    def start(self, phase: str, total: int | None) -> None: ...

    def advance(self, amount: int) -> None: ...


class _Silent:
    def start(self, phase: str, total: int | None) -> None:
        pass

    def advance(self, amount: int) -> None:
        pass


@dataclass(frozen=True)
class ImportOptions:
    """How to import.

    Args:
        dry_run: validate and report, write nothing.
        skip_invalid: write the valid rows and report the rejected ones.
        timezone: the zone of dates and times without one (IANA name).
        tables: directories of extra normalisation tables.
        agent: who imports, for the provenance record.
    """

    dry_run: bool = False
    skip_invalid: bool = False
    timezone: str = "UTC"
    tables: tuple[Path, ...] = ()
    agent: str = "anonymous"


def source_for(document: MappingDocument, label: str, named: str | None = None) -> str:
    """The mapping source a file is for: the source ``named`` (``customers`` or
    ``customers.csv``), else the one whose name the file's name matches.

    Raises:
        ImportInputError: no source of that name.
    """
    wanted = PurePosixPath(named or label).name.casefold()
    for source in document.source_names():
        if wanted in (source.casefold(), PurePosixPath(source).stem.casefold()):
            return source
    raise ImportInputError(
        f"{label} matches no source of mapping {document.name}; name the file, or give it "
        f"as SOURCE=FILE, for one of: {', '.join(document.source_names())}"
    )


def run_import(
    kg: KnowledgeGraph,
    document: MappingDocument,
    inputs: list[SourceInput],
    options: ImportOptions = ImportOptions(),
    progress: Progress | None = None,
) -> ImportReport:
    """Import ``inputs`` (one file per source) with ``document``.

    Atomic: the accepted data, its inferences and one provenance record are committed
    in one write, or nothing is written.
    Returns:
        The report (with ``written`` False on a dry run).
    Raises:
        ImportInputError: a bad mapping, a malformed or unmatched file; nothing written.
        ImportRefused: an invalid row in all-or-nothing mode, or a violation no row
            can be blamed for; the report names them; nothing written.
        StoreError: the store failed; nothing written.
    """
    progress = progress or _Silent()
    _check_inputs(document, inputs)
    try:
        ZoneInfo(options.timezone)
    except (ValueError, ZoneInfoNotFoundError) as error:
        raise ImportInputError(f"unknown time zone {options.timezone!r}") from error
    tables = TableSet.load(*options.tables)
    report = ImportReport(document.name, options.dry_run, options.skip_invalid)
    with tempfile.TemporaryDirectory(prefix="ckm-import-") as work:
        copies = {i.source: Path(work) / f"{n}-{i.source}" for n, i in enumerate(inputs)}
        mapping_file = Path(work) / "mapping.yml"
        plan = prepared_plan(document, copies, kg.settings.base_iri, mapping_file)
        read = _normalised(inputs, copies, plan, tables, options, report, progress)
        progress.start("mapping (morph-kgc)", None)
        found = Materialised.from_graph(engine.materialise(mapping_file))
    _settle(kg, found, plan, tables, read, options, report, progress)
    return report


def _check_inputs(document: MappingDocument, inputs: list[SourceInput]) -> None:
    if not inputs:
        raise ImportInputError("no file to import")
    sources = [i.source for i in inputs]
    labels = [i.label for i in inputs]
    unknown = [s for s in sources if s not in document.source_names()]
    twice = sorted({s for s in sources if sources.count(s) > 1})
    if unknown or twice:
        raise ImportInputError(
            f"files given for unknown sources {unknown} or twice for {twice}; "
            f"mapping {document.name} reads {', '.join(document.source_names())}"
        )
    if len(set(labels)) < len(labels):
        raise ImportInputError(f"two files have the same name among {labels}; rename one")


def _normalised(
    inputs: list[SourceInput],
    copies: dict[str, Path],
    plan: MappingPlan,
    tables: TableSet,
    options: ImportOptions,
    report: ImportReport,
    progress: Progress,
) -> dict[str, SourceTable]:
    """Read and clean every file into its copy; rows that cannot be cleaned go into the
    report's rejected rows. Returns the tables read, by source."""
    read = {i.source: read_table(i) for i in inputs}
    progress.start("cleaning rows", sum(len(t.rows) for t in read.values()))
    by_source = plan.by_source()
    for source, table in read.items():
        keys = {k for m in by_source.get(source, []) for k in m.key_columns}
        with copies[source].open("w", encoding="utf-8", newline="") as out:
            cleaned = normalise(
                table,
                plan.normalisers(source, tables, options.timezone),
                keys,
                tables,
                out,
                progress.advance,
            )
        report.rows_read[table.label] = cleaned.rows
        report.rejected += cleaned.rejected.values()
        report.notes += cleaned.notes
    return read


def _settle(
    kg: KnowledgeGraph,
    found: Materialised,
    plan: MappingPlan,
    tables: TableSet,
    read: dict[str, SourceTable],
    options: ImportOptions,
    report: ImportReport,
    progress: Progress,
) -> None:
    """Validate (and write) the import, leaving out rejected rows (and the rows that
    refer to them) until it conforms, or refuse it."""
    label_of = {source: table.label for source, table in read.items()}
    source_by_label = {label: source for source, label in label_of.items()}
    cache: dict[URIRef, set[Quad]] = {}

    def stored(subject: URIRef) -> set[Quad]:
        if subject not in cache:
            cache[subject] = kg.description(subject)
        return cache[subject]

    context = WriteContext(
        options.agent, ", ".join(label_of.values()), f"import {PurePosixPath(report.mapping).name}"
    )
    while True:
        rejected = {(source_by_label[r.file], r.row): r for r in report.rejected}
        excluded, cascaded = left_out(found, plan, rejected, stored, read)
        for (source, row), problems in cascaded.items():
            _reject(report, read[source], row, problems)
        known = len(report.rejected)
        intent = _ImportChange(found, excluded, plan, tables)
        progress.start("validating" if options.dry_run else "validating and writing", None)
        try:
            if options.dry_run or (report.rejected and not options.skip_invalid):
                verdict = kg.check(intent)
                report.resources = intent.counts
                if not verdict.accepted:
                    raise ValidationRefused(verdict)
                _warnings(report, verdict)
            else:
                receipt = kg.write_intent(intent, context)
                report.resources = intent.counts
                _warnings(report, receipt.report)
                report.written = True
                report.triples_added, report.triples_removed = receipt.added, receipt.removed
                report.activity = str(receipt.activity) if receipt.activity else None
        except ValidationRefused as refused:
            report.resources = intent.counts
            found_blame = blame(refused.report.violations, found, plan, read)
            for (source, row), problems in found_blame.by_row.items():
                _reject(report, read[source], row, problems)
            report.unattributed = found_blame.unattributed
            progressed = len(report.rejected) > known
            if options.skip_invalid and progressed and not found_blame.unattributed:
                continue
            raise ImportRefused(report) from refused
        if report.rejected and not options.skip_invalid:
            raise ImportRefused(report)
        return


@dataclass
class _ImportChange:
    """The import as an intent: every imported subject described anew on the state the
    write commits on (its stored values are read in the writer's turn)."""

    found: Materialised
    excluded: set[URIRef]
    plan: MappingPlan
    tables: TableSet
    counts: dict = field(default_factory=dict)

    def delta(self, state: WriteState) -> Delta:
        def stored(subject: URIRef) -> set[Quad]:
            return set(state.quads(subject, None, None, DATA_GRAPH))

        change = change_of(self.found, self.excluded, self.plan, self.tables, stored)
        self.counts = change.counts
        return change.delta


def _reject(report: ImportReport, table: SourceTable, row: int, problems: list) -> None:
    for rejected in report.rejected:
        if rejected.file == table.label and rejected.row == row:
            rejected.problems += problems
            return
    index = row - table.header_row - 1
    report.rejected.append(RejectedRow(table.label, row, table.cells(index), problems))


def _warnings(report: ImportReport, verdict: ValidationReport) -> None:
    report.warnings = Counter(
        f"{r.severity}: {r.message}" for r in verdict.results if r.severity != "Violation"
    )
