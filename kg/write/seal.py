"""The seal ``ckm dump`` puts on a dump, so that a restore can tell a dump this store made
from one made or edited elsewhere.

A dump ends with one comment line (N-Quads and TriG readers skip it, so the file stays
a plain dump for any tool): ``# ckm-dump-seal hmac-sha256:<hex>``, the HMAC of every
byte before it under the store's seal key. Only a sealed dump may bring back the system
graphs (provenance, inferences, ontology); the key is a file readable by its owner only,
beside the embedded store or, for a remote engine, in ``~/.local/share/ckm``
(``CKM_SEAL_KEY_FILE`` names another, e.g. one shared by the API processes of one
engine).
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from kg.config import Settings

_SEAL = re.compile(rb"\n# ckm-dump-seal hmac-sha256:([0-9a-f]{64})\n?\Z")
_PREFIX = b"# ckm-dump-seal hmac-sha256:"


def key_file(settings: Settings) -> Path:
    """Where the store's seal key is kept."""
    if settings.seal_key_file is not None:
        return settings.seal_key_file
    if settings.remote_query_url is None:
        return settings.store.with_name(settings.store.name + ".seal-key")
    engine = hashlib.sha256(str(settings.remote_update_url).encode()).hexdigest()[:16]
    return Path.home() / ".local" / "share" / "ckm" / f"remote-{engine}.seal-key"


def _read_key(path: Path, *, create: bool) -> bytes | None:
    try:
        return bytes.fromhex(path.read_text().strip())
    except FileNotFoundError:
        if not create:
            return None
    except ValueError:
        return None  # not a key we wrote: no dump verifies against it
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another process made it meanwhile
        return _read_key(path, create=False)
    with os.fdopen(handle, "w") as out:
        out.write(secrets.token_hex(32) + "\n")
    return _read_key(path, create=False)


class SealingWriter:
    """Writes a dump to ``output`` while computing its seal; :meth:`close_seal` appends it."""

    def __init__(self, output: BinaryIO, key: bytes) -> None:
        self._output = output
        self._mac = hmac.new(key, digestmod=hashlib.sha256)
        self._last = b"\n"

    def write(self, data: bytes) -> int:
        if data:
            self._mac.update(data)
            self._last = data[-1:]
            self._output.write(data)
        return len(data)

    def flush(self) -> None:
        self._output.flush()

    def close_seal(self) -> None:
        if self._last != b"\n":
            self.write(b"\n")
        self._output.write(b"\n" + _PREFIX + self._mac.hexdigest().encode() + b"\n")


def sealing(output: BinaryIO, settings: Settings) -> SealingWriter | None:
    """A writer sealing a dump with the store's key (made on first use); None when no
    key can be kept (the dump is then written unsealed)."""
    try:
        key = _read_key(key_file(settings), create=True)
    except OSError:
        return None
    return SealingWriter(output, key) if key else None


@dataclass(frozen=True)
class OpenedDump:
    """A dump's content without its seal, and whether the seal holds for this store."""

    body: bytes
    sealed: bool
    seal_present: bool


def opened(data: bytes, settings: Settings) -> OpenedDump:
    """Split a dump's seal off and check it against the store's key."""
    found = _SEAL.search(data)
    if found is None:
        return OpenedDump(data, sealed=False, seal_present=False)
    body = data[: found.start()]  # what the seal covers: every byte before its line
    key = _read_key(key_file(settings), create=False)
    if key is None:
        return OpenedDump(body, sealed=False, seal_present=True)
    expected = hmac.new(key, body, hashlib.sha256)
    sealed = hmac.compare_digest(expected.hexdigest().encode(), found.group(1))
    return OpenedDump(body, sealed=sealed, seal_present=True)
