"""Reading the cells of a step's rows as Python values (an unbound cell: the default)."""

from __future__ import annotations

from rdflib import Literal
from rdflib.term import URIRef

from kg.store.base import Row


def iri(row: Row, name: str) -> URIRef | None:
    """The IRI in cell ``name``, None when unbound or not an IRI."""
    term = row.get(name)
    return term if isinstance(term, URIRef) else None


def number(row: Row, name: str, default: float = 0) -> float:
    """The number in cell ``name`` (``default`` when unbound)."""
    term = row.get(name)
    return float(term.toPython()) if isinstance(term, Literal) else default


def flag(row: Row, name: str) -> bool:
    """The boolean in cell ``name`` (False when unbound)."""
    term = row.get(name)
    return isinstance(term, Literal) and term.toPython() is True


def text(row: Row, name: str, default: str = "") -> str:
    """The lexical form in cell ``name`` (``default`` when unbound)."""
    term = row.get(name)
    return str(term) if term is not None else default


def local_name(term: URIRef) -> str:
    """The part of an IRI after its last ``#`` or ``/`` (a readable fallback label)."""
    return str(term).rsplit("#", 1)[-1].rsplit("/", 1)[-1]
