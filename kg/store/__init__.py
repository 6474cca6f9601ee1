"""The Store seam and its backends; see :mod:`kg.store.base` for the protocol."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.config import Settings
from kg.store.base import Store

if TYPE_CHECKING:
    from kg.store.resident import ResidentStore


def open_store(settings: Settings, *, read_only: bool = False) -> Store:
    """The store the settings name.

    The remote store (a SPARQL engine over HTTP) when ``settings.remote_query_url`` is
    set, else the embedded on-disk store at ``settings.store`` (with its reads answered
    from memory when ``settings.memory_reads``), its queries evaluated in worker
    processes when ``settings.query_isolation`` (see :mod:`kg.store.query_workers`).
    With ``read_only`` the embedded store is opened for reading only, which works while
    another process (``ckm serve``) has it open for writing: a snapshot of every write
    committed before the opening.

    Raises:
        StoreLocked: another process has the embedded store's directory open.
        StoreError: the directory cannot be opened, or the remote settings are incomplete
            or name an unknown engine.
    """
    if settings.remote_query_url:
        import httpx

        from kg.store.base import StoreError
        from kg.store.remote import RemoteStore

        if not settings.remote_update_url or not settings.remote_store_url:
            raise StoreError(
                "CKM_REMOTE_QUERY_URL is set: set CKM_REMOTE_UPDATE_URL and "
                "CKM_REMOTE_STORE_URL too"
            )
        auth: tuple[str, str] | str | httpx.Auth | None = None
        if settings.remote_token:
            auth = settings.remote_token
        elif settings.remote_user is not None:
            credentials = (settings.remote_user, settings.remote_password or "")
            digest = settings.remote_auth == "digest"
            auth = httpx.DigestAuth(*credentials) if digest else credentials
        try:
            return RemoteStore(
                settings.remote_query_url,
                settings.remote_update_url,
                settings.remote_store_url,
                auth=auth,
                timeout_s=settings.query_timeout_s,
                retries=settings.remote_retries,
                engine=settings.remote_engine,
                lease_s=settings.remote_write_lease_s,
            )
        except ValueError as error:
            raise StoreError(f"CKM_REMOTE_ENGINE: {error}") from error
    from kg.store.embedded import EmbeddedStore

    store: EmbeddedStore | ResidentStore = EmbeddedStore(settings.store, read_only=read_only)
    if settings.memory_reads:
        from kg.store.resident import ResidentStore

        store = ResidentStore(store)
    if not settings.query_isolation:
        return store
    from kg.store.query_workers import IsolatedQueries, QueryLimits

    limits = QueryLimits(
        workers=settings.query_workers,
        memory_bytes=settings.query_memory_mb * 2**20,
        network=settings.allow_service,
    )
    return IsolatedQueries(store, limits)
