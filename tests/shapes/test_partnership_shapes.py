"""Shapes of knowledge partnerships: partners, the four design parameters and the fit."""

from __future__ import annotations

from tests.shapes.cases import EX, INFO, ConceptExamples, V, W, accepted, refused


class TestPartnership(ConceptExamples):
    # MedSoft's partnership with its knowledge partner Acme, designed in all four parameters,
    # with two workshops so far and the trust recorded before it began.
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
    ex:t1 a ckm:TrustAssessment ; rdfs:label "Trust in MedSoft's partnership with Acme" ;
        ckm:trustIn ex:p1 ; ckm:trustLevel ckm:HighTrust ; dcterms:date "2021-12-01"^^xsd:date .
    ex:w1 a ckm:Interaction ; ckm:byFirm ex:medsoft ; ckm:withCustomer ex:acme ;
        prov:startedAtTime "2025-11-04T10:00:00Z"^^xsd:dateTime ;
        ckm:channel ckm:Workshop ; ckm:inSphere ckm:JointSphere ; ckm:partOfPartnership ex:p1 .
    ex:w2 a ckm:Interaction ; ckm:byFirm ex:medsoft ; ckm:withCustomer ex:acme ;
        prov:startedAtTime "2026-02-10T10:00:00Z"^^xsd:dateTime ;
        ckm:channel ckm:SiteVisit ; ckm:inSphere ckm:JointSphere ; ckm:partOfPartnership ex:p1 .
    """

    ACCEPTED = (
        accepted("two-methods", add="ex:p1 ckm:methodicalDesign ckm:DinnerMethod ."),
        accepted(
            "customer-recorded-from-the-firm-side",
            drop="ex:acme ckm:customerOf ex:medsoft .",
            add="ex:medsoft ckm:hasCustomer ex:acme .",
        ),
        accepted(
            "one-of-the-partner-motives-fits",
            drop="ex:p1 ckm:fitsMotive ckm:AccessToInformationMotive .",
        ),
    )

    REFUSED = (
        # --- Firm and partners
        refused(
            "no-firm",
            "ex:p1 ckm:partnerFirm ex:medsoft .",
            "",
            ("KnowledgePartnership-partnerFirm", EX.p1, V),
            # The workshops can no longer be matched to the partnership's firm.
            ("Interaction-partnershipFirm-byFirm", EX.w1, V),
            ("Interaction-partnershipFirm-byFirm", EX.w2, V),
        ),
        refused(
            "two-firms",
            "",
            "ex:p1 ckm:partnerFirm ex:other . ex:acme ckm:customerOf ex:other .",
            ("KnowledgePartnership-partnerFirm", EX.p1, V),
            ("Interaction-partnershipFirm-byFirm", EX.w1, V),
            ("Interaction-partnershipFirm-byFirm", EX.w2, V),
        ),
        refused(
            "firm-is-a-customer",
            "ex:p1 ckm:partnerFirm ex:medsoft .",
            "ex:p1 ckm:partnerFirm ex:bern .",
            ("KnowledgePartnership-partnerFirm", EX.p1, V),
            ("Interaction-partnershipFirm-byFirm", EX.w1, V),
            ("Interaction-partnershipFirm-byFirm", EX.w2, V),
            ("KnowledgePartnership-partnersAreCustomers", EX.p1, W),
        ),
        refused(
            "no-partner",
            "ex:p1 ckm:partner ex:acme .",
            "",
            ("KnowledgePartnership-partner", EX.p1, V),
        ),
        refused(
            "partner-is-a-firm",
            "",
            "ex:p1 ckm:partner ex:other .",
            ("KnowledgePartnership-partner", EX.p1, V),
            # A firm holds no knowledge-partner role and is no customer of MedSoft.
            ("KnowledgePartnership-partnerRole", EX.p1, V),
            ("KnowledgePartnership-partnersAreCustomers", EX.p1, W),
        ),
        refused(
            "partner-is-only-active",
            "",
            "ex:p1 ckm:partner ex:bern .",
            ("KnowledgePartnership-partnerRole", EX.p1, V),
        ),
        refused(
            "partner-of-another-firm",
            "ex:acme ckm:customerOf ex:medsoft .",
            "ex:acme ckm:customerOf ex:other .",
            ("KnowledgePartnership-partnersAreCustomers", EX.p1, W),
            # The workshops then involve a customer of another firm as well.
            ("Interaction-customerOfFirm", EX.w1, INFO),
            ("Interaction-customerOfFirm", EX.w2, INFO),
        ),
        refused(
            "since-is-a-time",
            'ex:p1 ckm:since "2022-01-15"^^xsd:date .',
            'ex:p1 ckm:since "2022-01-15T00:00:00Z"^^xsd:dateTime .',
            ("KnowledgePartnership-since", EX.p1, V),
        ),
        refused(
            "two-start-dates",
            "",
            'ex:p1 ckm:since "2021-01-15"^^xsd:date .',
            ("KnowledgePartnership-since", EX.p1, V),
        ),
        # --- The four design parameters
        refused(
            "no-temporal-design",
            "ex:p1 ckm:temporalDesign ckm:SituationalRegularTiming .",
            "",
            ("KnowledgePartnership-temporalDesign", EX.p1, W),
        ),
        refused(
            "no-social-design",
            "ex:p1 ckm:socialDesign ckm:NarrowCustomerBase .",
            "",
            ("KnowledgePartnership-socialDesign", EX.p1, W),
        ),
        refused(
            "no-local-design",
            "ex:p1 ckm:localDesign ckm:InformalLocation .",
            "",
            ("KnowledgePartnership-localDesign", EX.p1, W),
        ),
        refused(
            "no-methodical-design",
            "ex:p1 ckm:methodicalDesign ckm:WorkshopMethod .",
            "",
            ("KnowledgePartnership-methodicalDesign", EX.p1, W),
        ),
        refused(
            "temporal-design-is-a-location",
            "ex:p1 ckm:temporalDesign ckm:SituationalRegularTiming .",
            "ex:p1 ckm:temporalDesign ckm:FormalLocation .",
            ("KnowledgePartnership-temporalDesignValue", EX.p1, V),
        ),
        refused(
            "social-design-is-a-timing",
            "ex:p1 ckm:socialDesign ckm:NarrowCustomerBase .",
            "ex:p1 ckm:socialDesign ckm:OneOffTiming .",
            ("KnowledgePartnership-socialDesignValue", EX.p1, V),
        ),
        refused(
            "local-design-is-a-method",
            "ex:p1 ckm:localDesign ckm:InformalLocation .",
            "ex:p1 ckm:localDesign ckm:DinnerMethod .",
            ("KnowledgePartnership-localDesignValue", EX.p1, V),
        ),
        refused(
            "methodical-design-is-a-channel",
            "ex:p1 ckm:methodicalDesign ckm:WorkshopMethod .",
            "ex:p1 ckm:methodicalDesign ckm:Workshop .",
            ("KnowledgePartnership-methodicalDesignValue", EX.p1, V),
        ),
        refused(
            "one-off-partnership",
            "ex:p1 ckm:temporalDesign ckm:SituationalRegularTiming .",
            "ex:p1 ckm:temporalDesign ckm:OneOffTiming .",
            ("KnowledgePartnership-notOneOff", EX.p1, W),
        ),
        # --- Motives, business area, interactions
        refused(
            "fits-a-need-not-a-motive",
            "",
            "ex:p1 ckm:fitsMotive ckm:Autonomy .",
            ("KnowledgePartnership-fitsMotive", EX.p1, V),
        ),
        refused(
            "design-misses-the-partner-motives",
            "ex:p1 ckm:fitsMotive ckm:AccessToInformationMotive , ckm:TrustfulPartnershipMotive .",
            "ex:p1 ckm:fitsMotive ckm:ReputationMotive .",
            ("KnowledgePartnership-motiveFit", EX.p1, W),
        ),
        refused(
            "no-business-area",
            'ex:p1 ckm:businessArea "Product development" .',
            "",
            ("KnowledgePartnership-businessArea", EX.p1, W),
        ),
        refused(
            "business-area-not-text",
            'ex:p1 ckm:businessArea "Product development" .',
            "ex:p1 ckm:businessArea ex:rnd .",
            ("KnowledgePartnership-businessAreaText", EX.p1, V),
        ),
        refused(
            "single-interaction",
            "ex:w2 ckm:partOfPartnership ex:p1 .",
            "",
            ("KnowledgePartnership-repeatedInteraction", EX.p1, W),
        ),
        refused(
            "interaction-by-another-firm",
            "ex:w2 ckm:byFirm ex:medsoft .",
            "ex:w2 ckm:byFirm ex:other . ex:acme ckm:customerOf ex:other .",
            ("Interaction-partnershipFirm-byFirm", EX.w2, V),
        ),
    )
