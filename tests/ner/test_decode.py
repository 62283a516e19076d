"""The NumPy/numba decoder gives exactly what python-crfsuite gives for the same model."""

from __future__ import annotations

import functools
import lzma
from pathlib import Path

import pycrfsuite
import pytest

from hadath.ingest import iter_inputs
from hadath.model import Token
from hadath.ner import decode as decode_module
from hadath.ner.conll import words_to_tokens
from hadath.ner.decode import stored_model
from hadath.ner.features import OFFSETS, sentence_features, sentence_windows
from hadath.ner.model import CRFTagger
from hadath.pipeline import analyze

from ..conftest import ROOT, SEED_FILES

MODEL = ROOT / "src" / "hadath" / "data" / "ner" / "crf.model"


def _sentences() -> list[list[Token]]:
    """Real sentences: the seeds' and the events gold texts'."""
    paths = [*SEED_FILES, *sorted((ROOT / "tests" / "events" / "gold").glob("*.txt"))]
    out = []
    for doc in iter_inputs(paths):
        d = analyze(doc)
        out.extend(d.tokens[s.token_start : s.token_end] for s in d.sentences)
    return [s for s in out if s]


@pytest.fixture(scope="module")
def sentences() -> list[list[Token]]:
    return _sentences()


_KEEP: list[bytes] = []  # crfsuite reads an in-memory model in place


@functools.lru_cache(maxsize=1)
def _crfsuite() -> pycrfsuite.Tagger:
    tagger = pycrfsuite.Tagger()
    stored = stored_model(MODEL)
    if stored.suffix == ".xz":  # the package stores the model compressed
        _KEEP.append(lzma.decompress(stored.read_bytes()))
        tagger.open_inmemory(_KEEP[-1])
    else:
        tagger.open(str(stored))
    return tagger


def _reference(tokens: list[Token]) -> tuple[list[str], list[float]]:
    """python-crfsuite's labels and marginals."""
    tagger = _crfsuite()
    labels = tagger.tag(sentence_features(tokens))
    return list(labels), [tagger.marginal(lab, i) for i, lab in enumerate(labels)]


def test_labels_and_marginals_are_crfsuite_s(sentences: list[list[Token]]) -> None:
    assert len(sentences) > 20
    fast = CRFTagger(MODEL)
    for (labels, probs), tokens in zip(fast.tag_many(sentences), sentences, strict=True):
        ref_labels, ref_probs = _reference(tokens)
        assert labels == ref_labels
        assert probs == pytest.approx(ref_probs, abs=1e-5)


def test_one_batch_is_sentence_by_sentence(sentences: list[list[Token]]) -> None:
    fast = CRFTagger(MODEL)
    assert fast.tag_many(sentences) == [fast.tag_many([s])[0] for s in sentences]


def test_short_and_empty_sentences() -> None:
    fast = CRFTagger(MODEL)
    one = words_to_tokens(["الجزائر"])
    two = words_to_tokens(["في", "باماكو"])
    out = fast.tag_many([one, [], two, one])
    assert [len(lab) for lab, _ in out] == [1, 0, 2, 1]
    assert out[0] == out[3]
    assert out[0][0] == _reference(one)[0]
    assert out[2][0] == _reference(two)[0]
    assert all(0.0 <= p <= 1.0 for _, probs in out for p in probs)
    assert fast.tag_many([]) == []


def test_emptied_cache_gives_the_same_scores(sentences: list[list[Token]], monkeypatch: pytest.MonkeyPatch) -> None:
    fast = CRFTagger(MODEL)
    before = fast.tag_many(sentences)
    monkeypatch.setattr(decode_module, "_MAX_CACHED_WORDS", 10)  # empties it at every call
    assert [fast.tag_many([s])[0] for s in sentences[:30]] == before[:30]


def test_training_features_are_the_decoder_s(sentences: list[list[Token]]) -> None:
    """``sentence_features`` (training) flattens exactly what the decoder sums."""
    tokens = sentences[0]
    words, extras = sentence_windows(tokens)
    feats = sentence_features(tokens)
    n = len(tokens)
    for i in range(n):
        expected = list(words[i][1])
        for slot, d in enumerate(OFFSETS, 2):
            if 0 <= i + d < n:
                expected.extend(words[i + d][slot])
        expected.extend(c[i] for c in extras if c[i] is not None)
        assert sorted(feats[i]) == sorted(expected)
    assert feats[0].count("BOS") == 1 and feats[-1].count("EOS") == 1


def test_missing_model_is_a_clear_error(tmp_path: Path) -> None:
    from hadath.errors import HadathError

    with pytest.raises(HadathError, match="hadath train ner"):
        CRFTagger(tmp_path / "none.model")


def test_a_model_is_read_from_its_xz_copy(tmp_path: Path) -> None:
    import shutil

    stored = stored_model(MODEL)
    raw = lzma.decompress(stored.read_bytes()) if stored.suffix == ".xz" else stored.read_bytes()
    (tmp_path / "crf.model").write_bytes(raw)
    shutil.copy(stored, tmp_path / "copy.model.xz") if stored.suffix == ".xz" else (
        tmp_path / "copy.model.xz"
    ).write_bytes(lzma.compress(raw))
    assert stored_model(tmp_path / "copy.model") == tmp_path / "copy.model.xz"
    assert stored_model(tmp_path / "crf.model") == tmp_path / "crf.model"
    plain, packed = CRFTagger(tmp_path / "crf.model"), CRFTagger(tmp_path / "copy.model")
    assert plain.labels == packed.labels
    assert (plain.decoder.transitions == packed.decoder.transitions).all()
