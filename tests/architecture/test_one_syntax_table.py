"""ARCHITECTURE.md: one table of RDF syntaxes. Parsers, serialisers, content negotiation
and the CLI's format names all derive from ``kg.store.parsing.SYNTAXES``; a second
hand-written table would drift from it (a format one side writes and the other refuses)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TABLE = ROOT / "kg" / "store" / "parsing.py"
# The RDF 1.1 media types (the W3C Recommendations' own registrations), typed here on
# purpose rather than read from the table under test.
RDF_MEDIA_TYPES = {
    "text/turtle",
    "application/n-triples",
    "application/n-quads",
    "application/trig",
    "application/ld+json",
    "application/rdf+xml",
}
# Literals that name RDF media types without being a syntax table, and why.
NOT_TABLES = {
    ROOT / "api" / "validate.py": "a SHACL report's formats (JSON, Turtle, JSON-LD, text)",
    ROOT / "api" / "vocabulary.py": "which shipped file holds the ontology in which syntax",
}
SOURCES = [p for package in ("kg", "api", "bench") for p in sorted((ROOT / package).rglob("*.py"))]


def syntax_tables(path: Path) -> list[int]:
    """Lines of dict or set literals naming two or more RDF media types."""
    lines = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        keys = node.keys if isinstance(node, ast.Dict) else getattr(node, "elts", None)
        if not isinstance(node, ast.Dict | ast.Set | ast.Tuple | ast.List) or keys is None:
            continue
        named = {k.value for k in keys if isinstance(k, ast.Constant)} & RDF_MEDIA_TYPES
        if len(named) >= 2:
            lines.append(node.lineno)
    return lines


@pytest.mark.parametrize(
    "path",
    [p for p in SOURCES if p != TABLE and p not in NOT_TABLES],
    ids=lambda p: str(p.relative_to(ROOT)),
)
def test_no_second_table_of_rdf_syntaxes(path: Path):
    assert syntax_tables(path) == []


def test_the_check_sees_a_hand_written_table(tmp_path: Path):
    # The rule above must be able to fail.
    module = tmp_path / "m.py"
    module.write_text('T = {\n    "text/turtle": "turtle",\n    "application/trig": "trig",\n}\n')
    assert syntax_tables(module) == [1]


def test_every_rdf_media_type_is_in_the_table_and_negotiated():
    from api.negotiation import GRAPH_SYNTAXES
    from api.rdf_output import RDFLIB_SERIALIZERS
    from kg import SYNTAXES
    from kg.store.formats import GRAPH_FORMATS

    assert {s.media_type for s in SYNTAXES} == RDF_MEDIA_TYPES
    assert set(GRAPH_FORMATS) == RDF_MEDIA_TYPES
    assert set(RDFLIB_SERIALIZERS) == RDF_MEDIA_TYPES
    assert set(GRAPH_SYNTAXES.values()) == RDF_MEDIA_TYPES
