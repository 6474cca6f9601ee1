"""The saved queries of seed 002's B2B co-creation practice against tests/queries/data/b2b.ttl,
with every answer worked out by hand from that file (never by running the query). Rows are
tuples in the order of the query's variables (see ``conftest.simple``).

The fixture in brief. NetCo (departments Sales: Sam, Sara; Help desk: Hana, Hugo) serves
University (main contact Sam), Ad Agency (none) and School (Sam and Sara); WebHouse
(Support: Wes) serves School (Wes) and Shop (none). Interactions i1-i7, knowledge k1-k8,
incidents break1-break4, contracts ct1-ct4, projects Backup service, Customer portal and
Shop website, assessments a1-a6 (NetCo) and w1 (WebHouse), recommendations r1-r4.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal as D
from pathlib import Path

import pytest

from kg.graph import KnowledgeGraph
from tests.queries.conftest import EX, answer, fixture_graph

B2B_TTL = Path(__file__).with_name("data") / "b2b.ttl"
NETCO = EX + "netco"
WEBHOUSE = EX + "webhouse"
NETCO_ROW = ("ex:netco", "NetCo")
WEBHOUSE_ROW = ("ex:webhouse", "WebHouse")


@pytest.fixture(scope="module")
def b2b(tmp_path_factory: pytest.TempPathFactory) -> Iterator[KnowledgeGraph]:
    """A knowledge graph holding exactly b2b.ttl, written through the real write road
    (refused data would fail here); tests must only read it."""
    yield from fixture_graph(tmp_path_factory, "b2b")


def columns(rows: list[tuple], *indexes: int) -> list[tuple]:
    """The given columns of each row, in order."""
    return [tuple(row[i] for i in indexes) for row in rows]


# -- CQ2: employees handling each customer ---------------------------------------------


def test_employees_per_customer(b2b):
    # NetCo: University by Hana (i1), Hugo (i2), Sam (i3); Ad Agency by Hana (i4); School
    # by Sam (i5). WebHouse: School by Wes (i6); Shop's i7 has no handler.
    assert answer(b2b, "employees-per-customer") == [
        ("ex:netco", "NetCo", "ex:uni", "University", D(3), True),
        ("ex:netco", "NetCo", "ex:agency", "Ad Agency", D(1), False),
        ("ex:netco", "NetCo", "ex:school", "School", D(1), False),
        ("ex:webhouse", "WebHouse", "ex:school", "School", D(1), False),
        ("ex:webhouse", "WebHouse", "ex:shop", "Shop", D(0), False),
    ]


def test_employees_per_customer_in_a_period_with_a_higher_limit(b2b):
    # February-March: University i2 (Hugo), i3 (Sam); Ad Agency i4 (Hana); School's i5 is
    # in April; WebHouse: School i6 (Wes), Shop's i7 in 2024.
    params = {"from": "2025-02-01", "to": "2025-03-31", "maxEmployees": "1"}
    assert answer(b2b, "employees-per-customer", params) == [
        ("ex:netco", "NetCo", "ex:uni", "University", D(2), True),
        ("ex:netco", "NetCo", "ex:agency", "Ad Agency", D(1), False),
        ("ex:netco", "NetCo", "ex:school", "School", D(0), False),
        ("ex:webhouse", "WebHouse", "ex:school", "School", D(1), False),
        ("ex:webhouse", "WebHouse", "ex:shop", "Shop", D(0), False),
    ]
    params = {"firm": NETCO, "maxEmployees": "3"}
    assert columns(answer(b2b, "employees-per-customer", params), 2, 4, 5) == [
        ("ex:uni", D(3), False),
        ("ex:agency", D(1), False),
        ("ex:school", D(1), False),
    ]


# -- CQ3: customers without exactly one main contact ------------------------------------


def test_customers_without_one_main_contact(b2b):
    # Ad Agency has none at NetCo; School has Sam and Sara at NetCo (Wes is WebHouse's,
    # its only one there); Shop has none at WebHouse; University has exactly Sam.
    assert answer(b2b, "customers-without-one-main-contact") == [
        ("ex:netco", "NetCo", "ex:agency", "Ad Agency", D(0), None, None),
        ("ex:netco", "NetCo", "ex:school", "School", D(2), "ex:sam", "Sam"),
        ("ex:netco", "NetCo", "ex:school", "School", D(2), "ex:sara", "Sara"),
        ("ex:webhouse", "WebHouse", "ex:shop", "Shop", D(0), None, None),
    ]
    assert columns(answer(b2b, "customers-without-one-main-contact", {"firm": WEBHOUSE}), 2, 4) == [
        ("ex:shop", D(0))
    ]


# -- CQ7: knowledge stores a department cannot access -----------------------------------


def test_stores_not_accessible_to_departments(b2b):
    # NetCo's knowledge: ticketing system k1 (i1), k5 and k8 (i4); e-mail k2 (i3); CRM k3
    # (i3), k4 (i5). Sales reads CRM and e-mail, the help desk the ticketing system.
    # WebHouse's k6, k7 are in the ticketing system, which its Support reads.
    assert answer(b2b, "stores-not-accessible-to-departments") == [
        ("ex:netco", "NetCo", "ex:netcoDesk", "Help desk", "ckm:CRMSystem", "CRM system", D(2)),
        (
            "ex:netco",
            "NetCo",
            "ex:netcoDesk",
            "Help desk",
            "ckm:EmailCorrespondence",
            "e-mail correspondence",
            D(1),
        ),
        (
            "ex:netco",
            "NetCo",
            "ex:netcoSales",
            "Sales",
            "ckm:TicketingSystem",
            "ticketing system",
            D(3),
        ),
    ]
    params = {"department": EX + "webDesk"}
    assert answer(b2b, "stores-not-accessible-to-departments", params) == []


# -- CQ11: customer involvement per service design stage --------------------------------


def test_design_stage_involvement_of_one_project(b2b):
    # Backup service: University informs at gathering and testing; School co-designs at
    # testing; no customer in processing, developing, launching.
    rows = answer(b2b, "design-stage-involvement", {"project": EX + "backup"})
    assert columns(rows, 3, 4, 6, 8) == [
        (D(1), "ckm:GatheringCustomerInsight", "ex:uni", "ckm:CustomerAsInformant"),
        (D(2), "ckm:ProcessingCustomerInformation", None, None),
        (D(3), "ckm:DevelopingValueProposition", None, None),
        (D(4), "ckm:TestingValueProposition", "ex:school", "ckm:CustomerAsCoDesigner"),
        (D(4), "ckm:TestingValueProposition", "ex:uni", "ckm:CustomerAsInformant"),
        (D(5), "ckm:LaunchingValueProposition", None, None),
    ]
    assert rows[3][9] == "customer as co-designer"


def test_design_stage_involvement_of_every_project(b2b):
    # 6 rows for Backup service, 5 empty stages for Customer portal, 5 for Shop website
    # (Shop co-designs at developing).
    rows = answer(b2b, "design-stage-involvement")
    assert len(rows) == 16
    assert [r[2] for r in rows] == ["Backup service"] * 6 + ["Customer portal"] * 5 + [
        "Shop website"
    ] * 5
    assert all(r[6] is None for r in rows if r[2] == "Customer portal")
    assert columns(answer(b2b, "design-stage-involvement", {"firm": WEBHOUSE}), 3, 6, 8) == [
        (D(1), None, None),
        (D(2), None, None),
        (D(3), "ex:shop", "ckm:CustomerAsCoDesigner"),
        (D(4), None, None),
        (D(5), None, None),
    ]


# -- CQ12: customers' access to information resources -----------------------------------


def test_customer_information_access(b2b):
    assert answer(b2b, "customer-information-access", {"firm": NETCO}) == [
        ("ex:netco", "NetCo", "ex:agency", "Ad Agency", None, None),
        ("ex:netco", "NetCo", "ex:school", "School", "ckm:OperationStatus", "operation status"),
        ("ex:netco", "NetCo", "ex:uni", "University", "ckm:ProjectStatus", "project status"),
        ("ex:netco", "NetCo", "ex:uni", "University", "ckm:SolutionDetails", "solution details"),
    ]
    assert columns(answer(b2b, "customer-information-access", {"firm": WEBHOUSE}), 2, 4) == [
        ("ex:school", "ckm:OperationStatus"),
        ("ex:shop", None),
    ]


# -- CQ13: incidents told without notifying the main contact ----------------------------


def test_incidents_without_main_contact(b2b):
    # break1: told to University in i1 (Hana); Hugo notified, Sam not. break2: Ad Agency
    # has no main contact; in i5 School's Sam handled the meeting, Sara was not told (Wes
    # is WebHouse's). break3: Wes handled i6. break4: Sam was notified.
    assert answer(b2b, "incidents-without-main-contact") == [
        (
            "ex:break1",
            "Service break",
            "ex:i1",
            "2025-01-10",
            "ex:uni",
            "University",
            "ex:sam",
            "Sam",
        ),
        (
            "ex:break2",
            "Network outage",
            "ex:i5",
            "2025-04-01",
            "ex:school",
            "School",
            "ex:sara",
            "Sara",
        ),
    ]
    params = {"firm": NETCO, "from": "2025-02-01"}
    assert columns(answer(b2b, "incidents-without-main-contact", params), 0, 6) == [
        ("ex:break2", "ex:sara")
    ]
    assert answer(b2b, "incidents-without-main-contact", {"firm": WEBHOUSE}) == []


# -- CQ16: silent churn -----------------------------------------------------------------


def test_silent_churn_contracts(b2b):
    # 180 days: ct1 (end 2025-06-30) had i4 on 2025-02-10, after 2025-01-01; ct2 (University,
    # end 2024-12-31) had no interaction before its end; ct3 (end 2024-09-30) had i7 on
    # 2024-06-01, after 2024-04-03; ct4 runs.
    assert answer(b2b, "silent-churn-contracts") == [
        ("ex:ct2", "ex:netco", "NetCo", "ex:uni", "University", "2024-12-31", None),
    ]


def test_silent_churn_with_a_shorter_quiet_window(b2b):
    # 90 days: ct3's window starts after 2024-07-02, ct1's after 2025-04-01; both quiet.
    assert answer(b2b, "silent-churn-contracts", {"quietDays": "90"}) == [
        ("ex:ct3", "ex:webhouse", "WebHouse", "ex:shop", "Shop", "2024-09-30", "2024-06-01"),
        ("ex:ct2", "ex:netco", "NetCo", "ex:uni", "University", "2024-12-31", None),
        ("ex:ct1", "ex:netco", "NetCo", "ex:agency", "Ad Agency", "2025-06-30", "2025-02-10"),
    ]
    params = {"firm": NETCO, "from": "2025-01-01", "quietDays": "90"}
    assert columns(answer(b2b, "silent-churn-contracts", params), 0) == [("ex:ct1",)]


# -- CQ17: complaints by cause ----------------------------------------------------------


def test_complaints_traced_back_to_transparency(b2b):
    assert answer(b2b, "complaints-by-cause") == [
        ("ex:k1", "We do not know what we actually bought", "2025-01-10", "ex:uni", "University"),
        ("ex:k2", "The invoices are big for the work done", "2025-03-01", "ex:uni", "University"),
        ("ex:k6", "Unclear what the support contract covers", "2025-03-15", "ex:school", "School"),
    ]
    assert columns(answer(b2b, "complaints-by-cause", {"firm": NETCO}), 0) == [
        ("ex:k1",),
        ("ex:k2",),
    ]
    params = {"cause": "ckm:ResourceAccessChallenge"}
    assert columns(answer(b2b, "complaints-by-cause", params), 0, 3) == [("ex:k5", "ex:agency")]


# -- CQ19: offerings supporting no customer process --------------------------------------


def test_offerings_supporting_no_customer_process(b2b):
    # Data backup supports Teaching, Web hosting Online sales.
    assert answer(b2b, "offerings-supporting-no-customer-process") == [
        ("ex:netco", "NetCo", "ex:networkDesign", "Network design"),
        ("ex:netco", "NetCo", "ex:hardware", "Standard hardware"),
    ]
    assert answer(b2b, "offerings-supporting-no-customer-process", {"firm": WEBHOUSE}) == []


# -- CQ20: business partners in offerings -------------------------------------------------


def test_business_partners_in_offerings(b2b):
    # Cloud Partner co-produces Data backup, NetCo resells its Network design; HW Vendor's
    # Standard hardware is only resold; Design Studio co-produces Web hosting.
    rows = answer(b2b, "business-partners-in-offerings")
    assert [row[:7] for row in rows] == [
        ("ex:netco", "NetCo", "ex:cloud", "Cloud Partner", D(1), D(1), False),
        ("ex:netco", "NetCo", "ex:vendor", "HW Vendor", D(0), D(1), True),
        ("ex:webhouse", "WebHouse", "ex:designer", "Design Studio", D(1), D(0), False),
    ]
    # The order inside the concatenation is not defined.
    assert [set(row[7].split(", ")) for row in rows] == [
        {"Data backup", "Network design"},
        {"Standard hardware"},
        {"Web hosting"},
    ]


# -- CQ21: moments of truth without decision rights --------------------------------------


def test_moments_of_truth_without_decision_rights(b2b):
    # i1: Hana (routine only) on a technical problem; i4: Hana on an emergency. Hugo may
    # decide technical problems (i2), Sam commercial matters (i3), Wes technical ones
    # (i6); i5 has no issue type.
    assert answer(b2b, "moments-of-truth-without-decision-rights") == [
        (
            "ex:i1",
            "2025-01-10",
            "ex:uni",
            "University",
            "ex:hana",
            "Hana",
            "ckm:TechnicalIssue",
            "technical problem",
        ),
        (
            "ex:i4",
            "2025-02-10",
            "ex:agency",
            "Ad Agency",
            "ex:hana",
            "Hana",
            "ckm:EmergencyIssue",
            "emergency",
        ),
    ]
    assert answer(b2b, "moments-of-truth-without-decision-rights", {"firm": WEBHOUSE}) == []
    params = {"from": "2025-02-01"}
    assert columns(answer(b2b, "moments-of-truth-without-decision-rights", params), 0) == [
        ("ex:i4",)
    ]


def test_handled_interactions_are_classified_as_moments_of_truth(b2b):
    # The write road's OWL 2 RL inferences classify ckm:MomentOfTruth (an interaction
    # handled by an employee): i1-i6 have a handler, i7 has none.
    rows = b2b.select("SELECT DISTINCT ?i WHERE { ?i a <https://w3id.org/ckm#MomentOfTruth> }")
    assert {str(row["i"]).removeprefix(EX) for row in rows} == {"i1", "i2", "i3", "i4", "i5", "i6"}


# -- CQ23: challenges without a recommendation -------------------------------------------


def test_challenges_without_recommendation(b2b):
    # r1-r4 address access, transparency, interaction encounters, customer insights and
    # empowerment (r4 for no firm); six of the eleven remain.
    assert answer(b2b, "challenges-without-recommendation") == [
        ("ckm:ProcessEfficiencyChallenge", "business and process efficiency"),
        ("ckm:CustomerLoyaltyChallenge", "continuous focus on customer loyalty"),
        ("ckm:CustomerActivationChallenge", "customer activation"),
        ("ckm:ValueNetworkChallenge", "establishing integrated value network constellations"),
        ("ckm:HeterogeneityChallenge", "heterogeneity"),
        ("ckm:OperationalAlignmentChallenge", "operational alignment with customer processes"),
    ]


def test_challenges_without_recommendation_for_one_firm(b2b):
    # For NetCo only r1 and r2 count: customer insights and empowerment are open too.
    assert columns(answer(b2b, "challenges-without-recommendation", {"firm": NETCO}), 1) == [
        ("business and process efficiency",),
        ("continuous focus on customer loyalty",),
        ("customer activation",),
        ("customer insights",),
        ("empowerment",),
        ("establishing integrated value network constellations",),
        ("heterogeneity",),
        ("operational alignment with customer processes",),
    ]


# -- CQ24: position on the conventional to co-creation scale ------------------------------

# The fifteen sub-categories in the query's order: category label, then sub-category label.
SUB_CATEGORIES = (
    "ckm:AmountOfInteractions",
    "ckm:CompanyCustomerRelationship",
    "ckm:CustomerAccess",
    "ckm:CustomerInsight",
    "ckm:NatureOfInteractions",
    "ckm:DevelopingValueProposition",
    "ckm:GatheringCustomerInsight",
    "ckm:LaunchingValueProposition",
    "ckm:ProcessingCustomerInformation",
    "ckm:TestingValueProposition",
    "ckm:BusinessGoals",
    "ckm:ValueNetworkPosition",
    "ckm:FirmResources",
    "ckm:StrategyProcess",
    "ckm:ValueCreationProcessFocus",
)


def positions(rows: list[tuple]) -> dict[str, tuple]:
    """sub-category -> (latest date, position, previous date, previous position, change)."""
    return {row[4]: row[6:] for row in rows if row[6] is not None}


def test_approach_position_by_sub_category(b2b):
    rows = answer(b2b, "approach-position-by-sub-category", {"firm": NETCO})
    assert [row[4] for row in rows] == list(SUB_CATEGORIES)
    assert {row[:2] for row in rows} == {NETCO_ROW}
    assert rows[0][2:4] == (
        "ckm:CustomerInteractionsAndRelationships",
        "customer interactions and relationships",
    )
    # Access 0.1 (2024-01-15) then 0.4 (2025-01-15); strategy once, 0.2; testing 0.5, 0.3
    # (2024-06-01), 0.6.
    assert positions(rows) == {
        "ckm:CustomerAccess": ("2025-01-15", D("0.4"), "2024-01-15", D("0.1"), D("0.3")),
        "ckm:TestingValueProposition": ("2025-01-15", D("0.6"), "2024-06-01", D("0.3"), D("0.3")),
        "ckm:StrategyProcess": ("2025-01-15", D("0.2"), None, None, None),
    }


def test_approach_position_as_of_an_earlier_day(b2b):
    rows = answer(b2b, "approach-position-by-sub-category", {"firm": NETCO, "asOf": "2024-12-31"})
    assert positions(rows) == {
        "ckm:CustomerAccess": ("2024-01-15", D("0.1"), None, None, None),
        "ckm:TestingValueProposition": ("2024-06-01", D("0.3"), "2024-01-15", D("0.5"), D("-0.2")),
    }


def test_approach_position_for_every_assessed_firm(b2b):
    rows = answer(b2b, "approach-position-by-sub-category")
    assert len(rows) == 30
    webhouse = [row for row in rows if row[0] == "ex:webhouse"]
    assert positions(webhouse) == {
        "ckm:NatureOfInteractions": ("2025-02-01", D("0.7"), None, None, None)
    }


# -- CQ25: willing customers without co-design -------------------------------------------


def test_willing_customers_without_co_design(b2b):
    # Willing: Ad Agency (k8, i4), University (k3, i3), School (k4, i5) at NetCo; Shop (k7)
    # at WebHouse. School co-designs Backup service, Shop the Shop website; University only
    # informs (one project, two stages); Ad Agency is in no project.
    assert answer(b2b, "willing-customers-without-co-design") == [
        ("ex:netco", "NetCo", "ex:agency", "Ad Agency", "2025-02-10", D(0)),
        ("ex:netco", "NetCo", "ex:uni", "University", "2025-03-01", D(1)),
    ]
    assert answer(b2b, "willing-customers-without-co-design", {"firm": WEBHOUSE}) == []
