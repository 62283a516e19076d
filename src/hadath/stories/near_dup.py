"""Near-duplicate reports: MinHash LSH (datasketch) over normalized word shingles.

A reprinted agency copy with a new headline, a changed paragraph or a cut ending shares most
of its word 3-grams with the original, so the Jaccard similarity of the two shingle sets stays
high while two different reports of the same event share few (different wording). The title
is left out of the shingles on purpose: outlets re-title agency copy.

- shingles: ``k`` consecutive word tokens, each folded (``fold``: diacritics, hamza and
  alef forms, ta marbuta), clitic-segmented stems, numbers kept (they carry facts);
- a MinHash of ``num_perm`` permutations per document (stored with the document, so that
  a later run never re-reads old texts), ``crc32`` as the base hash (fast, stable across
  processes, unlike Python's ``hash``);
- LSH (datasketch ``MinHashLSH``) finds candidates above ``threshold`` in time independent of
  the number of stored documents; each candidate is then checked with the estimated
  Jaccard similarity, and a document is a near-duplicate of the earliest document it
  matches (its original).

``threshold`` (default 0.5) is the Jaccard similarity of shingle sets above which two
reports are near-duplicates. 0.5 keeps a reprint with one paragraph of four changed
(about 0.6) and a copy cut to two thirds (about 0.65); two outlets rewriting the same
agency dispatch in their own words score 0.05–0.3.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

from hadath.model import Document, Token
from hadath.text.normalize import fold
from hadath.text.tokenize import iter_tokens

__all__ = [
    "DEFAULT_THRESHOLD",
    "NUM_PERM",
    "SHINGLE",
    "NearDuplicate",
    "NearDuplicateIndex",
    "from_bytes",
    "shingles",
    "signature",
    "to_bytes",
]

NUM_PERM = 64
SHINGLE = 3
DEFAULT_THRESHOLD = 0.5
MIN_SHINGLES = 8  # shorter texts (a headline, a caption) are not compared: too little to tell
_SCHEME = "affine32"


@lru_cache(maxsize=4)
def _template(num_perm: int) -> MinHash:
    return MinHash(num_perm=num_perm, seed=1, scheme=_SCHEME)


def _words(tokens: Iterable[Token]) -> list[str]:
    return [fold(t.stem or t.norm) for t in tokens if t.kind in ("word", "number")]  # fold caches words


def shingles(doc: Document | str, k: int = SHINGLE) -> list[bytes]:
    """The word ``k``-shingles of a document's text (not its title), as UTF-8 bytes, in order."""
    if isinstance(doc, str):
        tokens: Sequence[Token] = list(iter_tokens(doc))
    else:
        tokens = doc.tokens or list(iter_tokens(doc.text))
    words = _words(tokens)
    if len(words) < k:
        return [" ".join(words).encode()] if words else []
    return [" ".join(words[i : i + k]).encode() for i in range(len(words) - k + 1)]


def signature(doc: Document | str, num_perm: int = NUM_PERM) -> MinHash | None:
    """The MinHash of a document's shingles, or None when it is too short to compare."""
    sh = set(shingles(doc))
    if len(sh) < MIN_SHINGLES:
        return None
    m = MinHash(
        num_perm=num_perm, seed=1, hashfunc=zlib.crc32, permutations=_template(num_perm).permutations, scheme=_SCHEME
    )
    m.update_batch(sh)
    return m


def to_bytes(m: MinHash) -> bytes:
    """A signature as bytes (``num_perm`` little-endian uint32), for storage."""
    return np.asarray(m.hashvalues, dtype="<u4").tobytes()


def from_bytes(data: bytes) -> LeanMinHash:
    """A stored signature back (a ``LeanMinHash``: no permutations to rebuild, compares with
    the signatures of new documents)."""
    values = np.frombuffer(data, dtype="<u4").astype(np.uint32)
    return LeanMinHash(seed=1, hashvalues=values, scheme=_SCHEME)


@dataclass(frozen=True, slots=True)
class NearDuplicate:
    """``doc_id`` is a near-duplicate of ``original`` (estimated Jaccard ``similarity``)."""

    doc_id: str
    original: str
    similarity: float


class NearDuplicateIndex:
    """Incremental near-duplicate finder: ``add`` each document once, in any order.

    The original of a group is the first document added (add in publication order to
    make it the earliest); a document matching several stored ones points at the most
    similar original.
    """

    def __init__(self, threshold: float = DEFAULT_THRESHOLD, num_perm: int = NUM_PERM) -> None:
        if not 0.0 < threshold < 1.0:
            raise ValueError(f"near-duplicate threshold must be between 0 and 1, got {threshold}")
        self.threshold = threshold
        self.num_perm = num_perm
        self.lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self.signatures: dict[str, MinHash] = {}
        self.original: dict[str, str] = {}  # doc id -> its group's original (itself when none)
        self.copies: dict[str, list[str]] = {}  # original -> its near-duplicates
        self.similarity: dict[str, float] = {}  # near-duplicate -> its similarity to what it matched

    def __len__(self) -> int:
        return len(self.signatures)

    def add(self, doc_id: str, sig: MinHash | None) -> NearDuplicate | None:
        """Index a document; return what it duplicates (None if it is an original)."""
        if doc_id in self.original:
            return None
        self.original[doc_id] = doc_id
        if sig is None:
            return None
        best: NearDuplicate | None = None
        for other in self.lsh.query(sig):
            sim = sig.jaccard(self.signatures[other])
            if sim >= self.threshold and (best is None or sim > best.similarity):
                best = NearDuplicate(doc_id, self.original[other], sim)
        self.lsh.insert(doc_id, sig)
        self.signatures[doc_id] = sig
        if best is not None:
            self.original[doc_id] = best.original
            self.copies.setdefault(best.original, []).append(doc_id)
            self.similarity[doc_id] = best.similarity
        return best

    def restore(self, doc_id: str, sig: MinHash | None, original: str | None, similarity: float | None = None) -> None:
        """Put back a stored document with its known original (no comparisons)."""
        self.original[doc_id] = original or doc_id
        if original and original != doc_id:
            self.copies.setdefault(original, []).append(doc_id)
            if similarity is not None:
                self.similarity[doc_id] = similarity
        if sig is not None:
            self.lsh.insert(doc_id, sig)
            self.signatures[doc_id] = sig

    def groups(self) -> dict[str, list[str]]:
        """Original id -> its documents (original first), for groups of two or more."""
        return {orig: [orig, *copies] for orig, copies in self.copies.items()}
