"""``ckm ontology …``: build the RDF/XML release, draw the diagram, check the profile."""

from __future__ import annotations

import typer
from rich.console import Console

from kg.ontology_tools.diagram import write_diagram
from kg.ontology_tools.owlapi import check_dl_profile
from kg.ontology_tools.release import build_release
from kg.resources import ONTOLOGY_OWL, ONTOLOGY_TTL

ontology_app = typer.Typer(help="Build and check the CKM ontology.", no_args_is_help=True)
console = Console()


@ontology_app.command("build")
def build() -> None:
    """Regenerate ontology/ckm.owl (RDF/XML, for Protégé) from ontology/ckm.ttl."""
    count = build_release()
    console.print(f"wrote {ONTOLOGY_OWL} ({count} triples)")


@ontology_app.command("diagram")
def diagram() -> None:
    """Regenerate the class diagram (ontology/ckm-classes.dot and .svg)."""
    console.print(f"wrote {write_diagram()}")


@ontology_app.command("check")
def check() -> None:
    """Check ckm.ttl and ckm.owl against the OWL 2 DL profile with the OWL API."""
    failed = False
    for path in (ONTOLOGY_TTL, ONTOLOGY_OWL):
        report = check_dl_profile(path)
        console.print(f"{path.name}: {report.axiom_count} axioms, {report.format}")
        for line in report.violations + report.unparsed_triples:
            console.print(f"  [red]{line}[/red]")
        failed = failed or not report.in_dl_profile
    if failed:
        raise typer.Exit(1)
    console.print("[green]OWL 2 DL: no violations[/green]")
