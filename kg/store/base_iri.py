"""Which base IRI a store's resources are minted under, and keeping it stable.

A minted IRI (``{base}{kind}/{slug}``) should dereference: by default the base is the
address the server is started on (``ckm serve --port 8931`` mints
``http://localhost:8931/id/…``). An IRI must also not change once data uses it, so the
embedded store remembers the base its resources were first minted under, in the note
``ckm-base-iri`` in its directory, and keeps it when the server moves.

Which base wins, in order:

1. ``CKM_BASE_IRI`` (or ``.env``), when set — behind a proxy, the public address
   (``https://kg.example.org/id/``). Set against a store that remembers another base,
   it wins for new IRIs, with a warning: the old ones keep theirs.
2. The base the store remembers.
3. A store that holds data but no note (made before the note existed): the old fixed
   default, ``http://localhost:8000/id/``, under which that data was minted.
4. The server's own address (``ckm serve``), or ``http://localhost:8000/id/`` for a
   command run without a server.

A writable embedded store that has no note gets one with the base chosen when that
base is in use: at once when the store holds data or a server opens it, else after the
first write of the command that opened it (``ckm init`` alone leaves none).
"""

from __future__ import annotations

import logging
import socket
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

from kg.config import DEFAULT_BASE_IRI, Settings, base_problem
from kg.errors import BadBaseNote

NOTE_NAME = "ckm-base-iri"
_LOOPBACK = {"127.0.0.1", "localhost", "::1", "[::1]"}
_ANY_INTERFACE = {"0.0.0.0", "::", "[::]", ""}
log = logging.getLogger(__name__)


def served_base(url: str) -> str:
    """The base IRI of a server answering at ``url``: its scheme, host and port, then
    ``/id/``. A loopback address is spelled ``localhost``; a server listening on every
    interface is named by this machine's host name.

    >>> served_base("http://127.0.0.1:8931")
    'http://localhost:8931/id/'
    >>> served_base("https://kg.example.org")
    'https://kg.example.org/id/'
    """
    parts = urlsplit(url)
    host = parts.hostname or ""
    if host in _LOOPBACK:
        host = "localhost"
    elif host in _ANY_INTERFACE:
        host = socket.gethostname()
    elif ":" in host:
        host = f"[{host}]"  # an IPv6 literal
    port = f":{parts.port}" if parts.port else ""
    return f"{parts.scheme}://{host}{port}/id/"


def remembered_base(store: Path) -> str | None:
    """The base the store at ``store`` remembers, or None (no note, or unreadable).

    Raises:
        BadBaseNote: the note holds something that is not a base (edited by hand).
    """
    try:
        text = (store / NOTE_NAME).read_text(encoding="utf-8").strip()
    except OSError:
        return None
    problem = base_problem(text) if text else None
    if problem:
        raise BadBaseNote(
            f"{store / NOTE_NAME} holds {text!r}: {problem}; write the base the store's "
            "IRIs were minted under there (docs/OPERATIONS.md, 'Base IRI')"
        )
    return text or None


def remember_base(store: Path, base: str) -> None:
    """Leave the note that ``store``'s resources are minted under ``base`` (a directory
    that cannot be written is left without one)."""
    try:
        (store / NOTE_NAME).write_text(base + "\n", encoding="utf-8")
    except OSError:
        log.warning("could not write %s in %s", NOTE_NAME, store)


def settled_base(
    settings: Settings,
    *,
    store_dir: Path | None,
    holds_data: Callable[[], bool],
    served_at: str | None = None,
    writable: bool = True,
) -> str:
    """The base IRI new resources are minted under (the order in the module docstring),
    leaving the note in ``store_dir`` (None: a remote store) when it has none and
    ``writable``. ``holds_data`` is asked only when the store has no note.

    >>> import tempfile
    >>> store = Path(tempfile.mkdtemp())
    >>> settled_base(Settings(), store_dir=store, holds_data=lambda: False,
    ...              served_at="http://127.0.0.1:8931")
    'http://localhost:8931/id/'
    >>> settled_base(Settings(), store_dir=store, holds_data=lambda: True)
    'http://localhost:8931/id/'
    >>> empty = Path(tempfile.mkdtemp())  # a command without a server: no note yet
    >>> settled_base(Settings(), store_dir=empty, holds_data=lambda: False), remembered_base(empty)
    ('http://localhost:8000/id/', None)
    """
    explicit = settings.base_iri if "base_iri" in settings.model_fields_set else None
    remembered = remembered_base(store_dir) if store_dir is not None else None
    data = remembered is None and holds_data()
    if remembered is None and (data or store_dir is None):
        # Minted before stores kept the note, or a remote store (no directory to keep
        # it in): the old fixed default, which its IRIs were or will stay minted under.
        remembered = DEFAULT_BASE_IRI if data or store_dir is None else None
    fallback = served_base(served_at) if served_at else DEFAULT_BASE_IRI
    base = explicit or remembered or fallback
    if explicit and remembered and explicit != remembered:
        log.warning(
            "CKM_BASE_IRI is %s but the resources of the store at %s were minted under "
            "%s: new resources get the new base, the old ones keep theirs "
            "(docs/OPERATIONS.md, 'Base IRI')",
            explicit,
            store_dir,
            remembered,
        )
    elif served_at and not explicit and base != served_base(served_at):
        log.warning(
            "the store at %s mints IRIs under %s, not under this server's address %s: "
            "they dereference where that base points (set CKM_BASE_IRI, or serve there; "
            "docs/OPERATIONS.md, 'Base IRI')",
            store_dir,
            base,
            served_at,
        )
    # The note is left once a base is in use: by data (a store with data keeps the base
    # that data has, whatever CKM_BASE_IRI says now) or by a server that mints under it.
    # A command on an empty store leaves it after its first write (note_after_write): one
    # that mints nothing, `ckm init`, leaves the first server its say.
    unnoted = store_dir is not None and writable and remembered_base(store_dir) is None
    if unnoted and (data or served_at):
        remember_base(store_dir, DEFAULT_BASE_IRI if data else base)  # type: ignore[arg-type]
    return base


def note_after_write(store_dir: Path | None, base: str) -> bool:
    """Leave the note ``base`` in ``store_dir`` if it has none (after a write of a
    command that opened the store empty); True once tried."""
    if store_dir is None:
        return True
    if remembered_base(store_dir) is None:
        remember_base(store_dir, base)  # one try: a directory that cannot be written
    return True  # keeps none (logged), and later writes do not try again
