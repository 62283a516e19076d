from __future__ import annotations

from hadath.ner.conll import words_to_tokens
from hadath.ner.gazetteer import Gazetteer, cues, gazetteer, token_keys
from hadath.text import tokenize


def test_gazetteer_longest_match_and_clitics() -> None:
    g = Gazetteer()
    g.add("بوركينا فاسو", "LOC")
    g.add("بوركينا", "PERS")
    g.add("مالي", "LOC")
    g.finish()
    toks = tokenize("زار بوركينا فاسو ومالي")
    assert g.match(toks) == ["O", "B-LOC", "I-LOC", "B-LOC"]


def test_gazetteer_shipped_has_sahel_places() -> None:
    g = gazetteer()
    for name in ("باماكو", "كيدال", "تيمياوين", "الجزائر", "بروكسل"):
        labels = g.match(tokenize(name))
        assert labels[0].startswith("B-LOC"), name


def test_token_keys_without_particles() -> None:
    (tok,) = tokenize("للجيش")
    assert "الجيش" in token_keys(tok)
    (tok,) = tokenize("ومالي")
    assert "مالي" in token_keys(tok)


def test_cues_classes() -> None:
    c = cues()
    assert c.of(tokenize("الرئيس")[0]) == "PER_TITLE"
    assert c.of(tokenize("وزارة")[0]) == "ORG_HEAD"
    assert c.of(tokenize("منطقتي")[0]) == "LOC_HEAD"


def test_gazetteer_word_that_normalizes_to_nothing() -> None:
    """A lone tatweel (a token of its own in ANERcorp's CoNLL files) has the empty key: it
    is a word inside the trie, not the end of a name."""
    g = Gazetteer()
    g.add("بوركينا فاسو", "LOC")
    g.finish()
    toks = words_to_tokens(["بوركينا", "ـ", "فاسو"])
    assert toks[1].norm == ""
    assert g.match(toks) == ["O", "O", "O"]
    assert g.match(words_to_tokens(["بوركينا", "فاسو", "ـ"])) == ["B-LOC", "I-LOC", "O"]
