"""Shapes of value concepts: value-in-use, value-in-exchange and their spheres."""

from __future__ import annotations

import pytest
from rdflib import SH, Namespace

CKMSH = Namespace("https://w3id.org/ckm/shapes#")
EX = Namespace("https://example.org/")
V, W, INFO = SH.Violation, SH.Warning, SH.Info


def case(case_id: str, drop: str, add: str, *expected: tuple) -> object:
    """An invalid example: drop/add triples on VALID; expected (shape, focus, severity)."""
    reports = [(CKMSH[shape], focus, severity) for shape, focus, severity in expected]
    return pytest.param(drop, add, reports, id=case_id)


VALID = """
ex:techco a ckm:Firm ; rdfs:label "TechCo" .
ex:si1 a ckm:Customer ; rdfs:label "System Integrator 1" ; ckm:customerOf ex:techco .
ex:acsPotential a ckm:PotentialValueInUse ; ckm:arisesInSphere ckm:ProviderSphere ;
    ckm:valueFor ex:si1 .
ex:integrationUse a ckm:ValueInUse ; ckm:arisesInSphere ckm:JointSphere ; ckm:valueFor ex:si1 .
ex:licenceSale a ckm:ValueInExchange ; ckm:arisesInSphere ckm:ProviderSphere ;
    ckm:valueFor ex:techco .
"""


def test_the_valid_example_produces_no_result(validate):
    assert validate(VALID) == []


CASES = [
    case(
        "two-spheres",
        "",
        "ex:licenceSale ckm:arisesInSphere ckm:CustomerSphere .",
        ("Value-arisesInSphere", EX.licenceSale, V),
    ),
    case(
        "sphere-not-in-list",
        "ex:licenceSale ckm:arisesInSphere ckm:ProviderSphere .",
        "ex:licenceSale ckm:arisesInSphere ckm:Workshop .",
        ("Value-arisesInSphere", EX.licenceSale, V),
    ),
    case(
        "value-for-an-offering",
        "ex:licenceSale ckm:valueFor ex:techco .",
        "ex:licenceSale ckm:valueFor ckm:Idea .",
        ("Value-valueFor", EX.licenceSale, V),
    ),
    case(
        "value-for-nobody",
        "ex:licenceSale ckm:valueFor ex:techco .",
        "",
        ("Value-forSomeone", EX.licenceSale, W),
    ),
    case(
        "value-in-use-in-provider-sphere",
        "ex:integrationUse ckm:arisesInSphere ckm:JointSphere .",
        "ex:integrationUse ckm:arisesInSphere ckm:ProviderSphere .",
        ("ValueInUse-sphere", EX.integrationUse, V),
    ),
    case(
        "in-use-and-in-exchange",
        "",
        "ex:integrationUse a ckm:ValueInExchange .",
        ("ValueInUse-notExchange", EX.integrationUse, V),
    ),
    case(
        "in-use-and-potential",
        "",
        "ex:integrationUse a ckm:PotentialValueInUse .",
        ("ValueInUse-notExchange", EX.integrationUse, V),
        # Potential value arises only in the provider sphere.
        ("PotentialValueInUse-sphere", EX.integrationUse, V),
    ),
    case(
        "potential-value-in-joint-sphere",
        "ex:acsPotential ckm:arisesInSphere ckm:ProviderSphere .",
        "ex:acsPotential ckm:arisesInSphere ckm:JointSphere .",
        ("PotentialValueInUse-sphere", EX.acsPotential, V),
    ),
]


@pytest.mark.parametrize(("drop", "add", "expected"), CASES)
def test_each_rule_reports_its_own_shape(validate, variant, assert_reported, drop, add, expected):
    assert_reported(validate(variant(VALID, drop, add)), *expected)
