"""The real corpus the benchmarks read (SaudiNewsNet, beside the checkout in ../shared)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "corpus" / "saudinewsnet-2015.jsonl.gz"


def articles(path: Path = CORPUS, limit: int | None = None) -> list[dict[str, Any]]:
    """The first ``limit`` articles (all when None) as dicts: text, title, url, published, source."""
    if not path.exists():
        raise SystemExit(f"corpus not found: {path} (pass --corpus PATH)")
    out = []
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            out.append(json.loads(line))
            if limit and len(out) >= limit:
                break
    return out
