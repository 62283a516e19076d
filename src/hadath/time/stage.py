"""The time stage. Reads: ``tokens``, ``sentences``, ``mentions`` (names, so that ``اليوم``
in ``العرب اليوم`` is not a date) and the publication date. Writes: ``mentions`` of type
``DATE`` (``source="time"``) whose ``resolution`` holds the value (see
``hadath.time.resolve``); and, for a document without a publication date, an inferred one
(``publication_date_source="inferred"``, details in ``meta["publication_date_inference"]``).
"""

from __future__ import annotations

import bisect
from typing import Any

from hadath.model import Document, Mention, Resolution
from hadath.stage import stage
from hadath.time.expressions import TimeExpr, clitic_length, find_expressions
from hadath.time.resolve import infer_publication_date, parse_anchor, resolve

__all__ = ["time_stage"]

_CONTEXT = 6  # words before an expression compared when pairing relative and explicit years
_NAME_TYPES = frozenset({"ORG", "PERS", "MISC"})
_SCORE = {"explicit": 0.95, "hijri": 0.9, "relative": 0.8}


@stage("time", requires=["tokens", "sentences", "mentions"], assigns=["dates"])
def time_stage(doc: Document) -> Document:
    """Find, resolve and add the document's date expressions."""
    starts = [t.start for t in doc.tokens]
    inside_names: set[int] = set()  # doc-level indices of tokens inside a name
    for m in doc.mentions:
        if m.type in _NAME_TYPES:
            inside_names.update(range(bisect.bisect_left(starts, m.start), bisect.bisect_left(starts, m.end)))
    found: list[tuple[TimeExpr, list[str]]] = []  # expressions with doc-level token indices
    for sent in doc.sentences:
        toks = doc.tokens[sent.token_start : sent.token_end]
        skip = frozenset(k - sent.token_start for k in inside_names if sent.token_start <= k < sent.token_end)
        for expr in find_expressions(toks, skip):
            expr.start += sent.token_start
            expr.end += sent.token_start
            lo = max(sent.token_start, expr.start - _CONTEXT)
            ctx = [t.stem for t in doc.tokens[lo : expr.start] if t.kind == "word"]
            found.append((expr, ctx))
    if not doc.publication_date:
        explicit = []
        for expr, ctx in found:
            if expr.kind in ("date", "hijri") and expr.year is not None:
                value = resolve(expr, None)
                if value is not None:
                    explicit.append((expr, value, ctx))
        ago_years = [(e, c) for e, c in found if e.kind == "ago" and e.unit == "year"]
        inferred = infer_publication_date(explicit, ago_years)
        if inferred is not None:
            inferred["evidence"] = [[doc.tokens[e.start].start, doc.tokens[e.end - 1].end] for e, _, _ in explicit] + [
                [doc.tokens[e.start].start, doc.tokens[e.end - 1].end] for e, _ in ago_years
            ]
            doc.publication_date = inferred["best_guess"]
            doc.publication_date_source = "inferred"
            doc.meta["publication_date_inference"] = inferred
    anchor = parse_anchor(doc.publication_date)
    mentions = [m for m in doc.mentions if m.source != "time"]
    for expr, _ in found:
        value = resolve(expr, anchor)
        if value is None:
            continue
        first = doc.tokens[expr.start]
        start, end = first.core_start + clitic_length(first), doc.tokens[expr.end - 1].end
        kind: Any = value.get("kind", "relative")
        score = _SCORE.get(kind, 0.8) if value.get("value") else 0.5
        mentions.append(
            Mention(
                start,
                end,
                doc.text[start:end],
                "DATE",
                source="time",
                score=score,
                resolution=Resolution("date", value, score, reason=f"{expr.kind} expression"),
            )
        )
    doc.mentions = sorted(mentions, key=lambda m: (m.start, m.end))
    return doc
