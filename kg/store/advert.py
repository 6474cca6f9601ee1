"""The note ``ckm serve`` leaves in the store directory while it serves it.

The embedded store admits one writing process; a command run beside the server reads
this note to know where the server is and to write through it (``ckm-serve.json``: its
URL, process id and a local admin key made for this run of the server). The note is
created readable and writable by its owner only (mode 0600): whoever can read it may
already open the store directory itself. It is written when the server starts and
removed when it stops; a note whose process is gone (the server was killed) is ignored,
and its key died with the process.
"""

from __future__ import annotations

import fcntl
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
    key: str | None = None  # the local admin key of this run (None: reading only)
    base_iri: str | None = None  # the base the server mints under


def write_advert(
    store: Path, url: str, key: str | None = None, base_iri: str | None = None
) -> Path | None:
    """Leave the note for this process serving ``store`` at ``url`` (with its local
    ``key``), readable by its owner only; None when the directory cannot be written.

    >>> import stat, tempfile
    >>> store = Path(tempfile.mkdtemp())
    >>> path = write_advert(store, "http://127.0.0.1:8000", "k" * 32)
    >>> read_advert(store) == Advert("http://127.0.0.1:8000", os.getpid(), "k" * 32)
    True
    >>> oct(stat.S_IMODE(path.stat().st_mode))
    '0o600'
    >>> remove_advert(store); read_advert(store) is None
    True
    """
    path = store / ADVERT_NAME
    text = json.dumps({"url": url, "pid": os.getpid(), "key": key, "base_iri": base_iri})
    try:
        store.mkdir(parents=True, exist_ok=True)
        path.unlink(missing_ok=True)  # a note left by another user keeps no mode of its
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as note:
            note.write(text)
    except OSError:
        return None
    return path


def read_advert(store: Path) -> Advert | None:
    """The server serving ``store``, or None (no note, an unreadable one, or its
    process is gone)."""
    try:
        data = json.loads((store / ADVERT_NAME).read_text(encoding="utf-8"))
        key, base = data.get("key"), data.get("base_iri")
        advert = Advert(
            str(data["url"]),
            int(data["pid"]),
            key if isinstance(key, str) else None,
            base if isinstance(base, str) else None,
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None
    try:
        os.kill(advert.pid, 0)
    except ProcessLookupError:
        return None
    except PermissionError:
        pass  # another user's process: it exists
    return advert


def store_in_use(store: Path) -> bool:
    """Whether another process holds the embedded store at ``store`` open: its RocksDB
    ``LOCK`` file is locked (a note whose process id was reused by another program, after
    a reboot or in a container, then tells no server).

    >>> import tempfile
    >>> store_in_use(Path(tempfile.mkdtemp()))
    False
    """
    try:
        descriptor = os.open(store / "LOCK", os.O_RDWR)
    except OSError:
        return False  # no store there yet
    try:
        fcntl.lockf(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return True
    else:
        fcntl.lockf(descriptor, fcntl.LOCK_UN)
        return False
    finally:
        os.close(descriptor)


def remove_advert(store: Path) -> None:
    """Remove this process's note (another process's is left alone)."""
    advert = read_advert(store)
    if advert is not None and advert.pid == os.getpid():
        (store / ADVERT_NAME).unlink(missing_ok=True)
