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
from hadath.ner.features import sentence_features

__all__ = ["MODEL_RESOURCE", "CRFTagger", "default_tagger"]

log = logging.getLogger(__name__)

MODEL_RESOURCE = "ner/crf.model"


class CRFTagger:
    """BIO tagging with a python-crfsuite model file."""

    def __init__(self, path: str | Path) -> None:
        import pycrfsuite

        self.path = Path(path)
        if not self.path.exists():
            raise HadathError(
                f"NER model not found at {self.path}: train it with `hadath train ner` (see hadath/data/README.md)"
            )
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(self.path))
        self._lock = threading.Lock()  # a crfsuite Tagger is not thread-safe

    def tag(self, tokens: Sequence[Token]) -> list[str]:
        if not tokens:
            return []
        feats = sentence_features(tokens)
        with self._lock:
            return list(self._tagger.tag(feats))

    def marginals(self, tokens: Sequence[Token], labels: Sequence[str]) -> list[float]:
        """Marginal probability of each token's label (call right after ``tag``)."""
        with self._lock:
            return [self._tagger.marginal(lab, i) for i, lab in enumerate(labels)]


@lru_cache(maxsize=1)
def default_tagger() -> CRFTagger:
    """The shipped model (loaded on first use)."""
    ref = resources.files("hadath.data").joinpath(MODEL_RESOURCE)
    with resources.as_file(ref) as path:
        log.info("loading NER model %s", path)
        return CRFTagger(path)
