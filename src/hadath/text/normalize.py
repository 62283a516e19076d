"""Arabic normalization for matching, with an offset map back to the original text.

Reads: a string. Writes: a normalized string (``normalize``) or a ``NormalizedText`` that
also maps every normalized position back to the original (``normalize_with_offsets``).

What is normalized is data: ``hadath/data/text/charmap.json`` (diacritics and tatweel
removed; alef variants أ إ آ ٱ -> ا; ى -> ي; Arabic-Indic and Persian digits -> ASCII;
presentation forms decomposed; zero-width and bidi controls removed; optional ة -> ه and
ؤ/ئ -> و/ي). Normalization is idempotent: ``normalize(normalize(s)) == normalize(s)``.

The fast path is ``str.translate`` (C speed); the offset map is stored as breakpoints, so
text without diacritics or ligatures (most news) costs nothing extra.
"""

from __future__ import annotations

import bisect
import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from hadath.cache import word_cache

__all__ = ["NormalizeOptions", "NormalizedText", "fold", "normalize", "normalize_with_offsets"]


@dataclass(frozen=True, slots=True)
class NormalizeOptions:
    """Switchable parts of the normalization (defaults come from charmap.json)."""

    alef_maksura: bool = True
    ta_marbuta: bool = False
    hamza_carriers: bool = False
    latin_case: bool = True


DEFAULT = NormalizeOptions()


def _codepoints(spec: str) -> list[int]:
    if "-" in spec:
        lo, hi = spec.split("-")
        return list(range(int(lo, 16), int(hi, 16) + 1))
    return [int(spec, 16)]


def _apply_map(table: dict[int, str], mapping: dict[str, str]) -> None:
    for src, dst in mapping.items():
        for cp in _codepoints(src):
            if dst.startswith("+"):
                table[cp] = chr(cp + int(dst[1:], 16))
            else:
                table[cp] = chr(int(dst, 16))


@lru_cache(maxsize=1)
def _charmap() -> dict[str, Any]:
    raw = resources.files("hadath.data").joinpath("text/charmap.json").read_text("utf-8")
    return json.loads(raw)


_PRESENTATION = [*range(0xFB50, 0xFE00), *range(0xFE70, 0xFF00)]


@lru_cache(maxsize=16)
def _table(options: NormalizeOptions) -> dict[int, str | None]:
    """The translate table for ``options``, closed so that applying it twice changes nothing."""
    cm = _charmap()
    base: dict[int, str] = {}
    for group in cm["map"].values():
        _apply_map(base, group)
    for name, opt in cm["options"].items():
        if getattr(options, name):
            _apply_map(base, opt["map"])
    deleted: set[int] = set()
    for ranges in cm["delete"].values():
        for spec in ranges:
            deleted.update(_codepoints(spec))

    def resolve(s: str, depth: int = 0) -> str:
        out = []
        for ch in s:
            cp = ord(ch)
            if cp in deleted:
                continue
            if cp in base and depth < 4 and base[cp] != ch:
                out.append(resolve(base[cp], depth + 1))
            elif cp in _PRESENTATION_SET and depth < 4:
                decomposed = unicodedata.normalize("NFKC", ch)
                out.append(ch if decomposed == ch else resolve(decomposed, depth + 1))
            else:
                out.append(ch)
        return "".join(out)

    table: dict[int, str | None] = {}
    for cp in deleted:
        table[cp] = None
    for cp in set(base) | set(_PRESENTATION):
        if cp in deleted:
            continue
        ch = chr(cp)
        if unicodedata.category(ch) == "Cn":
            continue
        out = resolve(ch)
        if out != ch:
            # Never let a mapping produce the empty string through whitespace-only NFKC
            # forms; keep a space so token boundaries survive.
            table[cp] = out if out else None
    return table


_PRESENTATION_SET = frozenset(_PRESENTATION)


@lru_cache(maxsize=16)
def _changing_chars_re(options: NormalizeOptions) -> re.Pattern[str]:
    """A regex matching characters whose output length is not exactly one."""
    table = _table(options)
    odd = sorted(cp for cp, out in table.items() if out is None or len(out) != 1)
    parts = []
    for cp in odd:
        parts.append(re.escape(chr(cp)))
    return re.compile("[" + "".join(parts) + "]")


def normalize(text: str, options: NormalizeOptions = DEFAULT) -> str:
    """Normalize ``text`` for matching (no offset map; the fast path)."""
    return text.translate(_table(options))


LOOKUP = NormalizeOptions(ta_marbuta=True)
"""Options of lexicon keys: ة and ه meet (dictionaries and news spell final ة both ways)."""


def fold(text: str) -> str:
    """Key for lexicon look-ups: ``normalize`` with ة -> ه (idempotent, so it may be applied
    to already normalized forms). Words are cached (the hot path of every lexicon)."""
    if len(text) <= 32:
        return _fold_word(text)
    return text.translate(_table(LOOKUP))


@word_cache(1 << 18)
def _fold_word(text: str) -> str:
    return text.translate(_table(LOOKUP))


@dataclass(slots=True)
class NormalizedText:
    """A normalized view of an original text, with positions mapped back.

    ``text`` is the normalized string. Positions are mapped by breakpoints: from normalized
    index ``_breaks[k]`` on (until the next breakpoint), ``original = normalized +
    _shifts[k]``. Characters produced by one original character (ligatures) all map to it.
    """

    original: str
    text: str
    _breaks: list[int]
    _shifts: list[int]

    def to_original(self, i: int) -> int:
        """Original index of normalized character ``i`` (``len(text)`` maps to the end)."""
        if i >= len(self.text):
            return len(self.original)
        k = bisect.bisect_right(self._breaks, i) - 1
        return i + self._shifts[k]

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalized ``[start, end)`` span to the original text.

        The result covers every original character that produced the span, and nothing
        before or after it (deleted diacritics inside the span are included).
        """
        if end <= start:
            o = self.to_original(start)
            return o, o
        return self.to_original(start), self.to_original(end - 1) + 1


def normalize_with_offsets(text: str, options: NormalizeOptions = DEFAULT) -> NormalizedText:
    """Normalize ``text`` and keep a map from normalized positions to original ones."""
    table = _table(options)
    norm = text.translate(table)
    breaks = [0]
    shifts = [0]
    if len(norm) == len(text) and not _changing_chars_re(options).search(text):
        return NormalizedText(text, norm, breaks, shifts)
    shift = 0  # original - normalized, for the positions after the last change
    n_pos = 0  # normalized position reached
    o_pos = 0  # original position reached
    for m in _changing_chars_re(options).finditer(text):
        j = m.start()
        n_pos += j - o_pos  # unchanged run before the odd char
        out = table[ord(text[j])]
        if out is None:
            shift += 1
            breaks.append(n_pos)
            shifts.append(shift)
        else:
            # len(out) > 1: all produced chars map to j.
            for extra in range(1, len(out)):
                shift -= 1
                breaks.append(n_pos + extra)
                shifts.append(j - (n_pos + extra))
            n_pos += len(out)
            shift = j + 1 - n_pos
            breaks.append(n_pos)
            shifts.append(shift)
        o_pos = j + 1
    # Collapse duplicate breakpoints (keep the last shift at each position).
    b2: list[int] = []
    s2: list[int] = []
    for b, s in zip(breaks, shifts, strict=True):
        if b2 and b2[-1] == b:
            s2[-1] = s
        else:
            b2.append(b)
            s2.append(s)
    return NormalizedText(text, norm, b2, s2)
