"""Benchmark charts as standalone SVG files in ``docs/bench/``, drawn by the report's
own SVG code (``kg.reporting.svg``) with its stylesheet inlined, so a file renders by
itself on GitHub and in docs."""

from __future__ import annotations

from pathlib import Path

from bench.report import DOCS
from kg import ChartData, ChartKind, Series, chart_svg

# What report.html.j2 gives the chart classes, for an SVG shown on its own.
_STYLE = (
    "<style>.grid{stroke:#d0d4d9}.tick,.legend{font:12px system-ui,sans-serif;fill:#1f2328}"
    ".none{font:15px system-ui,sans-serif;fill:#6a737d}</style>"
)


def write_chart(
    name: str,
    title: str,
    categories: list[str],
    series: dict[str, list[float]],
    kind: ChartKind = "bar",
    folder: Path = DOCS,
) -> Path:
    """Draw ``series`` (name → one value per category) and write ``folder/name.svg``."""
    data = ChartData(
        tuple(categories),
        tuple(Series(label, tuple(values)) for label, values in series.items()),
    )
    svg = chart_svg(data, kind, title)
    opening = svg.index(">") + 1
    heading = f'<text x="8" y="12" class="tick" font-weight="bold">{_escaped(title)}</text>'
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.svg"
    path.write_text(svg[:opening] + _STYLE + heading + svg[opening:] + "\n")
    return path


def _escaped(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
