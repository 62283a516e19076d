"""The CRF tagger: loaded lazily, once, from the model file shipped in the package.

Reads: tokens of one sentence. Writes: BIO labels (PERS, LOC, ORG, MISC).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from pathlib import Path

from hadath.errors import HadathError
from hadath.model import Token
from hadath.ner.decode import LinearChainCRF
from hadath.ner.features import OFFSETS, sentence_windows

__all__ = ["MODEL_RESOURCE", "CRFTagger", "default_tagger"]

log = logging.getLogger(__name__)

MODEL_RESOURCE = "ner/crf.model"


class CRFTagger:
    """BIO tagging with a python-crfsuite model file, decoded by ``LinearChainCRF``
    (crfsuite's own labels and marginals, many sentences at a time)."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        if not self.path.exists():
            raise HadathError(
                f"NER model not found at {self.path}: train it with `hadath train ner` (see hadath/data/README.md)"
            )
        self._crf = LinearChainCRF.from_crfsuite(self.path)
        self._lock = threading.Lock()  # the group cache is shared

    def tag_many(
        self,
        sentences: Sequence[Sequence[Token]],
        gazetteer_labels: Sequence[Sequence[str]] | None = None,
        marginals: bool = True,
    ) -> list[tuple[list[str], list[float]]]:
        """Labels of every sentence with each label's marginal probability."""
        gz = gazetteer_labels or [None] * len(sentences)
        windows = [sentence_windows(tokens, g) for tokens, g in zip(sentences, gz, strict=True) if tokens]
        lengths = [len(tokens) for tokens in sentences]
        with self._lock:
            em = self._crf.emissions(windows, OFFSETS)
        labels, probs = self._crf.decode(em, [n for n in lengths if n], marginals=marginals)
        out = []
        start = 0
        for n in lengths:
            out.append((labels[start : start + n], probs[start : start + n]))
            start += n
        return out

    def tag(self, tokens: Sequence[Token]) -> list[str]:
        """Labels of one sentence."""
        return self.tag_many([tokens], marginals=False)[0][0]


@lru_cache(maxsize=1)
def default_tagger() -> CRFTagger:
    """The shipped model (loaded on first use)."""
    ref = resources.files("hadath.data").joinpath(MODEL_RESOURCE)
    with resources.as_file(ref) as path:
        log.info("loading NER model %s", path)
        return CRFTagger(path)
