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


def _shape(tok: Token) -> str:
    if tok.kind != "word":
        return tok.kind
    if _LATIN.search(tok.text):
        return "latin"
    return "ar"


def _local(tok: Token, gz: str, cue: str | None) -> tuple[str, ...]:
    """A token's own features (cached per word type: they depend on nothing else)."""
    return _local_of(tok.norm, tok.stem, tok.prefix, tok.article, tok.suffix, _shape(tok), gz, cue)


@lru_cache(maxsize=262144)
def _local_of(
    n: str, s: str, prefix: str, article: bool, suffix: str, shape: str, gz: str, cue: str | None
) -> tuple[str, ...]:
    f = [
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
    if article and s.endswith(_NISBA):
        f.append("nisba")
    table = clusters()
    c = table.get(n) or (table.get(n[len(prefix) :]) if prefix else None) if table else None
    if c is not None:
        f.extend(f"c{i}={v}" for i, v in enumerate(c))
    else:
        f.append("c=none")
    return tuple(f)


_NEIGHBOUR_KEYS = ("w=", "s=", "gz=", "cue=", "x2=", "sh=", "art", "nisba", "c1=", "c2=")


@lru_cache(maxsize=524288)
def _shifted(d: int, loc: tuple[str, ...]) -> tuple[str, ...]:
    """What the token at offset ``d`` contributes to a token's features (cached): the subset
    of its own features neighbours see (the first three at distance 2), prefixed ``+1:``."""
    seen = tuple(x for x in loc if x.startswith(_NEIGHBOUR_KEYS))
    tag = f"{d:+d}:"
    return tuple(tag + x for x in (seen if abs(d) == 1 else seen[:3]))


def sentence_features(tokens: Sequence[Token]) -> list[list[str]]:
    """Feature strings for every token of one sentence."""
    gz = gazetteer().match(tokens)
    cue = cues()
    locals_ = [_local(t, g, cue.of(t)) for t, g in zip(tokens, gz, strict=True)]
    norms = [t.norm for t in tokens]
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
                f.extend(_shifted(d, locals_[j]))
        if i > 0:
            f.append(f"b-={norms[i - 1]}|{norms[i]}")
        if i < n - 1:
            f.append(f"b+={norms[i]}|{norms[i + 1]}")
        out.append(f)
    return out
