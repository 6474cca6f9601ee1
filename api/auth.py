"""API keys and roles: ``reader < writer < admin``, sent as ``Authorization: Bearer``.

Keys come from ``CKM_API_KEYS`` as ``name:role:secret`` entries; only an HMAC of each
secret is kept, and every comparison is constant-time (:func:`hmac.compare_digest`).
Without credentials a route that needs a role answers 401 with
``WWW-Authenticate: Bearer``; with a key of too weak a role, 403.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass, field
from enum import IntEnum

from fastapi import Request

from api.errors import Problem


class Role(IntEnum):
    """What a key may do; a higher role may do all a lower one may."""

    READER = 1
    WRITER = 2
    ADMIN = 3


@dataclass(frozen=True)
class Caller:
    """Who is calling: the agent name recorded in provenance, and the role."""

    agent: str
    role: Role | None


ANONYMOUS = Caller("anonymous", None)


MIN_SECRET_LENGTH = 16
_NAME = re.compile(r"[A-Za-z0-9._-]{1,64}")
# A digest key made at start: secrets are held only as HMACs under it, so a memory dump
# or a stray repr shows no key, nor anything a table of common keys could undo.
_PEPPER = secrets.token_bytes(32)


def _digest(secret: bytes) -> bytes:
    return hmac.new(_PEPPER, secret, hashlib.sha256).digest()


@dataclass(frozen=True)
class ApiKey:
    """One key: its public name (the provenance agent), role, and the HMAC of its
    secret (the secret itself is not kept)."""

    name: str
    digest: bytes = field(repr=False)
    role: Role


def parse_keys(text: str) -> tuple[ApiKey, ...]:
    """Keys from ``"name:role:secret,name:role:secret"``.

    Each entry is split from the left: a name (letters, digits, ``._-``), a role
    (``reader``, ``writer``, ``admin``), then the secret — everything after the second
    colon, so a secret may hold ``:`` and ``=`` (base64) but no comma or space. Secrets
    are at least :data:`MIN_SECRET_LENGTH` characters.

    Raises:
        ValueError: an entry that is not of that form (the old ``key:role`` and
            ``name=key:role`` forms included), a short secret, or a name or secret used
            twice. The message names the entry by its position only: no character of
            any entry is repeated, since it ends up in logs.
    """
    keys: list[ApiKey] = []
    entries = [e.strip() for e in text.split(",")]
    for position, entry in enumerate((e for e in entries if e), start=1):
        key = _entry(entry, position)
        if any(k.name == key.name for k in keys):
            raise ValueError(f"CKM_API_KEYS entry {position}: its name is used twice")
        if any(hmac.compare_digest(k.digest, key.digest) for k in keys):
            raise ValueError(f"CKM_API_KEYS entry {position}: its secret is used twice")
        keys.append(key)
    return tuple(keys)


LOCAL_KEY_NAME = "ckm-command-line"


def local_admin_key(keys: tuple[ApiKey, ...]) -> tuple[str, tuple[ApiKey, ...]]:
    """A new admin secret for the command line beside this server (left in the store
    directory's owner-only note, :mod:`kg.store.advert`), and ``keys`` with it added
    under the name :data:`LOCAL_KEY_NAME` (the agent of its writes' provenance). It
    lives as long as the process; a configured key of that name is replaced."""
    secret = secrets.token_urlsafe(32)
    local = ApiKey(LOCAL_KEY_NAME, _digest(secret.encode()), Role.ADMIN)
    return secret, (*(k for k in keys if k.name != LOCAL_KEY_NAME), local)


def _entry(entry: str, position: int) -> ApiKey:
    where = f"CKM_API_KEYS entry {position}"
    name, _, rest = entry.partition(":")
    role_name, colon, secret = rest.partition(":")
    if _looks_old(entry):
        raise ValueError(
            f"{where} is in the old form key:role or name=key:role, which a key holding "
            "'=' or ':' broke; write it as name:role:secret (docs/SECURITY.md)"
        )
    if not colon or not _NAME.fullmatch(name) or role_name.upper() not in Role.__members__:
        raise ValueError(
            f"{where}: write name:role:secret (name of letters, digits, '._-'; role "
            "reader, writer or admin)"
        )
    if any(c.isspace() for c in secret):
        raise ValueError(f"{where}: the secret holds a space or line break")
    if len(secret) < MIN_SECRET_LENGTH:
        raise ValueError(
            f"{where}: the secret is shorter than {MIN_SECRET_LENGTH} characters; use a "
            "random one (python -c 'import secrets; print(secrets.token_urlsafe(24))')"
        )
    return ApiKey(name, _digest(secret.encode()), Role[role_name.upper()])


def _looks_old(entry: str) -> bool:
    """``key:role`` or ``name=key:role``: one colon, a role after it (or ``=`` before)."""
    head, _, last = entry.rpartition(":")
    ends_in_role = last.strip().upper() in Role.__members__
    return ends_in_role and (":" not in head or "=" in head.partition(":")[0])


def identify(keys: tuple[ApiKey, ...], authorization: str | None) -> Caller:
    """The caller an ``Authorization`` header names; :data:`ANONYMOUS` without one.

    Raises:
        Problem: 401 for a malformed header or an unknown key.
    """
    if not authorization:
        return ANONYMOUS
    scheme, _, token = authorization.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise _unauthorized("use 'Authorization: Bearer <key>'")
    presented = _digest(token.strip().encode())
    match = None
    for key in keys:  # no early exit: the time taken does not tell which key matched
        if hmac.compare_digest(key.digest, presented):
            match = key
    if match is None:
        raise _unauthorized("unknown API key")
    return Caller(match.name, match.role)


def authorize(caller: Caller, needed: Role | None) -> None:
    """Let ``caller`` through when its role is at least ``needed`` (None: anyone).

    Raises:
        Problem: 401 when anonymous and a role is needed, 403 when the role is too weak.
    """
    if needed is None:
        return
    if caller.role is None:
        raise _unauthorized(f"this needs an API key with the {needed.name.lower()} role")
    if caller.role < needed:
        raise Problem(
            403,
            f"this needs the {needed.name.lower()} role; the key has {caller.role.name.lower()}",
            "forbidden",
        )


def _unauthorized(detail: str) -> Problem:
    return Problem(401, detail, "unauthorized", headers={"WWW-Authenticate": 'Bearer realm="ckm"'})


def caller_of(request: Request) -> Caller:
    """The caller of ``request``, checked against the app's keys."""
    return identify(request.app.state.api_keys, request.headers.get("authorization"))
