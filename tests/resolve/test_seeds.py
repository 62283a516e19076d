"""Every entity of the seeds resolves as expected.json says (its `resolves_to`, in codes)."""

from __future__ import annotations

import pytest

from hadath.ingest import iter_inputs
from hadath.model import Document
from hadath.pipeline import analyze

from ..conftest import SEED_FILES

# expected.json's `resolves_to`, written as what hadath must output: place id, or actor code
# (with role where expected.json names one)
WANT = {
    "000": {
        "الجزائر": ("place", "gn:2589581", "DZA"),
        "مالي": ("place", "gn:2453866", "MLI"),
        "كيدال": ("place", "gn:2455290", None),
        "باماكو": ("place", "gn:2460596", None),
        "الأراضي الليبية": ("place", "gn:2215636", "LBY"),
        "التشاد": ("place", "gn:2434508", "TCD"),
        "النيجر": ("place", "gn:2440476", "NER"),
        "بوركينا فاسو": ("place", "gn:2361809", "BFA"),
        "موريتانيا": ("place", "gn:2378080", "MRT"),
        "الجيش المالي": ("actor", "MLIMIL", None),
        "وكالة الأنباء الفرنسية": ("actor", "FRAMEDAFP", None),
        "تنظيم القاعدة في بلاد المغرب الإسلامي": ("actor", "IMGAQIM", None),
        "نور الدين يزيد زرهوني": ("actor", "DZAGOV", "minister of interior"),
        "عبد العزيز بوتفليقة": ("actor", "DZAGOV", "president"),
        "باهنغا": ("actor", "MLIREB", "rebel leader"),
        "أمادو توماني": ("actor", "MLIGOV", "president"),
    },
    "001": {
        "الجزائر": ("place", "gn:2589581", "DZA"),
        "مالي": ("place", "gn:2453866", "MLI"),
        "بروكسل": ("place", "gn:2800866", None),
        "تينزاوتين": ("place", "region:tin-zaouatine", None),
        "تيمياوين": ("place", "gn:2596770", None),
        "الجيش المالي": ("actor", "MLIMIL", None),
        "الجيش الجزائري": ("actor", "DZAMIL", None),
        "الجيش الفرنسي": ("actor", "FRAMIL", None),
        "إكواس": ("actor", "IGOWAFECW", None),
        "العرب اليوم": ("actor", None, None),  # a newspaper: kind media
        "عبد القادر مساهل": ("actor", "DZAGOV", "minister-delegate"),
    },
}


@pytest.fixture(scope="module")
def docs() -> dict[str, Document]:
    return {p.name[:3]: analyze(next(iter(iter_inputs([p])))) for p in SEED_FILES}


CASES = [(k, text) for k, ents in WANT.items() for text in ents]


@pytest.mark.parametrize(("doc", "text"), CASES, ids=[f"{k}-{t}" for k, t in CASES])
def test_resolve_seed_entity(docs: dict[str, Document], doc: str, text: str) -> None:
    kind, want, extra = WANT[doc][text]
    mentions = [m for m in docs[doc].mentions if m.text == text and m.resolution is not None]
    assert mentions, f"{text} not resolved"
    values = [m.resolution.value for m in mentions if m.resolution.kind == kind]
    if kind == "place":
        assert any(v["id"] == want for v in values), values
        if extra:
            assert any(v.get("actor") == extra for v in values if v["id"] == want)
        v = next(v for v in values if v["id"] == want)
        assert isinstance(v["lat"], float) and isinstance(v["lon"], float)
    elif want is None:
        assert any(v.get("kind") == "media" for v in values), values
    else:
        assert any(v.get("code") == want for v in values), values
        if extra:
            assert any(v.get("role") == extra for v in values if v.get("code") == want), values


def test_resolve_algeria_is_the_country_in_the_aid_sentences(docs: dict[str, Document]) -> None:
    for key, evidence in (("000", "الجزائر أرسلت دفعة"), ("001", "أن الجزائر تدعم مالي")):
        doc = docs[key]
        at = doc.text.index(evidence) + (0 if key == "000" else 3)
        (m,) = [m for m in doc.mentions if m.start == at and m.type == "LOC"]
        assert m.resolution.value["kind"] == "country" and m.resolution.value["actor"] == "DZA"


def test_resolve_signing_place_is_the_city(docs: dict[str, Document]) -> None:
    doc = docs["000"]
    at = doc.text.index("الموقع في الجزائر") + len("الموقع في ")
    (m,) = [m for m in doc.mentions if m.start == at and m.type == "LOC"]
    assert m.resolution.value["name"] == "Algiers" and m.resolution.value["geonames"] == 2507480


def test_resolve_short_name_linked_to_full_name() -> None:
    doc = analyze(Document(text="استقبل الرئيس الجزائري عبد العزيز بوتفليقة الوفد. وقال بوتفليقة إن التعاون مستمر."))
    full = [m for m in doc.mentions if m.text == "عبد العزيز بوتفليقة"]
    short = [m for m in doc.mentions if m.text == "بوتفليقة"]
    assert full and short and full[0].entity_id == short[0].entity_id
    ent = next(e for e in doc.entities if e.id == full[0].entity_id)
    assert ent.code == "DZAGOV" and len(ent.mentions) == 2
