"""CRF features of the tokens of one sentence.

Reads: a sentence's ``Token`` objects (with the text layer's normalized form and clitic
analysis). Writes: one list of feature strings per token: the word, its stem and
affixes, word shape, clitics, gazetteer matches (as BIO over multi-word names), cue words
(titles, organization and place heads, name particles), and the same for neighbours within
two tokens, plus word bigrams.

``sentence_windows`` gives them as the decoder (``hadath.ner.decode``) takes them: per
token its own features and what it shows each neighbour (groups that recur word after
word, so the decoder caches each group's weights), and the features of a position
(sentence boundaries, bigrams); ``sentence_features`` is the same features flattened, for
training.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from typing import TypeVar

from hadath.cache import word_cache
from hadath.model import Token
from hadath.ner.gazetteer import cues, gazetteer

__all__ = [
    "NISBA",
    "OFFSETS",
    "frequency_rank",
    "lookup_word",
    "much_more_frequent",
    "sentence_features",
    "sentence_windows",
    "word_clusters",
    "word_ranks",
]

_LATIN = re.compile(r"[A-Za-z]")
_V = TypeVar("_V")
NISBA = ("ي", "ية", "يين", "يون", "يات")
"""Endings of a relative adjective (المالي، الجزائرية …), after the article."""


@lru_cache(maxsize=1)
def clusters() -> dict[str, tuple[str, ...]]:
    """Word -> cluster ids at three granularities (``scripts/train_clusters.py``); empty
    if the package ships none."""
    ref = resources.files("hadath.data").joinpath("ner/clusters.tsv")
    if not ref.is_file():
        return {}
    out: dict[str, tuple[str, ...]] = {}
    for line in ref.read_text("utf-8").splitlines():
        if line.startswith("#"):
            continue
        word, *ids = line.split("\t")
        out[word] = tuple(ids)
    return out


@lru_cache(maxsize=1)
def word_ranks() -> dict[str, int]:
    """Word -> its rank by frequency in the corpus the clusters were trained on (0: the most
    frequent; the clusters file lists the words most frequent first)."""
    return {w: i for i, w in enumerate(clusters())}


def frequency_rank(word: str) -> int:
    """A normalized word's ``word_ranks`` rank; a word the corpus lacks ranks last."""
    ranks = word_ranks()
    return ranks.get(word, len(ranks))


def much_more_frequent(word: str, than: str) -> bool:
    """Whether ``word`` is at least three times as frequent in the corpus as ``than`` (by
    frequency rank): how the NER stage tells a particle from a word's own first letter
    (لمنظمة: ل + منظمة; بطولة: a word)."""
    return 3 * frequency_rank(word) < frequency_rank(than)


def lookup_word(table: dict[str, _V], norm: str, prefix: str) -> _V | None:
    """A word's entry in a table of words: its normalized form's, else (when it has
    particles) its form without them."""
    found = table.get(norm)
    if found is None and prefix:
        found = table.get(norm[len(prefix) :])
    return found


def word_clusters(norm: str, prefix: str) -> tuple[str, ...] | None:
    """A word's cluster ids (``clusters``), or None."""
    return lookup_word(clusters(), norm, prefix)


def _shape(kind: str, norm: str) -> str:
    if kind != "word":
        return kind
    if _LATIN.search(norm):  # normalizing keeps Latin letters (lower-cased)
        return "latin"
    return "ar"


OFFSETS = (-2, -1, 1, 2)
"""Where the neighbours a token sees are: two and one before it, one and two after."""

WordFeatures = tuple
"""``(key, own, shown[-2], shown[-1], shown[+1], shown[+2])``: a word's own features and
what it shows the token at each of ``OFFSETS`` from it, as tuples of feature strings, with
a key (a small integer, fresh for every word type the cache makes) under which the
decoder caches their weights: looking a word up then hashes an int, not forty strings."""

_keys = itertools.count(1)

_NEIGHBOUR_KEYS = ("w=", "s=", "gz=", "cue=", "x2=", "sh=", "art", "nisba", "c1=", "c2=")


@word_cache(262144)
def _local_of(n: str, s: str, prefix: str, article: bool, suffix: str, kind: str, gz: str) -> WordFeatures:
    """A token's features from its normalized form, stem, particles, article, enclitic,
    kind and gazetteer label (cached per word type: they depend on nothing else)."""
    shape = _shape(kind, n)
    cue = cues().of_word(n, prefix)
    f = [
        "bias",
        "w=" + n,
        "s=" + s,
        "sh=" + shape,
        "gz=" + gz,
        "p2=" + s[:2],
        "p3=" + s[:3],
        "x1=" + s[-1:],
        "x2=" + s[-2:],
        "x3=" + s[-3:],
        "len=" + str(min(len(s), 8)),
    ]
    if prefix:
        f.append("pre=" + prefix)
    if article:
        f.append("art")
    if suffix:
        f.append("suf=" + suffix)
    if cue:
        f.append("cue=" + cue)
    if article and s.endswith(NISBA):
        f.append("nisba")
    c = word_clusters(n, prefix)
    if c is not None:
        f.extend(f"c{i}={v}" for i, v in enumerate(c))
    else:
        f.append("c=none")
    # what a neighbour at offset d sees of this word: the subset above (the first three at
    # distance 2), prefixed "+1:" ...
    seen = [x for x in f if x.startswith(_NEIGHBOUR_KEYS)]
    shown = (tuple(f"{d:+d}:" + x for x in (seen if abs(d) == 1 else seen[:3])) for d in OFFSETS)
    return (next(_keys), tuple(f), *shown)


def sentence_windows(
    tokens: Sequence[Token], gz: Sequence[str] | None = None
) -> tuple[list[WordFeatures], list[list[str | None]]]:
    """The features of one sentence, as the decoder takes them: every token's
    ``WordFeatures``, and the features that belong to a position, as lists aligned with
    the tokens (a feature or ``None`` for each): ``BOS``, ``EOS``, and the word bigrams with
    the token before (``b-=``) and after (``b+=``). ``gz``: the tokens' gazetteer BIO
    labels, when the caller has them."""
    if gz is None:
        gz = gazetteer().match(tokens)
    words = [
        _local_of(t.norm, t.stem, t.prefix, t.article, t.suffix, t.kind, g) for t, g in zip(tokens, gz, strict=True)
    ]
    n = len(tokens)
    if not n:
        return words, []
    norms = [t.norm for t in tokens]
    pairs = [f"{a}|{b}" for a, b in itertools.pairwise(norms)]
    none: list[str | None] = [None]
    return words, [
        ["BOS", *none * (n - 1)],
        [*none * (n - 1), "EOS"],
        [None, *("b-=" + p for p in pairs)],
        [*("b+=" + p for p in pairs), None],
    ]


def sentence_features(tokens: Sequence[Token], gz: Sequence[str] | None = None) -> list[list[str]]:
    """Feature strings for every token of one sentence (for training): its own features,
    what its neighbours show it, and its position's features."""
    words, extras = sentence_windows(tokens, gz)
    n = len(words)
    out = [list(w[1]) for w in words]
    for i in range(n):
        for slot, d in enumerate(OFFSETS, 2):
            j = i + d
            if 0 <= j < n:
                out[i].extend(words[j][slot])
    for column in extras:
        for feats, attr in zip(out, column, strict=True):
            if attr is not None:
                feats.append(attr)
    return out
