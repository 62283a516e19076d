"""Conservative clitic segmentation of Arabic words, for matching.

Reads: one word (original surface). Writes: a ``WordAnalysis`` with the normalized form,
proclitic particles, article flag, stem, enclitic pronoun and the offset (in the original
surface) where the word proper begins after its particles.

The rules are data (``hadath/data/text/clitics.json``) and deliberately conservative:
particles are split only in front of the article (``والجزائر`` -> و + الجزائر), so names
such as ``البرازيل``, ``بريطانيا``, ``لندن`` or ``فرنسا`` are never cut into nonsense; the
article is split only when written with a plain alef (``ألمانيا`` stays whole). For
lexicon look-ups of words with a bare particle (``ومالي``, ``لمالي``) use
``split_candidates``, which lists every plausible reading, least-split first.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any, NamedTuple

from hadath.cache import word_cache
from hadath.text.normalize import normalize, normalize_with_offsets

__all__ = ["WordAnalysis", "analyze_word", "bare_particles", "min_stem_after", "split_candidates"]


class WordAnalysis(NamedTuple):
    norm: str
    stem: str
    prefix: str
    article: bool
    suffix: str
    core_offset: int


@lru_cache(maxsize=1)
def _rules() -> dict[str, Any]:
    raw = resources.files("hadath.data").joinpath("text/clitics.json").read_text("utf-8")
    rules = json.loads(raw)
    rules["protected"] = frozenset(rules["protected"]) | frozenset(rules["protected_names"])
    return rules


_HAMZA_ALEFS = frozenset("أإآ")
_DIACRITICS = {cp: None for cp in [*range(0x064B, 0x0660), 0x0670, 0x0640, *range(0x0610, 0x061B)]}


def _article_is_plain(surface: str, at: int, norm_len: int) -> bool:
    """True unless the alef of a would-be article at norm index ``at`` carries a hamza."""
    skel = surface.translate(_DIACRITICS)
    if len(skel) != norm_len:
        return True  # presentation forms or the like: cannot tell, assume the article
    return skel[at] not in _HAMZA_ALEFS


def _split_prefix(norm: str, surface: str) -> tuple[str, bool, str]:
    """(particles, article, rest) for ``norm``; particles only before the article."""
    r = _rules()
    art = r["article"]
    min_stem = r["min_stem_after_article"]
    conj = r["conjunctions"]
    preps = r["prepositions"]
    for c in ("", *conj):
        if c and not norm.startswith(c):
            continue
        after_c = norm[len(c) :]
        for p in ("", *preps):
            if p and not after_c.startswith(p):
                continue
            after_p = after_c[len(p) :]
            head = c + p
            need = r["min_stem_after_particle_and_article"] if head else min_stem
            if (
                after_p.startswith(art)
                and len(after_p) - len(art) >= need
                and _article_is_plain(surface, len(head), len(norm))
            ):
                return head, True, after_p[len(art) :]
            # ل + ال contracts to لل: للجيش = ل + الجيش
            if p == "ل" and after_p.startswith("ل") and len(after_p) - 1 >= need:
                return head, True, after_p[1:]
    return "", False, norm


def _split_suffix(stem: str) -> tuple[str, str]:
    r = _rules()
    if stem.endswith(tuple(r["no_suffix_after"])):
        return stem, ""  # عبدالله, جارالله, بالله
    for suf in r["enclitics"]:
        if stem.endswith(suf) and len(stem) - len(suf) >= r["min_stem_after_suffix"]:
            rest = stem[: -len(suf)]
            if suf == "ه" and rest[-1] in r["no_bare_ha_after"]:
                continue
            return rest, suf
    return stem, ""


@word_cache(262144)
def analyze_word(surface: str) -> WordAnalysis:
    """Analyze one word token (cached: word types repeat heavily in news)."""
    norm = normalize(surface)
    r = _rules()
    if norm in r["protected"] or not norm:
        return WordAnalysis(norm, norm, "", False, "", 0)
    prefix, article, rest = _split_prefix(norm, surface)
    suffix = ""
    if not article and rest not in r["protected"]:
        rest, suffix = _split_suffix(rest)
    if not prefix:
        core = 0
    elif len(norm) == len(surface):
        core = len(prefix)
    else:
        core = normalize_with_offsets(surface).to_original(len(prefix))
    return WordAnalysis(norm, rest, prefix, article, suffix, core)


@lru_cache(maxsize=1)
def bare_particles() -> tuple[tuple[str, ...], int]:
    """The particles a word may carry unsplit, as ``split_candidates`` reads them off: a
    conjunction, a preposition, or a conjunction then a preposition (و، ب، وب …), and the
    least letters the word keeps after them."""
    r = _rules()
    conj, prep = r["conjunctions"], r["prepositions"]
    return (*conj, *prep, *(c + p for c in conj for p in prep)), r["min_stem_after_bare_particle"]


def min_stem_after(particles: str) -> int:
    """The least letters a word keeps after the bare ``particles`` (و, وب, ك …) for
    ``split_candidates`` to read it off: more after ك (like), which many words begin with."""
    r = _rules()
    least = r["min_stem_after_bare_particle"]
    return max(least, r.get("min_stem_after_ka", 0)) if particles.endswith("ك") else least


@word_cache(65536)
def split_candidates(norm: str) -> tuple[str, ...]:
    """Plausible readings of a normalized word for lexicon look-up, least-split first.

    ``split_candidates("ومالي")`` -> ``("ومالي", "مالي")``;
    ``split_candidates("والجزائر")`` -> ``("والجزائر", "الجزائر", "جزائر")``.
    The caller keeps the first candidate its lexicon knows.
    """
    r = _rules()
    out: list[str] = [norm]
    if norm in r["protected"]:
        return (norm,)
    art = r["article"]
    for c in ("", *r["conjunctions"]):
        if c and not norm.startswith(c):
            continue
        after_c = norm[len(c) :]
        for p in ("", *r["prepositions"]):
            if p and not after_c.startswith(p):
                continue
            rest = after_c[len(p) :]
            if not (c or p):
                continue
            readings = [rest]
            if p == "ل" and rest.startswith("ل") and not rest.startswith(art):
                readings.append("ا" + rest)  # للجيش -> الجيش (but لليبيا -> ليبيا)
            least = min_stem_after(c + p)
            for reading in readings:
                if len(reading) >= least and reading not in out:
                    out.append(reading)
    for cand in list(out):
        if cand.startswith(art) and len(cand) - len(art) >= r["min_stem_after_article"]:
            bare = cand[len(art) :]
            if bare not in out:
                out.append(bare)
    return tuple(out)
