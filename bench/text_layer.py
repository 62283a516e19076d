"""Benchmark of the text layer and of `hadath analyze` on the real corpus.

Prints tokens/s and documents/s of normalize + tokenize + clitic segmentation + sentence
splitting on one core, then (unless --no-ingest) times `hadath analyze` — the whole
pipeline — ingesting the first 2,000 articles (``--ingest-limit 0``: all of them) into a
fresh SQLite database and reports documents/s and its size.

    python bench/text_layer.py [--corpus PATH] [--limit N] [--no-ingest] [--ingest-limit N]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from corpus import CORPUS, articles

from hadath.text import iter_tokens, normalize, split_sentences
from hadath.text.clitics import analyze_word


def bench_text(texts: list[str]) -> dict[str, float]:
    n_chars = sum(len(t) for t in texts)
    # warm-up: import-time tables and an empty clitic cache
    analyze_word.cache_clear()
    t0 = time.perf_counter()
    for t in texts:
        normalize(t)
    t_norm = time.perf_counter() - t0
    n_tokens = 0
    t0 = time.perf_counter()
    for t in texts:
        toks = list(iter_tokens(t))
        split_sentences(t, toks)
        n_tokens += len(toks)
    t_all = time.perf_counter() - t0
    return {
        "documents": len(texts),
        "characters": n_chars,
        "tokens": n_tokens,
        "normalize_chars_per_s": n_chars / t_norm,
        "text_layer_seconds": t_all,
        "tokens_per_s": n_tokens / t_all,
        "documents_per_s": len(texts) / t_all,
    }


def bench_ingest(corpus: Path, limit: int | None) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        if limit:
            subset = Path(tmp) / "subset.jsonl"
            with gzip.open(corpus, "rt", encoding="utf-8") as src, subset.open("w", encoding="utf-8") as dst:
                for i, line in enumerate(src):
                    if i >= limit:
                        break
                    dst.write(line)
            corpus = subset
        exe = Path(sys.executable).parent / "hadath"
        t0 = time.perf_counter()
        p = subprocess.run(
            [str(exe), "analyze", str(corpus), "--db", str(db)],
            capture_output=True,
            text=True,
            env={**os.environ, "COLUMNS": "120"},
        )
        elapsed = time.perf_counter() - t0
        if p.returncode != 0:
            raise SystemExit(f"hadath analyze failed: {p.stderr[-2000:]}")
        size = sum(f.stat().st_size for f in Path(tmp).iterdir() if f.name.startswith("bench.db"))
        n = int(
            json.loads(
                subprocess.run(
                    [str(exe), "stats", "--db", str(db), "--format", "json"], capture_output=True, text=True
                ).stdout
            )["documents"]
        )
        return {"documents": n, "seconds": elapsed, "documents_per_s": n / elapsed, "db_megabytes": size / 1e6}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--limit", type=int, default=None, help="only the first N articles for the text layer")
    ap.add_argument("--no-ingest", action="store_true", help="skip timing `hadath analyze` into SQLite")
    ap.add_argument(
        "--ingest-limit", type=int, default=2000, help="articles for the `hadath analyze` timing (0: all 31,030)"
    )
    args = ap.parse_args()
    texts = [a["text"] for a in articles(args.corpus, args.limit)]
    r = bench_text(texts)
    print(
        f"text layer on {r['documents']:,} real articles ({r['tokens']:,} tokens, {r['characters']:,} chars), one core:"
    )
    print(f"  normalize only       {r['normalize_chars_per_s'] / 1e6:8.1f} M chars/s")
    print(
        f"  full text layer      {r['tokens_per_s']:10,.0f} tokens/s   {r['documents_per_s']:8,.0f} docs/s"
        f"   ({r['text_layer_seconds']:.1f} s)"
    )
    print(f"  target 300,000 tokens/s: ratio {r['tokens_per_s'] / 300_000:.2f}")
    if not args.no_ingest:
        i = bench_ingest(args.corpus, args.ingest_limit)
        print(
            f"hadath analyze (full pipeline) → SQLite: {i['documents']:,} documents in {i['seconds']:.1f} s = "
            f"{i['documents_per_s']:,.0f} docs/s; database {i['db_megabytes']:.0f} MB"
        )


if __name__ == "__main__":
    main()
