"""Sentence splitting over tokens.

Reads: the original text and its tokens. Writes: ``Sentence`` objects (character span and
token range).

A sentence ends after ``. ! ? ؟ … ...`` (with the closing quotes and brackets that follow
it) and at every line break. A period after a one-letter word is an abbreviation
(``د.`` for doctor, ``أ.ف.ب``) and does not end a sentence. Sentences never overlap, and
every token belongs to exactly one sentence.
"""

from __future__ import annotations

import bisect
import re

from hadath.model import Sentence, Token

__all__ = ["split_sentences"]

_TERMINAL = frozenset({".", "!", "?", "؟", "…"})
_NEWLINE = re.compile(r"\n+")
_CLOSERS = frozenset({"»", '"', "”", "’", "'", ")", "]", "}"})


def _is_terminal(tokens: list[Token], i: int) -> bool:
    tok = tokens[i]
    if tok.kind != "punct":
        return False
    if tok.text.startswith(".."):
        return True
    if tok.text not in _TERMINAL:
        return False
    if tok.text == "." and i > 0:
        prev = tokens[i - 1]
        if prev.end == tok.start and prev.kind == "word" and len(prev.norm) == 1:
            return False  # abbreviation: د. / أ.ف.ب
    return True


def split_sentences(text: str, tokens: list[Token]) -> list[Sentence]:
    """Split ``tokens`` of ``text`` into sentences."""
    n = len(tokens)
    if not n:
        return []
    ends: set[int] = set()  # indices of tokens that end a sentence
    if "\n" in text:
        starts = [t.start for t in tokens]
        for m in _NEWLINE.finditer(text):
            j = bisect.bisect_left(starts, m.start())
            if j > 0:
                ends.add(j - 1)
    for i in [i for i, t in enumerate(tokens) if t.kind == "punct"]:
        if _is_terminal(tokens, i):
            while i + 1 < n and tokens[i + 1].text in _CLOSERS and tokens[i + 1].start == tokens[i].end:
                i += 1
            ends.add(i)
    ends.add(n - 1)
    sentences: list[Sentence] = []
    first = 0
    for i in sorted(ends):
        if i >= first:
            sentences.append(Sentence(tokens[first].start, tokens[i].end, first, i + 1))
            first = i + 1
    return sentences
