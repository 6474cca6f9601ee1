"""``ckm diagnose``: the CKM diagnosis of one firm (docs/DIAGNOSIS.md)."""

from __future__ import annotations

import json
from datetime import date
from enum import StrEnum
from typing import Annotated

import typer

from kg.cli.state import EXIT_REFUSED, fail, opened_graph
from kg.errors import BadParameter, UnknownResource
from kg.iri import InvalidIri, checked_iri


class DiagnosisFormat(StrEnum):
    table = "table"
    json = "json"
    html = "html"


def _day(text: str | None, option: str) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise fail(f"{option} takes a date as YYYY-MM-DD; got {text!r}") from None


def diagnose(
    firm: Annotated[str, typer.Option("--firm", help="IRI of the firm to diagnose.")],
    start: Annotated[
        str | None, typer.Option("--from", help="First day of the period (YYYY-MM-DD).")
    ] = None,
    end: Annotated[
        str | None, typer.Option("--to", help="Last day of the period (YYYY-MM-DD).")
    ] = None,
    fmt: Annotated[
        DiagnosisFormat, typer.Option("--format", help="table (text), json (JSON-LD) or html.")
    ] = DiagnosisFormat.table,
) -> None:
    """Where the firm stands, which customers could become knowledge partners, how its
    practices align, how far it is towards co-creation, and what to change, each finding
    citing the seed passage it rests on. Exit 1: no such firm; 2: bad input."""
    first, last = _day(start, "--from"), _day(end, "--to")
    try:
        iri = checked_iri(firm)
    except InvalidIri as error:
        raise fail(f"--firm takes an absolute IRI: {error}") from None
    with opened_graph() as graph:
        try:
            found = graph.diagnose(iri, first, last)
        except UnknownResource as error:
            raise fail(f"{error} (give the IRI of a stored ckm:Firm)", EXIT_REFUSED) from None
        except (BadParameter, ValueError) as error:
            raise fail(str(error)) from None
    if fmt is DiagnosisFormat.json:
        typer.echo(json.dumps(found.as_json(), indent=2, ensure_ascii=False))
    elif fmt is DiagnosisFormat.html:
        typer.echo(found.as_html())
    else:
        typer.echo(found.as_table(), nl=False)
