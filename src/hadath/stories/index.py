"""``StoryIndex``: near-duplicates, same-event clusters and story threads, kept up to date as
documents are added (the library's entry point; the store keeps its state between runs).

    index = StoryIndex()
    for doc in analysed_documents:      # any order; publication order makes originals earliest
        index.add(doc)
    for story in index.stories(min_events=2):
        print(story.title, story.attributes["gist"])
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from hadath.lexicons import english_name, iso3_of
from hadath.model import Document, Story
from hadath.stories.link import (
    EventLinker,
    EventRecord,
    StoryThreader,
    actor_country,
    gist_verb,
    record_of,
)
from hadath.stories.near_dup import DEFAULT_THRESHOLD, NUM_PERM, NearDuplicate, NearDuplicateIndex, signature
from hadath.text.normalize import fold

__all__ = ["AddResult", "DocInfo", "StoryIndex", "actor_label", "event_gist", "item_gloss"]


@dataclass(slots=True)
class DocInfo:
    id: str
    published: str | None = None
    outlet: str | None = None
    title: str | None = None


@dataclass(slots=True)
class AddResult:
    """What adding one document changed."""

    doc_id: str
    duplicate: NearDuplicate | None = None
    clusters: dict[str, str] = field(default_factory=dict)  # event id -> same-event cluster id
    stories: dict[str, str] = field(default_factory=dict)  # event id -> story id


@lru_cache(maxsize=1)
def _glossary() -> list[tuple[str, str]]:
    text = resources.files("hadath.data").joinpath("stories/items_en.tsv").read_text("utf-8")
    rows = [tuple(line.split("\t")) for line in text.splitlines() if line and not line.startswith("#")]
    return [(fold(a), b) for a, b in rows]


def item_gloss(item: str) -> str:
    """English gloss of a coded item (``الوقود`` → ``fuel``); the item itself when unknown."""
    words = [w[2:] if w.startswith("ال") else w for w in fold(item).split()]
    text = " ".join(words)
    for ar, en in _glossary():
        if " " in ar:
            if ar in text:
                return en
        elif any(w.startswith(ar) for w in words):
            return en
    return item


def _with_target(verb: str, target: str | None) -> str:
    """``provided military aid to Mali (MLI)``; ``withdrew`` when there is no target."""
    if target:
        return f"{verb} {actor_label(target)}"
    head, _, last = verb.rpartition(" ")
    return head if head and last in ("to", "with", "from", "on", "for", "against") else verb


def actor_label(code: str | None) -> str:
    """``Algeria (DZA)``, ``Mali (MLIMIL)``; the bare code for non-country actors; ``?``."""
    if not code:
        return "?"
    country = actor_country(code)
    name = english_name(country) if country else None
    return f"{name} ({code})" if name else code


def event_gist(recs: list[EventRecord], items: Iterable[str] = (), reports: int | None = None) -> str:
    """One English line from coded fields: ``2008: Algeria (DZA) provided military aid (fuel,
    weapons) to Mali (MLI) — 2 reports``."""
    r = recs[0]
    src = next((x.source for x in recs if x.source), None)
    tgt = next((x.target for x in recs if x.target), None)
    glossed: list[str] = []
    for it in items:
        g = item_gloss(it)
        if g not in glossed:
            glossed.append(g)
    what = gist_verb(r.type, r.mode)
    if glossed:
        shown = ", ".join(glossed[:4]) + (", …" if len(glossed) > 4 else "")
        verb, _, prep = what.rpartition(" ")
        what = f"{verb} ({shown}) {prep}" if verb else f"{what} ({shown})"
    neg = "(denied) " if r.negated else ""
    n = reports if reports is not None else len({x.doc_id for x in recs})
    dates = sorted({x.date_label for x in recs if x.granularity != "reported"}) or [recs[0].date_label]
    return f"{dates[0]}: {neg}{actor_label(src)} {_with_target(what, tgt)} — {n} report{'s' if n != 1 else ''}"


class StoryIndex:
    """Near-duplicates, same-event clusters and stories, updated one document at a time."""

    def __init__(
        self,
        dup_threshold: float = DEFAULT_THRESHOLD,
        event_threshold: float = 0.3,
        gap_days: int = 45,
        overlap: float = 0.2,
        num_perm: int = NUM_PERM,
    ) -> None:
        self.dups = NearDuplicateIndex(dup_threshold, num_perm)
        self.linker = EventLinker(event_threshold)
        self.threads = StoryThreader(gap_days, overlap)
        self.docs: dict[str, DocInfo] = {}
        self.items: dict[str, list[str]] = {}  # event id -> items (original text)
        self.dirty_events: set[str] = set()
        self.dirty_stories: set[str] = set()
        self.new_docs: list[str] = []  # added since the last save (their signatures to store)

    def __len__(self) -> int:
        return len(self.docs)

    def add(self, doc: Document) -> AddResult:
        """Index an analysed document: near-duplicate check, then each of its events."""
        res = AddResult(doc.id)
        if doc.id in self.docs:
            return res
        self.docs[doc.id] = DocInfo(doc.id, doc.publication_date, doc.source, doc.title)
        self.new_docs.append(doc.id)
        res.duplicate = self.dups.add(doc.id, signature(doc, self.dups.num_perm))
        for ev in doc.events:
            rec = record_of(ev, doc)
            self.items[rec.id] = [a.text for a in ev.arguments if a.role == "item"]
            self._add_record(rec, res)
        return res

    def add_records(
        self, info: DocInfo, records: list[EventRecord], sig: Any = None, items: dict[str, list[str]] | None = None
    ) -> AddResult:
        """Index a document given as its linking records and MinHash (bench, replays)."""
        res = AddResult(info.id)
        if info.id in self.docs:
            return res
        self.docs[info.id] = info
        self.new_docs.append(info.id)
        res.duplicate = self.dups.add(info.id, sig)
        for rec in records:
            self.items[rec.id] = (items or {}).get(rec.id, [])
            self._add_record(rec, res)
        return res

    def _add_record(self, rec: EventRecord, res: AddResult) -> None:
        cid = self.linker.add(rec)
        if self.linker.merged:  # the event joined clusters: their members' cluster id changed
            self.dirty_events.update(self.linker.members[cid])
        res.clusters[rec.id] = cid
        sid = self.threads.add(rec, cid)
        if sid:
            res.stories[rec.id] = sid
            self.dirty_stories.add(sid)
        self.dirty_events.add(rec.id)

    def effective_settings(self) -> dict[str, Any]:
        """The thresholds this index links with (stored with the stories)."""
        return {
            "dup_threshold": self.dups.threshold,
            "event_threshold": self.linker.threshold,
            "gap_days": self.threads.gap_days,
            "overlap": self.threads.overlap,
            "num_perm": self.dups.num_perm,
        }

    def order_of(self, event_id: str) -> int:
        """Position of an event in the order it was added (for stable storage order)."""
        return self.linker.order.get(event_id, 0)

    def restore_document(self, info: DocInfo, sig: Any, original: str | None, similarity: float | None = None) -> None:
        """Put back a stored document (no comparisons); see ``SQLiteStore.load_stories``."""
        self.docs[info.id] = info
        self.dups.restore(info.id, sig, original, similarity)

    def restore_event(self, rec: EventRecord, items: list[str], cluster_id: str, story_id: str | None) -> None:
        self.items[rec.id] = items
        self.linker.restore(rec, cluster_id)
        if story_id:
            self.threads.restore(rec, story_id, cluster_id)

    def saved(self) -> None:
        """Mark every change as written."""
        self.dirty_events.clear()
        self.dirty_stories.clear()
        self.new_docs.clear()

    # --- views ------------------------------------------------------------------------

    def cluster_of(self, event_id: str) -> str:
        return self.linker.find(event_id)

    def story(self, story_id: str) -> Story | None:
        st = self.threads.stories.get(story_id)
        if st is None:
            return None
        clusters: dict[str, list[str]] = {}
        for eid in st.event_ids:
            clusters.setdefault(self.linker.find(eid), []).append(eid)
        docs: list[str] = []
        for eid in st.event_ids:
            d = self.linker.records[eid].doc_id
            for x in (d, *self.dups.copies.get(d, ())):
                if x not in docs:
                    docs.append(x)
        outlets = sorted({o for d in docs if (o := self.docs.get(d, DocInfo(d)).outlet)})
        family, a, b = st.key
        recs = [self.linker.records[e] for e in st.event_ids]
        if b.startswith("@"):  # one actor (in a country, when the place says which)
            src, tgt = a, None
            iso3 = iso3_of(b[1:]) if b != "@-" else None
            where = english_name(iso3) if iso3 and iso3 != actor_country(a) else None
            title = f"{actor_label(a)}{' in ' + where if where else ''}: {family}"
        else:
            srcs = [r.src for r in recs if r.src]
            src = max(srcs, key=srcs.count) if srcs else a
            tgt = b if src == a else a
            title = f"{actor_label(src)} – {actor_label(tgt)}: {family}"
        gists = []
        for cid, eids in sorted(clusters.items(), key=lambda kv: self.linker.records[kv[1][0]].start or 0):
            crecs = [self.linker.records[e] for e in eids]
            items = [it for e in eids for it in self.items.get(e, [])]
            gists.append({"cluster": cid, "events": eids, "date": crecs[0].when, "gist": event_gist(crecs, items)})
        dated = sorted((r for r in recs if r.start is not None), key=lambda r: (r.start, r.end))
        first = dated[0].when if dated else ""
        last = max(dated, key=lambda r: (r.end, r.start)).when if dated else ""
        span = first[:4] if first[:4] == last[:4] else f"{first[:4]}–{last[:4]}"
        gist = (
            f"{span}: {actor_label(src)} {_with_target(gist_verb(recs[0].type, recs[0].mode), tgt)} — {len(clusters)} "
            f"event{'s' if len(clusters) != 1 else ''}, {len(docs)} report{'s' if len(docs) != 1 else ''}"
            + (f", {len(outlets)} outlet{'s' if len(outlets) != 1 else ''}" if outlets else "")
        )
        return Story(
            id=story_id,
            title=title,
            event_ids=list(st.event_ids),
            doc_ids=docs,
            summary="",
            attributes={
                "family": family,
                "actors": [x for x in (src, tgt) if x],
                "key": list(st.key),
                "first_date": first or None,
                "last_date": last or None,
                "events": len(clusters),
                "outlets": outlets,
                "gist": gist,
                "event_gists": gists,
            },
        )

    def stories(self, min_events: int = 1, min_docs: int = 1) -> list[Story]:
        """Every story with at least ``min_events`` distinct events and ``min_docs`` documents,
        the largest first."""
        out = []
        for sid in self.threads.stories:
            s = self.story(sid)
            if s and s.attributes["events"] >= min_events and len(s.doc_ids) >= min_docs:
                out.append(s)
        out.sort(key=lambda s: (-len(s.doc_ids), -s.attributes["events"], s.id))
        return out

    def story_of_event(self, event_id: str) -> str | None:
        return self.threads.story_of.get(event_id)
