"""Shapes of resource integration: practices, alignment, outcomes and driver assessments."""

from __future__ import annotations

from tests.shapes.cases import EX, ConceptExamples, V, W, accepted, refused

PA3 = """ex:pa3 a ckm:PracticeAlignment ; ckm:alignmentIn ex:int2 ;
    ckm:alignedPractice ckm:SupportingAndAssisting ; ckm:alignmentStatus ckm:Misaligned ;
    ckm:againstCustomerPractice ex:vcp3 ; ckm:drivenBy ex:da3 ;
    ckm:resultsIn ckm:ValueCoDestruction ."""


class TestResourceIntegration(ConceptExamples):
    # A co-created integration (van Middendorp's TechCo case): the system integrator judged the
    # diagnosing and producing practices, each against its own practices (seed 004 l.333:
    # alignment is judged per RI practice), and a survey outside the joint sphere.
    VALID = """
    ex:techco a ckm:Firm ; rdfs:label "TechCo" .
    ex:si1 a ckm:Customer ; rdfs:label "System Integrator 1" ; ckm:customerOf ex:techco .
    ex:vcp1 a ckm:ValueCreatingPractice ; rdfs:label "designing possible solutions" ;
        ckm:practiceOf ex:si1 .
    ex:vcp2 a ckm:ValueCreatingPractice ; rdfs:label "convincing the end-customer" ;
        ckm:practiceOf ex:si1 .
    ex:vcp3 a ckm:ValueCreatingPractice ; rdfs:label "servicing and maintaining" ;
        ckm:practiceOf ex:si1 .
    ex:int1 a ckm:Interaction ; ckm:byFirm ex:techco ; ckm:withCustomer ex:si1 ;
        prov:startedAtTime "2025-05-06T09:00:00Z"^^xsd:dateTime ;
        ckm:channel ckm:FaceToFaceMeeting ; ckm:inSphere ckm:JointSphere ;
        ckm:riPractice ckm:DiagnosingAndDesigning , ckm:ProducingAndImplementing ;
        ckm:valueOutcome ckm:ValueCoCreation .
    ex:pa1 a ckm:PracticeAlignment ; ckm:alignmentIn ex:int1 ;
        ckm:alignedPractice ckm:DiagnosingAndDesigning ; ckm:alignmentStatus ckm:Aligned ;
        ckm:againstCustomerPractice ex:vcp1 ; ckm:drivenBy ex:da1 ;
        ckm:resultsIn ckm:ValueCoCreation .
    ex:pa2 a ckm:PracticeAlignment ; ckm:alignmentIn ex:int1 ;
        ckm:alignedPractice ckm:ProducingAndImplementing ; ckm:alignmentStatus ckm:Aligned ;
        ckm:againstCustomerPractice ex:vcp1 ; ckm:drivenBy ex:da2 .
    ex:int2 a ckm:Interaction ; ckm:byFirm ex:techco ; ckm:withCustomer ex:si1 ;
        prov:startedAtTime "2025-06-01T09:00:00Z"^^xsd:dateTime ;
        ckm:channel ckm:SupportDesk ; ckm:inSphere ckm:JointSphere ;
        ckm:riPractice ckm:SupportingAndAssisting ;
        ckm:valueOutcome ckm:ValueCoDestruction .
    ex:pa3 a ckm:PracticeAlignment ; ckm:alignmentIn ex:int2 ;
        ckm:alignedPractice ckm:SupportingAndAssisting ; ckm:alignmentStatus ckm:Misaligned ;
        ckm:againstCustomerPractice ex:vcp3 ; ckm:drivenBy ex:da3 ;
        ckm:resultsIn ckm:ValueCoDestruction .
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
            drop="ex:int2 ckm:riPractice ckm:SupportingAndAssisting . " + PA3,
        ),
        accepted(
            "misaligned-without-outcome", drop="ex:int2 ckm:valueOutcome ckm:ValueCoDestruction ."
        ),
        # E3: two practices of one interaction with different statuses (seed 004 l.333).
        accepted(
            "two-practices-of-one-interaction-with-different-statuses",
            drop="ex:pa2 ckm:alignmentStatus ckm:Aligned .",
            add="ex:pa2 ckm:alignmentStatus ckm:Misaligned .",
        ),
        # One practice fits one customer practice and not another (seed 004 l.277, l.362).
        accepted(
            "one-practice-judged-against-two-customer-practices",
            add="ex:pa4 a ckm:PracticeAlignment ; ckm:alignmentIn ex:int1 ;"
            " ckm:alignedPractice ckm:ProducingAndImplementing ;"
            " ckm:alignmentStatus ckm:Misaligned ; ckm:againstCustomerPractice ex:vcp2 ;"
            " ckm:resultsIn ckm:ValueCoDestruction .",
        ),
    )

    REFUSED = (
        # --- Interaction: practices, outcome, and the deprecated interaction-level alignment
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
            "deprecated-alignment-is-warned",
            "",
            "ex:int1 ckm:alignment ckm:Aligned .",
            ("Interaction-alignmentDeprecated", EX.int1, W),
        ),
        # No longer functional: two values are no Violation in themselves (E3); misaligned
        # with co-creation still is.
        refused(
            "two-deprecated-alignments",
            "",
            "ex:int1 ckm:alignment ckm:Aligned , ckm:Misaligned .",
            ("Interaction-alignmentDeprecated", EX.int1, W),
            ("Interaction-misalignedNotCoCreation", EX.int1, V),
        ),
        refused(
            "alignment-not-in-list",
            "",
            "ex:int1 ckm:alignment ckm:Sufficient .",
            ("Interaction-alignment", EX.int1, V),
            ("Interaction-alignmentDeprecated", EX.int1, W),
        ),
        refused(
            "two-outcomes",
            "",
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
            "ex:int1 ckm:alignment ckm:Aligned ; ckm:valueOutcome ckm:ValueCoDestruction .",
            ("Interaction-alignedNotCoDestruction", EX.int1, V),
            ("Interaction-alignmentDeprecated", EX.int1, W),
        ),
        refused(
            "misaligned-but-co-creation",
            "ex:int2 ckm:valueOutcome ckm:ValueCoDestruction .",
            "ex:int2 ckm:alignment ckm:Misaligned ; ckm:valueOutcome ckm:ValueCoCreation .",
            ("Interaction-misalignedNotCoCreation", EX.int2, V),
            ("Interaction-alignmentDeprecated", EX.int2, W),
        ),
        # --- Practice alignment (E3)
        refused(
            "practice-alignment-without-interaction",
            "ex:pa1 ckm:alignmentIn ex:int1 .",
            "",
            ("PracticeAlignment-alignmentIn", EX.pa1, V),
        ),
        refused(
            "practice-alignment-of-two-practices",
            "",
            "ex:pa1 ckm:alignedPractice ckm:ProducingAndImplementing .",
            ("PracticeAlignment-alignedPractice", EX.pa1, V),
            # Customer involvement sits beneath diagnosing and designing only.
            ("PracticeAlignment-driverOfThePractice", EX.pa1, V),
        ),
        refused(
            "practice-alignment-of-a-driver",
            "ex:pa1 ckm:alignedPractice ckm:DiagnosingAndDesigning .",
            "ex:pa1 ckm:alignedPractice ckm:Support .",
            ("PracticeAlignment-alignedPractice", EX.pa1, V),
            ("PracticeAlignment-practiceOfInteraction", EX.pa1, V),
            ("PracticeAlignment-driverOfThePractice", EX.pa1, V),
        ),
        refused(
            "practice-alignment-of-a-practice-not-enacted",
            "ex:pa2 ckm:alignedPractice ckm:ProducingAndImplementing .",
            "ex:pa2 ckm:alignedPractice ckm:PromotingAndSharing .",
            ("PracticeAlignment-practiceOfInteraction", EX.pa2, V),
            ("PracticeAlignment-driverOfThePractice", EX.pa2, V),
        ),
        refused(
            "practice-alignment-without-status",
            "ex:pa2 ckm:alignmentStatus ckm:Aligned .",
            "",
            ("PracticeAlignment-alignmentStatus", EX.pa2, V),
        ),
        refused(
            "practice-alignment-with-two-statuses",
            "",
            "ex:pa1 ckm:alignmentStatus ckm:Misaligned .",
            ("PracticeAlignment-alignmentStatus", EX.pa1, V),
            ("PracticeAlignment-misalignedNotCoCreation", EX.pa1, V),
        ),
        refused(
            "practice-alignment-status-not-in-list",
            "ex:pa2 ckm:alignmentStatus ckm:Aligned .",
            "ex:pa2 ckm:alignmentStatus ckm:Sufficient .",
            ("PracticeAlignment-alignmentStatus", EX.pa2, V),
        ),
        refused(
            "aligned-practice-destroys-value",
            "ex:pa1 ckm:resultsIn ckm:ValueCoCreation .",
            "ex:pa1 ckm:resultsIn ckm:ValueCoDestruction .",
            ("PracticeAlignment-alignedNotCoDestruction", EX.pa1, V),
        ),
        refused(
            "misaligned-practice-co-creates-value",
            "ex:pa3 ckm:resultsIn ckm:ValueCoDestruction .",
            "ex:pa3 ckm:resultsIn ckm:ValueCoCreation .",
            ("PracticeAlignment-misalignedNotCoCreation", EX.pa3, V),
        ),
        refused(
            "practice-outcome-not-in-list",
            "ex:pa1 ckm:resultsIn ckm:ValueCoCreation .",
            "ex:pa1 ckm:resultsIn ckm:Aligned .",
            ("PracticeAlignment-resultsIn", EX.pa1, V),
        ),
        refused(
            "explained-by-an-assessment-of-another-interaction",
            "",
            "ex:pa3 ckm:drivenBy ex:da1 .",
            ("PracticeAlignment-driverOfThePractice", EX.pa3, V),
        ),
        refused(
            "explained-by-a-driver-of-another-practice",
            "",
            "ex:pa1 ckm:drivenBy ex:da2 .",
            ("PracticeAlignment-driverOfThePractice", EX.pa1, V),
        ),
        refused(
            "explained-by-something-else",
            "",
            "ex:pa1 ckm:drivenBy ex:si1 .",
            ("PracticeAlignment-drivenBy", EX.pa1, V),
            ("PracticeAlignment-driverOfThePractice", EX.pa1, V),
        ),
        refused(
            "customer-practice-not-named",
            "ex:pa2 ckm:againstCustomerPractice ex:vcp1 .",
            "",
            ("PracticeAlignment-customerPracticeNamed", EX.pa2, W),
        ),
        refused(
            "against-something-else",
            "ex:pa2 ckm:againstCustomerPractice ex:vcp1 .",
            "ex:pa2 ckm:againstCustomerPractice ex:si1 .",
            ("PracticeAlignment-againstCustomerPractice", EX.pa2, V),
            ("PracticeAlignment-customerPracticeOfTheCustomer", EX.pa2, V),
        ),
        refused(
            "against-another-customers-practice",
            "",
            'ex:si2 a ckm:Customer ; rdfs:label "System Integrator 2" ; ckm:customerOf ex:techco .'
            ' ex:vcp9 a ckm:ValueCreatingPractice ; rdfs:label "winning a tender" ;'
            " ckm:practiceOf ex:si2 . ex:pa2 ckm:againstCustomerPractice ex:vcp9 .",
            ("PracticeAlignment-customerPracticeOfTheCustomer", EX.pa2, V),
        ),
        refused(
            "insufficient-driver-explaining-an-aligned-practice",
            "ex:da1 ckm:performance ckm:Sufficient .",
            "ex:da1 ckm:performance ckm:Insufficient .",
            ("PracticeAlignment-alignedDespiteInsufficientDriver", EX.pa1, W),
        ),
        # --- Value-creating practice
        refused(
            "customer-practice-of-no-customer",
            "ex:vcp1 ckm:practiceOf ex:si1 .",
            "",
            ("ValueCreatingPractice-practiceOf", EX.vcp1, V),
            ("PracticeAlignment-customerPracticeOfTheCustomer", EX.pa1, V),
            ("PracticeAlignment-customerPracticeOfTheCustomer", EX.pa2, V),
        ),
        refused(
            "customer-practice-unnamed",
            'ex:vcp2 rdfs:label "convincing the end-customer" .',
            "",
            ("ValueCreatingPractice-label", EX.vcp2, V),
        ),
        # --- Driver assessment
        refused(
            "assessment-without-interaction",
            "ex:da1 ckm:assessedIn ex:int1 .",
            "",
            ("DriverAssessment-assessedIn", EX.da1, V),
            # Without an interaction its sphere cannot be the joint sphere.
            ("DriverAssessment-jointSphere", EX.da1, W),
            # The assessment no longer explains pa1 (E3).
            ("PracticeAlignment-driverOfThePractice", EX.pa1, V),
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
            # The assessment no longer explains pa1 (E3).
            ("PracticeAlignment-driverOfThePractice", EX.pa1, V),
        ),
        refused(
            "assessment-without-driver",
            "ex:da1 ckm:driver ckm:CustomerInvolvement .",
            "",
            ("DriverAssessment-driver", EX.da1, V),
            # The assessment no longer explains pa1 (E3).
            ("PracticeAlignment-driverOfThePractice", EX.pa1, V),
        ),
        refused(
            "driver-not-in-list",
            "ex:da1 ckm:driver ckm:CustomerInvolvement .",
            "ex:da1 ckm:driver ckm:DiagnosingAndDesigning .",
            ("DriverAssessment-driver", EX.da1, V),
            # The assessment no longer explains pa1 (E3).
            ("PracticeAlignment-driverOfThePractice", EX.pa1, V),
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
            "insufficient-driver-in-an-interaction-marked-aligned",
            "ex:da1 ckm:performance ckm:Sufficient .",
            "ex:da1 ckm:performance ckm:Insufficient . ex:int1 ckm:alignment ckm:Aligned .",
            ("DriverAssessment-insufficientButAligned", EX.da1, W),
            ("Interaction-alignmentDeprecated", EX.int1, W),
            ("PracticeAlignment-alignedDespiteInsufficientDriver", EX.pa1, W),
        ),
        refused(
            "driver-of-a-practice-not-recorded",
            "ex:da2 ckm:driver ckm:Informing .",
            "ex:da2 ckm:driver ckm:JointMarketing .",
            ("DriverAssessment-driverOfRecordedPractice", EX.da2, W),
            # The assessment no longer explains pa2 (E3).
            ("PracticeAlignment-driverOfThePractice", EX.pa2, V),
        ),
        # ckm:hasDriver is the inverse of ckm:driverOf; either direction links a driver to
        # its practice. ex:newDriver is not one of the eleven drivers in either case.
        refused(
            "new-driver-of-an-unrecorded-practice",
            "ex:da2 ckm:driver ckm:Informing .",
            "ex:da2 ckm:driver ex:newDriver . ex:newDriver ckm:driverOf ckm:PromotingAndSharing .",
            ("DriverAssessment-driver", EX.da2, V),
            ("DriverAssessment-driverOfRecordedPractice", EX.da2, W),
            # The assessment no longer explains pa2 (E3).
            ("PracticeAlignment-driverOfThePractice", EX.pa2, V),
        ),
        refused(
            "new-driver-linked-from-a-recorded-practice",
            "ex:da2 ckm:driver ckm:Informing .",
            "ex:da2 ckm:driver ex:newDriver ."
            " ckm:ProducingAndImplementing ckm:hasDriver ex:newDriver .",
            ("DriverAssessment-driver", EX.da2, V),
        ),
    )
