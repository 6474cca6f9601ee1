"""The catalogue: every ``.rq`` file of ``kg/queries/saved/``, read once, keyed by name."""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from types import MappingProxyType

from kg.errors import QueryDefinitionError, UnknownQuery
from kg.queries.binding import find_clauses
from kg.queries.header import ParamLine, read_header
from kg.queries.model import Parameter, SavedQuery
from kg.queries.terms import IRI, PARSERS, parse_term
from kg.vocab import PREFIXES

SAVED_DIR = Path(__file__).resolve().parent / "saved"
_NAME = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
_CURIE = re.compile(r"([a-z]+):[A-Za-z_][A-Za-z0-9_]*")
# Taken by the HTTP API (``?format=csv``), so no saved query may call a parameter so.
RESERVED_NAMES = frozenset({"format"})


def load_query(path: Path) -> SavedQuery:
    """The saved query in ``path``; its name is the file stem.

    Raises:
        QueryDefinitionError: a malformed name, header, parameter or parameter clause.
    """
    name = path.stem
    if not _NAME.fullmatch(name):
        raise QueryDefinitionError(f"{path.name}: a query name is lower-case words and dashes")
    text = path.read_text(encoding="utf-8")
    header = read_header(text, path.name)
    parameters = tuple(_parameter(line, path.name) for line in header.params)
    if len({p.name for p in parameters}) != len(parameters):
        raise QueryDefinitionError(f"{path.name}: a parameter is declared twice")
    if RESERVED_NAMES & {p.name for p in parameters}:
        raise QueryDefinitionError(f"{path.name}: {', '.join(RESERVED_NAMES)} is reserved")
    for concept in header.concepts:
        match = _CURIE.fullmatch(concept)
        if match is None or match.group(1) not in PREFIXES:
            raise QueryDefinitionError(f"{path.name}: concept {concept!r} is not a known CURIE")
    return SavedQuery(
        name=name,
        title=header.title,
        question=header.question,
        parameters=parameters,
        concepts=header.concepts,
        sources=header.sources,
        sparql=text,
        clauses=find_clauses(text, parameters, path.name),
    )


def _parameter(line: ParamLine, where: str) -> Parameter:
    if line.datatype not in PARSERS:
        raise QueryDefinitionError(
            f"{where}: parameter {line.name!r} has type {line.datatype!r}; "
            f"use one of {', '.join(PARSERS)}"
        )
    default_term = None
    if line.default is not None:
        try:
            default_term = parse_term(line.datatype, line.default)
        except ValueError as error:
            raise QueryDefinitionError(
                f"{where}: default of parameter {line.name!r}: {error}"
            ) from None
    default = line.default if default_term is None or line.datatype != IRI else str(default_term)
    return Parameter(line.name, line.datatype, default, line.description, default_term)


@cache
def saved_queries() -> Mapping[str, SavedQuery]:
    """Every saved query, keyed by name (the ``.rq`` file stem), sorted; read once.

    Raises:
        QueryDefinitionError: a file of the catalogue is malformed.
    """
    queries = {q.name: q for q in map(load_query, sorted(SAVED_DIR.glob("*.rq")))}
    return MappingProxyType(queries)


def saved_query(name: str) -> SavedQuery:
    """The saved query called ``name``.

    Raises:
        UnknownQuery: no query has that name.
    """
    queries = saved_queries()
    if name not in queries:
        raise UnknownQuery(name, list(queries))
    return queries[name]
