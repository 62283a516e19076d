"""The store interface every adapter implements (SQLite now, PostgreSQL later)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

from hadath.model import Document

__all__ = ["DocumentFilter", "EventFilter", "SearchHit", "Store"]


@dataclass(frozen=True, slots=True)
class DocumentFilter:
    """Which documents ``Store.documents`` returns (every field optional).

    Dates are ISO strings compared as text (``2015-07-21`` <= ``2015-07-21T09:00``).
    """

    source: str | None = None
    since: str | None = None
    until: str | None = None
    limit: int | None = None
    offset: int = 0


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Which events ``Store.events`` returns. Actor codes match by prefix (DZA: DZAGOV ...)."""

    type: str | None = None
    actor: str | None = None
    source: str | None = None
    target: str | None = None
    include_negated: bool = True
    limit: int | None = None


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One search result: the document, its rank and a snippet of original text.

    ``highlights`` are ``(start, end)`` offsets into ``snippet`` of the matched words.
    """

    doc_id: str
    title: str | None
    source: str | None
    publication_date: str | None
    score: float
    snippet: str
    highlights: list[tuple[int, int]] = field(default_factory=list)


@runtime_checkable
class Store(Protocol):
    """Where documents and their analyses are kept."""

    def has_document(self, doc_id: str) -> bool: ...

    def put_document(self, doc: Document) -> bool:
        """Store ``doc``; return False (and change nothing) if it is already stored."""
        ...

    def put_documents(self, docs: Iterable[Document]) -> list[bool]:
        """Store documents and their analyses in one transaction; a bool per document."""
        ...

    def put_analysis(self, doc: Document) -> None:
        """Store (or replace) the analysis layers of a stored document."""
        ...

    def get_document(self, doc_id: str) -> Document | None:
        """The document with this id, or with this unique id prefix; None if none."""
        ...

    def documents(self, filter: DocumentFilter | None = None) -> Iterator[Document]: ...

    def search(self, query: str, limit: int = 20) -> list[SearchHit]: ...

    def events(self, filter: EventFilter | None = None) -> Iterator[dict[str, Any]]: ...

    def stats(self) -> dict[str, Any]: ...

    def load_stories(self, **settings: Any) -> Any:
        """The ``hadath.stories.StoryIndex`` kept in this store."""
        ...

    def save_stories(self, index: Any) -> None:
        """Write what changed in a ``StoryIndex`` since it was loaded or saved."""
        ...

    def stories(self, **filters: Any) -> Iterator[dict[str, Any]]: ...

    def get_story(self, story_id: str) -> dict[str, Any] | None: ...

    def close(self) -> None: ...
