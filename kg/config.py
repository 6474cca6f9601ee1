"""Settings from the environment (prefix ``CKM_``) or a ``.env`` file."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

DEFAULT_BASE_IRI = "http://localhost:8000/id/"


def base_problem(base: str) -> str | None:
    """What keeps ``base`` from being a base of minted IRIs, or None.

    >>> base_problem("http://kg.example.org/id/"), base_problem("http://kg.example.org/id")
    (None, 'a base of minted IRIs ends in / or # (http://kg.example.org/id/)')
    """
    if not re.fullmatch(r"[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]+", base):
        return "not an absolute IRI (a scheme, then no spaces, quotes or <>)"
    if not base.endswith(("/", "#")):
        return f"a base of minted IRIs ends in / or # ({base}/)"
    return None


class Settings(BaseSettings):
    """Every tunable of the knowledge graph and its API, with defaults for local use."""

    model_config = SettingsConfigDict(env_prefix="CKM_", env_file=".env", extra="ignore")

    store: Path = Field(Path("data/store"), description="Directory of the embedded store.")
    base_iri: str = Field(
        DEFAULT_BASE_IRI,
        description="Base under which resource IRIs are minted. Unset: the base the "
        "store remembers, else the address `ckm serve` is started on (kg.store.base_iri).",
    )
    query_timeout_s: float = Field(30.0, gt=0, description="Wall-clock limit of one query.")
    result_limit: int = Field(100_000, gt=0, description="Most rows one query may return.")
    extra_ontology: str = Field(
        "",
        description="Turtle files of the user's own ontology extensions, merged with the "
        "shipped ontology for reasoning and validation (paths separated by commas or "
        f"'{os.pathsep}'); the start-up report and the consistency check apply to them.",
    )
    query_memory_mb: int = Field(
        1024,
        gt=0,
        description="Memory one query may take, in MB; past it the query is stopped "
        "(503). Embedded and memory-reads stores.",
    )
    query_isolation: bool = Field(
        True,
        description="Evaluate queries in worker processes holding a copy of the store: "
        "stopped at their deadline and memory cap, without network (embedded stores).",
    )
    query_workers: int = Field(
        2, gt=0, description="Worker processes evaluating queries at once (embedded stores)."
    )
    allow_service: bool = Field(False, description="Allow SERVICE in queries (calls out).")
    validator: Literal["compiled", "pyshacl", "turbo"] = Field(
        "compiled",
        description="Who checks writes against the shapes: the shapes compiled to SPARQL "
        "and run by Oxigraph (fast; a shape it does not translate is run by pySHACL), "
        "pySHACL (the reference; 10-20x slower) or pyshacl-turbo (a Rust engine).",
    )
    extra_shapes: Annotated[tuple[Path, ...], NoDecode] = Field(
        (),
        description="Shapes files of your own, validated on every write beside the "
        "shipped shapes (several: separated by commas or the path separator).",
    )
    memory_reads: bool = Field(
        False,
        description="Answer reads from a copy of the embedded store held in memory "
        "(2-14x faster analyst queries; costs memory about the size of the store).",
    )
    remote_query_url: str | None = Field(
        None, description="SPARQL Query endpoint; when set, the remote store is used."
    )
    remote_update_url: str | None = Field(None, description="SPARQL Update endpoint.")
    remote_store_url: str | None = Field(None, description="Graph Store protocol endpoint.")
    remote_user: str | None = Field(None, description="User name at the remote store.")
    remote_password: str | None = Field(None, description="Password at the remote store.")
    remote_token: str | None = Field(None, description="Bearer token of the remote store.")
    remote_auth: Literal["basic", "digest"] = Field(
        "basic", description="How the user and password are sent: HTTP basic or digest."
    )
    remote_engine: str = Field(
        "oxigraph",
        description="The engine behind the remote URLs (oxigraph, virtuoso, fuseki, "
        "graphdb, generic): which departures from the standards to expect.",
    )
    seal_key_file: Path | None = Field(
        None,
        description="The key that seals dumps (so that a restore trusts their provenance "
        "and inferences); default: beside the embedded store, or ~/.local/share/ckm for "
        "a remote engine.",
    )
    remote_write_lease_s: float = Field(
        30.0,
        gt=0,
        description="How long a writer's claim on a remote engine's write turn lives "
        "without renewal (writers of several processes take turns; the clocks of their "
        "machines must agree within it).",
    )
    remote_retries: int = Field(
        3, ge=0, description="How often a failed read is retried (with backoff)."
    )

    @field_validator("base_iri")
    @classmethod
    def _a_base(cls, value: str) -> str:
        """A base is an absolute IRI that a kind and a slug can follow: it ends in ``/``
        or ``#`` (``http://kg.example.org/id`` would mint ``…/idfirm/…``)."""
        problem = base_problem(value)
        if problem:
            raise ValueError(f"CKM_BASE_IRI {value!r}: {problem}")
        return value

    @field_validator("extra_shapes", mode="before")
    @classmethod
    def _split_files(cls, value: object) -> object:
        """``CKM_EXTRA_SHAPES=a.ttl,b.ttl`` (or ``a.ttl:b.ttl``) names two files."""
        if isinstance(value, str):
            parts = value.replace(os.pathsep, ",").split(",")
            return tuple(Path(part.strip()) for part in parts if part.strip())
        return value

    @property
    def extra_ontology_files(self) -> list[Path]:
        """``extra_ontology`` as paths, in the order given."""
        parts = self.extra_ontology.replace(os.pathsep, ",").split(",")
        return [Path(part.strip()) for part in parts if part.strip()]
