"""Shapes of the evidence terms and practice details of seed 004: quotes, interviews, value
perceptions, support requests passed on to a third party, iterating interactions."""

from __future__ import annotations

from tests.shapes.cases import EX, ConceptExamples, V, W, accepted, refused

TEXT = '"they will immediately redirect you to the vendor"'
DURATION = "ex:iv1 ckm:durationMinutes 57 ."


class TestEvidence(ConceptExamples):
    # TechCo's account manager, interviewed online, on responsibility (seed 004 l.303); a
    # support request passed on to the video vendor; two perceptions of one integration.
    VALID = """
    ex:techco a ckm:Firm ; rdfs:label "TechCo" .
    ex:si1 a ckm:Customer ; rdfs:label "System Integrator 1" ; ckm:customerOf ex:techco .
    ex:vendor a prov:Agent ; rdfs:label "Video vendor" .
    ex:am a prov:Agent ; rdfs:label "Account manager, TechCo" ; ckm:jobTitle "Account manager" ;
        ckm:side ckm:ProviderSide .
    ex:iv1 a ckm:Interview ; ckm:interviewee ex:am ; ckm:interviewMode ckm:VideoCall ;
        ckm:durationMinutes 57 .
    ex:q12 a ckm:Quote ; ckm:quotedText "they will immediately redirect you to the vendor" ;
        ckm:spokenBy ex:am ; prov:wasGeneratedBy ex:iv1 ; ckm:evidences ckm:Responsibility ;
        ckm:evidencePolarity ckm:Negative ; dcterms:source "seed 004 l.303" .
    ex:int1 a ckm:Interaction ; ckm:byFirm ex:techco ; ckm:withCustomer ex:si1 ;
        prov:startedAtTime "2025-06-02T10:00:00Z"^^xsd:dateTime ;
        ckm:channel ckm:SupportDesk ; ckm:inSphere ckm:JointSphere ;
        ckm:riPractice ckm:SupportingAndAssisting ;
        ckm:redirectedTo ex:vendor ; ckm:requestResolved false ; ckm:frontlineEmployee ex:desk .
    ex:desk a prov:Agent ; rdfs:label "Support employee" ; ckm:informedOfPriority ex:si1 .
    ex:int2 a ckm:Interaction ; ckm:byFirm ex:techco ; ckm:withCustomer ex:si1 ;
        prov:startedAtTime "2025-06-09T10:00:00Z"^^xsd:dateTime ;
        ckm:channel ckm:SupportDesk ; ckm:inSphere ckm:JointSphere ;
        ckm:riPractice ckm:SupportingAndAssisting ; ckm:iteratesWith ex:int1 .
    ex:integration a ckm:Offering ; rdfs:label "ACS-video integration" ;
        ckm:offeredBy ex:techco .
    ex:vp1 a ckm:ValuePerception ; ckm:perceivedBy ex:techco ; ckm:perceptionOf ex:integration ;
        ckm:perceptionPolarity ckm:Positive .
    ex:vp2 a ckm:ValuePerception ; ckm:perceivedBy ex:si1 ; ckm:perceptionOf ex:integration ;
        ckm:perceptionPolarity ckm:Negative .
    ex:init a ckm:CKMInitiative ; rdfs:label "Integration partner programme" ;
        ckm:initiativeOf ex:techco ; ckm:ckmStyle ckm:MutualInnovation ;
        ckm:objective "co-created integrations" ; ckm:participant ex:si1 ;
        ckm:givesBackValueTo ex:si1 .
    ex:m1 a ckm:Measurement ; ckm:measuredFor ex:init ; ckm:ofMetric ckm:ParticipationRate ;
        ckm:measuredValue 55.0 ; dcterms:date "2025-06-30"^^xsd:date .
    """

    ACCEPTED = (
        accepted("quote-without-interview", drop="ex:q12 prov:wasGeneratedBy ex:iv1 ."),
        accepted("interview-without-duration", drop="ex:iv1 ckm:durationMinutes 57 ."),
        accepted("request-resolved", drop="ex:int1 ckm:requestResolved false .",
                 add="ex:int1 ckm:requestResolved true ."),
        accepted("measured-as-an-integer", drop="ex:m1 ckm:measuredValue 55.0 .",
                 add="ex:m1 ckm:measuredValue 55 ."),
    )  # fmt: skip

    REFUSED = (
        refused("measurement-of-a-category", "ex:m1 ckm:ofMetric ckm:ParticipationRate .",
                "ex:m1 ckm:ofMetric ckm:CustomerEngagement .", ("Measurement-ofMetric", EX.m1, V)),
        refused("measurement-for-no-initiative", "ex:m1 ckm:measuredFor ex:init .", "",
                ("Measurement-measuredFor", EX.m1, V)),
        refused("measured-value-as-text", "ex:m1 ckm:measuredValue 55.0 .",
                'ex:m1 ckm:measuredValue "55 %" .', ("Measurement-measuredValue", EX.m1, V)),
        refused("measurement-undated", 'ex:m1 dcterms:date "2025-06-30"^^xsd:date .', "",
                ("Measurement-date", EX.m1, V)),
        refused("quote-without-text", f"ex:q12 ckm:quotedText {TEXT} .", "",
                ("Quote-quotedText", EX.q12, V)),
        refused("quote-with-two-texts", "", 'ex:q12 ckm:quotedText "another text" .',
                ("Quote-quotedText", EX.q12, V)),
        refused("quote-spoken-by-a-practice", "", "ex:q12 ckm:spokenBy ckm:Support .",
                ("Quote-spokenBy", EX.q12, V)),
        refused("quote-about-nothing", "ex:q12 ckm:evidences ckm:Responsibility .", "",
                ("Quote-evidences", EX.q12, W)),
        refused("quote-polarity-not-in-list", "ex:q12 ckm:evidencePolarity ckm:Negative .",
                "ex:q12 ckm:evidencePolarity ckm:Aligned .", ("Quote-evidencePolarity", EX.q12, V)),
        refused("quote-both-positive-and-negative", "",
                "ex:q12 ckm:evidencePolarity ckm:Positive .",
                ("Quote-evidencePolarity", EX.q12, V)),
        refused("quote-without-source", 'ex:q12 dcterms:source "seed 004 l.303" .', "",
                ("Quote-source", EX.q12, W)),
        refused("quote-from-an-interaction", "ex:q12 prov:wasGeneratedBy ex:iv1 .",
                "ex:q12 prov:wasGeneratedBy ex:int1 .", ("Quote-interview", EX.q12, V)),
        refused("interview-without-interviewee", "ex:iv1 ckm:interviewee ex:am .", "",
                ("Interview-interviewee", EX.iv1, V)),
        refused("interview-mode-not-a-channel", "ex:iv1 ckm:interviewMode ckm:VideoCall .",
                "ex:iv1 ckm:interviewMode ckm:Support .", ("Interview-interviewMode", EX.iv1, V)),
        refused("interview-duration-as-text", DURATION, 'ex:iv1 ckm:durationMinutes "57 min" .',
                ("Interview-durationMinutes", EX.iv1, V)),
        refused("interview-duration-negative", DURATION, "ex:iv1 ckm:durationMinutes -5 .",
                ("Interview-durationMinutes", EX.iv1, V)),
        refused("perception-without-actor", "ex:vp1 ckm:perceivedBy ex:techco .", "",
                ("ValuePerception-perceivedBy", EX.vp1, V)),
        refused("perception-of-an-interaction", "ex:vp1 ckm:perceptionOf ex:integration .",
                "ex:vp1 ckm:perceptionOf ex:int1 .", ("ValuePerception-perceptionOf", EX.vp1, V)),
        refused("perception-without-polarity", "ex:vp2 ckm:perceptionPolarity ckm:Negative .", "",
                ("ValuePerception-polarity", EX.vp2, V)),
        refused("resolved-as-text", "ex:int1 ckm:requestResolved false .",
                'ex:int1 ckm:requestResolved "no" .', ("Interaction-requestResolved", EX.int1, V)),
        refused("redirected-to-a-practice", "", "ex:int2 ckm:redirectedTo ckm:Support .",
                ("Interaction-redirectedTo", EX.int2, V)),
        refused("redirected-to-the-firm-itself", "ex:int1 ckm:redirectedTo ex:vendor .",
                "ex:int1 ckm:redirectedTo ex:techco .",
                ("Interaction-redirectedToThirdParty", EX.int1, V)),
        refused("frontline-employee-a-practice", "", "ex:int1 ckm:frontlineEmployee ckm:Support .",
                ("Interaction-frontlineEmployee", EX.int1, V)),
        refused("iterates-with-a-customer", "", "ex:int2 ckm:iteratesWith ex:si1 .",
                ("Interaction-iteratesWith", EX.int2, V)),
    )  # fmt: skip
