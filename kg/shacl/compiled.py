"""What the SHACL compiler produces: queries and, per constraint, how to report it."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from rdflib.term import Node

# The graph holding, per validation, the focus nodes of each target group and the
# datatype markers of the data's literals; and the predicate linking group to focus.
AUX_GRAPH = "urn:ckm:shacl:aux"
ONTOLOGY_AUX_GRAPH = "urn:ckm:shacl:aux:ontology"
FOCUS = "urn:ckm:shacl:focus"
GROUP = "urn:ckm:shacl:targets:"

# Decides, in Python, whether a candidate (value, other value) found by the query
# violates; None means every row the query returns is a violation.
RowCheck = Callable[[Node, Node | None], bool]


@dataclass(frozen=True)
class CompiledConstraint:
    """One constraint of one shape and the fields of the results it produces.

    The query branch of constraint ``k``, reading the focus nodes of target group
    ``group``, binds ``?this`` (the focus node) and, when the
    result has one, ``?value``; ``?_other`` feeds :attr:`check`, ``?path`` overrides
    :attr:`path` (SHACL-SPARQL).
    """

    shape: str
    component: str
    severity: str
    messages: tuple[str, ...]
    path: str | None
    branch: str
    group: int
    check: RowCheck | None = None
    templated: bool = False

    def message(self, bindings: dict[str, str]) -> str:
        """The result message; a SHACL-SPARQL message fills in ``{?var}`` / ``{$var}``."""
        if not self.templated:
            return min(self.messages)
        filled = []
        for text in self.messages:
            for name, value in bindings.items():
                text = re.sub(r"{[?$]" + name + "}", lambda _m, v=value: v, text)
            filled.append(text)
        return min(filled)


@dataclass(frozen=True)
class CompiledShapes:
    """A shapes graph compiled to SPARQL queries.

    ``target_query`` lists ``(?t, ?this)``: focus node ``?this`` of target ``?t``;
    ``groups[i]`` holds the targets whose focus nodes constraint branches read from
    group IRI ``GROUP + i``. ``queries`` together return the violations of every
    constraint, as rows ``(?_k, ?this, ?value, ?_other, ?path)``; ``?_k`` indexes
    ``constraints``. Each query reads one target group, given beside it, and need not
    run when that group has no focus node (a write touches few groups).
    """

    target_query: str
    groups: tuple[frozenset[int], ...]
    queries: tuple[tuple[int, str], ...]
    constraints: tuple[CompiledConstraint, ...]
