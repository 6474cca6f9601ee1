"""The root ``ckm`` app and its global options."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kg.cli import data, importing
from kg.cli.concepts import concepts_app
from kg.cli.diagnose import diagnose
from kg.cli.migrate import migrate
from kg.cli.ontology import ontology_app
from kg.cli.queries import queries_app
from kg.cli.report import report
from kg.cli.serve import serve
from kg.cli.state import cli_state

app = typer.Typer(
    help="CKM Knowledge Graph: customer knowledge, validated and queryable.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
app.add_typer(ontology_app, name="ontology")
app.add_typer(queries_app, name="queries")
app.add_typer(concepts_app, name="concepts")
for command in (
    data.init,
    data.load,
    data.validate,
    data.query,
    data.stats,
    data.dump,
    data.restore,
    data.reason,
    data.erase_customer,
    data.demo,
):
    app.command()(command)
app.command("serve")(serve)
importing.register(app)
app.command("report")(report)
app.command("migrate")(migrate)
app.command("diagnose")(diagnose)


@app.callback()
def main(
    store: Annotated[
        Path | None,
        typer.Option("--store", envvar="CKM_STORE", help="Directory of the embedded store."),
    ] = None,
) -> None:
    """Options shared by every command."""
    if store is not None:
        cli_state.store = store
