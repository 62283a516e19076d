"""Name lists for NER features: one- and multi-word names with a type.

Reads: ``hadath/data/ner/gazetteer.tsv`` (built by ``scripts/build_gazetteer.py``) and the
cue-word lists in ``hadath/data/ner/cues.json``. Gives, for a sentence of tokens, the
longest gazetteer match at every position as BIO labels (``B-LOC``, ``I-LOC`` ...), and the
cue classes of single words (person titles, organization heads, place heads).

Keys are normalized with ة -> ه as well (ANERGazet writes both), and a word is looked up
as written, without its particles (``والجزائر`` -> ``الجزائر``), and by its bare-particle
readings (``ومالي`` -> ``مالي``).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from hadath.cache import word_cache
from hadath.model import Token
from hadath.text import fold, normalize
from hadath.text.keys import _lookup_forms

__all__ = ["Cues", "Gazetteer", "cues", "gazetteer", "key", "keys_of", "token_keys"]

_MAX_WORDS = 8
# when a name is listed under several types, the first wins (other types rank last):
# place lists (countries, GeoNames) are the cleanest, ANERGazet person names the noisiest
_PRIORITY = ("LOC", "ORG", "PERS", "LOC_MINOR")


def _rank(typ: str) -> int:
    return _PRIORITY.index(typ) if typ in _PRIORITY else len(_PRIORITY)


key = fold
"""Look-up key of a word (``hadath.text.fold``: ة and ه meet)."""


def token_keys(token: Token) -> tuple[str, ...]:
    """Keys to try for a token, most literal first (``lookup_forms`` with ة -> ه)."""
    return keys_of(token.norm, token.prefix)


@word_cache(262144)
def keys_of(norm: str, prefix: str) -> tuple[str, ...]:
    """Keys of a word given its normalized form and particles (cached per word type)."""
    return tuple(dict.fromkeys(key(f) for f in _lookup_forms(norm, prefix)))


_END = None
"""The trie entry holding the type of the name that ends at a node."""


@dataclass
class Gazetteer:
    """Names by type, looked up by normalized keys."""

    single: dict[str, str] = field(default_factory=dict)
    phrases: dict[str, list[tuple[tuple[str, ...], str]]] = field(default_factory=dict)
    starts: frozenset[str] = frozenset()  # keys that begin a name (set by ``finish``)
    _trie: dict[str | None, dict] = field(default_factory=dict, repr=False)

    def add(self, name: str, typ: str) -> None:
        words = tuple(key(normalize(w)) for w in name.split())
        if not words or len(words) > _MAX_WORDS:
            return
        if len(words) == 1:
            old = self.single.get(words[0])
            if old is None or _rank(typ) < _rank(old):
                self.single[words[0]] = typ
        else:
            self.phrases.setdefault(words[0], []).append((words[1:], typ))

    def finish(self) -> Gazetteer:
        """Index the multi-word names as a trie of word keys (a node's ``None`` entry is the
        type of the name that ends there; of names of one length, the best-ranked type; not
        ``""``, which is the key of a word that normalizes to nothing, such as a lone
        tatweel)."""
        trie: dict[str | None, dict] = {}
        for first, entries in self.phrases.items():
            for rest, typ in entries:
                node = trie.setdefault(first, {})
                for w in rest:
                    node = node.setdefault(w, {})
                if _END not in node or _rank(typ) < _rank(node[_END]):
                    node[_END] = typ
        self._trie = trie
        self.starts = frozenset(self.single) | frozenset(self.phrases)
        return self

    def match(self, tokens: Sequence[Token], keys: Sequence[tuple[str, ...]] | None = None) -> list[str]:
        """BIO labels of the longest gazetteer matches in ``tokens`` (``O`` elsewhere): at each
        position the first of the word's keys that begins a name wins (its longest name).
        ``keys``: the tokens' ``token_keys``, when the caller has them."""
        n = len(tokens)
        labels = ["O"] * n
        norms: list[str | None] = [None] * n  # keys of the words after a possible name start, as needed
        i = 0
        starts = self.starts
        trie = self._trie
        single = self.single
        while i < n:
            word_keys = token_keys(tokens[i]) if keys is None else keys[i]
            if starts.isdisjoint(word_keys):  # most words begin no name
                i += 1
                continue
            found = 0
            typ = ""
            for k in word_keys:
                node = trie.get(k)
                j = i + 1
                while node is not None and j < n:
                    w = norms[j]
                    if w is None:
                        w = norms[j] = key(tokens[j].norm)
                    node = node.get(w)
                    if node is None:
                        break
                    t = node.get(_END)
                    if t is not None:
                        found, typ = j + 1 - i, t
                    j += 1
                if not found and k in single:
                    found, typ = 1, single[k]
                if found:
                    break
            if found:
                labels[i] = "B-" + typ
                for j in range(i + 1, i + found):
                    labels[j] = "I-" + typ
                i += found
            else:
                i += 1
        return labels


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The shipped gazetteer (loaded once)."""
    g = Gazetteer()
    text = resources.files("hadath.data").joinpath("ner/gazetteer.tsv").read_text("utf-8")
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        typ, name, _src = line.split("\t")
        g.add(name, typ)
    return g.finish()


@dataclass(frozen=True, eq=False)  # hashed by identity: its look-ups are cached
class Cues:
    """Single words that announce a name: word key -> cue class."""

    words: dict[str, str]

    def of(self, token: Token) -> str | None:
        """The cue class of a token, or None."""
        return self.of_word(token.norm, token.prefix)

    @word_cache(262144)
    def of_word(self, norm: str, prefix: str) -> str | None:
        """The cue class of a word given its normalized form and particles (cached)."""
        for k in keys_of(norm, prefix):
            c = self.words.get(k)
            if c:
                return c
            if k.startswith("ال"):
                c = self.words.get(k[2:])
                if c:
                    return c
        return None


@lru_cache(maxsize=1)
def cues() -> Cues:
    raw = json.loads(resources.files("hadath.data").joinpath("ner/cues.json").read_text("utf-8"))
    words: dict[str, str] = {}
    for cls, entries in raw.items():
        if cls == "about":
            continue
        for w in entries:
            words[key(normalize(w))] = cls
    return Cues(words)
