"""Benchmark of story linking: real articles, then 10k → 100k recombined documents.

1. Real: every analysed document of a database made by ``hadath analyze`` (the 31,030
   SaudiNewsNet articles: ``hadath analyze ../shared/data/corpus/saudinewsnet-2015.jsonl.gz
   --db corpus.db --no-stories``) is linked in publication order by one ``StoryIndex``:
   near-duplicates, same-event clusters, stories. Prints documents/s, peak memory, how many
   near-duplicate groups and (multi-outlet) stories were found, and samples stories.
2. Scaling: documents built by recombining sentences of those real articles (two to four
   articles each, sentences shuffled) and carrying the events of one of them with dates
   moved by up to three years and, for a third of them, another country as an actor. Each
   is shingled, hashed and linked like a real one; the time of every block of 10,000 is
   printed, so linear cost shows as a flat rate.

    python bench/stories.py --db corpus.db [--synthetic 100000] [--sample 10]
"""

from __future__ import annotations

import argparse
import gc
import multiprocessing
import pickle
import random
import resource
import tempfile
import time
from collections import Counter
from dataclasses import replace
from pathlib import Path

from hadath.store import DocumentFilter, open_store
from hadath.stories import StoryIndex
from hadath.stories.index import DocInfo
from hadath.stories.link import EventRecord, record_of
from hadath.stories.near_dup import signature

COUNTRIES = ["SAU", "YEM", "EGY", "SYR", "IRQ", "IRN", "USA", "QAT", "ARE", "KWT", "JOR", "LBN", "TUR", "RUS", "FRA"]


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def rss_mb() -> float:
    """Resident memory now (Linux), to see what the index holds once the articles are freed."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def load(db: Path, limit: int | None):
    store = open_store(db, create=False)
    docs, offset = [], 0
    while True:
        page = list(store.documents(DocumentFilter(limit=1000, offset=offset)))
        if not page:
            break
        docs.extend(page)
        offset += len(page)
        if limit and len(docs) >= limit:
            docs = docs[:limit]
            break
    store.close()
    docs.sort(key=lambda d: (d.publication_date or "", d.id))
    return docs


def real(docs, sample: int) -> StoryIndex:
    idx = StoryIndex()
    t0 = time.perf_counter()
    for d in docs:
        idx.add(d)
    dt = time.perf_counter() - t0
    n_events = len(idx.linker.records)
    groups = idx.dups.groups()
    clusters = idx.linker.clusters()
    multi_doc_clusters = sum(1 for v in clusters.values() if len({idx.linker.records[e].doc_id for e in v}) > 1)
    stories = idx.stories()
    outlets = Counter(len(s.attributes["outlets"]) for s in stories)
    multi = [s for s in stories if len(s.attributes["outlets"]) > 1]
    print(f"real articles: {len(docs):,} documents, {n_events:,} events linked in {dt:.1f} s on one core")
    print(f"  {len(docs) / dt:,.0f} documents/s; peak memory (RSS, documents loaded) {peak_mb():,.0f} MB")
    print(
        f"  near-duplicate groups: {len(groups):,} ({sum(len(g) for g in groups.values()):,} documents; "
        f"largest {max((len(g) for g in groups.values()), default=0)})"
    )
    print(f"  same-event clusters with reports from several documents: {multi_doc_clusters:,} of {len(clusters):,}")
    print(
        f"  stories: {len(stories):,}; multi-outlet: {len(multi):,}; with two or more distinct events: "
        f"{sum(1 for s in stories if s.attributes['events'] > 1):,}"
    )
    print("  stories by number of outlets: " + ", ".join(f"{k}: {v:,}" for k, v in sorted(outlets.items())))
    sizes = sorted((len({idx.linker.records[e].doc_id for e in v}) for v in clusters.values()), reverse=True)
    print(
        f"  largest same-event clusters (documents): {sizes[:8]}; largest stories (reports): "
        f"{[len(s.doc_ids) for s in stories[:8]]}"
    )
    rng = random.Random(0)
    shown = rng.sample(multi, min(sample, len(multi)))
    for s in sorted(shown, key=lambda s: -len(s.doc_ids)):
        a = s.attributes
        print(f"\n  [{s.id}] {s.title}  ({len(s.doc_ids)} reports, {len(a['outlets'])} outlets)")
        print(f"    {a['gist']}")
        for g in a["event_gists"][:3]:
            print(f"    - {g['gist']}")
        for d in s.doc_ids[:4]:
            info = idx.docs[d]
            print(f"    · {info.published or '?'} {info.outlet or '?'}: {(info.title or '')[:90]}")
    return idx


def synthetic_sources(docs):
    """What recombining needs of the real articles: sentences, event records, metadata."""
    out = []
    for d in docs:
        if len(d.sentences) >= 2:
            out.append(
                (
                    [d.text[s.start : s.end] for s in d.sentences],
                    [record_of(e, d) for e in d.events],
                    (d.publication_date, d.source, d.title),
                )
            )
    return out


def synthetic(sources, total: int, block: int, seed: int = 1) -> None:
    rng = random.Random(seed)
    gc.collect()
    base_rss = rss_mb()
    idx = StoryIndex()
    t_start = time.perf_counter()
    t_block = t_start
    print(f"\nrecombined documents (from {len(sources):,} real articles), one core:")
    print(f"  {'documents':>10} {'block s':>8} {'docs/s':>8} {'total s':>8} {'index MB':>9} {'stories':>8}")
    for i in range(total):
        sents, records, (published, outlet, title) = rng.choice(sources)
        picked = [rng.sample(sents, min(len(sents), 4))]
        for other, _, _ in rng.sample(sources, rng.randint(1, 3)):
            picked.append(rng.sample(other, min(len(other), 4)))
        parts = [x for p in picked for x in p]
        rng.shuffle(parts)
        text = " ".join(parts)
        shift = rng.randint(-3 * 365, 3 * 365)
        swap = rng.random() < 0.33
        new_id = f"syn{i:07d}"
        recs: list[EventRecord] = []
        for k, r in enumerate(records):
            src, tgt = r.source, r.target
            if swap:
                c = rng.choice(COUNTRIES)
                src, tgt = (c, tgt) if rng.random() < 0.5 else (src, c)
            recs.append(
                replace(
                    r,
                    id=f"{new_id}:ev{k + 1}",
                    doc_id=new_id,
                    source=src,
                    target=tgt,
                    start=None if r.start is None else r.start + shift,
                    end=None if r.end is None else r.end + shift,
                )
            )
        idx.add_records(DocInfo(new_id, published, outlet, title), recs, signature(text))
        if (i + 1) % block == 0:
            now = time.perf_counter()
            print(
                f"  {i + 1:>10,} {now - t_block:>8.1f} {block / (now - t_block):>8,.0f} {now - t_start:>8.1f} "
                f"{rss_mb() - base_rss:>9,.0f} {len(idx.threads.stories):>8,}"
            )
            t_block = now
    dt = time.perf_counter() - t_start
    print(
        f"  {total:,} documents in {dt:.1f} s: {total / dt:,.0f} documents/s; "
        f"the index holds {rss_mb() - base_rss:,.0f} MB (resident memory grown since the start)"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", type=Path, required=True, help="database of analysed articles (hadath analyze)")
    ap.add_argument("--limit", type=int, default=None, help="real documents to read (all by default)")
    ap.add_argument("--synthetic", type=int, default=100_000, help="recombined documents (0: none)")
    ap.add_argument("--block", type=int, default=10_000)
    ap.add_argument("--sample", type=int, default=10, help="multi-outlet stories to print")
    args = ap.parse_args()
    if not args.db.exists():
        raise SystemExit(
            f"{args.db}: no such database; make it with\n  hadath analyze "
            "../shared/data/corpus/saudinewsnet-2015.jsonl.gz --db corpus.db --no-stories"
        )
    t0 = time.perf_counter()
    docs = load(args.db, args.limit)
    print(f"read {len(docs):,} analysed documents in {time.perf_counter() - t0:.1f} s (not part of the timings)")
    idx = real(docs, args.sample)
    if args.synthetic:
        # in a fresh process, so that its memory figures are the index's, not the articles'
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "sources.pickle"
            path.write_bytes(pickle.dumps(synthetic_sources(docs)))
            del docs, idx
            gc.collect()
            ctx = multiprocessing.get_context("spawn")
            child = ctx.Process(target=_synthetic_child, args=(str(path), args.synthetic, args.block))
            child.start()
            child.join()


def _synthetic_child(path: str, total: int, block: int) -> None:
    sources = pickle.loads(Path(path).read_bytes())
    synthetic(sources, total, block)
    print(f"  peak memory of that process (RSS, with the {len(sources):,} source articles): {peak_mb():,.0f} MB")


if __name__ == "__main__":
    main()
