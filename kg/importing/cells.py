"""Cleaning one CSV cell for the mapping: keys, terms, dates, whole numbers and text.

Every normaliser takes the trimmed cell (never empty: empty cells are absent values and
never reach a normaliser) and returns the text the mapping reads, or raises
:class:`CellProblem` naming the rule the cell breaks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Protocol
from zoneinfo import ZoneInfo

from kg.importing.tables import ValueTable

_UNSAFE_KEY = re.compile(r"[^A-Za-z0-9._-]+")
_PLAIN_INTEGER = re.compile(r"[+-]?\d+")
# 1.200 / 1,200 / 1'200 / 1 200, and Excel's 40,00 or 40.0
_GROUPED_INTEGER = re.compile(r"[+-]?\d{1,3}(?:([.,' \u00a0\u202f])\d{3})(?:\1\d{3})*")
_TRAILING_ZEROS = re.compile(r"([+-]?\d+)[.,]0+")


class CellProblem(ValueError):
    """A cell the mapping cannot use; ``rule`` names the import rule it breaks."""

    def __init__(self, rule: str, message: str) -> None:
        super().__init__(message)
        self.rule = rule


class Normaliser(Protocol):
    """Turns a trimmed, non-empty cell into what the mapping reads."""

    kind: str

    def __call__(self, cell: str) -> str: ...


@dataclass(frozen=True)
class Text:
    """Free text: kept as it is (already trimmed)."""

    kind: str = "text"

    def __call__(self, cell: str) -> str:
        return cell


@dataclass(frozen=True)
class Key:
    """A source key that becomes part of an IRI: letters, digits, ``.``, ``_`` and ``-``
    kept, every other run of characters becomes one ``-`` (``K 1042/B`` → ``K-1042-B``)."""

    kind: str = "key"

    def __call__(self, cell: str) -> str:
        key = _UNSAFE_KEY.sub("-", cell).strip("-.")
        if not key:
            raise CellProblem("import:key", f"key {cell!r} has no letter or digit")
        if len(key) > 128:
            raise CellProblem("import:key", "a key is at most 128 characters")
        return key


@dataclass(frozen=True)
class Integer:
    """A whole number; thousands separators (``1.200``, ``1'200``) and ``40,00`` accepted."""

    kind: str = "integer"

    def __call__(self, cell: str) -> str:
        if _PLAIN_INTEGER.fullmatch(cell):
            return str(int(cell))
        if _GROUPED_INTEGER.fullmatch(cell):
            return str(int(re.sub(r"[.,' \u00a0\u202f]", "", cell)))
        zeros = _TRAILING_ZEROS.fullmatch(cell)
        if zeros:
            return str(int(zeros.group(1)))
        raise CellProblem("import:integer", f"{cell!r} is not a whole number")


@dataclass(frozen=True)
class Calendar:
    """A date (``date_only``) or a date and time, in ISO 8601 or one of ``formats``.

    A time without a zone is taken in ``timezone``; a date alone, for a dateTime, is
    midnight there.
    """

    formats: tuple[str, ...]
    timezone: str
    date_only: bool

    @property
    def kind(self) -> str:
        return "date" if self.date_only else "dateTime"

    def __call__(self, cell: str) -> str:
        parsed = self._parse(cell)
        if self.date_only:
            return (parsed.date() if isinstance(parsed, datetime) else parsed).isoformat()
        if not isinstance(parsed, datetime):
            parsed = datetime.combine(parsed, time())
        if parsed.tzinfo is None:
            parsed = parsed.replace(tzinfo=ZoneInfo(self.timezone))
        return parsed.isoformat()

    def _parse(self, cell: str) -> date | datetime:
        text = " ".join(cell.split())
        try:
            return date.fromisoformat(text)
        except ValueError:
            pass
        try:
            return datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            pass
        for fmt in self.formats:
            try:
                return datetime.strptime(text, fmt)
            except ValueError:
                continue
        raise CellProblem(
            "import:date",
            f"{cell!r} is not a {'date' if self.date_only else 'date/time'} "
            "(use e.g. 2025-02-03 or 03.02.2025; formats in date_formats.tsv)",
        )


@dataclass(frozen=True)
class Vocabulary:
    """A controlled-list value looked up in a table; the mapping reads what follows
    ``prefix`` in the term's IRI (``Telephone`` for ``ckm:$(channel)``), or the whole
    IRI (``prefix`` empty), or the literal (a literal table such as countries)."""

    table: ValueTable
    prefix: str
    kind: str = "term"

    def __call__(self, cell: str) -> str:
        term = self.table.lookup(cell)
        if term is None:
            shown = ", ".join(self.table.known())
            raise CellProblem(
                "import:unknown-term",
                f"{cell!r} is not in table {self.table.name}.tsv (known: {shown}); "
                "add the spelling there",
            )
        if term.iri is None:
            return term.text
        if not str(term.iri).startswith(self.prefix):
            raise CellProblem(
                "import:unknown-term", f"{term.text} does not fit the mapping's {self.prefix}"
            )
        return str(term.iri)[len(self.prefix) :]
