"""Benchmark of the NER stage: tokens/s on one core, on real news and on ANERcorp.

Times the NER stage alone (features, tagging, rules) over documents already through the
text stage, so the figure is NER's own cost. The model is the one in use:
``HADATH_NER_MODEL=ensemble python bench/ner.py`` times another.

    python bench/ner.py [--corpus PATH] [--limit N]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from corpus import CORPUS, articles

from hadath.model import Document
from hadath.ner.model import model_name
from hadath.ner.stage import ner_stage
from hadath.text.stage import text_stage


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--limit", type=int, default=2000, help="articles to tag (default 2000)")
    args = ap.parse_args()
    docs = [text_stage(Document(text=a["text"])) for a in articles(args.corpus, args.limit)]
    ner_stage(Document(text="تمهيد", tokens=docs[0].tokens[:3], sentences=docs[0].sentences[:1]))  # load models
    n_tokens = sum(len(d.tokens) for d in docs)
    t0 = time.perf_counter()
    n_mentions = 0
    for d in docs:
        n_mentions += len(ner_stage(d).mentions)
    dt = time.perf_counter() - t0
    print(f"NER stage ({model_name()} model) on {len(docs):,} real articles ({n_tokens:,} tokens), one core:")
    print(f"  {n_tokens / dt:,.0f} tokens/s, {len(docs) / dt:,.0f} docs/s, {n_mentions / len(docs):.1f} mentions/doc")
    print(f"  target 20,000 tokens/s: ratio {n_tokens / dt / 20_000:.2f}")


if __name__ == "__main__":
    main()
