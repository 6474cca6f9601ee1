"""``ckm init|load|validate|query|stats|dump|restore|reason``: the store from a shell."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rdflib.term import URIRef
from rich.progress import Progress
from rich.table import Table

from kg.cli.state import EXIT_REFUSED, cli_state, console, fail, opened_graph
from kg.cli.through_server import served
from kg.demo import demo_quads
from kg.errors import (
    OntologyUnusable,
    ReservedTerm,
    RestoreRefused,
    UnknownTerm,
    UnstorableLiteral,
    ValidationRefused,
)
from kg.iri import InvalidIri, checked_iri
from kg.ontology import load_ontology
from kg.reasoning import CompiledReasoner
from kg.sparql_text import readable_syntax_error, with_common_prefixes
from kg.store.base import DumpFormat, QuerySyntaxError, StoreError
from kg.store.parsing import RdfSyntax, RdfSyntaxError, syntax_for_path, syntax_named
from kg.vocab import COMMON_PREFIXES, DATA_GRAPH
from kg.write.delta import Delta, ProtectedGraph, adding, from_payload
from kg.write.erasure import UnknownCustomer
from kg.write.provenance import WriteContext

FilesArg = Annotated[list[Path], typer.Argument(exists=True, dir_okay=False, help="RDF files.")]
GraphOpt = Annotated[str, typer.Option("--graph", help="Graph for triples outside a named graph.")]
OptionalFilesArg = Annotated[
    list[Path] | None,
    typer.Argument(exists=True, dir_okay=False, help="RDF files (none: the stored graph)."),
]
ShapesOpt = Annotated[
    list[Path] | None,
    typer.Option(
        "--shapes",
        exists=True,
        dir_okay=False,
        help="A shapes file of your own, used beside the shipped shapes (repeatable).",
    ),
]
EngineOpt = Annotated[
    str | None,
    typer.Option("--engine", help="For the whole graph: turbo (default), compiled or pyshacl."),
]
FormatOpt = Annotated[
    str | None,
    typer.Option("--format", help="turtle, ntriples, nquads, trig, jsonld or rdfxml."),
]

QUERY_MEDIA_TYPES = {
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    **{name: syntax_named(name).media_type for name in ("turtle", "ntriples")},
}


def init() -> None:
    """Create the store (if needed) and install the ontology in it."""
    if (server := served(cli_state.settings())) is not None:
        console.print(f"store ready at {server.settings.store}, served by {server.url}")
        return
    with opened_graph() as graph:
        where = graph.settings.remote_query_url or graph.settings.store
        console.print(f"store ready at {where}")


def _read_delta(files: list[Path], graph: str, fmt: str | None, base_iri: str) -> Delta:
    delta = Delta()
    with Progress(console=console, transient=True) as progress:
        task = progress.add_task("reading", total=sum(f.stat().st_size for f in files))
        for path in files:
            try:
                syntax: RdfSyntax = syntax_named(fmt) if fmt else syntax_for_path(path)
                delta = delta.then(
                    from_payload(path.read_bytes(), syntax, graph=URIRef(graph), base_iri=base_iri)
                )
            except RdfSyntaxError as error:
                where = f" line {error.line} column {error.column}" if error.line else ""
                raise fail(f"{path}:{where} {error}") from error
            except (ValueError, ProtectedGraph) as error:
                raise fail(f"{path}: {error}") from error
            progress.advance(task, path.stat().st_size)
    return delta


def load(files: FilesArg, graph: GraphOpt = str(DATA_GRAPH), fmt: FormatOpt = None) -> None:
    """Validate and write RDF files, all of them or nothing (through ``ckm serve`` when
    it serves the store)."""
    if (server := served(cli_state.settings())) is not None:
        try:
            syntaxes = [syntax_named(fmt) if fmt else syntax_for_path(f) for f in files]
        except ValueError as error:
            raise fail(str(error)) from error
        _read_delta(files, graph, fmt, server.base_iri)  # a file that does not parse, named
        added = server.add_files(files, syntaxes, graph).get("added", 0)
        console.print(f"loaded through {server.url}: {added} triples added", highlight=False)
        return
    with opened_graph() as kg:
        delta = _read_delta(files, graph, fmt, kg.settings.base_iri)

        try:
            with console.status("validating and committing"):
                receipt = kg.write(
                    delta, WriteContext(source=", ".join(f.name for f in files), operation="load")
                )
        except ValidationRefused as refused:
            console.print(refused.report.to_text(), highlight=False)
            raise fail("refused by validation; nothing was written", EXIT_REFUSED) from refused
        except StoreError as error:
            raise fail(str(error)) from error
        if receipt.report.results:
            console.print(receipt.report.to_text(), highlight=False)
        console.print(
            f"loaded: {receipt.added} triples added, {receipt.inferred_added} inferred",
            highlight=False,
        )


def validate(
    files: OptionalFilesArg = None,
    graph: GraphOpt = str(DATA_GRAPH),
    fmt: FormatOpt = None,
    shapes: ShapesOpt = None,
    engine: EngineOpt = None,
) -> None:
    """Validate RDF files as a write would add them to the stored graph, or (no files)
    the whole stored graph; write nothing. Exit 1 on a Violation."""
    with opened_graph(extra_shapes=tuple(shapes or ()), reading=True) as kg:
        if files:
            if engine is not None:
                raise fail("--engine applies to the whole graph; files take the write road's")
            report = kg.check(_read_delta(files, graph, fmt, kg.settings.base_iri))
        else:
            # pyshacl-turbo is the fastest engine on a whole graph (docs/BENCHMARKS.md).
            try:
                with console.status("validating the stored graph"):
                    report = kg.validate_stored(engine or "turbo")
            except ValueError as error:
                raise fail(str(error)) from error
    console.print(report.to_text(), highlight=False)
    if not report.accepted:
        raise typer.Exit(EXIT_REFUSED)


def query(
    sparql: Annotated[str, typer.Argument(help="SPARQL text, or @file.rq to read a file.")],
    output: Annotated[
        str, typer.Option("--format", help="table, csv, tsv, json, xml, turtle, ntriples.")
    ] = "table",
) -> None:
    """Run a SPARQL query over the union of all graphs (ckm: and prov: prefixes known)."""
    if sparql.startswith("@"):
        try:
            sparql = Path(sparql[1:]).read_text(encoding="utf-8")
        except OSError as error:
            raise fail(f"cannot read {sparql[1:]}: {error.strerror}") from error
    text, added_lines = with_common_prefixes(sparql, COMMON_PREFIXES)
    if output != "table" and output not in QUERY_MEDIA_TYPES:
        raise fail(f"unknown format {output!r}; use table or {', '.join(QUERY_MEDIA_TYPES)}")
    with opened_graph(reading=True) as kg:
        try:
            if output == "table":
                _print_table(kg, text)
            else:
                sys.stdout.buffer.write(kg.query_serialized(text, QUERY_MEDIA_TYPES[output]))
        except QuerySyntaxError as error:
            raise fail(
                f"bad query: {readable_syntax_error(str(error), sparql, added_lines)}"
            ) from error
        except ValueError as error:
            raise fail(str(error)) from error


def _print_table(kg, text: str) -> None:
    try:
        rows = kg.select(text)
    except ValueError:
        try:
            console.print(str(kg.ask(text)).lower())
        except ValueError:
            for triple in kg.construct(text):
                console.print(" ".join(t.n3() for t in triple) + " .", highlight=False)
        return
    names = list(dict.fromkeys(name for row in rows for name in row))
    table = Table(*names)
    for row in rows:
        table.add_row(*(str(row.get(name, "")) for name in names))
    console.print(table)
    console.print(f"{len(rows)} row(s)")


def stats() -> None:
    """Count the quads of every graph."""
    with opened_graph(reading=True) as kg:
        table = Table("graph", "quads")
        for graph, count in kg.stats().items():
            table.add_row(graph, f"{count:,}")
        console.print(table)


DumpFormatOpt = Annotated[DumpFormat, typer.Option("--format", help="nquads or trig.")]


def dump(
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="File (default stdout).")
    ] = None,
    fmt: DumpFormatOpt = DumpFormat.NQUADS,
) -> None:
    """Write the whole store (every graph) as N-Quads or TriG."""
    with opened_graph(reading=True) as kg:
        if output is None:
            kg.dump(sys.stdout.buffer, fmt)
        else:
            with output.open("wb") as handle:
                kg.dump(handle, fmt)


def restore(
    source: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="A dump.")],
    fmt: Annotated[DumpFormat | None, typer.Option("--format", help="nquads or trig.")] = None,
    unchecked: Annotated[
        bool,
        typer.Option(
            "--unchecked",
            help="Load the dump as it is, without validating it or its seal (on purpose; "
            "recorded in provenance).",
        ),
    ] = False,
    data_only: Annotated[
        bool,
        typer.Option(
            "--data-only",
            help="Load only the dump's data graphs (validated); the ontology is installed "
            "and the inferences computed anew (a dump of another store).",
        ),
    ] = False,
) -> None:
    """Replace the whole store with a dump, checked first (all or nothing)."""
    chosen = fmt or (DumpFormat.TRIG if source.suffix == ".trig" else DumpFormat.NQUADS)
    if (server := served(cli_state.settings())) is not None:
        if unchecked:
            raise fail("--unchecked is not offered through the server: stop it first")
        media_type = syntax_named(chosen.value).media_type
        answer = server.restore(source, media_type, data_only=data_only)
        console.print(f"restored {answer['quads']:,} quads through {server.url}, checked")
        return
    context = WriteContext(source=source.name, operation="restore")
    with opened_graph() as kg, source.open("rb") as handle:
        try:
            receipt = kg.restore(handle, chosen, context, unchecked=unchecked, data_only=data_only)
        except RestoreRefused as refused:
            if refused.report is not None:
                console.print(refused.report.to_text(), highlight=False)
            raise fail(f"{source}: {refused}", EXIT_REFUSED) from refused
        except (ReservedTerm, UnstorableLiteral, UnknownTerm) as refused:
            raise fail(f"{source}: {refused}; nothing was changed", EXIT_REFUSED) from refused
        except ValueError as error:
            raise fail(f"{source}: {error}; nothing was changed") from error
    how = "checked" if receipt.checked else "UNCHECKED (not validated; recorded in provenance)"
    graphs = (
        "with its system graphs"
        if receipt.system_graphs_restored
        else "its data only; ontology installed and inferences computed anew"
    )
    console.print(f"restored {receipt.quads:,} quads, {how}, {graphs}")


def reason(
    rebuild: Annotated[bool, typer.Option("--rebuild", help="Recompute all inferences.")] = False,
    rules: Annotated[
        bool,
        typer.Option(
            "--rules",
            help="Print which OWL 2 RL rules the ontology in use triggers and which engine "
            "runs each (the start-up report); needs no store.",
        ),
    ] = False,
) -> None:
    """Show the inferred graph's size, or recompute it from scratch with --rebuild."""
    if rules:
        _print_rule_coverage()
        return
    if rebuild and (server := served(cli_state.settings())) is not None:
        answer = server.request("POST", "/api/operations/rebuild-inferences").json()
        console.print(f"rebuilt through {server.url}: {answer['inferred']:,} inferred triples")
        return
    with opened_graph(reading=not rebuild) as kg:
        if rebuild:
            count = kg.rebuild_inferences()
            console.print(f"rebuilt: {count:,} inferred triples")
        else:
            console.print(f"{kg.stats().get('urn:ckm:graph:inferred', 0):,} inferred triples")


def _print_rule_coverage() -> None:
    try:
        reasoner = CompiledReasoner(load_ontology(cli_state.settings()))
    except OntologyUnusable as error:
        raise fail(str(error)) from error
    console.print(reasoner.coverage.to_text(), highlight=False, markup=False)


def erase_customer(
    customer: Annotated[str, typer.Argument(help="IRI of the customer to erase.")],
) -> None:
    """Erase a customer and all that identifies them (right to be forgotten)."""

    try:
        iri = checked_iri(customer)
    except InvalidIri as error:
        raise fail(str(error)) from error
    if (server := served(cli_state.settings())) is not None:
        server.erase_customer(str(iri))
        console.print(f"erased {iri} through {server.url}", highlight=False)
        return
    with opened_graph() as kg:
        try:
            plan, receipt = kg.erase_customer(iri, WriteContext(operation="erase-customer"))
        except UnknownCustomer as error:
            raise fail(str(error)) from error
        except ValidationRefused as refused:
            console.print(refused.report.to_text(), highlight=False)
            raise fail(
                "the erasure would leave invalid data; nothing was removed", EXIT_REFUSED
            ) from refused
    table = Table("removed", "count")
    for kind, count in plan.counts().items():
        table.add_row(kind, str(count))
    table.add_row("triples", str(receipt.removed))
    console.print(table)


def demo(
    customers: Annotated[int, typer.Option(min=1, help="How many customers.")] = 60,
    seed: Annotated[int, typer.Option(help="Random seed (same seed, same data).")] = 7,
    if_empty: Annotated[
        bool, typer.Option("--if-empty", help="Only when no data is stored.")
    ] = False,
) -> None:
    """Load the deterministic demo dataset (through the validated write road)."""
    if (server := served(cli_state.settings())) is not None:
        if if_empty and server.holds_data():
            console.print("data already stored; demo not loaded")
            return
        with console.status(f"generating and loading {customers} customers"):
            quads = demo_quads(customers=customers, seed=seed, base_iri=server.base_iri)
            added = server.add_quads(quads).get("added", 0)
        console.print(f"demo loaded through {server.url}: {added:,} triples")
        return
    with opened_graph() as kg:
        if if_empty and kg.count(DATA_GRAPH) > 0:
            console.print("data already stored; demo not loaded")
            return
        with console.status(f"generating and loading {customers} customers"):
            quads = demo_quads(customers=customers, seed=seed, base_iri=kg.settings.base_iri)
            try:
                receipt = kg.write(adding(quads), WriteContext(source="ckm demo", operation="demo"))
            except ValidationRefused as refused:
                console.print(refused.report.to_text(), highlight=False)
                raise fail("the demo data was refused", EXIT_REFUSED) from refused
    console.print(f"demo loaded: {receipt.added:,} triples, {receipt.inferred_added:,} inferred")
