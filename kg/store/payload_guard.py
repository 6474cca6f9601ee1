"""Refusing RDF payloads that would make Oxigraph's parsers blow up, before they run.

Two shapes do, measured on pyoxigraph 0.5:

- JSON-LD nested a few thousand levels deep: the parser recurses per level and overflows
  the thread's stack, which kills the whole process (a segmentation fault, no
  exception). Payloads nested deeper than :data:`MAX_JSON_NESTING` are refused.
- RDF/XML with internal entities that expand each other (the "billion laughs"): the
  parser expands them, so 618 bytes declaring eight levels make a 100 MB literal and ten
  levels exhaust memory. Payloads whose entities would expand to more than
  :data:`MAX_XML_EXPANSION` times their size (plus 1 MB) are refused; ontologies that
  abbreviate namespaces with entities (Protégé's RDF/XML) stay far below that.
"""

from __future__ import annotations

import json
import re

from kg.errors import PayloadRefused

MAX_JSON_NESTING = 100
MAX_XML_EXPANSION = 10
_XML_EXPANSION_ALLOWANCE = 1_000_000
_ENTITY = re.compile(rb"<!ENTITY\s+([^\s%\"']+)\s+(\"[^\"]*\"|'[^']*')", re.DOTALL)
_REFERENCE = re.compile(rb"&([^\s&;#]+);")


def check_payload(payload: bytes | str, syntax_name: str) -> None:
    """Refuse a payload of syntax ``syntax_name`` that would blow up its parser.

    Raises:
        PayloadRefused: JSON-LD nested too deeply, or RDF/XML entities expanding too far.
    """
    if syntax_name == "jsonld":
        _check_json_ld(payload)
    elif syntax_name == "rdfxml":
        _check_xml_expansion(payload.encode() if isinstance(payload, str) else payload)


def _check_json_ld(payload: bytes | str) -> None:
    try:
        document = json.loads(payload)
    except RecursionError:
        document = None  # deeper than Python's own limit (about 1,000 levels)
    except ValueError:
        return  # malformed: Oxigraph reports it with line and column
    else:
        if not isinstance(document, dict | list):
            # JSON-LD 1.1 §9: a document is an object or an array (Oxigraph takes any)
            raise PayloadRefused("a JSON-LD document is a JSON object or array")
        if _json_depth(document) <= MAX_JSON_NESTING:
            return
    raise PayloadRefused(f"nested deeper than {MAX_JSON_NESTING} levels")


def _json_depth(document: object) -> int:
    deepest, pending = 0, [(document, 1)]
    while pending:
        value, depth = pending.pop()
        if isinstance(value, dict | list):
            deepest = max(deepest, depth)
            children = value.values() if isinstance(value, dict) else value
            pending.extend((child, depth + 1) for child in children)
    return deepest


def _check_xml_expansion(payload: bytes) -> None:
    """Oxigraph expands an entity when it is declared (earlier entities only) and again
    where it is referenced; the sizes add up to what it would hold in memory."""
    sizes: dict[bytes, int] = {}
    for declaration in _ENTITY.finditer(payload):
        name, value = declaration.group(1), declaration.group(2)[1:-1]
        references = _REFERENCE.findall(value)
        sizes[name] = len(value) + sum(sizes.get(r, 0) for r in references)
    if not sizes:
        return
    expanded = len(payload) + sum(sizes.values())
    expanded += sum(sizes.get(r, 0) for r in _REFERENCE.findall(payload))
    if expanded > MAX_XML_EXPANSION * len(payload) + _XML_EXPANSION_ALLOWANCE:
        raise PayloadRefused(
            f"its XML entities would expand to about {expanded:,} bytes, more than "
            f"{MAX_XML_EXPANSION} times its size; nothing was read"
        )
