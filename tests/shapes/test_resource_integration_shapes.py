"""Shapes of resource integration: practices, alignment, outcomes and driver assessments."""

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


# A co-created integration (van Middendorp's TechCo case): the system integrator judged the
# diagnosing and producing practices, and a survey outside the joint sphere.
VALID = """
ex:techco a ckm:Firm ; rdfs:label "TechCo" .
ex:si1 a ckm:Customer ; rdfs:label "System Integrator 1" ; ckm:customerOf ex:techco .
ex:int1 a ckm:Interaction ; ckm:byFirm ex:techco ; ckm:withCustomer ex:si1 ;
    prov:startedAtTime "2025-05-06T09:00:00Z"^^xsd:dateTime ;
    ckm:channel ckm:FaceToFaceMeeting ; ckm:inSphere ckm:JointSphere ;
    ckm:riPractice ckm:DiagnosingAndDesigning , ckm:ProducingAndImplementing ;
    ckm:alignment ckm:Aligned ; ckm:valueOutcome ckm:ValueCoCreation .
ex:int2 a ckm:Interaction ; ckm:byFirm ex:techco ; ckm:withCustomer ex:si1 ;
    prov:startedAtTime "2025-06-01T09:00:00Z"^^xsd:dateTime ;
    ckm:channel ckm:SupportDesk ; ckm:inSphere ckm:JointSphere ;
    ckm:riPractice ckm:SupportingAndAssisting ;
    ckm:alignment ckm:Misaligned ; ckm:valueOutcome ckm:ValueCoDestruction .
ex:survey a ckm:Interaction ; ckm:byFirm ex:techco ; ckm:withCustomer ex:si1 ;
    prov:startedAtTime "2025-07-01T09:00:00Z"^^xsd:dateTime ;
    ckm:channel ckm:SurveyForm ; ckm:inSphere ckm:CustomerSphere .
ex:da1 a ckm:DriverAssessment ; ckm:assessedIn ex:int1 ; ckm:driver ckm:CustomerInvolvement ;
    ckm:performance ckm:Sufficient ; ckm:evaluatedBy ex:si1 .
ex:da2 a ckm:DriverAssessment ; ckm:assessedIn ex:int1 ; ckm:driver ckm:Informing ;
    ckm:performance ckm:Sufficient ; ckm:evaluatedBy ex:si1 .
ex:da3 a ckm:DriverAssessment ; ckm:assessedIn ex:int2 ; ckm:driver ckm:Responsibility ;
    ckm:performance ckm:Insufficient ; ckm:evaluatedBy ex:si1 .
"""


def test_the_valid_example_produces_no_result(validate):
    assert validate(VALID) == []


@pytest.mark.parametrize(
    ("drop", "add"),
    [
        pytest.param(
            "ex:int1 ckm:valueOutcome ckm:ValueCoCreation .", "", id="aligned-without-outcome"
        ),
        pytest.param(
            "ex:int2 ckm:riPractice ckm:SupportingAndAssisting .",
            "",
            id="driver-of-unrecorded-practice-when-no-practice-recorded",
        ),
        pytest.param(
            "ex:int2 ckm:valueOutcome ckm:ValueCoDestruction .",
            "",
            id="misaligned-without-outcome",
        ),
    ],
)
def test_accepted_variants_produce_no_result(validate, variant, drop, add):
    assert validate(variant(VALID, drop, add)) == []


CASES = [
    # --- Interaction: practices, alignment, outcome
    case(
        "practice-not-in-list",
        "",
        "ex:int1 ckm:riPractice ckm:Support .",
        ("Interaction-riPractice", EX.int1, V),
    ),
    case(
        "practice-outside-joint-sphere",
        "",
        "ex:survey ckm:riPractice ckm:PromotingAndSharing .",
        ("Interaction-riPracticeInJointSphere", EX.survey, V),
    ),
    case(
        "two-alignments",
        "ex:int1 ckm:valueOutcome ckm:ValueCoCreation .",
        "ex:int1 ckm:alignment ckm:Misaligned .",
        ("Interaction-alignment", EX.int1, V),
    ),
    case(
        "alignment-not-in-list",
        "ex:int1 ckm:alignment ckm:Aligned .",
        "ex:int1 ckm:alignment ckm:Sufficient .",
        ("Interaction-alignment", EX.int1, V),
    ),
    case(
        "two-outcomes",
        "ex:int1 ckm:alignment ckm:Aligned .",
        "ex:int1 ckm:valueOutcome ckm:ValueCoDestruction .",
        ("Interaction-valueOutcome", EX.int1, V),
    ),
    case(
        "outcome-not-in-list",
        "ex:int1 ckm:valueOutcome ckm:ValueCoCreation .",
        "ex:int1 ckm:valueOutcome ckm:Aligned .",
        ("Interaction-valueOutcome", EX.int1, V),
    ),
    case(
        "co-creation-outside-joint-sphere",
        "",
        "ex:survey ckm:valueOutcome ckm:ValueCoCreation .",
        ("Interaction-coCreationInJointSphere", EX.survey, V),
    ),
    case(
        "aligned-but-co-destruction",
        "ex:int1 ckm:valueOutcome ckm:ValueCoCreation .",
        "ex:int1 ckm:valueOutcome ckm:ValueCoDestruction .",
        ("Interaction-alignedNotCoDestruction", EX.int1, V),
    ),
    case(
        "misaligned-but-co-creation",
        "ex:int2 ckm:valueOutcome ckm:ValueCoDestruction .",
        "ex:int2 ckm:valueOutcome ckm:ValueCoCreation .",
        ("Interaction-misalignedNotCoCreation", EX.int2, V),
    ),
    # --- Driver assessment
    case(
        "assessment-without-interaction",
        "ex:da1 ckm:assessedIn ex:int1 .",
        "",
        ("DriverAssessment-assessedIn", EX.da1, V),
        # Without an interaction its sphere cannot be the joint sphere.
        ("DriverAssessment-jointSphere", EX.da1, W),
    ),
    case(
        "assessment-of-two-interactions",
        "",
        "ex:da1 ckm:assessedIn ex:int2 .",
        ("DriverAssessment-assessedIn", EX.da1, V),
        # Customer involvement belongs to diagnosing and designing, not recorded in ex:int2.
        ("DriverAssessment-driverOfRecordedPractice", EX.da1, W),
    ),
    case(
        "assessment-of-a-customer",
        "ex:da1 ckm:assessedIn ex:int1 .",
        "ex:da1 ckm:assessedIn ex:si1 .",
        ("DriverAssessment-assessedIn", EX.da1, V),
        ("DriverAssessment-jointSphere", EX.da1, W),
    ),
    case(
        "assessment-without-driver",
        "ex:da1 ckm:driver ckm:CustomerInvolvement .",
        "",
        ("DriverAssessment-driver", EX.da1, V),
    ),
    case(
        "driver-not-in-list",
        "ex:da1 ckm:driver ckm:CustomerInvolvement .",
        "ex:da1 ckm:driver ckm:DiagnosingAndDesigning .",
        ("DriverAssessment-driver", EX.da1, V),
    ),
    case(
        "two-drivers",
        "",
        "ex:da1 ckm:driver ckm:Collaboration .",
        ("DriverAssessment-driver", EX.da1, V),
    ),
    case(
        "assessment-without-performance",
        "ex:da1 ckm:performance ckm:Sufficient .",
        "",
        ("DriverAssessment-performance", EX.da1, V),
    ),
    case(
        "performance-not-in-list",
        "ex:da1 ckm:performance ckm:Sufficient .",
        "ex:da1 ckm:performance ckm:Aligned .",
        ("DriverAssessment-performance", EX.da1, V),
    ),
    case(
        "two-performances",
        "",
        "ex:da3 ckm:performance ckm:Sufficient .",
        ("DriverAssessment-performance", EX.da3, V),
    ),
    case(
        "assessment-with-outcome",
        "",
        "ex:da3 ckm:valueOutcome ckm:ValueCoDestruction .",
        ("DriverAssessment-noOutcome", EX.da3, V),
    ),
    case(
        "assessment-by-the-firm",
        "ex:da1 ckm:evaluatedBy ex:si1 .",
        "ex:da1 ckm:evaluatedBy ex:techco .",
        ("DriverAssessment-evaluatedBy", EX.da1, V),
    ),
    case(
        "assessment-without-evaluator",
        "ex:da1 ckm:evaluatedBy ex:si1 .",
        "",
        ("DriverAssessment-evaluatorNamed", EX.da1, W),
    ),
    case(
        "assessment-outside-joint-sphere",
        "",
        "ex:da4 a ckm:DriverAssessment ; ckm:assessedIn ex:survey ; ckm:driver ckm:Support ;"
        " ckm:performance ckm:Sufficient ; ckm:evaluatedBy ex:si1 .",
        ("DriverAssessment-jointSphere", EX.da4, W),
    ),
    case(
        "insufficient-driver-in-aligned-interaction",
        "ex:da1 ckm:performance ckm:Sufficient .",
        "ex:da1 ckm:performance ckm:Insufficient .",
        ("DriverAssessment-insufficientButAligned", EX.da1, W),
    ),
    case(
        "driver-of-a-practice-not-recorded",
        "ex:da2 ckm:driver ckm:Informing .",
        "ex:da2 ckm:driver ckm:JointMarketing .",
        ("DriverAssessment-driverOfRecordedPractice", EX.da2, W),
    ),
]


@pytest.mark.parametrize(("drop", "add", "expected"), CASES)
def test_each_rule_reports_its_own_shape(validate, variant, assert_reported, drop, add, expected):
    assert_reported(validate(variant(VALID, drop, add)), *expected)


def test_a_driver_linked_from_the_practice_side_counts_as_recorded(validate, variant):
    """ckm:hasDriver is the inverse of ckm:driverOf; either direction is accepted."""
    data = variant(
        VALID,
        drop="ex:da2 ckm:driver ckm:Informing .",
        add="ex:da2 ckm:driver ex:newDriver . ex:newDriver ckm:driverOf ckm:PromotingAndSharing .",
    )
    # ex:newDriver is not one of the eleven drivers, and it belongs to an unrecorded practice.
    reported = {(r.source_shape, r.focus) for r in validate(data)}
    assert reported == {
        (CKMSH["DriverAssessment-driver"], EX.da2),
        (CKMSH["DriverAssessment-driverOfRecordedPractice"], EX.da2),
    }
    recorded = variant(
        VALID,
        drop="ex:da2 ckm:driver ckm:Informing .",
        add="ex:da2 ckm:driver ex:newDriver . ckm:ProducingAndImplementing ckm:hasDriver"
        " ex:newDriver .",
    )
    reported = {(r.source_shape, r.focus) for r in validate(recorded)}
    assert reported == {(CKMSH["DriverAssessment-driver"], EX.da2)}
