"""What can go wrong in an import, as types. Nothing is written when any of them is raised."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kg.importing.report import ImportReport


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
