"""The SQLite store: one file, WAL mode, one transaction per batch, FTS5 search over
normalized, clitic-stripped keys (``hadath.text.keys``), numbered migrations.

Tokens are not stored: they are rebuilt from the text by the text layer when a document is
read back (deterministic and faster than decoding them), which keeps the file small.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from hadath.errors import StoreError
from hadath.model import Document
from hadath.store.base import DocumentFilter, EventFilter, SearchHit
from hadath.store.migrations import MIGRATIONS
from hadath.text import iter_tokens
from hadath.text.keys import index_keys, query_phrases, token_keys

__all__ = ["SQLiteStore"]

log = logging.getLogger(__name__)

_DOC_COLUMNS = "id, title, source, url, publication_date, publication_date_source, language, origin, text, meta"
_SNIPPET_RADIUS = 90


class SQLiteStore:
    """A ``Store`` in one SQLite file.

    Args:
        path: the database file (``:memory:`` for a throw-away store).
        create: create the file if it does not exist; otherwise a missing file is a
            ``StoreError`` telling the user to run ``hadath analyze`` first.
    """

    def __init__(self, path: str | Path = "hadath.db", *, create: bool = True) -> None:
        self.path = str(path)
        if self.path != ":memory:":
            p = Path(self.path)
            if not p.exists() and not create:
                raise StoreError(f"no database at {self.path} (run `hadath analyze PATH --db {self.path}` first)")
            if p.exists() and p.is_dir():
                raise StoreError(f"{self.path} is a directory, not a database file")
            if not p.parent.exists():
                raise StoreError(f"cannot create {self.path}: folder {p.parent} does not exist")
        try:
            self.conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self.conn.execute("PRAGMA foreign_keys=ON")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path} is not a hadath database ({exc})") from None

    # --- schema -----------------------------------------------------------------------

    def _migrate(self) -> None:
        c = self.conn
        c.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations ("
            "version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
            "applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))"
        )
        applied = {row[0] for row in c.execute("SELECT version FROM schema_migrations")}
        latest = MIGRATIONS[-1][0]
        if applied and max(applied) > latest:
            raise StoreError(
                f"{self.path} has schema version {max(applied)}, newer than this hadath ({latest}): upgrade hadath"
            )
        for version, name, sql in MIGRATIONS:
            if version in applied:
                continue
            with self.transaction():
                for statement in sql.split(";"):
                    if statement.strip():
                        c.execute(statement)
                c.execute("INSERT INTO schema_migrations(version, name) VALUES (?, ?)", (version, name))
            log.info("applied migration %d: %s", version, name)

    @property
    def schema_version(self) -> int:
        row = self.conn.execute("SELECT max(version) FROM schema_migrations").fetchone()
        return int(row[0] or 0)

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction (``BEGIN IMMEDIATE``); rolled back on error."""
        if self.conn.in_transaction:
            yield self.conn
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    # --- writing ------------------------------------------------------------------------

    def has_document(self, doc_id: str) -> bool:
        return self.conn.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone() is not None

    def _insert(self, doc: Document) -> int | None:
        cur = self.conn.execute(
            f"INSERT OR IGNORE INTO documents ({_DOC_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                doc.id,
                doc.title,
                doc.source,
                doc.url,
                doc.publication_date,
                doc.publication_date_source,
                doc.language,
                doc.origin,
                doc.text,
                json.dumps(doc.meta, ensure_ascii=False),
            ),
        )
        if cur.rowcount == 0:
            return None
        rowid = cur.lastrowid
        tokens = doc.tokens or list(iter_tokens(doc.text))
        title_keys = index_keys(iter_tokens(doc.title)) if doc.title else ""
        self.conn.execute(
            "INSERT INTO documents_fts(rowid, title, body) VALUES (?, ?, ?)",
            (rowid, title_keys, index_keys(tokens)),
        )
        return rowid

    def _write_events(self, rowid: int, doc: Document) -> None:
        self.conn.execute("DELETE FROM events WHERE doc_rowid = ?", (rowid,))
        self.conn.executemany(
            "INSERT INTO events(id, doc_rowid, type, mode, cameo, source, target, date, negated, data) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    ev.id,
                    rowid,
                    ev.type,
                    ev.mode,
                    ev.cameo,
                    ev.source,
                    ev.target,
                    (ev.date or {}).get("value") or doc.publication_date,
                    int(ev.negated),
                    json.dumps(ev.to_dict(), ensure_ascii=False, separators=(",", ":")),
                )
                for ev in doc.events
            ],
        )

    def _write_analysis(self, rowid: int, doc: Document) -> None:
        self._write_events(rowid, doc)
        data = doc.to_dict()
        for key in ("tokens", "text", "title", "source", "url", "origin", "meta", "id"):
            data.pop(key, None)
        self.conn.execute(
            "INSERT INTO analyses(doc_rowid, stages, data) VALUES (?, ?, ?) "
            "ON CONFLICT(doc_rowid) DO UPDATE SET stages = excluded.stages, data = excluded.data, "
            "updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')",
            (rowid, json.dumps(doc.stages), json.dumps(data, ensure_ascii=False, separators=(",", ":"))),
        )

    def put_document(self, doc: Document) -> bool:
        return self.put_documents([doc])[0]

    def put_documents(self, docs: Iterable[Document]) -> list[bool]:
        results = []
        with self.transaction():
            for doc in docs:
                rowid = self._insert(doc)
                results.append(rowid is not None)
                if rowid is not None and doc.stages:
                    self._write_analysis(rowid, doc)
        return results

    def put_analysis(self, doc: Document) -> None:
        with self.transaction():
            row = self.conn.execute("SELECT rowid FROM documents WHERE id = ?", (doc.id,)).fetchone()
            if row is None:
                raise StoreError(f"document {doc.id} is not stored; put_document first")
            self._write_analysis(row[0], doc)

    # --- reading ------------------------------------------------------------------------

    def _load(self, row: tuple[Any, ...]) -> Document:
        (_rowid, doc_id, title, source, url, pub, pub_src, lang, origin, text, meta, data) = row
        d = json.loads(data) if data else {}
        d.update(
            id=doc_id,
            title=title,
            source=source,
            url=url,
            publication_date=pub,
            publication_date_source=pub_src,
            language=lang,
            origin=origin,
            text=text,
            meta=json.loads(meta),
        )
        doc = Document.from_dict(d)
        if "text" in doc.stages:
            doc.tokens = list(iter_tokens(doc.text))
        return doc

    _SELECT = (
        f"SELECT d.rowid, {', '.join('d.' + c.strip() for c in _DOC_COLUMNS.split(','))}, a.data "
        "FROM documents d LEFT JOIN analyses a ON a.doc_rowid = d.rowid"
    )

    def get_document(self, doc_id: str) -> Document | None:
        row = self.conn.execute(f"{self._SELECT} WHERE d.id = ?", (doc_id,)).fetchone()
        if row is None and doc_id and len(doc_id) < 16:
            rows = self.conn.execute(
                f"{self._SELECT} WHERE d.id >= ? AND d.id < ? LIMIT 2", (doc_id, doc_id + "\uffff")
            ).fetchall()
            if len(rows) > 1:
                raise StoreError(f"document id prefix {doc_id!r} is ambiguous: give more characters")
            row = rows[0] if rows else None
        return self._load(row) if row else None

    def documents(self, filter: DocumentFilter | None = None) -> Iterator[Document]:
        f = filter or DocumentFilter()
        where, params = [], []
        if f.source:
            where.append("d.source = ?")
            params.append(f.source)
        if f.since:
            where.append("d.publication_date >= ?")
            params.append(f.since)
        if f.until:
            where.append("d.publication_date <= ?")
            params.append(f.until + "\uffff")
        sql = self._SELECT + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY d.rowid"
        sql += " LIMIT ? OFFSET ?"
        params += [f.limit if f.limit is not None else -1, f.offset]
        for row in self.conn.execute(sql, params).fetchall():
            yield self._load(row)

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        """Documents matching every word (or quoted phrase) of ``query``, best first."""
        phrases = query_phrases(query)
        if not phrases:
            return []
        match = " ".join('"' + " ".join(p).replace('"', '""') + '"' for p in phrases)
        rows = self.conn.execute(
            "SELECT d.id, d.title, d.source, d.publication_date, d.text, bm25(documents_fts) AS score "
            "FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid "
            "WHERE documents_fts MATCH ? ORDER BY score LIMIT ?",
            (match, limit),
        ).fetchall()
        wanted = {k for p in phrases for k in p}
        hits = []
        for doc_id, title, source, pub, text, score in rows:
            snippet, marks = _snippet(text, wanted)
            hits.append(SearchHit(doc_id, title, source, pub, -float(score), snippet, marks))
        return hits

    def events(self, filter: EventFilter | None = None) -> Iterator[dict[str, Any]]:
        """Coded events (as dicts, with the document's date, source and URL), oldest first.

        Actor filters match a code or its start: ``DZA`` finds DZA, DZAGOV, DZAMIL.
        """
        f = filter or EventFilter()
        where, params = [], []
        if f.type:
            where.append("e.type = ?")
            params.append(f.type.upper())
        if f.actor:
            where.append("(e.source LIKE ? OR e.target LIKE ?)")
            params += [f.actor.upper() + "%"] * 2
        if f.source:
            where.append("e.source LIKE ?")
            params.append(f.source.upper() + "%")
        if f.target:
            where.append("e.target LIKE ?")
            params.append(f.target.upper() + "%")
        if not f.include_negated:
            where.append("e.negated = 0")
        sql = (
            "SELECT e.data, d.publication_date, d.source, d.url, d.title FROM events e "
            "JOIN documents d ON d.rowid = e.doc_rowid"
            + (" WHERE " + " AND ".join(where) if where else "")
            + " ORDER BY coalesce(e.date, d.publication_date), e.rowid LIMIT ?"
        )
        params.append(f.limit if f.limit is not None else -1)
        for data, pub, source, url, title in self.conn.execute(sql, params):
            ev = json.loads(data)
            ev["document"] = {"publication_date": pub, "source": source, "url": url, "title": title}
            yield ev

    def stats(self) -> dict[str, Any]:
        c = self.conn
        n_docs = c.execute("SELECT count(*) FROM documents").fetchone()[0]
        n_analysed = c.execute("SELECT count(*) FROM analyses").fetchone()[0]
        lo, hi = c.execute("SELECT min(publication_date), max(publication_date) FROM documents").fetchone()
        by_source = c.execute(
            "SELECT coalesce(source, '(none)'), count(*) FROM documents GROUP BY 1 ORDER BY 2 DESC, 1"
        ).fetchall()
        undated = c.execute("SELECT count(*) FROM documents WHERE publication_date IS NULL").fetchone()[0]
        n_events = c.execute("SELECT count(*) FROM events").fetchone()[0]
        n_stories, n_multi = c.execute("SELECT count(*), coalesce(sum(outlets > 1), 0) FROM stories").fetchone()
        n_dups = c.execute("SELECT count(*) FROM doc_signatures WHERE duplicate_of IS NOT NULL").fetchone()[0]
        event_types = c.execute("SELECT type, count(*) FROM events GROUP BY 1 ORDER BY 2 DESC, 1").fetchall()
        size = None
        if self.path != ":memory:":
            size = sum(Path(self.path + s).stat().st_size for s in ("", "-wal") if Path(self.path + s).exists())
        return {
            "path": self.path,
            "schema_version": self.schema_version,
            "documents": n_docs,
            "analysed": n_analysed,
            "events": n_events,
            "event_types": dict(event_types),
            "stories": n_stories,
            "multi_outlet_stories": n_multi,
            "near_duplicates": n_dups,
            "undated": undated,
            "first_date": lo,
            "last_date": hi,
            "sources": dict(by_source),
            "size_bytes": size,
        }

    # --- stories ------------------------------------------------------------------------

    def load_stories(self, **settings: Any) -> Any:
        """The ``StoryIndex`` of this store, restored from its tables without re-reading texts.

        ``settings`` (``dup_threshold``, ``event_threshold``, ``gap_days``, ``overlap``) apply
        to an empty store; once stories exist they were built with the stored settings, and
        asking for others is a ``StoreError`` (rebuild with ``hadath stories --rebuild``).
        """
        from hadath.stories.index import DocInfo, StoryIndex
        from hadath.stories.link import EventRecord
        from hadath.stories.near_dup import from_bytes

        stored = {k: json.loads(v) for k, v in self.conn.execute("SELECT key, value FROM story_settings")}
        asked = {k: v for k, v in settings.items() if v is not None}
        if stored:
            clash = {k: (stored.get(k), v) for k, v in asked.items() if stored.get(k) != v}
            if clash:
                what = ", ".join(f"{k} {a} (asked {b})" for k, (a, b) in clash.items())
                raise StoreError(
                    f"stories in {self.path} were built with {what}; rebuild with hadath stories --rebuild"
                )
        index = StoryIndex(**(stored or asked))
        for blob, dup, sim, info in self.conn.execute(
            "SELECT minhash, duplicate_of, similarity, info FROM doc_signatures ORDER BY seq"
        ):
            d = DocInfo(**json.loads(info))
            index.restore_document(d, from_bytes(blob) if blob else None, dup, sim)
        for rec, items, cluster, story in self.conn.execute(
            "SELECT record, items, cluster_id, story_id FROM story_events ORDER BY seq"
        ):
            index.restore_event(EventRecord.from_dict(json.loads(rec)), json.loads(items), cluster, story)
        index.saved()
        return index

    def save_stories(self, index: Any) -> None:
        """Write what changed in ``index`` since it was loaded or last saved (one transaction)."""
        from hadath.stories.near_dup import to_bytes

        with self.transaction():
            c = self.conn
            if not c.execute("SELECT 1 FROM story_settings LIMIT 1").fetchone():
                c.executemany(
                    "INSERT INTO story_settings(key, value) VALUES (?, ?)",
                    [(k, json.dumps(v)) for k, v in index.effective_settings().items()],
                )
            seq = c.execute("SELECT coalesce(max(seq), 0) FROM doc_signatures").fetchone()[0]
            rows = []
            for doc_id in index.new_docs:
                seq += 1
                sig = index.dups.signatures.get(doc_id)
                orig = index.dups.original.get(doc_id, doc_id)
                info = index.docs[doc_id]
                rows.append(
                    (
                        doc_id,
                        seq,
                        to_bytes(sig) if sig is not None else None,
                        orig if orig != doc_id else None,
                        index.dups.similarity.get(doc_id),
                        json.dumps(
                            {"id": info.id, "published": info.published, "outlet": info.outlet, "title": info.title},
                            ensure_ascii=False,
                        ),
                    )
                )
            c.executemany(
                "INSERT OR REPLACE INTO doc_signatures(doc_id, seq, minhash, duplicate_of, similarity, info) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                rows,
            )
            seq = c.execute("SELECT coalesce(max(seq), 0) FROM story_events").fetchone()[0]
            rows = []
            for eid in sorted(index.dirty_events, key=index.order_of):
                seq += 1
                rec = index.linker.records[eid]
                rows.append(
                    (
                        eid,
                        rec.doc_id,
                        seq,
                        index.linker.find(eid),
                        index.threads.story_of.get(eid),
                        json.dumps(rec.to_dict(), ensure_ascii=False, separators=(",", ":")),
                        json.dumps(index.items.get(eid, []), ensure_ascii=False),
                    )
                )
            c.executemany(
                "INSERT INTO story_events(event_id, doc_id, seq, cluster_id, story_id, record, items) "
                "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(event_id) DO UPDATE SET "
                "cluster_id = excluded.cluster_id, story_id = excluded.story_id",
                rows,
            )
            rows = []
            for sid in index.dirty_stories:
                st = index.story(sid)
                if st is None:
                    continue
                a = st.attributes
                rows.append(
                    (
                        st.id,
                        st.title,
                        a["family"],
                        a["first_date"],
                        a["last_date"],
                        a["events"],
                        len(st.doc_ids),
                        len(a["outlets"]),
                        a["gist"],
                        json.dumps(st.to_dict(), ensure_ascii=False),
                    )
                )
            c.executemany(
                "INSERT OR REPLACE INTO stories(id, title, family, first_date, last_date, events, documents, "
                "outlets, gist, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows,
            )
        index.saved()

    def clear_stories(self) -> None:
        """Forget every near-duplicate, cluster and story (before a rebuild)."""
        with self.transaction():
            for table in ("doc_signatures", "story_events", "stories", "story_settings"):
                self.conn.execute(f"DELETE FROM {table}")

    def stories(
        self,
        *,
        min_documents: int = 1,
        min_events: int = 1,
        min_outlets: int = 0,
        actor: str | None = None,
        family: str | None = None,
        limit: int | None = None,
    ) -> Iterator[dict[str, Any]]:
        """Stored stories (``Story.to_dict()``), the most reported first."""
        where = ["documents >= ?", "events >= ?", "outlets >= ?"]
        params: list[Any] = [min_documents, min_events, min_outlets]
        if family:
            where.append("family = ?")
            params.append(family.lower())
        sql = "SELECT data FROM stories WHERE " + " AND ".join(where) + " ORDER BY documents DESC, events DESC, id"
        n = 0
        for (data,) in self.conn.execute(sql, params):
            st = json.loads(data)
            if actor and not any(str(a).startswith(actor.upper()) for a in st["attributes"].get("actors", [])):
                continue
            yield st
            n += 1
            if limit is not None and n >= limit:
                return

    def get_story(self, story_id: str) -> dict[str, Any] | None:
        """A stored story by id or unique id prefix, with its events' cluster ids."""
        row = self.conn.execute("SELECT data FROM stories WHERE id = ?", (story_id,)).fetchone()
        if row is None and story_id:
            rows = self.conn.execute(
                "SELECT data FROM stories WHERE id >= ? AND id < ? LIMIT 2", (story_id, story_id + "\uffff")
            ).fetchall()
            if len(rows) > 1:
                raise StoreError(f"story id prefix {story_id!r} is ambiguous: give more characters")
            row = rows[0] if rows else None
        if row is None:
            return None
        st = json.loads(row[0])
        st["clusters"] = {}
        for eid, cid in self.conn.execute(
            "SELECT event_id, cluster_id FROM story_events WHERE story_id = ? ORDER BY seq", (st["id"],)
        ):
            st["clusters"].setdefault(cid, []).append(eid)
        return st

    def duplicates(self) -> dict[str, list[str]]:
        """Original document id -> its near-duplicates."""
        out: dict[str, list[str]] = {}
        for doc_id, orig in self.conn.execute(
            "SELECT doc_id, duplicate_of FROM doc_signatures WHERE duplicate_of IS NOT NULL ORDER BY seq"
        ):
            out.setdefault(orig, []).append(doc_id)
        return out

    def event_links(self) -> dict[str, tuple[str, str | None]]:
        """Event id -> (same-event cluster id, story id), for every linked event."""
        return {e: (c, s) for e, c, s in self.conn.execute("SELECT event_id, cluster_id, story_id FROM story_events")}

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _snippet(text: str, wanted: set[str]) -> tuple[str, list[tuple[int, int]]]:
    """A window of original text around the first matched word, with match offsets."""
    tokens = list(iter_tokens(text))
    hits = [t for t in tokens if wanted.intersection(token_keys(t))]
    if not hits:
        s = text[: 2 * _SNIPPET_RADIUS]
        return " ".join(s.split()), []
    first = hits[0]
    lo = max(0, first.start - _SNIPPET_RADIUS)
    hi = min(len(text), first.end + _SNIPPET_RADIUS)
    while lo > 0 and not text[lo - 1].isspace():
        lo -= 1
    while hi < len(text) and not text[hi].isspace():
        hi += 1
    prefix = "… " if lo > 0 else ""
    window = text[lo:hi]
    marks = []
    # Map offsets inside the window, after newlines are flattened to spaces (same length).
    for t in hits:
        if lo <= t.start and t.end <= hi:
            marks.append((len(prefix) + t.start - lo, len(prefix) + t.end - lo))
    flat = window.replace("\n", " ").replace("\r", " ")
    return prefix + flat + (" …" if hi < len(text) else ""), marks
