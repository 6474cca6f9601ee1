"""``ckm report``: one self-contained HTML page summarising a firm's customer knowledge
management — knowledge flows, CKM styles and value spheres, knowledge partners,
contributions and co-creation outcomes — from the saved queries.

The page carries its charts as inline SVG and its styles inline: no script, no font,
no image or stylesheet from anywhere else, so it opens offline, prints, and can be
mailed as one file.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from jinja2 import Environment, PackageLoader
from markupsafe import Markup

import kg
from kg.diagnosis.diagnosis import Diagnosis
from kg.errors import UnknownFirm
from kg.graph import KnowledgeGraph
from kg.iri import checked_iri
from kg.queries import results_json, saved_queries
from kg.reporting.charts import CKM_CHARTS, ChartData, ChartSpec, chart_data
from kg.reporting.svg import chart_svg
from kg.vocab import sparql_prologue

FIRM_PARAMETER = "firm"
_FIRM_PROFILE = """
SELECT ?label ?country ?employees ?field ?comment WHERE {{
  <{firm}> a ckm:Firm .
  OPTIONAL {{ <{firm}> rdfs:label ?label }}
  OPTIONAL {{ <{firm}> ckm:country ?country }}
  OPTIONAL {{ <{firm}> ckm:employeeCount ?employees }}
  OPTIONAL {{ <{firm}> ckm:businessField ?field }}
  OPTIONAL {{ <{firm}> rdfs:comment ?comment }}
}} LIMIT 1
"""


@dataclass(frozen=True)
class FirmProfile:
    iri: str
    label: str
    facts: Mapping[str, str]
    comment: str = ""


@dataclass(frozen=True)
class Section:
    """One chart of the report, with the saved query it comes from."""

    spec: ChartSpec
    title: str
    question: str
    sources: Sequence[str]
    data: ChartData
    svg: Markup
    firm_scoped: bool

    @property
    def total(self) -> float:
        return sum(sum(s.values) for s in self.data.series)


@dataclass(frozen=True)
class Report:
    sections: Sequence[Section]
    firm: FirmProfile | None = None
    # The firm's diagnosis (docs/DIAGNOSIS.md), over all its data; None for all firms.
    diagnosis: Diagnosis | None = None
    generated: datetime = field(default_factory=lambda: datetime.now(UTC))


def firm_profile(graph: KnowledgeGraph, firm: str) -> FirmProfile:
    """The label and key facts of ``firm``.

    Raises:
        InvalidIri: ``firm`` is not an absolute IRI.
        UnknownFirm: no ``ckm:Firm`` has that IRI.
    """
    iri = checked_iri(firm)
    rows = graph.select(sparql_prologue() + _FIRM_PROFILE.format(firm=iri))
    if not rows:
        raise UnknownFirm(f"no ckm:Firm {firm} in the store")
    row = rows[0]
    facts = {
        "country": row.get("country"),
        "employees": row.get("employees"),
        "business field": row.get("field"),
    }
    return FirmProfile(
        str(iri),
        str(row.get("label") or iri),
        {name: str(value) for name, value in facts.items() if value is not None},
        str(row.get("comment") or ""),
    )


def build_report(graph: KnowledgeGraph, firm: str | None = None) -> Report:
    """Run the saved queries behind :data:`CKM_CHARTS` (for ``firm`` where a query takes
    a ``firm`` parameter) and gather their charts.

    Raises:
        InvalidIri, UnknownFirm: see :func:`firm_profile`.
        KeyError: a chart names a saved query that does not exist.
    """
    profile = firm_profile(graph, firm) if firm else None
    for_firm = {FIRM_PARAMETER: profile.iri} if profile else {}
    queries = saved_queries()
    sections = []
    for spec in CKM_CHARTS:
        query = queries[spec.query]
        params = for_firm if query.parameter(FIRM_PARAMETER) else {}
        data = chart_data(spec, results_json(graph, spec.query, params))
        sections.append(
            Section(
                spec,
                query.title,
                query.question,
                query.sources,
                data,
                Markup(chart_svg(data, spec.kind, query.title)),
                bool(params),
            )
        )
    diagnosis = graph.diagnose(checked_iri(profile.iri)) if profile else None
    return Report(tuple(sections), profile, diagnosis)


def render_report(report: Report) -> str:
    """``report`` as one HTML page with everything inline."""
    environment = Environment(
        loader=PackageLoader("kg.reporting"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return environment.get_template("report.html.j2").render(report=report, version=kg.__version__)
