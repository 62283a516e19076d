from __future__ import annotations

import pytest

from hadath.text.normalize import NormalizeOptions, normalize, normalize_with_offsets


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("الجَزَائِرُ", "الجزائر"),  # tashkeel
        ("الجـــزائر", "الجزائر"),  # tatweel
        ("أحمد إبراهيم آمال ٱلله", "احمد ابراهيم امال الله"),  # alef variants
        ("على مصطفى", "علي مصطفي"),  # alef maksura
        ("عام ٢٠١٣ و۲۰۱۲", "عام 2013 و2012"),  # Arabic-Indic and Persian digits
        ("ﻻ ﺍﻟﺠﺰﺍﺋﺮ", "لا الجزائر"),  # presentation forms
        ("مالي\u200f\u200b", "مالي"),  # bidi and zero-width
        ("AFP Reuters", "afp reuters"),  # Latin case
        ("3٫5", "3.5"),
        ("کتاب یک", "كتاب يك"),  # Persian kaf/yeh
    ],
)
def test_normalize_maps_variants(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


def test_normalize_keeps_ta_marbuta_by_default_and_folds_it_on_request() -> None:
    assert normalize("مدينة") == "مدينة"
    assert normalize("مدينة", NormalizeOptions(ta_marbuta=True)) == "مدينه"


def test_normalize_hamza_carriers_only_on_request() -> None:
    assert normalize("مسؤول رئيس") == "مسؤول رئيس"
    assert normalize("مسؤول رئيس", NormalizeOptions(hamza_carriers=True)) == "مسوول رييس"


def test_offsets_map_back_through_deletions_and_ligatures() -> None:
    raw = "وَالْجَزَائِرُ ﻻ ١٢"
    n = normalize_with_offsets(raw)
    assert n.text == "والجزائر لا 12"
    # every normalized char maps to an original char that normalizes to something containing it
    for i, ch in enumerate(n.text):
        j = n.to_original(i)
        assert ch in normalize(raw[j])
    # the word span maps back to the whole vowelled word
    s, e = n.span_to_original(0, 8)
    assert raw[s:e] == "وَالْجَزَائِر"


def test_offsets_identity_on_plain_text() -> None:
    raw = "قررت السلطات الجزائرية"
    n = normalize_with_offsets(raw)
    assert [n.to_original(i) for i in range(len(raw))] == list(range(len(raw)))


def test_fold_meets_ta_marbuta_and_is_idempotent() -> None:
    from hadath.text import fold

    assert fold("المجموعة الاقتصادية") == fold("المجموعه الاقتصاديه") == "المجموعه الاقتصاديه"
    assert fold(fold("الجَزائِرُ")) == fold("الجَزائِرُ") == "الجزائر"
