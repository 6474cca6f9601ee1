"""``ckm migrate``: carry a store's 1.x data to ontology 2.0 through the write road."""

from __future__ import annotations

from typing import Annotated

import typer

from kg.cli.state import EXIT_REFUSED, cli_state, console, fail, opened_graph
from kg.cli.through_server import ServerWrites, served
from kg.errors import MigrationRefused, ValidationRefused
from kg.write.provenance import WriteContext

LISTED = 40  # changed triples printed by a dry run before "… and N more"


def _quad_line(sign: str, quad: tuple) -> str:
    subject, predicate, obj, _graph = quad
    return f"  {sign} {subject.n3()} {predicate.n3()} {obj.n3()}"


def migrate(
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Show what would change; write nothing.")
    ] = False,
) -> None:
    """Migrate the store's data to this ontology release (validated, atomic, recorded).

    Exit 1 when the migrated data would break the shapes (the report names the nodes to
    decide by hand); nothing is written then.
    """
    if not dry_run and (server := served(cli_state.settings())) is not None:
        _migrate_through(server)
        return
    with opened_graph(reading=dry_run) as kg:
        try:
            plan = kg.migrate(WriteContext(source="ckm migrate"), dry_run=dry_run)
        except (MigrationRefused, ValidationRefused) as refused:
            if refused.report is not None:
                console.print(refused.report.to_text(), highlight=False, markup=False)
            raise fail(str(refused), EXIT_REFUSED) from refused
    for step in plan.steps:
        console.print(f"step {step.name}: {step.reason}", highlight=False, markup=False)
    if plan.is_empty:
        console.print("nothing to migrate: the data already follows this release")
        return
    changes = [_quad_line("-", q) for q in sorted(plan.removed)]
    changes += [_quad_line("+", q) for q in sorted(plan.added)]
    verb = "would remove" if dry_run else "removed"
    console.print(
        f"{verb} {len(plan.removed):,} and {'would add' if dry_run else 'added'} "
        f"{len(plan.added):,} data triples",
        highlight=False,
    )
    if dry_run:
        for line in changes[:LISTED]:
            console.print(line, highlight=False, markup=False, soft_wrap=True)
        if len(changes) > LISTED:
            console.print(f"  … and {len(changes) - LISTED:,} more", highlight=False)
        console.print("dry run: nothing was written; the migrated data passes the shapes")
    else:
        console.print(f"migrated; recorded as {plan.activity}", highlight=False)


def _migrate_through(server: ServerWrites) -> None:
    """The migration as one request to the server serving the store (the same checks)."""
    answer = server.request("POST", "/api/operations/migrate").json()
    for step in answer["steps"]:
        console.print(f"step {step['name']}: {step['reason']}", highlight=False, markup=False)
    if not answer["removed"] and not answer["added"]:
        console.print("nothing to migrate: the data already follows this release")
        return
    console.print(
        f"removed {answer['removed']:,} and added {answer['added']:,} data triples through "
        f"{server.url}; recorded as {answer['activity']}",
        highlight=False,
    )
