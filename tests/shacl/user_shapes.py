"""A user's own shapes file (``tests/shacl/data/my-shapes.ttl``, no ``sh:message``) and
the interactions it accepts and refuses, shared by the tests of every write door."""

from __future__ import annotations

from pathlib import Path

MY_SHAPES = Path(__file__).parent / "data" / "my-shapes.ttl"
MY = "https://example.org/my-shapes#"
MIN_INCLUSIVE = "http://www.w3.org/ns/shacl#MinInclusiveConstraintComponent"
SPARQL = "http://www.w3.org/ns/shacl#SPARQLConstraintComponent"
PREFIXES = """@prefix ckm: <https://w3id.org/ckm#> .
@prefix ex: <http://example.org/id/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""


def interaction(node: str, started: str, label: str | None = "Call") -> str:
    """Turtle of an interaction of MedSoft with Acme (tests/kg/data/small.ttl) that the
    shipped shapes accept; ``started`` and ``label`` decide what the user's shapes say."""
    labelled = f' ; rdfs:label "{label}"' if label else ""
    return (
        f"{PREFIXES}ex:{node} a ckm:Interaction ; ckm:byFirm ex:medsoft ; "
        f'ckm:withCustomer ex:acme ; prov:startedAtTime "{started}"^^xsd:dateTime ; '
        f"ckm:channel ckm:Workshop ; ckm:inSphere ckm:JointSphere{labelled} ."
    )


# (what the write is, node, start, label, component of the expected refusal or None)
CASES = [
    ("valid", "i2024", "2024-05-04T09:30:00Z", "Call", None),
    ("too-old", "i2019", "2019-05-04T09:30:00Z", "Call", MIN_INCLUSIVE),
    ("unlabelled", "i2025", "2025-05-04T09:30:00Z", None, SPARQL),
]
