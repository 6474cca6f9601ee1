"""Default result messages for shapes without ``sh:message`` (SHACL §3.6.2.6 lets an
engine make up a ``sh:resultMessage``; pySHACL does so per component, and so does this
engine, in the same spirit: the component's rule in plain words with the focus node,
path and value it found).
"""

from __future__ import annotations

from collections.abc import Mapping

from rdflib import Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from kg.validation.compiled.compiled import DefaultMessage
from kg.validation.property_paths import Path, path_text

Params = Mapping[str, Node | list[Node] | str]


_BARE = {XSD.integer, XSD.decimal, XSD.double, XSD.boolean}


def _show(term: object) -> str:
    """A term as a reader wants it: numbers bare, strings quoted, IRIs as they are."""
    if isinstance(term, Literal):
        return str(term) if term.datatype in _BARE else term.n3()
    if isinstance(term, list):
        return "(" + ", ".join(_show(t) for t in term) + ")"
    return str(term)


def default_message(component: str, params: Params, path: Path | None) -> DefaultMessage:
    """The message maker of a core component (by its local name, ``MinCount``...)."""
    where = "" if path is None else f"->{path_text(path)}"

    def made(terms: Mapping[str, Node]) -> str:
        focus = _show(terms.get("this", ""))
        value = _show(terms.get("value", ""))
        found = {k: _show(v) for k, v in params.items()}
        make = _MESSAGES.get(component)
        if make is None:
            return f"{component} constraint not met by {value or focus}"
        return make(focus + where, value, found, terms)

    return made


def _closed(at: str, value: str, p: Mapping[str, str], t: Mapping[str, Node]) -> str:
    node, predicate = at.split("->")[0], _show(t.get("path", ""))
    return f"Node {node} is closed. It cannot have value: {value} ({predicate})"


_MESSAGES = {
    "Class": lambda at, v, p, t: f"Value {v} of {at} is not an instance of {p['class']}",
    "Datatype": lambda at, v, p, t: (
        f"Value {v} of {at} is not a literal of datatype {p['datatype']}"
    ),
    "NodeKind": lambda at, v, p, t: f"Value {v} of {at} is not of node kind {p['nodeKind']}",
    "MinCount": lambda at, v, p, t: f"Less than {p['minCount']} values on {at}",
    "MaxCount": lambda at, v, p, t: f"More than {p['maxCount']} values on {at}",
    "MinExclusive": lambda at, v, p, t: f"Value {v} of {at} is not > {p['minExclusive']}",
    "MinInclusive": lambda at, v, p, t: f"Value {v} of {at} is not >= {p['minInclusive']}",
    "MaxExclusive": lambda at, v, p, t: f"Value {v} of {at} is not < {p['maxExclusive']}",
    "MaxInclusive": lambda at, v, p, t: f"Value {v} of {at} is not <= {p['maxInclusive']}",
    "MinLength": lambda at, v, p, t: f"String length of {v} ({at}) is not >= {p['minLength']}",
    "MaxLength": lambda at, v, p, t: f"String length of {v} ({at}) is not <= {p['maxLength']}",
    "Pattern": lambda at, v, p, t: f"Value {v} of {at} does not match pattern {p['pattern']}",
    "LanguageIn": lambda at, v, p, t: f"Language of {v} ({at}) is not in {p['languageIn']}",
    "UniqueLang": lambda at, v, p, t: f"More than one value of {at} shares the same language",
    "Equals": lambda at, v, p, t: f"Value {v} of {at} is not also a value of {p['equals']}",
    "Disjoint": lambda at, v, p, t: f"Value {v} of {at} is also a value of {p['disjoint']}",
    "LessThan": lambda at, v, p, t: f"Value {v} of {at} is not < the values of {p['lessThan']}",
    "LessThanOrEquals": lambda at, v, p, t: (
        f"Value {v} of {at} is not <= the values of {p['lessThanOrEquals']}"
    ),
    "Not": lambda at, v, p, t: f"Value {v} of {at} must not conform to shape {p['not']}",
    "And": lambda at, v, p, t: f"Value {v} of {at} must conform to all shapes in {p['and']}",
    "Or": lambda at, v, p, t: f"Value {v} of {at} must conform to one or more shapes in {p['or']}",
    "Xone": lambda at, v, p, t: (
        f"Value {v} of {at} must conform to exactly one shape in {p['xone']}"
    ),
    "Node": lambda at, v, p, t: f"Value {v} of {at} does not conform to shape {p['node']}",
    "QualifiedMinCount": lambda at, v, p, t: (
        f"Less than {p['qualifiedMinCount']} values of {at} conform to {p['qualifiedValueShape']}"
    ),
    "QualifiedMaxCount": lambda at, v, p, t: (
        f"More than {p['qualifiedMaxCount']} values of {at} conform to {p['qualifiedValueShape']}"
    ),
    "Closed": _closed,
    "HasValue": lambda at, v, p, t: f"{at} does not have the value {p['hasValue']}",
    "In": lambda at, v, p, t: f"Value {v} of {at} is not in {p['in']}",
    "SPARQL": lambda at, v, p, t: f"SPARQL constraint not met by {v or at}",
}


def component_message(component: URIRef) -> DefaultMessage:
    """The default message of a SPARQL-based constraint component without messages."""

    def made(terms: Mapping[str, Node]) -> str:
        about = terms.get("value", terms.get("this", ""))
        return f"Value {_show(about)} does not satisfy the constraint component {component}"

    return made
