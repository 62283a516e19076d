"""Scoring story links against a gold file in the format of ``examples/seeds/expected.json``.

The gold file lists documents with their events (each with an ``id``) and ``links``: pairs
of event ids with ``same_event`` and ``same_story`` (true or false). Gold events are matched
to coded events as ``hadath eval events`` does; the documents are linked by a fresh
``StoryIndex`` in the order listed. Scores are pairwise over every pair of gold events:
a pair is gold-positive when a link (or the transitive closure of the links) says so, and
predicted-positive when both events were coded and fall in the same cluster / story; an
uncoded gold event counts as a missed link. ``near_duplicates`` (optional in the gold:
``[[doc, doc], …]``) are scored the same way over document pairs.
"""

from __future__ import annotations

from itertools import combinations
from pathlib import Path
from typing import Any

from hadath.events.evaluate import _load, event_matches
from hadath.stories.index import StoryIndex

__all__ = ["evaluate_stories"]


def _closure(pairs: list[tuple[str, str]]) -> set[frozenset[str]]:
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in pairs:
        parent[find(a)] = find(b)
    groups: dict[str, list[str]] = {}
    for x in list(parent):
        groups.setdefault(find(x), []).append(x)
    return {frozenset(p) for g in groups.values() for p in combinations(sorted(g), 2)}


def _prf(gold: set[frozenset[str]], pred: set[frozenset[str]]) -> dict[str, Any]:
    tp = len(gold & pred)
    p = tp / len(pred) if pred else (1.0 if not gold else 0.0)
    r = tp / len(gold) if gold else 1.0
    return {
        "precision": round(p, 4),
        "recall": round(r, 4),
        "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
        "gold": len(gold),
        "predicted": len(pred),
    }


def evaluate_stories(gold_path: str | Path, **settings: Any) -> dict[str, Any]:
    """Pairwise P/R/F1 of same-event and same-story links (and near-duplicates if given)."""
    gold, docs = _load(Path(gold_path))
    index = StoryIndex(**settings)
    for doc in docs.values():
        index.add(doc)
    coded: dict[str, str] = {}  # gold event id -> coded event id
    gold_ids = []
    for name, entry in gold["documents"].items():
        doc = docs[name]
        for g in entry.get("events", []):
            gid = g.get("id") or g.get("key")
            if not gid:
                continue
            gold_ids.append(gid)
            hit = next((ev for ev in doc.events if event_matches(ev, g, doc.text)), None)
            if hit is not None:
                coded[gid] = hit.id
    links = gold.get("links", [])
    same_event = _closure([tuple(x["between"]) for x in links if x.get("same_event")])
    same_story = _closure([tuple(x["between"]) for x in links if x.get("same_story") or x.get("same_event")])
    pred_event, pred_story = set(), set()
    for a, b in combinations(sorted(gold_ids), 2):
        if a in coded and b in coded:
            ea, eb = coded[a], coded[b]
            if index.cluster_of(ea) == index.cluster_of(eb):
                pred_event.add(frozenset((a, b)))
            sa, sb = index.story_of_event(ea), index.story_of_event(eb)
            if sa is not None and sa == sb:
                pred_story.add(frozenset((a, b)))
    result: dict[str, Any] = {
        "gold": str(gold_path),
        "documents": len(docs),
        "gold_events": len(gold_ids),
        "matched_events": len(coded),
        "pairs": len(gold_ids) * (len(gold_ids) - 1) // 2,
        "same_event": _prf(same_event, pred_event),
        "same_story": _prf(same_story, pred_story),
        "near_duplicates": None,
    }
    if gold.get("near_duplicates") is not None:
        ids = {name: docs[name].id for name in docs}
        gold_nd = _closure([(a, b) for a, b in gold["near_duplicates"]])
        pred_nd = set()
        for a, b in combinations(sorted(ids), 2):
            if index.dups.original.get(ids[a]) == index.dups.original.get(ids[b]):
                pred_nd.add(frozenset((a, b)))
        result["near_duplicates"] = _prf(gold_nd, pred_nd)
    return result
