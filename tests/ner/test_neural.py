"""The BiLSTM-CRF run with NumPy, and the ensemble with the CRF."""

from __future__ import annotations

import json
import random
from pathlib import Path

import numpy as np
import pytest

from hadath.errors import HadathError
from hadath.model import Document, Token
from hadath.ner.conll import words_to_tokens
from hadath.ner.gazetteer import gazetteer
from hadath.ner.model import DEFAULT_MODEL, CRFTagger, EnsembleTagger, default_tagger, load_tagger, named_tagger
from hadath.ner.neural import NeuralTagger
from hadath.pipeline import analyze

from ..conftest import ROOT
from .test_decode import _sentences

DATA = ROOT / "src" / "hadath" / "data" / "ner"


@pytest.fixture(scope="module")
def sentences() -> list[list[Token]]:
    return _sentences()


@pytest.fixture(scope="module")
def neural() -> NeuralTagger:
    return NeuralTagger(DATA / "bilstm.npz")


def test_shipped_models_by_name(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    spec = json.loads((DATA / "ensemble.json").read_text("utf-8"))
    assert spec["crf"] == "crf.model" and spec["neural"] == "bilstm.npz" and spec["crf_weight"] > 0
    ensemble = named_tagger("ensemble")
    assert isinstance(ensemble, EnsembleTagger) and ensemble.crf_weight == spec["crf_weight"]
    assert isinstance(named_tagger("neural"), NeuralTagger)
    assert isinstance(named_tagger("crf"), CRFTagger)
    monkeypatch.delenv("HADATH_NER_MODEL", raising=False)
    assert default_tagger() is named_tagger(DEFAULT_MODEL)
    monkeypatch.setenv("HADATH_NER_MODEL", "ensemble")
    assert default_tagger() is ensemble
    monkeypatch.setenv("HADATH_NER_MODEL", "no-such-model")
    with pytest.raises(HadathError, match="neither one of"):
        default_tagger()


def test_stage_runs_the_model_in_use(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    text = "زار الرئيس عبد العزيز بوتفليقة مدينة باماكو."
    for name in ("crf", "neural", "ensemble"):
        monkeypatch.setenv("HADATH_NER_MODEL", name)
        doc = analyze(Document(text=text))
        found = {(m.text, m.type) for m in doc.mentions if m.source.startswith("ner")}
        assert ("باماكو", "LOC") in found, name


def test_batch_is_sentence_by_sentence(neural: NeuralTagger, sentences: list[list[Token]]) -> None:
    batch = neural.tag_many(sentences)
    assert batch == [neural.tag_many([s])[0] for s in sentences] or all(
        a[0] == b[0] and a[1] == pytest.approx(b[1], abs=1e-5)
        for a, b in zip(batch, [neural.tag_many([s])[0] for s in sentences], strict=True)
    )
    for labels, probs in batch:
        assert all(0.0 <= p <= 1.0 + 1e-9 for p in probs)
        assert all(lab == "O" or lab[:2] in ("B-", "I-") for lab in labels)


def test_empty_and_one_token_sentences(neural: NeuralTagger) -> None:
    one = words_to_tokens(["الجزائر"])
    out = neural.tag_many([[], one, []])
    assert out[0] == ([], []) and out[2] == ([], [])
    assert out[1][0] == ["B-LOC"]
    assert neural.tag_many([]) == []
    words = ["زار", "الرئيس", "عبد", "العزيز", "بوتفليقة", "مدينة", "باماكو"]
    assert neural.tag(words_to_tokens(words)) == ["O", "O", "B-PERS", "I-PERS", "I-PERS", "O", "B-LOC"]


def test_cache_reset_changes_nothing(neural: NeuralTagger, sentences: list[list[Token]], monkeypatch) -> None:  # type: ignore[no-untyped-def]
    before = neural.tag_many(sentences[:30])
    monkeypatch.setattr("hadath.ner.neural._MAX_CACHED_WORDS", 10)
    assert [lab for lab, _ in neural.tag_many(sentences[:30])] == [lab for lab, _ in before]


def test_ensemble_weight_zero_is_the_neural_model(neural: NeuralTagger, sentences: list[list[Token]]) -> None:
    crf = CRFTagger(DATA / "crf.model")
    alone = [lab for lab, _ in neural.tag_many(sentences)]
    assert [lab for lab, _ in EnsembleTagger(crf, neural, 0.0).tag_many(sentences)] == alone
    mixed = EnsembleTagger(crf, neural, 0.75).tag_many(sentences)
    assert len(mixed) == len(sentences)


def test_missing_model_files_are_clear_errors(tmp_path: Path) -> None:
    with pytest.raises(HadathError, match="not found"):
        load_tagger(tmp_path / "none.npz")
    with pytest.raises(HadathError, match="not found"):
        load_tagger(tmp_path / "none.json")


def test_numpy_inference_is_torch_s(tmp_path: Path) -> None:
    """Random weights through the training code's torch network and through the NumPy
    tagger give the same label scores (needs the training extra: torch)."""
    torch = pytest.importorskip("torch")
    from hadath.ner import train_neural as tn

    cfg = tn.NeuralConfig(hidden=16, char_filters=8)
    fit = []  # the seeds' sentences, tagged with their gazetteer matches
    for tokens in _sentences()[:80]:
        tags = [g.replace("_MINOR", "") for g in gazetteer().match(tokens)]
        fit.append(([t.text for t in tokens], [*tags[:-1], "B-MISC"]))
    prepared = tn._prepare(fit)
    vectors = (["الجزائر", "مالي", "في"], np.eye(3, 12, dtype=np.float32))
    vocab = tn._build_vocab([tn._raw(t, g) for t, g, _ in prepared], [t for _, t in fit], cfg, vectors)
    torch.manual_seed(0)
    net = tn._model(vocab, cfg, vectors[1])
    with torch.no_grad():
        for name, p in net.named_parameters():
            if name != "vec.weight":  # as stored: half precision
                p.copy_(p.normal_(std=0.3).half().float())
        net.char.weight[0] = 0  # the padding character
    net.eval()
    tn._save(net, vocab, cfg, tmp_path / "m.npz")
    test = tn._prepare([(words, tags) for words, tags in fit[:40] if words])
    rows = tn._encode(vocab, test)
    with torch.no_grad():
        em = net.emissions(tn._batch(rows, False, cfg, random.Random(0))).numpy()
    lengths = [len(r["word"]) for r in rows]
    ref = np.concatenate([em[i, :n] for i, n in enumerate(lengths)])
    starts = np.cumsum([0, *lengths])[:-1]
    ref[starts] += net.start.detach().numpy()
    ref[starts + np.array(lengths) - 1] += net.end.detach().numpy()
    got = NeuralTagger(tmp_path / "m.npz").emissions([t for t, _, _ in test], [g for _, g, _ in test])
    assert np.abs(got - ref).max() < 1e-4


def test_gazetteer_labels_default_to_the_shipped_gazetteer(neural: NeuralTagger) -> None:
    toks = words_to_tokens(["وصل", "إلى", "بوركينا", "فاسو"])
    assert neural.tag_many([toks]) == neural.tag_many([toks], [gazetteer().match(toks)])


@pytest.mark.parametrize("name", ["neural", "ensemble"])
def test_every_expected_seed_entity_with_the_other_models(name: str, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from .test_stage import CASES, _seed

    monkeypatch.setenv("HADATH_NER_MODEL", name)
    docs = {p.name: _seed(p) for p in {c[0] for c in CASES}}
    missing = [
        (text, typ)
        for path, text, typ in CASES
        if (text, typ) not in {(m.text, m.type) for m in docs[path.name].mentions}
    ]
    assert not missing


def _gazetteer_tagged(n: int) -> list[tuple[list[str], list[str]]]:
    """The seeds' first ``n`` sentences, tagged with their gazetteer matches."""
    out = []
    for tokens in _sentences()[:n]:
        tags = [g.replace("_MINOR", "") for g in gazetteer().match(tokens)]
        out.append(([t.text for t in tokens], tags))
    return [s for s in out if s[0]]


def test_vocabulary_cap_keeps_the_most_frequent_words() -> None:
    from hadath.ner import train_neural as tn

    fit = [(["مالي", "مالي", "باماكو", "غاو"], ["B-LOC"] * 4), (["مالي", "باماكو", "كيدال"], ["B-LOC"] * 3)]
    prepared = tn._prepare(fit)
    raw = [tn._raw(t, g) for t, g, _ in prepared]
    labels = [t for _, t in fit]
    every = tn._build_vocab(raw, labels, tn.NeuralConfig(min_word_count=1))
    capped = tn._build_vocab(raw, labels, tn.NeuralConfig(min_word_count=1, max_words=2))
    assert every.items["word"] == ["\0", "باماكو", "غاو", "كيدال", "مالي"]
    assert capped.items["word"] == ["\0", "باماكو", "مالي"]  # seen 2 and 3 times
    assert capped.size("stem") == 3 and capped.items["char"] == every.items["char"]


def test_training_with_silver_records_it(tmp_path: Path) -> None:
    """train_neural and refit_neural add the silver sentences to the training data and say
    so in the manifest (needs torch)."""
    pytest.importorskip("torch")
    from hadath.ner import train_neural as tn

    gold = _gazetteer_tagged(60)
    train = tmp_path / "train.conll"
    train.write_text("\n\n".join("\n".join(f"{w} {t}" for w, t in zip(*s, strict=True)) for s in gold) + "\n", "utf-8")
    silver = _gazetteer_tagged(90)[60:]
    silver_file = tmp_path / "silver.tsv.gz"
    silver_file.write_bytes(b"stands for the packed file")
    cfg = tn.NeuralConfig(hidden=8, char_filters=8, epochs=1, max_words=50)
    out = tmp_path / "bilstm.npz"
    info = tn.train_neural(train, out, cfg, report=lambda s: None, silver=silver, silver_path=silver_file)
    assert info["silver"]["file"] == "silver.tsv.gz"
    assert info["silver"]["sentences"] == len(silver) and info["config"]["max_words"] == 50
    assert NeuralTagger(out).vocab.size("word") == 51
    info = tn.refit_neural(train, out, info, report=lambda s: None, silver=silver)
    assert f"and {len(silver)} silver" in info["refit"]
    assert json.loads(out.with_suffix(".json").read_text("utf-8"))["refit"] == info["refit"]
