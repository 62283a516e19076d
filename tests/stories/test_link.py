from __future__ import annotations

from datetime import date

from hadath.stories.link import (
    EventLinker,
    EventRecord,
    StoryThreader,
    actor_country,
    family_of,
    gist_verb,
    record_of,
    same_event_score,
)


def rec(i: str, doc: str, day: str, **kw) -> EventRecord:
    d = date.fromisoformat(day).toordinal()
    base = dict(
        id=i,
        doc_id=doc,
        type="ASSAULT",
        mode="aerial",
        source="SAU",
        target="YEM",
        negated=False,
        start=d,
        end=d,
        granularity="day",
        published=day,
        outlet="A",
        place_id=71137,
        place_country="YE",
        place_name="Sanaa",
        words=["غارات", "صنعاء", "جبل", "عطان"],
        items=[],
        entities=["SAU", "YEM", "gn:71137"],
    )
    base.update(kw)
    return EventRecord(**base)


def test_actor_country_and_families() -> None:
    assert actor_country("DZAGOV") == "DZA" and actor_country("MLIMIL") == "MLI"
    assert actor_country("IGOWAFECW") == "IGOWAFECW" and actor_country(None) is None
    assert family_of("AID") == "cooperation" and family_of("ASSAULT") == "conflict"
    assert gist_verb("AID", "military") == "provided military aid to"
    assert gist_verb("AID", None) == "provided aid to"


def test_same_event_needs_type_actors_dates_and_places_to_agree() -> None:
    a = rec("a:ev1", "a", "2015-04-20")
    assert same_event_score(a, rec("b:ev1", "b", "2015-04-21")) >= 0.3
    assert same_event_score(a, rec("a:ev2", "a", "2015-04-20")) is None  # same document
    assert same_event_score(a, rec("b:ev1", "b", "2015-05-20")) is None  # a month apart, day-precise
    assert same_event_score(a, rec("b:ev1", "b", "2015-04-20", type="AID")) is None
    assert same_event_score(a, rec("b:ev1", "b", "2015-04-20", source="IRN")) is None
    assert same_event_score(a, rec("b:ev1", "b", "2015-04-20", negated=True)) is None
    assert same_event_score(a, rec("b:ev1", "b", "2015-04-20", place_country="SA", place_id=1)) is None
    # an actor missing in one report does not contradict the other
    assert same_event_score(a, rec("b:ev1", "b", "2015-04-20", target=None)) is not None


def test_linker_clusters_reports_and_keeps_other_strikes_apart() -> None:
    lk = EventLinker()
    assert lk.add(rec("a:ev1", "a", "2015-04-20")) == "a:ev1"
    assert lk.add(rec("b:ev1", "b", "2015-04-20")) == "a:ev1"
    other = rec("c:ev1", "c", "2015-05-06", place_id=415189, place_name="Aden", words=["عدن", "غارات", "مطار"])
    assert lk.add(other) == "c:ev1"
    assert sorted(map(sorted, lk.clusters().values())) == [["a:ev1", "b:ev1"], ["c:ev1"]]


def test_linker_restore_gives_the_same_clusters_without_comparing() -> None:
    lk = EventLinker()
    recs = [rec("a:ev1", "a", "2015-04-20"), rec("b:ev1", "b", "2015-04-20"), rec("c:ev1", "c", "2015-06-01")]
    for r in recs:
        lk.add(r)
    back = EventLinker()
    for r in recs:
        back.restore(r, lk.find(r.id))
    assert {k: sorted(v) for k, v in back.clusters().items()} == {k: sorted(v) for k, v in lk.clusters().items()}
    assert back.add(rec("d:ev1", "d", "2015-04-21")) == "a:ev1"


def test_threads_recurring_relation_spans_years_but_unrelated_kinds_split() -> None:
    th = StoryThreader()
    y2008 = rec("a:ev1", "a", "2008-06-01", type="AID", mode="military", source="DZA", target="MLI", entities=[])
    y2013 = rec("b:ev1", "b", "2013-01-20", type="AID", mode="military", source="DZAGOV", target="MLI", entities=[])
    s1 = th.add(y2008)
    assert th.add(y2013) == s1  # Algeria's military aid to Mali: one story, five years apart
    later = rec("c:ev1", "c", "2013-02-01", type="COOPERATE", mode="economic", source="DZA", target="MLI", entities=[])
    assert th.add(later) == s1  # same family and actors, within the gap of the 2013 event
    far = rec("d:ev1", "d", "2020-01-01", type="COOPERATE", mode="economic", source="MLI", target="DZA", entities=[])
    assert th.add(far) == s1  # COOPERATE/economic is now a kind of that story
    assert th.add(rec("e:ev1", "e", "2013-01-20", type="ASSAULT", source="DZA", target="MLI")) != s1
    assert th.add(rec("f:ev1", "f", "2013-01-20", source=None, target=None)) is None


def test_record_of_event_dict_uses_publication_week_when_undated() -> None:
    ev = {"id": "x:ev1", "doc_id": "x", "type": "AID", "mode": None, "evidence": "أرسلت قطر مساعدات", "arguments": []}
    r = record_of(ev, published="2015-04-22", outlet="A", entities=["QAT"])
    assert r.granularity == "reported" and r.end - r.start == 7 and r.when == "2015-04-22"
    r = record_of({**ev, "date": {"start": "2012-04-01", "end": "2012-04-30", "granularity": "month"}})
    assert r.date_label == "2012-04" and r.when == "2012-04"
    r = record_of(ev, published="2008")
    assert r.granularity == "year" and r.date_label == "2008"
