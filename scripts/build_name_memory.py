"""Build the NER's name memory (src/hadath/data/ner/names.tsv): the names an NER model tags
across the real news corpus, with how often they are tagged where they occur.

A name the model tags in most of the places it occurs across 31,030 articles
(../shared/data/corpus/saudinewsnet-2015.jsonl.gz) is a name wherever it occurs; the NER
then favours it in a sentence that alone gives too little context
(``hadath.ner.consistency``). Two passes: the model tags every article (text stage, then
the model alone, no rules) and the names it tagged at least ``--min-tagged`` times are
kept; then every occurrence of those names is counted, tagged or not. The output holds
only names (normalized words), their type and two counts: no text.

The model is a CRF trained here, with the default setting, on the first nine tenths of
ANERcorp's train split: it never sees the dev split, on which ``hadath train ner`` then
tunes how much every model trusts the memory (and the memory depends on no shipped model,
so it is built first: ``make ner-model``). ``--model`` takes a model name or file instead.

    python scripts/build_name_memory.py [--workers 2] [--out PATH]
"""

from __future__ import annotations

import argparse
import gzip
import json
import multiprocessing
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from hadath.ner.consistency import NameIndex, index_names

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "data" / "corpus" / "saudinewsnet-2015.jsonl.gz"
OUT = ROOT / "src" / "hadath" / "data" / "ner" / "names.tsv"
TRAIN = ROOT.parent / "shared" / "data" / "ner" / "anercorp-train.conll"

_MODEL = "ensemble"
_NAMES: NameIndex = {}


def texts(path: Path, limit: int | None) -> Iterator[str]:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for n, line in enumerate(f):
            if limit is not None and n >= limit:
                return
            text = json.loads(line).get("text") or ""
            if text.strip():
                yield text


def _sentences(text: str) -> list[list]:  # type: ignore[type-arg]
    from hadath.model import Document
    from hadath.text.stage import text_stage

    doc = text_stage(Document(text=text))
    return [doc.sentence_tokens(s) for s in doc.sentences if s.token_end > s.token_start]


def _tagged(text: str) -> Counter[tuple[tuple[str, ...], str]]:
    """The names the model tags in one article (as name-key tuples) with their type."""
    from hadath.ner.conll import entities
    from hadath.ner.consistency import sentence_keys
    from hadath.ner.model import named_tagger, tag_with

    sentences = _sentences(text)
    out: Counter[tuple[tuple[str, ...], str]] = Counter()
    if not sentences:
        return out
    for tokens, (labels, _) in zip(sentences, tag_with(named_tagger(_MODEL), sentences, marginals=False), strict=True):
        keys = sentence_keys(tokens)
        for i, j, typ in sorted(entities(labels)):  # text order, whatever the hash seed
            if any(t.kind == "word" for t in tokens[i:j]):
                out[(tuple(keys[i:j]), typ)] += 1
    return out


def _occurrences(text: str) -> Counter[tuple[str, ...]]:
    """How often each kept name occurs in one article, tagged or not (matched as the NER
    matches them: ``hadath.ner.consistency.occurrences``)."""
    from hadath.ner.consistency import occurrences, sentence_keys

    out: Counter[tuple[str, ...]] = Counter()
    for tokens in _sentences(text):
        for _, name in occurrences(sentence_keys(tokens), _NAMES):
            out[name] += 1
    return out


def _init(model: str, names: NameIndex) -> None:
    global _MODEL, _NAMES
    _MODEL, _NAMES = model, names


def _run(fn, items, workers: int, model: str, names, label: str) -> Iterator:  # type: ignore[no-untyped-def]
    t0 = time.perf_counter()
    with multiprocessing.get_context("fork").Pool(workers, initializer=_init, initargs=(model, names)) as pool:
        for n, result in enumerate(pool.imap_unordered(fn, items, chunksize=32), 1):
            if n % 2000 == 0:
                print(f"{label}: {n:,} articles ({n / (time.perf_counter() - t0):.0f}/s)", file=sys.stderr)
            yield result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", default=None, help="NER model (default: a CRF trained here without the dev split)")
    ap.add_argument("--train", type=Path, default=TRAIN, help="ANERcorp's train split (for the default model)")
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--limit", type=int, default=None, help="read only the first N articles")
    ap.add_argument("--min-tagged", type=int, default=3, help="keep names tagged at least this often")
    args = ap.parse_args()
    if not args.corpus.exists():
        raise SystemExit(f"corpus not found: {args.corpus} (pass --corpus PATH)")
    from hadath.ner.model import named_tagger

    with tempfile.TemporaryDirectory() as tmp:
        if args.model is None:
            args.model = _dev_crf(args.train, Path(tmp) / "crf.model")
        named_tagger(args.model)  # a bad name fails here, not in the workers
        _build(args)


def _dev_crf(train: Path, out: Path) -> str:
    """A CRF with the default setting, trained on the train split without its dev split."""
    import importlib

    from hadath.ner.conll import read_conll

    if not train.exists():
        raise SystemExit(f"ANERcorp train split not found: {train} (pass --train PATH)")
    t = importlib.import_module("hadath.ner.train")
    t0 = time.perf_counter()
    fit, _ = t.dev_split(read_conll(train), 10)
    t._fit(fit, t.TrainConfig(), out)
    print(f"CRF trained on {len(fit):,} sentences ({time.perf_counter() - t0:.0f} s)", file=sys.stderr)
    return str(out)


def _build(args: argparse.Namespace) -> None:

    tagged: Counter[tuple[tuple[str, ...], str]] = Counter()
    n_docs = 0
    for c in _run(_tagged, texts(args.corpus, args.limit), args.workers, args.model, {}, "tagging"):
        tagged.update(c)
        n_docs += 1
    by_name: dict[tuple[str, ...], Counter[str]] = {}
    for (name, typ), n in tagged.items():
        by_name.setdefault(name, Counter())[typ] += n
    kept = {name: types for name, types in by_name.items() if sum(types.values()) >= args.min_tagged}
    index = index_names(kept)
    seen: Counter[tuple[str, ...]] = Counter()
    for c in _run(_occurrences, texts(args.corpus, args.limit), args.workers, args.model, index, "counting"):
        seen.update(c)
    rows = []
    for name, types in kept.items():
        typ, n_type = types.most_common(1)[0]
        rows.append((typ, " ".join(name), n_type, max(seen[name], sum(types.values()))))
    rows.sort(key=lambda r: (-r[2], r[1]))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as f:
        f.write(
            f"# hadath NER name memory: built by scripts/build_name_memory.py with the model {Path(args.model).name} "
            f"from {n_docs:,} articles of {args.corpus.name}\n"
            "# type\tname (normalized words, no particles)\ttimes tagged with this type\toccurrences\n"
        )
        for typ, name, n, occ in rows:
            f.write(f"{typ}\t{name}\t{n}\t{occ}\n")
    print(f"{len(rows):,} names from {n_docs:,} articles -> {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
