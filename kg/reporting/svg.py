"""Charts as inline SVG: bars (grouped, stacked, horizontal) and lines, drawn from
:class:`~kg.reporting.charts.ChartData` with no script and no external asset, so a
report opens anywhere, prints, and can be mailed as one file."""

from __future__ import annotations

import math
from html import escape

from kg.reporting.charts import PALETTE, ChartData, ChartKind

WIDTH = 760
TOP = 16
LEGEND_ROW = 20
CHAR_WIDTH = 7.2  # generous average width of a 12 px sans-serif character, for layout
LABEL_CHARS = 30
LEGEND_CHARS = 48


def chart_svg(data: ChartData, kind: ChartKind, title: str) -> str:
    """``data`` drawn as ``kind``; an empty chart says so in words."""
    if data.empty:
        body, height = [_text(WIDTH / 2, 40, "No data", anchor="middle", cls="none")], 70
    elif kind == "horizontal":
        body, height = _horizontal(data)
    else:
        body, height = _vertical(data, kind)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" '
        f'viewBox="0 0 {WIDTH} {height:.0f}" width="100%" aria-label="{escape(title)}" '
        f'data-categories="{len(data.categories)}" data-series="{len(data.series)}">'
        f"<title>{escape(title)}</title>" + "".join(body) + "</svg>"
    )


def _colour(index: int) -> str:
    return PALETTE[index % len(PALETTE)]


def _text(
    x: float,
    y: float,
    text: str,
    anchor: str = "start",
    cls: str = "",
    limit: int = LABEL_CHARS,
    **extra: str,
) -> str:
    attributes = "".join(f' {k.replace("_", "-")}="{v}"' for k, v in extra.items())
    shown = text if len(text) <= limit else text[: limit - 1] + "…"
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" class="{cls}"{attributes}>'
        f"{escape(shown)}</text>"
    )


def _nice_ticks(maximum: float, count: int = 5) -> list[float]:
    """Round tick values from 0 to at least ``maximum`` (steps of 1, 2 or 5 times 10^n)."""
    if maximum <= 0:
        return [0.0, 1.0]
    raw = maximum / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)
    step = max(step, 1.0)  # counts: no fractional ticks
    return [i * step for i in range(math.ceil(maximum / step) + 1)]


def _format(value: float) -> str:
    return f"{value:.0f}" if value == int(value) else f"{value:.2f}"


def _legend(data: ChartData, y: float) -> tuple[list[str], float]:
    """Swatches and names in rows across the top; returns them and the height used."""
    if len(data.series) < 2:
        return [], 0.0
    parts, x, row = [], 8.0, 0
    for index, series in enumerate(data.series):
        width = 28 + CHAR_WIDTH * min(len(series.name), LEGEND_CHARS)
        if x + width > WIDTH and x > 8:
            x, row = 8.0, row + 1
        top = y + row * LEGEND_ROW
        parts.append(
            f'<rect x="{x:.1f}" y="{top:.1f}" width="12" height="12" fill="{_colour(index)}"/>'
        )
        parts.append(_text(x + 17, top + 10.5, series.name, cls="legend", limit=LEGEND_CHARS))
        x += width
    return parts, (row + 1) * LEGEND_ROW + 6


def _tooltip(category: str, series: str, value: float) -> str:
    return f"<title>{escape(category)} · {escape(series)}: {_format(value)}</title>"


def _vertical(data: ChartData, kind: ChartKind) -> tuple[list[str], float]:
    parts, legend_height = _legend(data, TOP)
    left, right, top = 48.0, 12.0, TOP + legend_height
    slot = (WIDTH - left - right) / len(data.categories)
    longest = min(max(map(len, data.categories)), LABEL_CHARS)
    rotate = longest * CHAR_WIDTH > slot - 8
    bottom = 30 + longest * CHAR_WIDTH * 0.65 if rotate else 36
    plot_height = 240.0
    height = top + plot_height + bottom
    stacked = kind == "stacked"
    columns = list(zip(*(s.values for s in data.series), strict=True))
    maximum = max((sum(c) if stacked else max(c)) for c in columns)
    ticks = _nice_ticks(maximum)

    def y_of(value: float) -> float:
        return top + plot_height - value / ticks[-1] * plot_height

    for tick in ticks:
        parts.append(
            f'<line x1="{left}" x2="{WIDTH - right}" y1="{y_of(tick):.1f}" '
            f'y2="{y_of(tick):.1f}" class="grid"/>'
        )
        parts.append(_text(left - 6, y_of(tick) + 4, _format(tick), anchor="end", cls="tick"))
    for i, category in enumerate(data.categories):
        centre = left + slot * (i + 0.5)
        if rotate:
            parts.append(
                _text(
                    centre,
                    top + plot_height + 14,
                    category,
                    anchor="end",
                    cls="tick",
                    transform=f"rotate(-40 {centre:.1f} {top + plot_height + 14:.1f})",
                )
            )
        else:
            parts.append(
                _text(centre, top + plot_height + 18, category, anchor="middle", cls="tick")
            )
    if kind == "line":
        parts += _lines(data, left, slot, y_of)
    else:
        parts += _bars(data, stacked, left, slot, y_of)
    return parts, height


def _bars(data: ChartData, stacked: bool, left: float, slot: float, y_of) -> list[str]:
    parts = []
    width = slot * (0.6 if stacked else 0.8 / len(data.series))
    for i, category in enumerate(data.categories):
        base = 0.0
        for s, series in enumerate(data.series):
            value = series.values[i]
            if value <= 0:
                continue
            x = left + slot * (i + 0.5) - (width / 2 if stacked else slot * 0.4 - s * width)
            low, high = (base, base + value) if stacked else (0.0, value)
            parts.append(
                f'<rect x="{x:.1f}" y="{y_of(high):.1f}" width="{width:.1f}" '
                f'height="{y_of(low) - y_of(high):.1f}" fill="{_colour(s)}">'
                f"{_tooltip(category, series.name, value)}</rect>"
            )
            base = high if stacked else base
    return parts


def _lines(data: ChartData, left: float, slot: float, y_of) -> list[str]:
    parts = []
    for s, series in enumerate(data.series):
        points = [(left + slot * (i + 0.5), y_of(v)) for i, v in enumerate(series.values)]
        path = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
        parts.append(
            f'<polyline points="{path}" fill="none" stroke="{_colour(s)}" stroke-width="2.5"/>'
        )
        for (x, y), category, value in zip(points, data.categories, series.values, strict=True):
            parts.append(
                f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3.5" fill="{_colour(s)}">'
                f"{_tooltip(category, series.name, value)}</circle>"
            )
    return parts


def _horizontal(data: ChartData) -> tuple[list[str], float]:
    """Stacked bars, one row per category, labels down the left side."""
    parts, legend_height = _legend(data, TOP)
    left = 12 + CHAR_WIDTH * min(max(map(len, data.categories)), LABEL_CHARS)
    right, top, row = 20.0, TOP + legend_height, 24.0
    plot_height = row * len(data.categories)
    height = top + plot_height + 30
    totals = [sum(c) for c in zip(*(s.values for s in data.series), strict=True)]
    ticks = _nice_ticks(max(totals))

    def x_of(value: float) -> float:
        return left + value / ticks[-1] * (WIDTH - left - right)

    for tick in ticks:
        parts.append(
            f'<line x1="{x_of(tick):.1f}" x2="{x_of(tick):.1f}" y1="{top}" '
            f'y2="{top + plot_height}" class="grid"/>'
        )
        parts.append(_text(x_of(tick), top + plot_height + 16, _format(tick), "middle", "tick"))
    for i, category in enumerate(data.categories):
        y = top + row * i
        parts.append(_text(left - 6, y + row * 0.65, category, anchor="end", cls="tick"))
        base = 0.0
        for s, series in enumerate(data.series):
            value = series.values[i]
            if value <= 0:
                continue
            parts.append(
                f'<rect x="{x_of(base):.1f}" y="{y + 4:.1f}" '
                f'width="{x_of(base + value) - x_of(base):.1f}" height="{row - 8:.1f}" '
                f'fill="{_colour(s)}">{_tooltip(category, series.name, value)}</rect>'
            )
            base += value
    return parts, height
