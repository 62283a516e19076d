"""Numbered schema migrations for the SQLite store, recorded in ``schema_migrations``.

Append new migrations at the end; never edit one that has shipped.
"""

from __future__ import annotations

MIGRATIONS: list[tuple[int, str, str]] = [
    (
        1,
        "documents, analyses and the full-text index",
        """
        CREATE TABLE documents (
            rowid INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            title TEXT,
            source TEXT,
            url TEXT,
            publication_date TEXT,
            publication_date_source TEXT,
            language TEXT NOT NULL DEFAULT 'ar',
            origin TEXT,
            text TEXT NOT NULL,
            meta TEXT NOT NULL DEFAULT '{}',
            added_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
        );
        CREATE INDEX documents_source ON documents(source);
        CREATE INDEX documents_date ON documents(publication_date);
        CREATE TABLE analyses (
            doc_rowid INTEGER PRIMARY KEY REFERENCES documents(rowid) ON DELETE CASCADE,
            stages TEXT NOT NULL,
            data TEXT NOT NULL,
            updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
        );
        CREATE VIRTUAL TABLE documents_fts USING fts5(
            title, body, content='', tokenize='unicode61 remove_diacritics 0'
        );
        """,
    ),
    (
        2,
        "coded events, one row each, for listing and filtering",
        """
        CREATE TABLE events (
            id TEXT PRIMARY KEY,
            doc_rowid INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
            type TEXT NOT NULL,
            mode TEXT,
            cameo TEXT,
            source TEXT,
            target TEXT,
            date TEXT,
            negated INTEGER NOT NULL DEFAULT 0,
            data TEXT NOT NULL
        );
        CREATE INDEX events_type ON events(type);
        CREATE INDEX events_source ON events(source);
        CREATE INDEX events_target ON events(target);
        CREATE INDEX events_doc ON events(doc_rowid);
        """,
    ),
    (
        3,
        "stories: document signatures and near-duplicates, same-event clusters, story threads",
        """
        CREATE TABLE doc_signatures (
            doc_id TEXT PRIMARY KEY,
            seq INTEGER NOT NULL,
            minhash BLOB,
            duplicate_of TEXT,
            similarity REAL,
            info TEXT NOT NULL
        );
        CREATE INDEX doc_signatures_dup ON doc_signatures(duplicate_of);
        CREATE TABLE story_events (
            event_id TEXT PRIMARY KEY,
            doc_id TEXT NOT NULL,
            seq INTEGER NOT NULL,
            cluster_id TEXT NOT NULL,
            story_id TEXT,
            record TEXT NOT NULL,
            items TEXT NOT NULL
        );
        CREATE INDEX story_events_story ON story_events(story_id);
        CREATE INDEX story_events_cluster ON story_events(cluster_id);
        CREATE INDEX story_events_doc ON story_events(doc_id);
        CREATE TABLE stories (
            id TEXT PRIMARY KEY,
            title TEXT NOT NULL,
            family TEXT,
            first_date TEXT,
            last_date TEXT,
            events INTEGER NOT NULL,
            documents INTEGER NOT NULL,
            outlets INTEGER NOT NULL,
            gist TEXT,
            data TEXT NOT NULL
        );
        CREATE INDEX stories_size ON stories(documents);
        CREATE TABLE story_settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        """,
    ),
]
