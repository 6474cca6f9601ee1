"""Shapes of resource integration: practices, alignment, outcomes and driver assessments."""

from __future__ import annotations

from tests.shapes.cases import EX, ConceptExamples, V, W, accepted, refused


class TestResourceIntegration(ConceptExamples):
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

    ACCEPTED = (
        accepted("aligned-without-outcome", drop="ex:int1 ckm:valueOutcome ckm:ValueCoCreation ."),
        accepted(
            "driver-of-unrecorded-practice-when-no-practice-recorded",
            drop="ex:int2 ckm:riPractice ckm:SupportingAndAssisting .",
        ),
        accepted(
            "misaligned-without-outcome", drop="ex:int2 ckm:valueOutcome ckm:ValueCoDestruction ."
        ),
    )

    REFUSED = (
        # --- Interaction: practices, alignment, outcome
        refused(
            "practice-not-in-list",
            "",
            "ex:int1 ckm:riPractice ckm:Support .",
            ("Interaction-riPractice", EX.int1, V),
        ),
        refused(
            "practice-outside-joint-sphere",
            "",
            "ex:survey ckm:riPractice ckm:PromotingAndSharing .",
            ("Interaction-riPracticeInJointSphere", EX.survey, V),
        ),
        refused(
            "two-alignments",
            "ex:int1 ckm:valueOutcome ckm:ValueCoCreation .",
            "ex:int1 ckm:alignment ckm:Misaligned .",
            ("Interaction-alignment", EX.int1, V),
        ),
        refused(
            "alignment-not-in-list",
            "ex:int1 ckm:alignment ckm:Aligned .",
            "ex:int1 ckm:alignment ckm:Sufficient .",
            ("Interaction-alignment", EX.int1, V),
        ),
        refused(
            "two-outcomes",
            "ex:int1 ckm:alignment ckm:Aligned .",
            "ex:int1 ckm:valueOutcome ckm:ValueCoDestruction .",
            ("Interaction-valueOutcome", EX.int1, V),
        ),
        refused(
            "outcome-not-in-list",
            "ex:int1 ckm:valueOutcome ckm:ValueCoCreation .",
            "ex:int1 ckm:valueOutcome ckm:Aligned .",
            ("Interaction-valueOutcome", EX.int1, V),
        ),
        refused(
            "co-creation-outside-joint-sphere",
            "",
            "ex:survey ckm:valueOutcome ckm:ValueCoCreation .",
            ("Interaction-coCreationInJointSphere", EX.survey, V),
        ),
        refused(
            "aligned-but-co-destruction",
            "ex:int1 ckm:valueOutcome ckm:ValueCoCreation .",
            "ex:int1 ckm:valueOutcome ckm:ValueCoDestruction .",
            ("Interaction-alignedNotCoDestruction", EX.int1, V),
        ),
        refused(
            "misaligned-but-co-creation",
            "ex:int2 ckm:valueOutcome ckm:ValueCoDestruction .",
            "ex:int2 ckm:valueOutcome ckm:ValueCoCreation .",
            ("Interaction-misalignedNotCoCreation", EX.int2, V),
        ),
        # --- Driver assessment
        refused(
            "assessment-without-interaction",
            "ex:da1 ckm:assessedIn ex:int1 .",
            "",
            ("DriverAssessment-assessedIn", EX.da1, V),
            # Without an interaction its sphere cannot be the joint sphere.
            ("DriverAssessment-jointSphere", EX.da1, W),
        ),
        refused(
            "assessment-of-two-interactions",
            "",
            "ex:da1 ckm:assessedIn ex:int2 .",
            ("DriverAssessment-assessedIn", EX.da1, V),
            # Customer involvement belongs to diagnosing and designing, not recorded in ex:int2.
            ("DriverAssessment-driverOfRecordedPractice", EX.da1, W),
        ),
        refused(
            "assessment-of-a-customer",
            "ex:da1 ckm:assessedIn ex:int1 .",
            "ex:da1 ckm:assessedIn ex:si1 .",
            ("DriverAssessment-assessedIn", EX.da1, V),
            ("DriverAssessment-jointSphere", EX.da1, W),
        ),
        refused(
            "assessment-without-driver",
            "ex:da1 ckm:driver ckm:CustomerInvolvement .",
            "",
            ("DriverAssessment-driver", EX.da1, V),
        ),
        refused(
            "driver-not-in-list",
            "ex:da1 ckm:driver ckm:CustomerInvolvement .",
            "ex:da1 ckm:driver ckm:DiagnosingAndDesigning .",
            ("DriverAssessment-driver", EX.da1, V),
        ),
        refused(
            "two-drivers",
            "",
            "ex:da1 ckm:driver ckm:Collaboration .",
            ("DriverAssessment-driver", EX.da1, V),
        ),
        refused(
            "assessment-without-performance",
            "ex:da1 ckm:performance ckm:Sufficient .",
            "",
            ("DriverAssessment-performance", EX.da1, V),
        ),
        refused(
            "performance-not-in-list",
            "ex:da1 ckm:performance ckm:Sufficient .",
            "ex:da1 ckm:performance ckm:Aligned .",
            ("DriverAssessment-performance", EX.da1, V),
        ),
        refused(
            "two-performances",
            "",
            "ex:da3 ckm:performance ckm:Sufficient .",
            ("DriverAssessment-performance", EX.da3, V),
        ),
        refused(
            "assessment-with-outcome",
            "",
            "ex:da3 ckm:valueOutcome ckm:ValueCoDestruction .",
            ("DriverAssessment-noOutcome", EX.da3, V),
        ),
        refused(
            "assessment-by-the-firm",
            "ex:da1 ckm:evaluatedBy ex:si1 .",
            "ex:da1 ckm:evaluatedBy ex:techco .",
            ("DriverAssessment-evaluatedBy", EX.da1, V),
        ),
        refused(
            "assessment-without-evaluator",
            "ex:da1 ckm:evaluatedBy ex:si1 .",
            "",
            ("DriverAssessment-evaluatorNamed", EX.da1, W),
        ),
        refused(
            "assessment-outside-joint-sphere",
            "",
            "ex:da4 a ckm:DriverAssessment ; ckm:assessedIn ex:survey ; ckm:driver ckm:Support ;"
            " ckm:performance ckm:Sufficient ; ckm:evaluatedBy ex:si1 .",
            ("DriverAssessment-jointSphere", EX.da4, W),
        ),
        refused(
            "insufficient-driver-in-aligned-interaction",
            "ex:da1 ckm:performance ckm:Sufficient .",
            "ex:da1 ckm:performance ckm:Insufficient .",
            ("DriverAssessment-insufficientButAligned", EX.da1, W),
        ),
        refused(
            "driver-of-a-practice-not-recorded",
            "ex:da2 ckm:driver ckm:Informing .",
            "ex:da2 ckm:driver ckm:JointMarketing .",
            ("DriverAssessment-driverOfRecordedPractice", EX.da2, W),
        ),
        # ckm:hasDriver is the inverse of ckm:driverOf; either direction links a driver to
        # its practice. ex:newDriver is not one of the eleven drivers in either case.
        refused(
            "new-driver-of-an-unrecorded-practice",
            "ex:da2 ckm:driver ckm:Informing .",
            "ex:da2 ckm:driver ex:newDriver . ex:newDriver ckm:driverOf ckm:PromotingAndSharing .",
            ("DriverAssessment-driver", EX.da2, V),
            ("DriverAssessment-driverOfRecordedPractice", EX.da2, W),
        ),
        refused(
            "new-driver-linked-from-a-recorded-practice",
            "ex:da2 ckm:driver ckm:Informing .",
            "ex:da2 ckm:driver ex:newDriver ."
            " ckm:ProducingAndImplementing ckm:hasDriver ex:newDriver .",
            ("DriverAssessment-driver", EX.da2, V),
        ),
    )
