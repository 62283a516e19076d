"""Training of the BiLSTM-CRF NER model (``hadath train ner --neural``) with torch on the
CPU; the weights are written as one ``.npz`` that ``hadath.ner.neural.NeuralTagger`` runs
with NumPy alone.

Needs the training extra (``pip install -e '.[train]'``, which pins torch). Reproducible:
seeds are fixed and torch runs deterministic CPU kernels.
"""

from __future__ import annotations

import json
import logging
import random
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np

from hadath.ner.conll import Sentence, read_conll, words_to_tokens
from hadath.ner.features import word_clusters
from hadath.ner.gazetteer import gazetteer
from hadath.ner.neural import (
    CATEGORIES,
    VECTOR_SCALE,
    NeuralTagger,
    Vocabulary,
    word_categories,
    word_chars,
)
from hadath.ner.train import dev_f1, dev_split, silver_info, tune_bonuses

__all__ = ["SILVER_MAX_WORDS", "NeuralConfig", "best_epoch", "refit_neural", "train_neural", "tune_ensemble"]

log = logging.getLogger(__name__)


SILVER_MAX_WORDS = 20_000
"""The word and stem vocabularies' size when silver sentences join the training data (their
words seen twice are 50,000: the model would triple in size)."""


@dataclass(frozen=True)
class NeuralConfig:
    word_dim: int = 64
    stem_dim: int = 32
    cluster_dims: tuple[int, int, int] = (8, 16, 32)
    char_dim: int = 24
    char_filters: int = 64
    char_width: int = 3
    category_dim: int = 8
    gz_dim: int = 16
    hidden: int = 64  # 128 units per direction decoded three times slower (BLAS-bound); 64 is what ships
    dropout: float = 0.5
    word_dropout: float = 0.05
    min_word_count: int = 2
    lr: float = 1e-3
    batch: int = 16
    epochs: int = 30
    seed: int = 13
    vectors: str | None = None  # gensim KeyedVectors of the corpus (scripts/train_clusters.py --vectors)
    vector_words: int = 30_000  # the most frequent words whose vectors ship in the model
    max_words: int | None = None  # at most this many words and stems, the most frequent (SILVER_MAX_WORDS)


def _load_vectors(cfg: NeuralConfig) -> tuple[list[str], np.ndarray] | None:
    """The most frequent words of the corpus and their word2vec vectors (unit length)."""
    if cfg.vectors is None:
        return None
    from gensim.models import KeyedVectors

    kv = KeyedVectors.load(cfg.vectors)
    words = list(kv.index_to_key[: cfg.vector_words])
    m = kv.vectors[: len(words)]
    return words, (m / np.linalg.norm(m, axis=1, keepdims=True)).astype(np.float32)


def _build_vocab(
    encoded: Sequence[Sequence[tuple]],
    labels: Sequence[Sequence[str]],
    cfg: NeuralConfig,
    vectors: tuple[list[str], np.ndarray] | None = None,
) -> Vocabulary:
    counts: dict[str, Counter] = {}
    for sentence in encoded:
        for raw in sentence:
            for name, value in raw:
                counts.setdefault(name, Counter())[value] += 1
    tables: dict[str, list[str]] = {}
    for name, c in counts.items():
        floor = cfg.min_word_count if name in ("word", "stem") else 1
        kept = [(v, n) for v, n in c.items() if n >= floor and v != ""]
        if name in ("word", "stem") and cfg.max_words is not None and len(kept) > cfg.max_words:
            kept = sorted(kept, key=lambda vn: (-vn[1], vn[0]))[: cfg.max_words]
        tables[name] = ["\0", *sorted(v for v, _ in kept)]
    if vectors is not None:
        tables["vec"] = ["\0", *vectors[0]]
    tables["label"] = sorted({t for ts in labels for t in ts}, key=lambda t: (t != "O", t[2:], t[:1]))
    return Vocabulary(tables)


def _raw(tokens, gz) -> list[tuple]:  # type: ignore[no-untyped-def]
    """Every token's input strings, as (name, value) pairs (for building the vocabulary)."""
    out = []
    for t, g in zip(tokens, gz, strict=True):
        c = word_clusters(t.norm, t.prefix) or ("", "", "")
        pairs = [("word", t.norm), ("stem", t.stem), ("gz", g)]
        pairs += [(f"cluster{i}", v) for i, v in enumerate(c)]
        pairs += [("char", ch) for ch in word_chars(t.norm)]
        pairs += list(
            zip(CATEGORIES, word_categories(t.norm, t.prefix, t.article, t.suffix, t.kind, t.stem), strict=True)
        )
        out.append(tuple(pairs))
    return out


def _prepare(sentences: Sequence[Sentence]) -> list[tuple[list, list[str]]]:
    g = gazetteer()
    out = []
    for words, tags in sentences:
        tokens = words_to_tokens(words)
        out.append((tokens, g.match(tokens), tags))
    return out


def _encode(vocab: Vocabulary, prepared) -> list[dict[str, Any]]:  # type: ignore[no-untyped-def]
    out = []
    for tokens, gz, tags in prepared:
        rows = [vocab.encode_word(t.norm, t.stem, t.prefix, t.article, t.suffix, t.kind) for t in tokens]
        out.append(
            {
                "word": [r[0] for r in rows],
                "stem": [r[1] for r in rows],
                "vec": [r[2] for r in rows],
                "cluster": [list(r[3]) for r in rows],
                "char": [list(r[4]) for r in rows],
                "cat": [list(r[5]) for r in rows],
                "gz": [vocab.index("gz", x) for x in gz],
                "tag": [vocab.index("label", x) for x in tags],
            }
        )
    return out


def _model(vocab: Vocabulary, cfg: NeuralConfig, vectors: np.ndarray | None = None):  # type: ignore[no-untyped-def]
    import torch
    from torch import nn

    class Net(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.word = nn.Embedding(vocab.size("word"), cfg.word_dim)
            self.stem = nn.Embedding(vocab.size("stem"), cfg.stem_dim)
            self.clusters = nn.ModuleList(
                nn.Embedding(vocab.size(f"cluster{i}"), d) for i, d in enumerate(cfg.cluster_dims)
            )
            self.char = nn.Embedding(vocab.size("char"), cfg.char_dim, padding_idx=0)
            self.conv = nn.Conv1d(cfg.char_dim, cfg.char_filters, cfg.char_width, padding=cfg.char_width // 2)
            self.cats = nn.ModuleList(nn.Embedding(vocab.size(name), cfg.category_dim) for name in CATEGORIES)
            self.gz = nn.Embedding(vocab.size("gz"), cfg.gz_dim)
            vec_dim = 0
            if vectors is not None:
                table = np.concatenate([np.zeros((1, vectors.shape[1]), dtype=np.float32), vectors])
                self.vec = nn.Embedding.from_pretrained(torch.from_numpy(table), freeze=True)
                vec_dim = vectors.shape[1]
            dim = (
                vec_dim
                + cfg.word_dim
                + cfg.stem_dim
                + sum(cfg.cluster_dims)
                + cfg.char_filters
                + cfg.category_dim * len(CATEGORIES)
                + cfg.gz_dim
            )
            self.drop = nn.Dropout(cfg.dropout)
            self.lstm = nn.LSTM(dim, cfg.hidden, batch_first=True, bidirectional=True)
            n = vocab.size("label")
            self.out = nn.Linear(2 * cfg.hidden, n)
            self.trans = nn.Parameter(torch.zeros(n, n))
            self.start = nn.Parameter(torch.zeros(n))
            self.end = nn.Parameter(torch.zeros(n))

        def emissions(self, b: dict[str, Any]) -> Any:
            chars = b["char"]  # B x T x C
            bsz, t, c = chars.shape
            e = self.char(chars.view(bsz * t, c)).transpose(1, 2)  # BT x dim x C
            conv = self.conv(e).masked_fill(~b["char_mask"].view(bsz * t, 1, c), -1e4)
            char_vec = torch.relu(conv.max(dim=2).values).view(bsz, t, -1)
            parts = [self.word(b["word"]), self.stem(b["stem"])]
            if vectors is not None:
                parts.append(self.vec(b["vec"]))
            parts += [emb(b["cluster"][..., i]) for i, emb in enumerate(self.clusters)]
            parts.append(char_vec)
            parts += [emb(b["cat"][..., i]) for i, emb in enumerate(self.cats)]
            parts.append(self.gz(b["gz"]))
            x = self.drop(torch.cat(parts, dim=-1))
            packed = nn.utils.rnn.pack_padded_sequence(x, b["lengths"], batch_first=True, enforce_sorted=False)
            h, _ = self.lstm(packed)
            h, _ = nn.utils.rnn.pad_packed_sequence(h, batch_first=True, total_length=t)
            return self.out(self.drop(h))

        def nll(self, b: dict[str, Any]) -> Any:
            em = self.emissions(b)
            tags, mask = b["tag"], b["mask"]
            t = em.shape[1]
            gold = em.gather(2, tags.unsqueeze(2)).squeeze(2)  # B x T
            pair = self.trans[tags[:, :-1], tags[:, 1:]]  # B x T-1
            last = tags.gather(1, (b["lengths"] - 1).unsqueeze(1)).squeeze(1)
            path = self.start[tags[:, 0]] + (gold * mask).sum(1) + (pair * mask[:, 1:]).sum(1) + self.end[last]
            alpha = self.start + em[:, 0]
            for i in range(1, t):
                nxt = torch.logsumexp(alpha.unsqueeze(2) + self.trans.unsqueeze(0), dim=1) + em[:, i]
                alpha = torch.where(mask[:, i : i + 1] > 0, nxt, alpha)
            log_z = torch.logsumexp(alpha + self.end, dim=1)
            return (log_z - path).mean()

    return Net()


def _batch(rows: Sequence[dict[str, Any]], train: bool, cfg: NeuralConfig, rng: random.Random):  # type: ignore[no-untyped-def]
    import torch

    bsz = len(rows)
    t = max(len(r["word"]) for r in rows)
    c = max(len(ch) for r in rows for ch in r["char"])
    word = torch.zeros(bsz, t, dtype=torch.long)
    stem = torch.zeros(bsz, t, dtype=torch.long)
    vec = torch.zeros(bsz, t, dtype=torch.long)
    cluster = torch.zeros(bsz, t, 3, dtype=torch.long)
    cat = torch.zeros(bsz, t, len(CATEGORIES), dtype=torch.long)
    gz = torch.zeros(bsz, t, dtype=torch.long)
    tag = torch.zeros(bsz, t, dtype=torch.long)
    char = torch.zeros(bsz, t, c, dtype=torch.long)
    char_mask = torch.zeros(bsz, t, c, dtype=torch.bool)
    mask = torch.zeros(bsz, t)
    for i, r in enumerate(rows):
        n = len(r["word"])
        words = r["word"]
        if train and cfg.word_dropout:
            words = [0 if rng.random() < cfg.word_dropout else w for w in words]
        word[i, :n] = torch.tensor(words)
        stem[i, :n] = torch.tensor(r["stem"])
        vec[i, :n] = torch.tensor(r["vec"])
        cluster[i, :n] = torch.tensor(r["cluster"])
        cat[i, :n] = torch.tensor(r["cat"])
        gz[i, :n] = torch.tensor(r["gz"])
        tag[i, :n] = torch.tensor(r["tag"])
        mask[i, :n] = 1
        for j, ch in enumerate(r["char"]):
            char[i, j, : len(ch)] = torch.tensor(ch)
            char_mask[i, j, : len(ch)] = True
        char_mask[i, n:, 0] = True  # padding positions: one (zero) character
    lengths = torch.tensor([len(r["word"]) for r in rows])
    return {
        "word": word,
        "stem": stem,
        "vec": vec,
        "cluster": cluster,
        "cat": cat,
        "gz": gz,
        "tag": tag,
        "char": char,
        "char_mask": char_mask,
        "mask": mask,
        "lengths": lengths,
    }


def _save(net, vocab: Vocabulary, cfg: NeuralConfig, path: Path) -> None:  # type: ignore[no-untyped-def]
    arrays: dict[str, np.ndarray] = {}
    for name, p in net.state_dict().items():
        key = name.replace("clusters.", "cluster").replace("cats.", "cat")
        arrays[key] = p.detach().cpu().numpy().astype(np.float32)
    for i, name in enumerate(CATEGORIES):
        arrays[f"{name}.weight"] = arrays.pop(f"cat{i}.weight")
    quantize_vectors(arrays)
    for key, a in arrays.items():  # stored in half precision (computed in single)
        if a.dtype == np.float32 and a.size > 4096:
            arrays[key] = a.astype(np.float16)
    for name, items in vocab.items.items():
        arrays[f"vocab.{name}"] = np.array(items, dtype=str)
    arrays["config"] = np.array(json.dumps(asdict(cfg)))
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as f:
        np.savez_compressed(f, **arrays)


def quantize_vectors(arrays: dict[str, np.ndarray]) -> None:
    """Replace the float corpus vectors by int8 ones (``vec.int8``), in place."""
    vec = arrays.pop("vec.weight", None)
    if vec is not None:
        # unit vectors: every coordinate is within ±1
        arrays["vec.int8"] = np.clip(np.rint(vec * VECTOR_SCALE), -127, 127).astype(np.int8)


def _train(
    sentences: Sequence[Sentence],
    cfg: NeuralConfig,
    epochs: int,
    threads: int,
    after_epoch: Callable[[int, float, Any, Vocabulary], None],
) -> None:
    """Train a fresh network on ``sentences`` for ``epochs`` epochs; ``after_epoch(epoch,
    mean loss, network, vocabulary)`` follows each (the network in eval mode)."""
    import torch

    torch.set_num_threads(threads)
    torch.manual_seed(cfg.seed)
    rng = random.Random(cfg.seed)
    prepared = _prepare(sentences)
    vectors = _load_vectors(cfg)
    vocab = _build_vocab([_raw(t, g) for t, g, _ in prepared], [tags for _, tags in sentences], cfg, vectors)
    rows = _encode(vocab, prepared)
    net = _model(vocab, cfg, None if vectors is None else vectors[1])
    opt = torch.optim.Adam(net.parameters(), lr=cfg.lr)
    for epoch in range(1, epochs + 1):
        net.train()
        order = sorted(range(len(rows)), key=lambda i: (len(rows[i]["word"]), rng.random()))
        batches = [order[i : i + cfg.batch] for i in range(0, len(order), cfg.batch)]
        rng.shuffle(batches)
        total = 0.0
        for idx in batches:
            b = _batch([rows[i] for i in idx], True, cfg, rng)
            loss = net.nll(b)
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(net.parameters(), 5.0)
            opt.step()
            total += float(loss.detach()) * len(idx)
        net.eval()
        after_epoch(epoch, total / len(rows), net, vocab)


def best_epoch(
    sentences: Sequence[Sentence],
    dev: Sequence[Sentence],
    cfg: NeuralConfig,
    out: Path,
    threads: int = 2,
    report: Callable[[str], None] = log.info,
) -> dict[str, Any]:
    """Train on ``sentences`` for ``cfg.epochs`` epochs, score every epoch on ``dev`` (the
    NumPy tagger, as the pipeline runs it) and write the best to ``out``; returns its
    ``dev_f1``, ``per_type`` and ``epoch``, and the ``history`` of every epoch."""
    best: dict[str, Any] = {"dev_f1": -1.0, "epoch": 0, "per_type": {}, "history": []}
    with tempfile.TemporaryDirectory() as tmp:
        candidate = Path(tmp) / "epoch.npz"
        t0 = time.perf_counter()

        def after_epoch(epoch: int, loss: float, net: Any, vocab: Vocabulary) -> None:
            nonlocal t0
            _save(net, vocab, cfg, candidate)
            f1, per = dev_f1(NeuralTagger(candidate), dev)
            best["history"].append({"epoch": epoch, "loss": round(loss, 3), "dev_f1": round(f1, 4)})
            report(f"epoch {epoch}: loss {loss:.3f}, dev F1 {f1:.4f} {per} ({time.perf_counter() - t0:.0f} s)")
            t0 = time.perf_counter()
            if f1 > best["dev_f1"]:
                best.update(dev_f1=f1, epoch=epoch, per_type=per)
                out.write_bytes(candidate.read_bytes())

        _train(sentences, cfg, cfg.epochs, threads, after_epoch)
    return best


def train_neural(
    train_path: str | Path,
    out: str | Path,
    cfg: NeuralConfig = NeuralConfig(),
    dev_every: int = 10,
    report: Callable[[str], None] = log.info,
    threads: int = 2,
    silver: Sequence[Sentence] = (),
    silver_path: str | Path | None = None,
) -> dict[str, Any]:
    """Train on all but the last 1/``dev_every`` of the sentences (and the ``silver``
    sentences, ``load_silver``, read from ``silver_path``), keep the epoch with the best dev
    F1 (the NumPy tagger scores it, as the pipeline runs it), write ``out`` and its manifest
    (``.json``)."""
    fit, dev = dev_split(read_conll(train_path), dev_every)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    best = best_epoch([*fit, *silver], dev, cfg, out, threads, report)
    bonuses = tune_bonuses(NeuralTagger(out), dev, report=report)
    info = {
        "model": out.name,
        "kind": "bilstm-crf",
        "train": Path(train_path).name,
        "train_sentences": len(fit),
        "dev_split": f"the last 1/{dev_every} of the train file's sentences ({len(dev)}), for choosing the epoch",
        "dev_f1": round(best["dev_f1"], 4),
        "dev_per_type": best["per_type"],
        "epoch": best["epoch"],
        **bonuses,
        "config": asdict(cfg),
        "history": best["history"],
        "silver": silver_info(silver_path, silver) if silver and silver_path else None,
    }
    out.with_suffix(".json").write_text(json.dumps(info, indent=1) + "\n", "utf-8")
    return info


def refit_neural(
    train_path: str | Path,
    out: str | Path,
    info: dict[str, Any],
    report: Callable[[str], None] = log.info,
    threads: int = 2,
    silver: Sequence[Sentence] = (),
) -> dict[str, Any]:
    """Train again on the whole train file (dev split included, and the same ``silver``
    sentences) for the epochs ``train_neural`` chose, as the CRF is trained on all of it
    after its tuning; rewrite ``out`` and its manifest."""
    sentences = read_conll(train_path)
    cfg = NeuralConfig(**{**info["config"], "cluster_dims": tuple(info["config"]["cluster_dims"])})
    out = Path(out)

    def after_epoch(epoch: int, loss: float, net: Any, vocab: Vocabulary) -> None:
        report(f"all {len(sentences):,} sentences, epoch {epoch}/{info['epoch']}: loss {loss:.3f}")
        if epoch == info["epoch"]:
            _save(net, vocab, cfg, out)

    _train([*sentences, *silver], cfg, info["epoch"], threads, after_epoch)
    info = {
        **info,
        "train_sentences": len(sentences),
        "refit": f"trained again on all {len(sentences):,} sentences"
        + (f" and {len(silver):,} silver" if silver else "")
        + f" for the chosen {info['epoch']} epochs; dev_f1 is the model trained without the dev split",
    }
    out.with_suffix(".json").write_text(json.dumps(info, indent=1) + "\n", "utf-8")
    return info


WEIGHTS = (0.0, 0.25, 0.5, 0.75, 1.0, 1.5, 2.0, 3.0)
"""CRF weights tried for the ensemble (0: the BiLSTM-CRF alone; the CRF alone is tried
too)."""


def tune_ensemble(
    train_path: str | Path,
    neural: str | Path,
    crf_config: Any,
    dev_every: int = 10,
    weights: Sequence[float] = WEIGHTS,
    report: Callable[[str], None] = log.info,
    silver: Sequence[Any] = (),
    crf_dev_model: str | Path | None = None,
) -> dict[str, Any]:
    """The CRF weight of the ensemble with the best dev F1: a CRF with the shipped model's
    setting is trained on the same part of the train file as the BiLSTM-CRF (and the
    ``silver`` sentences the shipped CRF was trained with), and the sum
    of their scores decoded on the dev split for each weight; then the bonuses of the chosen
    combination (``tune_bonuses``). Returns the ensemble's manifest (``ensemble.json``):
    the models it names, ``crf_weight`` (None when the CRF alone does best, and then only the
    CRF is named), ``dev_f1``, ``dev_f1_by_weight`` and the bonuses' entries. A CRF
    already trained that way can be passed as ``crf_dev_model`` (with silver sentences a fit
    takes half an hour)."""
    from hadath.ner.model import CRFTagger, EnsembleTagger
    from hadath.ner.train import _fit

    fit, dev = dev_split(read_conll(train_path), dev_every)
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        crf_path = Path(crf_dev_model) if crf_dev_model else Path(tmp) / "dev.model"
        if not crf_dev_model:
            _fit([*fit, *silver], crf_config, crf_path)
        crf, nn = CRFTagger(crf_path), NeuralTagger(neural)
        results.append({"crf_weight": None, "dev_f1": round(dev_f1(crf, dev)[0], 4)})
        report(f"the CRF alone: dev F1 {results[0]['dev_f1']:.4f}")
        for w in weights:
            f1, _ = dev_f1(EnsembleTagger(crf, nn, w), dev)
            results.append({"crf_weight": w, "dev_f1": round(f1, 4)})
            report(f"ensemble with CRF weight {w}: dev F1 {f1:.4f}")
        best = max(results, key=lambda r: r["dev_f1"])  # the first of equals: the CRF alone
        weight = best["crf_weight"]
        chosen = crf if weight is None else EnsembleTagger(crf, nn, weight)
        bonuses = tune_bonuses(chosen, dev, report=report)
    return {
        "about": "The ensemble NER model (hadath analyze --ner-model ensemble): the BiLSTM-CRF's scores "
        "plus crf_weight times the CRF's; hadath train ner --neural chose the weight on the dev split "
        "(null: the CRF alone did best), then the bonuses of that choice (hadath.ner.consistency).",
        "crf": "crf.model" if weight != 0 else None,
        "neural": Path(neural).name if weight is not None else None,
        "crf_weight": weight,
        "dev_f1": best["dev_f1"],
        "dev_f1_by_weight": results,
        **bonuses,
    }
