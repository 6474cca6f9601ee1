"""What the SHACL compiler produces: queries and, per constraint, how to report it (the
fields of a validation result, SHACL §3.6.2)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from rdflib import Literal, URIRef
from rdflib.term import Node

from kg.validation.compiled.sparql_text import filled_template
from kg.validation.property_paths import Path

# The graph holding, per validation, the focus nodes of each target group and the
# datatype markers and value twins of the data's literals; the same for the ontology's
# literals (written once); the values every SHACL-SPARQL query pre-binds besides
# ``$this`` (written once); and the predicate linking a group to a focus node.
AUX_GRAPH = "urn:ckm:shacl:aux"
ONTOLOGY_AUX_GRAPH = "urn:ckm:shacl:aux:ontology"
# SHACL-SPARQL queries are the user's: their constants (42, "2024-01-01"^^xsd:date) are
# written as SPARQL writes them, so they read a copy of the data, the ontology and the
# focus nodes in Oxigraph's own encoding (kg.validation.compiled.terms tells why the
# constraint queries use another).
NATURAL_DATA_GRAPH = "urn:ckm:shacl:natural:data"
NATURAL_ONTOLOGY_GRAPH = "urn:ckm:shacl:natural:ontology"
NATURAL_AUX_GRAPH = "urn:ckm:shacl:natural:aux"
PREBOUND_GRAPH = "urn:ckm:shacl:prebound"
SHAPES_GRAPH = "urn:ckm:shacl:shapes"
FOCUS = "urn:ckm:shacl:focus"
GROUP = "urn:ckm:shacl:targets:"
# The group of one focus node, for a query that must run once per focus node.
SINGLE_GROUP = "urn:ckm:shacl:targets:single"
PREBOUND = "urn:ckm:shacl:prebound:"

# Writes a component's default message from the result's terms (§3.6.2.6: a result
# has sh:resultMessage values from sh:message, or ones the engine makes up).
DefaultMessage = Callable[[Mapping[str, Node]], str]


@dataclass(frozen=True)
class Reporting:
    """How one constraint's results are reported: the fields every result shares."""

    shape: Node
    component: URIRef
    severity: URIRef
    path: Path | None
    messages: tuple[Literal, ...]
    default_message: DefaultMessage
    source_constraint: Node | None = None
    # Values a message template may name besides the solution's (parameters, §6.2).
    constants: Mapping[str, Node] = field(default_factory=dict)

    def messages_for(self, terms: Mapping[str, Node]) -> tuple[Literal, ...]:
        """Every ``sh:message`` with its template filled in (§5.3.2) and its language
        kept, or the default message."""
        if self.messages:
            texts = {name: str(value) for name, value in {**self.constants, **terms}.items()}
            return tuple(
                Literal(filled_template(str(m), texts), lang=m.language) for m in self.messages
            )
        return (Literal(self.default_message({**self.constants, **terms})),)


@dataclass(frozen=True)
class CompiledConstraint:
    """One constraint of one shape: a branch of a UNION query.

    The branch, reading the focus nodes of target group ``group``, binds ``?this``
    (the focus node) and, when the result has one, ``?value``; ``?path`` (an IRI)
    overrides the reported path (``sh:closed`` reports the predicate it found).
    """

    reporting: Reporting
    branch: str
    group: int


@dataclass(frozen=True)
class PreboundQuery:
    """A SHACL-SPARQL constraint or SPARQL-based component, as a query of its own.

    ``texts[group]`` is the query rewritten to pre-bind ``$this`` to the focus nodes of
    that group (:mod:`kg.validation.compiled.sparql_text`); it returns ``?this`` and
    whatever the user's query returns. ``batchable`` false: the query is run once per
    focus node, with the group :data:`SINGLE_GROUP` holding that node only.
    ``node_shape``: a result without ``?value`` is about the focus node itself.
    """

    reporting: Reporting
    group: int
    text: str
    single_text: str
    batchable: bool
    node_shape: bool
    reads_shapes_graph: bool
    root: Node | None = None


@dataclass(frozen=True)
class CompiledShapes:
    """A shapes graph compiled to SPARQL queries.

    ``target_query`` lists ``(?t, ?this)``: focus node ``?this`` of target ``?t``;
    ``groups[i]`` holds the targets whose focus nodes constraint branches read from
    group IRI ``GROUP + i``. ``queries`` together return the violations of every
    constraint, as rows ``(?_k, ?this, ?value, ?path)``; ``?_k`` indexes
    ``constraints``. Each query reads one target group, given beside it, and need not
    run when that group has no focus node (a write touches few groups).
    ``fallback`` names the shapes with targets that the compiler could not translate
    and why: the reference engine runs them.
    """

    target_query: str
    groups: tuple[frozenset[int], ...]
    queries: tuple[tuple[int, str], ...]
    constraints: tuple[CompiledConstraint, ...]
    prebound: tuple[PreboundQuery, ...] = ()
    prebound_quads: tuple[tuple[Node, URIRef, Node], ...] = ()
    fallback: Mapping[Node, str] = field(default_factory=dict)
