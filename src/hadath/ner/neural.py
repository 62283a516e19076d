"""A character-aware BiLSTM-CRF tagger, run with NumPy (no deep-learning library at run
time: training uses torch, ``hadath.ner.train_neural``; the weights ship as one ``.npz``).

Reads: the tokens of each sentence (the text layer's normalized form, stem and clitics)
and their gazetteer labels. Writes: BIO labels with each label's marginal probability,
as ``CRFTagger.tag_many`` does, so the NER stage takes either tagger.

A token's input is a word-type vector (embeddings of the word, its stem, its word clusters
at three granularities, a character CNN over the word, and small embeddings of its shape,
particles, enclitic and cue class; the corpus word vector when the model has them) and an
embedding of its gazetteer label. What a word type adds to the LSTM gates (its vector times
the input weights, the character convolution included) is computed once for all new types
of a batch and cached; the gazetteer label adds a row of a small table; all sentences of a
batch and both directions then advance together, one small product per position. Labels
are decoded by the compiled Viterbi / forward-backward of
``hadath.ner.decode`` with the learned transitions; the start and end scores are added to
the first and last token's emissions.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from hadath.errors import HadathError
from hadath.model import Token
from hadath.ner.decode import LinearChainCRF
from hadath.ner.features import NISBA, _shape, lookup_word, word_clusters
from hadath.ner.gazetteer import cues
from hadath.ner.model import Tagger

__all__ = ["CATEGORIES", "MAX_CHARS", "NeuralTagger", "Vocabulary", "word_categories"]

MAX_CHARS = 20
"""Characters of a word the character CNN reads (the first 10 and the last 10 of a longer
one)."""

CATEGORIES = ("shape", "cue", "prefix", "suffix", "article")
"""The small categorical inputs of a word type, in order (then the gazetteer label, which
belongs to the token)."""

_MAX_CACHED_WORDS = 100_000
"""Word types whose gate inputs are kept (8 x hidden floats: 2 KB each with 64 hidden
units) before the cache is emptied."""

VECTOR_SCALE = 127.0
"""The int8 corpus vectors in a model file are the unit vectors times this, rounded."""


def word_categories(norm: str, prefix: str, article: bool, suffix: str, kind: str, stem: str) -> tuple[str, ...]:
    """The values of ``CATEGORIES`` for a word."""
    art = ("al-nisba" if stem.endswith(NISBA) else "al") if article else "-"
    return (_shape(kind, norm), cues().of_word(norm, prefix) or "-", prefix or "-", suffix or "-", art)


def word_chars(norm: str) -> str:
    return norm if len(norm) <= MAX_CHARS else norm[: MAX_CHARS // 2] + norm[-MAX_CHARS // 2 :]


class Vocabulary:
    """String -> index tables of every input (index 0: unknown / padding)."""

    def __init__(self, tables: dict[str, Sequence[str]]) -> None:
        self.tables = {name: {s: i for i, s in enumerate(items)} for name, items in tables.items()}
        self.items = {name: list(items) for name, items in tables.items()}

    def index(self, name: str, value: str) -> int:
        return self.tables[name].get(value, 0)

    def size(self, name: str) -> int:
        return len(self.items[name])

    def encode_word(
        self, norm: str, stem: str, prefix: str, article: bool, suffix: str, kind: str
    ) -> tuple[int, int, int, tuple[int, ...], tuple[int, ...], tuple[int, ...]]:
        """A word type's indices: word, stem, corpus vector (0 without one), clusters,
        characters, categories."""
        t = self.tables
        c = word_clusters(norm, prefix) or ("", "", "")
        vec = t.get("vec")
        chars = t["char"]
        return (
            t["word"].get(norm, 0),
            t["stem"].get(stem, 0),
            (lookup_word(vec, norm, prefix) or 0) if vec else 0,
            (t["cluster0"].get(c[0], 0), t["cluster1"].get(c[1], 0), t["cluster2"].get(c[2], 0)),
            tuple([chars.get(ch, 0) for ch in word_chars(norm)]) or (0,),
            tuple(
                [
                    t[name].get(v, 0)
                    for name, v in zip(CATEGORIES, word_categories(norm, prefix, article, suffix, kind, stem))  # noqa: B905
                ]
            ),
        )


@lru_cache(maxsize=1)
def _blas() -> Any:
    from threadpoolctl import ThreadpoolController

    return ThreadpoolController()


def one_blas_thread() -> Any:
    """A context in which BLAS runs on one thread. The tagger's products are small (a few
    dozen sentences by 64 hidden units, position after position): spread over threads they
    ran three times slower (measured with a second process busy on the other core)."""
    return _blas().limit(limits=1, user_api="blas")


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 0.5 * (np.tanh(0.5 * x) + 1.0)


class NeuralTagger(Tagger):
    """BIO tagging with a BiLSTM-CRF model file (``.npz``) written by ``hadath train ner
    --neural``."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        if not self.path.exists():
            raise HadathError(f"NER model not found at {self.path}: train it with `hadath train ner --neural`")
        with np.load(self.path, allow_pickle=False) as z:
            w = {k: z[k] for k in z.files}
        self.config = json.loads(str(w.pop("config")))
        self.labels = [str(s) for s in w.pop("vocab.label")]
        self.vocab = Vocabulary({k[6:]: [str(s) for s in w.pop(k)] for k in list(w) if k.startswith("vocab.")})
        if "vec.int8" in w:  # int8 corpus vectors (``train_neural.quantize_vectors``)
            w["vec.weight"] = w.pop("vec.int8").astype(np.float32) / VECTOR_SCALE
        self.w = {k: v.astype(np.float32) for k, v in w.items()}
        self.hidden = self.w["lstm.weight_hh_l0"].shape[1]
        self.decoder = LinearChainCRF.from_transitions(self.labels, self.w["trans"])
        self._start = self.w["start"].astype(np.float64)
        self._end = self.w["end"].astype(np.float64)
        self._gz = self.w["gz.weight"]
        self._lock = threading.Lock()

        # the character CNN as tables: what each character adds to each filter at each
        # offset of the window (character embedding x kernel slice)
        conv_w = self.w["conv.weight"]  # filters x char dim x width
        self._width = conv_w.shape[2]
        self._char_tables = [self.w["char.weight"] @ conv_w[:, :, k].T for k in range(self._width)]
        # LSTM gates reordered i, f, o, g (torch: i, f, g, o): one sigmoid over three slices
        h = self.hidden
        order = np.r_[0 : 2 * h, 3 * h : 4 * h, 2 * h : 3 * h]
        for suffix in ("", "_reverse"):
            for name in ("weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0"):
                key = f"lstm.{name}{suffix}"
                self.w[key] = np.ascontiguousarray(self.w[key][order])
        # the LSTM input weights of both directions side by side, split into the word-type
        # part (cached per word type) and the gazetteer part (a table per label), biases
        # folded into the latter
        w_ih = np.concatenate([self.w["lstm.weight_ih_l0"], self.w["lstm.weight_ih_l0_reverse"]]).T
        gz_dim = self._gz.shape[1]
        self._w_word = np.ascontiguousarray(w_ih[:-gz_dim])
        bias = np.concatenate(
            [
                self.w["lstm.bias_ih_l0"] + self.w["lstm.bias_hh_l0"],
                self.w["lstm.bias_ih_l0_reverse"] + self.w["lstm.bias_hh_l0_reverse"],
            ]
        )
        self._gz_proj = self._gz @ w_ih[-gz_dim:] + bias
        self._projections: dict[tuple, np.ndarray] = {}
        self._w_hh = np.stack(
            [np.ascontiguousarray(self.w[f"lstm.weight_hh_l0{d}"].T) for d in ("", "_reverse")]
        )  # 2 x H x 4H

    def _project(self, keys: Sequence[tuple]) -> None:
        """Compute and cache the gate inputs of new word types, all at once."""
        emb = self.w
        codes = [self.vocab.encode_word(*k) for k in keys]
        cols = [emb["word.weight"][[c[0] for c in codes]], emb["stem.weight"][[c[1] for c in codes]]]
        if "vec.weight" in emb:
            cols.append(emb["vec.weight"][[c[2] for c in codes]])
        cols.extend(emb[f"cluster{i}.weight"][[c[3][i] for c in codes]] for i in range(3))
        cols.append(self._char_cnn([c[4] for c in codes]))
        cols.extend(emb[f"{name}.weight"][[c[5][i] for c in codes]] for i, name in enumerate(CATEGORIES))
        proj = np.concatenate(cols, axis=1) @ self._w_word
        cache = self._projections
        for k, row in zip(keys, proj, strict=True):
            cache[k] = row

    def _char_cnn(self, words: Sequence[tuple[int, ...]]) -> np.ndarray:
        """Per word: max over positions of the ReLU'd convolution of its characters (zero
        padding at both ends)."""
        lengths = np.array([len(w) for w in words])
        longest = int(lengths.max())
        pad = self._width // 2
        idx = np.zeros((len(words), longest), dtype=np.intp)
        for r, w in enumerate(words):
            idx[r, : len(w)] = w
        filters = self._char_tables[0].shape[1]
        conv = np.zeros((len(words), longest + 2 * pad, filters), dtype=np.float32)
        for k, table in enumerate(self._char_tables):  # output position p reads char p + k - pad
            conv[:, 2 * pad - k : 2 * pad - k + longest] += table[idx]
        conv = conv[:, pad : pad + longest]
        conv[np.arange(longest)[None, :] >= lengths[:, None]] = -np.inf
        return np.maximum(conv.max(axis=1) + self.w["conv.bias"], 0.0)

    def _lstm(self, grid: np.ndarray, ends: np.ndarray) -> np.ndarray:
        """Hidden states of both directions at once: ``grid`` is 2 x sentences x positions x
        4H (input products and biases; the second direction's sentences reversed; padding
        after each sentence's tokens), the sentences sorted longest first, ``ends`` their
        lengths. (One NumPy step per position for all sentences and both directions: a
        compiled loop per token was twice as slow, its exp and tanh being scalar calls.)"""
        _, b, t_max, _ = grid.shape
        h_size = self.hidden
        h = np.zeros((2, b, h_size), dtype=np.float32)
        c = np.zeros((2, b, h_size), dtype=np.float32)
        out = np.zeros((2, b, t_max, h_size), dtype=np.float32)
        w_hh = self._w_hh
        active = b
        for t in range(t_max):
            while active and ends[active - 1] <= t:  # the batch shrinks as sentences end
                active -= 1
            g = grid[:, :active, t] + np.matmul(h[:, :active], w_hh)
            ifo = _sigmoid(g[..., : 3 * h_size])
            i, f, o = ifo[..., :h_size], ifo[..., h_size : 2 * h_size], ifo[..., 2 * h_size :]
            c[:, :active] = f * c[:, :active] + i * np.tanh(g[..., 3 * h_size :])
            h[:, :active] = o * np.tanh(c[:, :active])
            out[:, :active, t] = h[:, :active]
        return out

    def emissions(self, sentences: Sequence[Sequence[Token]], gazetteer_labels: Sequence[Sequence[str]]) -> np.ndarray:
        """Label scores of every token of the (non-empty) sentences, one after the other
        (the start and end scores added to the first and last token's)."""
        with self._lock, one_blas_thread():
            return self._emissions(sentences, gazetteer_labels)

    def _emissions(self, sentences: Sequence[Sequence[Token]], gazetteer_labels: Sequence[Sequence[str]]) -> np.ndarray:
        lengths = np.array([len(s) for s in sentences], dtype=np.int64)
        n = int(lengths.sum())
        if len(self._projections) > _MAX_CACHED_WORDS:
            self._projections.clear()
        keys = [(t.norm, t.stem, t.prefix, t.article, t.suffix, t.kind) for s in sentences for t in s]
        cache = self._projections
        missing = [k for k in dict.fromkeys(keys) if k not in cache]
        if missing:
            self._project(missing)
        gz_index = self.vocab.tables["gz"]
        gz = np.fromiter((gz_index.get(g, 0) for labels in gazetteer_labels for g in labels), dtype=np.intp, count=n)
        proj = np.stack([cache[k] for k in keys])
        proj += self._gz_proj[gz]
        four_h = 4 * self.hidden
        w = self.w
        t_max = int(lengths.max())
        b = len(sentences)
        # positions of the tokens in a (sentences x positions) grid, forwards and reversed
        sent = np.repeat(np.arange(b), lengths)
        starts = np.cumsum(lengths) - lengths
        pos = np.arange(n) - np.repeat(starts, lengths)
        rev = np.repeat(lengths, lengths) - 1 - pos
        order = np.argsort(-lengths, kind="stable")  # longest first
        rank = np.empty(b, dtype=np.intp)
        rank[order] = np.arange(b)
        row = rank[sent]
        grid = np.zeros((2, b, t_max, four_h), dtype=np.float32)
        grid[0, row, pos] = proj[:, :four_h]
        grid[1, row, rev] = proj[:, four_h:]
        out = self._lstm(grid, lengths[order])
        h = np.concatenate([out[0, row, pos], out[1, row, rev]], axis=1)
        em = (h @ w["out.weight"].T + w["out.bias"]).astype(np.float64)
        em[starts] += self._start
        em[starts + lengths - 1] += self._end
        return em
