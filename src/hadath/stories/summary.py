"""What a story says, and what each report of it says that the others do not.

**Summary** (extractive, Arabic): the sentences of the story's documents (one document per
near-duplicate group) are weighed by TF-IDF over folded clitic-stripped words; a sentence's
centrality is its mean cosine similarity to the other sentences, plus a bonus when it is the
evidence of one of the story's events. The most central sentences are taken in turn,
skipping any too close (cosine > 0.6) to one already taken, and returned with their source
(document, outlet, date) and original-text span.

**Comparison**: the facts each report gives for the story's events — items (with
quantities), means, dates, places, and the officials it names with a role — and which of them
no other report gives. Within one event (same-event cluster) two reports disagree when they
give different dates that do not overlap, places in different countries or at different
places, or different quantities for the same item.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

from hadath.model import Document, Event
from hadath.stories.link import content_words, day_span, item_key
from hadath.text.normalize import fold

__all__ = ["compare_reports", "summarize"]

_MAX_SENTENCES_PER_DOC = 12


def _bag(doc: Document, starts: list[int], start: int, end: int) -> Counter[str]:
    """Content words of the tokens that start in ``[start, end)`` (``starts``: token starts)."""
    return Counter(content_words(doc.tokens[bisect_left(starts, start) : bisect_left(starts, end)]))


def _sentences(doc: Document, evidence: set[tuple[int, int]]) -> list[tuple[int, int, bool]]:
    """(start, end, is evidence) of a document's sentences: its first ones and its evidence."""
    out = []
    for i, s in enumerate(doc.sentences):
        is_ev = any(a < s.end and s.start < b for a, b in evidence)
        if i < _MAX_SENTENCES_PER_DOC or is_ev:
            out.append((s.start, s.end, is_ev))
    if not out and doc.text.strip():
        out.append((0, len(doc.text), False))
    return out


def summarize(docs: Sequence[Document], events: Iterable[Event] = (), k: int = 3) -> list[dict[str, Any]]:
    """The ``k`` most central sentences of ``docs`` (with source attribution), most central first."""
    spans: dict[str, set[tuple[int, int]]] = {}
    for ev in events:
        spans.setdefault(ev.doc_id, set()).add((ev.sentence.start, ev.sentence.end))
    cands: list[tuple[Document, int, int, bool, Counter[str]]] = []
    for doc in docs:
        starts = [t.start for t in doc.tokens]
        for s, e, is_ev in _sentences(doc, spans.get(doc.id, set())):
            bag = _bag(doc, starts, s, e)
            if len(bag) >= 4:
                cands.append((doc, s, e, is_ev, bag))
    if not cands:
        return []
    df: Counter[str] = Counter()
    for *_, bag in cands:
        df.update(bag.keys())
    n = len(cands)
    vecs = []
    for *_, bag in cands:
        v = {w: c * math.log(1 + n / df[w]) for w, c in bag.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        vecs.append({w: x / norm for w, x in v.items()})

    def cos(a: dict[str, float], b: dict[str, float]) -> float:
        if len(a) > len(b):
            a, b = b, a
        return sum(x * b.get(w, 0.0) for w, x in a.items())

    scores = []
    for i, v in enumerate(vecs):
        c = sum(cos(v, u) for j, u in enumerate(vecs) if j != i) / max(1, n - 1)
        scores.append(c + (0.15 if cands[i][3] else 0.0))
    chosen: list[int] = []
    for i in sorted(range(n), key=lambda i: -scores[i]):
        if len(chosen) >= k:
            break
        if all(cos(vecs[i], vecs[j]) <= 0.6 for j in chosen):
            chosen.append(i)
    out = []
    for i in chosen:
        doc, s, e, is_ev, _ = cands[i]
        out.append(
            {
                "text": doc.text[s:e].strip(),
                "doc_id": doc.id,
                "outlet": doc.source,
                "published": doc.publication_date,
                "start": s,
                "end": e,
                "evidence": is_ev,
                "score": round(scores[i], 4),
            }
        )
    return out


def _facts(doc: Document, events: list[Event]) -> dict[str, dict[str, str]]:
    """field -> {comparison key: text as the report gives it}."""
    facts: dict[str, dict[str, str]] = {k: {} for k in ("items", "means", "dates", "places", "officials")}
    for ev in events:
        for a in ev.arguments:
            if a.role == "item":
                q = (a.value or {}).get("quantity")
                facts["items"].setdefault(item_key(a.text), a.text if not q or q in a.text else f"{q} {a.text}")
            elif a.role == "means":
                facts["means"].setdefault(fold(a.text), a.text)
        if ev.date and ev.date.get("value"):
            facts["dates"].setdefault(str(ev.date["value"]), f"{ev.date.get('text', '')} ({ev.date['value']})")
        if ev.place:
            key = str(ev.place.get("geonames") or fold(ev.place.get("text") or ""))
            facts["places"].setdefault(key, ev.place.get("name") or ev.place.get("text") or key)
    for m in doc.mentions:
        r = m.resolution
        if m.type == "PER" and r is not None and r.value.get("role"):
            facts["officials"].setdefault(fold(m.text), f"{m.text} ({r.value['role']})")
    return facts


def _disagreements(reports: list[dict[str, Any]], events_by_doc: dict[str, list[Event]]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    dated = []
    for r in reports:
        for ev in events_by_doc[r["doc_id"]]:
            d = ev.date or {}
            span = (day_span(d.get("start")) if isinstance(d.get("start"), str) else None, d.get("value"))
            if span[0]:
                dated.append((r["doc_id"], span[0], span[1], d.get("text")))
    for i, (da, sa, va, ta) in enumerate(dated):
        for db, sb, vb, tb in dated[i + 1 :]:
            if da != db and (sa[0] > sb[1] or sb[0] > sa[1]):
                out.append({"field": "date", "values": {da: f"{ta} ({va})", db: f"{tb} ({vb})"}})
    places = [
        (r["doc_id"], ev.place)
        for r in reports
        for ev in events_by_doc[r["doc_id"]]
        if ev.place and ev.place.get("geonames")
    ]
    for i, (da, pa) in enumerate(places):
        for db, pb in places[i + 1 :]:
            if da != db and pa["geonames"] != pb["geonames"] and pa.get("kind") != "country" != pb.get("kind"):
                out.append({"field": "place", "values": {da: pa.get("name"), db: pb.get("name")}})
    qty: dict[str, dict[str, str]] = {}
    for r in reports:
        for ev in events_by_doc[r["doc_id"]]:
            for a in ev.arguments:
                q = (a.value or {}).get("quantity") if a.role == "item" else None
                if q:
                    qty.setdefault(item_key(a.text).split()[-1], {})[r["doc_id"]] = q
    for item, per_doc in qty.items():
        if len(set(per_doc.values())) > 1:
            out.append({"field": "quantity", "item": item, "values": per_doc})
    return out


def compare_reports(
    docs: Sequence[Document], events: Iterable[Event], clusters: dict[str, list[str]] | None = None
) -> dict[str, Any]:
    """Per report: the facts it gives for ``events`` and those no other report gives; and the
    disagreements between reports of one event (``clusters``: cluster id -> event ids)."""
    evs = list(events)
    by_doc: dict[str, list[Event]] = {}
    for ev in evs:
        by_doc.setdefault(ev.doc_id, []).append(ev)
    keyed = {doc.id: _facts(doc, by_doc[doc.id]) for doc in docs if doc.id in by_doc}  # field -> key -> text
    reports = [
        {"doc_id": doc.id, "outlet": doc.source, "published": doc.publication_date, "title": doc.title}
        for doc in docs
        if doc.id in keyed
    ]
    for r in reports:
        mine = keyed[r["doc_id"]]
        r["facts"] = {f: list(v.values()) for f, v in mine.items() if v}
        others: dict[str, set[str]] = {}
        for o in reports:
            if o is not r:
                for f, vals in keyed[o["doc_id"]].items():
                    others.setdefault(f, set()).update(vals)
        r["only_here"] = (
            {
                f: [v for k, v in vals.items() if k not in others.get(f, set())]
                for f, vals in mine.items()
                if any(k not in others.get(f, set()) for k in vals)
            }
            if len(reports) > 1
            else {}
        )
    shared: dict[str, list[str]] = {}
    if len(reports) > 1:
        all_facts = list(keyed.values())
        for f in ("items", "means", "dates", "places", "officials"):
            keys = set.intersection(*(set(x[f]) for x in all_facts))
            if keys:
                shared[f] = [v for k, v in all_facts[0][f].items() if k in keys]
    disagreements = []
    ev_by_id = {ev.id: ev for ev in evs}
    for cid, eids in (clusters or {}).items():
        members = [ev_by_id[e] for e in eids if e in ev_by_id]
        if len({ev.doc_id for ev in members}) < 2:
            continue
        cl_by_doc: dict[str, list[Event]] = {}
        for ev in members:
            cl_by_doc.setdefault(ev.doc_id, []).append(ev)
        for d in _disagreements([{"doc_id": x} for x in cl_by_doc], cl_by_doc):
            disagreements.append({"cluster": cid, **d})
    return {"reports": reports, "shared": shared, "disagreements": disagreements}
