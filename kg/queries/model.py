"""A saved query and its parameters, as the catalogue holds them."""

from __future__ import annotations

from dataclasses import dataclass, field

from kg.queries.terms import Term


@dataclass(frozen=True)
class Parameter:
    """One parameter of a saved query.

    ``datatype`` is ``"IRI"`` or an XSD datatype CURIE (``"xsd:date"``…); ``default`` the
    value used when the caller gives none, in its lexical form (IRIs expanded), or None
    when the parameter is then left unbound (the query does not restrict by it).
    """

    name: str
    datatype: str
    default: str | None
    description: str
    default_term: Term | None = field(default=None, repr=False, compare=False)

    def as_dict(self) -> dict[str, str | None]:
        return {
            "name": self.name,
            "datatype": self.datatype,
            "default": self.default,
            "description": self.description,
        }


@dataclass(frozen=True)
class ParameterClause:
    """Where parameters are bound: a ``VALUES (?a ?b) { (…) }`` clause of the query text.

    ``start`` and ``end`` delimit the clause in the text, ``names`` its variables.
    """

    start: int
    end: int
    names: tuple[str, ...]


@dataclass(frozen=True)
class SavedQuery:
    """An analyst's question answered by one SPARQL SELECT query from the catalogue.

    ``sparql`` is the text of the ``.rq`` file: its header comments, its prefixes, and
    the query with every parameter at its default (runnable as is in any SPARQL client).
    """

    name: str
    title: str
    question: str
    parameters: tuple[Parameter, ...]
    concepts: tuple[str, ...]
    sources: tuple[str, ...]
    sparql: str
    clauses: tuple[ParameterClause, ...] = field(default=(), repr=False, compare=False)

    def parameter(self, name: str) -> Parameter | None:
        """The parameter called ``name``, or None."""
        return next((p for p in self.parameters if p.name == name), None)

    def as_dict(self) -> dict[str, object]:
        """The metadata as plain JSON-ready data (the SPARQL text included)."""
        return {
            "name": self.name,
            "title": self.title,
            "question": self.question,
            "parameters": [p.as_dict() for p in self.parameters],
            "concepts": list(self.concepts),
            "sources": list(self.sources),
            "sparql": self.sparql,
        }
