"""What every backend shares: the media types it answers in, dump formats, the SPARQL
text of a data update, and syntax messages in one shape."""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import BinaryIO

import pyoxigraph as ox

from kg.store.base import DumpFormat, Quad, Triple
from kg.store.oxterms import quad_from_ox, to_ox
from kg.store.parsing import SYNTAXES

RESULT_FORMATS: dict[str, ox.QueryResultsFormat] = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
GRAPH_FORMATS: dict[str, ox.RdfFormat] = {s.media_type: s.oxigraph_format for s in SYNTAXES}
DUMP_FORMATS = {DumpFormat.NQUADS: ox.RdfFormat.N_QUADS, DumpFormat.TRIG: ox.RdfFormat.TRIG}


def check_answer_format(is_graph: bool, media_type: str) -> None:
    """Raise ValueError when ``media_type`` cannot carry a query's answer."""
    if is_graph and media_type not in GRAPH_FORMATS:
        raise ValueError(f"{media_type} cannot carry the graph a CONSTRUCT returns")
    if not is_graph and media_type not in RESULT_FORMATS:
        raise ValueError(f"{media_type} cannot carry SELECT or ASK results")


def syntax_message(raw: str) -> str:
    """Oxigraph's "error at 1:22: expected …" as "line 1, column 22: expected …"."""
    match = re.match(r"error at (\d+):(\d+): (.*)", raw, re.DOTALL)
    if match is None:
        return raw
    line, column, detail = match.groups()
    detail = " ".join(detail.split())
    if len(detail) > 200:
        detail = detail[:200] + "…"
    return f"line {line}, column {column}: {detail}"


def quad_block(quads: list[ox.Quad]) -> str:
    """Quads as SPARQL ``GRAPH <g> { s p o }`` blocks (no blank nodes in DELETE)."""
    # pyoxigraph prints terms in N-Triples syntax, which SPARQL accepts as is.
    return "\n".join(
        f"GRAPH {q.graph_name} {{ {q.subject} {q.predicate} {q.object} }}" for q in quads
    )


def data_update(removed: list[ox.Quad], added: list[ox.Quad]) -> str:
    """``DELETE DATA {…} ; INSERT DATA {…}`` for the given quads."""
    parts = []
    if removed:
        parts.append(f"DELETE DATA {{ {quad_block(removed)} }}")
    if added:
        parts.append(f"INSERT DATA {{ {quad_block(added)} }}")
    return " ;\n".join(parts)


def graph_replacement(name: ox.NamedNode, body: str) -> str:
    """One update making graph ``name`` hold exactly the N-Triples ``body``."""
    return f"DROP SILENT GRAPH {name} ; INSERT DATA {{ GRAPH {name} {{ {body} }} }}"


def triples_body(triples: Iterable[Triple]) -> str:
    """Triples as N-Triples lines (terms validated: an invalid term raises ValueError)."""
    return "\n".join(f"{to_ox(s)} {to_ox(p)} {to_ox(o)} ." for s, p, o in triples)


def parse_dump(source: BinaryIO, fmt: DumpFormat) -> list[ox.Quad]:
    """Every quad of a dump, read before anything is changed.

    Raises:
        ValueError: the input does not parse (the message names line and column).
    """
    return list(_dump_quads(source, fmt))


@dataclass(frozen=True)
class DumpContents:
    """A dump read whole, split into the quads of the system graphs and the others."""

    quads: list[ox.Quad]
    fmt: DumpFormat
    system_graphs: frozenset[str]

    def _is_system(self, quad: ox.Quad) -> bool:
        graph = quad.graph_name
        return isinstance(graph, ox.NamedNode) and graph.value in self.system_graphs

    @property
    def has_system_quads(self) -> bool:
        return any(self._is_system(q) for q in self.quads)

    def data_quads(self) -> list[Quad]:
        """The quads of the data graphs, as rdflib terms."""
        return [quad_from_ox(q) for q in self.quads if not self._is_system(q)]

    def without_system_graphs(self) -> bytes:
        """The dump's data graphs alone, in its format."""
        kept = [q for q in self.quads if not self._is_system(q)]
        return ox.serialize(kept, format=DUMP_FORMATS[self.fmt]) or b""


def read_dump(data: bytes, fmt: DumpFormat, system_graphs: Iterable[str]) -> DumpContents:
    """A dump's quads, read before anything is changed.

    Raises:
        ValueError: the input does not parse (the message names line and column).
    """
    return DumpContents(parse_dump(io.BytesIO(data), fmt), fmt, frozenset(system_graphs))


def count_dump(source: BinaryIO, fmt: DumpFormat) -> int:
    """How many quads a dump holds, read whole but not kept (half the time of
    :func:`parse_dump`).

    Raises:
        ValueError: the input does not parse (the message names line and column).
    """
    return sum(1 for _quad in _dump_quads(source, fmt))


def _dump_quads(source: BinaryIO, fmt: DumpFormat) -> Iterator[ox.Quad]:
    try:
        yield from ox.parse(source, DUMP_FORMATS[fmt])
    except SyntaxError as error:
        raise ValueError(f"the {fmt.value} input does not parse: {error}") from error
