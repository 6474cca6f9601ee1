"""Answers of the seed-000 queries of 2.0.0 on tests/queries/data/partnerships.ttl, worked out
by hand from the fixture: purchaser and consumer (CQ3), resource gaps (CQ15), CRM use (CQ20),
Table 2 identification criteria (CQ22) and the recorded customer base of
knowledge-partner-share (CQ2)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal as D
from pathlib import Path

import pytest

from kg.graph import KnowledgeGraph
from tests.queries.conftest import EX, answer, fixture_graph

PARTNERSHIPS_TTL = Path(__file__).with_name("data") / "partnerships.ttl"
ALPINE, BORSA = EX + "alpine", EX + "borsa"


@pytest.fixture(scope="module")
def partnerships(tmp_path_factory: pytest.TempPathFactory) -> Iterator[KnowledgeGraph]:
    """A knowledge graph holding exactly the fixture, written through the real write road."""
    yield from fixture_graph(tmp_path_factory, "partnerships")


def test_consumers_who_are_not_purchasers(partnerships):
    # Kantonsspital Nord: Ward 3 buys and uses (no row); Dr Meier is p1's contact; Dr Huber
    # is a partner of Alpine's p2 himself; Dr Kurz is in no partnership. Praxis Lang's only
    # consumer is its purchaser (no row). Laden Moda's sales floor is in no partnership.
    assert answer(partnerships, "purchaser-consumer-accounts") == [
        ("ex:spital", "Kantonsspital Nord", "ex:alpine", "Alpine Med",
         "ex:drmeier", "Dr Anna Meier", True),
        ("ex:spital", "Kantonsspital Nord", "ex:alpine", "Alpine Med",
         "ex:drhuber", "Dr Beat Huber", True),
        ("ex:spital", "Kantonsspital Nord", "ex:alpine", "Alpine Med",
         "ex:drkurz", "Dr Carl Kurz", False),
        ("ex:laden", "Laden Moda", "ex:borsa", "Borsa Textil",
         "ex:verkauf", "Laden sales floor", False),
    ]  # fmt: skip
    only_borsa = answer(partnerships, "purchaser-consumer-accounts", {"firm": BORSA})
    assert [r[4] for r in only_borsa] == ["ex:verkauf"]


def test_resource_gaps_without_contribution(partnerships):
    # gap1 (c1) and gap5 (c2) are filled. gap2's area is p2's; gap4's "sales" is p3's "Sales";
    # no partnership of Alpine works on market development (gap3).
    assert answer(partnerships, "resource-gaps-without-contribution") == [
        ("ex:gap3", "No one to open foreign markets", "ex:alpine", "Alpine Med",
         "Market development", False),
        ("ex:gap2", "Too few product testers", "ex:alpine", "Alpine Med",
         "Product development", True),
        ("ex:gap4", "Thin sales staff", "ex:borsa", "Borsa Textil", "sales", True),
    ]  # fmt: skip
    only_borsa = answer(partnerships, "resource-gaps-without-contribution", {"firm": BORSA})
    assert [r[0] for r in only_borsa] == ["ex:gap4"]


def test_crm_use(partnerships):
    # Alpine: operational and identification (narrower than strategic decision support);
    # Borsa: operational only; Cuneo: strategic decision support only.
    assert answer(partnerships, "crm-use") == [
        ("ex:alpine", "Alpine Med", True, True, True, False),
        ("ex:borsa", "Borsa Textil", True, False, False, True),
        ("ex:cuneo", "Cuneo Build", False, False, True, False),
    ]
    assert answer(partnerships, "crm-use", {"firm": BORSA}) == [
        ("ex:borsa", "Borsa Textil", True, False, False, True),
    ]


def test_identification_criteria_by_perspective(partnerships):
    # Alpine: company know-how, sustainability, reputation; customer sustainability, patience.
    # Borsa: company partnership, trust; openness recorded without a perspective.
    assert answer(partnerships, "identification-criteria") == [
        ("ex:alpine", "Alpine Med", "ckm:KnowHowCriterion", "know-how", True, False, True),
        ("ex:alpine", "Alpine Med", "ckm:PatienceCriterion", "patience", False, True, True),
        ("ex:alpine", "Alpine Med", "ckm:ReputationCriterion", "reputation and image",
         True, False, True),
        ("ex:alpine", "Alpine Med", "ckm:SustainabilityCriterion", "sustainability",
         True, True, False),
        ("ex:borsa", "Borsa Textil", "ckm:OpennessCriterion", "openness", False, False, False),
        ("ex:borsa", "Borsa Textil", "ckm:PartnershipCriterion", "partnership",
         True, False, True),
        ("ex:borsa", "Borsa Textil", "ckm:TrustCriterion", "trust", True, False, True),
    ]  # fmt: skip
    customer_side = {"perspective": "https://w3id.org/ckm#CustomerPerspective"}
    assert [r[2] for r in answer(partnerships, "identification-criteria", customer_side)] == [
        "ckm:PatienceCriterion",
        "ckm:SustainabilityCriterion",
    ]
    alpine_company = {"firm": ALPINE, "perspective": "https://w3id.org/ckm#CompanyPerspective"}
    assert [r[3] for r in answer(partnerships, "identification-criteria", alpine_company)] == [
        "know-how",
        "reputation and image",
        "sustainability",
    ]


def test_knowledge_partner_share_reads_the_recorded_customer_base(partnerships):
    # Alpine records a base of 50 and has 2 knowledge partners (Kantonsspital Nord, Dr Huber)
    # among its 3 recorded customers: 4 %. Borsa records no base: its 1 recorded customer is
    # a knowledge partner, 100 %. Cuneo has no customers, so no row.
    assert answer(partnerships, "knowledge-partner-share") == [
        ("ex:borsa", "Borsa Textil", D(1), D(1), D(100), True),
        ("ex:alpine", "Alpine Med", D(50), D(2), D(4), False),
    ]
    # A base given as the parameter wins over the recorded one: 2 of 10 is 20 %.
    given = {"firm": ALPINE, "customerBaseSize": "10"}
    assert answer(partnerships, "knowledge-partner-share", given) == [
        ("ex:alpine", "Alpine Med", D(10), D(2), D(20), False),
    ]
