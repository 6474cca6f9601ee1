"""The editable normalisation tables: which spellings in a CRM export mean which term.

Each ``*.tsv`` in ``kg/importing/tables/`` (or a directory the user adds) serves the
properties its ``@property`` lines name. Every other line is a term (a ``ckm:`` CURIE, or a
plain literal such as a country code) followed by the spellings that mean it, separated
by tabs. Spellings match ignoring case, spaces, hyphens, dots, slashes and underscores;
a term's own name always matches. ``empty_values.tsv`` lists cells that mean "no value";
``date_formats.tsv`` the date formats tried after ISO 8601. Lines starting with ``# ``
are comments.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import URIRef

from kg.errors import MappingError
from kg.vocab import PREFIXES

TABLES_DIR = Path(__file__).resolve().parent / "tables"
EMPTY_VALUES = "empty_values.tsv"
DATE_FORMATS = "date_formats.tsv"
_NOISE = re.compile(r"[\s\-_./]+")


def spelling_key(text: str) -> str:
    """The form spellings are compared in: casefolded, without spaces and punctuation."""
    return _NOISE.sub("", text.casefold())


@dataclass(frozen=True)
class Term:
    """What a table entry stands for: an IRI, or a plain literal when ``iri`` is None."""

    text: str
    iri: URIRef | None

    @property
    def local_name(self) -> str:
        return self.text.partition(":")[2] if self.iri is not None else self.text


@dataclass
class ValueTable:
    """Spellings of the terms one or more properties take, read from TSV files."""

    name: str
    properties: set[URIRef] = field(default_factory=set)
    terms: dict[str, Term] = field(default_factory=dict)

    def lookup(self, cell: str) -> Term | None:
        """The term ``cell`` spells, or None when the table knows no such spelling."""
        return self.terms.get(spelling_key(cell))

    def known(self) -> list[str]:
        """The terms' names, for error messages."""
        return sorted({t.local_name for t in self.terms.values()})

    def add(self, term: Term, spellings: Iterable[str], where: str) -> None:
        """Register ``spellings`` (and the term's own names) for ``term``.

        Raises:
            MappingError: a spelling already means another term in this table.
        """
        names = {term.text, term.local_name, *spellings}
        if term.iri is not None:
            names.add(str(term.iri))
        for spelling in filter(None, (s.strip() for s in names)):
            key = spelling_key(spelling)
            other = self.terms.get(key)
            if other is not None and other != term:
                raise MappingError(
                    f"{where}: spelling {spelling!r} means both {other.text} and {term.text}"
                )
            self.terms[key] = term


@dataclass(frozen=True)
class TableSet:
    """Every value table by the property it serves, the empty markers and date formats."""

    by_property: dict[URIRef, ValueTable]
    empty_values: frozenset[str]
    date_formats: tuple[str, ...]

    @classmethod
    def load(cls, *extra_dirs: Path) -> TableSet:
        """The shipped tables, extended by the TSV files of ``extra_dirs`` (later files add
        spellings to the table of the same property).

        Raises:
            MappingError: a table line is malformed or a spelling is ambiguous.
        """
        by_property: dict[URIRef, ValueTable] = {}
        empty: set[str] = set()
        formats: list[str] = []
        for directory in (TABLES_DIR, *extra_dirs):
            for path in sorted(Path(directory).glob("*.tsv")):
                lines = _content_lines(path)
                if path.name == EMPTY_VALUES:
                    empty.update(line.strip().casefold() for line in lines)
                elif path.name == DATE_FORMATS:
                    formats.extend(line.strip() for line in lines if line.strip() not in formats)
                else:
                    _read_value_table(path, lines, by_property)
        return cls(by_property, frozenset(empty), tuple(formats))

    def for_property(self, predicate: URIRef) -> ValueTable | None:
        return self.by_property.get(predicate)

    def is_empty(self, cell: str) -> bool:
        return not cell or cell.casefold() in self.empty_values


def _content_lines(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    # "# " starts a comment; "#N/A" is a value
    return [line for line in text.splitlines() if line.strip() and not line.startswith("# ")]


def _read_value_table(path: Path, lines: list[str], by_property: dict[URIRef, ValueTable]) -> None:
    properties = [
        _expanded(cells[1].strip(), f"{path.name}")
        for cells in (line.split("\t") for line in lines)
        if cells[0] == "@property" and len(cells) > 1
    ]
    if not properties:
        raise MappingError(f"{path.name}: no '@property<TAB>prefix:name' line")
    table = by_property.get(properties[0]) or ValueTable(path.stem)
    for predicate in properties:
        table.properties.add(predicate)
        by_property[predicate] = table
    for number, line in enumerate(lines, start=1):
        cells = line.split("\t")
        if cells[0] == "@property":
            continue
        text = cells[0].strip()
        iri = _expanded(text, path.name) if ":" in text else None
        table.add(Term(text, iri), cells[1:], f"{path.name} line {number}")


def _expanded(curie: str, where: str) -> URIRef:
    prefix, _, local = curie.partition(":")
    if prefix not in PREFIXES or not local:
        raise MappingError(f"{where}: {curie!r} is not a term with a known prefix")
    return URIRef(PREFIXES[prefix] + local)
