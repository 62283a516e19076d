from __future__ import annotations

from pathlib import Path

import pytest

from hadath.errors import InputError
from hadath.ner.conll import entities, read_conll, score, words_to_tokens


def test_conll_entities_bio_rules() -> None:
    assert entities(["B-PERS", "I-PERS", "O", "B-LOC", "B-LOC", "I-ORG", "I-ORG"]) == {
        (0, 2, "PERS"),
        (3, 4, "LOC"),
        (4, 5, "LOC"),
        (5, 7, "ORG"),  # I- without B- starts an entity
    }
    assert entities([]) == set()


def test_conll_score_exact_span_and_type() -> None:
    gold = [["B-PERS", "I-PERS", "O", "B-LOC"]]
    pred = [["B-PERS", "O", "O", "B-ORG"]]
    total, per = score(gold, pred)
    assert (total.tp, total.fp, total.fn) == (0, 2, 2)
    assert per["PERS"].fn == 1 and per["ORG"].fp == 1
    total, _ = score(gold, gold)
    assert total.f1 == 1.0


def test_conll_read_and_errors(tmp_path: Path) -> None:
    p = tmp_path / "a.conll"
    p.write_text("الجزائر B-LOC\nترسل O\n\nبوتفليقة B-PERS\n", "utf-8")
    assert read_conll(p) == [(["الجزائر", "ترسل"], ["B-LOC", "O"]), (["بوتفليقة"], ["B-PERS"])]
    bad = tmp_path / "bad.conll"
    bad.write_text("الجزائر LOCATION\n", "utf-8")
    with pytest.raises(InputError, match="not a BIO tag"):
        read_conll(bad)
    with pytest.raises(InputError, match="no such file"):
        read_conll(tmp_path / "none.conll")
    empty = tmp_path / "e.conll"
    empty.write_text("\n\n", "utf-8")
    with pytest.raises(InputError, match="no sentences"):
        read_conll(empty)


def test_conll_words_to_tokens_offsets() -> None:
    words = ["والجزائر", "(د", "ب", "أ)", "2012"]
    toks = words_to_tokens(words)
    text = " ".join(words)
    assert [text[t.start : t.end] for t in toks] == words
    assert toks[0].stem == "جزائر" and toks[4].kind == "number"
