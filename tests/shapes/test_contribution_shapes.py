"""Shapes of contributions: only active customers contribute, in one value area."""

from __future__ import annotations

from tests.shapes.cases import EX, INFO, ConceptExamples, V, W, accepted, refused


class TestContribution(ConceptExamples):
    # c1: Acme's idea turned into product development; c2: Acme recommends MedSoft (word of mouth).
    VALID = """
    ex:medsoft a ckm:Firm ; rdfs:label "MedSoft" .
    ex:acme a ckm:Customer ; rdfs:label "Acme Clinic" ; ckm:customerOf ex:medsoft ;
        ckm:customerRole ckm:ActiveCustomerRole .
    ex:bern a ckm:Customer ; rdfs:label "Bern Hospital" ; ckm:customerOf ex:medsoft ;
        ckm:customerRole ckm:PassiveCustomerRole .
    ex:i42 a ckm:Interaction ; ckm:byFirm ex:medsoft ; ckm:withCustomer ex:acme ;
        prov:startedAtTime "2026-03-04T10:00:00Z"^^xsd:dateTime ;
        ckm:channel ckm:Workshop ; ckm:inSphere ckm:JointSphere .
    ex:k1 a ckm:KnowledgeFromCustomers ; ckm:content ckm:Idea ; ckm:knowledgeSource ex:acme ;
        ckm:statement "Export reports as FHIR bundles" ; prov:wasGeneratedBy ex:i42 ;
        ckm:tacitness ckm:Explicit ; ckm:knowledgeLevel ckm:KnowHow ; ckm:storedIn ckm:CRMSystem .
    ex:k2 a ckm:KnowledgeFromCustomers ; ckm:content ckm:Experience ; ckm:knowledgeSource ex:acme ;
        ckm:statement "The new viewer saves five minutes per study" ; prov:wasGeneratedBy ex:i42 ;
        ckm:tacitness ckm:Explicit ; ckm:knowledgeLevel ckm:KnowWhat ; ckm:storedIn ckm:CRMSystem .
    ex:c1 a ckm:Contribution ; ckm:contributedBy ex:acme ; ckm:contributionTo ex:medsoft ;
        ckm:valueArea ckm:OperativeArea ; ckm:contributionKind ckm:ProductDevelopment ;
        ckm:basedOnKnowledge ex:k1 ; dcterms:date "2026-04-01"^^xsd:date .
    ex:c2 a ckm:Contribution ; ckm:contributedBy ex:acme ; ckm:valueArea ckm:OperativeArea ;
        ckm:contributionKind ckm:WordOfMouth ; ckm:basedOnKnowledge ex:k2 .
    """

    ACCEPTED = (
        accepted(
            "from-a-knowledge-partner",
            drop="ex:acme ckm:customerRole ckm:ActiveCustomerRole .",
            add="ex:acme ckm:customerRole ckm:KnowledgePartnerRole ; ckm:hasMotive"
            " ckm:TrustfulPartnershipMotive .",
        ),
        accepted("without-kind", drop="ex:c1 ckm:contributionKind ckm:ProductDevelopment ."),
        accepted(
            "two-strategic-kinds",
            drop="ex:c1 ckm:valueArea ckm:OperativeArea . ex:c1 ckm:contributionKind"
            " ckm:ProductDevelopment .",
            add="ex:c1 ckm:valueArea ckm:StrategicArea ; ckm:contributionKind ckm:EarlyWarning ,"
            " ckm:MarketExpansion .",
        ),
        accepted(
            "date-time",
            drop='ex:c1 dcterms:date "2026-04-01"^^xsd:date .',
            add='ex:c1 dcterms:date "2026-04-01T09:00:00Z"^^xsd:dateTime .',
        ),
    )

    REFUSED = (
        refused(
            "no-contributor",
            "ex:c1 ckm:contributedBy ex:acme .",
            "",
            ("Contribution-contributedBy", EX.c1, V),
            # No contributor, so no active contributor either.
            ("Contribution-activeContributor", EX.c1, V),
        ),
        refused(
            "two-contributors",
            "",
            'ex:c1 ckm:contributedBy ex:zug . ex:zug a ckm:Customer ; rdfs:label "Zug" ;'
            " ckm:customerOf ex:medsoft ; ckm:customerRole ckm:ActiveCustomerRole .",
            ("Contribution-contributedBy", EX.c1, V),
        ),
        refused(
            "contributor-is-a-firm",
            "ex:c1 ckm:contributedBy ex:acme .",
            "ex:c1 ckm:contributedBy ex:medsoft .",
            ("Contribution-contributedBy", EX.c1, V),
            ("Contribution-activeContributor", EX.c1, V),
        ),
        refused(
            "from-a-passive-customer",
            "ex:c1 ckm:contributedBy ex:acme .",
            "ex:c1 ckm:contributedBy ex:bern .",
            ("Contribution-activeContributor", EX.c1, V),
        ),
        refused(
            "from-a-customer-without-role",
            "ex:acme ckm:customerRole ckm:ActiveCustomerRole .",
            "",
            ("Contribution-activeContributor", EX.c1, V),
            ("Contribution-activeContributor", EX.c2, V),
        ),
        refused(
            "no-value-area",
            "ex:c1 ckm:valueArea ckm:OperativeArea .",
            "",
            ("Contribution-valueArea", EX.c1, V),
            # The kind's area (operative) no longer equals the recorded (missing) area.
            ("Contribution-kindArea-valueArea", EX.c1, W),
        ),
        refused(
            "value-area-not-in-list",
            "ex:c1 ckm:valueArea ckm:OperativeArea .",
            "ex:c1 ckm:valueArea ckm:JointSphere .",
            ("Contribution-valueArea", EX.c1, V),
            ("Contribution-kindArea-valueArea", EX.c1, W),
        ),
        refused(
            "two-value-areas",
            "",
            "ex:c1 ckm:valueArea ckm:StrategicArea .",
            ("Contribution-valueArea", EX.c1, V),
            ("Contribution-kindArea-valueArea", EX.c1, W),
        ),
        refused(
            "kind-not-in-list",
            "ex:c1 ckm:contributionKind ckm:ProductDevelopment .",
            "ex:c1 ckm:contributionKind ckm:Idea .",
            ("Contribution-contributionKind", EX.c1, V),
            ("Contribution-kindArea-valueArea", EX.c1, W),
        ),
        refused(
            "kind-of-another-value-area",
            "ex:c1 ckm:contributionKind ckm:ProductDevelopment .",
            "ex:c1 ckm:contributionKind ckm:EarlyWarning .",
            ("Contribution-kindArea-valueArea", EX.c1, W),
        ),
        refused(
            "based-on-an-interaction",
            "ex:c1 ckm:basedOnKnowledge ex:k1 .",
            "ex:c1 ckm:basedOnKnowledge ex:i42 .",
            ("Contribution-basedOnKnowledge", EX.c1, V),
        ),
        refused(
            "date-as-text",
            'ex:c1 dcterms:date "2026-04-01"^^xsd:date .',
            'ex:c1 dcterms:date "April 2026" .',
            ("Contribution-date", EX.c1, V),
        ),
        refused(
            "two-dates",
            "",
            'ex:c1 dcterms:date "2026-04-02"^^xsd:date .',
            ("Contribution-date", EX.c1, V),
        ),
        refused(
            "for-a-customer",
            "ex:c1 ckm:contributionTo ex:medsoft .",
            "ex:c1 ckm:contributionTo ex:bern .",
            ("Contribution-contributionTo", EX.c1, V),
        ),
        refused(
            "for-two-firms",
            "",
            'ex:c1 ckm:contributionTo ex:other . ex:other a ckm:Firm ; rdfs:label "Other" .',
            ("Contribution-contributionTo", EX.c1, V),
        ),
        refused(
            "word-of-mouth-on-know-how",
            "ex:c2 ckm:basedOnKnowledge ex:k2 .",
            "ex:c2 ckm:basedOnKnowledge ex:k1 .",
            ("Contribution-wordOfMouthKnowWhat", EX.c2, INFO),
        ),
        refused(
            "typed-only-strategic-and-passive",
            "ex:c1 a ckm:Contribution . ex:c1 ckm:contributedBy ex:acme .",
            "ex:c1 a ckm:StrategicContribution ; ckm:contributedBy ex:bern .",
            # A defined class without a reasoner: its members still get the contribution rules.
            ("Contribution-activeContributor", EX.c1, V),
        ),
    )
