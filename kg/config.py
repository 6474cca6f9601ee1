"""Settings from the environment (prefix ``CKM_``) or a ``.env`` file."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Every tunable of the knowledge graph and its API, with defaults for local use."""

    model_config = SettingsConfigDict(env_prefix="CKM_", env_file=".env", extra="ignore")

    store: Path = Field(Path("data/store"), description="Directory of the embedded store.")
    base_iri: str = Field(
        "http://localhost:8000/id/", description="Base under which resource IRIs are minted."
    )
    query_timeout_s: float = Field(30.0, gt=0, description="Wall-clock limit of one query.")
    result_limit: int = Field(100_000, gt=0, description="Most rows one query may return.")
