"""The NER taggers, loaded lazily, once, from the model files shipped in the package.

Reads: tokens of sentences (and their gazetteer labels). Writes: BIO labels (PERS, LOC,
ORG, MISC) with each label's marginal probability.

Three taggers share one decoding path (``tag_with``): ``CRFTagger`` (a python-crfsuite
model), ``NeuralTagger`` (a BiLSTM-CRF, ``hadath.ner.neural``) and ``EnsembleTagger``,
which adds the two models' label scores (a product of experts: the CRF's emission and
transition scores, weighted, plus the BiLSTM-CRF's) and decodes the sum. Each scores a
batch of sentences with ``emissions`` and decodes with its ``decoder``.
"""

from __future__ import annotations

import json
import logging
import os
import threading
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from hadath.errors import HadathError
from hadath.model import Token
from hadath.ner.consistency import add_name_bonus, boost_repeated_names, name_memory, sentence_keys
from hadath.ner.decode import LinearChainCRF, stored_model
from hadath.ner.features import OFFSETS, sentence_windows

__all__ = [
    "DEFAULT_MODEL",
    "MODELS",
    "CRFTagger",
    "EnsembleTagger",
    "Tagger",
    "default_tagger",
    "load_tagger",
    "model_name",
    "named_tagger",
    "tag_with",
]

log = logging.getLogger(__name__)

MODELS = {"crf": "ner/crf.model", "neural": "ner/bilstm.npz", "ensemble": "ner/ensemble.json"}
"""The shipped NER models by name: the CRF, the BiLSTM-CRF, and their ensemble (a manifest
naming both and the CRF's weight)."""

DEFAULT_MODEL = "crf"
"""The model the NER stage runs unless ``$HADATH_NER_MODEL`` names another (a name of
``MODELS`` or a model file). The CRF: the most accurate models (``neural``, ``ensemble``:
test F1 0.720 and 0.731 against 0.711) take the NER stage from about 5 to 7–11 ms per
document, and the pipeline below its 100 documents/s on one core."""


def model_name() -> str:
    """The NER model in use: ``$HADATH_NER_MODEL`` or ``DEFAULT_MODEL``."""
    return os.environ.get("HADATH_NER_MODEL") or DEFAULT_MODEL


def tag_with(
    tagger: Tagger,
    sentences: Sequence[Sequence[Token]],
    gazetteer_labels: Sequence[Sequence[str]] | None = None,
    marginals: bool = True,
) -> list[tuple[list[str], list[float]]]:
    """Labels of every sentence with each label's marginal probability (``marginals=False``:
    zeros); empty sentences get empty lists. The sentences are one document: with a
    ``doc_bonus``, a name tagged in one of them is favoured, with the same type, wherever
    else it occurs; with a ``memory_bonus``, so are the names of the name memory
    (``hadath.ner.consistency``)."""
    if gazetteer_labels is None:
        from hadath.ner.gazetteer import gazetteer

        gazetteer_labels = [gazetteer().match(s) for s in sentences]
    kept = [(s, g) for s, g in zip(sentences, gazetteer_labels, strict=True) if s]
    labels: list[str] = []
    probs: list[float] = []
    if kept:
        sents = [s for s, _ in kept]
        lengths = [len(s) for s in sents]
        em = tagger.emissions(sents, [g for _, g in kept])
        keys = [sentence_keys(s) for s in sents] if tagger.memory_bonus or tagger.doc_bonus else []
        if tagger.memory_bonus:
            types, index = name_memory(tagger.memory_min_ratio)
            em = add_name_bonus(em, keys, types, tagger.labels, tagger.memory_bonus, index)
        if tagger.doc_bonus:
            first, _ = tagger.decoder.decode(em, lengths, marginals=False)
            boosted = boost_repeated_names(em, sents, keys, first, tagger.labels, tagger.doc_bonus)
            if boosted is not None:
                em = boosted
        labels, probs = tagger.decoder.decode(em, lengths, marginals=marginals)
    out = []
    start = 0
    for s in sentences:
        out.append((labels[start : start + len(s)], probs[start : start + len(s)]))
        start += len(s)
    return out


class Tagger:
    """What the NER stage needs of a model: ``emissions``, the label scores of a batch of
    non-empty sentences (tokens x labels, the sentences one after the other), and a
    ``decoder``; ``tag_many`` and ``tag`` follow from them."""

    labels: list[str]
    decoder: LinearChainCRF
    doc_bonus: float = 0.0
    """Score added to the other occurrences of a name tagged in the same document
    (``hadath.ner.consistency``; 0: each sentence alone). Chosen on the dev split by
    ``hadath train ner`` and read from the model's manifest."""
    memory_bonus: float = 0.0
    """Score added to the names of the package's name memory (``hadath.ner.consistency.
    name_memory``) tagged in at least ``memory_min_ratio`` of their occurrences in the
    corpus (0: none). From the model's manifest, like ``doc_bonus``."""
    memory_min_ratio: float = 0.5

    def emissions(self, sentences: Sequence[Sequence[Token]], gazetteer_labels: Sequence[Sequence[str]]) -> np.ndarray:
        raise NotImplementedError

    def tag_many(
        self,
        sentences: Sequence[Sequence[Token]],
        gazetteer_labels: Sequence[Sequence[str]] | None = None,
        marginals: bool = True,
    ) -> list[tuple[list[str], list[float]]]:
        """Labels of every sentence with each label's marginal probability."""
        return tag_with(self, sentences, gazetteer_labels, marginals)

    def tag(self, tokens: Sequence[Token]) -> list[str]:
        """Labels of one sentence."""
        return self.tag_many([tokens], marginals=False)[0][0]


class CRFTagger(Tagger):
    """BIO tagging with a python-crfsuite model file, decoded by ``LinearChainCRF``
    (crfsuite's own labels and marginals, many sentences at a time)."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        if not stored_model(self.path).exists():
            raise HadathError(
                f"NER model not found at {self.path}: train it with `hadath train ner` (see hadath/data/README.md)"
            )
        self.decoder = LinearChainCRF.from_crfsuite(self.path)
        self.labels = self.decoder.labels
        self._lock = threading.Lock()  # the group cache is shared

    def emissions(self, sentences: Sequence[Sequence[Token]], gazetteer_labels: Sequence[Sequence[str]]) -> np.ndarray:
        windows = [sentence_windows(tokens, g) for tokens, g in zip(sentences, gazetteer_labels, strict=True)]
        with self._lock:
            return self.decoder.emissions(windows, OFFSETS)


class EnsembleTagger(Tagger):
    """The sum of a CRF's scores (times ``crf_weight``) and a BiLSTM-CRF's, decoded as one
    linear-chain model."""

    def __init__(self, crf: CRFTagger, neural: Tagger, crf_weight: float) -> None:
        self.crf, self.neural, self.crf_weight = crf, neural, crf_weight
        self.labels = list(neural.labels)
        if set(crf.labels) != set(self.labels):
            raise HadathError(f"ensemble: the models' labels differ ({crf.labels} vs {self.labels})")
        self._order = np.array([crf.labels.index(lab) for lab in self.labels])
        crf_trans = crf.decoder.transitions[np.ix_(self._order, self._order)]
        self.decoder = LinearChainCRF.from_transitions(self.labels, neural.decoder.transitions + crf_weight * crf_trans)

    def emissions(self, sentences: Sequence[Sequence[Token]], gazetteer_labels: Sequence[Sequence[str]]) -> np.ndarray:
        em = self.neural.emissions(sentences, gazetteer_labels)
        em += self.crf_weight * self.crf.emissions(sentences, gazetteer_labels)[:, self._order]
        return em


def load_tagger(path: str | Path) -> Tagger:
    """The tagger of a model file: a manifest naming an ensemble (``.json``), a BiLSTM-CRF
    (``.npz``) or a crfsuite CRF (anything else). Its bonuses (``doc_bonus``,
    ``memory_bonus``) come from the manifest (the ensemble's, or the ``.json`` beside the
    model file; none without one)."""
    path = Path(path)
    tagger: Tagger
    if path.suffix == ".json":
        if not path.exists():
            raise HadathError(f"NER model manifest not found at {path}")
        spec = json.loads(path.read_text("utf-8"))
        parts = {k: load_tagger(path.parent / spec[k]) for k in ("crf", "neural") if spec.get(k)}
        if len(parts) == 1:
            [part] = parts.values()
            return _with_bonuses(part, spec) if "doc_bonus" in spec else part  # bonuses tuned for that model
        crf = parts["crf"]
        if not isinstance(crf, CRFTagger):
            raise HadathError(f"{path}: 'crf' must name a crfsuite model")
        tagger = EnsembleTagger(crf, parts["neural"], float(spec["crf_weight"]))
        return _with_bonuses(tagger, spec)
    if path.suffix == ".npz":
        from hadath.ner.neural import NeuralTagger

        tagger = NeuralTagger(path)
    else:
        tagger = CRFTagger(path)
    manifest = path.with_suffix(".json")
    return _with_bonuses(tagger, json.loads(manifest.read_text("utf-8")) if manifest.is_file() else {})


def _with_bonuses(tagger: Tagger, spec: dict[str, Any]) -> Tagger:
    """``tagger`` with the bonuses its manifest chose (none when it names none)."""
    tagger.doc_bonus = float(spec.get("doc_bonus") or 0.0)
    tagger.memory_bonus = float(spec.get("memory_bonus") or 0.0)
    tagger.memory_min_ratio = float(spec.get("memory_min_ratio") or Tagger.memory_min_ratio)
    return tagger


def default_tagger() -> Tagger:
    """The tagger of the model in use (``model_name()``), loaded on first use."""
    return named_tagger(model_name())


@lru_cache(maxsize=8)
def named_tagger(name: str) -> Tagger:
    """A shipped model by name (``MODELS``), or a model file (loaded once)."""
    if name not in MODELS:
        if not Path(name).exists():
            raise HadathError(f"NER model {name!r}: neither one of {sorted(MODELS)} nor a model file")
        return load_tagger(name)
    ref = resources.files("hadath.data").joinpath(MODELS[name])
    with resources.as_file(ref) as path:
        log.info("loading NER model %s", path)
        return load_tagger(path)
