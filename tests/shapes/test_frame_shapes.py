"""Shapes of the issue-17 frame concepts: trust, crowding-out factors, partnership risks,
data and knowledge, operant and operand resources, business ecosystem roles."""

from __future__ import annotations

from tests.shapes.cases import EX, ConceptExamples, V, W, accepted, refused

# MedSoft's partnership with Acme, fully designed (the shapes of the partnership itself are
# tested in test_partnership_shapes.py; here it is what trust and risks are recorded for).
PARTNERSHIP = """
    ex:medsoft a ckm:Firm ; rdfs:label "MedSoft" .
    ex:acme a ckm:Customer ; rdfs:label "Acme Clinic" ; ckm:customerOf ex:medsoft ;
        ckm:customerRole ckm:KnowledgePartnerRole ;
        ckm:hasMotive ckm:TrustfulPartnershipMotive .
    ex:p1 a ckm:KnowledgePartnership ; ckm:partnerFirm ex:medsoft ; ckm:partner ex:acme ;
        ckm:since "2022-01-15"^^xsd:date ;
        ckm:temporalDesign ckm:SituationalRegularTiming ; ckm:socialDesign ckm:NarrowCustomerBase ;
        ckm:localDesign ckm:InformalLocation ; ckm:methodicalDesign ckm:WorkshopMethod ;
        ckm:fitsMotive ckm:TrustfulPartnershipMotive ; ckm:businessArea "Product development" .
    ex:w1 a ckm:Interaction ; ckm:byFirm ex:medsoft ; ckm:withCustomer ex:acme ;
        prov:startedAtTime "2025-11-04T10:00:00Z"^^xsd:dateTime ;
        ckm:channel ckm:Workshop ; ckm:inSphere ckm:JointSphere ; ckm:partOfPartnership ex:p1 .
    ex:w2 a ckm:Interaction ; ckm:byFirm ex:medsoft ; ckm:withCustomer ex:acme ;
        prov:startedAtTime "2026-02-10T10:00:00Z"^^xsd:dateTime ;
        ckm:channel ckm:SiteVisit ; ckm:inSphere ckm:JointSphere ; ckm:partOfPartnership ex:p1 .
"""


class TestTrustAssessment(ConceptExamples):
    # Trust in the partnership recorded before it began (seed 000 l.216), and trust in the
    # relationship with Acme recorded a year later.
    VALID = (
        PARTNERSHIP
        + """
    ex:t1 a ckm:TrustAssessment ; rdfs:label "Trust in MedSoft with Acme, Dec 2021" ;
        ckm:trustIn ex:p1 ; ckm:trustLevel ckm:HighTrust ; dcterms:date "2021-12-01"^^xsd:date .
    ex:t2 a ckm:TrustAssessment ; rdfs:label "Trust in Acme, Jan 2023" ;
        ckm:trustIn ex:acme ; ckm:trustLevel ckm:ModerateTrust ;
        dcterms:date "2023-01-10"^^xsd:date .
    """
    )

    ACCEPTED = (
        accepted(
            "a-second-assessment-later",
            add='ex:t3 a ckm:TrustAssessment ; rdfs:label "Trust in MedSoft with Acme, 2024" ; '
            "ckm:trustIn ex:p1 ; ckm:trustLevel ckm:LowTrust ; "
            'dcterms:date "2024-05-02"^^xsd:date .',
        ),
    )

    REFUSED = (
        refused(
            "no-recorded-trust",
            "ex:t1 ckm:trustIn ex:p1 .",
            "ex:t1 ckm:trustIn ex:acme .",
            ("KnowledgePartnership-trustRecorded", EX.p1, W),
        ),
        refused(
            "trust-in-a-firm",
            "ex:t2 ckm:trustIn ex:acme .",
            "ex:t2 ckm:trustIn ex:medsoft .",
            ("TrustAssessment-trustIn", EX.t2, V),
        ),
        refused(
            "trust-in-nothing",
            "ex:t2 ckm:trustIn ex:acme .",
            "",
            ("TrustAssessment-trustIn", EX.t2, V),
        ),
        refused(
            "level-outside-the-scheme",
            "ex:t1 ckm:trustLevel ckm:HighTrust .",
            "ex:t1 ckm:trustLevel ckm:Sufficient .",
            ("TrustAssessment-trustLevel", EX.t1, V),
        ),
        refused(
            "two-levels",
            "",
            "ex:t1 ckm:trustLevel ckm:LowTrust .",
            ("TrustAssessment-trustLevel", EX.t1, V),
        ),
        refused(
            "undated",
            'ex:t1 dcterms:date "2021-12-01"^^xsd:date .',
            "",
            ("TrustAssessment-date", EX.t1, V),
        ),
        refused(
            "dated-as-a-string",
            'ex:t2 dcterms:date "2023-01-10"^^xsd:date .',
            'ex:t2 dcterms:date "10 January 2023" .',
            ("TrustAssessment-date", EX.t2, V),
        ),
    )


class TestCrowdingOutFactor(ConceptExamples):
    # Nothing imposed yet: the partnership and an initiative asking for ideas.
    VALID = (
        PARTNERSHIP
        + """
    ex:t1 a ckm:TrustAssessment ; rdfs:label "Trust in MedSoft with Acme" ;
        ckm:trustIn ex:p1 ; ckm:trustLevel ckm:HighTrust ; dcterms:date "2021-12-01"^^xsd:date .
    ex:ideas a ckm:CKMInitiative ; rdfs:label "Idea contest" ; ckm:initiativeOf ex:medsoft ;
        ckm:ckmStyle ckm:Prosumerism ; ckm:objective "Collect product ideas" ;
        ckm:participant ex:acme ; ckm:givesBackValueTo ex:acme .
    """
    )

    REFUSED = (
        refused(
            "partnership-sets-a-deadline",
            "",
            "ex:p1 ckm:imposesFactor ckm:Deadline .",
            ("ImposesFactor-crowdingOutRisk", EX.p1, W),
        ),
        refused(
            "initiative-evaluates-and-pays",
            "",
            "ex:ideas ckm:imposesFactor ckm:Evaluation , ckm:MonetaryReward .",
            ("ImposesFactor-crowdingOutRisk", EX.ideas, W),
        ),
        refused(
            "imposes-something-that-is-no-factor",
            "",
            "ex:p1 ckm:imposesFactor ckm:Discount .",
            ("ImposesFactor-factor", EX.p1, V),
            ("ImposesFactor-crowdingOutRisk", EX.p1, W),
        ),
        refused(
            "a-customer-imposes",
            "",
            "ex:acme ckm:imposesFactor ckm:Threat .",
            ("ImposesFactorShape", EX.acme, V),
            ("ImposesFactor-crowdingOutRisk", EX.acme, W),
        ),
    )


class TestPartnershipRiskAndEcosystem(ConceptExamples):
    VALID = (
        PARTNERSHIP
        + """
    ex:t1 a ckm:TrustAssessment ; rdfs:label "Trust in MedSoft with Acme" ;
        ckm:trustIn ex:p1 ; ckm:trustLevel ckm:HighTrust ; dcterms:date "2021-12-01"^^xsd:date .
    ex:p1 ckm:observedRisk ckm:KnowledgeOutflowRisk , ckm:DependencyRisk .
    ex:uni a prov:Agent ; rdfs:label "University of Liechtenstein" ;
        ckm:inEcosystemOf ex:medsoft ; ckm:ecosystemRole ckm:ResearchInstitute .
    """
    )

    REFUSED = (
        refused(
            "risk-outside-the-scheme",
            "",
            "ex:p1 ckm:observedRisk ckm:Threat .",
            ("ObservedRisk-risk", EX.p1, V),
        ),
        refused(
            "risk-on-a-customer",
            "",
            "ex:acme ckm:observedRisk ckm:DependencyRisk .",
            ("ObservedRiskShape", EX.acme, V),
        ),
        refused(
            "ecosystem-role-outside-the-scheme",
            "ex:uni ckm:ecosystemRole ckm:ResearchInstitute .",
            "ex:uni ckm:ecosystemRole ckm:KnowledgePartnerRole .",
            ("EcosystemRole-role", EX.uni, V),
        ),
        refused(
            "ecosystem-of-a-customer",
            "ex:uni ckm:inEcosystemOf ex:medsoft .",
            "ex:uni ckm:inEcosystemOf ex:acme .",
            ("EcosystemRole-firm", EX.uni, V),
        ),
        refused(
            "a-partnership-in-an-ecosystem",
            "",
            "ex:p1 ckm:ecosystemRole ckm:Competitor .",
            ("EcosystemRoleShape", EX.p1, V),
        ),
    )


class TestDataAndResources(ConceptExamples):
    # A CRM record about Acme, its perception by MedSoft's account manager, and the know-what
    # learned from it; a product (operand) and an engineer's skills (operant).
    VALID = """
    ex:medsoft a ckm:Firm ; rdfs:label "MedSoft" .
    ex:acme a ckm:Customer ; rdfs:label "Acme Clinic" ; ckm:customerOf ex:medsoft ;
        ckm:customerRole ckm:ActiveCustomerRole .
    ex:d1 a ckm:CustomerData ; rdfs:label "CRM record: Acme's ward sizes" .
    ex:d2 a ckm:CustomerInformation ; rdfs:label "Acme's ward sizes, as read by sales" .
    ex:i42 a ckm:Interaction ; ckm:byFirm ex:medsoft ; ckm:withCustomer ex:acme ;
        prov:startedAtTime "2026-03-04T10:00:00Z"^^xsd:dateTime ;
        ckm:channel ckm:Workshop ; ckm:inSphere ckm:JointSphere .
    ex:k1 a ckm:KnowledgeAboutCustomers ; ckm:content ckm:Preference ; ckm:aboutCustomer ex:acme ;
        ckm:knowledgeSource ex:medsoft ; ckm:statement "Acme plans by ward, not by clinic" ;
        prov:wasGeneratedBy ex:i42 ; ckm:tacitness ckm:Explicit ; ckm:storedIn ckm:CRMSystem ;
        ckm:knowledgeLevel ckm:KnowWhat ; ckm:learnedFrom ex:d2 .
    ex:r1 a ckm:OperandResource ; rdfs:label "Scheduling software licence" .
    ex:r2 a ckm:OperantResource ; rdfs:label "Integration engineers' skills" .
    """

    REFUSED = (
        refused(
            "knowledge-that-is-data",
            "",
            "ex:k1 a ckm:CustomerData .",
            ("CustomerData-notKnowledge", EX.k1, V),
        ),
        refused(
            "learned-by-a-customer",
            "",
            "ex:acme ckm:learnedFrom ex:d2 .",
            ("LearnedFromShape", EX.acme, V),
        ),
        refused(
            "learned-from-a-resource",
            "",
            "ex:acme ckm:learnedFrom ex:r1 .",
            ("LearnedFromShape", EX.acme, V),
            ("LearnedFrom-data", EX.acme, V),
        ),
        refused(
            "learned-from-other-knowledge",
            "ex:k1 ckm:learnedFrom ex:d2 .",
            "ex:k1 ckm:learnedFrom ex:k1 .",
            ("LearnedFrom-data", EX.k1, V),
        ),
        refused(
            "operand-and-operant",
            "",
            "ex:r1 a ckm:OperantResource .",
            ("OperandResource-notOperant", EX.r1, V),
        ),
    )
