"""``ckm concepts list|add``: the concept schemes, and a firm's own concepts in the open
ones (issue 17 E2: lists the literature leaves open are extensible SKOS schemes)."""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer
from rich.table import Table

from kg.cli.state import EXIT_REFUSED, cli_state, console, fail, opened_graph
from kg.cli.through_server import served
from kg.errors import ConceptRefused, InvalidIri, UnknownScheme, ValidationRefused
from kg.iri import checked_iri
from kg.write.provenance import WriteContext

concepts_app = typer.Typer(
    help="Concept schemes: list them or their concepts, add a concept to an open one.",
    no_args_is_help=True,
)


@concepts_app.command("list")
def list_concepts(
    scheme: Annotated[
        str | None, typer.Argument(help="A scheme's name; without it, every scheme.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="JSON instead of a table.")] = False,
) -> None:
    """List the schemes (open or closed, size), or the concepts of one scheme."""
    with opened_graph(reading=True) as kg:
        if scheme is None and as_json:
            items = [s.as_dict(with_concepts=False) for s in kg.schemes()]
            sys.stdout.write(json.dumps({"items": items}, indent=2) + "\n")
            return
        if scheme is None:
            table = Table("scheme", "open", "kinds", "concepts")
            for found in kg.schemes():
                summary = found.as_dict(with_concepts=False)
                table.add_row(
                    found.name,
                    "open" if summary["open"] else "closed",
                    ", ".join(summary["kinds"]),  # type: ignore[arg-type]
                    str(summary["size"]),
                )
            console.print(table)
            return
        try:
            found = kg.scheme(scheme)
        except UnknownScheme as error:
            raise fail(str(error)) from error
    if as_json:
        sys.stdout.write(json.dumps(found.as_dict(), indent=2) + "\n")
        return
    table = Table("label")
    table.add_column("iri", no_wrap=True)  # IRIs are typed back: never cut them
    table.add_column("kinds")
    table.add_column("added")
    for concept in found.concepts:
        added = "yes" if concept.added else ""
        table.add_row(concept.label, str(concept.iri), ", ".join(concept.as_dict()["kinds"]), added)  # type: ignore[arg-type]
    console.print(f"{found.name} ({'open' if not found.closed else 'closed'})")
    console.print(table)


@concepts_app.command("add")
def add_concept(
    scheme: Annotated[str, typer.Argument(help="The open scheme's name.")],
    label: Annotated[str, typer.Argument(help="The concept's name.")],
    definition: Annotated[str, typer.Option("--definition", "-d", help="What it means.")],
    kind: Annotated[
        str | None, typer.Option(help="Its list class where the scheme has several.")
    ] = None,
    broader: Annotated[str | None, typer.Option(help="IRI of a broader concept.")] = None,
    language: Annotated[str, typer.Option(help="Language tag of the texts.")] = "en",
    agent: Annotated[str, typer.Option(help="Who adds it (for provenance).")] = "cli",
) -> None:
    """Add a concept to an open scheme (validated, atomic, recorded in provenance)."""
    try:
        broader_iri = checked_iri(broader) if broader else None
    except InvalidIri as error:
        raise fail(str(error)) from error
    if (server := served(cli_state.settings())) is not None:  # agent: the server's key
        fields = {"label": label, "definition": definition, "kind": kind}
        fields |= {"broader": broader, "language": language}
        console.print(server.add_concept(scheme, fields))
        return
    with opened_graph() as kg:
        try:
            iri, _receipt = kg.add_concept(
                scheme,
                label,
                definition,
                WriteContext(agent, "cli", "add concept"),
                kind=kind,
                broader=broader_iri,
                language=language,
            )
        except UnknownScheme as error:
            raise fail(str(error)) from error
        except ConceptRefused as error:
            raise fail(str(error), EXIT_REFUSED) from error
        except ValidationRefused as refused:
            console.print(refused.report.to_text(), highlight=False)
            raise fail("the concept breaks SHACL rules; nothing written", EXIT_REFUSED) from refused
    console.print(iri)
