"""CRF features of the tokens of one sentence.

Reads: a sentence's ``Token`` objects (with the text layer's normalized form and clitic
analysis). Writes: one list of feature strings per token: the word, its stem and
affixes, word shape, clitics, gazetteer matches (as BIO over multi-word names), cue words
(titles, organization and place heads, name particles), and the same for neighbours within
two tokens, plus word bigrams.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources

from hadath.model import Token
from hadath.ner.gazetteer import cues, gazetteer

__all__ = ["sentence_features"]

_LATIN = re.compile(r"[A-Za-z]")
_NISBA = ("ي", "ية", "يين", "يون", "يات")


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


def _cluster(tok: Token, table: dict[str, tuple[str, ...]]) -> tuple[str, ...] | None:
    c = table.get(tok.norm)
    if c is None and tok.prefix:
        c = table.get(tok.norm[len(tok.prefix) :])
    return c


def _shape(tok: Token) -> str:
    if tok.kind != "word":
        return tok.kind
    if _LATIN.search(tok.text):
        return "latin"
    return "ar"


def _local(tok: Token, gz: str, cue: str | None, table: dict[str, tuple[str, ...]]) -> list[str]:
    n = tok.norm
    s = tok.stem
    f = [
        "w=" + n,
        "s=" + s,
        "sh=" + _shape(tok),
        "gz=" + gz,
        "p2=" + s[:2],
        "p3=" + s[:3],
        "x1=" + s[-1:],
        "x2=" + s[-2:],
        "x3=" + s[-3:],
        "len=" + str(min(len(s), 8)),
    ]
    if tok.prefix:
        f.append("pre=" + tok.prefix)
    if tok.article:
        f.append("art")
    if tok.suffix:
        f.append("suf=" + tok.suffix)
    if cue:
        f.append("cue=" + cue)
    if tok.article and s.endswith(_NISBA):
        f.append("nisba")
    c = _cluster(tok, table) if table else None
    if c is not None:
        f.extend(f"c{i}={v}" for i, v in enumerate(c))
    else:
        f.append("c=none")
    return f


_NEIGHBOUR_KEYS = ("w=", "s=", "gz=", "cue=", "x2=", "sh=", "art", "nisba", "c1=", "c2=")


@lru_cache(maxsize=262144)
def _neighbour_tuple(loc: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(x for x in loc if x.startswith(_NEIGHBOUR_KEYS))


def _neighbour(loc: list[str]) -> tuple[str, ...]:
    """The subset of a token's features its neighbours see (cached: word types repeat)."""
    return _neighbour_tuple(tuple(loc))


def sentence_features(tokens: Sequence[Token]) -> list[list[str]]:
    """Feature strings for every token of one sentence."""
    gz = gazetteer().match(tokens)
    cue = cues()
    table = clusters()
    locals_ = [_local(t, g, cue.of(t), table) for t, g in zip(tokens, gz, strict=True)]
    neigh = [_neighbour(loc) for loc in locals_]
    n = len(tokens)
    out: list[list[str]] = []
    for i in range(n):
        f = ["bias", *locals_[i]]
        if i == 0:
            f.append("BOS")
        if i == n - 1:
            f.append("EOS")
        for d in (-2, -1, 1, 2):
            j = i + d
            if 0 <= j < n:
                tag = f"{d:+d}:"
                f.extend(tag + x for x in (neigh[j] if abs(d) == 1 else neigh[j][:3]))
        if i > 0:
            f.append(f"b-={tokens[i - 1].norm}|{tokens[i].norm}")
        if i < n - 1:
            f.append(f"b+={tokens[i].norm}|{tokens[i + 1].norm}")
        out.append(f)
    return out
