"""HermiT: the ontology is consistent, every class satisfiable, defined classes work."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph

from kg.ontology_tools.hermit import Classification, classify
from kg.resources import ONTOLOGY_OWL

pytestmark = [pytest.mark.java, pytest.mark.usefixtures("java_available")]

CKM = "https://w3id.org/ckm#"
EX = "http://example.org/abox#"

# A small hand-written ABox; each individual exercises one defined class.
ABOX = """
@prefix ckm: <https://w3id.org/ckm#> .
@prefix ex: <http://example.org/abox#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
<http://example.org/abox> a owl:Ontology .
ex:medsoft a owl:NamedIndividual , ckm:Firm .
ex:acme a owl:NamedIndividual , ckm:Customer ; ckm:customerRole ckm:KnowledgePartnerRole .
ex:bob a owl:NamedIndividual , ckm:Customer ; ckm:customerRole ckm:ActiveCustomerRole .
ex:carla a owl:NamedIndividual , ckm:Customer ; ckm:customerRole ckm:PassiveCustomerRole .
ex:workshop a owl:NamedIndividual , ckm:Interaction ; ckm:channel ckm:Workshop ;
    ckm:byFirm ex:medsoft ; ckm:withCustomer ex:acme ; ckm:inSphere ckm:JointSphere .
ex:survey a owl:NamedIndividual , ckm:Interaction ; ckm:channel ckm:SurveyForm ;
    ckm:byFirm ex:medsoft ; ckm:withCustomer ex:carla ; ckm:inSphere ckm:CustomerSphere .
ex:advice a owl:NamedIndividual , ckm:Contribution ; ckm:valueArea ckm:StrategicArea ;
    ckm:contributedBy ex:acme .
ex:tweak a owl:NamedIndividual , ckm:Contribution ; ckm:valueArea ckm:OperativeArea ;
    ckm:contributedBy ex:bob .
ex:reorg a owl:NamedIndividual , ckm:Contribution ; ckm:valueArea ckm:OrganizationalArea ;
    ckm:contributedBy ex:bob .
"""


@pytest.fixture(scope="module")
def classification(tmp_path_factory: pytest.TempPathFactory) -> Classification:
    abox = tmp_path_factory.mktemp("abox") / "abox.owl"
    Graph().parse(data=ABOX, format="turtle").serialize(abox, format="xml")
    return classify(ONTOLOGY_OWL, [abox])


def test_the_ontology_alone_is_consistent_with_no_unsatisfiable_class():
    result = classify(ONTOLOGY_OWL)
    assert result.consistent
    assert result.unsatisfiable_classes == []


def test_the_abox_is_consistent(classification: Classification):
    assert classification.consistent
    assert classification.unsatisfiable_classes == []


@pytest.mark.parametrize(
    ("individual", "expected", "not_expected"),
    [
        ("workshop", "DirectInteraction", "IndirectInteraction"),
        ("survey", "IndirectInteraction", "DirectInteraction"),
        ("acme", "KnowledgePartner", "PassiveCustomer"),
        ("acme", "ActiveCustomer", "PassiveCustomer"),
        ("bob", "ActiveCustomer", "KnowledgePartner"),
        ("carla", "PassiveCustomer", "ActiveCustomer"),
        ("advice", "StrategicContribution", "OperativeContribution"),
        ("tweak", "OperativeContribution", "StrategicContribution"),
        ("reorg", "OrganizationalContribution", "OperativeContribution"),
    ],
)
def test_defined_classes_are_inferred(
    classification: Classification, individual: str, expected: str, not_expected: str
):
    types = classification.inferred_types(EX + individual)
    assert CKM + expected in types
    assert CKM + not_expected not in types


def test_a_customer_both_active_and_passive_is_inconsistent(tmp_path: Path):
    clash = ABOX + "ex:dora a owl:NamedIndividual , ckm:ActiveCustomer , ckm:PassiveCustomer .\n"
    abox = tmp_path / "clash.owl"
    Graph().parse(data=clash, format="turtle").serialize(abox, format="xml")
    assert not classify(ONTOLOGY_OWL, [abox]).consistent


def test_two_channels_on_one_interaction_is_inconsistent(tmp_path: Path):
    # ckm:channel is functional and the channel individuals are all different.
    clash = ABOX + "ex:workshop ckm:channel ckm:Email .\n"
    abox = tmp_path / "clash.owl"
    Graph().parse(data=clash, format="turtle").serialize(abox, format="xml")
    assert not classify(ONTOLOGY_OWL, [abox]).consistent
