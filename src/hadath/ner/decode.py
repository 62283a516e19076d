"""Fast inference with a trained linear-chain CRF: the python-crfsuite model's weights,
scored from cached feature groups and decoded by compiled code, many sentences at once.

Reads: the features of each sentence (``hadath.ner.features.sentence_windows``: every
token's own features and what it shows its neighbours, and the features of one position
such as bigrams). Writes: the Viterbi labels of every sentence and each token's marginal
probability of its label — the same labels and marginals ``pycrfsuite.Tagger`` gives
(tested), without turning thousands of feature strings into crfsuite attributes for
every sentence.

Why it is fast: a CRF's emission score is a sum of the weights of the token's features.
The features come in groups that recur word after word (all the features of one word type;
what a word shows its neighbour on the left ...), so the weight vector of a group is
summed once and cached as a row of a table; a document's emission scores are then a few
NumPy gathers over row indices, shifted by the neighbour offsets. Viterbi and
forward-backward are compiled (numba) and run over all the sentences of a document in one
call.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from itertools import repeat
from pathlib import Path

import numpy as np
from numba import njit

__all__ = ["LinearChainCRF", "stored_model"]

_MAX_CACHED_WORDS = 400_000
"""Cached word types before the cache is emptied (the feature cache keeps 262,144; stale
ones stay here until the reset): at five rows of nine weights each, the table stays under
about 150 MB in long runs."""


def stored_model(path: str | Path) -> Path:
    """A crfsuite model file as stored: ``path`` itself, or its xz-compressed copy
    ``path.xz`` when only that exists."""
    path = Path(path)
    packed = path.with_name(path.name + ".xz")
    return packed if not path.exists() and packed.exists() else path


class LinearChainCRF:
    """Weights of a crfsuite model, ready for batched decoding."""

    def __init__(self, labels: Sequence[str], state: dict[tuple[str, str], float], trans: dict[tuple[str, str], float]):
        self.labels = list(labels)
        index = {lab: i for i, lab in enumerate(self.labels)}
        n = len(self.labels)
        attrs: dict[str, np.ndarray] = {}
        for (attr, lab), w in state.items():
            vec = attrs.get(attr)
            if vec is None:
                vec = attrs[attr] = np.zeros(n)
            vec[index[lab]] = w
        self._attr_vectors = attrs
        self.transitions = np.zeros((n, n))
        for (a, b), w in trans.items():
            self.transitions[index[a], index[b]] = w
        self._exp_transitions = np.exp(self.transitions)
        self._reset()

    @classmethod
    def from_crfsuite(cls, path: str | Path) -> LinearChainCRF:
        """Read a python-crfsuite model file, or its xz-compressed copy (``crf.model.xz``:
        the shipped model is stored so; read in memory, nothing is written)."""
        import pycrfsuite

        tagger = pycrfsuite.Tagger()
        path = stored_model(path)
        if path.suffix == ".xz":
            import lzma

            data = lzma.decompress(path.read_bytes())  # crfsuite reads it in place: keep it alive
            tagger.open_inmemory(data)
        else:
            tagger.open(str(path))
        info = tagger.info()
        labels = sorted(info.labels, key=lambda lab: int(info.labels[lab]))
        return cls(labels, info.state_features, info.transitions)

    @classmethod
    def from_transitions(cls, labels: Sequence[str], transitions: np.ndarray) -> LinearChainCRF:
        """A decoder for emission scores computed elsewhere (no state features)."""
        crf = cls(labels, {}, {})
        crf.transitions = np.asarray(transitions, dtype=np.float64)
        crf._exp_transitions = np.exp(crf.transitions)
        return crf

    # -- emission scores -------------------------------------------------------------------

    def _reset(self) -> None:
        """Forget the cached groups; keep a row for every attribute of the model."""
        n_attr = len(self._attr_vectors)
        self._attr_rows = {attr: k for k, attr in enumerate(self._attr_vectors, 1)}
        self._table = np.zeros((max(1024, 2 * (n_attr + 1)), len(self.labels)))
        if n_attr:
            self._table[1 : n_attr + 1] = np.stack(list(self._attr_vectors.values()))
        self._used = n_attr + 1  # row 0: the zero vector (groups of unknown features)
        self._rows: dict[Hashable, int] = {}

    def _add_rows(self, groups: list[tuple[str, ...]]) -> int:
        """New consecutive table rows holding each group's summed attribute weights (all at
        once); returns the first."""
        attr_rows = self._attr_rows
        flat: list[int] = []
        seg: list[int] = []
        for g in groups:
            seg.append(len(flat))
            flat.extend([r for r in map(attr_rows.get, g) if r is not None] or [0])
        first = self._used
        need = first + len(groups)
        if need > len(self._table):
            grown = np.zeros((max(need, 2 * len(self._table)), len(self.labels)))
            grown[:first] = self._table[:first]
            self._table = grown
        if groups:
            self._table[first:need] = np.add.reduceat(self._table[flat], seg, axis=0)
        self._used = need
        return first

    def emissions(
        self,
        sentences: Sequence[tuple[Sequence[tuple], Sequence[Sequence[str | None]]]],
        offsets: Sequence[int],
    ) -> np.ndarray:
        """Emission scores (tokens x labels) of consecutive sentences.

        Each sentence is ``(words, extras)`` as ``hadath.ner.features.sentence_windows``
        makes them: per token ``(key, own features, shown at offsets[0], ...)`` — a token's
        score sums its own features and what the tokens of the same sentence at each
        offset show it — and lists of one feature (or ``None``) per token, for features
        of a position. The weights of a word's groups are summed once and cached, in
        consecutive rows, under its key.
        """
        if len(self._rows) > _MAX_CACHED_WORDS:
            self._reset()
        rows = self._rows
        width = 1 + len(offsets)
        word_rows: list[int] = []
        sid: list[int] = []
        columns: list[list[str | None]] = []
        missing: dict[int, list[int]] = {}
        missing_groups: list[tuple[str, ...]] = []
        for s_i, (words, extras) in enumerate(sentences):
            for w in words:
                r = rows.get(w[0])
                if r is None:
                    waiting = missing.get(w[0])
                    if waiting is None:
                        waiting = missing[w[0]] = []
                        missing_groups.extend(w[1:])
                    waiting.append(len(word_rows))
                    r = 0
                word_rows.append(r)
            sid.extend([s_i] * len(words))
            for c, column in enumerate(extras):
                if c == len(columns):
                    columns.append([])
                columns[c].extend(column)
        n = len(word_rows)
        if not n:
            return np.zeros((0, len(self.labels)))
        if missing:
            first = self._add_rows(missing_groups)
            for k, (key, waiting) in enumerate(missing.items()):
                r = rows[key] = first + k * width
                for pos in waiting:
                    word_rows[pos] = r
        table = self._table
        r0 = np.array(word_rows, dtype=np.intp)  # a word's groups: rows r0, r0 + 1, ...
        sids = np.array(sid)
        em = table[r0]
        for slot, d in enumerate(offsets, 1):
            if n <= abs(d):
                continue
            if d > 0:  # token i sees token i + d
                em[: n - d] += table[np.where(sids[: n - d] == sids[d:], r0[d:] + slot, 0)]
            else:
                em[-d:] += table[np.where(sids[-d:] == sids[: n + d], r0[: n + d] + slot, 0)]
        get = self._attr_rows.get
        for column in columns:
            em += table[np.fromiter(map(get, column, repeat(0)), dtype=np.intp, count=n)]
        return em

    # -- decoding --------------------------------------------------------------------------

    def decode(
        self, emissions: np.ndarray, lengths: Sequence[int], marginals: bool = True
    ) -> tuple[list[str], list[float]]:
        """Viterbi labels of consecutive sentences (``emissions``: tokens x labels, the
        sentences one after the other, ``lengths`` tokens each), with the marginal
        probability of each chosen label (``marginals=False``: zeros)."""
        if not len(emissions):
            return [], []
        best, prob = _viterbi_marginals(
            np.ascontiguousarray(emissions, dtype=np.float64),
            np.asarray(lengths, dtype=np.int64),
            self.transitions,
            self._exp_transitions,
            marginals,
        )
        labels = self.labels
        return [labels[y] for y in best.tolist()], prob.tolist()


def _compiled(fn):  # type: ignore[no-untyped-def]
    """``fn`` compiled by numba, its machine code cached on disk when a cache directory is
    writable (the package's, or numba's user-wide one), else compiled in every process."""
    try:
        return njit(cache=True, nogil=True)(fn)
    except RuntimeError:  # "cannot cache ...: no locator available"
        return njit(nogil=True)(fn)


@_compiled
def _viterbi_marginals(em, lengths, trans, exp_trans, want_marginals):  # pragma: no cover - compiled
    n_tok, n_lab = em.shape
    best = np.zeros(n_tok, dtype=np.int64)
    prob = np.zeros(n_tok)
    back = np.zeros((n_tok, n_lab), dtype=np.int64)
    delta = np.empty(n_lab)
    new = np.empty(n_lab)
    alpha = np.empty((n_tok, n_lab))
    beta = np.empty((n_tok, n_lab))
    p = np.empty((n_tok, n_lab))
    s0 = 0
    for length in lengths:
        s1 = s0 + length
        # Viterbi
        for j in range(n_lab):
            delta[j] = em[s0, j]
        for t in range(s0 + 1, s1):
            for j in range(n_lab):
                arg = 0
                top = delta[0] + trans[0, j]
                for i in range(1, n_lab):
                    v = delta[i] + trans[i, j]
                    if v > top:
                        top, arg = v, i
                new[j] = top + em[t, j]
                back[t, j] = arg
            for j in range(n_lab):
                delta[j] = new[j]
        y = 0
        for j in range(1, n_lab):
            if delta[j] > delta[y]:
                y = j
        best[s1 - 1] = y
        for t in range(s1 - 1, s0, -1):
            y = back[t, y]
            best[t - 1] = y
        if not want_marginals:
            s0 = s1
            continue
        # forward-backward, scaled at every position
        for t in range(s0, s1):
            top = em[t, 0]
            for j in range(1, n_lab):
                top = max(top, em[t, j])
            for j in range(n_lab):
                p[t, j] = np.exp(em[t, j] - top)
        z = 0.0
        for j in range(n_lab):
            alpha[s0, j] = p[s0, j]
            z += p[s0, j]
        for j in range(n_lab):
            alpha[s0, j] /= z
        for t in range(s0 + 1, s1):
            z = 0.0
            for j in range(n_lab):
                a = 0.0
                for i in range(n_lab):
                    a += alpha[t - 1, i] * exp_trans[i, j]
                a *= p[t, j]
                alpha[t, j] = a
                z += a
            for j in range(n_lab):
                alpha[t, j] /= z
        for j in range(n_lab):
            beta[s1 - 1, j] = 1.0
        for t in range(s1 - 2, s0 - 1, -1):
            z = 0.0
            for i in range(n_lab):
                b = 0.0
                for j in range(n_lab):
                    b += exp_trans[i, j] * p[t + 1, j] * beta[t + 1, j]
                beta[t, i] = b
                z += b
            for i in range(n_lab):
                beta[t, i] /= z
        for t in range(s0, s1):
            z = 0.0
            for j in range(n_lab):
                z += alpha[t, j] * beta[t, j]
            prob[t] = alpha[t, best[t]] * beta[t, best[t]] / z
        s0 = s1
    return best, prob
