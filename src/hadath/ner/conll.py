"""CoNLL files (``token TAG`` a line, blank line between sentences) and entity-level
scoring, CoNLL style: an entity is right when its span and type are both exact."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from hadath.errors import InputError
from hadath.model import Token
from hadath.text import analyze_word, normalize
from hadath.text.tokenize import iter_tokens

__all__ = ["Scores", "entities", "read_conll", "score", "words_to_tokens"]

Sentence = tuple[list[str], list[str]]


def read_conll(path: str | Path) -> list[Sentence]:
    """Sentences of a CoNLL file as ``(words, tags)``; the tag is the last column."""
    p = Path(path)
    try:
        lines = p.read_text("utf-8").splitlines()
    except FileNotFoundError:
        raise InputError(str(p), "no such file or directory") from None
    except IsADirectoryError:
        raise InputError(str(p), "a folder, not a CoNLL file") from None
    except UnicodeDecodeError:
        raise InputError(str(p), "not UTF-8 text") from None
    sentences: list[Sentence] = []
    words: list[str] = []
    tags: list[str] = []
    for lineno, line in enumerate(lines, 1):
        parts = line.split()
        if not parts:
            if words:
                sentences.append((words, tags))
                words, tags = [], []
            continue
        if len(parts) < 2:
            raise InputError(f"{p}:{lineno}", f"expected 'token TAG', got {line!r}")
        tag = parts[-1]
        if tag != "O" and not (tag[:2] in ("B-", "I-") and len(tag) > 2):
            raise InputError(f"{p}:{lineno}", f"not a BIO tag: {tag!r}")
        words.append(parts[0])
        tags.append(tag)
    if words:
        sentences.append((words, tags))
    if not sentences:
        raise InputError(str(p), "no sentences in file")
    return sentences


def words_to_tokens(words: Sequence[str]) -> list[Token]:
    """Tokens for pre-tokenized words (as if joined by single spaces)."""
    tokens = []
    pos = 0
    for w in words:
        parts = list(iter_tokens(w))
        if len(parts) == 1:
            t = parts[0]
            t.start, t.end, t.core_start = pos + t.start, pos + t.end, pos + t.core_start
            tokens.append(t)
        else:
            a = analyze_word(w)
            kind = "word" if any(p.kind == "word" for p in parts) else (parts[0].kind if parts else "symbol")
            norm = normalize(w)
            tokens.append(
                Token(pos, pos + len(w), w, kind, norm, a.stem if kind == "word" else norm, "", False, "", pos)
            )
        pos += len(w) + 1
    return tokens


def entities(tags: Sequence[str]) -> set[tuple[int, int, str]]:
    """``(start, end, type)`` token spans of the entities in a BIO sequence.

    An ``I-`` tag that does not continue an entity of its type starts one (CoNLL rule).
    """
    out: set[tuple[int, int, str]] = set()
    if tags.count("O") == len(tags):  # most sentences of a gazetteer's labels
        return out
    start, typ = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        if tag == "O" or tag.startswith("B-") or tag[2:] != typ:
            if start >= 0:
                out.add((start, i, typ))
            start, typ = (i, tag[2:]) if tag != "O" else (-1, "")
    return out


@dataclass
class Scores:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "support": self.tp + self.fn,
        }


def score(gold: Iterable[Sequence[str]], pred: Iterable[Sequence[str]]) -> tuple[Scores, dict[str, Scores]]:
    """Micro-averaged entity scores overall and per type."""
    total = Scores()
    per: dict[str, Scores] = {}
    for g, p in zip(gold, pred, strict=True):
        ge, pe = entities(g), entities(p)
        for e in ge | pe:
            s = per.setdefault(e[2], Scores())
            if e in ge and e in pe:
                s.tp += 1
                total.tp += 1
            elif e in pe:
                s.fp += 1
                total.fp += 1
            else:
                s.fn += 1
                total.fn += 1
    return total, dict(sorted(per.items()))
