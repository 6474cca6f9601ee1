"""List filters: a query parameter bound to a SPARQL pattern, its value checked and
written as a term (IRIs through :func:`checked_iri`, literals by rdflib), never pasted."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from rdflib import Literal
from rdflib.namespace import XSD

from api.errors import Problem
from api.rest.fields import expand
from kg import InvalidIri, checked_iri

_LOCAL_NAME = re.compile(r"[A-Za-z][A-Za-z0-9]*")


@dataclass(frozen=True)
class Filter:
    """One query parameter of a list; ``pattern`` holds ``?s`` and ``$value``.

    ``kind``: ``ref`` an IRI; ``vocab`` a ckm individual (``Workshop`` or
    ``ckm:Workshop``); ``string`` a plain literal; ``date``/``datetime`` a calendar date
    (ISO 8601).
    """

    name: str
    pattern: str
    kind: str
    description: str


def bound_value(flt: Filter, raw: str) -> str:
    """``raw`` as the SPARQL term to put in place of ``$value``.

    Raises:
        Problem: 400 naming the parameter when the value is not of its kind.
    """
    try:
        if flt.kind == "ref":
            return checked_iri(raw).n3()
        if flt.kind == "vocab":
            local = raw.removeprefix("ckm:")
            if not _LOCAL_NAME.fullmatch(local):
                raise ValueError("not a ckm term")
            return expand("ckm:" + local).n3()
        if flt.kind == "string":
            return Literal(raw).n3()
        day = date.fromisoformat(raw)
        if flt.kind == "datetime":
            return Literal(f"{day.isoformat()}T00:00:00Z", datatype=XSD.dateTime).n3()
        return Literal(day).n3()
    except (ValueError, InvalidIri) as error:
        raise Problem(
            400, f"filter {flt.name}={raw!r}: {error}", "bad-filter", parameter=flt.name
        ) from error


def where_clause(filters: tuple[Filter, ...], params: dict[str, str]) -> str:
    """The SPARQL patterns of the filters ``params`` uses, values bound safely."""
    return "\n".join(
        f.pattern.replace("$value", bound_value(f, params[f.name]))
        for f in filters
        if params.get(f.name)
    )


def ref_filter(name: str, path: str, description: str) -> Filter:
    return Filter(name, f"?s {path} $value .", "ref", description)


def vocab_filter(name: str, path: str, description: str) -> Filter:
    return Filter(name, f"?s {path} $value .", "vocab", description)


def date_range(path: str, kind: str, what: str) -> tuple[Filter, Filter]:
    return (
        Filter(
            "from",
            f"?s {path} ?_from . FILTER(?_from >= $value)",
            kind,
            f"{what} on or after this date (YYYY-MM-DD)",
        ),
        Filter(
            "to",
            f"?s {path} ?_to . FILTER(?_to < $value)",
            kind,
            f"{what} before this date (YYYY-MM-DD)",
        ),
    )
