"""Reading RDF payloads into quads: one table of syntaxes, one parser (Oxigraph's).

Oxigraph's parsers are fast, report the line and column of an error, never fetch a
remote JSON-LD context and never resolve external XML entities, so hostile payloads
cannot make the server call out. They do expand internal XML entities and recurse per
level of JSON nesting: :mod:`kg.store.payload_guard` refuses the payloads that would
make them blow up first.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pyoxigraph as ox
from rdflib.namespace import XSD
from rdflib.term import BNode, Literal, URIRef

from kg.errors import RdfSyntaxError
from kg.store.base import Quad
from kg.store.oxterms import from_ox
from kg.store.payload_guard import PayloadRefused, check_payload


@dataclass(frozen=True)
class RdfSyntax:
    """One RDF serialisation the system reads and writes.

    This table is the only list of RDF syntaxes: the parsers, the dump and answer
    serialisers, content negotiation and the CLI's ``--format`` names all derive from it.
    """

    name: str
    media_type: str
    extensions: tuple[str, ...]
    has_graphs: bool
    oxigraph_format: ox.RdfFormat
    rdflib_name: str
    aliases: tuple[str, ...] = ()


SYNTAXES: tuple[RdfSyntax, ...] = (
    RdfSyntax(
        "turtle",
        "text/turtle",
        (".ttl",),
        False,
        ox.RdfFormat.TURTLE,
        "turtle",
        ("application/x-turtle", "text/n3"),
    ),
    RdfSyntax(
        "ntriples",
        "application/n-triples",
        (".nt",),
        False,
        ox.RdfFormat.N_TRIPLES,
        "nt",
        ("text/plain",),
    ),
    RdfSyntax("nquads", "application/n-quads", (".nq",), True, ox.RdfFormat.N_QUADS, "nquads"),
    RdfSyntax("trig", "application/trig", (".trig",), True, ox.RdfFormat.TRIG, "trig"),
    RdfSyntax(
        "jsonld",
        "application/ld+json",
        (".jsonld", ".json"),
        True,
        ox.RdfFormat.JSON_LD,
        "json-ld",
        ("application/json",),
    ),
    RdfSyntax(
        "rdfxml",
        "application/rdf+xml",
        (".rdf", ".owl", ".xml"),
        False,
        ox.RdfFormat.RDF_XML,
        "xml",
        ("application/xml",),
    ),
)
_BY_NAME = {s.name: s for s in SYNTAXES}
_BY_MEDIA_TYPE = {s.media_type: s for s in SYNTAXES} | {
    alias: s for s in SYNTAXES for alias in s.aliases
}


def media_type_table(*names: str) -> dict[str, str]:
    """A negotiation table for the named syntaxes (all of them by default), in the
    order given: each media type and each alias mapped to the media type served.

    >>> media_type_table("turtle")
    {'text/turtle': 'text/turtle', 'application/x-turtle': 'text/turtle', 'text/n3': 'text/turtle'}
    """
    chosen = [_BY_NAME[n] for n in names] if names else list(SYNTAXES)
    table = {s.media_type: s.media_type for s in chosen}
    for syntax in chosen:
        table |= {alias: syntax.media_type for alias in syntax.aliases}
    return table


def syntax_named(name: str) -> RdfSyntax:
    """The syntax with this short name (``turtle``, ``nquads``…).

    Raises:
        ValueError: unknown name; the message lists the known ones.
    """
    try:
        return _BY_NAME[name.lower()]
    except KeyError:
        raise ValueError(f"unknown RDF format {name!r}; use one of {', '.join(_BY_NAME)}") from None


def syntax_for_media_type(media_type: str) -> RdfSyntax | None:
    """The syntax of a ``Content-Type`` value (parameters ignored), or None."""
    return _BY_MEDIA_TYPE.get(media_type.split(";")[0].strip().lower())


def syntax_for_path(path: Path) -> RdfSyntax:
    """The syntax a file name's extension implies.

    Raises:
        ValueError: the extension is not one of an RDF syntax.
    """
    suffix = path.suffix.lower()
    for syntax in SYNTAXES:
        if suffix in syntax.extensions:
            return syntax
    raise ValueError(f"cannot tell the RDF format of {path.name}; name it with --format")


def skolem_base(base_iri: str) -> str:
    """The prefix of skolem IRIs (RDF 1.1 §3.5) minted for blank nodes under ``base_iri``."""
    parts = urlsplit(base_iri)
    return f"{parts.scheme}://{parts.netloc}/.well-known/genid/"


# The tail of a skolem IRI this store mints: ``uuid.uuid4().hex``.
_MINTED_TAIL = re.compile(r"[0-9a-f]{32}")


def deskolemised(ntriples: bytes, syntax: RdfSyntax, genid: str) -> bytes:
    r"""N-Triples as ``syntax``, each IRI under ``genid`` a blank node again (RDF 1.1 §3.5).

    The blank node is labelled with the skolem IRI's tail, so the same stored node gets
    the same label in every answer; other IRIs, even other servers' skolem IRIs, stay.
    Only a tail of the form this store mints (32 hex digits, :func:`parse_quads` and the
    SPARQL Update recorder) is ours: a client's own IRI under ``genid`` stays an IRI.

    >>> genid = "http://localhost:8000/.well-known/genid/"
    >>> a1 = "a1" * 16
    >>> text = f"<{genid}{a1}> <http://example.org/p> <{genid}b2> .\n".encode()
    >>> deskolemised(text, syntax_named("ntriples"), genid).decode() == (
    ...     f"_:{a1} <http://example.org/p> <{genid}b2> .\n")
    True
    """

    def term(node):
        if isinstance(node, ox.NamedNode) and node.value.startswith(genid):
            tail = node.value[len(genid) :]
            if _MINTED_TAIL.fullmatch(tail):
                return ox.BlankNode(tail)
        return node

    triples = (
        ox.Triple(term(t.subject), t.predicate, term(t.object))
        for t in ox.parse(ntriples, format=ox.RdfFormat.N_TRIPLES)
    )
    return ox.serialize(triples, format=syntax.oxigraph_format) or b""


def parse_quads(
    payload: bytes | str,
    syntax: RdfSyntax,
    *,
    target_graph: URIRef,
    base_iri: str,
) -> list[Quad]:
    """Parse ``payload``; triples outside a named graph go to ``target_graph``.

    Blank nodes are replaced by fresh skolem IRIs so every stored node can later be
    named in a removal. Nothing is written anywhere.
    Raises:
        RdfSyntaxError: the payload does not parse (line and column when known).
    """
    try:
        check_payload(payload, syntax.name)
        parsed = list(ox.parse(payload, syntax.oxigraph_format, base_iri=base_iri))
    except PayloadRefused as error:
        raise RdfSyntaxError(f"{syntax.name}: {error}") from error
    except SyntaxError as error:
        raise RdfSyntaxError(
            f"{syntax.name}: {error.msg if hasattr(error, 'msg') else error}",
            error.lineno,
            error.offset,
        ) from error
    except (ValueError, OSError) as error:
        raise RdfSyntaxError(f"{syntax.name}: {error}") from error
    return list(_skolemised(parsed, target_graph, skolem_base(base_iri)))


def _skolemised(parsed: Iterable[ox.Quad], target_graph: URIRef, genid: str) -> Iterable[Quad]:
    blank_names: dict[str, URIRef] = {}

    def convert(term):
        if isinstance(term, ox.BlankNode):
            if term.value not in blank_names:
                blank_names[term.value] = URIRef(genid + uuid.uuid4().hex)
            return blank_names[term.value]
        return from_ox(term)

    for quad in parsed:
        graph = quad.graph_name
        graph_iri = target_graph if isinstance(graph, ox.DefaultGraph) else convert(graph)
        if isinstance(graph_iri, BNode):
            graph_iri = target_graph
        yield (convert(quad.subject), from_ox(quad.predicate), convert(quad.object), graph_iri)


def read_triples_as_written(path: Path) -> tuple[list[tuple], dict[str, str]]:
    """The triples of an RDF file, every literal exactly as written, and its prefixes.

    rdflib's own parsers rewrite literals into a canonical form (``"1"^^xsd:boolean``
    becomes ``"true"``); SHACL tells them apart (W3C test ``uniqueLang-002``). Blank
    nodes get fresh names, so two files never share one by accident. Named graphs
    are read as the default graph.

    Raises:
        RdfSyntaxError: the file does not parse (line and column when known), or its
            extension is not one of an RDF syntax.
        OSError: the file cannot be read.
    """
    try:
        syntax = syntax_for_path(path)
    except ValueError as error:
        raise RdfSyntaxError(str(error)) from error
    blank_names: dict[str, BNode] = {}

    def convert(term):
        if isinstance(term, ox.BlankNode):
            return blank_names.setdefault(term.value, BNode())
        if isinstance(term, ox.Literal) and not term.language:
            datatype = URIRef(term.datatype.value)
            return Literal(
                term.value, datatype=None if datatype == XSD.string else datatype, normalize=False
            )
        return from_ox(term)

    try:
        parser = ox.parse(
            path=str(path), format=syntax.oxigraph_format, base_iri=path.resolve().as_uri()
        )
        triples = [(convert(q.subject), convert(q.predicate), convert(q.object)) for q in parser]
    except SyntaxError as error:
        raise RdfSyntaxError(
            f"{syntax.name}: {error.msg if hasattr(error, 'msg') else error}",
            error.lineno,
            error.offset,
        ) from error
    except ValueError as error:
        raise RdfSyntaxError(f"{syntax.name}: {error}") from error
    return triples, dict(parser.prefixes)
