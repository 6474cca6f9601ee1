"""Shapes of the open lists (issue 17 E2): members of an open SKOS scheme are accepted,
a firm's own concepts included; a design parameter given in words is kept with a warning.

The firm MedSoft has added a concept to four open schemes, as ``ckm concepts add`` writes
them: the RI practice "joint budgeting" (seed 004 l.348: "RI practices can be different in
other contexts"), the motive "regional pride", the extrinsic reward "training voucher" and
the local design "the customer's clinic" (seed 000 l.175: places "for example").
"""

from __future__ import annotations

from tests.shapes.cases import EX, ConceptExamples, V, W, accepted, refused

SKOS = "<http://www.w3.org/2004/02/skos/core#"


def skos(local: str) -> str:
    return f"{SKOS}{local}>"


class TestOpenSchemes(ConceptExamples):
    VALID = f"""
    # Trust recorded (seed 000 l.216), so the trust Warning stays silent.
    ex:t1 a ckm:TrustAssessment ; rdfs:label "Trust in MedSoft's partnership with Acme" ;
        ckm:trustIn ex:p1 ; ckm:trustLevel ckm:HighTrust ; dcterms:date "2021-12-01"^^xsd:date .
    ex:medsoft a ckm:Firm ; rdfs:label "MedSoft" .
    ex:budgeting a ckm:ResourceIntegratingPractice , {skos("Concept")} ;
        {skos("inScheme")} ckm:ResourceIntegratingPracticeScheme .
    ex:pride a ckm:Motive , {skos("Concept")} ; {skos("inScheme")} ckm:MotiveScheme .
    ex:voucher a ckm:ExtrinsicReward , {skos("Concept")} ;
        {skos("inScheme")} ckm:ExtrinsicRewardScheme .
    ex:clinic a ckm:LocalDesign , {skos("Concept")} ;
        {skos("inScheme")} ckm:PartnershipDesignScheme .
    ex:acme a ckm:Customer ; rdfs:label "Acme Clinic" ; ckm:customerOf ex:medsoft ;
        ckm:customerRole ckm:KnowledgePartnerRole ;
        ckm:hasMotive ex:pride , ckm:TrustfulPartnershipMotive ;
        ckm:receivesReward ex:voucher .
    ex:i1 a ckm:Interaction ; ckm:byFirm ex:medsoft ; ckm:withCustomer ex:acme ;
        prov:startedAtTime "2026-03-04T10:00:00Z"^^xsd:dateTime ;
        ckm:channel ckm:Workshop ; ckm:inSphere ckm:JointSphere ;
        ckm:riPractice ex:budgeting , ckm:DiagnosingAndDesigning .
    ex:p1 a ckm:KnowledgePartnership ; ckm:partnerFirm ex:medsoft ; ckm:partner ex:acme ;
        ckm:since "2022-01-15"^^xsd:date ;
        ckm:temporalDesign ckm:SituationalRegularTiming ; ckm:socialDesign ckm:NarrowCustomerBase ;
        ckm:localDesign ex:clinic ; ckm:methodicalDesign ckm:WorkshopMethod ;
        ckm:fitsMotive ex:pride ; ckm:businessArea "Product development" .
    ex:w1 a ckm:Interaction ; ckm:byFirm ex:medsoft ; ckm:withCustomer ex:acme ;
        prov:startedAtTime "2025-11-04T10:00:00Z"^^xsd:dateTime ;
        ckm:channel ckm:Workshop ; ckm:inSphere ckm:JointSphere ; ckm:partOfPartnership ex:p1 .
    ex:w2 a ckm:Interaction ; ckm:byFirm ex:medsoft ; ckm:withCustomer ex:acme ;
        prov:startedAtTime "2026-02-10T10:00:00Z"^^xsd:dateTime ;
        ckm:channel ckm:SiteVisit ; ckm:inSphere ckm:JointSphere ; ckm:partOfPartnership ex:p1 .
    """

    ACCEPTED = (
        # A description beside a category is no warning: the category says what it is.
        accepted("description-beside-a-category", add='ex:p1 ckm:localDesignDescription "x" .'),
        accepted("description-in-a-language", add='ex:p1 ckm:localDesignDescription "Klinik"@de .'),
        accepted(
            "the-intrinsic-incentive", add="ex:acme ckm:receivesReward ckm:PublicRecognition ."
        ),
    )

    REFUSED = (
        refused(
            "practice-in-no-scheme",
            f"ex:budgeting {skos('inScheme')} ckm:ResourceIntegratingPracticeScheme .",
            "",
            ("Interaction-riPractice", EX.i1, V),
        ),
        refused(
            "practice-in-another-scheme",
            f"ex:budgeting {skos('inScheme')} ckm:ResourceIntegratingPracticeScheme .",
            f"ex:budgeting {skos('inScheme')} ckm:ChannelScheme .",
            ("Interaction-riPractice", EX.i1, V),
        ),
        refused(
            "motive-not-a-concept",
            "",
            "ex:acme ckm:hasMotive ex:medsoft .",
            ("Customer-hasMotive", EX.acme, V),
        ),
        refused(
            "partnership-motive-outside-the-scheme",
            "",
            "ex:p1 ckm:fitsMotive ckm:Intrinsic .",
            ("KnowledgePartnership-fitsMotive", EX.p1, V),
        ),
        refused(
            "reward-outside-both-incentive-schemes",
            "",
            "ex:acme ckm:receivesReward ex:pride .",
            ("Customer-receivesReward", EX.acme, V),
        ),
        refused(
            "local-design-in-words-only",
            "ex:p1 ckm:localDesign ex:clinic .",
            'ex:p1 ckm:localDesignDescription "the clinic and informal dinners" .',
            ("KnowledgePartnership-designDescribedOnly", EX.p1, W),
            ("KnowledgePartnership-localDesign", EX.p1, W),
        ),
        refused(
            "description-not-text",
            "",
            "ex:p1 ckm:methodicalDesignDescription 5 .",
            ("KnowledgePartnership-designDescriptionText", EX.p1, V),
        ),
    )


def test_the_warning_names_the_parameter_and_keeps_the_description(validate, variant):
    data = variant(
        TestOpenSchemes.VALID,
        "ex:p1 ckm:temporalDesign ckm:SituationalRegularTiming .",
        'ex:p1 ckm:temporalDesignDescription "after each trade fair" .',
    )
    (message,) = [r.message for r in validate(data) if r.source_shape.endswith("DescribedOnly")]
    assert message.startswith(
        "No category given for temporalDesign: the description 'after each trade fair' is kept."
    )
