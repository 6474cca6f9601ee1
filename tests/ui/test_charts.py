"""The chart table's pivot and the report's SVG charts, on hand-made SPARQL JSON."""

from __future__ import annotations

import re
from xml.etree import ElementTree

import pytest

from kg.reporting.charts import ChartSpec, chart_data, charts_json, term_label
from kg.reporting.svg import chart_svg

CKM = "https://w3id.org/ckm#"


def uri(local: str) -> dict[str, str]:
    return {"type": "uri", "value": CKM + local}


def literal(value: object) -> dict[str, str]:
    return {"type": "literal", "value": str(value)}


def results(*rows: dict) -> dict:
    return {"head": {"vars": []}, "results": {"bindings": list(rows)}}


SPHERES = ChartSpec("q", category="style", series=("sphere",), kind="stacked")
ROWS = results(
    {"style": uri("MutualInnovation"), "sphere": uri("JointSphere"), "count": literal(3)},
    {"style": uri("Prosumerism"), "sphere": uri("ProviderSphere"), "count": literal(2)},
    {"style": uri("MutualInnovation"), "sphere": uri("ProviderSphere"), "count": literal(1)},
    {"style": uri("MutualInnovation"), "sphere": uri("JointSphere"), "count": literal(4)},
)


@pytest.mark.parametrize(
    ("term", "label"),
    [
        (uri("JointSphere"), "Joint Sphere"),
        (uri("CKMStyle"), "CKM Style"),
        ({"type": "uri", "value": "http://example.org/id/firm/medsoft"}, "medsoft"),
        (literal("team-based co-learning"), "team-based co-learning"),
        (None, "(not recorded)"),
    ],
)
def test_terms_read_as_words(term, label):
    assert term_label(term) == label


def test_results_pivot_into_categories_in_order_and_series_by_name():
    data = chart_data(SPHERES, ROWS)
    assert data.categories == ("Mutual Innovation", "Prosumerism")
    assert [(s.name, s.values) for s in data.series] == [
        ("Joint Sphere", (7.0, 0.0)),  # repeated rows are summed
        ("Provider Sphere", (1.0, 2.0)),
    ]


def test_several_series_variables_are_joined():
    spec = ChartSpec("q", category="p", series=("a", "o"))
    row = {"p": literal("co-design"), "a": uri("Aligned"), "o": uri("ValueCoCreation")}
    data = chart_data(spec, results(row | {"count": literal(2)}))
    assert data.series[0].name == "Aligned · Value Co Creation"


def test_a_label_companion_names_the_value_and_unbound_values_say_so():
    spec = ChartSpec("q", category="sphere", series=("style",))
    row = {"sphere": uri("JointSphere"), "sphereLabel": literal("joint sphere")}
    data = chart_data(spec, results(row | {"count": literal(5)}))
    assert data.categories == ("joint sphere",)
    assert data.series[0].name == "(not recorded)"


@pytest.mark.parametrize("kind", ["bar", "stacked", "horizontal", "line"])
def test_every_kind_draws_well_formed_svg(kind):
    svg = chart_svg(chart_data(SPHERES, ROWS), kind, "Interactions <by> style")
    root = ElementTree.fromstring(svg)
    assert root.get("data-categories") == "2" and root.get("data-series") == "2"
    marks = [e for e in root.iter() if e.tag.endswith(("rect", "circle"))]
    assert len(marks) >= 3 + 2  # 3 non-zero values (+ 2 legend swatches)
    assert "Interactions &lt;by&gt; style" in svg


def test_an_empty_chart_says_so():
    svg = chart_svg(chart_data(SPHERES, results()), "bar", "Nothing")
    assert "No data" in svg and re.search(r"<rect", svg) is None


def test_the_dashboard_gets_the_same_chart_table():
    table = charts_json()
    assert [c["query"] for c in table["charts"]] == [
        "knowledge-flows-by-month",
        "interactions-by-sphere-and-style",
        "partner-motives-and-needs",
        "contributions-by-value-area",
        "alignment-outcome-by-ri-practice",
    ]
    assert len(table["palette"]) >= 5


MONTHS = ChartSpec("q", category="month", series=("direction",), kind="line", timeline=True)
FLOWS = results(
    {"month": literal("2024-11"), "direction": literal("for"), "count": literal(2)},
    {"month": literal("2025-02"), "direction": literal("from"), "count": literal(3)},
)


def test_a_timeline_has_every_month_with_zero_where_nothing_happened():
    data = chart_data(MONTHS, FLOWS)
    assert data.categories == ("2024-11", "2024-12", "2025-01", "2025-02")
    assert [(s.name, s.values) for s in data.series] == [
        ("for", (2.0, 0.0, 0.0, 0.0)),
        ("from", (0.0, 0.0, 0.0, 3.0)),
    ]


def test_a_timeline_covers_the_period_asked_for():
    data = chart_data(MONTHS, FLOWS, ("2024-10-15", "2025-03-31"))
    assert data.categories == ("2024-10", "2024-11", "2024-12", "2025-01", "2025-02", "2025-03")


def test_a_chart_of_zeros_is_empty():
    nothing = chart_data(MONTHS, results(), ("2024-01-01", "2024-03-31"))
    assert nothing.categories == ("2024-01", "2024-02", "2024-03")
    assert nothing.empty
    assert not chart_data(MONTHS, FLOWS).empty
