"""Issue 17, "Where the model contradicts the seeds": one test per contradiction E1-E9.

Each expected verdict is read off the seed line named in the test, and the data goes
through the real write road (``KnowledgeGraph.write``) on the store holding small.ttl
(MedSoft; Acme, a knowledge partner motivated by access to information; Bella, passive;
workshop i42 in the joint sphere; knowledge k7; contribution c1).
"""

from __future__ import annotations

import pytest
from rdflib import URIRef
from rdflib.namespace import SKOS

from kg.errors import ClosedScheme, InconsistentWrite, ValidationRefused
from kg.graph import KnowledgeGraph
from kg.validation.report import ValidationReport
from kg.write.delta import Delta
from tests.kg.conftest import data_quads, turtle_delta

CKM = "https://w3id.org/ckm#"
CKMSH = "https://w3id.org/ckm/shapes#"
EX = "http://example.org/id/"


def verdict(graph: KnowledgeGraph, turtle: str) -> ValidationReport:
    """The report of writing ``turtle`` (refused or accepted)."""
    try:
        return graph.write(turtle_delta(turtle)).report
    except ValidationRefused as refused:
        return refused.report


def found(report: ValidationReport, shape: str) -> list[tuple[str, str]]:
    """(severity, focus node's local name) of the results of the shape ``ckmsh:shape``."""
    return sorted(
        (r.severity, r.focus_node.removeprefix(EX))
        for r in report.results
        if r.source_shape == CKMSH + shape
    )


def definition(graph: KnowledgeGraph, local: str) -> str:
    rows = graph.select(f"SELECT ?d WHERE {{ <{CKM}{local}> <{SKOS.definition}> ?d }}")
    (row,) = rows
    return str(row["d"])


# --- E5 -------------------------------------------------------------------------------


def test_e5_an_interaction_is_not_defined_by_mutual_influence(small: KnowledgeGraph):
    # 004 l.43: in indirect interactions "the customer is the only actor that determines
    # if value will be created"; mutual influence is what makes an interaction direct.
    interaction = definition(small, "Interaction")
    assert "influence" not in interaction
    assert "indirectly" in interaction
    assert "customer alone determines" in definition(small, "IndirectInteraction")


# --- E6 -------------------------------------------------------------------------------

PARTNER = """
ex:dora a ckm:Customer ; rdfs:label "Dora Lab" ; ckm:customerOf ex:medsoft ;
    ckm:customerRole ckm:KnowledgePartnerRole ; ckm:typology ckm:B2B ; ckm:country "CH" ;
    ckm:hasMotive ckm:TrustfulPartnershipMotive , ckm:ReputationMotive .
ex:eric a ckm:Customer ; rdfs:label "Eric GmbH" ; ckm:customerOf ex:medsoft ;
    ckm:customerRole ckm:KnowledgePartnerRole ; ckm:typology ckm:B2B ; ckm:country "DE" .
"""


def test_e6_a_partner_motivated_by_reputation_is_intrinsically_motivated(
    small: KnowledgeGraph,
):
    # 000 l.88: recognition is among the intrinsic incentives. Dora's reputation motive
    # counts; Eric, with no recorded motive, is still warned about.
    report = verdict(small, PARTNER.replace("ckm:TrustfulPartnershipMotive , ", ""))
    assert found(report, "Customer-partnerHasIntrinsicMotive") == [("Warning", "eric")]


def test_e6_public_recognition_is_no_extrinsic_reward(small: KnowledgeGraph):
    report = verdict(small, PARTNER + "ex:dora ckm:receivesReward ckm:PublicRecognition .")
    assert report.accepted
    assert not small.ask(f"ASK {{ <{CKM}PublicRecognition> a <{CKM}ExtrinsicReward> }}")
    assert small.ask(f"ASK {{ <{CKM}PublicRecognition> a <{CKM}IntrinsicIncentive> }}")
    assert small.ask(f"ASK {{ <{CKM}ReputationMotive> <{CKM}motivationType> <{CKM}Intrinsic> }}")


# --- E7 -------------------------------------------------------------------------------

INITIATIVE = """
ex:lab a ckm:CKMInitiative ; rdfs:label "Lab" ; ckm:initiativeOf ex:medsoft ;
    ckm:ckmStyle ckm:MutualInnovation ; ckm:objective "new ideas" ;
    ckm:participant ex:acme ; ckm:usesEnabler {enablers} .
"""


def test_e7_dart_involvement_does_not_replace_risk_benefit_assessment(small: KnowledgeGraph):
    # 002 l.4266-4268: access and transparency enable the customer's assessment of risks
    # and benefits, so involvement stands beside it, not in its place.
    assert "in place of" not in definition(small, "Involvement")
    assert "in place of" not in definition(small, "CoCreationEnabler")


def test_e7_co_creation_needs_all_four_elements(small: KnowledgeGraph):
    # 002 l.5284-5285: co-creation happens "only when all these four elements are
    # considered" - interaction (dialogue), access, transparency and involvement.
    shape = "CKMInitiative-allFourCoCreationElements"
    three = "ckm:Dialogue , ckm:Access , ckm:Transparency"
    assert found(verdict(small, INITIATIVE.format(enablers=three)), shape) == [("Warning", "lab")]
    four = "ckm:Dialogue , ckm:Access , ckm:Transparency , ckm:Involvement"
    assert found(verdict(small, INITIATIVE.format(enablers=four)), shape) == []


# --- E4 -------------------------------------------------------------------------------

SURVEY = """
ex:s1 a ckm:Interaction ; rdfs:label "Survey" ; ckm:byFirm ex:medsoft ;
    ckm:withCustomer ex:acme ; prov:startedAtTime "2026-03-05T10:00:00Z"^^xsd:dateTime ;
    ckm:channel ckm:SurveyForm ; ckm:inSphere ckm:CustomerSphere ; ckm:valueOutcome {outcome} .
"""


def refused(graph: KnowledgeGraph, turtle: str) -> bool:
    """Whether the write road refuses ``turtle`` (a Violation or an inconsistency)."""
    try:
        graph.write(turtle_delta(turtle))
    except (ValidationRefused, InconsistentWrite):
        return True
    return False


def test_e4_a_neutral_outcome_can_be_recorded(small: KnowledgeGraph):
    # 004 l.392: resources "that will have a neutral or even negative impact on the value
    # perception of the customer".
    assert not refused(small, "ex:i42 ckm:valueOutcome ckm:NeutralValueFormation .")
    assert not refused(small, SURVEY.format(outcome="ckm:NeutralValueFormation"))


def test_e4_co_destruction_happens_only_in_the_joint_sphere(small: KnowledgeGraph):
    # 004 l.153: the collaborative RI practices of the joint sphere "can result into
    # either value co-creation or value codestruction"; l.331: resource integration only
    # within this sphere.
    assert refused(small, SURVEY.format(outcome="ckm:ValueCoDestruction"))
    assert not refused(small, "ex:i42 ckm:valueOutcome ckm:ValueCoDestruction .")


# --- E1 -------------------------------------------------------------------------------


def test_e1_no_interaction_with_a_customer_in_the_provider_sphere(small: KnowledgeGraph):
    # 004 l.145: the provider "acts alone in the provider sphere, which is closed to the
    # customer"; a survey the customer answers lies in the customer sphere.
    provider = SURVEY.format(outcome="ckm:NeutralValueFormation").replace(
        "ckm:CustomerSphere", "ckm:ProviderSphere"
    )
    assert found(verdict(small, provider), "Interaction-inSphere") == [("Violation", "s1")]
    assert not refused(small, SURVEY.format(outcome="ckm:NeutralValueFormation"))


# --- E9 -------------------------------------------------------------------------------

WORKSHOP = """
ex:w1 a ckm:Interaction ; rdfs:label "Workshop" ; ckm:byFirm ex:medsoft ;
    ckm:withCustomer {customer} ; prov:startedAtTime "2026-03-06T10:00:00Z"^^xsd:dateTime ;
    ckm:channel ckm:Workshop ; ckm:inSphere ckm:JointSphere ;
    ckm:valueOutcome ckm:ValueCoCreation .
"""


def test_e9_co_creation_needs_an_active_customer(small: KnowledgeGraph):
    # 004 l.33: co-creation "is only possible if the customer ... is willing to act as a
    # value co-creator"; Bella is passive, Acme a knowledge partner.
    shape = "Interaction-coCreationWithActiveCustomers"
    assert found(verdict(small, WORKSHOP.format(customer="ex:bella")), shape) == [
        ("Violation", "w1")
    ]
    assert not refused(small, WORKSHOP.format(customer="ex:acme"))


# Fritz was active until 2025-06-30 and is passive since (E8 and E9 read this history).
FRITZ_ROLES = """
ex:a1 a ckm:CustomerRoleAssignment ; rdfs:label "Fritz active" ; ckm:assignedTo ex:fritz ;
    ckm:assignedRole ckm:ActiveCustomerRole ; ckm:validFrom "2024-01-01"^^xsd:date ;
    ckm:validTo "2025-06-30"^^xsd:date .
ex:a2 a ckm:CustomerRoleAssignment ; rdfs:label "Fritz passive" ; ckm:assignedTo ex:fritz ;
    ckm:assignedRole ckm:PassiveCustomerRole ; ckm:validFrom "2025-07-01"^^xsd:date .
ex:fritz a ckm:Customer ; rdfs:label "Fritz AG" ; ckm:customerOf ex:medsoft ;
    ckm:customerRole ckm:PassiveCustomerRole ; ckm:typology ckm:B2B ; ckm:country "CH" .
"""
FRITZ = (
    FRITZ_ROLES
    + """
ex:w2 a ckm:Interaction ; rdfs:label "Workshop with Fritz" ; ckm:byFirm ex:medsoft ;
    ckm:withCustomer ex:fritz ; prov:startedAtTime "{day}T10:00:00Z"^^xsd:dateTime ;
    ckm:channel ckm:Workshop ; ckm:inSphere ckm:JointSphere ;
    ckm:valueOutcome ckm:ValueCoCreation .
"""
)


def test_e9_the_role_counted_is_the_one_held_on_the_interactions_day(
    small: KnowledgeGraph,
):
    # 004 l.33 with 000 §5.2 (roles change, the history is kept): Fritz was active until
    # 2025-06-30 and is passive since. His co-creation of 2025-03-06 stands; one of
    # 2025-09-01, when he was passive, is refused.
    shape = "Interaction-coCreationWithActiveCustomers"
    assert found(verdict(small, FRITZ.format(day="2025-09-01")), shape) == [("Violation", "w2")]
    assert found(verdict(small, FRITZ.format(day="2025-03-06")), shape) == []
    # An assignment holding on the day decides even against the current role: Fritz
    # recorded as active now, but passive on 2025-09-01.
    active_now = FRITZ.replace(
        "ckm:customerRole ckm:PassiveCustomerRole", "ckm:customerRole ckm:ActiveCustomerRole"
    )
    assert found(verdict(small, active_now.format(day="2025-09-01")), shape) == [
        ("Violation", "w2")
    ]


def test_e9_a_co_creator_who_becomes_passive_keeps_the_history(small: KnowledgeGraph):
    # Acme (knowledge partner) co-creates on 2026-03-06; later the firm records that Acme
    # is passive from 2026-06-01. The role change is accepted, the co-creation stays.
    small.write(turtle_delta(WORKSHOP.format(customer="ex:acme")))
    change = """
    ex:r1 a ckm:CustomerRoleAssignment ; rdfs:label "Acme partner" ; ckm:assignedTo ex:acme ;
        ckm:assignedRole ckm:KnowledgePartnerRole ; ckm:validFrom "2020-01-01"^^xsd:date ;
        ckm:validTo "2026-05-31"^^xsd:date .
    ex:r2 a ckm:CustomerRoleAssignment ; rdfs:label "Acme passive" ; ckm:assignedTo ex:acme ;
        ckm:assignedRole ckm:PassiveCustomerRole ; ckm:validFrom "2026-06-01"^^xsd:date .
    """
    small.write(
        Delta(
            removed=data_quads("ex:acme ckm:customerRole ckm:KnowledgePartnerRole ."),
            added=data_quads("ex:acme ckm:customerRole ckm:PassiveCustomerRole .")
            | turtle_delta(change).added,
        )
    )
    assert small.ask(f"ASK {{ <{EX}w1> <{CKM}valueOutcome> <{CKM}ValueCoCreation> }}")


# --- E8 -------------------------------------------------------------------------------

HISTORY = (
    FRITZ_ROLES
    + """
ex:c9 a ckm:Contribution ; rdfs:label "Early warning" ; ckm:contributedBy ex:fritz ;
    ckm:valueArea ckm:StrategicArea ; ckm:contributionKind ckm:EarlyWarning ;
    dcterms:date "{day}"^^xsd:date .
"""
)


def test_e8_a_contribution_is_checked_against_the_role_held_on_its_date(
    small: KnowledgeGraph,
):
    # ontology/README.md and 000 §5.2: roles change over time and the history is kept.
    # Fritz was active until 2025-06-30 and is passive since: his contribution of
    # 2025-03-01 stands, one of 2025-09-01 is refused.
    shape = "Contribution-activeContributor"
    assert found(verdict(small, HISTORY.format(day="2025-09-01")), shape) == [("Violation", "c9")]
    assert found(verdict(small, HISTORY.format(day="2025-03-01")), shape) == []


PARTNERSHIP = """
ex:h1 a ckm:CustomerRoleAssignment ; rdfs:label "Acme partner" ; ckm:assignedTo ex:acme ;
    ckm:assignedRole ckm:KnowledgePartnerRole ; ckm:validFrom "2020-01-01"^^xsd:date ;
    ckm:validTo "{end}"^^xsd:date .
ex:h2 a ckm:CustomerRoleAssignment ; rdfs:label "Acme active" ; ckm:assignedTo ex:acme ;
    ckm:assignedRole ckm:ActiveCustomerRole ; ckm:validFrom "2025-01-01"^^xsd:date .
ex:p9 a ckm:KnowledgePartnership ; rdfs:label "MedSoft with Acme" ;
    ckm:partnerFirm ex:medsoft ; ckm:partner ex:acme ; ckm:since "2021-05-01"^^xsd:date .
"""


def test_e8_a_partnership_is_checked_against_the_role_held_in_its_time(
    small: KnowledgeGraph,
):
    # Acme was a knowledge partner from 2020 and is only active since 2025: the
    # partnership begun in 2021 stands; had the partner role ended in 2020, it would not.
    small.write(
        Delta(
            removed=data_quads("ex:acme ckm:customerRole ckm:KnowledgePartnerRole ."),
            added=data_quads("ex:acme ckm:customerRole ckm:ActiveCustomerRole ."),
        )
    )
    shape = "KnowledgePartnership-partnerRole"
    assert found(verdict(small, PARTNERSHIP.format(end="2020-12-31")), shape) == [
        ("Violation", "p9")
    ]
    assert found(verdict(small, PARTNERSHIP.format(end="2024-12-31")), shape) == []


# --- E2 -------------------------------------------------------------------------------


def test_e2_an_ri_practice_a_firm_added_is_accepted(small: KnowledgeGraph):
    # 004 l.348: "RI practices can be different in other contexts". A practice outside
    # the four is refused until the firm's admin adds it to the scheme, then accepted.
    shape = "Interaction-riPractice"
    outside = f"<{EX}joint-budgeting>"
    assert found(verdict(small, f"ex:i42 ckm:riPractice {outside} ."), shape) == [
        ("Violation", "i42")
    ]
    iri, _receipt = small.add_concept(
        "ResourceIntegratingPracticeScheme",
        "Joint budgeting",
        "Provider and customer plan the integration's budget together.",
    )
    assert found(verdict(small, f"ex:i42 ckm:riPractice <{iri}> ."), shape) == []
    assert (iri, SKOS.inScheme, URIRef(CKM + "ResourceIntegratingPracticeScheme")) in {
        q[:3] for q in small.description(iri)
    }


def test_e2_a_design_parameter_in_words_is_kept_with_a_warning(small: KnowledgeGraph):
    # 000 l.175: the places of the local design are examples ("for example ... in
    # restaurants, the companies themselves, hotels"); a firm's own words are kept.
    report = verdict(
        small,
        'ex:p8 a ckm:KnowledgePartnership ; rdfs:label "Clinic partnership" ; '
        'ckm:partnerFirm ex:medsoft ; ckm:partner ex:acme ; ckm:since "2024-01-15"^^xsd:date ; '
        'ckm:localDesign "the clinic and informal dinners" .',
    )
    assert report.accepted
    assert found(report, "KnowledgePartnership-designDescribedOnly") == [("Warning", "p8")]
    described = small.select(f"SELECT ?d WHERE {{ <{EX}p8> <{CKM}localDesignDescription> ?d }}")
    assert [str(r["d"]) for r in described] == ["the clinic and informal dinners"]


def test_e2_a_closed_list_still_refuses_an_unknown_member(small: KnowledgeGraph):
    # 004 l.107-109, l.145: provider, joint and customer sphere are the three spheres;
    # the list stays closed, and no admin can add a fourth.
    shape = "Interaction-inSphere"
    report = verdict(small, f"ex:i42 ckm:inSphere <{EX}market-sphere> .")
    assert ("Violation", "i42") in found(report, shape)
    with pytest.raises(ClosedScheme):
        small.add_concept("ValueSphereScheme", "Market sphere", "Where markets meet.")


# --- E3 -------------------------------------------------------------------------------

PRACTICES = """
ex:i42 ckm:riPractice ckm:DiagnosingAndDesigning , ckm:ProducingAndImplementing .
ex:vp1 a ckm:ValueCreatingPractice ; rdfs:label "planning patient reports" ;
    ckm:practiceOf ex:acme .
ex:vp2 a ckm:ValueCreatingPractice ; rdfs:label "convincing its own patients' insurers" ;
    ckm:practiceOf ex:acme .
ex:pa1 a ckm:PracticeAlignment ; rdfs:label "D&D in i42" ; ckm:alignmentIn ex:i42 ;
    ckm:alignedPractice ckm:DiagnosingAndDesigning ; ckm:alignmentStatus ckm:Aligned ;
    ckm:againstCustomerPractice ex:vp1 ; ckm:resultsIn ckm:ValueCoCreation .
ex:pa2 a ckm:PracticeAlignment ; rdfs:label "P&I in i42" ; ckm:alignmentIn ex:i42 ;
    ckm:alignedPractice ckm:ProducingAndImplementing ; ckm:alignmentStatus ckm:Misaligned ;
    ckm:againstCustomerPractice ex:vp2 ; ckm:resultsIn ckm:ValueCoDestruction .
"""


def test_e3_two_practices_of_one_interaction_are_judged_each_on_its_own(
    small: KnowledgeGraph,
):
    # 004 l.333: "the level of alignment between these four RI practices and the practices
    # within the value creating process of the customer decides" the outcome; l.362: one
    # practice misaligned with one customer practice destroys value. Under 1.0.0 the one,
    # functional ckm:alignment of i42 could not be both aligned and misaligned (the two
    # values are different individuals: the write was inconsistent).
    report = small.write(turtle_delta(PRACTICES)).report
    assert report.accepted and not report.results
    rows = small.select(
        f"""SELECT ?practice ?status ?outcome WHERE {{
            ?a <{CKM}alignmentIn> <{EX}i42> ; <{CKM}alignedPractice> ?practice ;
               <{CKM}alignmentStatus> ?status ; <{CKM}resultsIn> ?outcome }}
        ORDER BY ?practice"""
    )
    assert [(str(r["practice"]), str(r["status"]), str(r["outcome"])) for r in rows] == [
        (CKM + "DiagnosingAndDesigning", CKM + "Aligned", CKM + "ValueCoCreation"),
        (CKM + "ProducingAndImplementing", CKM + "Misaligned", CKM + "ValueCoDestruction"),
    ]


def test_e3_the_interaction_level_alignment_is_deprecated_and_not_functional(
    small: KnowledgeGraph,
):
    owl = "http://www.w3.org/2002/07/owl#"
    said = small.select(f"SELECT ?o WHERE {{ <{CKM}alignment> ?p ?o }}")
    assert owl + "FunctionalProperty" not in {str(r["o"]) for r in said}
    assert "true" in {str(r["o"]) for r in said}  # owl:deprecated true
    # Two legacy values are no longer inconsistent, only warned about.
    legacy = "ex:i42 ckm:alignment ckm:Aligned , ckm:Misaligned ."
    report = small.write(turtle_delta(legacy)).report  # raises if refused or inconsistent
    assert report.accepted
    assert found(report, "Interaction-alignmentDeprecated") == [("Warning", "i42")]
