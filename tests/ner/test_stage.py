from __future__ import annotations

import json
from pathlib import Path

import pytest

from hadath.ingest import iter_inputs
from hadath.model import Document
from hadath.ner.stage import entity_start
from hadath.pipeline import analyze
from hadath.text import tokenize

from ..conftest import SEED_FILES, SEEDS

EXPECTED = json.loads((SEEDS / "expected.json").read_text("utf-8"))
TYPE = {"PER": "PERS"}


def _seed(path: Path) -> Document:
    (doc,) = list(iter_inputs([path]))
    return analyze(doc)


CASES = [
    (p, e["text"], TYPE.get(e["type"], e["type"]))
    for p in SEED_FILES
    for e in EXPECTED["documents"][p.name]["entities"]
]


@pytest.fixture(scope="module")
def seed_docs() -> dict[str, Document]:
    return {p.name: _seed(p) for p in SEED_FILES}


@pytest.mark.parametrize(("path", "text", "typ"), CASES, ids=[f"{c[0].name[:3]}-{c[1]}" for c in CASES])
def test_ner_finds_every_expected_seed_entity(seed_docs: dict[str, Document], path: Path, text: str, typ: str) -> None:
    doc = seed_docs[path.name]
    found = {(m.text, m.type) for m in doc.mentions}
    assert (text, typ) in found, f"{text} ({typ}) not found; got {sorted(m for m in found if text in m[0])}"


def test_ner_spans_map_back_and_stay_in_sentences(seed_docs: dict[str, Document]) -> None:
    for doc in seed_docs.values():
        names = [m for m in doc.mentions if m.source.startswith("ner")]
        assert names
        for m in names:
            assert doc.text[m.start : m.end] == m.text
            assert any(s.start <= m.start and m.end <= s.end for s in doc.sentences)
            assert m.source.startswith("ner") and 0 < m.score <= 1


def test_ner_never_crosses_sentence_boundary() -> None:
    doc = analyze(Document(text="وصل الرئيس عبد العزيز.\nبوتفليقة يزور باماكو."))
    for m in doc.mentions:
        assert "\n" not in m.text and "." not in m.text


def test_ner_span_without_clitic() -> None:
    doc = analyze(Document(text="تعاون بين مالي والجزائر وبباماكو."))
    texts = {m.text for m in doc.mentions}
    assert "الجزائر" in texts
    assert all(not t.startswith("و") for t in texts)


def test_ner_multiword_name_one_span() -> None:
    doc = analyze(Document(text="استقبل الرئيس عبد العزيز بوتفليقة وزير الدفاع."))
    assert any(m.text == "عبد العزيز بوتفليقة" and m.type == "PERS" for m in doc.mentions)


def test_ner_span_of_a_common_word_keeps_its_first_letter() -> None:
    # بطولة, كلية, لجنة are words, not ب / ك / ل + a place; لمصر is ل + Egypt
    for word, dropped in (("بطولة", 0), ("كلية", 0), ("لجنة", 0), ("لمصر", 1), ("ومالي", 1)):
        tok = tokenize(f"{word} ")[0]
        assert entity_start(tok, "LOC") - tok.start == dropped, word


@pytest.mark.parametrize(
    ("word", "typ", "dropped"),
    [
        ("لمنظمة", "ORG", 1),  # ل + a common head noun
        ("وتنظيم", "ORG", 1),
        ("ببطولة", "MISC", 1),
        ("كليلة", "MISC", 0),  # ك is rarely a particle before a name's first word
        ("لخالد", "PERS", 1),  # ل + a word that starts people's names
        ("وإياد", "PERS", 1),
        ("فيصل", "PERS", 0),  # not ف + يصل
        ("لجون", "PERS", 1),
        ("ومورجان", "PERS", 1),
        ("لبيد", "PERS", 0),  # a name: not ل + بيد (a place of GeoNames)
        ("فريد", "PERS", 0),
        ("وسام", "PERS", 0),  # a more frequent word than سام
        ("وحيد", "PERS", 0),  # one of ANERGazet's names
        ("لمنظمة", "LOC", 0),  # places: the gazetteer decides
    ],
)
def test_ner_particle_before_a_common_first_word(word: str, typ: str, dropped: int) -> None:
    tok = tokenize(f"{word} ")[0]
    assert entity_start(tok, typ) - tok.start == dropped


def test_ner_coordinated_person_span_without_the_conjunction() -> None:
    doc = analyze(Document(text="وكان الجبير وشتاينماير قد عقدا مؤتمرا صحفيا في برلين."))
    names = {m.text for m in doc.mentions if m.type == "PERS"}
    assert "شتاينماير" in names


def test_ner_coordinated_country_the_gazetteer_lacks_loses_its_conjunction() -> None:
    # بريطانيا, سورية: countries of hadath.lexicons, not of the NER gazetteer
    for word in ("وبريطانيا", "وسورية"):
        tok = tokenize(f"{word} ")[0]
        assert entity_start(tok, "LOC") - tok.start == 1, word


def test_ner_a_place_that_is_also_waw_plus_a_bigger_place() -> None:
    # وجدة: Oujda, or و + جدة (Jeddah), twenty times as frequent; بالي: Bali, not ب + الي
    for word, dropped in (("وجدة", 1), ("بالي", 0)):
        tok = tokenize(f"{word} ")[0]
        assert entity_start(tok, "LOC") - tok.start == dropped, word


def test_ner_named_after_span_starts_after_the_particle_of_its_head_word() -> None:
    from hadath.ner.stage import tag_sentence

    text = "وحطت رحالها بمطار الأمير نايف بالقصيم"
    found = [(m.text, m.type) for m in tag_sentence(tokenize(text), text)]
    assert ("مطار الأمير نايف", "LOC") in found
