"""Watching the write road's costly stages: how long each SHACL validation, inference
patch and consistency check of a write takes, and what the validator was given.

Benchmarks and diagnosis use this instead of reaching into the road: an observer is a
callable that receives one :class:`StageTiming` per stage call, in the writer's thread,
after the stage returned (or raised). Observing changes no verdict and writes nothing.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from kg.store.base import Triple


@dataclass(frozen=True)
class StageTiming:
    """One call of a write stage.

    ``stage`` is ``validate`` (SHACL on the write's neighbourhood), ``entail`` (the
    OWL 2 RL entailments about the touched nodes) or ``consistency`` (the clashes the
    write would bring about). For ``validate``, ``triples`` and ``focus`` are what the
    validator was given, so the call can be replayed on another engine.
    """

    stage: str
    seconds: float
    triples: tuple[Triple, ...] = ()
    focus: frozenset | None = field(default=None)


Observer = Callable[[StageTiming], None]
# The engines' methods that are write stages, and the stage each is.
STAGES: dict[str, str] = {
    "validate_triples": "validate",
    "entailments_about": "entail",
    "inconsistencies_made": "consistency",
}


class _Watched:
    """A stage's engine (validator or reasoner) that reports its calls to observers."""

    def __init__(self, engine: Any, observers: list[Observer]) -> None:
        self._engine = engine
        self._observers = observers

    def __getattr__(self, name: str) -> Any:
        attribute = getattr(self._engine, name)
        stage = STAGES.get(name)
        if stage is None:
            return attribute

        def watched(*args: Any, **kwargs: Any) -> Any:
            given = _replayable(stage, args, kwargs)
            started = time.perf_counter()
            try:
                return attribute(*given[0], **given[1])
            finally:
                timing = StageTiming(stage, time.perf_counter() - started, *given[2])
                for observer in list(self._observers):
                    observer(timing)

        return watched


def _replayable(stage: str, args: tuple, kwargs: dict) -> tuple[tuple, dict, tuple]:
    """The call's arguments (iterables made lists so they can be read twice) and, for a
    validation, the triples and focus the observer sees."""
    if stage != "validate":
        return args, kwargs, ()
    triples: Iterable = args[0] if args else kwargs.pop("triples")
    triples = tuple(triples)
    focus = args[1] if len(args) > 1 else kwargs.pop("focus", None)
    focus = None if focus is None else frozenset(focus)
    return (triples, focus), {}, (triples, focus)


def watched(engine: Any, observers: list[Observer]) -> Any:
    """``engine`` reporting its stage calls to ``observers`` (the list is read at each
    call: observers added later are seen)."""
    return _Watched(engine, observers)
