"""Binding parameters: typed terms put into the query's parameter ``VALUES`` clauses.

A saved query names its parameters as variables and pre-binds them in one or more
clauses ``VALUES (?firm ?from) { (UNDEF UNDEF) }`` whose row holds the defaults. Binding
replaces each such row with the caller's values, parsed into typed terms
(:mod:`kg.queries.terms`); an absent optional parameter stays ``UNDEF``, so the query
does not restrict by it. The caller's text itself is never written into the query.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from kg.errors import BadParameter, QueryDefinitionError
from kg.queries.model import Parameter, ParameterClause, SavedQuery
from kg.queries.terms import Term, parse_term, sparql_term

_VARIABLE = r"[?$][A-Za-z_][A-Za-z0-9_]*"
_CLAUSE = re.compile(
    rf"VALUES\s*\(\s*(?P<names>{_VARIABLE}(?:\s+{_VARIABLE})*)\s*\)"
    r"\s*\{\s*\(\s*(?P<row>[^(){}]*?)\s*\)\s*\}",
    re.IGNORECASE,
)
_ONE_VARIABLE = re.compile(rf"VALUES\s*(?P<name>{_VARIABLE})", re.IGNORECASE)


def row_text(names: tuple[str, ...], terms: Mapping[str, Term | None]) -> str:
    """The terms bound to ``names``, written as one ``VALUES`` row (UNDEF where None)."""
    return " ".join(sparql_term(terms.get(n)) for n in names)


def clause_text(names: tuple[str, ...], terms: Mapping[str, Term | None]) -> str:
    """The ``VALUES`` clause binding ``names`` to ``terms``."""
    variables = " ".join(f"?{n}" for n in names)
    return f"VALUES ({variables}) {{ ({row_text(names, terms)}) }}"


def find_clauses(
    text: str, parameters: tuple[Parameter, ...], where: str
) -> tuple[ParameterClause, ...]:
    """The parameter clauses of a query text, checked against its parameters.

    Raises:
        QueryDefinitionError: a clause mixes parameters with other variables, a
            parameter is bound outside the ``VALUES (?p) { (…) }`` form or in no clause,
            or a clause's row is not the parameters' defaults.
    """
    declared = {p.name: p for p in parameters}
    defaults = {p.name: p.default_term for p in parameters}
    clauses = []
    for match in _CLAUSE.finditer(text):
        names = tuple(n[1:] for n in match["names"].split())
        known = [n for n in names if n in declared]
        if not known:
            continue
        if len(known) != len(names):
            raise QueryDefinitionError(
                f"{where}: VALUES clause {match[0]!r} mixes parameters with other variables"
            )
        if " ".join(match["row"].split()) != row_text(names, defaults):
            raise QueryDefinitionError(
                f"{where}: the clause {match[0]!r} must hold the defaults: "
                f"{clause_text(names, defaults)}"
            )
        clauses.append(ParameterClause(match.start(), match.end(), names))
    for match in _ONE_VARIABLE.finditer(text):
        if match["name"][1:] in declared:
            raise QueryDefinitionError(
                f"{where}: bind parameter {match['name']} as VALUES ({match['name']}) {{ (…) }}"
            )
    bound = {n for c in clauses for n in c.names}
    for name in declared:
        if name not in bound:
            raise QueryDefinitionError(f"{where}: parameter {name!r} is in no VALUES clause")
    return tuple(clauses)


def parsed_parameters(query: SavedQuery, params: Mapping[str, str]) -> dict[str, Term | None]:
    """Every parameter of ``query`` as a typed term: the caller's value or the default.

    Raises:
        BadParameter: a name ``query`` does not declare, or a value not of its type.
    """
    for name in params:
        if query.parameter(name) is None:
            known = ", ".join(p.name for p in query.parameters) or "none"
            raise BadParameter(query.name, name, f"unknown parameter; the parameters are: {known}")
    terms: dict[str, Term | None] = {}
    for parameter in query.parameters:
        if parameter.name not in params:
            terms[parameter.name] = parameter.default_term
            continue
        try:
            terms[parameter.name] = parse_term(parameter.datatype, params[parameter.name])
        except ValueError as error:
            raise BadParameter(
                query.name,
                parameter.name,
                f"{error}; got {params[parameter.name]!r}",
            ) from None
    return terms


def bind(query: SavedQuery, params: Mapping[str, str]) -> str:
    """The SPARQL text of ``query`` with ``params`` bound in its parameter clauses.

    Raises:
        BadParameter: an unknown parameter name or a value not of the parameter's type.
    """
    terms = parsed_parameters(query, params)
    text = query.sparql
    for clause in sorted(query.clauses, key=lambda c: c.start, reverse=True):
        text = text[: clause.start] + clause_text(clause.names, terms) + text[clause.end :]
    return text
