"""Reading a CSV export as a spreadsheet user saved it: UTF-8 or Windows-1252, with a
comma, semicolon, tab or bar between cells, rows numbered as a spreadsheet shows them."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from kg.errors import SourceFileError
from kg.spreadsheet import unguarded

_DELIMITERS = (",", ";", "\t", "|")
_ZIP = b"PK\x03\x04"


@dataclass(frozen=True)
class SourceInput:
    """A file given for one source of the mapping.

    Args:
        source: the source's file name in the mapping (``customers.csv``).
        label: the file's own name, used in reports (``Kunden-Export.csv``).
        data: its bytes.
    """

    source: str
    label: str
    data: bytes


@dataclass
class SourceTable:
    """The header and rows of a CSV file, numbered as a spreadsheet shows them: the
    header is row :attr:`header_row` (1 unless blank lines precede it). Entirely empty
    rows are kept, as empty lists, so the numbers stay right."""

    label: str
    header: list[str]
    rows: list[list[str]]
    header_row: int = 1

    def row_number(self, index: int) -> int:
        return self.header_row + 1 + index

    def cells(self, index: int) -> dict[str, str]:
        """Row ``index`` as header → cell (cells beyond the header under ``column N``)."""
        row = self.rows[index]
        named = dict(zip(self.header, row, strict=False))
        extra = {f"column {i + 1}": c for i, c in enumerate(row) if i >= len(self.header)}
        return {**named, **extra}

    def cell(self, row: int, column: str) -> str | None:
        """The trimmed cell of spreadsheet row ``row`` in ``column``; None when empty."""
        index, position = self.column_index(column), row - self.header_row - 1
        if index is None or not 0 <= position < len(self.rows):
            return None
        cells = self.rows[position]
        return (cells[index].strip() or None) if index < len(cells) else None

    def column_index(self, name: str) -> int | None:
        """Where column ``name`` is: the exact header, else one differing only in case."""
        if name in self.header:
            return self.header.index(name)
        folded = [h.casefold() for h in self.header]
        return folded.index(name.casefold()) if name.casefold() in folded else None


def read_table(source: SourceInput) -> SourceTable:
    """Parse ``source`` as CSV.

    Raises:
        SourceFileError: not a text file (an Excel workbook…), no header, duplicate
            column names, or malformed quoting (with the line).
    """
    text = _decoded(source)
    lines = text.splitlines()
    first = next((line for line in lines if line.strip()), "")
    if not first:
        raise SourceFileError(source.label, "the file is empty; it needs a header row")
    delimiter = max(_DELIMITERS, key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        records = list(reader)
    except csv.Error as error:
        raise SourceFileError(source.label, f"malformed CSV: {error}", reader.line_num) from error
    header_row = 1
    while records and not any(c.strip() for c in records[0]):
        records.pop(0)
        header_row += 1
    header = [h.strip() for h in records[0]]
    while header and not header[-1]:
        header.pop()
    duplicates = sorted({h for h in header if h and header.count(h) > 1})
    if duplicates:
        raise SourceFileError(
            source.label, f"duplicate column names: {', '.join(duplicates)}", header_row
        )
    # A cell exported with the apostrophe that keeps spreadsheets from running it as a
    # formula is read as the value it stands for (kg.spreadsheet).
    rows = [[unguarded(c) for c in r] if any(c.strip() for c in r) else [] for r in records[1:]]
    while rows and not rows[-1]:
        rows.pop()
    return SourceTable(source.label, header, rows, header_row)


def _decoded(source: SourceInput) -> str:
    data = source.data
    if data.startswith(_ZIP):
        raise SourceFileError(
            source.label, "this is an Excel workbook, not CSV; save the sheet as CSV (UTF-8)"
        )
    if b"\x00" in data[:4096]:
        raise SourceFileError(source.label, "not a text file (a CSV file was expected)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:  # what Excel on Windows writes for "CSV (comma delimited)"
        return data.decode("cp1252")
    except UnicodeDecodeError as error:
        raise SourceFileError(source.label, "neither UTF-8 nor Windows-1252 text") from error
