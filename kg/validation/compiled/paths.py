"""SHACL property paths (§2.3.1) as SPARQL: triple patterns and property path text.

Each SHACL path kind maps to the SPARQL property path of the same meaning (§2.3.1.1-7:
a predicate, a sequence ``/``, an alternative ``|``, an inverse ``^``, ``*``, ``+``,
``?``). A sequence and an inverse step are written as triple patterns through fresh
variables rather than as a property path: Oxigraph evaluates a property path whose end
is a constant from that end, which made ``FILTER NOT EXISTS { ?this p/q <c> }`` cost
the whole set of ``<c>``'s predecessors per focus node.
"""

from __future__ import annotations

from collections.abc import Callable

from rdflib import URIRef

from kg.validation.property_paths import (
    AlternativePath,
    InversePath,
    Path,
    SequencePath,
)

Fresh = Callable[[], str]


def sparql_path(path: Path) -> str:
    """``path`` as a SPARQL 1.1 property path (what ``$PATH`` stands for, §6.3)."""
    if isinstance(path, URIRef):
        return f"<{path}>"
    if isinstance(path, InversePath):
        return f"^({sparql_path(path.path)})"
    if isinstance(path, SequencePath):
        return "(" + "/".join(sparql_path(step) for step in path.steps) + ")"
    if isinstance(path, AlternativePath):
        return "(" + "|".join(sparql_path(option) for option in path.options) + ")"
    return f"({sparql_path(path.path)}){path.repeat}"


def path_pattern(path: Path, subject: str, obj: str, fresh: Fresh) -> str:
    """Triple patterns linking ``subject`` to ``obj`` along ``path``."""
    if isinstance(path, URIRef):
        return f"{subject} <{path}> {obj} ."
    if isinstance(path, InversePath):
        return path_pattern(path.path, obj, subject, fresh)
    if isinstance(path, AlternativePath):
        return " UNION ".join(
            f"{{ {path_pattern(option, subject, obj, fresh)} }}" for option in path.options
        )
    if isinstance(path, SequencePath):
        nodes = [subject, *(fresh() for _ in path.steps[1:]), obj]
        return " ".join(
            path_pattern(step, nodes[i], nodes[i + 1], fresh) for i, step in enumerate(path.steps)
        )
    return f"{subject} {sparql_path(path)} {obj} ."


def exists_pattern(path: Path, subject: str, obj: str, fresh: Fresh, condition: str = "") -> str:
    """The body of an ``EXISTS { }`` true when ``subject`` reaches ``obj`` along ``path``
    and ``condition`` holds there.

    Each step after the first is nested in its own ``FILTER EXISTS``: Oxigraph plans the
    patterns of an EXISTS without knowing which variables the outer query binds, so a
    join of ``?x p ?m . ?m q <c>`` starts from ``<c>`` and reads all its predecessors for
    every ``?x``; one pattern per EXISTS always starts from the bound end.
    """
    steps = list(path.steps) if isinstance(path, SequencePath) else [path]
    first, rest = steps[0], steps[1:]
    if rest:
        middle = fresh()
        remainder = rest[0] if len(rest) == 1 else SequencePath(tuple(rest))
        inner = exists_pattern(remainder, middle, obj, fresh, condition)
        return exists_pattern(first, subject, middle, fresh, f"EXISTS {{ {inner} }}")
    if isinstance(first, AlternativePath):
        return " UNION ".join(
            f"{{ {exists_pattern(option, subject, obj, fresh, condition)} }}"
            for option in first.options
        )
    where = f" FILTER({condition})" if condition else ""
    return f"{path_pattern(first, subject, obj, fresh)}{where}"
