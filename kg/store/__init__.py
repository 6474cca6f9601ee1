"""The Store seam and its backends; see :mod:`kg.store.base` for the protocol."""

from __future__ import annotations

from kg.config import Settings
from kg.store.base import Store


def open_store(settings: Settings) -> Store:
    """The store the settings name: the embedded on-disk store at ``settings.store``.

    Raises:
        StoreLocked: another process has the directory open.
        StoreError: the directory cannot be opened.
    """
    from kg.store.embedded import EmbeddedStore

    return EmbeddedStore(settings.store)
