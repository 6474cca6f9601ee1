"""The yardsticks of a diagnosis: every threshold, weight and range, as data with its source.

``yardsticks.tsv`` holds one row per yardstick: its name, its value, the seed and line
it rests on (or ``project choice`` where the literature gives no number) and a note.
docs/DIAGNOSIS.md explains each one.
"""

from __future__ import annotations

import csv
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import MappingProxyType

YARDSTICKS_FILE = Path(__file__).resolve().parent / "yardsticks.tsv"


@dataclass(frozen=True)
class Yardstick:
    """One threshold, weight or range bound and the literature behind it."""

    name: str
    value: float
    source: str
    note: str


@cache
def yardsticks() -> Mapping[str, Yardstick]:
    """Every yardstick of ``yardsticks.tsv``, keyed by name; read once.

    Raises:
        ValueError: a row without a numeric value, or a name given twice.
    """
    table: dict[str, Yardstick] = {}
    with YARDSTICKS_FILE.open(encoding="utf-8", newline="") as lines:
        for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
            name = row["name"]
            if name in table:
                raise ValueError(f"{YARDSTICKS_FILE.name}: yardstick {name!r} given twice")
            table[name] = Yardstick(name, float(row["value"]), row["source"], row["note"])
    return MappingProxyType(table)


def value(name: str) -> float:
    """The value of yardstick ``name``.

    Raises:
        KeyError: no yardstick has that name.
    """
    return yardsticks()[name].value
