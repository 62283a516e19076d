"""Export a store as files, one per table: documents, mentions, events, stories.

JSON Lines keeps every field; CSV and Parquet (pyarrow, the ``parquet`` extra) get flat
columns. Event columns follow GDELT's names where GDELT has one (``EVENT_COLUMNS``, shared
with ``hadath events --format csv``), plus the same-event cluster and story of each event.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from hadath.errors import UserError

__all__ = ["EVENT_COLUMNS", "TABLES", "export_tables"]

TABLES = ("documents", "mentions", "events", "stories")
_PAGE = 500


# GDELT-style names where GDELT has one (Actor1Code, EventCode, ActionGeo_*), PLOVER's otherwise
EVENT_COLUMNS = (
    ("GLOBALEVENTID", lambda e: e["id"]),
    ("doc_id", lambda e: e["doc_id"]),
    ("SQLDATE", lambda e: (e.get("date") or {}).get("value") or e["document"]["publication_date"]),
    ("date_text", lambda e: (e.get("date") or {}).get("text")),
    ("event_type", lambda e: e["type"]),
    ("mode", lambda e: e.get("mode")),
    ("EventCode", lambda e: e.get("cameo")),
    ("Actor1Code", lambda e: e.get("source")),
    ("Actor2Code", lambda e: e.get("target")),
    ("ActionGeo_FullName", lambda e: (e.get("place") or {}).get("name") or (e.get("place") or {}).get("text")),
    ("ActionGeo_CountryCode", lambda e: (e.get("place") or {}).get("country_code")),
    ("ActionGeo_Lat", lambda e: (e.get("place") or {}).get("lat")),
    ("ActionGeo_Long", lambda e: (e.get("place") or {}).get("lon")),
    ("ActionGeo_FeatureID", lambda e: (e.get("place") or {}).get("geonames")),
    ("items", lambda e: " | ".join(a["text"] for a in e.get("arguments", []) if a["role"] == "item")),
    ("means", lambda e: " | ".join(a["text"] for a in e.get("arguments", []) if a["role"] == "means")),
    ("negated", lambda e: e.get("negated", False)),
    ("modality", lambda e: e.get("modality")),
    ("confidence", lambda e: e.get("confidence")),
    ("evidence", lambda e: e["evidence"]),
    ("SOURCEURL", lambda e: e["document"].get("url")),
    ("outlet", lambda e: e["document"].get("source")),
    ("publication_date", lambda e: e["document"].get("publication_date")),
)


def _documents(store: Any) -> Iterator[Any]:
    from hadath.store import DocumentFilter

    offset = 0
    while True:
        page = list(store.documents(DocumentFilter(limit=_PAGE, offset=offset)))
        if not page:
            return
        yield from page
        offset += len(page)


def _rows(
    store: Any, table: str, full: bool, event_columns: Sequence[tuple[str, Callable[[Any], Any]]]
) -> Iterator[dict[str, Any]]:
    if table == "documents":
        dups = {c: o for o, cs in store.duplicates().items() for c in cs}
        for d in _documents(store):
            if full:
                row = d.to_dict()
                row.pop("tokens", None)
                row["duplicate_of"] = dups.get(d.id)
                yield row
            else:
                yield {
                    "id": d.id,
                    "title": d.title,
                    "source": d.source,
                    "url": d.url,
                    "publication_date": d.publication_date,
                    "publication_date_source": d.publication_date_source,
                    "origin": d.origin,
                    "duplicate_of": dups.get(d.id),
                    "mentions": len(d.mentions),
                    "events": len(d.events),
                    "text": d.text,
                }
    elif table == "mentions":
        for d in _documents(store):
            for m in d.mentions:
                if full:
                    yield {"doc_id": d.id, **m.to_dict()}
                    continue
                v = m.resolution.value if m.resolution else {}
                yield {
                    "doc_id": d.id,
                    "start": m.start,
                    "end": m.end,
                    "text": m.text,
                    "type": m.type,
                    "resolution": m.resolution.kind if m.resolution else None,
                    "code": v.get("code"),
                    "geonames": v.get("geonames"),
                    "name": v.get("name"),
                    "country_code": v.get("country_code"),
                    "lat": v.get("lat"),
                    "lon": v.get("lon"),
                    "value": v.get("value") if m.type == "DATE" else None,
                    "score": m.resolution.score if m.resolution else m.score,
                }
    elif table == "events":
        links = store.event_links()
        for e in store.events():
            cluster, story = links.get(e["id"], (None, None))
            if full:
                yield {**e, "cluster_id": cluster, "story_id": story}
            else:
                row = {name: get(e) for name, get in event_columns}
                row.update(cluster_id=cluster, story_id=story)
                yield row
    elif table == "stories":
        for st in store.stories():
            if full:
                yield st
                continue
            a = st["attributes"]
            yield {
                "id": st["id"],
                "title": st["title"],
                "family": a.get("family"),
                "actors": "|".join(a.get("actors", [])),
                "first_date": a.get("first_date"),
                "last_date": a.get("last_date"),
                "events": a.get("events"),
                "documents": len(st["doc_ids"]),
                "outlets": "|".join(a.get("outlets", [])),
                "gist": a.get("gist"),
                "event_ids": "|".join(st["event_ids"]),
                "doc_ids": "|".join(st["doc_ids"]),
            }


def export_tables(
    store: Any,
    out_dir: Path,
    fmt: str,
    tables: Sequence[str] = TABLES,
    event_columns: Sequence[tuple[str, Callable[[Any], Any]]] = EVENT_COLUMNS,
) -> dict[str, tuple[Path, int]]:
    """Write each table to ``out_dir/TABLE.{jsonl,csv,parquet}``; returns table -> (path, rows)."""
    if fmt == "parquet":
        try:
            import pyarrow as pa
            import pyarrow.parquet as pq
        except ImportError:
            raise UserError("Parquet needs pyarrow: pip install 'hadath[parquet]'") from None
    out_dir.mkdir(parents=True, exist_ok=True)
    written = {}
    for table in tables:
        path = out_dir / f"{table}.{fmt}"
        rows = _rows(store, table, fmt == "jsonl", event_columns)
        n = 0
        if fmt == "jsonl":
            with path.open("w", encoding="utf-8") as f:
                for row in rows:
                    f.write(json.dumps(row, ensure_ascii=False) + "\n")
                    n += 1
        elif fmt == "csv":
            with path.open("w", encoding="utf-8", newline="") as f:
                w = None
                for row in rows:
                    if w is None:
                        w = csv.DictWriter(f, fieldnames=list(row))
                        w.writeheader()
                    w.writerow(row)
                    n += 1
        else:
            data = list(rows)
            n = len(data)
            pq.write_table(pa.Table.from_pylist(data) if data else pa.table({}), path)
        written[table] = (path, n)
    return written
