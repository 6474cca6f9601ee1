"""The demo data set: deterministic, sized by its argument, complete and valid by construction."""

from __future__ import annotations

from collections import Counter

import pyshacl
import pytest
from rdflib import RDF, RDFS, SH, Graph, URIRef

from kg.demo import demo_quads
from kg.demo_integrator import CASE_CUSTOMERS
from kg.resources import ONTOLOGY_TTL, SHAPES_TTL
from kg.vocab import CKM, DATA_GRAPH

VALIDATED_SIZE = 30  # small enough to validate in a few seconds


def _graph(quads: list) -> Graph:
    graph = Graph()
    for s, p, o, _ in quads:
        graph.add((s, p, o))
    return graph


@pytest.fixture(scope="module")
def default_quads() -> list:
    return demo_quads()


@pytest.fixture(scope="module")
def demo(default_quads: list) -> Graph:
    return _graph(default_quads)


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY_TTL, format="turtle")


def _instances(graph: Graph, cls: URIRef) -> set:
    return set(graph.subjects(RDF.type, cls))


def _count(graph: Graph, cls: str) -> int:
    return len(_instances(graph, CKM[cls]))


# --- determinism and size ---------------------------------------------------------------


def test_same_arguments_give_identical_quads() -> None:
    assert demo_quads(customers=25, seed=3) == demo_quads(customers=25, seed=3)


def test_another_seed_gives_other_quads() -> None:
    assert demo_quads(customers=25, seed=3) != demo_quads(customers=25, seed=4)


def test_quads_are_sorted_and_unique(default_quads: list) -> None:
    keys = [(str(s), str(p), str(o)) for s, p, o, _ in default_quads]
    assert keys == sorted(keys)
    assert len(set(default_quads)) == len(default_quads)


def test_every_quad_is_in_the_data_graph(default_quads: list) -> None:
    assert {g for *_, g in default_quads} == {DATA_GRAPH}


@pytest.mark.parametrize("customers", [20, 80, 160])
def test_size_scales_with_customers(customers: int) -> None:
    graph = _graph(demo_quads(customers=customers))
    # The generated customers and the integrators of seed 004's case (kg.demo_integrator).
    assert _count(graph, "Customer") == customers + CASE_CUSTOMERS
    per_customer = _count(graph, "Interaction") / customers
    assert 6.5 <= per_customer <= 9.5, per_customer


def test_resources_are_minted_below_the_base_iri() -> None:
    base = "https://example.org/ckm/"
    subjects = {s for s, *_ in demo_quads(customers=12, base_iri=base)}
    assert all(str(s).startswith(base) for s in subjects)
    assert URIRef(base + "firm/medsoft") in subjects
    assert URIRef(base + "customer/c0001") in subjects
    assert URIRef(base + "interaction/i000001") in subjects


def test_negative_size_is_refused() -> None:
    with pytest.raises(ValueError, match="customers"):
        demo_quads(customers=-1)


# --- completeness at the default size ---------------------------------------------------


@pytest.mark.parametrize(
    "cls",
    [
        "Firm",
        "SME",
        "Offering",
        "CustomerSegment",
        "Customer",
        "CustomerRoleAssignment",
        "Interaction",
        "KnowledgeFromCustomers",
        "KnowledgeAboutCustomers",
        "KnowledgeForCustomers",
        "Contribution",
        "KnowledgePartnership",
        "CKMInitiative",
        "DriverAssessment",
    ],
)
def test_every_required_class_has_instances(demo: Graph, cls: str) -> None:
    assert _count(demo, cls) > 0


def test_the_eleven_case_firms_are_there(demo: Graph) -> None:
    assert _count(demo, "Firm") == 11
    assert _count(demo, "SME") == 10  # the nine SMEs of Lettner et al. and the ICT company
    firm = URIRef("http://localhost:8000/id/firm/medsoft")
    assert (firm, RDF.type, CKM.SME) in demo
    assert str(demo.value(firm, CKM.country)) == "LI"
    assert demo.value(firm, CKM.employeeCount).toPython() == 15


@pytest.mark.parametrize(
    ("prop", "values"),
    [
        ("inSphere", ["JointSphere", "CustomerSphere"]),
        (
            "ckmStyle",
            [
                "Prosumerism",
                "TeamBasedCoLearning",
                "MutualInnovation",
                "CommunitiesOfCreation",
                "JointIntellectualProperty",
            ],
        ),
        ("customerRole", ["PassiveCustomerRole", "ActiveCustomerRole", "KnowledgePartnerRole"]),
        ("typology", ["B2B", "B2C", "PublicSector"]),
        ("valueArea", ["OperativeArea", "OrganizationalArea", "StrategicArea"]),
        (
            "riPractice",
            [
                "DiagnosingAndDesigning",
                "ProducingAndImplementing",
                "PromotingAndSharing",
                "SupportingAndAssisting",
            ],
        ),
        ("alignmentStatus", ["Aligned", "Misaligned"]),
        ("valueOutcome", ["ValueCoCreation", "ValueCoDestruction"]),
        ("performance", ["Sufficient", "Insufficient"]),
    ],
)
def test_controlled_values_are_all_used(demo: Graph, prop: str, values: list[str]) -> None:
    used = set(demo.objects(None, CKM[prop]))
    assert {CKM[v] for v in values} <= used


def test_direct_and_indirect_channels_are_used(demo: Graph, ontology: Graph) -> None:
    channels = set(demo.objects(None, CKM.channel))
    assert channels & _instances(ontology, CKM.DirectChannel)
    assert channels & _instances(ontology, CKM.IndirectChannel)
    assert channels <= _instances(ontology, CKM.DirectChannel) | _instances(
        ontology, CKM.IndirectChannel
    )


def test_there_are_early_warning_contributions(demo: Graph) -> None:
    assert (None, CKM.contributionKind, CKM.EarlyWarning) in demo


def test_some_interactions_belong_to_partnerships_and_initiatives(demo: Graph) -> None:
    assert (None, CKM.partOfPartnership, None) in demo
    assert (None, CKM.partOfInitiative, None) in demo


def test_every_resource_has_a_label(demo: Graph) -> None:
    unlabelled = {s for s in demo.subjects(RDF.type, None) if (s, RDFS.label, None) not in demo}
    assert not unlabelled


def test_roles_are_mixed_as_in_the_brief(demo: Graph) -> None:
    roles = Counter(demo.objects(None, CKM.customerRole))
    assert roles[CKM.PassiveCustomerRole] == 30
    assert roles[CKM.ActiveCustomerRole] == 18 + CASE_CUSTOMERS
    assert roles[CKM.KnowledgePartnerRole] == 12


def test_the_open_role_assignment_is_the_current_role(demo: Graph) -> None:
    for customer in _instances(demo, CKM.Customer):
        assignments = list(demo.subjects(CKM.assignedTo, customer))
        open_ = [a for a in assignments if (a, CKM.validTo, None) not in demo]
        assert len(open_) == 1, customer
        assert demo.value(open_[0], CKM.assignedRole) == demo.value(customer, CKM.customerRole)


def test_contributions_come_from_active_customers_only(demo: Graph) -> None:
    for contribution in _instances(demo, CKM.Contribution):
        customer = demo.value(contribution, CKM.contributedBy)
        assert demo.value(customer, CKM.customerRole) != CKM.PassiveCustomerRole
        knowledge = demo.value(contribution, CKM.basedOnKnowledge)
        assert (knowledge, CKM.knowledgeSource, customer) in demo


def test_misaligned_interactions_have_an_insufficient_driver(demo: Graph) -> None:
    assert not list(demo.subject_objects(CKM.alignment))  # deprecated in 2.0.0 (E3)
    judged = list(demo.subject_objects(CKM.alignmentStatus))
    assert judged
    for judgement, status in judged:
        interaction = demo.value(judgement, CKM.alignmentIn)
        ratings = {
            demo.value(a, CKM.performance) for a in demo.subjects(CKM.assessedIn, interaction)
        }
        assert ratings, interaction
        assert (CKM.Insufficient in ratings) == (status == CKM.Misaligned), interaction
        # The explaining assessments are the interaction's (seed 004 l.358).
        assert set(demo.objects(judgement, CKM.drivenBy)) == set(
            demo.subjects(CKM.assessedIn, interaction)
        )


def test_every_practice_alignment_names_a_practice_of_its_customer(demo: Graph) -> None:
    for judgement in _instances(demo, CKM.PracticeAlignment):
        interaction = demo.value(judgement, CKM.alignmentIn)
        (affected,) = demo.objects(judgement, CKM.againstCustomerPractice)
        assert demo.value(affected, CKM.practiceOf) == demo.value(interaction, CKM.withCustomer)


def test_no_outcome_without_a_practice_alignment(demo: Graph) -> None:
    # Seed 004 l.333: the level of alignment of the RI practices decides the outcome; the
    # demo no longer derives an outcome from satisfaction alone.
    for interaction in demo.subjects(CKM.valueOutcome, None):
        (judgement,) = demo.subjects(CKM.alignmentIn, interaction)
        assert demo.value(judgement, CKM.resultsIn) == demo.value(interaction, CKM.valueOutcome)


def test_assessed_drivers_belong_to_the_recorded_practice(demo: Graph, ontology: Graph) -> None:
    assessments = _instances(demo, CKM.DriverAssessment)
    assert assessments
    for assessment in assessments:
        practice = demo.value(demo.value(assessment, CKM.assessedIn), CKM.riPractice)
        assert (demo.value(assessment, CKM.driver), CKM.driverOf, practice) in ontology


def test_the_deliberate_warnings_are_present_in_the_data(demo: Graph) -> None:
    paid = set(demo.subjects(CKM.receivesReward, CKM.MonetaryReward))
    assert any((c, CKM.customerRole, CKM.KnowledgePartnerRole) in demo for c in paid)
    design = (CKM.temporalDesign, CKM.socialDesign, CKM.localDesign, CKM.methodicalDesign)
    incomplete = [
        p
        for p in _instances(demo, CKM.KnowledgePartnership)
        if any((p, prop, None) not in demo for prop in design)
    ]
    assert 1 <= len(incomplete) <= 2


# --- validity against the shapes --------------------------------------------------------


def test_the_demo_conforms_to_the_shapes(ontology: Graph) -> None:
    data = _graph(demo_quads(customers=VALIDATED_SIZE)) + ontology
    shapes = Graph().parse(SHAPES_TTL, format="turtle")
    _conforms, report, _text = pyshacl.validate(
        data, shacl_graph=shapes, inference="none", advanced=True, allow_warnings=True
    )
    violations = [
        "\n".join(
            f"  {name}: {report.value(result, SH[name])}"
            for name in ("sourceShape", "focusNode", "resultPath", "value", "resultMessage")
        )
        for result in report.subjects(SH.resultSeverity, SH.Violation)
    ]
    assert not violations, f"{len(violations)} violations:\n" + "\n\n".join(violations)
