"""What an import did or why it refused: per-row problems, counts, and the rejects file."""

from __future__ import annotations

import csv
from collections import Counter
from dataclasses import dataclass, field
from typing import TextIO

from kg.spreadsheet import guarded

REJECT_COLUMNS = ("reject_file", "reject_row", "reject_column", "reject_rule", "reject_reason")


@dataclass(frozen=True, order=True)
class RowProblem:
    """One rule one row breaks. ``row`` counts the header as row 1, as a spreadsheet does;
    ``rule`` is an import rule (``import:unknown-term``…) or the SHACL shape broken."""

    file: str
    row: int | None
    column: str | None
    value: str | None
    rule: str
    message: str

    def as_dict(self) -> dict[str, str | int | None]:
        return {
            "file": self.file,
            "row": self.row,
            "column": self.column,
            "value": self.value,
            "rule": self.rule,
            "message": self.message,
        }

    def text(self) -> str:
        where = self.file + (f" row {self.row}" if self.row is not None else "")
        if self.column:
            where += f", column {self.column}"
        if self.value:
            where += f" ({self.value!r})"
        return f"{where}: {self.message} [{self.rule}]"


@dataclass
class RejectedRow:
    """A row left out of the import, its cells as read, and every problem it has."""

    file: str
    row: int
    cells: dict[str, str]
    problems: list[RowProblem] = field(default_factory=list)


@dataclass
class Counts:
    """Resources of one mapping: new, changed, or already as the file says."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0


@dataclass
class ImportReport:
    """The outcome of one import (or of a dry run, or the reason it was refused)."""

    mapping: str
    dry_run: bool = False
    skip_invalid: bool = False
    rows_read: dict[str, int] = field(default_factory=dict)
    resources: dict[str, Counts] = field(default_factory=dict)
    rejected: list[RejectedRow] = field(default_factory=list)
    unattributed: list[RowProblem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    warnings: Counter[str] = field(default_factory=Counter)
    written: bool = False
    triples_added: int = 0
    triples_removed: int = 0
    activity: str | None = None

    @property
    def problems(self) -> list[RowProblem]:
        """Every problem, in file and row order; those tied to no row last."""
        rows = [p for r in self.rejected for p in r.problems]
        return sorted(rows, key=lambda p: (p.file, p.row or 0, p.column or "")) + self.unattributed

    def as_dict(self) -> dict:
        return {
            "mapping": self.mapping,
            "dryRun": self.dry_run,
            "skipInvalid": self.skip_invalid,
            "written": self.written,
            "rowsRead": self.rows_read,
            "resources": {k: vars(v) for k, v in self.resources.items()},
            "rejectedRows": len(self.rejected),
            "rejected": [{"file": r.file, "row": r.row, "cells": r.cells} for r in self.rejected],
            "problems": [p.as_dict() for p in self.problems],
            "notes": self.notes,
            "warnings": dict(self.warnings),
            "triplesAdded": self.triples_added,
            "triplesRemoved": self.triples_removed,
            "activity": self.activity,
        }

    @classmethod
    def from_dict(cls, data: dict) -> ImportReport:
        """The report :meth:`as_dict` gave (e.g. an HTTP answer): each rejected row with
        its cells and problems.

        >>> report = ImportReport("default", rows_read={"customers.csv": 2})
        >>> report.rejected.append(RejectedRow("customers.csv", 2, {"country": "XX"}, [RowProblem(
        ...     "customers.csv", 2, "country", "XX", "country-code", "unknown code")]))
        >>> ImportReport.from_dict(report.as_dict()).as_dict() == report.as_dict()
        True
        """
        problems = [RowProblem(**p) for p in data.get("problems", ())]
        rows = {
            (r["file"], r["row"]): RejectedRow(r["file"], r["row"], dict(r["cells"]))
            for r in data.get("rejected", ())
        }
        for problem in problems:
            if problem.row is not None:
                key = (problem.file, problem.row)
                rows.setdefault(key, RejectedRow(problem.file, problem.row, {})).problems.append(
                    problem
                )
        return cls(
            mapping=data["mapping"],
            dry_run=data.get("dryRun", False),
            skip_invalid=data.get("skipInvalid", False),
            rows_read=dict(data.get("rowsRead", {})),
            resources={k: Counts(**v) for k, v in data.get("resources", {}).items()},
            rejected=list(rows.values()),
            unattributed=[p for p in problems if p.row is None],
            notes=list(data.get("notes", ())),
            warnings=Counter(data.get("warnings", {})),
            written=data.get("written", False),
            triples_added=data.get("triplesAdded", 0),
            triples_removed=data.get("triplesRemoved", 0),
            activity=data.get("activity"),
        )

    def summary_lines(self) -> list[str]:
        """What was (or would be) created, updated and left as it was, then the details."""
        would = "would be " if self.dry_run else ""
        counts = [
            f"{name}: {c.created:,} {would}created, {c.updated:,} {would}updated, "
            f"{c.unchanged:,} unchanged"
            for name, c in self.resources.items()
        ]
        return counts + self.detail_lines()

    def detail_lines(self) -> list[str]:
        """Rows read and rejected, notes, and the SHACL warnings by how often they came."""
        lines = [f"read {n:,} rows from {file}" for file, n in self.rows_read.items()]
        if self.rejected:
            lines.append(f"{len(self.rejected):,} rows rejected")
        lines += [f"note: {note}" for note in self.notes]
        lines += [f"{n:,} x {rule}" for rule, n in sorted(self.warnings.items())]
        return lines

    def refusal_text(self) -> str:
        problems = self.problems
        head = (
            f"import refused, nothing was written: {len(problems)} problem(s) "
            f"in {len(self.rejected)} row(s)"
        )
        return "\n".join([head, *(f"- {p.text()}" for p in problems)])


def write_rejects(rejected: list[RejectedRow], handle: TextIO) -> int:
    """Write the rejected rows as CSV: why each was rejected, then its cells under their own
    headers (so the file, fixed and renamed, imports again), formula-like cells written as
    text (:mod:`kg.spreadsheet`). Returns the rows written."""
    headers: list[str] = []
    for row in rejected:
        headers += [h for h in row.cells if h not in headers]
    writer = csv.writer(handle, lineterminator="\n")
    writer.writerow([guarded(h) for h in (*REJECT_COLUMNS, *headers)])
    for row in sorted(rejected, key=lambda r: (r.file, r.row)):
        cells = [
            row.file,
            row.row,
            "; ".join(dict.fromkeys(p.column for p in row.problems if p.column)),
            "; ".join(dict.fromkeys(p.rule for p in row.problems)),
            " | ".join(p.message for p in row.problems),
            *(row.cells.get(h, "") for h in headers),
        ]
        writer.writerow([guarded(str(cell)) for cell in cells])
    return len(rejected)
