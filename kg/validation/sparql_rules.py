"""What makes a SHACL-SPARQL query well-formed, checked when the shapes are read
(SHACL §5.1 SPARQL-based constraints, §5.2.1 prefix declarations, §6 SPARQL-based
constraint components, Appendix "Pre-binding of Variables").

A query that breaks these rules makes the shapes graph ill-formed: the engines refuse
it at start, with the reason, instead of failing (or answering something) during a
validation.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from pyparsing import ParseException, ParseResults
from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SH, XSD
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.parser import parseQuery
from rdflib.plugins.sparql.parserutils import CompValue
from rdflib.term import Node, Variable

import kg.sparql_parser_lock  # noqa: F401  (rdflib's SPARQL parser, thread-safe)
from kg.errors import InvalidShapes

# Prefixes pySHACL declares for every SHACL-SPARQL query; declared here too so that
# shapes files written for it keep working (a query's own PREFIX overrides them).
DEFAULT_PREFIXES = {"rdf": str(RDF), "rdfs": str(RDFS), "owl": str(OWL), "xsd": str(XSD)}
# Pre-bound in every SHACL-SPARQL query, but a sub-query need not return them.
OPTIONAL_PREBOUND = frozenset({"shapesGraph", "currentShape"})
_FORBIDDEN = {
    "MinusGraphPattern": "MINUS",
    "ServiceGraphPattern": "SERVICE",
    "InlineData": "VALUES",
}
_AGGREGATES = ("Aggregate_", "GroupClause")
# Where a query assigns a variable with AS: BIND, a SELECT expression, GROUP BY.
_ASSIGNED = {"Bind": "var", "vars": "evar", "GroupAs": "var"}


@dataclass(frozen=True)
class CheckedQuery:
    """A SHACL-SPARQL query that passed the rules.

    ``batchable``: the query has no aggregate, GROUP BY, HAVING, LIMIT or OFFSET, so
    evaluating it once with the table of all focus nodes gives the union of its
    per-focus answers.
    """

    text: str
    prologue: str
    projected: tuple[str, ...]
    batchable: bool


def prefix_declarations(shapes: Graph, owner: Node, where: str) -> dict[str, str]:
    """The prefixes a query may use: the ``sh:declare`` values of its ``sh:prefixes``
    nodes and of every node these reach by ``owl:imports`` (§5.2.1), over
    :data:`DEFAULT_PREFIXES`.

    Raises:
        InvalidShapes: a declaration without exactly one ``sh:prefix`` and one
            ``sh:namespace``, or one prefix declared with two namespaces.
    """
    declared: dict[str, str] = {}
    seen: set[Node] = set()
    pending = list(shapes.objects(owner, SH.prefixes))
    while pending:
        node = pending.pop()
        if node in seen:
            continue
        seen.add(node)
        pending.extend(shapes.objects(node, OWL.imports))
        for declaration in shapes.objects(node, SH.declare):
            names = list(shapes.objects(declaration, SH.prefix))
            namespaces = list(shapes.objects(declaration, SH.namespace))
            if len(names) != 1 or len(namespaces) != 1:
                raise InvalidShapes(
                    f"{where}: a prefix declaration needs one sh:prefix and one sh:namespace"
                )
            name, namespace = str(names[0]), str(namespaces[0])
            if declared.setdefault(name, namespace) != namespace:
                raise InvalidShapes(f"{where}: prefix {name}: declared with two namespaces")
    return {**DEFAULT_PREFIXES, **declared}


def prologue(prefixes: dict[str, str]) -> str:
    return "".join(f"PREFIX {name}: <{ns}>\n" for name, ns in sorted(prefixes.items()))


def checked(
    text: str, prefixes: dict[str, str], prebound: Iterable[str], kind: str, where: str
) -> CheckedQuery:
    """``text`` (a SELECT or ASK query, per ``kind``) checked against the rules.

    Args:
        prebound: the names of the variables pre-bound when it runs (``this`` ...).

    Raises:
        InvalidShapes: a syntax error or an undeclared prefix; a query of the other
            kind; a SELECT that does not return ``$this``; MINUS, SERVICE or VALUES; a
            pre-bound variable assigned with ``AS``; a sub-query that does not return
            every pre-bound variable (``$shapesGraph`` and ``$currentShape`` excepted).
    """
    head = prologue(prefixes)
    try:
        prepareQuery(head + text)  # resolves every prefixed name
        query = parseQuery(head + text)[1]
    except (ParseException, Exception) as error:  # rdflib raises many types for bad SPARQL
        raise InvalidShapes(f"{where}: the SPARQL query cannot be read: {error}") from error
    expected = "SelectQuery" if kind == "select" else "AskQuery"
    if query.name != expected:
        raise InvalidShapes(f"{where}: sh:{kind} needs a {kind.upper()} query")
    bound = frozenset(prebound)
    for node in _walk(query):
        _check_node(node, bound, where)
    projected = _projection(query) if kind == "select" else ()
    if kind == "select" and "this" not in projected:
        raise InvalidShapes(f"{where}: the SELECT query must return $this")
    batchable = not any(_is_aggregate(n) for n in _walk(query))
    batchable = batchable and not _has_slice(query)
    return CheckedQuery(text, head, projected, batchable)


def _check_node(node: CompValue, prebound: frozenset[str], where: str) -> None:
    if node.name in _FORBIDDEN:
        raise InvalidShapes(f"{where}: {_FORBIDDEN[node.name]} is not allowed in SHACL-SPARQL")
    if node.name == "ValuesClause" and _field(node, "var"):
        raise InvalidShapes(f"{where}: VALUES is not allowed in SHACL-SPARQL")
    assigned = _field(node, _ASSIGNED[node.name]) if node.name in _ASSIGNED else None
    if isinstance(assigned, Variable) and str(assigned) in prebound:
        raise InvalidShapes(f"{where}: the pre-bound variable ${assigned} is assigned with AS")
    if node.name == "SubSelect":
        missing = prebound - OPTIONAL_PREBOUND - set(_projection(node))
        if missing:
            names = ", ".join(f"${v}" for v in sorted(missing))
            raise InvalidShapes(f"{where}: a sub-query must return {names}")


def _projection(query: CompValue) -> tuple[str, ...]:
    """The names a SELECT returns; for ``SELECT *`` the variables in scope (SPARQL
    §18.2.1: not those only in a FILTER or only inside MINUS)."""
    projection = _field(query, "projection")
    if not projection:
        return tuple(sorted(_in_scope(_field(query, "where"))))
    names = []
    for item in projection:
        var = _field(item, "evar") or _field(item, "var")
        if var is not None:
            names.append(str(var))
    return tuple(names)


def _in_scope(pattern: object) -> set[str]:
    if isinstance(pattern, Variable):
        return {str(pattern)}
    if isinstance(pattern, CompValue):
        if pattern.name in ("Filter", "MinusGraphPattern") or pattern.name.startswith("Builtin"):
            return set()
        if pattern.name == "SubSelect":
            return set(_projection(pattern))
        if pattern.name == "Bind":
            return {str(pattern["var"])}
        return set().union(*(_in_scope(v) for v in pattern.values()))
    if isinstance(pattern, ParseResults | list | tuple):
        return set().union(*(_in_scope(v) for v in pattern))
    return set()


def _walk(node: object) -> Iterator[CompValue]:
    if isinstance(node, CompValue):
        yield node
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, ParseResults | list | tuple):
        for value in node:
            yield from _walk(value)


def _is_aggregate(node: CompValue) -> bool:
    return node.name.startswith(_AGGREGATES) or node.name == "HavingClause"


def _has_slice(query: CompValue) -> bool:
    return any(_field(n, "limitoffset") is not None for n in _walk(query))


def _field(node: CompValue, key: str) -> object:
    # CompValue.get answers a missing key with the key's own name; ask with ``in``.
    return node[key] if key in node else None  # noqa: SIM401


def parameter_name(path: URIRef) -> str:
    """The variable a component's parameter is pre-bound to (§6.1: the local name of
    the parameter's ``sh:path``)."""
    text = str(path)
    for separator in ("#", "/", ":"):
        if separator in text:
            text = text.rsplit(separator, 1)[1]
    return text
