"""Label consistency within a document: a name tagged in one sentence is likely the same
kind of name wherever else it appears in the document.

Reads: the label scores of a document's sentences (tokens x labels, as ``Tagger.emissions``
gives them), their tokens and a first decoding. Writes: the scores with a bonus for
tagging every other occurrence of a tagged name the same way, for a second decoding.

A model reads a sentence alone: it may tag ``فينغر`` after ``المدرب`` and miss it two
sentences later as the subject of ``يرجع``. The bonus (``doc_bonus``, chosen on the dev
split for each model by ``hadath train ner`` and stored in its manifest) is added to the
``B-`` score of the name's first token and the ``I-`` score of the others at every
occurrence; the decoder still weighs it against the context, so a strong contrary reading
wins. Names are matched on their normalized words without proclitic particles, those the
text layer split off and, on a name's first word, a particle or a conjunction and a
preposition it could not tell from the name's own letters (``ومحمد`` and ``وبمحمد`` match
``محمد`` once ``محمد`` is tagged).

The name memory works the same way before the first decoding, for the names a model tagged
across the real news corpus (``name_memory``, ``scripts/build_name_memory.py``), with its
own bonus (``memory_bonus``, 0 for the models it does not help on the dev split).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from importlib import resources

import numpy as np

from hadath.model import Token
from hadath.ner.conll import entities
from hadath.text.clitics import bare_particles, min_stem_after

__all__ = [
    "add_name_bonus",
    "boost_repeated_names",
    "index_names",
    "name_key",
    "name_memory",
    "occurrences",
    "sentence_keys",
]


def name_key(token: Token) -> str:
    """The form a name's word is matched on: normalized, without proclitic particles."""
    return token.norm[len(token.prefix) :] if token.prefix else token.norm


def sentence_keys(tokens: Sequence[Token]) -> list[str]:
    """``name_key`` of every token of a sentence."""
    return [name_key(t) for t in tokens]


@lru_cache(maxsize=65536)
def _written_forms(word: str) -> tuple[str, ...]:
    """How a name's first word may be written with particles the text layer left on it
    (``hadath.text.clitics.bare_particles``): itself, after one particle, after a
    conjunction and a preposition."""
    particles, min_stem = bare_particles()
    if len(word) < min_stem:
        return (word,)
    return (word, *(p + word for p in particles if len(word) >= min_stem_after(p)))


NameIndex = dict[str, dict[int, dict[tuple[str, ...], tuple[str, ...]]]]
"""Names by every written form of their first word, then by length, then by their other
words: ``index[form][length][rest] = name`` (``index_names``)."""


def occurrences(keys: Sequence[str], names: NameIndex) -> list[tuple[int, tuple[str, ...]]]:
    """Every occurrence in a sentence (``keys``: ``sentence_keys``) of the names ``names``
    holds (``index_names``), as (token index, name)."""
    out = []
    for i in [i for i, k in enumerate(keys) if k in names]:
        for length, rests in names[keys[i]].items():
            name = rests.get(tuple(keys[i + 1 : i + length]))
            if name is not None:
                out.append((i, name))
    return out


def index_names(names: Iterable[tuple[str, ...]]) -> NameIndex:
    """Names (tuples of ``name_key``), indexed for ``occurrences``."""
    out: NameIndex = {}
    for name in names:
        length, rest = len(name), name[1:]
        for form in _written_forms(name[0]):
            by_length = out.get(form)
            if by_length is None:
                out[form] = {length: {rest: name}}
            else:
                by_length.setdefault(length, {})[rest] = name
    return out


def add_name_bonus(
    emissions: np.ndarray,
    keys: Sequence[Sequence[str]],
    types: Mapping[tuple[str, ...], str],
    label_names: Sequence[str],
    bonus: float,
    index: NameIndex | None = None,
) -> np.ndarray:
    """A copy of ``emissions`` (the sentences one after the other; ``keys``: their
    ``sentence_keys``) with ``bonus`` added, at every occurrence of a name of ``types``
    (name -> its type), to the ``B-`` score of its first token and the ``I-`` score of the
    others (``index``: ``index_names(types)``, when the caller keeps one)."""
    if index is None:
        index = index_names(types)
    col = {lab: n for n, lab in enumerate(label_names)}
    rows: list[int] = []
    cols: list[int] = []
    start = 0
    for ks in keys:
        for i, name in occurrences(ks, index):
            typ = types[name]
            begin, inside = col.get("B-" + typ), col.get("I-" + typ)
            if begin is None or (inside is None and len(name) > 1):
                continue  # a model that never saw the label (trained on a small sample)
            rows.append(start + i)
            cols.append(begin)
            for r in range(start + i + 1, start + i + len(name)):
                rows.append(r)
                cols.append(inside)
        start += len(ks)
    out = emissions.copy()
    if rows:
        np.add.at(out, (np.array(rows), np.array(cols)), bonus)
    return out


@lru_cache(maxsize=4)
def name_memory(min_ratio: float) -> tuple[dict[tuple[str, ...], str], NameIndex]:
    """The names of the package's name memory (``data/ner/names.tsv``,
    ``scripts/build_name_memory.py``) tagged in at least ``min_ratio`` of the places they
    occur in the corpus: name -> type, and the names by first word. Empty when the package
    ships no memory."""
    ref = resources.files("hadath.data").joinpath("ner/names.tsv")
    types: dict[tuple[str, ...], str] = {}
    if ref.is_file():
        for line in ref.read_text("utf-8").splitlines():
            if line.startswith("#") or not line:
                continue
            typ, name, tagged, seen = line.split("\t")
            if int(tagged) >= min_ratio * int(seen):
                types[tuple(name.split(" "))] = typ
    return types, index_names(types)


def boost_repeated_names(
    emissions: np.ndarray,
    sentences: Sequence[Sequence[Token]],
    keys: Sequence[Sequence[str]],
    labels: Sequence[str],
    label_names: Sequence[str],
    bonus: float,
) -> np.ndarray | None:
    """``emissions`` plus ``bonus`` at every occurrence of a name tagged somewhere in the
    document (``keys``: the sentences' ``sentence_keys``; ``labels``: the first decoding,
    the sentences one after the other), for the
    type it was tagged with most often; None when nothing was tagged."""
    found: dict[tuple[str, ...], Counter[str]] = {}
    start = 0
    for tokens, ks in zip(sentences, keys, strict=True):
        for i, j, typ in sorted(entities(labels[start : start + len(tokens)])):  # text order: a tie goes to the first
            if any(t.kind == "word" for t in tokens[i:j]):
                found.setdefault(tuple(ks[i:j]), Counter())[typ] += 1
        start += len(tokens)
    if not found:
        return None
    types = {name: c.most_common(1)[0][0] for name, c in found.items()}
    return add_name_bonus(emissions, keys, types, label_names, bonus)
