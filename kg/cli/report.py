"""``ckm report``: a self-contained HTML report of a firm's customer knowledge management."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kg.cli.state import console, fail, opened_graph
from kg.iri import InvalidIri
from kg.store.base import StoreError


def report(
    out: Annotated[Path, typer.Option("--out", "-o", dir_okay=False, help="HTML file to write.")],
    firm: Annotated[
        str | None,
        typer.Option("--firm", help="IRI of the firm to report on (default: every firm)."),
    ] = None,
) -> None:
    """Write one HTML file charting knowledge flows, CKM styles, value spheres, knowledge
    partners, contributions and co-creation outcomes (no external assets)."""
    from kg.reporting.report import UnknownFirm, build_report, render_report

    with opened_graph(reading=True) as graph:
        try:
            html = render_report(build_report(graph, firm))
        except (InvalidIri, UnknownFirm, StoreError) as error:
            raise fail(str(error)) from error
    try:
        out.write_text(html, encoding="utf-8")
    except OSError as error:
        raise fail(f"cannot write {out}: {error.strerror}") from error
    console.print(f"report written to {out}", highlight=False)
