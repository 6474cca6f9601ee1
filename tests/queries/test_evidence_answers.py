"""The saved queries on seed 004's evidence and practice details (CQ7, CQ8, CQ10, CQ12-15,
CQ24), answered on tests/queries/data/evidence.ttl, loaded through the real write road;
every expected row is worked out by hand from that file (or, for the lists, from the
ontology's own statements, cited at each test)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal as D
from pathlib import Path

import pytest

from kg.config import Settings
from kg.graph import KnowledgeGraph
from tests.queries.conftest import answer as ask
from tests.queries.conftest import load_fixture

EVIDENCE_TTL = Path(__file__).with_name("data") / "evidence.ttl"


@pytest.fixture(scope="module")
def evidence(tmp_path_factory: pytest.TempPathFactory) -> Iterator[KnowledgeGraph]:
    """A knowledge graph holding exactly evidence.ttl; tests must only read it."""
    graph = KnowledgeGraph.open(Settings(store=tmp_path_factory.mktemp("evidence") / "store"))
    report = load_fixture(graph, EVIDENCE_TTL)
    assert not report.results, [r.message for r in report.results]
    yield graph
    graph.close()


def test_the_fixture_loads(evidence):
    assert evidence


TC = ("ckm:ProviderSide", "provider side")
SI = ("ckm:CustomerSide", "customer side")


def test_quotes_on_a_driver(evidence):
    # Negative on responsibility: Q12 (TechCo's account manager, interview 1) and Q13 (an
    # integrator's account manager, interview 2); Q99 is positive.
    assert ask(evidence, "quotes-on-a-driver") == [
        ("ex:q12", "they will immediately redirect you to the vendor of the integrated system",
         "ex:am-techco", "Account manager", *TC, "ex:iv1",
         "van Middendorp (n.d.), seed 004 l.303"),
        ("ex:q13", "didn't take responsibility for what happened. This ultimately led to "
         "losing my customer", "ex:am-si", "Account manager", *SI, "ex:iv2",
         "van Middendorp (n.d.), seed 004 l.305"),
    ]  # fmt: skip
    positive = ask(evidence, "quotes-on-a-driver", {"polarity": "ckm:Positive"})
    assert [(r[0], r[3], r[6]) for r in positive] == [("ex:q99", "Project manager", None)]
    support = ask(evidence, "quotes-on-a-driver", {"driver": "ckm:Support"})
    assert [r[0] for r in support] == ["ex:q15"]


def test_drivers_evidenced_by_side(evidence):
    # TechCo's account manager said Q6 (communication), Q12 (responsibility), Q15 (support),
    # all negative (seeds-001-004.md §5.3: communication, responsibility, support).
    pi = ("ckm:ProducingAndImplementing", "producing and implementing")
    sa = ("ckm:SupportingAndAssisting", "supporting and assisting")
    assert ask(evidence, "drivers-evidenced-by-side") == [
        ("ckm:Communication", "communication", *pi, D(1), D(1)),
        ("ckm:Responsibility", "responsibility", *sa, D(1), D(1)),
        ("ckm:Support", "support", *sa, D(1), D(1)),
    ]
    # Customer side: Q5 (communication, positive), Q8 (informing, positive), Q13
    # (responsibility, negative), Q99 (responsibility, positive).
    customers = ask(evidence, "drivers-evidenced-by-side", {"side": "ckm:CustomerSide"})
    assert [(r[0], r[4], r[5]) for r in customers] == [
        ("ckm:Communication", D(1), D(0)),
        ("ckm:Informing", D(1), D(0)),
        ("ckm:Responsibility", D(2), D(1)),
    ]


def test_interview_evidence(evidence):
    # iv1 video call 57 min, iv2 face to face 24 min, iv3 video call 40 min.
    assert ask(evidence, "interview-evidence") == [
        (None, None, D(3), D(3), D(24), D(57)),
        ("ckm:FaceToFaceMeeting", "face-to-face meeting", D(1), D(1), D(24), D(24)),
        ("ckm:VideoCall", "video call", D(2), D(2), D(40), D(57)),
    ]


def test_collaborative_activities_and_ri_practices(evidence):
    # From the ontology (seed 004 l.113, l.346-348), whatever the data.
    dd = ("ckm:DiagnosingAndDesigning", "diagnosing and designing")
    pi = ("ckm:ProducingAndImplementing", "producing and implementing")
    assert ask(evidence, "collaborative-activities-and-ri-practices") == [
        ("ckm:DesigningAndProducingTheSolution", dd[0], "designing and producing the solution",
         dd[1]),
        ("ckm:DesigningAndProducingTheSolution", pi[0], "designing and producing the solution",
         pi[1]),
        ("ckm:DiagnosingNeeds", dd[0], "diagnosing needs", dd[1]),
        ("ckm:ImplementingTheSolution", pi[0], "implementing the solution", pi[1]),
        ("ckm:ManagingValueConflicts", None, "managing value conflicts", None),
        ("ckm:OrganizingTheProcessAndResources", None, "organizing the process and resources",
         None),
        (None, "ckm:PromotingAndSharing", None, "promoting and sharing"),
        (None, "ckm:SupportingAndAssisting", None, "supporting and assisting"),
    ]  # fmt: skip


def test_resources_integrated_by_practice(evidence):
    # From the ontology (seed 004 l.231).
    dd = ("ckm:DiagnosingAndDesigning", "diagnosing and designing")
    assert ask(evidence, "resources-integrated-by-practice") == [
        (*dd, "ckm:IndustryKnowledge", "industry knowledge"),
        (*dd, "ckm:MarketKnowledge", "market knowledge"),
        (*dd, "ckm:TechnicalKnowledge", "technical knowledge"),
    ]
    support = {"practice": "ckm:SupportingAndAssisting"}
    assert ask(evidence, "resources-integrated-by-practice", support) == []


def test_overlapping_or_iterating_practices(evidence):
    # ia runs 1-20 March and ib starts 10 March (overlap); ic iterates with ia; id is with
    # another customer; ie-ih (support) do not overlap: each lasts its start instant.
    pi = ("ckm:ProducingAndImplementing", "producing and implementing")
    si1 = ("ex:si1", "System Integrator 1")
    assert ask(evidence, "overlapping-or-iterating-practices") == [
        ("ex:ia", "ex:ib", "overlaps", *pi, *si1),
        ("ex:ia", "ex:ic", "iterates", *pi, *si1),
    ]
    support = {"practice": "ckm:SupportingAndAssisting"}
    assert ask(evidence, "overlapping-or-iterating-practices", support) == []


def test_support_requests_redirected(evidence):
    # ie: redirected, not resolved; if: redirected, resolved; ig: redirected, resolution not
    # recorded; ih: not redirected.
    vendor = ("ex:vendorx", "Video vendor X")
    assert ask(evidence, "support-requests-redirected") == [
        ("ex:ie", "2025-06-02", "ex:si1", "System Integrator 1", *vendor, False),
        ("ex:ig", "2025-07-01", "ex:si2", "System Integrator 2", *vendor, None),
    ]
    june = ask(evidence, "support-requests-redirected", {"to": "2025-06-30"})
    assert [r[0] for r in june] == ["ex:ie"]


def test_diverging_value_perceptions(evidence):
    # The video integration: TechCo positive, SI 1 negative; the intrusion one: both positive.
    assert ask(evidence, "diverging-value-perceptions") == [
        ("ex:acs-vms", "ACS-video integration", "ex:techco", "TechCo", "ckm:Positive",
         "ex:si1", "System Integrator 1", "ckm:Negative"),
    ]  # fmt: skip


def test_challenges_by_sub_category(evidence):
    # qa: loyalty / relationship (sales); qb, qe: insights / customer insight (sales, tech);
    # qc: insights / gathering insight (tech); qd: access / customer access (tech).
    ci = ("ckm:CustomerInteractionsAndRelationships", "customer interactions and relationships")
    sd = ("ckm:ServiceDesignProcesses", "service design processes")
    rows = ask(evidence, "challenges-by-sub-category")
    assert [(r[0], r[1], r[2], r[3], r[4], r[7]) for r in rows] == [
        ("ckm:ResourceAccessChallenge", "ckm:CustomerAccess", ci[0],
         "Technical specialist", D(1), ci[1]),
        ("ckm:CustomerLoyaltyChallenge", "ckm:CompanyCustomerRelationship", ci[0],
         "Sales manager", D(1), ci[1]),
        ("ckm:CustomerInsightChallenge", "ckm:CustomerInsight", ci[0], "Sales manager", D(1),
         ci[1]),
        ("ckm:CustomerInsightChallenge", "ckm:CustomerInsight", ci[0], "Technical specialist",
         D(1), ci[1]),
        ("ckm:CustomerInsightChallenge", "ckm:GatheringCustomerInsight", sd[0],
         "Technical specialist", D(1), sd[1]),
    ]  # fmt: skip
    one = ask(evidence, "challenges-by-sub-category", {"challenge": "ckm:ResourceAccessChallenge"})
    assert [r[1] for r in one] == ["ckm:CustomerAccess"]


def test_latest_kpi_values(evidence):
    # Customer engagement: participation at the programme 40 (31 March), then 55 (30 June);
    # feedback 12 (30 June); satisfaction at the community 4.2 (1 May). The NPS (loyalty)
    # is another category.
    programme = ("ex:init-t", "Integration partner programme")
    assert ask(evidence, "latest-kpi-values") == [
        (*programme, "ckm:FeedbackFrequency", "feedback frequency", D(12), "2025-06-30"),
        (*programme, "ckm:ParticipationRate", "participation rate", D(55), "2025-06-30"),
        ("ex:init-u", "User community", "ckm:CustomerSatisfactionScore",
         "customer satisfaction score", D("4.2"), "2025-05-01"),
    ]  # fmt: skip
    loyalty = ask(evidence, "latest-kpi-values", {"category": "ckm:CustomerLoyaltyAndAdvocacy"})
    assert [(r[2], r[4]) for r in loyalty] == [("ckm:NetPromoterScore", D(30))]


def test_frontline_employees_in_support(evidence):
    # ie (SI 1): desk1, told of SI 1's priority, and desk2, told of SI 2's only; ig (SI 2):
    # desk1, not told of SI 2's. ia is producing & implementing, not support.
    si1 = ("ex:si1", "System Integrator 1")
    si2 = ("ex:si2", "System Integrator 2")
    assert ask(evidence, "frontline-employees-in-support") == [
        ("ex:ie", "2025-06-02", "ex:desk1", "Support employee 1", *si1, True),
        ("ex:ie", "2025-06-02", "ex:desk2", "Support employee 2", *si1, False),
        ("ex:ig", "2025-07-01", "ex:desk1", "Support employee 1", *si2, False),
    ]
