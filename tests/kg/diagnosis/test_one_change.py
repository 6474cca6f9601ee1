"""Changing one interaction moves exactly the components it should.

i4 (Cara, 20 April 2025) is moved to 5 January 2026, out of the 2025 period. It generated
k6 and k7 and holds pa4; no contribution, assessment or challenge depends on it.
"""

from __future__ import annotations

from datetime import date

import pytest

from kg.diagnosis.diagnosis import diagnose
from kg.vocab import CKM
from tests.kg.diagnosis.conftest import DATA, NORDTECH, nordtech_graph

YEAR = (date(2025, 1, 1), date(2025, 12, 31))


@pytest.fixture(scope="module")
def moved(tmp_path_factory):
    text = (DATA / "nordtech.ttl").read_text(encoding="utf-8")
    old = '"2025-04-20T12:00:00Z"'
    assert text.count(old) == 1
    graph = nordtech_graph(
        tmp_path_factory.mktemp("moved") / "store", text.replace(old, '"2026-01-05T12:00:00Z"')
    )
    yield graph
    graph.close()


def test_one_interaction_moves_position_candidates_and_alignment_only(nordtech, moved) -> None:
    before = diagnose(nordtech, NORDTECH, *YEAR)
    after = diagnose(moved, NORDTECH, *YEAR)
    # position: k6 and k7 leave (8 -> 6 items: for 3, about 1, from 2); cara is not active
    assert {k: (s.count, s.of) for k, s in after.position.knowledge.items()} == {
        "for": (3, 6),
        "about": (1, 6),
        "from": (2, 6),
    }
    assert (before.position.active_customers.count, after.position.active_customers.count) == (3, 2)
    # ... but not the partners, the value areas or the value given back
    assert after.position.knowledge_partners == before.position.knowledge_partners
    assert after.position.value_areas == before.position.value_areas
    assert after.position.gives_value_back == before.position.gives_value_back
    # candidates: cara alone changes (no interaction, no knowledge from her in 2025)
    changed = {
        c.label
        for c, d in zip(before.candidates, after.candidates, strict=True)
        if c.label != d.label or c.components != d.components
    }
    assert changed == {"Cara KG"}
    cara = next(c for c in after.candidates if c.label == "Cara KG")
    assert (cara.components["activity"], cara.components["knowledge"]) == (0.0, 0.0)
    # alignment: pa4 leaves; support (2 paths) is now fixed first
    assert (before.alignment.fix_first, after.alignment.fix_first) == (
        CKM.AdequateResponse,
        CKM.Support,
    )
    # maturity: untouched
    assert after.maturity == before.maturity
