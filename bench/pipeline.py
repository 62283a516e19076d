"""Benchmark of the whole pipeline (text, NER, dates, resolution, events) on real articles.

Runs the articles of the real corpus through every stage on one core, one document after
another as ``hadath analyze`` does, after a warm-up (so that per-word-type caches are
filled, as in a long run), and prints documents/s, tokens/s, milliseconds per document
for each stage, and peak memory (resident set size). Storage is left out (see
``bench/stories.py`` and the README for whole-corpus runs through ``hadath analyze``).
The NER model is the one in use (``HADATH_NER_MODEL=ensemble`` times another).

    python bench/pipeline.py [--corpus PATH] [--warmup N] [--limit N]
"""

from __future__ import annotations

import argparse
import resource
import time
from pathlib import Path

from corpus import CORPUS, articles

from hadath.cache import batch_gc
from hadath.cache import trim as trim_caches
from hadath.model import Document
from hadath.ner.model import model_name
from hadath.pipeline import STAGES, analyze


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--warmup", type=int, default=1500, help="articles analysed first and not timed")
    ap.add_argument("--limit", type=int, default=1500, help="articles timed")
    args = ap.parse_args()
    raw = [(a["text"], a["published"]) for a in articles(args.corpus, args.warmup + args.limit)]
    t0 = time.perf_counter()
    for text, pub in raw[: args.warmup]:
        analyze(Document(text=text, publication_date=pub))
    cold = time.perf_counter() - t0
    # as ``hadath analyze`` runs: each document through every stage, then let go
    batch_gc()
    per_stage = dict.fromkeys((st.name for st in STAGES), 0.0)
    n = tokens = events = 0
    clock = time.perf_counter
    for text, pub in raw[args.warmup :]:
        d = Document(text=text, publication_date=pub)
        for st in STAGES:
            t0 = clock()
            st(d)
            per_stage[st.name] += clock() - t0
            d.stages.append(st.name)
        trim_caches()
        n += 1
        tokens += len(d.tokens)
        events += len(d.events)
    total = sum(per_stage.values())
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"whole pipeline on {n:,} real articles ({tokens:,} tokens), one core, after {args.warmup:,} warm-up articles:"
    )
    print(f"  NER model: {model_name()}")
    print(f"  {n / total:,.1f} documents/s, {tokens / total:,.0f} tokens/s, {events / n:.1f} events/document")
    print("  per document: " + ", ".join(f"{k} {1000 * v / n:.1f} ms" for k, v in per_stage.items()))
    print(f"  warm-up (cold caches, models loading): {args.warmup / cold:,.1f} documents/s")
    print(f"  peak memory (RSS): {peak_mb:,.0f} MB")
    print(f"  target 100 documents/s: ratio {n / total / 100:.2f}")


if __name__ == "__main__":
    main()
