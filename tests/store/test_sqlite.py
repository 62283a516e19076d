from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from hadath.errors import StoreError
from hadath.model import Document
from hadath.pipeline import analyze, default_pipeline
from hadath.store import DocumentFilter, SQLiteStore, Store, open_store
from hadath.store.migrations import MIGRATIONS


def make(text: str, **kw: str) -> Document:
    return analyze(Document(text=text, **kw))


@pytest.fixture
def store(tmp_path: Path) -> SQLiteStore:
    s = SQLiteStore(tmp_path / "t.db")
    yield s
    s.close()


def test_store_implements_protocol(store: SQLiteStore) -> None:
    assert isinstance(store, Store)


def test_store_put_get_roundtrip(store: SQLiteStore, seed_texts: dict[str, str]) -> None:
    text = next(iter(seed_texts.values()))
    doc = make(text, title="عنوان", source="src", publication_date="2008-05-01")
    assert store.put_document(doc) is True
    back = store.get_document(doc.id)
    assert back is not None
    assert back.text == text and back.title == "عنوان" and back.publication_date == "2008-05-01"
    assert [t.to_dict() for t in back.tokens] == [t.to_dict() for t in doc.tokens]
    assert [s.to_dict() for s in back.sentences] == [s.to_dict() for s in doc.sentences]
    assert back.stages == doc.stages == default_pipeline().names
    assert [m.to_dict() for m in back.mentions] == [m.to_dict() for m in doc.mentions]


def test_store_reingest_is_noop(store: SQLiteStore) -> None:
    doc = make("الجزائر ترسل مساعدات إلى مالي.")
    again = make("الجَزائِر ترسل مساعدات إلى مالي.")  # same content, vowelled
    assert store.put_documents([doc, again]) == [True, False]
    assert store.stats()["documents"] == 1


def test_store_id_prefix_lookup(store: SQLiteStore) -> None:
    doc = make("نص للتجربة")
    store.put_document(doc)
    assert store.get_document(doc.id[:6]).id == doc.id
    assert store.get_document("zzzz") is None


@pytest.mark.parametrize("query", ["الجزائر", "والجزائر", "بالجزائر", "الجَزائِر", "جزائر"])
def test_store_search_matches_clitic_and_diacritic_variants(store: SQLiteStore, query: str) -> None:
    a = make("أرسلت الجزائر مساعدات.")
    b = make("وصل الوفد إلى الجزائر والنيجر.")
    c = make("اجتماع في باريس.")
    store.put_documents([a, b, c])
    ids = {h.doc_id for h in store.search(query)}
    assert ids == {a.id, b.id}


def test_store_search_phrase_and_snippet(store: SQLiteStore) -> None:
    a = make("قال الجيش المالي إن المساعدات وصلت.")
    b = make("الجيش الفرنسي في مالي.")
    store.put_documents([a, b])
    hits = store.search('"الجيش المالي"')
    assert [h.doc_id for h in hits] == [a.id]
    h = hits[0]
    assert any(h.snippet[s:e] in ("الجيش", "المالي") for s, e in h.highlights)


def test_store_search_bare_particle_word(store: SQLiteStore) -> None:
    a = make("تعاون بين الجزائر ومالي.")
    store.put_document(a)
    assert [h.doc_id for h in store.search("مالي")] == [a.id]


def test_store_search_empty_query(store: SQLiteStore) -> None:
    assert store.search("  ،  ") == []


def test_store_documents_filter(store: SQLiteStore) -> None:
    store.put_documents(
        [
            make("خبر أول", source="a", publication_date="2015-07-21"),
            make("خبر ثان", source="b", publication_date="2015-08-01T10:00:00"),
            make("خبر ثالث", source="a"),
        ]
    )
    assert len(list(store.documents())) == 3
    assert {d.text for d in store.documents(DocumentFilter(source="a"))} == {"خبر أول", "خبر ثالث"}
    assert [d.text for d in store.documents(DocumentFilter(since="2015-07-25"))] == ["خبر ثان"]
    assert [d.text for d in store.documents(DocumentFilter(until="2015-08-01"))] == ["خبر أول", "خبر ثان"]
    assert len(list(store.documents(DocumentFilter(limit=1, offset=1)))) == 1


def test_store_put_analysis_replaces(store: SQLiteStore) -> None:
    doc = Document(text="نص بلا تحليل")
    store.put_document(doc)
    assert store.get_document(doc.id).stages == []
    store.put_analysis(analyze(doc))
    assert store.get_document(doc.id).stages == default_pipeline().names
    with pytest.raises(StoreError):
        store.put_analysis(Document(text="غير مخزن"))


def test_store_batch_is_one_transaction(store: SQLiteStore) -> None:

    good = make("نص جيد")
    with pytest.raises(AttributeError), store.transaction():
        store._insert(good)
        raise AttributeError("fail mid-batch")
    assert store.stats()["documents"] == 0


def test_store_wal_and_migrations_recorded(tmp_path: Path) -> None:
    path = tmp_path / "m.db"
    SQLiteStore(path).close()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    versions = [r[0] for r in conn.execute("SELECT version FROM schema_migrations ORDER BY version")]
    assert versions == [m[0] for m in MIGRATIONS]
    conn.close()
    SQLiteStore(path).close()  # reopening applies nothing twice


def test_store_refuses_newer_schema(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    SQLiteStore(path).close()
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO schema_migrations(version, name) VALUES (999, 'future')")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="newer than this hadath"):
        SQLiteStore(path)


def test_store_missing_and_bad_files(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no database"):
        open_store(tmp_path / "missing.db", create=False)
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="not a hadath database"):
        open_store(junk)
    with pytest.raises(StoreError, match="does not exist"):
        open_store(tmp_path / "no" / "dir" / "x.db")
