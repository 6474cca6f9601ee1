"""The note ``ckm serve`` leaves in the store directory while it serves it.

The embedded store admits one writing process; a command run beside the server reads
this note to say where the server is (``ckm-serve.json``: its URL and process id). The
note names no key. It is written when the server starts and removed when it stops; a
note whose process is gone (the server was killed) is ignored.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

ADVERT_NAME = "ckm-serve.json"


@dataclass(frozen=True)
class Advert:
    """A running server: where it answers and which process it is."""

    url: str
    pid: int


def write_advert(store: Path, url: str) -> Path | None:
    """Leave the note for this process serving ``store`` at ``url``; None when the
    directory cannot be written (a read-only store: nothing to advertise for writes).

    >>> import tempfile
    >>> store = Path(tempfile.mkdtemp())
    >>> path = write_advert(store, "http://127.0.0.1:8000")
    >>> read_advert(store) == Advert("http://127.0.0.1:8000", os.getpid())
    True
    >>> remove_advert(store); read_advert(store) is None
    True
    """
    path = store / ADVERT_NAME
    try:
        store.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps({"url": url, "pid": os.getpid()}), encoding="utf-8")
    except OSError:
        return None
    return path


def read_advert(store: Path) -> Advert | None:
    """The server serving ``store``, or None (no note, an unreadable one, or its
    process is gone)."""
    try:
        data = json.loads((store / ADVERT_NAME).read_text(encoding="utf-8"))
        advert = Advert(str(data["url"]), int(data["pid"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None
    try:
        os.kill(advert.pid, 0)
    except ProcessLookupError:
        return None
    except PermissionError:
        pass  # another user's process: it exists
    return advert


def remove_advert(store: Path) -> None:
    """Remove this process's note (another process's is left alone)."""
    advert = read_advert(store)
    if advert is not None and advert.pid == os.getpid():
        (store / ADVERT_NAME).unlink(missing_ok=True)
