"""Stories kept in a store: update with new documents, rebuild, and the full report of one story
(timeline, documents, summary, comparison) that ``hadath story`` prints."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from hadath.errors import UserError
from hadath.model import Document, Event
from hadath.stories.index import StoryIndex
from hadath.stories.summary import compare_reports, summarize

__all__ = ["rebuild_stories", "story_report", "update_stories"]

MAX_REPORT_DOCS = 40  # documents read back for a story's summary and comparison


def update_stories(store: Any, docs: Iterable[Document], index: StoryIndex | None = None) -> StoryIndex:
    """Add analysed, stored documents to the store's stories; returns the (loaded) index."""
    index = index if index is not None else store.load_stories()
    for doc in docs:
        index.add(doc)
    store.save_stories(index)
    return index


def rebuild_stories(
    store: Any, page: int = 500, progress: Callable[[int], None] | None = None, **settings: Any
) -> StoryIndex:
    """Forget the store's stories and link every stored document again (in storage order)."""
    from hadath.store import DocumentFilter

    store.clear_stories()
    index = StoryIndex(**{k: v for k, v in settings.items() if v is not None})
    offset = 0
    while True:
        batch = list(store.documents(DocumentFilter(limit=page, offset=offset)))
        if not batch:
            break
        for doc in batch:
            index.add(doc)
        store.save_stories(index)
        offset += len(batch)
        if progress:
            progress(offset)
    return index


def story_report(store: Any, story_id: str, summary_sentences: int = 3) -> dict[str, Any]:
    """A stored story with its timeline of events (by same-event cluster), documents, Arabic
    summary and comparison of reports."""
    st = store.get_story(story_id)
    if st is None:
        raise UserError(f"no story {story_id!r} (see `hadath stories`)")
    doc_ids = st["doc_ids"]
    docs = [d for d in (store.get_document(i) for i in doc_ids[:MAX_REPORT_DOCS]) if d is not None]
    wanted = set(st["event_ids"])
    events: list[Event] = [ev for d in docs for ev in d.events if ev.id in wanted]
    by_id = {ev.id: ev for ev in events}
    dups = store.duplicates()
    original_of = {c: o for o, cs in dups.items() for c in cs}
    copies = {d for d in doc_ids if d in original_of}
    originals = [d for d in docs if d.id not in copies]
    gists = {g["cluster"]: g for g in st["attributes"].get("event_gists", [])}
    timeline: list[dict[str, Any]] = []
    for cid, eids in st["clusters"].items():
        evs = [by_id[e] for e in eids if e in by_id]
        first = evs[0] if evs else None
        timeline.append(
            {
                "cluster": cid,
                "gist": gists.get(cid, {}).get("gist", ""),
                "events": eids,
                "reports": sorted({e.split(":")[0] for e in eids}),
                "date": gists.get(cid, {}).get("date"),
                "type": first.type if first else None,
                "mode": first.mode if first else None,
                "evidence": first.evidence if first else None,
            }
        )
    doc_rows = [
        {
            "id": d.id,
            "title": d.title,
            "outlet": d.source,
            "published": d.publication_date,
            "duplicate_of": original_of.get(d.id),
        }
        for d in docs
    ]
    return {
        **st,
        "timeline": timeline,
        "documents": doc_rows,
        "more_documents": max(0, len(doc_ids) - len(docs)),
        "summary": summarize(originals, events, k=summary_sentences),
        "comparison": compare_reports(originals, events, st["clusters"]),
    }
