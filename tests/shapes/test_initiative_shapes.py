"""Shapes of CKM initiatives: Gibbert's styles, active participants, value given back."""

from __future__ import annotations

from tests.shapes.cases import EX, ConceptExamples, V, W, accepted, refused


class TestInitiative(ConceptExamples):
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
        ckm:targetsSegment ex:clinics ;
        ckm:usesEnabler ckm:Dialogue , ckm:Access , ckm:Transparency , ckm:Involvement .
    ex:i9 a ckm:Interaction ; ckm:byFirm ex:medsoft ; ckm:withCustomer ex:acme ;
        prov:startedAtTime "2026-01-20T14:00:00Z"^^xsd:dateTime ;
        ckm:channel ckm:VideoCall ; ckm:inSphere ckm:JointSphere ;
        ckm:partOfInitiative ex:programme .
    """

    ACCEPTED = (
        accepted(
            "participant-without-a-recorded-role",
            add='ex:zug a ckm:Customer ; rdfs:label "Zug" ; ckm:customerOf'
            " ex:medsoft . ex:programme ckm:participant ex:zug .",
        ),
    )

    REFUSED = (
        refused(
            "no-firm",
            "ex:programme ckm:initiativeOf ex:medsoft .",
            "",
            ("CKMInitiative-initiativeOf", EX.programme, V),
            ("Interaction-initiativeFirm-byFirm", EX.i9, V),
        ),
        refused(
            "two-firms",
            "",
            "ex:programme ckm:initiativeOf ex:other .",
            ("CKMInitiative-initiativeOf", EX.programme, V),
            ("Interaction-initiativeFirm-byFirm", EX.i9, V),
        ),
        refused(
            "firm-is-a-segment",
            "ex:programme ckm:initiativeOf ex:medsoft .",
            "ex:programme ckm:initiativeOf ex:clinics .",
            ("CKMInitiative-initiativeOf", EX.programme, V),
            ("Interaction-initiativeFirm-byFirm", EX.i9, V),
        ),
        refused(
            "no-style",
            "ex:programme ckm:ckmStyle ckm:MutualInnovation , ckm:CommunitiesOfCreation .",
            "",
            ("CKMInitiative-ckmStyle", EX.programme, V),
        ),
        refused(
            "style-not-in-list",
            "",
            "ex:programme ckm:ckmStyle ckm:StrategyDevelopmentProcess .",
            ("CKMInitiative-ckmStyle", EX.programme, V),
        ),
        refused(
            "participant-is-a-firm",
            "",
            "ex:programme ckm:participant ex:other .",
            ("CKMInitiative-participant", EX.programme, V),
        ),
        refused(
            "passive-participant",
            "",
            "ex:programme ckm:participant ex:bern .",
            ("CKMInitiative-activeParticipant", EX.programme, W),
        ),
        refused(
            "gives-value-to-a-firm",
            "",
            "ex:programme ckm:givesBackValueTo ex:other .",
            ("CKMInitiative-givesBackValueTo", EX.programme, V),
        ),
        refused(
            "gives-nothing-back",
            "ex:programme ckm:givesBackValueTo ex:acme .",
            "",
            ("CKMInitiative-givesValueBack", EX.programme, W),
        ),
        refused(
            "no-objective",
            'ex:programme ckm:objective "Co-develop the report export with clinics"@en .',
            "",
            ("CKMInitiative-objective", EX.programme, W),
        ),
        refused(
            "objective-not-text",
            "",
            "ex:programme ckm:objective ckm:Idea .",
            ("CKMInitiative-objectiveText", EX.programme, V),
        ),
        refused(
            "targets-a-customer",
            "",
            "ex:programme ckm:targetsSegment ex:acme .",
            ("CKMInitiative-targetsSegment", EX.programme, V),
        ),
        refused(
            "enabler-not-in-list",
            "",
            "ex:programme ckm:usesEnabler ckm:Workshop .",
            ("CKMInitiative-usesEnabler", EX.programme, V),
        ),
        refused(
            "not-all-four-co-creation-elements",
            "ex:programme ckm:usesEnabler ckm:Involvement .",
            "ex:programme ckm:usesEnabler ckm:RiskBenefitAssessment .",
            ("CKMInitiative-allFourCoCreationElements", EX.programme, W),
        ),
    )
