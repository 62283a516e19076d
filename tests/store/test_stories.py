"""Stories kept in the SQLite store: saved incrementally, restored without re-reading texts."""

from __future__ import annotations

from pathlib import Path

import pytest

from hadath.errors import StoreError
from hadath.model import Document
from hadath.store import open_store
from hadath.stories.build import rebuild_stories, story_report, update_stories


@pytest.fixture
def seed_docs(seeds_dir: Path) -> list[Document]:
    from hadath.ingest import iter_inputs
    from hadath.pipeline import analyze

    return [analyze(d) for d in iter_inputs(sorted(str(p) for p in seeds_dir.glob("*.txt")))]


def _grouping(store) -> list[list[str]]:
    return sorted(sorted(s["event_ids"]) for s in store.stories())


def test_incremental_runs_equal_one_run_and_rebuild(tmp_path: Path, seed_docs: list[Document]) -> None:
    one = open_store(tmp_path / "one.db")
    one.put_documents(seed_docs)
    update_stories(one, seed_docs)
    two = open_store(tmp_path / "two.db")
    for d in seed_docs:  # two separate runs: the index is loaded from the store the second time
        two.put_documents([d])
        update_stories(two, [d])
    assert _grouping(one) == _grouping(two)
    assert one.stats()["stories"] == two.stats()["stories"] > 0
    rebuild_stories(two)
    assert _grouping(one) == _grouping(two)
    idx = two.load_stories()
    assert len(idx) == 2 and len(idx.linker.records) == sum(len(d.events) for d in seed_docs)
    assert idx.dups.signatures  # signatures were stored, not recomputed


def test_story_report_of_the_seeds(tmp_path: Path, seed_docs: list[Document]) -> None:
    store = open_store(tmp_path / "s.db")
    store.put_documents(seed_docs)
    update_stories(store, seed_docs)
    aid = next(s for s in store.stories(min_events=2) if s["attributes"]["family"] == "cooperation")
    r = story_report(store, aid["id"][:6])
    assert [t["date"] for t in r["timeline"]] == ["2008", "2013"]
    assert all(t["type"] == "AID" and t["mode"] == "military" for t in r["timeline"])
    assert len(r["documents"]) == 2 and len(r["summary"]) == 3
    assert len(r["comparison"]["reports"]) == 2
    assert store.get_story("st-nope") is None


def test_settings_are_kept_with_the_stories(tmp_path: Path, seed_docs: list[Document]) -> None:
    store = open_store(tmp_path / "s.db")
    store.put_documents(seed_docs)
    rebuild_stories(store, dup_threshold=0.7)
    assert store.load_stories().dups.threshold == 0.7
    with pytest.raises(StoreError, match="--rebuild"):
        store.load_stories(dup_threshold=0.5)
    store.clear_stories()
    assert store.stats()["stories"] == 0 and store.load_stories(dup_threshold=0.5).dups.threshold == 0.5
