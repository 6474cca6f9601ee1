"""A saved query and its parameters, as the catalogue holds them."""

from __future__ import annotations

import re
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


QueryParameter = Parameter  # its name on the face (kg/__init__.py)


@dataclass(frozen=True)
class ParameterClause:
    """Where parameters are bound: a ``VALUES (?a ?b) { (…) }`` clause of the query text.

    ``start`` and ``end`` delimit the clause in the text, ``names`` its variables.
    """

    start: int
    end: int
    names: tuple[str, ...]


# The seed papers (../shared/seeds) a saved query's sources cite, as the editor groups them.
MODULES: dict[str, str] = {
    "000": "Knowledge partners and customer integration (seed 000)",
    "001": "Value co-creation in SMEs (seed 001)",
    "002": "Co-creation maturity and DART (seed 002)",
    "003": "Customer knowledge management (seed 003)",
    "004": "Practices, alignment and co-destruction (seed 004)",
}
_SEED = re.compile(r"\bseeds? (\d{3})\b")


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

    @property
    def module(self) -> str:
        """The part of the literature the query answers to: the seed its first source
        cites (:data:`MODULES`), else ``Other``.

        >>> SavedQuery("q", "t", "?", (), (), ("Van Middendorp (2018), seed 004 §2",), "").module
        'Practices, alignment and co-destruction (seed 004)'
        """
        for source in self.sources:
            found = _SEED.search(source)
            if found:
                return MODULES.get(found[1], f"Seed {found[1]}")
        return "Other"

    def as_dict(self) -> dict[str, object]:
        """The metadata as plain JSON-ready data (the SPARQL text included)."""
        return {
            "name": self.name,
            "title": self.title,
            "module": self.module,
            "question": self.question,
            "parameters": [p.as_dict() for p in self.parameters],
            "concepts": list(self.concepts),
            "sources": list(self.sources),
            "sparql": self.sparql,
        }
