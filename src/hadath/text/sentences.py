"""Sentence splitting over tokens.

Reads: the original text and its tokens. Writes: ``Sentence`` objects (character span and
token range).

A sentence ends after ``. ! ? ؟ … ...`` (with the closing quotes and brackets that follow
it) and at every line break. A period after a one-letter word is an abbreviation
(``د.`` for doctor, ``أ.ف.ب``) and does not end a sentence; nor does one between two letter
names written without spaces (``بي.بي.سي``, ``إف.بي.آي``: ``acronym_ends``). Sentences never overlap, and
every token belongs to exactly one sentence.
"""

from __future__ import annotations

import bisect
import re

from hadath.model import Sentence, Token

__all__ = ["LETTER_NAMES", "acronym_ends", "split_sentences"]

_TERMINAL = frozenset({".", "!", "?", "؟", "…"})
_NEWLINE = re.compile(r"\n+")
_CLOSERS = frozenset({"»", '"', "”", "’", "'", ")", "]", "}"})


LETTER_NAMES = frozenset(
    [
        "بي",
        "تي",
        "جي",
        "جيه",
        "دي",
        "اف",
        "ام",
        "ان",
        "اس",
        "اي",
        "او",
        "يو",
        "في",
        "سي",
        "كيو",
        "ار",
        "اكس",
        "زد",
        "واي",
        "دبليو",
        "اتش",
        "ال",
        "كي",
        "ايه",
    ]
)
"""Arabic spellings of Latin letters' names (normalized: إف -> اف, آي -> اي), of which
acronyms are written: ``بي.بي.سي`` (BBC), ``إف.بي.آي`` (FBI), ``أيه.إم.دي`` (AMD)."""


def _glued_letter(tokens: list[Token], i: int, j: int) -> bool:
    """Whether token ``j`` is a letter name written against token ``i`` (no space)."""
    a, b = (tokens[i], tokens[j]) if i < j else (tokens[j], tokens[i])
    return a.end == b.start and tokens[j].kind == "word" and tokens[j].norm in LETTER_NAMES


def acronym_ends(tokens: list[Token], i: int) -> int:
    """The end (exclusive) of the acronym that starts at token ``i`` — letter names joined
    by periods without spaces, two letters at least (``بي.بي.سي``: 5 tokens) — or ``i``
    when none starts there."""
    n = len(tokens)
    if tokens[i].kind != "word" or tokens[i].norm not in LETTER_NAMES:
        return i
    j = i
    while (
        j + 2 < n
        and tokens[j + 1].text == "."
        and tokens[j].end == tokens[j + 1].start
        and _glued_letter(tokens, j + 1, j + 2)
    ):
        j += 2
    return j + 1 if j > i else i


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
        if i + 1 < len(tokens) and _glued_letter(tokens, i, i - 1) and _glued_letter(tokens, i, i + 1):
            return False  # an acronym: بي.بي.سي
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
