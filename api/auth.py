"""API keys and roles: ``reader < writer < admin``, sent as ``Authorization: Bearer``.

Keys come from ``CKM_API_KEYS``; every comparison is constant-time
(:func:`hmac.compare_digest`). Without credentials a route that needs a role answers 401
with ``WWW-Authenticate: Bearer``; with a key of too weak a role, 403.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
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


@dataclass(frozen=True)
class ApiKey:
    name: str
    secret: bytes
    role: Role


def parse_keys(text: str) -> tuple[ApiKey, ...]:
    """Keys from ``"key:role,name=key:role"``.

    Raises:
        ValueError: an entry without a known role, or an empty key.
    """
    keys = []
    entries = filter(None, (e.strip() for e in text.split(",")))
    for position, entry in enumerate(entries, start=1):
        named, _, role_name = entry.rpartition(":")
        name, _, secret = named.rpartition("=")
        if not secret or role_name.upper() not in Role.__members__:
            # Never a character of the key in the message: it ends up in logs.
            raise ValueError(
                f"CKM_API_KEYS entry {position}{f' ({name})' if name else ''}: use key:role "
                "or name=key:role with role reader, writer or admin"
            )
        name = name or "key-" + hashlib.sha256(secret.encode()).hexdigest()[:8]
        keys.append(ApiKey(name, secret.encode(), Role[role_name.upper()]))
    return tuple(keys)


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
    presented = token.strip().encode()
    match = None
    for key in keys:  # no early exit: the time taken does not tell which key matched
        if hmac.compare_digest(key.secret, presented):
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
