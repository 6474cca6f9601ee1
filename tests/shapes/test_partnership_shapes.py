"""Shapes of knowledge partnerships: partners, the four design parameters and the fit."""

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


# MedSoft's partnership with its knowledge partner Acme, designed in all four parameters,
# with two workshops so far.
VALID = """
ex:medsoft a ckm:Firm ; rdfs:label "MedSoft" .
ex:other a ckm:Firm ; rdfs:label "Other Software" .
ex:acme a ckm:Customer ; rdfs:label "Acme Clinic" ; ckm:customerOf ex:medsoft ;
    ckm:customerRole ckm:KnowledgePartnerRole ;
    ckm:hasMotive ckm:AccessToInformationMotive , ckm:TrustfulPartnershipMotive .
ex:bern a ckm:Customer ; rdfs:label "Bern Hospital" ; ckm:customerOf ex:medsoft ;
    ckm:customerRole ckm:ActiveCustomerRole .
ex:p1 a ckm:KnowledgePartnership ; ckm:partnerFirm ex:medsoft ; ckm:partner ex:acme ;
    ckm:since "2022-01-15"^^xsd:date ;
    ckm:temporalDesign ckm:SituationalRegularTiming ; ckm:socialDesign ckm:NarrowCustomerBase ;
    ckm:localDesign ckm:InformalLocation ; ckm:methodicalDesign ckm:WorkshopMethod ;
    ckm:fitsMotive ckm:AccessToInformationMotive , ckm:TrustfulPartnershipMotive ;
    ckm:businessArea "Product development" .
ex:w1 a ckm:Interaction ; ckm:byFirm ex:medsoft ; ckm:withCustomer ex:acme ;
    prov:startedAtTime "2025-11-04T10:00:00Z"^^xsd:dateTime ;
    ckm:channel ckm:Workshop ; ckm:inSphere ckm:JointSphere ; ckm:partOfPartnership ex:p1 .
ex:w2 a ckm:Interaction ; ckm:byFirm ex:medsoft ; ckm:withCustomer ex:acme ;
    prov:startedAtTime "2026-02-10T10:00:00Z"^^xsd:dateTime ;
    ckm:channel ckm:SiteVisit ; ckm:inSphere ckm:JointSphere ; ckm:partOfPartnership ex:p1 .
"""


def test_the_valid_example_produces_no_result(validate):
    assert validate(VALID) == []


@pytest.mark.parametrize(
    ("drop", "add"),
    [
        pytest.param("", "ex:p1 ckm:methodicalDesign ckm:DinnerMethod .", id="two-methods"),
        pytest.param(
            "ex:acme ckm:customerOf ex:medsoft .",
            "ex:medsoft ckm:hasCustomer ex:acme .",
            id="customer-recorded-from-the-firm-side",
        ),
        pytest.param(
            "ex:p1 ckm:fitsMotive ckm:AccessToInformationMotive .",
            "",
            id="one-of-the-partner-motives-fits",
        ),
    ],
)
def test_accepted_variants_produce_no_result(validate, variant, drop, add):
    assert validate(variant(VALID, drop, add)) == []


CASES = [
    # --- Firm and partners
    case(
        "no-firm",
        "ex:p1 ckm:partnerFirm ex:medsoft .",
        "",
        ("KnowledgePartnership-partnerFirm", EX.p1, V),
        # The workshops can no longer be matched to the partnership's firm.
        ("Interaction-partnershipFirm-byFirm", EX.w1, V),
        ("Interaction-partnershipFirm-byFirm", EX.w2, V),
    ),
    case(
        "two-firms",
        "",
        "ex:p1 ckm:partnerFirm ex:other . ex:acme ckm:customerOf ex:other .",
        ("KnowledgePartnership-partnerFirm", EX.p1, V),
        ("Interaction-partnershipFirm-byFirm", EX.w1, V),
        ("Interaction-partnershipFirm-byFirm", EX.w2, V),
    ),
    case(
        "firm-is-a-customer",
        "ex:p1 ckm:partnerFirm ex:medsoft .",
        "ex:p1 ckm:partnerFirm ex:bern .",
        ("KnowledgePartnership-partnerFirm", EX.p1, V),
        ("Interaction-partnershipFirm-byFirm", EX.w1, V),
        ("Interaction-partnershipFirm-byFirm", EX.w2, V),
        ("KnowledgePartnership-partnersAreCustomers", EX.p1, W),
    ),
    case(
        "no-partner",
        "ex:p1 ckm:partner ex:acme .",
        "",
        ("KnowledgePartnership-partner", EX.p1, V),
    ),
    case(
        "partner-is-a-firm",
        "",
        "ex:p1 ckm:partner ex:other .",
        ("KnowledgePartnership-partner", EX.p1, V),
        # A firm holds no knowledge-partner role and is no customer of MedSoft.
        ("KnowledgePartnership-partnerRole", EX.p1, V),
        ("KnowledgePartnership-partnersAreCustomers", EX.p1, W),
    ),
    case(
        "partner-is-only-active",
        "",
        "ex:p1 ckm:partner ex:bern .",
        ("KnowledgePartnership-partnerRole", EX.p1, V),
    ),
    case(
        "partner-of-another-firm",
        "ex:acme ckm:customerOf ex:medsoft .",
        "ex:acme ckm:customerOf ex:other .",
        ("KnowledgePartnership-partnersAreCustomers", EX.p1, W),
        # The workshops then involve a customer of another firm as well.
        ("Interaction-customerOfFirm", EX.w1, INFO),
        ("Interaction-customerOfFirm", EX.w2, INFO),
    ),
    case(
        "since-is-a-time",
        'ex:p1 ckm:since "2022-01-15"^^xsd:date .',
        'ex:p1 ckm:since "2022-01-15T00:00:00Z"^^xsd:dateTime .',
        ("KnowledgePartnership-since", EX.p1, V),
    ),
    case(
        "two-start-dates",
        "",
        'ex:p1 ckm:since "2021-01-15"^^xsd:date .',
        ("KnowledgePartnership-since", EX.p1, V),
    ),
    # --- The four design parameters
    case(
        "no-temporal-design",
        "ex:p1 ckm:temporalDesign ckm:SituationalRegularTiming .",
        "",
        ("KnowledgePartnership-temporalDesign", EX.p1, W),
    ),
    case(
        "no-social-design",
        "ex:p1 ckm:socialDesign ckm:NarrowCustomerBase .",
        "",
        ("KnowledgePartnership-socialDesign", EX.p1, W),
    ),
    case(
        "no-local-design",
        "ex:p1 ckm:localDesign ckm:InformalLocation .",
        "",
        ("KnowledgePartnership-localDesign", EX.p1, W),
    ),
    case(
        "no-methodical-design",
        "ex:p1 ckm:methodicalDesign ckm:WorkshopMethod .",
        "",
        ("KnowledgePartnership-methodicalDesign", EX.p1, W),
    ),
    case(
        "temporal-design-is-a-location",
        "ex:p1 ckm:temporalDesign ckm:SituationalRegularTiming .",
        "ex:p1 ckm:temporalDesign ckm:FormalLocation .",
        ("KnowledgePartnership-temporalDesignValue", EX.p1, V),
    ),
    case(
        "social-design-is-a-timing",
        "ex:p1 ckm:socialDesign ckm:NarrowCustomerBase .",
        "ex:p1 ckm:socialDesign ckm:OneOffTiming .",
        ("KnowledgePartnership-socialDesignValue", EX.p1, V),
    ),
    case(
        "local-design-is-a-method",
        "ex:p1 ckm:localDesign ckm:InformalLocation .",
        "ex:p1 ckm:localDesign ckm:DinnerMethod .",
        ("KnowledgePartnership-localDesignValue", EX.p1, V),
    ),
    case(
        "methodical-design-is-a-channel",
        "ex:p1 ckm:methodicalDesign ckm:WorkshopMethod .",
        "ex:p1 ckm:methodicalDesign ckm:Workshop .",
        ("KnowledgePartnership-methodicalDesignValue", EX.p1, V),
    ),
    case(
        "one-off-partnership",
        "ex:p1 ckm:temporalDesign ckm:SituationalRegularTiming .",
        "ex:p1 ckm:temporalDesign ckm:OneOffTiming .",
        ("KnowledgePartnership-notOneOff", EX.p1, W),
    ),
    # --- Motives, business area, interactions
    case(
        "fits-a-need-not-a-motive",
        "",
        "ex:p1 ckm:fitsMotive ckm:Autonomy .",
        ("KnowledgePartnership-fitsMotive", EX.p1, V),
    ),
    case(
        "design-misses-the-partner-motives",
        "ex:p1 ckm:fitsMotive ckm:AccessToInformationMotive , ckm:TrustfulPartnershipMotive .",
        "ex:p1 ckm:fitsMotive ckm:ReputationMotive .",
        ("KnowledgePartnership-motiveFit", EX.p1, W),
    ),
    case(
        "no-business-area",
        'ex:p1 ckm:businessArea "Product development" .',
        "",
        ("KnowledgePartnership-businessArea", EX.p1, W),
    ),
    case(
        "business-area-not-text",
        'ex:p1 ckm:businessArea "Product development" .',
        "ex:p1 ckm:businessArea ex:rnd .",
        ("KnowledgePartnership-businessAreaText", EX.p1, V),
    ),
    case(
        "single-interaction",
        "ex:w2 ckm:partOfPartnership ex:p1 .",
        "",
        ("KnowledgePartnership-repeatedInteraction", EX.p1, W),
    ),
    case(
        "interaction-by-another-firm",
        "ex:w2 ckm:byFirm ex:medsoft .",
        "ex:w2 ckm:byFirm ex:other . ex:acme ckm:customerOf ex:other .",
        ("Interaction-partnershipFirm-byFirm", EX.w2, V),
    ),
]


@pytest.mark.parametrize(("drop", "add", "expected"), CASES)
def test_each_rule_reports_its_own_shape(validate, variant, assert_reported, drop, add, expected):
    assert_reported(validate(variant(VALID, drop, add)), *expected)
