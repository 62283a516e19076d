"""Stores: adapters that keep documents and analyses behind one interface (``Store``)."""

from __future__ import annotations

from pathlib import Path

from hadath.store.base import DocumentFilter, EventFilter, SearchHit, Store
from hadath.store.sqlite import SQLiteStore

__all__ = ["DocumentFilter", "EventFilter", "SQLiteStore", "SearchHit", "Store", "open_store"]


def open_store(location: str | Path, *, create: bool = True) -> Store:
    """Open the store at ``location`` (a SQLite file path; ``:memory:`` for a temporary one).

    Raises:
        StoreError: the location cannot be opened (missing with ``create=False``, not a
            hadath database, or a newer schema).
    """
    return SQLiteStore(location, create=create)
