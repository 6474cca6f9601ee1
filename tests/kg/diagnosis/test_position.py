"""Component 1, position, on data/nordtech.ttl; every expected value worked out by hand."""

from __future__ import annotations

from datetime import date

import pytest

from kg.diagnosis.position import position
from kg.vocab import CKM
from tests.kg.diagnosis.conftest import NORDTECH, OTHER, ex


def test_knowledge_shares_over_the_year(nordtech) -> None:
    p = position(nordtech, NORDTECH, date(2025, 1, 1), date(2025, 12, 31))
    # 8 items (k1-k8; k9 is the other firm's): for k3 k4 k7 k8, about k5 k6, from k1 k2 k6
    assert {k: (s.count, s.of) for k, s in p.knowledge.items()} == {
        "for": (4, 8),
        "about": (2, 8),
        "from": (3, 8),
    }
    assert p.knowledge["from"].value == 0.375  # 3 of 8 knowledge items are from customers
    assert p.knowledge["for"].value == 0.5
    assert p.knowledge["about"].value == 0.25


def test_knowledge_shares_of_the_first_quarter(nordtech) -> None:
    p = position(nordtech, NORDTECH, date(2025, 1, 1), date(2025, 3, 31))
    # i1-i3 only: k1 k2 k3 k4 k5 k8; for k3 k4 k8, about k5, from k1 k2
    assert {k: (s.count, s.of) for k, s in p.knowledge.items()} == {
        "for": (3, 6),
        "about": (1, 6),
        "from": (2, 6),
    }


def test_customer_shares_over_the_base(nordtech) -> None:
    p = position(nordtech, NORDTECH, None, None)
    assert (p.customer_base, p.base_from) == (20, "ckm:customerBaseSize")
    # anna, bern (twice), cara had interactions; dora did not: 3 of 20 = 0.15
    assert (p.active_customers.count, p.active_customers.of) == (3, 20)
    assert p.active_customers.value == 0.15
    # anna alone holds the knowledge-partner role: 1 of 20 = 0.05, inside 1-30 %
    assert (p.knowledge_partners.count, p.partners_from) == (1, "knowledge-partner role")
    assert p.knowledge_partners.value == 0.05
    assert p.partner_share_in_range is True
    q1 = position(nordtech, NORDTECH, date(2025, 1, 1), date(2025, 3, 31))
    assert q1.active_customers.count == 2  # cara's only interaction is in April


def test_a_share_outside_the_observed_range_is_flagged(nordtech) -> None:
    p = position(nordtech, OTHER, None, None)
    # no base size recorded: its one recorded customer, a knowledge partner: 1 of 1
    assert (p.customer_base, p.base_from) == (1, "recorded customers")
    assert p.knowledge_partners.value == 1.0
    assert p.partner_share_in_range is False


def test_value_areas_and_value_given_back(nordtech) -> None:
    p = position(nordtech, NORDTECH, None, None)
    assert p.value_areas == {CKM.OperativeArea: 2, CKM.OrganizationalArea: 0, CKM.StrategicArea: 1}
    assert p.gives_value_back is True  # the lab gives value back to anna
    q1 = position(nordtech, NORDTECH, date(2025, 1, 1), date(2025, 3, 31))
    # c3 (operative) is dated 2 April
    assert q1.value_areas == {CKM.OperativeArea: 1, CKM.OrganizationalArea: 0, CKM.StrategicArea: 1}
    assert position(nordtech, OTHER, None, None).gives_value_back is False


def test_evidence_is_the_items_contributions_and_initiatives_counted(nordtech) -> None:
    p = position(nordtech, NORDTECH, None, None)
    expected = {ex(n) for n in ("k1", "k2", "k3", "k4", "k5", "k6", "k7", "k8")}
    expected |= {ex("c1"), ex("c2"), ex("c3"), ex("lab")}
    assert set(p.evidence) == expected


@pytest.mark.parametrize("firm", [NORDTECH, OTHER])
def test_shares_stay_within_zero_and_one(nordtech, firm) -> None:
    p = position(nordtech, firm, None, None)
    for share in (*p.knowledge.values(), p.active_customers, p.knowledge_partners):
        assert share.value is None or 0 <= share.value <= 1
