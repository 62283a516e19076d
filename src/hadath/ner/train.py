"""Training and evaluation of the NER model (``hadath train ner``, ``hadath eval ner``).

Training reads ANERcorp's train split, holds out its last tenth as the dev split for
choosing the regularization and the bonuses of document consistency and of the name
memory, then trains the final model on the whole train split with the chosen setting and
writes it into the package (``hadath/data/ner/crf.model``). The test split is never read
here: it is only for ``evaluate``.
"""

from __future__ import annotations

import hashlib
import json
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from hadath.ner.model import Tagger

from hadath.ner.conll import Sentence, read_conll, score, words_to_tokens
from hadath.ner.features import sentence_features

__all__ = ["TrainConfig", "evaluate", "load_silver", "silver_digest", "silver_info", "train"]

log = logging.getLogger(__name__)

PACKAGE_MODEL = Path(__file__).resolve().parents[1] / "data" / "ner" / "crf.model"

SILVER = Path(__file__).resolve().parents[3] / "training" / "ner-silver.tsv.gz"
"""Silver sentences: corpus articles tagged by a slower, more accurate teacher
(``scripts/distill_ner.py``); labels and where to find each sentence, not its text."""

CORPUS = Path(__file__).resolve().parents[4] / "shared" / "data" / "corpus" / "saudinewsnet-2015.jsonl.gz"


def silver_digest(path: str | Path) -> str:
    """The sha256 of a silver file, as a manifest records it."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def silver_info(path: str | Path, sentences: Sequence[Sentence]) -> dict[str, Any]:
    """A manifest's record of the silver sentences a model was trained with."""
    return {
        "file": Path(path).name,
        "sha256": silver_digest(path),
        "sentences": len(sentences),
        "words": sum(len(w) for w, _ in sentences),
    }


def load_silver(
    path: str | Path = SILVER, corpus: str | Path | None = None, report: Callable[[str], None] = log.info
) -> list[Sentence]:
    """The silver sentences of ``path`` (rows: corpus line, sentence start and end in the
    article's text, the teacher's least label marginal, the labels), their words rebuilt
    from the corpus with hadath's text layer. A sentence whose words no longer match its
    labels (the text layer changed since it was tagged) is left out and counted."""
    import gzip

    from hadath.model import Document
    from hadath.text.stage import text_stage

    wanted: dict[int, list[tuple[int, int, list[str]]]] = {}
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for row in f:
            if row.startswith("#") or not row.strip():
                continue
            line, start, end, _minp, labels = row.rstrip("\n").split("\t")
            wanted.setdefault(int(line), []).append((int(start), int(end), labels.split()))
    out: list[Sentence] = []
    missing = 0
    with gzip.open(corpus or CORPUS, "rt", encoding="utf-8") as f:
        for n, raw in enumerate(f):
            if n > max(wanted, default=-1):
                break
            if n not in wanted:
                continue
            doc = text_stage(Document(text=json.loads(raw).get("text") or ""))
            spans = {(s.start, s.end): s for s in doc.sentences}
            for start, end, labels in wanted.pop(n):
                sent = spans.get((start, end))
                words = [t.text for t in doc.tokens[sent.token_start : sent.token_end]] if sent else []
                if len(words) == len(labels):
                    out.append((words, labels))
                else:
                    missing += 1
    missing += sum(len(v) for v in wanted.values())
    report(f"silver: {len(out):,} sentences ({sum(len(w) for w, _ in out):,} words); {missing} no longer match")
    return out


@dataclass(frozen=True)
class TrainConfig:
    c1: float = 0.05
    c2: float = 0.01
    max_iterations: int = 200
    min_freq: int = 1


def _fit(
    sentences: Sequence[Sentence],
    cfg: TrainConfig,
    out: Path,
) -> None:
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for words, tags in sentences:
        trainer.append(sentence_features(words_to_tokens(words)), tags)
    trainer.set_params(
        {
            "c1": cfg.c1,
            "c2": cfg.c2,
            "max_iterations": cfg.max_iterations,
            "feature.possible_transitions": True,
            "feature.minfreq": cfg.min_freq,
        }
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(out))


_BATCH = 32
"""Sentences decoded together (about a news article's worth, as the NER stage does)."""


def _tag_all(
    model: Path | Tagger,
    sentences: Sequence[Sentence],
    rules: bool = False,
    nominal: bool = True,
) -> tuple[list[list[str]], float]:
    """BIO labels for every sentence (CRF, then the rules if asked; ``nominal=False`` drops
    the nominal-phrase rules' spans), and the seconds taken."""
    from hadath.ner.model import load_tagger
    from hadath.ner.rules import NOMINAL_RULES
    from hadath.ner.stage import tag_spans

    tagger = load_tagger(model) if isinstance(model, (str, Path)) else model
    # load gazetteer, clusters, rules and the decoder before timing
    tag_spans([words_to_tokens(["تمهيد"])], rules=rules, tagger=tagger, marginals=False)
    all_tokens = [words_to_tokens(words) for words, _ in sentences]  # the text layer: not timed
    t0 = time.perf_counter()
    pred = []
    for b in range(0, len(all_tokens), _BATCH):
        batch = all_tokens[b : b + _BATCH]
        for tokens, (spans, _) in zip(batch, tag_spans(batch, rules, tagger, marginals=False), strict=True):
            labels = ["O"] * len(tokens)
            for i, j, t, src in spans:
                if nominal or src not in NOMINAL_RULES:
                    labels[i:j] = ["B-" + t] + ["I-" + t] * (j - i - 1)
            pred.append(labels)
    return pred, time.perf_counter() - t0


def dev_split(sentences: Sequence[Sentence], dev_every: int) -> tuple[Sequence[Sentence], Sequence[Sentence]]:
    """The sentences to fit on and the dev split: the last 1/``dev_every`` of them
    (contiguous, like the test split)."""
    cut = len(sentences) - len(sentences) // dev_every
    return sentences[:cut], sentences[cut:]


def dev_f1(model: Path | Tagger, dev: Sequence[Sentence]) -> tuple[float, dict[str, float]]:
    """F1 of a model alone (no rules) on the dev split, overall and per type."""
    pred, _ = _tag_all(model, dev)
    total, per = score([t for _, t in dev], pred)
    return total.f1, {k: round(v.f1, 4) for k, v in per.items()}


DOC_BONUSES = (0.0, 1.0, 2.0, 3.0, 5.0, 8.0, 12.0)
"""Document-consistency bonuses tried on the dev split (``hadath.ner.consistency``)."""

MEMORY_BONUSES = (0.0, 1.0, 2.0, 4.0)
"""Name-memory bonuses tried on the dev split."""

MEMORY_RATIOS = (0.2, 0.35, 0.5)
"""Least share of a name's occurrences in the corpus tagged, for the memory to vouch for it."""


def tune_bonuses(
    tagger: Tagger,
    dev: Sequence[Sentence],
    doc_bonuses: Sequence[float] = DOC_BONUSES,
    memory_bonuses: Sequence[float] = MEMORY_BONUSES,
    memory_ratios: Sequence[float] = MEMORY_RATIOS,
    report: Callable[[str], None] = log.info,
) -> dict[str, Any]:
    """The bonuses of document consistency and of the name memory
    (``hadath.ner.consistency``) with the best dev F1, for a model trained without the dev
    split (the dev split's batches of ``_BATCH`` neighbouring sentences stand for
    documents). Returns the manifest's entries: ``doc_bonus``, ``memory_bonus``,
    ``memory_min_ratio``, ``dev_f1_with_bonuses`` and ``dev_f1_by_bonuses`` (every
    combination tried); ``tagger`` keeps its own bonuses."""
    from hadath.ner.consistency import name_memory

    if not name_memory(0.0)[0]:
        memory_bonuses = (0.0,)  # the package ships no memory
    own = (tagger.doc_bonus, tagger.memory_bonus, tagger.memory_min_ratio)
    results = []
    try:
        for memory in memory_bonuses:
            for ratio in memory_ratios if memory else memory_ratios[:1]:
                for doc in doc_bonuses:
                    tagger.doc_bonus, tagger.memory_bonus, tagger.memory_min_ratio = doc, memory, ratio
                    f1, _ = dev_f1(tagger, dev)
                    results.append(
                        {"doc_bonus": doc, "memory_bonus": memory, "memory_min_ratio": ratio, "dev_f1": round(f1, 4)}
                    )
                    report(
                        f"bonus of document consistency {doc}, of the name memory {memory} (names tagged in "
                        f"{ratio:.0%} of their occurrences): dev F1 {f1:.4f}"
                    )
    finally:
        tagger.doc_bonus, tagger.memory_bonus, tagger.memory_min_ratio = own
    best = max(results, key=lambda r: r["dev_f1"])  # the first of equals: the smallest bonuses
    return {
        "doc_bonus": best["doc_bonus"],
        "memory_bonus": best["memory_bonus"],
        "memory_min_ratio": best["memory_min_ratio"],
        "dev_f1_with_bonuses": best["dev_f1"],
        "dev_f1_by_bonuses": results,
    }


def evaluate(
    gold_path: str | Path, model: str | Path | None = None, rules: bool = True, nominal: bool = False
) -> dict[str, Any]:
    """Entity-level precision, recall and F1 (micro, CoNLL) of the NER stage on a gold file.

    Scores what the pipeline runs: the NER model in use (``model``: a name of
    ``hadath.ner.model.MODELS`` or a model file), then the rules (``rules=False``: the model
    alone).
    Proper names only by default, as ANERcorp annotates them: the spans of the nominal-phrase
    rules (``الجيش المالي``) are left out unless ``nominal=True``. Speed counts features,
    tagging and rules, on the gold tokens (their text-layer analysis is not timed), in
    batches of sentences as the NER stage decodes them. A CoNLL file has no document
    boundaries: each batch of ``_BATCH`` neighbouring sentences stands for a document (the
    models' document consistency works within one).
    """
    from hadath.ner.model import model_name, named_tagger
    from hadath.ner.rules import NOMINAL_RULES

    sentences = read_conll(gold_path)
    name = model_name() if model is None else str(model)
    tagger = named_tagger(name)
    pred, elapsed = _tag_all(tagger, sentences, rules=rules, nominal=nominal)
    total, per = score([t for _, t in sentences], pred)
    n_tokens = sum(len(w) for w, _ in sentences)
    return {
        "gold": str(gold_path),
        "model": name,
        "rules": rules,
        "nominal_rules_scored": sorted(NOMINAL_RULES) if rules and nominal else [],
        "sentences": len(sentences),
        "tokens": n_tokens,
        "precision": round(total.precision, 4),
        "recall": round(total.recall, 4),
        "f1": round(total.f1, 4),
        "per_type": {k: v.as_dict() for k, v in per.items()},
        "tokens_per_second": round(n_tokens / elapsed) if elapsed else None,
    }


GRID = (
    TrainConfig(c1=0.05, c2=0.01),
    TrainConfig(c1=0.1, c2=0.01),
    TrainConfig(c1=0.05, c2=0.05),
)


GRID_WITH_SILVER = (TrainConfig(c1=0.05, c2=0.05),)
"""With silver sentences a fit takes 10-15 minutes instead of one or two: one setting, the
best of ``GRID`` without them (and the one the silver experiments used)."""


def train(
    train_path: str | Path,
    out: str | Path = PACKAGE_MODEL,
    grid: Sequence[TrainConfig] | None = None,
    dev_every: int = 10,  # the dev split is the last 1/dev_every of the sentences
    report: Callable[[str], None] = log.info,
    silver: str | Path | None = None,
    compress: bool = False,
) -> dict[str, Any]:
    """Tune on a dev split of ``train_path``, then train on all of it and write ``out``
    (with ``compress``: only its xz-compressed copy ``out.xz``, as the package stores it).
    With ``silver`` (``load_silver``), its sentences join every fit: the dev split is still
    the train file's last tenth alone."""
    import tempfile

    from hadath.ner.model import CRFTagger

    sentences = read_conll(train_path)
    fit, dev = dev_split(sentences, dev_every)
    extra = load_silver(silver, report=report) if silver is not None else []
    if grid is None:
        grid = GRID_WITH_SILVER if extra else GRID
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for n, cfg in enumerate(grid):
            t0 = time.perf_counter()
            path = Path(tmp) / f"dev-{n}.model"
            _fit([*fit, *extra], cfg, path)
            f1, _ = dev_f1(path, dev)
            results.append((f1, cfg, path))
            report(f"dev F1 {f1:.4f} with c1={cfg.c1} c2={cfg.c2} ({time.perf_counter() - t0:.0f} s)")
        best_f1, best, best_path = max(results, key=lambda r: r[0])
        bonuses = tune_bonuses(CRFTagger(best_path), dev, report=report)
    report(f"training on all {len(sentences):,} sentences (and {len(extra):,} silver) with c1={best.c1} c2={best.c2}")
    out = Path(out)
    _fit([*sentences, *extra], best, out)
    raw = out.read_bytes()
    info = {
        "model": out.name,
        "sha256": hashlib.sha256(raw).hexdigest(),
        "bytes": len(raw),
        "train": Path(train_path).name,
        "train_sentences": len(sentences),
        "dev_split": f"the last 1/{dev_every} of the train file's sentences",
        "dev_f1": round(best_f1, 4),
        "config": best.__dict__,
        "grid": [{"f1": round(f, 4), **c.__dict__} for f, c, _ in results],
        **bonuses,
        "silver": None,
        "rebuild": "hadath train ner --train ../shared/data/ner/anercorp-train.conll"
        + (f" --silver {Path(silver).name}" if extra else " --no-silver"),
    }
    if extra:
        info["silver"] = silver_info(silver, extra)  # type: ignore[arg-type]
    if compress:
        import lzma

        packed = out.with_name(out.name + ".xz")
        packed.write_bytes(lzma.compress(raw, preset=9))
        out.unlink()
        info["stored"] = {"file": packed.name, "bytes": packed.stat().st_size}
    out.with_suffix(".json").write_text(json.dumps(info, indent=1) + "\n", "utf-8")
    return info
