"""Shapes of the seed-000 concepts of 2.0.0: Table 1 firm profile, Table 2 identification
criteria, CRM use, purchaser and consumer of an account, resource gaps a contribution fills."""

from __future__ import annotations

from tests.shapes.cases import EX, ConceptExamples, V, accepted, refused


class TestFirmProfile(ConceptExamples):
    # Case A of Lettner et al. (2022) as Table 1 and Table 2 describe it (seed 000 l.80-86,
    # l.121); the base size and integrated count are illustrative (Table 1 gives none).
    VALID = """
    ex:medsoft a ckm:Firm ; rdfs:label "Medical Software Company (A)" ; ckm:country "LI" ;
        ckm:employeeCount "15"^^xsd:nonNegativeInteger ; ckm:businessField "Software" ;
        ckm:ownershipForm "Owner-operated" ; ckm:growthStrategy "Market and product" ;
        ckm:servesTypology ckm:B2C , ckm:B2B ;
        ckm:customerBaseSize "800"^^xsd:nonNegativeInteger ;
        ckm:integratedCustomerCount "40"^^xsd:nonNegativeInteger ;
        ckm:usesCRMFor ckm:OperationalCRMUse ;
        ckm:companyIdentificationCriterion ckm:KnowHowCriterion , ckm:SustainabilityCriterion ;
        ckm:customerIdentificationCriterion ckm:PatienceCriterion ;
        ckm:knowledgePartnerDefinition "The ordinary customer is a passive product receiver." .
    """

    ACCEPTED = (
        accepted("criterion-without-perspective",
                 add="ex:medsoft ckm:identificationCriterion ckm:TrustCriterion ."),
        accepted(
            "integrated-equals-base",
            drop='ex:medsoft ckm:integratedCustomerCount "40"^^xsd:nonNegativeInteger .',
            add='ex:medsoft ckm:integratedCustomerCount "800"^^xsd:nonNegativeInteger .',
        ),
        accepted("no-base-size",
                 drop='ex:medsoft ckm:customerBaseSize "800"^^xsd:nonNegativeInteger .'),
        accepted("identifying-partners-with-crm",
                 add="ex:medsoft ckm:usesCRMFor ckm:KnowledgePartnerIdentificationCRMUse ."),
    )  # fmt: skip

    REFUSED = (
        refused(
            "more-integrated-than-the-base",
            'ex:medsoft ckm:integratedCustomerCount "40"^^xsd:nonNegativeInteger .',
            'ex:medsoft ckm:integratedCustomerCount "801"^^xsd:nonNegativeInteger .',
            ("Firm-integratedWithinBase", EX.medsoft, V),
        ),
        refused(
            "two-base-sizes",
            "",
            'ex:medsoft ckm:customerBaseSize "900"^^xsd:nonNegativeInteger .',
            ("Firm-customerBaseSize", EX.medsoft, V),
        ),
        refused(
            "base-size-as-text",
            'ex:medsoft ckm:customerBaseSize "800"^^xsd:nonNegativeInteger .',
            'ex:medsoft ckm:customerBaseSize "800" .',
            ("Firm-customerBaseSize", EX.medsoft, V),
        ),
        refused(
            "negative-integrated-count",
            'ex:medsoft ckm:integratedCustomerCount "40"^^xsd:nonNegativeInteger .',
            'ex:medsoft ckm:integratedCustomerCount "-1"^^xsd:integer .',
            ("Firm-integratedCustomerCount", EX.medsoft, V),
        ),
        refused(
            "criterion-is-a-motive",
            "",
            "ex:medsoft ckm:customerIdentificationCriterion ckm:ReputationMotive .",
            ("Firm-identificationCriterion", EX.medsoft, V),
        ),
        refused(
            "crm-used-for-a-store",
            "",
            "ex:medsoft ckm:usesCRMFor ckm:CRMSystem .",
            ("Firm-usesCRMFor", EX.medsoft, V),
        ),
        refused(
            "typology-is-a-role",
            "",
            "ex:medsoft ckm:servesTypology ckm:KnowledgePartnerRole .",
            ("Firm-servesTypology", EX.medsoft, V),
        ),
        refused(
            "two-ownership-forms",
            "",
            'ex:medsoft ckm:ownershipForm "Associated Company" .',
            ("Firm-ownershipForm", EX.medsoft, V),
        ),
    )


class TestPurchaserAndConsumer(ConceptExamples):
    # Seed 000 l.135: the hospital buys through its purchasing department; its doctors use the
    # software. Dr Keller, a consumer, takes part in MedSoft's partnership with the hospital.
    VALID = """
    # Trust recorded (seed 000 l.216), so the trust Warning stays silent.
    ex:t1 a ckm:TrustAssessment ; rdfs:label "Trust in MedSoft's partnership with Acme" ;
        ckm:trustIn ex:p1 ; ckm:trustLevel ckm:HighTrust ; dcterms:date "2021-12-01"^^xsd:date .
    ex:medsoft a ckm:Firm ; rdfs:label "MedSoft" .
    ex:acme a ckm:Customer ; rdfs:label "Acme Hospital" ; ckm:customerOf ex:medsoft ;
        ckm:customerRole ckm:KnowledgePartnerRole ;
        ckm:hasMotive ckm:TrustfulPartnershipMotive ;
        ckm:hasPurchaser ex:purchasing ; ckm:hasConsumer ex:keller .
    ex:purchasing a ckm:Purchaser ; rdfs:label "Acme purchasing department" .
    ex:keller a ckm:Consumer ; rdfs:label "Dr Keller" .
    ex:p1 a ckm:KnowledgePartnership ; ckm:partnerFirm ex:medsoft ; ckm:partner ex:acme ;
        ckm:since "2020-01-15"^^xsd:date ;
        ckm:temporalDesign ckm:SituationalRegularTiming ; ckm:socialDesign ckm:NarrowCustomerBase ;
        ckm:localDesign ckm:InformalLocation ; ckm:methodicalDesign ckm:CompanyTourMethod ;
        ckm:fitsMotive ckm:TrustfulPartnershipMotive ; ckm:businessArea "Product development" ;
        ckm:partnershipContact ex:keller .
    ex:w1 a ckm:Interaction ; ckm:byFirm ex:medsoft ; ckm:withCustomer ex:acme ;
        prov:startedAtTime "2025-11-04T10:00:00Z"^^xsd:dateTime ;
        ckm:channel ckm:Workshop ; ckm:inSphere ckm:JointSphere ; ckm:partOfPartnership ex:p1 .
    ex:w2 a ckm:Interaction ; ckm:byFirm ex:medsoft ; ckm:withCustomer ex:acme ;
        prov:startedAtTime "2026-02-10T10:00:00Z"^^xsd:dateTime ;
        ckm:channel ckm:SiteVisit ; ckm:inSphere ckm:JointSphere ; ckm:partOfPartnership ex:p1 .
    """

    ACCEPTED = (
        accepted("purchaser-in-the-partnership",
                 add="ex:p1 ckm:partnershipContact ex:purchasing ."),
        accepted("one-person-buys-and-uses",
                 add="ex:purchasing a ckm:Consumer . ex:acme ckm:hasConsumer ex:purchasing ."),
    )  # fmt: skip

    REFUSED = (
        refused(
            "consumer-not-typed",
            "ex:keller a ckm:Consumer .",
            "",
            ("Customer-hasConsumer", EX.acme, V),
        ),
        refused(
            "purchaser-is-a-firm",
            "",
            "ex:acme ckm:hasPurchaser ex:medsoft .",
            ("Customer-hasPurchaser", EX.acme, V),
        ),
        refused(
            "contact-of-no-partner",
            "",
            'ex:stranger a ckm:Consumer ; rdfs:label "Dr Stranger" .'
            " ex:p1 ckm:partnershipContact ex:stranger .",
            ("KnowledgePartnership-contactOfAPartner", EX.p1, V),
        ),
    )


class TestResourceGap(ConceptExamples):
    # Seed 000 l.143: customers fill the firm's perceived knowledge and resource gaps.
    VALID = """
    ex:medsoft a ckm:Firm ; rdfs:label "MedSoft" .
    ex:other a ckm:Firm ; rdfs:label "Other Software" .
    ex:acme a ckm:Customer ; rdfs:label "Acme Clinic" ; ckm:customerOf ex:medsoft ;
        ckm:customerRole ckm:ActiveCustomerRole .
    ex:gap1 a ckm:ResourceGap ; rdfs:label "No clinical research know-how" ;
        ckm:gapOf ex:medsoft ; ckm:gapInArea "Research and development" .
    ex:gap2 a ckm:ResourceGap ; rdfs:label "Other's gap" ;
        ckm:gapOf ex:other ; ckm:gapInArea "Sales" .
    ex:c1 a ckm:Contribution ; ckm:contributedBy ex:acme ; ckm:contributionTo ex:medsoft ;
        ckm:valueArea ckm:OperativeArea ; ckm:contributionKind ckm:ResearchAndDevelopment ;
        ckm:fillsGap ex:gap1 .
    """

    REFUSED = (
        refused(
            "gap-of-no-firm",
            "ex:gap1 ckm:gapOf ex:medsoft .",
            "",
            ("ResourceGap-gapOf", EX.gap1, V),
        ),
        refused(
            "gap-in-two-areas",
            "",
            'ex:gap1 ckm:gapInArea "Sales" .',
            ("ResourceGap-gapInArea", EX.gap1, V),
        ),
        refused(
            "gap-without-area",
            'ex:gap1 ckm:gapInArea "Research and development" .',
            "",
            ("ResourceGap-gapInArea", EX.gap1, V),
        ),
        refused(
            "fills-another-firms-gap",
            "",
            "ex:c1 ckm:fillsGap ex:gap2 .",
            ("Contribution-fillsGapOfItsFirm", EX.c1, V),
        ),
        refused(
            "fills-a-customer",
            "",
            "ex:c1 ckm:fillsGap ex:acme .",
            ("Contribution-fillsGap", EX.c1, V),
        ),
    )
