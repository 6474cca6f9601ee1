"""Watching a server process from outside, as its operator would: the CPU time and the
resident memory of it and of its children (the query workers), and another client that
keeps reading meanwhile."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import httpx

_PAGE = 4096


def children_of(pid: int) -> list[int]:
    """The living children of ``pid`` (Linux /proc)."""
    found = []
    for listing in Path(f"/proc/{pid}/task").glob("*/children"):
        try:
            found += [int(child) for child in listing.read_text().split()]
        except FileNotFoundError:
            continue
    return found


def cpu_seconds(pid: int) -> float:
    """User and system CPU time a process has used (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / 100


def cpu_seconds_of_tree(pid: int) -> float:
    """CPU time of a process and of its living children (the processes evaluating
    queries), and of the children it has reaped."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    total = sum(int(f) for f in fields[11:15]) / 100  # utime, stime, cutime, cstime
    for child in children_of(pid):
        try:
            total += cpu_seconds(child)
        except FileNotFoundError:
            continue  # ended meanwhile: counted in cutime next time
    return total


class Bystander:
    """Another client, reading all the time: how long each of its answers took."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        self.latencies: list[float] = []
        self.statuses: set[int] = set()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._read, daemon=True)

    def _read(self) -> None:
        with httpx.Client(base_url=self.base_url, timeout=30) as client:
            while not self._stop.is_set():
                started = time.monotonic()
                self.statuses.add(client.get("/api/customers").status_code)
                self.latencies.append(time.monotonic() - started)
                time.sleep(0.05)

    def __enter__(self) -> Bystander:
        self._thread.start()
        return self

    def __exit__(self, *_exc) -> None:
        self._stop.set()
        self._thread.join(timeout=30)


def resident_bytes_of_tree(pid: int) -> int:
    """Resident memory of a process and of its living children."""
    total = 0
    for process in (pid, *children_of(pid)):
        try:
            total += int(Path(f"/proc/{process}/statm").read_text().split()[1]) * _PAGE
        except (FileNotFoundError, ProcessLookupError):
            continue
    return total
