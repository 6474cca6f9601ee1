"""Pre-normalisation: the clean copy of a CSV file that morph-kgc reads.

Every cell the mapping reads is trimmed; empty cells and the markers of
``empty_values.tsv`` become absent values; each column is cleaned as the mapping plan
says (keys, table look-ups, dates, whole numbers). A row with a cell that cannot be
cleaned, an empty key or more cells than the header is left out of the copy and
reported. The copy has the mapping's column names and one more, the row number.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TextIO

from kg.errors import SourceFileError
from kg.importing.cells import CellProblem, Normaliser
from kg.importing.report import RejectedRow, RowProblem
from kg.importing.sources import SourceTable
from kg.importing.tables import TableSet
from kg.importing.yarrrml import ROW_COLUMN


@dataclass
class NormalisedSource:
    """What cleaning one file gave: how many rows, which were left out, and notes."""

    table: SourceTable
    rows: int = 0
    rejected: dict[int, RejectedRow] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


def normalise(
    table: SourceTable,
    normalisers: dict[str, Normaliser],
    keys: set[str],
    tables: TableSet,
    out: TextIO,
    advance: Callable[[int], None] = lambda _n: None,
) -> NormalisedSource:
    """Write the clean copy of ``table`` to ``out`` (CSV, UTF-8, comma).

    Args:
        normalisers: the cleaning of each column the mapping reads.
        keys: columns the subject IRIs are made of; a row needs them.
        advance: called with the number of rows done, for a progress bar.
    Raises:
        SourceFileError: the file lacks a key column (other missing columns are read
            as empty and noted).
    """
    result = NormalisedSource(table)
    columns = list(normalisers)
    where: dict[str, int | None] = {c: table.column_index(c) for c in columns}
    for column, index in where.items():
        if index is not None:
            continue
        if column in keys:
            raise SourceFileError(
                table.label,
                f"no column {column!r}, the key the mapping needs; "
                f"columns found: {', '.join(table.header) or 'none'}",
                table.header_row,
            )
        result.notes.append(f"{table.label} has no column {column!r}; read as empty")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([*columns, ROW_COLUMN])
    for index, row in enumerate(table.rows):
        advance(1)
        if not row:
            continue
        result.rows += 1
        number = table.row_number(index)
        problems: list[RowProblem] = []
        if any(c.strip() for c in row[len(table.header) :]):
            problems.append(
                RowProblem(
                    table.label,
                    number,
                    None,
                    None,
                    "import:row-shape",
                    f"the row has {len(row)} cells but the header {len(table.header)}; "
                    "a separator or quote is probably misplaced",
                )
            )
        values = []
        for column in columns:
            position = where[column]
            raw = row[position] if position is not None and position < len(row) else ""
            value, problem = _clean(raw, normalisers[column], column in keys, tables)
            values.append(value)
            if problem is not None:
                problems.append(RowProblem(table.label, number, column, raw, *problem))
        if problems:
            result.rejected[number] = RejectedRow(table.label, number, table.cells(index), problems)
        else:
            writer.writerow([*values, number])
    return result


def _clean(
    raw: str, normaliser: Normaliser, is_key: bool, tables: TableSet
) -> tuple[str, tuple[str, str] | None]:
    """The clean cell, and (rule, message) when it cannot be used."""
    cell = raw.strip()
    if tables.is_empty(cell):
        if is_key:
            return "", ("import:key-missing", "the key is empty; every row needs its key")
        return "", None
    try:
        return normaliser(cell), None
    except CellProblem as problem:
        return "", (problem.rule, str(problem))
