"""Settings of the HTTP API: the kg settings plus keys, limits and what remote access
the endpoints allow (environment prefix ``CKM_``)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from kg import Settings


class ApiSettings(Settings):
    """Every tunable of the API, with defaults for local use.

    ``api_keys`` is ``"name:role:secret,..."`` with roles ``reader``, ``writer`` and
    ``admin`` and secrets of 16 characters or more (see :func:`api.auth.parse_keys`);
    the name is the agent recorded in provenance, never the secret.
    """

    api_keys: str = Field(
        "",
        description="API keys: 'name:role:secret', comma-separated; secrets of 16+ "
        "characters (they may hold ':' and '=', not ',' or spaces).",
    )
    reads_need_key: bool = Field(False, description="Whether reads need at least a reader key.")
    max_body_bytes: int = Field(20 * 1024 * 1024, gt=0, description="Largest request body.")
    allow_load: bool = Field(False, description="Allow LOAD in updates (fetches a URL).")
    idempotency_ttl_s: float = Field(
        86_400.0,
        gt=0,
        description="How long the answer to a POST with an Idempotency-Key is kept for "
        "its retries (api/idempotency.py).",
    )
    backup_role: Literal["reader", "writer", "admin"] = Field(
        "admin",
        description="The role a whole-store backup (GET /store naming no graph) needs.",
    )


def api_settings(settings: Settings | None) -> ApiSettings:
    """``settings`` as :class:`ApiSettings` (API fields from the environment when absent)."""
    if isinstance(settings, ApiSettings):
        return settings
    if settings is None:
        return ApiSettings()
    # Only what was set: a field left to its default stays unset (kg.store.base_iri
    # tells an unset base IRI from one chosen), and is read from the environment again.
    return ApiSettings(**settings.model_dump(exclude_unset=True))
