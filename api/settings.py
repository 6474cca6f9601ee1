"""Settings of the HTTP API: the kg settings plus keys, limits and what remote access
the endpoints allow (environment prefix ``CKM_``)."""

from __future__ import annotations

from pydantic import Field

from kg import Settings


class ApiSettings(Settings):
    """Every tunable of the API, with defaults for local use.

    ``api_keys`` is ``"key:role,..."`` or ``"name=key:role,..."`` with roles ``reader``,
    ``writer`` and ``admin``; the name (or a digest of the key) is the agent recorded in
    provenance, never the key itself.
    """

    api_keys: str = Field(
        "", description="API keys: 'key:role' or 'name=key:role', comma-separated."
    )
    reads_need_key: bool = Field(False, description="Whether reads need at least a reader key.")
    max_body_bytes: int = Field(20 * 1024 * 1024, gt=0, description="Largest request body.")
    allow_service: bool = Field(False, description="Allow SERVICE in queries (calls out).")
    allow_load: bool = Field(False, description="Allow LOAD in updates (fetches a URL).")


def api_settings(settings: Settings | None) -> ApiSettings:
    """``settings`` as :class:`ApiSettings` (API fields from the environment when absent)."""
    if isinstance(settings, ApiSettings):
        return settings
    if settings is None:
        return ApiSettings()
    return ApiSettings(**settings.model_dump())
