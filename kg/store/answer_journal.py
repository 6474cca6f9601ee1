"""The answers kept for retried HTTP requests (``Idempotency-Key``, api/idempotency.py),
in ``idempotency.sqlite`` beside the embedded store.

It is part of the store: it holds copies of answers, so an erasure removes from it every
answer naming what it erased (:meth:`AnswerJournal.forget_mentions`), in the same call.
A store directory that cannot be written (a read-only store) keeps them in memory.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

JOURNAL_NAME = "idempotency.sqlite"
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class KeptAnswer:
    """What the first request with a key was answered."""

    fingerprint: str
    status: int
    headers: list[tuple[str, str]]
    body: bytes


@dataclass(frozen=True)
class Begun:
    """A first request with a key that began and was never answered here: it is running,
    or its process died (the write's activity then tells whether it was committed)."""

    fingerprint: str


@dataclass(frozen=True)
class Erased:
    """A first request's answer that an erasure removed: its retry must neither see
    it nor run again (it would write back what was erased)."""

    fingerprint: str


_ERASED = -1  # the status column of an erased answer


class AnswerJournal:
    """The kept answers, by key (an SQLite table; safe to share between threads).

    >>> journal = AnswerJournal(None, ttl_s=60)
    >>> journal.begin("k", "f")
    >>> journal.find("k")
    Begun(fingerprint='f')
    >>> journal.keep("k", KeptAnswer("f", 201, [("location", "/x")], b"{}"))
    >>> journal.find("k").status, journal.find("other")
    (201, None)
    """

    def __init__(self, path: Path | None, *, ttl_s: float) -> None:
        self.ttl_s = ttl_s
        self._lock = threading.Lock()
        self._db = _connected(path)
        with self._lock, self._db:
            self._db.execute(
                "CREATE TABLE IF NOT EXISTS kept (key TEXT PRIMARY KEY, at REAL, "
                "fingerprint TEXT, status INTEGER, headers TEXT, body BLOB)"
            )

    def find(self, key: str) -> KeptAnswer | Begun | Erased | None:
        """What is recorded under ``key``, unless older than the time to live."""
        with self._lock:
            row = self._db.execute(
                "SELECT fingerprint, status, headers, body FROM kept WHERE key = ? AND at > ?",
                (key, time.time() - self.ttl_s),
            ).fetchone()
        if row is None:
            return None
        if row[1] is None:
            return Begun(row[0])
        if row[1] == _ERASED:
            return Erased(row[0])
        headers = [(name, value) for name, value in json.loads(row[2])]
        return KeptAnswer(row[0], row[1], headers, row[3])

    def begin(self, key: str, fingerprint: str) -> None:
        """Record that the first request with ``key`` starts (before it can write)."""
        self._put(key, fingerprint, None, None, None)

    def keep(self, key: str, answer: KeptAnswer) -> None:
        """Keep ``answer`` under ``key`` (and forget the records past their time)."""
        headers = json.dumps(answer.headers)
        self._put(key, answer.fingerprint, answer.status, headers, answer.body)

    def forget(self, key: str) -> None:
        """Drop ``key``'s record: its request was refused, nothing was written."""
        with self._lock, self._db:
            self._db.execute("DELETE FROM kept WHERE key = ?", (key,))

    def _put(self, key: str, fingerprint: str, status, headers, body) -> None:
        now = time.time()
        with self._lock, self._db:
            self._db.execute("DELETE FROM kept WHERE at <= ?", (now - self.ttl_s,))
            self._db.execute(
                "INSERT OR REPLACE INTO kept VALUES (?, ?, ?, ?, ?, ?)",
                (key, now, fingerprint, status, headers, body),
            )

    def forget_mentions(self, texts: Iterable[str]) -> int:
        """Erase every kept answer whose body holds one of ``texts`` (as written, or as a
        JSON string escapes it): its body and headers go, the record stays as
        :class:`Erased` for its retries; how many were erased."""
        needles = {n for text in texts if text for n in (text, json.dumps(text)[1:-1])}
        erased = 0
        with self._lock, self._db:
            for needle in sorted(needles):
                cursor = self._db.execute(
                    "UPDATE kept SET status = ?, headers = NULL, body = NULL "
                    "WHERE body IS NOT NULL AND instr(body, ?) > 0",
                    (_ERASED, needle.encode("utf-8")),
                )
                erased += cursor.rowcount
        return erased

    def close(self) -> None:
        with self._lock:
            self._db.close()


def _connected(path: Path | None) -> sqlite3.Connection:
    """The journal's database at ``path``, in memory when none is given or the file
    cannot be opened for writing (a read-only store directory: said in the log)."""
    if path is not None:
        try:
            db = sqlite3.connect(str(path), check_same_thread=False)
            db.execute("PRAGMA secure_delete = ON")  # an erased answer leaves no bytes behind
            db.execute("CREATE TABLE IF NOT EXISTS probe (x)")
            db.execute("DROP TABLE probe")
            return db
        except sqlite3.Error as error:
            log.warning("%s cannot be written (%s): answers kept in memory only", path, error)
    return sqlite3.connect(":memory:", check_same_thread=False)
