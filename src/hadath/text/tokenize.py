"""Tokenization of the original text, with original offsets.

Reads: a string. Writes: ``Token`` objects (``hadath.model``) whose ``start``/``end`` index
the original string, with ``norm`` and the clitic analysis (``hadath.text.clitics``).

Token kinds: ``url`` (links and e-mail addresses), ``number`` (any script's digits with
inner separators: ``2012``, ``٢٠١٢``, ``3.5``, ``1,200``), ``word`` (letters with their
diacritics, tatweel and joiners; Latin letter-digit codes such as ``F16``, ``4x4``),
``punct`` (``. , ، ؛ ؟ ! « » " ' ( ) …``; runs of dots are one token) and ``symbol``
(anything else that is not white space).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from hadath.model import Token
from hadath.text.clitics import analyze_word
from hadath.text.normalize import normalize

__all__ = ["iter_tokens", "tokenize"]

_MARK = r"\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640\u200C\u200D\u08D3-\u08FF"
_LETTER = r"[^\W\d_]"
_INVISIBLE = r"\u200B\u200E\u200F\u202A-\u202E\u2060\u2066-\u2069\u061C\uFEFF\u00AD"
_TOKEN_RE = re.compile(
    rf"""
    \s*+(?:
    (?P<aword>[{_MARK}]*+[^\W\d_A-Za-z]{_LETTER}*+(?:[{_MARK}]++{_LETTER}*+)*+)
    |(?P<url>(?:https?://|www\.)[^\s<>"«»]+[^\s<>"«».,،؛:!?؟)\]]
        |[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)
    |(?P<code>[A-Za-z]+\d[A-Za-z\d]*|\d+[A-Za-z][A-Za-z\d]*)
    |(?P<number>\d+(?:[.,\u066B\u066C]\d+)*)
    |(?P<word>[{_MARK}]*+(?:{_LETTER}++[{_MARK}]*+)++)
    |(?P<punct>\.{{2,}}|[.,،؛;:!?؟«»"'“”‘’()\[\]{{}}\-–—…/\\])
    |(?P<symbol>[^\s{_MARK}{_INVISIBLE}])
    )
    """,
    re.VERBOSE,
)
"""Leading white space is consumed inside the match (cheaper than failing at every
space); the token is the named group that matched. Non-ASCII-initial words (Arabic, the
bulk of news) are tried first; URLs and Latin codes can only start with ASCII."""

# kind of each named group, by group index (m.lastindex), in pattern order
_KINDS = (None, "word", "url", "word", "number", "word", "punct", "symbol")


def iter_tokens(text: str) -> Iterator[Token]:
    """Yield the tokens of ``text`` in order."""
    kinds = _KINDS
    analyze = analyze_word
    for m in _TOKEN_RE.finditer(text):
        g = m.lastindex
        kind = kinds[g]  # type: ignore[index]
        surface = m.group(g)  # type: ignore[arg-type]
        start, end = m.span(g)  # type: ignore[arg-type]
        if kind == "word":
            a = analyze(surface)
            yield Token(start, end, surface, kind, a[0], a[1], a[2], a[3], a[4], start + a[5])
        else:
            norm = normalize(surface)
            yield Token(start, end, surface, kind, norm, norm, "", False, "", start)


def tokenize(text: str) -> list[Token]:
    """All tokens of ``text``."""
    return list(iter_tokens(text))
