"""What a migration would change, and the whole-graph verdict on the result."""

from __future__ import annotations

from dataclasses import dataclass, field

from kg.migration.steps import MigrationStep
from kg.store.base import Quad
from kg.write.delta import Delta
from kg.write.intents import Intent
from kg.write.state import WriteState


@dataclass
class Recorded:
    """An intent that keeps the Delta it built (for a dry run's listing)."""

    inner: Intent
    seen: Delta | None = None

    def delta(self, state: WriteState) -> Delta:
        self.seen = self.inner.delta(state)
        return self.seen


@dataclass(frozen=True)
class MigrationPlan:
    """The steps, the quads they remove and add, and whether they were written.

    ``activity`` is the provenance activity of the write (None for a dry run or when
    there was nothing to change).
    """

    steps: tuple[MigrationStep, ...]
    removed: frozenset[Quad] = field(default_factory=frozenset)
    added: frozenset[Quad] = field(default_factory=frozenset)
    written: bool = False
    activity: object = None

    @property
    def is_empty(self) -> bool:
        return not self.removed and not self.added
