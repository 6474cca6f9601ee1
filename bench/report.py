"""What a benchmark run found: Markdown tables, printed as they come and written to
``docs/bench/results-<size>.md`` at the end, for docs/BENCHMARKS.md to include."""

from __future__ import annotations

import os
import platform
import subprocess
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

DOCS = Path(__file__).resolve().parents[1] / "docs" / "bench"


@dataclass
class Table:
    """One Markdown table with a heading and a note under it."""

    title: str
    header: list[str]
    rows: list[list[str]] = field(default_factory=list)
    note: str = ""

    def markdown(self) -> str:
        lines = [f"### {self.title}", ""]
        lines.append("| " + " | ".join(self.header) + " |")
        lines.append("|" + "|".join("---" for _ in self.header) + "|")
        lines += ["| " + " | ".join(row) + " |" for row in self.rows]
        if self.note:
            lines += ["", self.note]
        return "\n".join(lines) + "\n"


@dataclass
class Report:
    """The tables of one run, in the order they were measured."""

    size: str
    tables: list[Table] = field(default_factory=list)
    facts: list[str] = field(default_factory=list)

    def add(self, table: Table) -> Table:
        self.tables.append(table)
        print("\n" + table.markdown(), flush=True)
        return table

    def fact(self, line: str) -> None:
        self.facts.append(line)
        print(line, flush=True)

    def markdown(self) -> str:
        load = " / ".join(f"{x:.1f}" for x in os.getloadavg())
        head = [
            f"## Results at size {self.size}",
            "",
            f"Run {datetime.now(UTC):%Y-%m-%d %H:%M} UTC on {os.cpu_count()} cores, "
            f"Python {platform.python_version()}, code {_revision()}; "
            f"load average at the end {load}.",
            "",
            *[f"- {line}" for line in self.facts],
            "",
            "",
        ]
        return "\n".join(head) + "\n".join(t.markdown() for t in self.tables)

    def write(self, folder: Path = DOCS) -> Path:
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"results-{self.size}.md"
        path.write_text(self.markdown())
        return path


def _revision() -> str:
    """The commit the run measured, ``-dirty`` when the working tree had changes."""
    found = subprocess.run(
        ["git", "describe", "--always", "--dirty"],
        capture_output=True,
        text=True,
        cwd=DOCS.parents[1],
    )
    return found.stdout.strip() or "unknown"


def ms(seconds: float) -> str:
    """Seconds as milliseconds for a table cell."""
    return f"{seconds * 1000:,.1f}"


def ratio(ours: float, theirs: float) -> str:
    return f"{ours / theirs:.2f}x" if theirs else "-"
