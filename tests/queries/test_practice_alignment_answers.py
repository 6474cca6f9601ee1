"""The saved queries on alignment judged per RI practice (issue 17 E3; seed 004 CQ6, CQ25),
answered on tests/queries/data/analysts.ttl; every expected row is worked out by hand from
its alignment block (ex:pa1, pa2, pa5, pa7 and the customers' practices ex:vp1-vp4)."""

from __future__ import annotations

from decimal import Decimal as D

from tests.queries.conftest import answer as ask

PLASTICA = "http://example.org/id/plastica"


def test_customer_practices_affected_by_ri_practice(analysts):
    # pa1 (i1, D&D aligned vs vp1), pa5 (i5, P&I misaligned vs vp3), pa7 (i7, P&S aligned vs
    # vp4), pa2 (i2, S&A misaligned vs vp2).
    assert ask(analysts, "customer-practices-affected-by-ri-practice") == [
        ("ckm:DiagnosingAndDesigning", "ex:vp1", "ex:acme", D(1), D(0),
         "diagnosing and designing", "planning the clinic's patient reporting", "Acme Clinic"),
        ("ckm:ProducingAndImplementing", "ex:vp3", "ex:delta", D(0), D(1),
         "producing and implementing", "convincing its own customers", "Delta Hospital"),
        ("ckm:PromotingAndSharing", "ex:vp4", "ex:emil", D(1), D(0),
         "promoting and sharing", "presenting designs to buyers", "Emil Berger"),
        ("ckm:SupportingAndAssisting", "ex:vp2", "ex:acme", D(0), D(1),
         "supporting and assisting", "keeping the clinic's systems running", "Acme Clinic"),
    ]  # fmt: skip
    plastica = ask(analysts, "customer-practices-affected-by-ri-practice", {"firm": PLASTICA})
    assert [r[1] for r in plastica] == ["ex:vp4"]
    # i1 is on 2025-01-10, i2 on 2025-02-03.
    early = ask(analysts, "customer-practices-affected-by-ri-practice", {"to": "2025-02-28"})
    assert [r[1] for r in early] == ["ex:vp1", "ex:vp2"]


def test_customers_without_value_creating_practice(analysts):
    # Acme (vp1, vp2), Delta (vp3) and Emil (vp4) have practices recorded. Bella: i3, i10
    # (surveys); Carla: i4 (e-mail); Farm: i8 (idea platform); none enacts an RI practice.
    assert ask(analysts, "customers-without-value-creating-practice") == [
        ("ex:bella", "Bella Pharmacy", "ex:medsoft", "MedSoft", D(2), D(0)),
        ("ex:carla", "Carla Rossi", "ex:medsoft", "MedSoft", D(1), D(0)),
        ("ex:farm", "Farm Coop", "ex:plastica", "Plastica", D(1), D(0)),
    ]
    plastica = ask(analysts, "customers-without-value-creating-practice", {"firm": PLASTICA})
    assert [r[0] for r in plastica] == ["ex:farm"]
