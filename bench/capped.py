"""Run slow reference work (rdflib queries, pySHACL) under a time cap.

The work runs in a forked child, so it shares what the parent already loaded (an
rdflib graph of the whole data set) without loading it again, and a child past the
cap is killed instead of burning a core in the background.
"""

from __future__ import annotations

import multiprocessing
import time
from collections.abc import Callable
from typing import Any

_FORK = multiprocessing.get_context("fork")


def _child(work: Callable[[], Any], pipe) -> None:
    started = time.perf_counter()
    try:
        answer = work()
    except Exception as error:  # any failure is reported to the parent as text
        pipe.send((time.perf_counter() - started, f"error: {error}"))
        return
    pipe.send((time.perf_counter() - started, answer))


def capped(work: Callable[[], Any], cap_s: float) -> tuple[float, Any] | None:
    """Seconds ``work`` took and what it returned (picklable), or None past ``cap_s``."""
    receiver, sender = _FORK.Pipe(duplex=False)
    child = _FORK.Process(target=_child, args=(work, sender), daemon=True)
    child.start()
    sender.close()
    try:
        if receiver.poll(cap_s):
            return receiver.recv()
        return None
    finally:
        child.kill()
        child.join()
        receiver.close()


def cell(outcome: tuple[float, Any] | None, cap_s: float) -> str:
    """A table cell: milliseconds, or ``> cap`` when the work was stopped."""
    return f"> {cap_s:,.0f} s" if outcome is None else f"{outcome[0] * 1000:,.1f}"
