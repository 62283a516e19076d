"""The first test of the whole system: the two seeds are one story with two distinct events."""

from __future__ import annotations

from hadath.model import Document
from hadath.stories import StoryIndex, compare_reports, item_gloss, summarize
from hadath.stories.index import event_gist


def _aid(doc: Document):
    return next(e for e in doc.events if e.type == "AID" and e.mode == "military")


def test_seeds_are_one_story_with_two_distinct_events(seed_docs: list[Document]) -> None:
    idx = StoryIndex()
    for d in seed_docs:
        idx.add(d)
    a, b = (_aid(d) for d in seed_docs)
    assert idx.cluster_of(a.id) != idx.cluster_of(b.id)  # two events, five years apart
    sid = idx.story_of_event(a.id)
    assert sid is not None and sid == idx.story_of_event(b.id)
    story = idx.story(sid)
    assert story.attributes["events"] == 2 and story.attributes["family"] == "cooperation"
    assert set(story.doc_ids) == {d.id for d in seed_docs}
    assert story.attributes["first_date"] == "2008" and story.attributes["last_date"] == "2013"
    assert story.attributes["gist"].startswith("2008–2013: Algeria (DZA) provided military aid to Mali (MLI)")
    gists = [g["gist"] for g in story.attributes["event_gists"]]
    assert gists[0].startswith("2008: Algeria (DZA) provided military aid (fuel") and "weapons" in gists[0]
    assert gists[1].startswith("2013: Algeria (DZAGOV) provided military aid (trucks") and "ammunition" in gists[1]
    assert story in idx.stories(min_events=2)


def test_adding_in_two_batches_gives_the_same_stories(seed_docs: list[Document]) -> None:
    one = StoryIndex()
    for d in seed_docs:
        one.add(d)
    two = StoryIndex()
    two.add(seed_docs[1])
    two.add(seed_docs[0])

    def grouping(ix: StoryIndex) -> list[list[str]]:
        return sorted(sorted(s.event_ids) for s in ix.stories())

    assert grouping(one) == grouping(two)
    assert one.add(seed_docs[0]).stories == {}  # adding a document twice changes nothing


def test_summary_is_attributed_arabic_from_both_reports(seed_docs: list[Document]) -> None:
    events = [_aid(d) for d in seed_docs]
    summary = summarize(seed_docs, events, k=3)
    assert len(summary) == 3
    assert {s["doc_id"] for s in summary} == {d.id for d in seed_docs}
    for s in summary:
        doc = next(d for d in seed_docs if d.id == s["doc_id"])
        assert doc.text[s["start"] : s["end"]].strip() == s["text"]
    assert any(s["evidence"] for s in summary)


def test_comparison_says_what_each_report_alone_gives(seed_docs: list[Document]) -> None:
    events = [_aid(d) for d in seed_docs]
    c = compare_reports(seed_docs, events)
    old, new = c["reports"]
    assert c["shared"]["items"] == ["الوقود"]  # fuel: in both
    assert any("الأفرشة" in x for x in old["only_here"]["items"])
    assert any("5 رحلات" in x for x in old["only_here"]["means"])
    assert old["only_here"]["places"] == ["Bamako"]
    assert any("ذخائر" in x for x in new["only_here"]["items"])
    assert not any("وقود" in x for x in new["only_here"]["items"])  # fuel is in both: not "only here"
    assert c["disagreements"] == []  # two events: nothing to disagree about


def test_disagreements_within_one_event(seed_docs: list[Document]) -> None:
    a = _aid(seed_docs[0])
    b = Document.from_dict(seed_docs[0].to_dict())
    b.id = "other"
    ev = next(e for e in b.events if e.id == a.id)
    ev.id, ev.doc_id = "other:ev1", "other"
    ev.place = {**a.place, "geonames": 2455290, "name": "Kidal"}
    c = compare_reports([seed_docs[0], b], [a, ev], {"c1": [a.id, ev.id]})
    assert {d["field"] for d in c["disagreements"]} == {"place"}


def test_item_glosses_and_negated_gist() -> None:
    assert item_gloss("الوقود") == "fuel" and item_gloss("ذخائر") == "ammunition"
    assert item_gloss("شاحنات دفع رباعي مصفحة") == "trucks"
    assert item_gloss("كتب مدرسية") == "كتب مدرسية"
    from hadath.stories.link import record_of

    r = record_of(
        {
            "id": "x:ev1",
            "doc_id": "x",
            "type": "AID",
            "mode": "military",
            "source": "DZA",
            "target": None,
            "negated": True,
            "evidence": "نفت الجزائر إرسال أسلحة",
            "arguments": [],
        },
        published="2015-03-01",
    )
    assert (
        event_gist([r], ["أسلحة"])
        == "reported 2015-03-01: (denied) Algeria (DZA) provided military aid (weapons) — 1 report"
    )
