"""``ckm diagnose``: the CKM diagnosis of one firm (docs/DIAGNOSIS.md)."""

from __future__ import annotations

import json
from datetime import date
from enum import StrEnum
from typing import Annotated

import typer

from kg.cli.state import EXIT_REFUSED, cli_state, fail, opened_graph
from kg.cli.through_server import served
from kg.diagnosis.stored import diagnosis_record, latest_stored, store_diagnosis, trend
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
    store: Annotated[
        bool, typer.Option("--store", help="Store the diagnosis (dated, with provenance).")
    ] = False,
    with_trend: Annotated[
        bool, typer.Option("--trend", help="Compare with the latest stored diagnosis.")
    ] = False,
) -> None:
    """Where the firm stands, which customers could become knowledge partners, how its
    practices align, how far it is towards co-creation, and what to change, each finding
    citing the seed passage it rests on. Exit 1: no such firm; 2: bad input."""
    first, last = _day(start, "--from"), _day(end, "--to")
    try:
        iri = checked_iri(firm)
    except InvalidIri as error:
        raise fail(f"--firm takes an absolute IRI: {error}") from None
    server = served(cli_state.settings()) if store else None  # beside `ckm serve`
    with opened_graph(reading=not store or server is not None) as graph:
        try:
            found = graph.diagnose(iri, first, last)
        except UnknownResource as error:
            raise fail(f"{error} (give the IRI of a stored ckm:Firm)", EXIT_REFUSED) from None
        except (BadParameter, ValueError) as error:
            raise fail(str(error)) from None
        previous = latest_stored(graph, iri) if with_trend else None
        if server is not None:  # computed on the snapshot, written by the server
            stored, quads = diagnosis_record(graph.settings.base_iri, found)
            server.add_quads(quads)
            typer.echo(f"diagnosis stored as {stored} through {server.url}", err=True)
        elif store:
            stored = store_diagnosis(graph, found)
            typer.echo(f"diagnosis stored as {stored}", err=True)
    changes = trend(previous[2], found) if previous else ()
    if fmt is DiagnosisFormat.json:
        document = found.as_json()
        if with_trend:
            document["trend"] = {
                "since": {"@id": str(previous[0])} if previous else None,
                "changes": [
                    {"figure": c.figure, "then": c.then, "now": c.now} for c in changes if c.moved
                ],
            }
        typer.echo(json.dumps(document, indent=2, ensure_ascii=False))
    elif fmt is DiagnosisFormat.html:
        typer.echo(found.as_html())
    else:
        typer.echo(found.as_table(), nl=False)
        if with_trend:
            typer.echo(_trend_text(previous, changes))


def _trend_text(previous, changes) -> str:
    if previous is None:
        return "\nTrend: no stored diagnosis of this firm to compare with (use --store)."
    lines = [f"\nTrend since {previous[0]} ({previous[1]})"]
    moved = [c for c in changes if c.moved]
    lines += [f"  {c.figure}: {_figure(c.then)} -> {_figure(c.now)}" for c in moved]
    if not moved:
        lines.append("  no key figure moved")
    return "\n".join(lines)


def _figure(value) -> str:
    if isinstance(value, float):
        return f"{value:.3f}"
    return "n/a" if value is None else str(value)
