"""``ckm queries list|show|run``: the saved analyst queries from a shell."""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer
from rich.table import Table

from kg.cli.state import console, fail, opened_graph
from kg.errors import StoreError
from kg.queries import (
    BadParameter,
    UnknownQuery,
    bound_sparql,
    results_json,
    saved_queries,
    saved_query,
)
from kg.spreadsheet import guarded_csv

queries_app = typer.Typer(
    help="Saved analyst queries: list them, show one, run one with parameters.",
    no_args_is_help=True,
)
FORMATS = ("table", "csv", "json")


@queries_app.command("list")
def list_queries() -> None:
    """List the saved queries: name, title and parameters."""
    table = Table()
    table.add_column("name", no_wrap=True)  # names are typed back: never cut them
    table.add_column("title")
    table.add_column("parameters")
    for query in saved_queries().values():
        table.add_row(query.name, query.title, ", ".join(p.name for p in query.parameters))
    console.print(table)
    console.print(f"{len(saved_queries())} saved queries")


@queries_app.command("show")
def show(name: Annotated[str, typer.Argument(help="The query's name.")]) -> None:
    """Show one saved query: its question, parameters, concepts, sources and SPARQL."""
    try:
        query = saved_query(name)
    except UnknownQuery as error:
        raise fail(str(error)) from error
    console.print(f"[bold]{query.title}[/bold]\n{query.question}\n", highlight=False)
    table = Table("parameter", "type", "default", "description")
    for parameter in query.parameters:
        table.add_row(
            parameter.name, parameter.datatype, parameter.default or "", parameter.description
        )
    console.print(table)
    console.print(f"concepts: {' '.join(query.concepts)}", highlight=False)
    for source in query.sources:
        console.print(f"source: {source}", highlight=False)
    console.print()
    console.print(query.sparql, highlight=False, markup=False)


def parse_params(pairs: list[str]) -> dict[str, str]:
    """``["firm=http://…", "from=2025-01-01"]`` as a dict.

    Raises:
        typer.Exit: (code 2) a pair without ``=`` or a parameter given twice.
    """
    params: dict[str, str] = {}
    for pair in pairs:
        name, equals, value = pair.partition("=")
        if not equals or not name:
            raise fail(f"--param {pair!r}: write NAME=VALUE")
        if name in params:
            raise fail(f"--param {name} is given twice")
        params[name] = value
    return params


@queries_app.command("run")
def run(
    name: Annotated[str, typer.Argument(help="The query's name (see 'ckm queries list').")],
    param: Annotated[
        list[str] | None,
        typer.Option("--param", "-p", help="A parameter as NAME=VALUE; repeatable."),
    ] = None,
    output: Annotated[str, typer.Option("--format", help="table, csv or json.")] = "table",
) -> None:
    """Run a saved query: parameters typed and checked, results as a table, CSV or JSON."""
    if output not in FORMATS:
        raise fail(f"unknown format {output!r}; use {', '.join(FORMATS)}")
    params = parse_params(param or [])
    try:
        sparql = bound_sparql(name, params)
    except (UnknownQuery, BadParameter) as error:
        raise fail(str(error)) from error
    with opened_graph(reading=True) as kg:
        try:
            if output == "csv":
                answer = kg.query_serialized(sparql, "text/csv").decode()
                sys.stdout.write(guarded_csv(answer))  # cells that cannot run as formulas
                return
            results = results_json(kg, name, params)
        except StoreError as error:
            raise fail(str(error)) from error
    if output == "json":
        sys.stdout.write(json.dumps(results, ensure_ascii=False, indent=2) + "\n")
    else:
        _print_table(results)


def _print_table(results: dict) -> None:
    names = results["head"]["vars"]
    table = Table(*names)
    rows = results["results"]["bindings"]
    for row in rows:
        table.add_row(*(str(row[n]["value"]) if n in row else "" for n in names))
    console.print(table)
    console.print(f"{len(rows)} row(s)")
