"""Scoring coded events against a gold file in the format of ``examples/seeds/expected.json``.

The gold file names documents (paths relative to it) and, for each, its events: ``type``,
``source``, ``target`` (ISO alpha-3 codes, or ``rebels``), ``evidence`` (an exact substring
of the document), and optionally ``mode``, ``items``, ``place``, ``when``.

A predicted event is right when its type is the gold type, its source and target match the
gold ones (by country: DZAGOV matches DZA; ``rebels`` matches a REB actor) and its evidence
(the sentence or any merged report) overlaps the gold evidence. Precision is over predicted
events in the gold documents, recall over gold events; per-field accuracy is over the
matched pairs: mode, items (the share of gold items found), place and date (the gold text
inside the predicted one).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from hadath.errors import InputError
from hadath.ingest import iter_inputs
from hadath.model import Document, Event
from hadath.pipeline import analyze

__all__ = ["evaluate_events", "event_matches"]

_GROUPS = {"rebels": "REB", "insurgents": "INS", "opposition": "OPP"}


def _actor_ok(pred: str | None, gold: str | None) -> bool:
    if not gold:
        return True
    if pred is None:
        return False
    if gold.lower() in _GROUPS:
        return _GROUPS[gold.lower()] in pred
    return pred.startswith(gold.upper())


def _spans(ev: Event) -> list[tuple[int, int]]:
    return [(ev.sentence.start, ev.sentence.end)] + [(a.start, a.end) for a in ev.arguments if a.role == "evidence"]


def event_matches(ev: Event, gold: dict[str, Any], text: str) -> bool:
    """Whether a predicted event is the gold one (type, actors, overlapping evidence)."""
    at = text.find(gold["evidence"])
    if at < 0:
        raise InputError("gold", f"evidence not found in the document: {gold['evidence'][:60]!r}")
    end = at + len(gold["evidence"])
    return (
        ev.type == gold["type"]
        and _actor_ok(ev.source, gold.get("source"))
        and _actor_ok(ev.target, gold.get("target"))
        and any(s < end and at < e for s, e in _spans(ev))
    )


def _fields(ev: Event, gold: dict[str, Any]) -> dict[str, float]:
    out: dict[str, float] = {}
    if gold.get("mode"):
        out["mode"] = float(ev.mode == gold["mode"])
    if gold.get("items"):
        items = [a.text for a in ev.arguments if a.role == "item"]
        out["items"] = sum(any(g in t or t in g for t in items) for g in gold["items"]) / len(gold["items"])
    if gold.get("place"):
        out["place"] = float(bool(ev.place) and gold["place"] in ev.place.get("text", ""))
    if gold.get("when"):
        out["date"] = float(bool(ev.date) and gold["when"] in ev.date.get("text", ""))
    return out


def _load(gold_path: Path) -> tuple[dict[str, Any], dict[str, Document]]:
    try:
        gold = json.loads(gold_path.read_text("utf-8"))
    except FileNotFoundError:
        raise InputError(str(gold_path), "no such file") from None
    except IsADirectoryError:
        raise InputError(str(gold_path), "a folder, not a gold file") from None
    except json.JSONDecodeError as exc:
        raise InputError(str(gold_path), f"invalid JSON ({exc.msg} at line {exc.lineno})") from None
    if not isinstance(gold, dict) or not isinstance(gold.get("documents"), dict):
        raise InputError(str(gold_path), "expected an object with 'documents' (see examples/seeds/expected.json)")
    docs = {}
    for name in gold["documents"]:
        path = gold_path.parent / name
        items = list(iter_inputs([path]))
        if not items or isinstance(items[0], InputError):
            raise InputError(str(path), items[0].reason if items else "no document")
        docs[name] = analyze(items[0])
    return gold, docs


def evaluate_events(gold_path: str | Path) -> dict[str, Any]:
    """Precision, recall, F1 and per-field accuracy of event coding on a gold file."""
    gold, docs = _load(Path(gold_path))
    n_pred = n_gold = tp_pred = tp_gold = 0
    fields: dict[str, list[float]] = {}
    details = []
    for name, entry in gold["documents"].items():
        doc = docs[name]
        golds = entry.get("events", [])
        n_gold += len(golds)
        n_pred += len(doc.events)
        matched_pred = set()
        for g in golds:
            hit = next((ev for ev in doc.events if event_matches(ev, g, doc.text)), None)
            details.append({"document": name, "gold": g.get("key") or g["evidence"][:40], "found": hit is not None})
            if hit is not None:
                tp_gold += 1
                matched_pred.add(hit.id)
                for k, v in _fields(hit, g).items():
                    fields.setdefault(k, []).append(v)
        tp_pred += len(matched_pred)
    p = tp_pred / n_pred if n_pred else 0.0
    r = tp_gold / n_gold if n_gold else 0.0
    return {
        "gold": str(gold_path),
        "documents": len(docs),
        "gold_events": n_gold,
        "predicted_events": n_pred,
        "precision": round(p, 4),
        "recall": round(r, 4),
        "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
        "fields": {k: round(sum(v) / len(v), 4) for k, v in sorted(fields.items())},
        "events": details,
    }
