"""Shapes of customer knowledge: for, about and from customers, with their provenance."""

from __future__ import annotations

import pytest
from rdflib import SH, Namespace

CKMSH = Namespace("https://w3id.org/ckm/shapes#")
EX = Namespace("https://example.org/")
V, W, INFO = SH.Violation, SH.Warning, SH.Info


def case(case_id: str, drop: str, add: str, *expected: tuple) -> object:
    """An invalid example: drop/add triples on VALID; expected (shape, focus, severity)."""
    reports = [(CKMSH[shape], focus, severity) for shape, focus, severity in expected]
    return pytest.param(drop, add, reports, id=case_id)


# k1: an idea from Acme; k2: usage guidance MedSoft gave Acme; k3: a preference that is both
# about and from Acme (the two may overlap). All were recorded in the workshop ex:i42.
VALID = """
ex:medsoft a ckm:Firm ; rdfs:label "MedSoft" .
ex:acme a ckm:Customer ; rdfs:label "Acme Clinic" ; ckm:customerOf ex:medsoft .
ex:bern a ckm:Customer ; rdfs:label "Bern Hospital" ; ckm:customerOf ex:medsoft .
ex:ris a ckm:Offering ; rdfs:label "Radiology information system" ; ckm:offeredBy ex:medsoft .
ex:i42 a ckm:Interaction ; ckm:byFirm ex:medsoft ; ckm:withCustomer ex:acme ;
    prov:startedAtTime "2026-03-04T10:00:00Z"^^xsd:dateTime ;
    ckm:channel ckm:Workshop ; ckm:inSphere ckm:JointSphere .
ex:i43 a ckm:Interaction ; ckm:byFirm ex:medsoft ; ckm:withCustomer ex:acme ;
    prov:startedAtTime "2026-03-11T10:00:00Z"^^xsd:dateTime ;
    ckm:channel ckm:Telephone ; ckm:inSphere ckm:JointSphere .
ex:k1 a ckm:KnowledgeFromCustomers ; ckm:content ckm:Idea ; ckm:knowledgeSource ex:acme ;
    ckm:statement "Export reports as FHIR bundles"@en ; prov:wasGeneratedBy ex:i42 ;
    dcterms:created "2026-03-04"^^xsd:date ; ckm:tacitness ckm:Explicit ;
    ckm:knowledgeLevel ckm:KnowHow ; ckm:storedIn ckm:CRMSystem ;
    ckm:concernsOffering ex:ris .
ex:k2 a ckm:KnowledgeForCustomers ; ckm:content ckm:UsageGuidance ; ckm:recipient ex:acme ;
    ckm:knowledgeSource ex:medsoft ; ckm:statement "How to schedule nightly exports" ;
    prov:wasGeneratedBy ex:i42 ; ckm:tacitness ckm:Explicit ;
    ckm:storedIn ckm:CRMSystem , ckm:EmailCorrespondence .
ex:k3 a ckm:KnowledgeAboutCustomers , ckm:KnowledgeFromCustomers ; ckm:content ckm:Preference ;
    ckm:aboutCustomer ex:acme ; ckm:knowledgeSource ex:acme ;
    ckm:statement "Prefers short release notes" ; prov:wasGeneratedBy ex:i42 ;
    dcterms:created "2026-03-04T11:30:00Z"^^xsd:dateTime ; ckm:tacitness ckm:Tacit ;
    ckm:storedIn ckm:CRMSystem .
"""


def test_the_valid_example_produces_no_result(validate):
    assert validate(VALID) == []


@pytest.mark.parametrize(
    ("drop", "add"),
    [
        pytest.param("", "ex:k1 ckm:content ckm:Feedback .", id="two-contents"),
        pytest.param("", 'ex:k1 ckm:statement "FHIR-Export"@de .', id="statement-two-languages"),
        pytest.param(
            "ex:k3 ckm:knowledgeSource ex:acme . ex:k3 a ckm:KnowledgeFromCustomers .",
            'ex:k3 ckm:knowledgeSource ex:agency . ex:agency a prov:Agent ; rdfs:label "Agency" .',
            id="about-from-a-third-party",
        ),
        pytest.param("", "ex:k2 ckm:recipient ex:bern .", id="two-recipients"),
        pytest.param("", "ex:k1 ckm:concernsCustomer ex:acme .", id="concerns-customer-generally"),
    ],
)
def test_accepted_variants_produce_no_result(validate, variant, drop, add):
    assert validate(variant(VALID, drop, add)) == []


CASES = [
    # --- Every piece of customer knowledge
    case("no-content", "ex:k1 ckm:content ckm:Idea .", "", ("CustomerKnowledge-content", EX.k1, V)),
    case(
        "content-not-in-list",
        "ex:k1 ckm:content ckm:Idea .",
        "ex:k1 ckm:content ckm:Workshop .",
        ("CustomerKnowledge-content", EX.k1, V),
    ),
    case(
        "no-statement",
        'ex:k2 ckm:statement "How to schedule nightly exports" .',
        "",
        ("CustomerKnowledge-statement", EX.k2, V),
    ),
    case(
        "statement-not-text",
        'ex:k2 ckm:statement "How to schedule nightly exports" .',
        "ex:k2 ckm:statement 42 .",
        ("CustomerKnowledge-statement", EX.k2, V),
    ),
    case(
        "generated-by-an-offering",
        "ex:k2 prov:wasGeneratedBy ex:i42 .",
        "ex:k2 prov:wasGeneratedBy ex:ris .",
        ("CustomerKnowledge-wasGeneratedBy", EX.k2, V),
    ),
    case(
        "generated-by-two-interactions",
        "",
        "ex:k2 prov:wasGeneratedBy ex:i43 .",
        ("CustomerKnowledge-wasGeneratedBy", EX.k2, V),
    ),
    case(
        "no-provenance",
        "ex:k2 prov:wasGeneratedBy ex:i42 .",
        "",
        ("CustomerKnowledge-provenance", EX.k2, W),
    ),
    case(
        "created-as-text",
        'ex:k1 dcterms:created "2026-03-04"^^xsd:date .',
        'ex:k1 dcterms:created "4 March 2026" .',
        ("CustomerKnowledge-created", EX.k1, V),
    ),
    case(
        "created-twice",
        "",
        'ex:k1 dcterms:created "2026-03-05"^^xsd:date .',
        ("CustomerKnowledge-created", EX.k1, V),
    ),
    case(
        "tacit-and-explicit",
        "",
        "ex:k1 ckm:tacitness ckm:Tacit .",
        ("CustomerKnowledge-tacitness", EX.k1, V),
    ),
    case(
        "tacitness-not-in-list",
        "ex:k1 ckm:tacitness ckm:Explicit .",
        "ex:k1 ckm:tacitness ckm:KnowHow .",
        ("CustomerKnowledge-tacitness", EX.k1, V),
    ),
    case(
        "tacitness-not-recorded",
        "ex:k1 ckm:tacitness ckm:Explicit .",
        "",
        ("CustomerKnowledge-tacitnessRecorded", EX.k1, INFO),
    ),
    case(
        "know-what-and-know-how",
        "",
        "ex:k1 ckm:knowledgeLevel ckm:KnowWhat .",
        ("CustomerKnowledge-knowledgeLevel", EX.k1, V),
    ),
    case(
        "level-not-in-list",
        "ex:k1 ckm:knowledgeLevel ckm:KnowHow .",
        "ex:k1 ckm:knowledgeLevel ckm:Tacit .",
        ("CustomerKnowledge-knowledgeLevel", EX.k1, V),
    ),
    case(
        "stored-in-an-offering",
        "ex:k1 ckm:storedIn ckm:CRMSystem .",
        "ex:k1 ckm:storedIn ex:ris .",
        ("CustomerKnowledge-storedIn", EX.k1, V),
    ),
    case(
        "store-not-recorded",
        "ex:k1 ckm:storedIn ckm:CRMSystem .",
        "",
        ("CustomerKnowledge-storageRecorded", EX.k1, W),
    ),
    case(
        "only-in-memory",
        "ex:k3 ckm:storedIn ckm:CRMSystem .",
        "ex:k3 ckm:storedIn ckm:PersonalMemory .",
        ("CustomerKnowledge-sharedStore-storedIn", EX.k3, W),
    ),
    case(
        "only-in-memory-and-email",
        "ex:k2 ckm:storedIn ckm:CRMSystem .",
        "ex:k2 ckm:storedIn ckm:PersonalMemory .",
        ("CustomerKnowledge-sharedStore-storedIn", EX.k2, W),
    ),
    case(
        "concerns-a-customer-as-offering",
        "ex:k1 ckm:concernsOffering ex:ris .",
        "ex:k1 ckm:concernsOffering ex:acme .",
        ("CustomerKnowledge-concernsOffering", EX.k1, V),
    ),
    case(
        "source-not-an-agent",
        "ex:k2 ckm:knowledgeSource ex:medsoft .",
        "ex:k2 ckm:knowledgeSource ex:ris .",
        ("CustomerKnowledge-knowledgeSource", EX.k2, V),
    ),
    case(
        "about-a-firm",
        "ex:k3 ckm:aboutCustomer ex:acme .",
        "ex:k3 ckm:aboutCustomer ex:medsoft .",
        ("CustomerKnowledge-aboutCustomer", EX.k3, V),
    ),
    case(
        "recipient-is-a-firm",
        "ex:k2 ckm:recipient ex:acme .",
        "ex:k2 ckm:recipient ex:medsoft .",
        ("CustomerKnowledge-recipient", EX.k2, V),
    ),
    case(
        "concerns-a-firm",
        "",
        "ex:k2 ckm:concernsCustomer ex:medsoft .",
        ("CustomerKnowledge-concernsCustomer", EX.k2, V),
    ),
    # --- Knowledge from customers
    case(
        "from-without-source",
        "ex:k1 ckm:knowledgeSource ex:acme .",
        "",
        ("KnowledgeFromCustomers-knowledgeSource", EX.k1, V),
    ),
    case(
        "from-the-firm-itself",
        "ex:k1 ckm:knowledgeSource ex:acme .",
        "ex:k1 ckm:knowledgeSource ex:medsoft .",
        ("KnowledgeFromCustomers-knowledgeSource", EX.k1, V),
    ),
    case(
        "from-without-interaction",
        "ex:k1 prov:wasGeneratedBy ex:i42 .",
        "",
        ("KnowledgeFromCustomers-wasGeneratedBy", EX.k1, V),
        ("CustomerKnowledge-provenance", EX.k1, W),
    ),
    case(
        "from-a-customer-absent-from-the-interaction",
        "ex:k1 ckm:knowledgeSource ex:acme .",
        "ex:k1 ckm:knowledgeSource ex:bern .",
        ("KnowledgeFromCustomers-sourceTookPart", EX.k1, W),
    ),
    # --- Knowledge for customers
    case(
        "for-without-recipient",
        "ex:k2 ckm:recipient ex:acme .",
        "",
        ("KnowledgeForCustomers-recipient", EX.k2, V),
    ),
    case(
        "for-and-from",
        "",
        "ex:k1 a ckm:KnowledgeForCustomers ; ckm:recipient ex:acme .",
        ("KnowledgeForCustomers-notFrom", EX.k1, V),
    ),
    # --- Knowledge about customers
    case(
        "about-without-customer",
        "ex:k3 ckm:aboutCustomer ex:acme .",
        "",
        ("KnowledgeAboutCustomers-aboutCustomer", EX.k3, V),
    ),
    case(
        "about-two-customers",
        "",
        "ex:k3 ckm:aboutCustomer ex:bern .",
        ("KnowledgeAboutCustomers-singleCustomer", EX.k3, W),
    ),
    case(
        "typed-only-tacit-and-no-statement",
        "ex:k3 a ckm:KnowledgeAboutCustomers , ckm:KnowledgeFromCustomers ."
        ' ex:k3 ckm:statement "Prefers short release notes" .',
        "ex:k3 a ckm:TacitCustomerKnowledge .",
        # A defined class without a reasoner: its members still get the knowledge rules.
        ("CustomerKnowledge-statement", EX.k3, V),
    ),
]


@pytest.mark.parametrize(("drop", "add", "expected"), CASES)
def test_each_rule_reports_its_own_shape(validate, variant, assert_reported, drop, add, expected):
    assert_reported(validate(variant(VALID, drop, add)), *expected)
