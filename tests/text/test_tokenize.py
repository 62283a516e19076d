from __future__ import annotations

import pytest

from hadath.text import tokenize


def kinds(text: str) -> list[tuple[str, str]]:
    return [(t.text, t.kind) for t in tokenize(text)]


def test_tokenize_arabic_punctuation() -> None:
    assert kinds("قال: «نعم»، لا؟ بل؛ نعم!") == [
        ("قال", "word"),
        (":", "punct"),
        ("«", "punct"),
        ("نعم", "word"),
        ("»", "punct"),
        ("،", "punct"),
        ("لا", "word"),
        ("؟", "punct"),
        ("بل", "word"),
        ("؛", "punct"),
        ("نعم", "word"),
        ("!", "punct"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("في 5 رحلات", [("في", "word"), ("5", "number"), ("رحلات", "word")]),
        ("عام ٢٠١٢م", [("عام", "word"), ("٢٠١٢", "number"), ("م", "word")]),
        (
            "بنسبة 3.5% و1,200",
            [("بنسبة", "word"), ("3.5", "number"), ("%", "symbol"), ("و", "word"), ("1,200", "number")],
        ),
        ("طائرات F16 و4x4", [("طائرات", "word"), ("F16", "word"), ("و", "word"), ("4x4", "word")]),
        ("انظر https://example.org/a?b=1.", [("انظر", "word"), ("https://example.org/a?b=1", "url"), (".", "punct")]),
        ("الجَزائِرُ", [("الجَزائِرُ", "word")]),
        ("وقال...", [("وقال", "word"), ("...", "punct")]),
    ],
)
def test_tokenize_kinds(text: str, expected: list[tuple[str, str]]) -> None:
    assert kinds(text) == expected


def test_token_spans_point_into_original(seed_texts: dict[str, str]) -> None:
    for text in seed_texts.values():
        for tok in tokenize(text):
            assert text[tok.start : tok.end] == tok.text
            assert tok.start <= tok.core_start < tok.end


def test_tokenize_normalized_forms() -> None:
    (tok,) = tokenize("وَالْجَزَائِرُ")
    assert tok.norm == "والجزائر"
    assert tok.stem == "جزائر"
    assert tok.prefix == "و"
    assert tok.article
    assert tok.base == "الجزائر"
    assert "وَالْجَزَائِرُ"[tok.core_start :].startswith("ال")


def test_tokenize_skips_invisible_and_lone_marks() -> None:
    assert [t.text for t in tokenize("مالي\u200b \u064e \u200fالنيجر")] == ["مالي", "النيجر"]
