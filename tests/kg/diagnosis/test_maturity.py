"""Component 4, co-creation maturity, on data/nordtech.ttl; by hand."""

from __future__ import annotations

from datetime import date

from kg.diagnosis.maturity import level, maturity
from kg.vocab import CKM
from tests.kg.diagnosis.conftest import NORDTECH, ex


def _positions(m) -> dict:
    return {p.sub_category: (p.position, p.level) for p in m.positions if p.position is not None}


def test_latest_position_in_the_period(nordtech) -> None:
    m = maturity(nordtech, NORDTECH, date(2025, 1, 1), date(2025, 3, 31))
    # customer access: aa2 (0.7, March 2025) is the latest; aa1 (2024) is out of the period;
    # strategy process 0.1; testing value propositions (June) is out
    assert _positions(m) == {
        CKM.CustomerAccess: (0.7, "co-creation"),
        CKM.StrategyProcess: (0.1, "conventional"),
    }
    assert len(m.positions) == 15  # every sub-category of the model, assessed or not
    assert {p.assessment for p in m.positions if p.assessment} == {ex("aa2"), ex("aa3")}


def test_an_open_period_takes_every_assessment(nordtech) -> None:
    m = maturity(nordtech, NORDTECH, None, None)
    assert _positions(m) == {
        CKM.CustomerAccess: (0.7, "co-creation"),
        CKM.StrategyProcess: (0.1, "conventional"),  # not the other firm's 0.9
        CKM.TestingValueProposition: (0.5, "in between"),
    }


def test_challenges_and_the_enablers_answering_them(nordtech) -> None:
    m = maturity(nordtech, NORDTECH, None, None)
    found = {c.challenge: (c.enablers, c.evidence) for c in m.challenges}
    assert found == {
        CKM.EmpowermentChallenge: ((), (ex("rec1"),)),
        CKM.ProcessTransparencyChallenge: ((CKM.Transparency,), (ex("k2"),)),
    }


def test_levels_cut_the_scale_in_thirds() -> None:
    assert [level(x) for x in (None, 0.0, 0.33, 0.34, 0.66, 0.67, 1.0)] == [
        "not assessed",
        "conventional",
        "conventional",
        "in between",
        "in between",
        "co-creation",
        "co-creation",
    ]
