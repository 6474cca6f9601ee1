"""Component 2, knowledge-partner candidates, on data/nordtech.ttl; by hand.

Period 2025-01-01 to 2025-04-30: four months. The yardsticks: activity full at 4
interactions, knowledge at 2 items, crowding at 2 factors, age at 2 years, trust over rank
3, needs over 3, design over 4 parameters; all eight weights 1.
"""

from __future__ import annotations

from datetime import date

import pytest

from kg.diagnosis.candidates import candidates, months_between
from tests.kg.diagnosis.conftest import NORDTECH, ex

START, END = date(2025, 1, 1), date(2025, 4, 30)


@pytest.fixture(scope="module")
def ranked(nordtech):
    return {c.label: c for c in candidates(nordtech, NORDTECH, START, END)}


def test_the_ranking(nordtech) -> None:
    found = candidates(nordtech, NORDTECH, START, END)
    assert [c.label for c in found] == ["Anna AG", "Cara KG", "Bern GmbH", "Dora SA"]
    assert [c.is_partner for c in found] == [True, False, False, False]


def test_anna_component_by_component(ranked) -> None:
    anna = ranked["Anna AG"]
    assert anna.components == pytest.approx(
        {
            "identification": 1.0,  # typology; i1/i2 with k1/k2; strategic c2: 3 of 3
            "activity": 0.5,  # 2 interactions of 4
            "knowledge": 1.0,  # k1, k2: 2 of 2
            "motives": 0.5 + 0.5 * 2 / 3,  # intrinsic; relatedness and competence
            "trust": 1.0,  # ta1 (high, 2025) is later than ta0 (low, 2024)
            "design": 0.5,  # 4 of 4 parameters, fits 1 of her 2 motives
            "crowding": 0.5,  # the lab's deadline: 1 factor of 2
            "longevity": 0.75,  # since 2023-04-30: 2 years (1.0); 2 of 4 months (0.5)
            "criteria": 1.0,  # know-how (k1), trust (ta1), partnership (p1): 3 of 3
        }
    )
    # (1 + 0.5 + 1 + 0.8333 + 1 + 0.5 + 0.5 + 0.75) / 8 = 6.0833 / 8
    assert anna.readiness == 0.7604
    assert set(anna.evidence) == {ex("anna"), ex("p1"), ex("ta1")}


def test_the_others_by_hand(ranked) -> None:
    cara, bern, dora = ranked["Cara KG"], ranked["Bern GmbH"], ranked["Dora SA"]
    # cara: typology; i4 with k6 (step 2); no strategic contribution: 2 of 3
    assert cara.components["identification"] == pytest.approx(2 / 3)
    assert cara.components["trust"] == pytest.approx(2 / 3)  # moderate: rank 2 of 3
    assert cara.components["crowding"] == 1.0
    # know-how (k6) and trust (ta2), no partnership: 2 of 3 checkable criteria (weight 0)
    assert cara.components["criteria"] == pytest.approx(2 / 3)
    # (0.6667 + 0.25 + 0.5 + 0 + 0.6667 + 0 + 1 + 0.125) / 8 = 3.2083 / 8
    assert cara.readiness == 0.401
    # bern: typology only: 1 of 3; i3 and i5: 2 of 4 interactions, but in 1 of 4 months;
    # reputation motive, intrinsic, serves no need: 0.5; a monetary reward: 1 of 2 factors
    assert bern.components["identification"] == pytest.approx(1 / 3)
    assert bern.components["activity"] == 0.5
    assert bern.components["longevity"] == 0.125  # no partnership; 0.5 * 1 / 4
    assert bern.components["motives"] == 0.5
    assert bern.components["crowding"] == 0.5
    # (0.3333 + 0.5 + 0 + 0.5 + 0 + 0 + 0.5 + 0.125) / 8 = 1.9583 / 8
    assert bern.readiness == 0.2448
    assert bern.components["criteria"] == 0.0
    # dora: nothing recorded but no crowding either: 1 / 8
    assert dora.readiness == 0.125
    assert dora.evidence == (ex("dora"),)


def test_months_of_a_period() -> None:
    assert months_between(date(2025, 1, 1), date(2025, 4, 30)) == 4
    assert months_between(date(2024, 12, 31), date(2025, 1, 1)) == 2
