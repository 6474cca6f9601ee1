"""The steps from ontology 1.x to 2.0.0: one SPARQL Update file each, in name order.

A step file starts with comment lines ``# reason: …`` (why the data must change) and
``# source: …`` (the change of ontology/CHANGES.md and the seed passage it rests on),
then the update. Each step matches only the 1.x form it rewrites, so a migrated store
migrates to nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

STEPS_DIR = Path(__file__).with_name("to_2_0_0")
TARGET_VERSION = "2.0.0"


@dataclass(frozen=True)
class MigrationStep:
    """One rewrite of the data: its name (the file's stem), why, and its update text."""

    name: str
    reason: str
    source: str
    update: str


def _header(text: str, key: str) -> str:
    lines = [
        line.split(":", 1)[1].strip() for line in text.splitlines() if line.startswith(f"# {key}:")
    ]
    return " ".join(lines)


def migration_steps(directory: Path = STEPS_DIR) -> tuple[MigrationStep, ...]:
    """The steps of ``directory`` in name order.

    Raises:
        ValueError: a step file lacks its ``# reason:`` or ``# source:`` line.
    """
    steps = []
    for path in sorted(directory.glob("*.ru")):
        text = path.read_text(encoding="utf-8")
        reason, source = _header(text, "reason"), _header(text, "source")
        if not reason or not source:
            raise ValueError(f"{path.name}: a migration step needs '# reason:' and '# source:'")
        steps.append(MigrationStep(path.stem, reason, source, text))
    return tuple(steps)


def migration_update(steps: tuple[MigrationStep, ...]) -> str:
    """The steps as one SPARQL Update request (operations separated by ``;``, each step
    with its own prologue), applied in order, each seeing the one before."""
    return " ;\n".join(step.update.rstrip() for step in steps) + "\n"
