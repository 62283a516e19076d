"""Train the word clusters hadath's NER uses as features (src/hadath/data/ner/clusters.tsv).

Word2vec (skip-gram, gensim; the vectors are kept in build/word2vec.kv for the BiLSTM-CRF,
``hadath train ner --neural --vectors build/word2vec.kv``) over the normalized words of the real news corpus
(../shared/data/corpus/saudinewsnet-2015.jsonl.gz, 31,030 articles) and of the ANERcorp
TRAIN split, then k-means (scikit-learn) of the word vectors at three granularities. The
output holds only word -> cluster ids (no text, no vectors). Seeds are fixed, so a rebuild
on the same data and library versions gives the same clusters.

    python scripts/train_clusters.py [--shared ../shared] [--min-count 5]

Needs the training extra: pip install -e '.[train]'.
"""

from __future__ import annotations

import argparse
import gzip
import json
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "hadath" / "data" / "ner" / "clusters.tsv"
VECTORS = ROOT / "build" / "word2vec.kv"  # not shipped: hadath train ner --neural --vectors reads it
KS = (64, 256, 1024)


def corpus_sentences(shared: Path) -> Iterator[list[str]]:
    from hadath.text import iter_tokens, split_sentences

    with gzip.open(shared / "data" / "corpus" / "saudinewsnet-2015.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            text = json.loads(line)["text"]
            tokens = list(iter_tokens(text))
            for s in split_sentences(text, tokens):
                words = [t.norm for t in tokens[s.token_start : s.token_end] if t.kind == "word"]
                if len(words) > 2:
                    yield words
    from hadath.ner.conll import read_conll, words_to_tokens

    for words, _ in read_conll(shared / "data" / "ner" / "anercorp-train.conll"):
        yield [t.norm for t in words_to_tokens(words) if t.kind == "word"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--min-count", type=int, default=5)
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--vectors", type=Path, default=VECTORS, help="where to keep the word vectors (gensim)")
    args = ap.parse_args()
    import numpy as np
    from gensim.models import Word2Vec
    from sklearn.cluster import MiniBatchKMeans

    t0 = time.time()
    sentences = list(corpus_sentences(args.shared))
    print(f"{len(sentences):,} sentences, {sum(map(len, sentences)):,} words ({time.time() - t0:.0f} s)")
    model = Word2Vec(
        sentences,
        vector_size=100,
        window=5,
        min_count=args.min_count,
        sg=1,
        negative=5,
        epochs=4,
        workers=2,
        seed=13,
    )
    print(f"word2vec: {len(model.wv):,} words ({time.time() - t0:.0f} s)")
    args.vectors.parent.mkdir(parents=True, exist_ok=True)
    model.wv.save(str(args.vectors))
    vectors = model.wv.vectors / np.linalg.norm(model.wv.vectors, axis=1, keepdims=True)
    labels = []
    for k in KS:
        km = MiniBatchKMeans(n_clusters=k, random_state=13, batch_size=4096, n_init=3).fit(vectors)
        labels.append(km.labels_)
        print(f"k-means k={k} ({time.time() - t0:.0f} s)")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as f:
        f.write(
            f"# hadath word clusters: word<TAB>cluster ids at k={','.join(map(str, KS))}. "
            "Built by scripts/train_clusters.py\n"
        )
        for i, word in enumerate(model.wv.index_to_key):
            f.write(word + "\t" + "\t".join(str(int(lab[i])) for lab in labels) + "\n")
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
