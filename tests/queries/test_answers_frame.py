"""The saved query crowding-out-exposure against tests/queries/data/frame.ttl, with the
answers worked out by hand from that file (never by running the query).

The fixture in brief. MedSoft: Anna (knowledge partner, paid money, partnership pa with a
deadline), Ben (knowledge partner, a discount, in the contest that evaluates and gives
negative feedback), Cara (active, in the contest). Plastica: Dora (knowledge partner,
public recognition, partnership pd imposing nothing), Emil (knowledge partner, partnership
pe with threats).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kg.graph import KnowledgeGraph
from tests.queries.conftest import answer, fixture_graph

FRAME_TTL = Path(__file__).with_name("data") / "frame.ttl"
PLASTICA = "http://example.org/id/plastica"


@pytest.fixture(scope="module")
def frame(tmp_path_factory: pytest.TempPathFactory) -> Iterator[KnowledgeGraph]:
    """A knowledge graph holding exactly frame.ttl, written through the real write road."""
    yield from fixture_graph(tmp_path_factory, "frame")


ANNA = ("ex:anna", "Anna Weber", "ex:medsoft", "MedSoft")
BEN = ("ex:ben", "Ben Keller", "ex:medsoft", "MedSoft")
EMIL = ("ex:emil", "Emil Roth", "ex:plastica", "Plastica")


def test_every_factor_not_only_money(frame):
    # Anna: the deadline of pa and the money given to her directly (no ?via). Ben: the
    # contest's evaluation and negative feedback; his discount is no factor. Cara is only
    # active; Dora's recognition is no factor and pd imposes nothing. Emil: pe's threat.
    # Ordered by customer, firm, factor label, via label.
    contest = ("ex:contest", "MedSoft idea contest")
    assert answer(frame, "crowding-out-exposure") == [
        (*ANNA, "ckm:Deadline", "deadline", "ex:pa", "MedSoft with Anna"),
        (*ANNA, "ckm:MonetaryReward", "monetary reward", None, None),
        (*BEN, "ckm:Evaluation", "evaluation", *contest),
        (*BEN, "ckm:NegativeFeedback", "negative feedback", *contest),
        (*EMIL, "ckm:Threat", "threat", "ex:pe", "Plastica with Emil"),
    ]


def test_one_firm(frame):
    assert answer(frame, "crowding-out-exposure", {"firm": PLASTICA}) == [
        (*EMIL, "ckm:Threat", "threat", "ex:pe", "Plastica with Emil"),
    ]


def test_one_factor(frame):
    rows = answer(frame, "crowding-out-exposure", {"factor": "ckm:MonetaryReward"})
    assert [r[0] for r in rows] == ["ex:anna"]
    assert answer(frame, "crowding-out-exposure", {"factor": "ckm:Discount"}) == []


def test_the_money_only_query_still_sees_only_money(frame):
    # crowding-out-risk keeps its meaning: rewarded knowledge partners (money by default).
    rows = answer(frame, "crowding-out-risk")
    assert [r[0] for r in rows] == ["ex:anna"]


def test_partnership_trust(frame):
    # pa and pe have no trust assessment; pd was assessed high in 2019 and moderate in
    # 2024, and the 2024 assessment is the latest.
    assert answer(frame, "partnership-trust") == [
        ("ex:pa", "MedSoft with Anna", "ex:medsoft", "MedSoft", None, None, None),
        (
            "ex:pd",
            "Plastica with Dora",
            "ex:plastica",
            "Plastica",
            "ckm:ModerateTrust",
            "moderate trust",
            "2024-03-01",
        ),
        ("ex:pe", "Plastica with Emil", "ex:plastica", "Plastica", None, None, None),
    ]
    medsoft = answer(frame, "partnership-trust", {"firm": "http://example.org/id/medsoft"})
    assert [r[0] for r in medsoft] == ["ex:pa"]
