"""``ckm import`` (CSV files through a YARRRML mapping) and ``ckm export`` (back to CSV)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from kg.cli.state import EXIT_REFUSED, cli_state, console, errors, fail, opened_graph
from kg.cli.through_server import served
from kg.importing import (
    ImportInputError,
    ImportOptions,
    ImportRefused,
    ImportReport,
    SourceInput,
    mapping_named,
    mapping_names,
    run_import,
    source_for,
    write_rejects,
)
from kg.importing.export import export_rows
from kg.importing.yarrrml import MappingDocument
from kg.store.base import StoreError

MappingArg = Annotated[
    str, typer.Argument(help="A shipped mapping (default) or a YARRRML file of your own.")
]


class _Bar:
    """The import's progress as a rich progress bar, one line per phase."""

    def __init__(self, progress: Progress) -> None:
        self._progress = progress
        self._task = None

    def start(self, phase: str, total: int | None) -> None:
        if self._task is not None:
            task = self._progress.tasks[-1]
            self._progress.update(self._task, total=task.total or 1, completed=task.total or 1)
        self._task = self._progress.add_task(phase, total=total)

    def advance(self, amount: int) -> None:
        if self._task is not None:
            self._progress.advance(self._task, amount)


def import_csv(
    mapping: MappingArg,
    files: Annotated[
        list[str],
        typer.Argument(
            help="CSV files (named like the mapping's sources, e.g. customers.csv), "
            "SOURCE=FILE for other names, or a directory holding them."
        ),
    ],
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Validate and report; write nothing.")
    ] = False,
    skip_invalid: Annotated[
        bool,
        typer.Option("--skip-invalid", help="Write the valid rows; reject the invalid ones."),
    ] = False,
    rejects: Annotated[
        Path | None,
        typer.Option("--rejects", help="Write the rejected rows, with the reason, to this CSV."),
    ] = None,
    timezone: Annotated[
        str, typer.Option(help="Zone of times given without one, e.g. Europe/Vienna.")
    ] = "UTC",
    tables: Annotated[
        list[Path] | None,
        typer.Option("--tables", help="Directory of extra normalisation tables (TSV)."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
) -> None:
    """Import CSV exports through a mapping: all rows or none (or, with --skip-invalid,
    the valid ones). Exit 1 when refused (every bad row is named), 2 on bad input."""
    try:
        document = mapping_named(mapping)
        inputs = _inputs(document, files)
    except (ImportInputError, OSError) as error:
        raise fail(str(error)) from error
    if (server := served(cli_state.settings())) is not None:
        if tables or mapping not in mapping_names():
            raise fail(
                "through the running server an import takes a shipped mapping, without "
                "--tables: stop the server for those"
            )
        fields = {"mapping": mapping, "timezone": timezone}
        fields |= {"dry_run": str(dry_run).lower(), "skip_invalid": str(skip_invalid).lower()}
        parts = [(i.source, (i.label, i.data, "text/csv")) for i in inputs]
        answer = server.request("POST", "/api/import", data=fields, files=parts, returned=(422,))
        body = answer.json()
        report = ImportReport.from_dict(body["report"] if answer.status_code == 422 else body)
        _show(report, as_json, rejects)
        if answer.status_code == 422:
            raise fail("import refused; nothing was written", EXIT_REFUSED)
        return
    options = ImportOptions(dry_run, skip_invalid, timezone, tuple(tables or ()), "cli")
    with opened_graph() as kg:
        try:
            with Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                console=errors,
                transient=True,
            ) as progress:
                report = run_import(kg, document, inputs, options, _Bar(progress))
        except ImportRefused as refused:
            _show(refused.report, as_json, rejects)
            raise fail("import refused; nothing was written", EXIT_REFUSED) from refused
        except ImportInputError as error:
            raise fail(str(error)) from error
        except StoreError as error:
            raise fail(str(error)) from error
    _show(report, as_json, rejects)


def _inputs(document: MappingDocument, arguments: list[str]) -> list[SourceInput]:
    """The files named by the arguments, each matched to a source of the mapping.

    Raises:
        ImportInputError: a file matches no source; OSError: a file cannot be read.
    """
    inputs = []
    for argument in arguments:
        named, _, path_text = argument.rpartition("=")
        path = Path(path_text)
        if path.is_dir() and not named:
            wanted = {s.casefold() for s in document.source_names()}
            paths = [p for p in sorted(path.iterdir()) if p.name.casefold() in wanted]
            if not paths:
                raise ImportInputError(f"{path} holds none of {', '.join(document.source_names())}")
        else:
            paths = [path]
        for each in paths:
            source = source_for(document, each.name, named or None)
            inputs.append(SourceInput(source, each.name, each.read_bytes()))
    return inputs


def _show(report: ImportReport, as_json: bool, rejects: Path | None) -> None:
    if rejects is not None and report.rejected:
        with rejects.open("w", encoding="utf-8", newline="") as handle:
            written = write_rejects(report.rejected, handle)
        errors.print(f"{written} rejected row(s) written to {rejects}", highlight=False)
    if as_json:
        sys.stdout.write(json.dumps(report.as_dict(), indent=2, ensure_ascii=False) + "\n")
        return
    if report.problems and not report.written and not report.dry_run:
        console.print(report.refusal_text(), highlight=False, markup=False)
        return
    table = Table("resources", "created", "updated", "unchanged", title=_title(report))
    for name, counts in report.resources.items():
        table.add_row(name, f"{counts.created:,}", f"{counts.updated:,}", f"{counts.unchanged:,}")
    console.print(table)
    for line in report.detail_lines():
        console.print(line, highlight=False, markup=False)
    for problem in report.problems:
        console.print(f"rejected: {problem.text()}", highlight=False, markup=False)


def _title(report: ImportReport) -> str:
    if report.dry_run:
        return f"dry run of mapping {report.mapping}: nothing written"
    return f"imported with mapping {report.mapping}"


def export_csv(
    kind: Annotated[
        str, typer.Argument(help="What to export: a source of the mapping (customers…).")
    ],
    out: Annotated[Path | None, typer.Option("--out", "-o", help="File (default stdout).")] = None,
    mapping: Annotated[str, typer.Option(help="The mapping whose layout to write.")] = "default",
) -> None:
    """Write stored resources as CSV in the import layout (edit, then import again)."""
    try:
        document = mapping_named(mapping)
        source = source_for(document, kind)
    except ImportInputError as error:
        raise fail(str(error)) from error
    with opened_graph(reading=True) as kg:
        try:
            if out is None:
                count = export_rows(kg, document, source, sys.stdout)
            else:
                with out.open("w", encoding="utf-8", newline="") as handle:
                    count = export_rows(kg, document, source, handle)
        except ImportInputError as error:
            raise fail(str(error)) from error
    errors.print(f"{count:,} row(s) exported", highlight=False)


def register(app: typer.Typer) -> None:
    """Add ``import`` and ``export`` to the ``ckm`` app."""
    app.command("import")(import_csv)
    app.command("export")(export_csv)
