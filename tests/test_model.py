from __future__ import annotations

import json

import pytest

from hadath.model import (
    Argument,
    Document,
    Entity,
    Event,
    Mention,
    Resolution,
    Span,
    Story,
    content_id,
)
from hadath.pipeline import analyze


def test_model_document_json_roundtrip_with_every_layer() -> None:
    doc = analyze(Document(text="أرسلت الجزائر مساعدات إلى مالي.", title="t", publication_date="2008-05-01"))
    doc.mentions.append(
        Mention(
            6,
            13,
            "الجزائر",
            "LOC",
            source="ner",
            score=0.9,
            entity_id="e1",
            resolution=Resolution("place", {"geonames": 2589581}, 0.8, "country name", [{"id": 1}]),
        )
    )
    doc.entities.append(Entity("e1", "LOC", "Algeria", "DZA", {"iso": "DZA"}, [Span(6, 13)]))
    doc.events.append(
        Event(
            "ev1",
            doc.id,
            "AID",
            Span(0, 5),
            Span(0, 31),
            "أرسلت الجزائر مساعدات إلى مالي",
            mode="military",
            cameo="072",
            source="DZA",
            target="MLI",
            arguments=[Argument("item", 14, 21, "مساعدات")],
            place={"name": "Bamako"},
            date={"value": "2008"},
            negated=False,
            modality="asserted",
            confidence=0.7,
        )
    )
    d = json.loads(json.dumps(doc.to_dict(), ensure_ascii=False))
    back = Document.from_dict(d)
    assert back.to_dict() == doc.to_dict()
    assert back.publication_date_source == "metadata"


def test_model_story_roundtrip() -> None:
    s = Story("s1", "Algeria's military support to Mali", ["a", "b"], ["d1"], "…", {"years": [2008, 2013]})
    assert Story.from_dict(s.to_dict()) == s


def test_model_content_id_stable_under_normalization() -> None:
    assert content_id("الجزائر  ترسل") == content_id("الجَزائِر ترسل")
    assert content_id("الجزائر ترسل") != content_id("المغرب ترسل")
    assert len(content_id("x")) == 16


def test_model_span_rules() -> None:
    assert Span(2, 5).text("0123456") == "234"
    assert Span(0, 3).overlaps(Span(2, 4)) and not Span(0, 2).overlaps(Span(2, 4))
    with pytest.raises(ValueError):
        Span(5, 2)


def test_model_refuses_newer_schema() -> None:
    with pytest.raises(ValueError, match="newer"):
        Document.from_dict({"schema": 99, "text": "x"})
