"""Component 3, alignment per RI practice, on data/nordtech.ttl; by hand."""

from __future__ import annotations

from datetime import date

from kg.diagnosis.alignment import alignment
from kg.vocab import CKM
from tests.kg.diagnosis.conftest import NORDTECH, OTHER, ex


def test_each_practice_against_the_customer_practices(nordtech) -> None:
    a = alignment(nordtech, NORDTECH, None, None)
    by_practice = {s.practice: s for s in a.practices}
    assert list(by_practice) == [CKM.DiagnosingAndDesigning, CKM.SupportingAndAssisting]
    dd = by_practice[CKM.DiagnosingAndDesigning]
    assert (dd.judgements, dd.aligned, dd.misaligned) == (1, 1, 0)
    assert dd.customer_practices == (ex("vp1"),)
    assert dd.insufficient_drivers == () and dd.paths == ()
    sa = by_practice[CKM.SupportingAndAssisting]
    # pa5 is misaligned with support insufficient, but no co-destruction: no path
    assert (sa.judgements, sa.aligned, sa.misaligned) == (4, 0, 4)
    assert sa.customer_practices == (ex("vp2"), ex("vp3"), ex("vp4"), ex("vp5"))
    assert sa.insufficient_drivers == (CKM.AdequateResponse, CKM.Support)
    assert {(p.driver, p.judgement) for p in sa.paths} == {
        (CKM.Support, ex("pa2")),
        (CKM.AdequateResponse, ex("pa2")),
        (CKM.Support, ex("pa3")),
        (CKM.AdequateResponse, ex("pa4")),
    }


def test_the_driver_to_fix_first_breaks_a_tie_by_name(nordtech) -> None:
    a = alignment(nordtech, NORDTECH, None, None)
    # support and adequate response are both on 2 paths: "adequate response" < "support"
    assert (a.fix_first, a.fix_first_label, a.fix_first_paths) == (
        CKM.AdequateResponse,
        "adequate response",
        2,
    )


def test_the_period_decides_which_paths_count(nordtech) -> None:
    a = alignment(nordtech, NORDTECH, date(2025, 1, 1), date(2025, 3, 31))
    # pa4 (i4, 20 April) is out: support 2 paths, adequate response 1
    assert (a.fix_first, a.fix_first_paths) == (CKM.Support, 2)


def test_a_firm_without_judgements(nordtech) -> None:
    a = alignment(nordtech, OTHER, None, None)
    assert a.practices == () and a.fix_first is None
