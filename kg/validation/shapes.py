"""Which shapes the knowledge graph validates with, read and checked once.

The shipped shapes (``shapes/ckm-shapes.ttl``) plus any files a user adds
(``CKM_EXTRA_SHAPES``, ``ckm validate --shapes``) form ONE shapes graph (SHACL §3.1:
validation is against a shapes graph). It is checked when it is read: a file that does
not parse, or an ill-formed shapes graph (a malformed property path §2.3.1, a count
that is not a non-negative integer §4.2, a SHACL-SPARQL query that breaks the rules of
§5 / §6 / Appendix "Pre-binding of Variables"), is refused then, with the reason.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import SH
from rdflib.term import Node

from kg.errors import InvalidShapes
from kg.resources import SHAPES_TTL
from kg.store.parsing import RdfSyntaxError, read_triples_as_written
from kg.validation import sparql_rules
from kg.validation.property_paths import IllFormedPath, read_path

_COUNTS = (SH.minCount, SH.maxCount, SH.minLength, SH.maxLength)
_COUNTS += (SH.qualifiedMinCount, SH.qualifiedMaxCount)
_PREBOUND = ("this", "currentShape", "shapesGraph")
_PATH_STANDIN = "<urn:ckm:shacl:path>"  # $PATH stands for some path when checking


def shapes_files(extra: Iterable[Path] = ()) -> tuple[Path, ...]:
    """The shipped shapes file followed by ``extra`` (duplicates dropped)."""
    files: list[Path] = [SHAPES_TTL]
    for path in extra:
        if path.resolve() not in {f.resolve() for f in files}:
            files.append(path)
    return tuple(files)


def load_shapes(files: Path | Sequence[Path] = SHAPES_TTL) -> Graph:
    """The shapes graph of ``files``, merged and checked.

    Raises:
        InvalidShapes: a file is missing or does not parse, or the shapes graph is
            ill-formed; the message names the file or the shape, and why.
    """
    graph = Graph()
    for path in [files] if isinstance(files, Path) else files:
        try:
            triples, prefixes = read_triples_as_written(path)
        except FileNotFoundError as error:
            raise InvalidShapes(f"shapes file {path} does not exist") from error
        except (RdfSyntaxError, OSError) as error:
            where = f" line {error.line}" if getattr(error, "line", None) else ""
            raise InvalidShapes(f"shapes file {path}{where} cannot be read: {error}") from error
        for prefix, namespace in prefixes.items():
            graph.bind(prefix, namespace, override=False)
        for triple in triples:
            graph.add(triple)
    check_shapes(graph)
    return graph


def check_shapes(graph: Graph) -> None:
    """Refuse an ill-formed shapes graph.

    Raises:
        InvalidShapes: the first problem found, naming the shape.
    """
    for shape, path in graph.subject_objects(SH.path):
        try:
            read_path(graph, path)
        except IllFormedPath as error:
            raise InvalidShapes(f"shape {shape}: sh:path: {error}") from error
    for predicate in _COUNTS:
        for shape, value in graph.subject_objects(predicate):
            number = value.value if isinstance(value, Literal) else None
            if not isinstance(number, int) or isinstance(number, bool) or number < 0:
                name = str(predicate).removeprefix(str(SH))
                raise InvalidShapes(f"shape {shape}: sh:{name} {value} is not an integer >= 0")
    for shape, constraint in graph.subject_objects(SH.sparql):
        _check_constraint(graph, shape, constraint)
    for component in set(graph.subjects(SH.parameter, None)):
        _check_component(graph, component)


def _check_constraint(graph: Graph, shape: Node, constraint: Node) -> None:
    where = f"shape {shape}, sh:sparql {constraint}"
    selects = list(graph.objects(constraint, SH.select))
    if len(selects) != 1 or not isinstance(selects[0], Literal):
        raise InvalidShapes(f"{where}: a SPARQL constraint needs exactly one sh:select")
    text = str(selects[0]).replace("$PATH", _PATH_STANDIN)
    prefixes = sparql_rules.prefix_declarations(graph, constraint, where)
    sparql_rules.checked(text, prefixes, _PREBOUND, "select", where)


def _check_component(graph: Graph, component: Node) -> None:
    names = []
    for parameter in graph.objects(component, SH.parameter):
        path = graph.value(parameter, SH.path)
        if not isinstance(path, URIRef):
            raise InvalidShapes(f"component {component}: a parameter needs an IRI sh:path")
        names.append(sparql_rules.parameter_name(path))
    for predicate in (SH.validator, SH.nodeValidator, SH.propertyValidator):
        for validator in graph.objects(component, predicate):
            where = f"component {component}, validator {validator}"
            prefixes = sparql_rules.prefix_declarations(graph, validator, where)
            for kind in ("select", "ask"):
                for text in graph.objects(validator, SH[kind]):
                    prebound = [*_PREBOUND, *names, *(["value"] if kind == "ask" else [])]
                    query = str(text).replace("$PATH", _PATH_STANDIN)
                    sparql_rules.checked(query, prefixes, prebound, kind, where)
