"""Shapes of CKM initiatives: Gibbert's styles, active participants, value given back."""

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
ex:medsoft a ckm:Firm ; rdfs:label "MedSoft" .
ex:other a ckm:Firm ; rdfs:label "Other Software" .
ex:clinics a ckm:CustomerSegment ; rdfs:label "Private clinics" ; ckm:segmentOf ex:medsoft .
ex:acme a ckm:Customer ; rdfs:label "Acme Clinic" ; ckm:customerOf ex:medsoft ;
    ckm:customerRole ckm:ActiveCustomerRole .
ex:bern a ckm:Customer ; rdfs:label "Bern Hospital" ; ckm:customerOf ex:medsoft ;
    ckm:customerRole ckm:PassiveCustomerRole .
ex:programme a ckm:CKMInitiative ; ckm:initiativeOf ex:medsoft ;
    ckm:ckmStyle ckm:MutualInnovation , ckm:CommunitiesOfCreation ;
    ckm:participant ex:acme ; ckm:givesBackValueTo ex:acme ;
    ckm:objective "Co-develop the report export with clinics"@en ;
    ckm:targetsSegment ex:clinics ; ckm:usesEnabler ckm:Dialogue , ckm:Transparency .
ex:i9 a ckm:Interaction ; ckm:byFirm ex:medsoft ; ckm:withCustomer ex:acme ;
    prov:startedAtTime "2026-01-20T14:00:00Z"^^xsd:dateTime ;
    ckm:channel ckm:VideoCall ; ckm:inSphere ckm:JointSphere ;
    ckm:partOfInitiative ex:programme .
"""


def test_the_valid_example_produces_no_result(validate):
    assert validate(VALID) == []


def test_a_participant_without_a_recorded_role_is_accepted(validate, variant):
    data = variant(
        VALID,
        add='ex:zug a ckm:Customer ; rdfs:label "Zug" ; ckm:customerOf'
        " ex:medsoft . ex:programme ckm:participant ex:zug .",
    )
    assert validate(data) == []


CASES = [
    case(
        "no-firm",
        "ex:programme ckm:initiativeOf ex:medsoft .",
        "",
        ("CKMInitiative-initiativeOf", EX.programme, V),
        ("Interaction-initiativeFirm-byFirm", EX.i9, V),
    ),
    case(
        "two-firms",
        "",
        "ex:programme ckm:initiativeOf ex:other .",
        ("CKMInitiative-initiativeOf", EX.programme, V),
        ("Interaction-initiativeFirm-byFirm", EX.i9, V),
    ),
    case(
        "firm-is-a-segment",
        "ex:programme ckm:initiativeOf ex:medsoft .",
        "ex:programme ckm:initiativeOf ex:clinics .",
        ("CKMInitiative-initiativeOf", EX.programme, V),
        ("Interaction-initiativeFirm-byFirm", EX.i9, V),
    ),
    case(
        "no-style",
        "ex:programme ckm:ckmStyle ckm:MutualInnovation , ckm:CommunitiesOfCreation .",
        "",
        ("CKMInitiative-ckmStyle", EX.programme, V),
    ),
    case(
        "style-not-in-list",
        "",
        "ex:programme ckm:ckmStyle ckm:StrategyDevelopmentProcess .",
        ("CKMInitiative-ckmStyle", EX.programme, V),
    ),
    case(
        "participant-is-a-firm",
        "",
        "ex:programme ckm:participant ex:other .",
        ("CKMInitiative-participant", EX.programme, V),
    ),
    case(
        "passive-participant",
        "",
        "ex:programme ckm:participant ex:bern .",
        ("CKMInitiative-activeParticipant", EX.programme, W),
    ),
    case(
        "gives-value-to-a-firm",
        "",
        "ex:programme ckm:givesBackValueTo ex:other .",
        ("CKMInitiative-givesBackValueTo", EX.programme, V),
    ),
    case(
        "gives-nothing-back",
        "ex:programme ckm:givesBackValueTo ex:acme .",
        "",
        ("CKMInitiative-givesValueBack", EX.programme, W),
    ),
    case(
        "no-objective",
        'ex:programme ckm:objective "Co-develop the report export with clinics"@en .',
        "",
        ("CKMInitiative-objective", EX.programme, W),
    ),
    case(
        "objective-not-text",
        "",
        "ex:programme ckm:objective ckm:Idea .",
        ("CKMInitiative-objectiveText", EX.programme, V),
    ),
    case(
        "targets-a-customer",
        "",
        "ex:programme ckm:targetsSegment ex:acme .",
        ("CKMInitiative-targetsSegment", EX.programme, V),
    ),
    case(
        "enabler-not-in-list",
        "",
        "ex:programme ckm:usesEnabler ckm:Workshop .",
        ("CKMInitiative-usesEnabler", EX.programme, V),
    ),
]


@pytest.mark.parametrize(("drop", "add", "expected"), CASES)
def test_each_rule_reports_its_own_shape(validate, variant, assert_reported, drop, add, expected):
    assert_reported(validate(variant(VALID, drop, add)), *expected)
