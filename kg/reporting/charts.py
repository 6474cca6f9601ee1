"""The charts of the dashboard and the report: which saved query each one draws, and
how its SPARQL JSON results become categories and series.

One table, :data:`CKM_CHARTS`, serves both faces: the web dashboard receives it as JSON
(:func:`charts_json`) and draws it with Chart.js in the browser; ``ckm report`` pivots
the same results with :func:`chart_data` and draws them as inline SVG.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

ChartKind = Literal["bar", "stacked", "horizontal", "line"]

# Colour-blind-safe palette (Okabe & Ito), shared by the dashboard and the report.
PALETTE: tuple[str, ...] = (
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#CC79A7",
    "#56B4E9",
    "#D55E00",
    "#F0E442",
    "#000000",
)
SERIES_SEPARATOR = " · "
LABEL_SUFFIX = "Label"  # the saved queries give ?sphereLabel beside ?sphere
UNBOUND = "(not recorded)"


@dataclass(frozen=True)
class ChartSpec:
    """How one saved query is drawn.

    Attributes:
        query: the saved query's name (``GET /api/queries/{query}``); its title and
            question head the chart.
        category: the result variable along the category axis.
        series: the variables whose values, joined, name a series (none: one series).
        value: the numeric result variable.
        kind: ``bar`` (grouped), ``stacked``, ``horizontal`` (stacked, categories
            down the side) or ``line``.
        timeline: the categories are months (``YYYY-MM``): every month from the first
            to the last (or of the period asked for) is on the axis, 0 where nothing
            happened, so that a gap reads as a gap.
    """

    query: str
    category: str
    series: tuple[str, ...] = ()
    value: str = "count"
    kind: ChartKind = "bar"
    timeline: bool = False


CKM_CHARTS: tuple[ChartSpec, ...] = (
    ChartSpec(
        "knowledge-flows-by-month",
        category="month",
        series=("direction",),
        kind="line",
        timeline=True,
    ),
    ChartSpec(
        "interactions-by-sphere-and-style",
        category="style",
        series=("sphere",),
        kind="stacked",
    ),
    ChartSpec(
        "partner-motives-and-needs",
        category="label",
        series=("kind",),
        kind="horizontal",
    ),
    ChartSpec(
        "contributions-by-value-area",
        category="valueArea",
        kind="bar",
    ),
    ChartSpec(
        "alignment-outcome-by-ri-practice",
        category="practice",
        series=("alignment", "outcome"),
        kind="horizontal",
    ),
)


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple[float, ...]


@dataclass(frozen=True)
class ChartData:
    """A chart's numbers: one value per category in every series (0 where absent)."""

    categories: tuple[str, ...]
    series: tuple[Series, ...] = field(default_factory=tuple)

    @property
    def empty(self) -> bool:
        """Nothing to draw: no category, or only zeros (a period with nothing recorded)."""
        return not any(value for series in self.series for value in series.values)


def term_label(term: Mapping[str, Any] | None) -> str:
    """A SPARQL JSON term as a reader should see it: a literal's text, an IRI's local
    name in words (``https://w3id.org/ckm#JointSphere`` → ``Joint Sphere``)."""
    if not term:
        return UNBOUND
    value = str(term.get("value", ""))
    if term.get("type") != "uri":
        return value
    local = re.split(r"[#/]", value.rstrip("/#"))[-1] or value
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", " ", local)


def value_label(row: Mapping[str, Any], variable: str) -> str:
    """What a result row shows for ``variable``: its ``…Label`` companion when the query
    selects one, else the term itself in words (:func:`term_label`)."""
    return term_label(row.get(variable + LABEL_SUFFIX) or row.get(variable))


def _number(term: Mapping[str, Any] | None) -> float:
    try:
        return float(term["value"]) if term else 0.0
    except (KeyError, TypeError, ValueError):
        return 0.0


_MONTH = re.compile(r"(\d{4})-(\d{2})")


def every_month(months: list[str], first: str | None = None, last: str | None = None) -> list[str]:
    """Every month (``YYYY-MM``) from the earliest of ``months`` and ``first`` to the
    latest of ``months`` and ``last`` (dates ``YYYY-MM-DD`` are cut to their month);
    values that are not months are left out.

    >>> every_month(["2024-11", "2025-02"])
    ['2024-11', '2024-12', '2025-01', '2025-02']
    >>> every_month([], "2024-01-15", "2024-03-01")
    ['2024-01', '2024-02', '2024-03']
    """
    found = sorted(m[:7] for m in (*months, first or "", last or "") if _MONTH.match(m))
    if not found:
        return []
    year, month = int(found[0][:4]), int(found[0][5:7])
    end = (int(found[-1][:4]), int(found[-1][5:7]))
    axis = []
    while (year, month) <= end:
        axis.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return axis


def chart_data(
    spec: ChartSpec,
    results: Mapping[str, Any],
    period: tuple[str | None, str | None] = (None, None),
) -> ChartData:
    """Pivot SPARQL JSON ``results`` into categories by series for ``spec``.

    Categories keep the order in which the results first name them (the saved queries
    order their rows); series are sorted by name, so a series keeps its colour from one
    firm to the next. Repeated (category, series) rows are summed. A timeline's
    categories are every month of the data and of ``period`` (from, to), in order.
    """
    totals: dict[tuple[str, str], float] = {}
    categories: dict[str, None] = {}
    names: dict[str, None] = {}
    for row in results.get("results", {}).get("bindings", []):
        category = value_label(row, spec.category)
        name = SERIES_SEPARATOR.join(value_label(row, v) for v in spec.series)
        categories.setdefault(category)
        names.setdefault(name)
        totals[category, name] = totals.get((category, name), 0.0) + _number(row.get(spec.value))
    if spec.timeline:  # every month in order; anything else (unrecorded) after them
        others = [c for c in categories if not _MONTH.fullmatch(c)]
        categories = dict.fromkeys([*every_month(list(categories), *period), *others])
    return ChartData(
        tuple(categories),
        tuple(
            Series(name or spec.value, tuple(totals.get((c, name), 0.0) for c in categories))
            for name in sorted(names)
        ),
    )


def charts_json() -> dict[str, Any]:
    """The chart table and palette, as the dashboard reads them."""
    return {
        "palette": list(PALETTE),
        "seriesSeparator": SERIES_SEPARATOR,
        "labelSuffix": LABEL_SUFFIX,
        "unbound": UNBOUND,
        "charts": [asdict(spec) for spec in CKM_CHARTS],
    }
