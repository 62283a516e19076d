from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hadath.model import Document
from hadath.stories.near_dup import NearDuplicateIndex, from_bytes, shingles, signature, to_bytes

SEEDS = Path(__file__).resolve().parents[2] / "examples" / "seeds"
SEED_2008 = (SEEDS / "000_345b44abda034d91.txt").read_text("utf-8")
SEED_2013 = (SEEDS / "001_abd7600efa035288.txt").read_text("utf-8")
OIL = (
    "ارتفعت أسعار النفط في تعاملات اليوم الثلاثاء مع تراجع المخزونات الأمريكية، وصعد خام برنت بنسبة اثنين في "
    "المئة ليسجل 64 دولارا للبرميل. وقال محللون إن الطلب على الوقود في فصل الصيف قد يدعم الأسعار خلال الأسابيع "
    "المقبلة، في حين يترقب المتعاملون اجتماع منظمة أوبك المقرر في فيينا الشهر المقبل."
)


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=\.)\s+", text) if s.strip()]


def reprint(text: str) -> Document:
    """The seed with a new title and one sentence replaced, as an outlet re-runs agency copy."""
    sents = _sentences(text)
    sents[2] = "وقال مصدر مطلع إن الحكومة ستعقد اجتماعا طارئا الأسبوع المقبل لبحث الوضع الأمني في الشمال."
    return Document(text=" ".join(sents), title="عنوان جديد تماما للخبر نفسه", id="reprint")


def test_reprint_with_new_title_and_changed_sentence_is_a_near_duplicate() -> None:
    idx = NearDuplicateIndex()
    assert idx.add("orig", signature(Document(text=SEED_2008, title="الجزائر ترسل مساعدات"))) is None
    dup = idx.add("reprint", signature(reprint(SEED_2008)))
    assert dup is not None and dup.original == "orig" and dup.similarity >= 0.5
    assert idx.groups() == {"orig": ["orig", "reprint"]}


def test_different_topic_and_same_story_other_report_are_not_near_duplicates() -> None:
    idx = NearDuplicateIndex()
    idx.add("a", signature(SEED_2008))
    assert idx.add("b", signature(SEED_2013)) is None  # same story, different report
    assert idx.add("c", signature(OIL)) is None
    assert idx.groups() == {}


def test_title_is_not_shingled_and_short_texts_are_not_compared() -> None:
    assert shingles(Document(text="نص قصير", title="عنوان طويل جدا للخبر")) == ["نص قصير".encode()]
    assert signature("خبر قصير") is None
    idx = NearDuplicateIndex()
    assert idx.add("x", None) is None and idx.original["x"] == "x"


def test_signature_round_trips_through_bytes() -> None:
    sig = signature(SEED_2008)
    back = from_bytes(to_bytes(sig))
    assert back.jaccard(sig) == 1.0


def test_threshold_is_validated() -> None:
    with pytest.raises(ValueError, match="between 0 and 1"):
        NearDuplicateIndex(threshold=1.5)


@settings(max_examples=30, deadline=None)
@given(st.lists(st.sampled_from(_sentences(SEED_2008) + _sentences(OIL)), min_size=1, max_size=8))
def test_signature_of_identical_text_is_identical(parts: list[str]) -> None:
    text = " ".join(parts)
    a, b = signature(text), signature(text)
    assert (a is None) == (b is None)
    if a is not None:
        assert a.jaccard(b) == 1.0
