"""Compile a SHACL shapes graph into SPARQL queries run by Oxigraph (SHACL §3:
validation of a focus node against a shape, §2.1.3 targets).

Every shape with targets (a *root*) is validated on its focus nodes; so is every
property shape it reaches through ``sh:property`` (§4.8.2), on the value nodes of the
shape above it. Each such placement of a shape compiles to branches of UNION queries,
one query per few branches of one target group: the validator writes the focus nodes
of each group into an auxiliary graph before running them, and each branch returns the
violating ``(focus, value)`` rows. A shape reached along two placements is validated on
both (the W3C test ``validation-reports/shared`` expects its results twice).

A root whose shapes use something the compiler does not translate is not compiled: it
is named in :attr:`CompiledShapes.fallback` with the reason, and the reference engine
validates it. Nothing is skipped.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import SH
from rdflib.term import Node

from kg.validation.compiled import terms
from kg.validation.compiled.compiled import (
    AUX_GRAPH,
    FOCUS,
    GROUP,
    CompiledConstraint,
    CompiledShapes,
    PreboundQuery,
)
from kg.validation.compiled.components import TRAIL, CoreComponents, Focus
from kg.validation.compiled.errors import UnsupportedShape
from kg.validation.compiled.expressions import INSTANCE_OF, ShapeExpressions
from kg.validation.compiled.paths import path_pattern
from kg.validation.compiled.shape_view import ShapesView
from kg.validation.compiled.sparql import SparqlConstraints
from kg.validation.property_paths import Path

# Oxigraph's planning time grows faster than linearly with the size of a UNION: a few
# queries of a handful of branches each are much faster than one query of all of them
# (measured on the CKM shapes: 8 branches per query, 5 ms; all 205 in one query, 78 ms).
BRANCHES_PER_QUERY = 8
_TARGETS = {
    SH.targetClass: lambda c: f"?this {INSTANCE_OF} {terms.sparql(c)} .",
    SH.targetSubjectsOf: lambda p: f"?this {terms.sparql(p)} ?_o .",
    SH.targetObjectsOf: lambda p: f"?_s {terms.sparql(p)} ?this .",
    SH.targetNode: lambda n: f"VALUES ?this {{ {terms.sparql(n)} }}",
}


@dataclass(frozen=True)
class Placement:
    """A shape validated below a root: on the nodes reached from the root's focus
    nodes along ``chain`` (the paths of the property shapes in between)."""

    root: Node
    shapes: tuple[Node, ...]
    chain: tuple[Path, ...]

    @property
    def shape(self) -> Node:
        return self.shapes[-1]


def compile_shapes(shapes: Graph, excluded: Mapping[Node, str] | None = None) -> CompiledShapes:
    """Compile every shape of ``shapes`` that has focus nodes; the roots it cannot
    compile, and those in ``excluded``, are listed in ``fallback`` with the reason.
    Never raises for a shape."""
    return _Compiler(shapes, dict(excluded or {})).compile()


class _Compiler:
    def __init__(self, shapes: Graph, excluded: dict[Node, str]) -> None:
        self._excluded = excluded
        self._view = ShapesView(shapes)
        self._expressions = ShapeExpressions(self._view)
        self._core = CoreComponents(self._expressions)
        self._sparql = SparqlConstraints(self._view)
        self._targets: list[str] = []
        self._groups: list[frozenset[int]] = []

    def compile(self) -> CompiledShapes:
        constraints: list[CompiledConstraint] = []
        prebound: list[PreboundQuery] = []
        fallback: dict[Node, str] = {}
        for root in self._view.roots():
            if root in self._excluded:
                fallback[root] = self._excluded[root]
                continue
            try:
                own, queries = self._root(root)
            except UnsupportedShape as unsupported:
                fallback[root] = str(unsupported)
                continue
            constraints.extend(own)
            prebound.extend(queries)
        target_branches = [f"{{ {t} BIND({i} AS ?t) }}" for i, t in enumerate(self._targets)]
        target_union = " UNION ".join(target_branches) or "{ FILTER(false) }"
        return CompiledShapes(
            target_query=f"SELECT DISTINCT ?t ?this WHERE {{ {target_union} }}",
            groups=tuple(self._groups),
            queries=self._queries(constraints),
            constraints=tuple(constraints),
            prebound=tuple(prebound),
            prebound_quads=tuple(self._sparql.quads),
            fallback=fallback,
        )

    def _root(self, root: Node) -> tuple[list[CompiledConstraint], list[PreboundQuery]]:
        """The constraints and queries of a root and the shapes below it.

        Raises:
            UnsupportedShape: one of them uses something not translated.
        """
        patterns = self._target_patterns(root)
        constraints: list[CompiledConstraint] = []
        queries: list[PreboundQuery] = []
        saved = (list(self._targets), list(self._groups), list(self._sparql.quads))
        try:
            group = self._group_of(patterns)
            for placement in self._placements(Placement(root, (root,), ())):
                focus = self._focus(group, placement.chain)
                for reporting, branch in self._core.branches(placement.shape, focus):
                    constraints.append(CompiledConstraint(reporting, branch, group))
                nested = bool(placement.chain)
                queries.extend(
                    dataclasses.replace(query, root=root)
                    for query in self._sparql.queries(placement.shape, group, nested)
                )
        except UnsupportedShape as unsupported:
            # Leave no group or constant behind for a root that is not compiled.
            self._targets, self._groups, self._sparql.quads = saved
            if unsupported.shape == root:
                raise
            raise UnsupportedShape(
                unsupported.component, root, f"in shape {unsupported.shape}: {unsupported}"
            ) from unsupported
        return constraints, queries

    def _placements(self, placement: Placement) -> Iterator[Placement]:
        """The placement and every active property shape below it (§4.8.2)."""
        yield placement
        view = self._view
        shape = placement.shape
        path = view.path(shape)
        chain = placement.chain if path is None else (*placement.chain, path)
        for nested in sorted(view.graph.objects(shape, SH.property), key=str):
            if view.deactivated(nested):
                continue
            if nested in placement.shapes:
                raise UnsupportedShape("sh:property", nested, "a shape below itself")
            if isinstance(nested, Literal):
                raise UnsupportedShape("sh:property", shape, "a literal as a shape")
            yield from self._placements(
                Placement(placement.root, (*placement.shapes, nested), chain)
            )

    # -- targets and the focus nodes of a placement --------------------------------------------

    def _target_patterns(self, root: Node) -> list[str]:
        view = self._view
        if view.has_custom_targets(root):
            raise UnsupportedShape("sh:target", root, "SHACL-AF custom targets")
        patterns = []
        for predicate, obj in view.targets(root):
            if isinstance(obj, BNode) or (predicate != SH.targetNode and isinstance(obj, Literal)):
                raise UnsupportedShape(str(predicate), root, f"target {obj} cannot be named")
            patterns.append(_TARGETS[predicate](obj))
        return sorted(set(patterns))

    def _group_of(self, patterns: list[str]) -> int:
        """The index of the target group holding the union of these targets' nodes."""
        indexes = []
        for pattern in patterns:
            if pattern not in self._targets:
                self._targets.append(pattern)
            indexes.append(self._targets.index(pattern))
        group = frozenset(indexes)
        if group not in self._groups:
            self._groups.append(group)
        return self._groups.index(group)

    def _focus(self, group: int, chain: tuple[Path, ...]) -> Focus:
        """The pattern binding ``?this`` to the focus nodes of a placement, through
        the trail variables of a nested one.

        Raises:
            UnsupportedShape: nesting deeper than the trail variables.
        """
        aux = f"GRAPH <{AUX_GRAPH}> {{ <{GROUP}{group}> <{FOCUS}> "
        if not chain:
            return Focus(f"{aux}?this }}")
        if len(chain) > len(TRAIL):
            raise UnsupportedShape("sh:property", URIRef(""), "property shapes nested too deep")
        nodes = [*TRAIL[: len(chain)], "?this"]
        fresh = self._expressions.variable
        steps = " ".join(
            f"{{ {path_pattern(path, nodes[i], nodes[i + 1], fresh)} }}"
            for i, path in enumerate(chain)
        )
        return Focus(f"{aux}{nodes[0]} }} {steps}", " ".join(TRAIL[: len(chain)]))

    def _queries(self, constraints: list[CompiledConstraint]) -> tuple[tuple[int, str], ...]:
        """The constraint branches as UNION queries, a few branches of one group each."""
        select = f"SELECT ?_k ?this ?value ?path ?_other {' '.join(TRAIL)}"
        queries = []
        for group in range(len(self._groups)):
            branches = [
                f"{{ {c.branch} BIND({k} AS ?_k) }}"
                for k, c in enumerate(constraints)
                if c.group == group
            ]
            for start in range(0, len(branches), BRANCHES_PER_QUERY):
                union = "\nUNION\n".join(branches[start : start + BRANCHES_PER_QUERY])
                queries.append((group, f"{select} WHERE {{\n{union}\n}}"))
        return tuple(queries)
