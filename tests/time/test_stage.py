from __future__ import annotations

import json

import pytest

from hadath.ingest import iter_inputs
from hadath.model import Document
from hadath.pipeline import analyze

from ..conftest import SEED_FILES, SEEDS

EXPECTED = json.loads((SEEDS / "expected.json").read_text("utf-8"))


@pytest.fixture(scope="module")
def docs() -> dict[str, Document]:
    return {p.name: analyze(next(iter(iter_inputs([p])))) for p in SEED_FILES}


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.name[:3])
def test_time_seed_publication_year_inferred(docs: dict[str, Document], path) -> None:
    doc = docs[path.name]
    want = EXPECTED["documents"][path.name]["publication_year_inferred"]
    assert doc.publication_date == str(want)
    assert doc.publication_date_source == "inferred"
    inf = doc.meta["publication_date_inference"]
    assert inf["best_guess"] == str(want) and inf["reason"] and inf["evidence"]


def test_time_seed_dates_resolve_as_expected(docs: dict[str, Document]) -> None:
    seed1, seed2 = (docs[p.name] for p in SEED_FILES)
    dates1 = {m.text: m.resolution.value for m in seed1.mentions if m.type == "DATE"}
    assert dates1["سنة 2006"]["value"] == "2006"
    # "publication year - 2"
    assert dates1["قبل سنتين"]["relative"] == {"kind": "ago", "unit": "year", "offset": -2}
    assert dates1["قبل سنتين"]["value"] == "2006" and dates1["قبل سنتين"]["anchor"] == "2008"
    dates2 = {m.text: m.resolution.value for m in seed2.mentions if m.type == "DATE"}
    assert dates2["نيسان/أبريل 2012"]["value"] == "2012-04"
    # "the Wednesday before the publication date": kept relative, the day is unknown
    wed = dates2["يوم الأربعاء الماضي"]
    assert wed["relative"] == {"kind": "weekday", "weekday": 2, "direction": "past"}
    assert wed["value"] is None and wed["needs"] == "publication day"


def test_time_metadata_date_is_kept_and_used() -> None:
    doc = analyze(Document(text="بدأ الجيش يوم الأربعاء الماضي نقل المساعدات.", publication_date="2013-01-18"))
    assert doc.publication_date_source == "metadata"
    (m,) = [m for m in doc.mentions if m.type == "DATE"]
    assert m.resolution.value["value"] == "2013-01-16"
    assert doc.text[m.start : m.end] == "يوم الأربعاء الماضي"


def test_time_not_inside_names() -> None:
    doc = analyze(Document(text='وقالت مصادر لـ"العرب اليوم" إن القوات وصلت.', publication_date="2013-01-18"))
    assert not [m for m in doc.mentions if m.type == "DATE"]


def test_time_no_dates_no_inference() -> None:
    doc = analyze(Document(text="وصل الوفد إلى باماكو."))
    assert doc.publication_date is None and "publication_date_inference" not in doc.meta


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("وقعت الهجمات في مارس وأبريل 2012", "أبريل 2012"),
        ("كان ذلك لعام 1995م", "عام 1995م"),
        ("ويستمر والأسبوع المقبل", "الأسبوع المقبل"),
    ],
)
def test_time_a_date_span_leaves_out_its_clitic(text: str, span: str) -> None:
    doc = analyze(Document(text=text, publication_date="2015-08-08"))
    assert span in [m.text for m in doc.mentions if m.type == "DATE"]
    for m in doc.mentions:
        assert doc.text[m.start : m.end] == m.text
