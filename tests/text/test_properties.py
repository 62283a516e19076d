"""Property tests: offsets always map back, normalization is idempotent, nothing crashes."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from hadath.text import normalize, normalize_with_offsets, split_sentences, tokenize
from hadath.text.keys import index_keys, query_phrases

ARABIC = st.characters(min_codepoint=0x0600, max_codepoint=0x06FF)
PRESENTATION = st.characters(min_codepoint=0xFB50, max_codepoint=0xFEFF)
MIXED = st.one_of(
    ARABIC,
    PRESENTATION,
    st.sampled_from(list(" \n\t.،؛؟!«»\"'()0123456789٠١٢٣٤٥٦٧٨٩\u200b\u200c\u200d\u200f\u202b\u0640")),
    st.characters(),
)
TEXTS = st.text(MIXED, max_size=300)


@settings(max_examples=400, deadline=None)
@given(TEXTS)
def test_tokens_and_sentences_map_back(text: str) -> None:
    tokens = tokenize(text)
    prev_end = 0
    for tok in tokens:
        assert text[tok.start : tok.end] == tok.text
        assert tok.start >= prev_end and tok.end > tok.start
        assert tok.start <= tok.core_start < tok.end
        prev_end = tok.end
    sents = split_sentences(text, tokens)
    covered = [i for s in sents for i in range(s.token_start, s.token_end)]
    assert covered == list(range(len(tokens)))
    for s in sents:
        assert s.start == tokens[s.token_start].start and s.end == tokens[s.token_end - 1].end


@settings(max_examples=400, deadline=None)
@given(TEXTS)
def test_normalize_is_idempotent(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once


@settings(max_examples=400, deadline=None)
@given(TEXTS)
def test_offset_map_points_at_the_producing_character(text: str) -> None:
    n = normalize_with_offsets(text)
    assert n.text == normalize(text)
    last = -1
    for i, ch in enumerate(n.text):
        j = n.to_original(i)
        assert 0 <= j < len(text)
        assert j >= last
        assert ch in normalize(text[j])
        last = j
    s, e = n.span_to_original(0, len(n.text))
    assert 0 <= s <= e <= len(text)


@settings(max_examples=200, deadline=None)
@given(TEXTS)
def test_search_keys_never_crash(text: str) -> None:
    index_keys(tokenize(text))
    query_phrases(text)
