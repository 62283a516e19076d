"""Event triggers: the lexicon (``hadath/data/events/triggers.tsv``), the codebook
(``codebook.tsv``, CAMEO -> PLOVER) and the matcher that finds triggers in a sentence.

A pattern is a sequence of slots; a slot matches a token when one of its forms equals one
of the token's normalized look-up forms (with or without particles; ة and ه meet), or, for
a form ending in ``*``, begins it; ``…N`` lets up to N tokens pass between two slots.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from hadath.cache import word_cache
from hadath.model import Token
from hadath.text import fold
from hadath.text.keys import _lookup_forms

__all__ = [
    "NOT_AN_EVENT",
    "Trigger",
    "TriggerMatch",
    "codebook",
    "coordinated",
    "cue_words",
    "cues",
    "find_triggers",
    "forms",
]


_n = fold


@dataclass(frozen=True)
class Trigger:
    slots: tuple[tuple[frozenset[str], tuple[str, ...], int], ...]  # (exact forms, prefixes, gap before)
    type: str
    mode: str
    cameo: str
    kind: str  # verb or noun
    origin: str = "hadath"  # which lexicon: hadath's own or the converted UniversalPetrarch one


@dataclass(frozen=True)
class TriggerMatch:
    trigger: Trigger
    start: int  # token index of the first slot
    end: int  # one past the last slot's token
    head: int  # token index of the first slot (the word that names the event)


LEXICONS = {"hadath": "events/triggers.tsv", "universalpetrarch": "events/triggers_up.tsv"}
"""Trigger lexicons in order of precedence: hadath's own, then the 2,044 patterns converted
from UniversalPetrarch's Arabic verb dictionary by ``scripts/build_triggers.py``.

The converted patterns are off by default: on 600 real articles they added 301 events to
1,512 and about one in eight was right (lemma-based, machine-translated patterns fire on
nouns and idioms), and on both gold sets they changed nothing once gated. Turn them on with
``HADATH_TRIGGER_LEXICONS=hadath,universalpetrarch``; they then only code sentences hadath's
lexicon leaves uncoded, and only when both actors are found."""


def enabled_lexicons() -> tuple[str, ...]:
    """The lexicons in use (``$HADATH_TRIGGER_LEXICONS``, comma-separated; default hadath)."""
    names = tuple(x.strip() for x in os.environ.get("HADATH_TRIGGER_LEXICONS", "hadath").split(",") if x.strip())
    unknown = [x for x in names if x not in LEXICONS]
    if unknown:
        raise ValueError(f"HADATH_TRIGGER_LEXICONS: unknown lexicon(s) {unknown}; choose from {list(LEXICONS)}")
    return names


def _read_triggers(resource: str, origin: str) -> list[Trigger]:
    ref = resources.files("hadath.data").joinpath(resource)
    if not ref.is_file():
        return []
    out = []
    for line in ref.read_text("utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        cols = line.split("\t")
        *pattern, typ, mode, cameo, kind = cols
        slots = []
        gap = 0
        for slot in pattern:
            if slot.startswith("…"):
                gap = int(slot[1:])
                continue
            words = [_n(w) for w in slot.split("|")]
            exact = frozenset(w for w in words if not w.endswith("*"))
            prefixes = tuple(w[:-1] for w in words if w.endswith("*"))
            slots.append((exact, prefixes, gap))
            gap = 0
        out.append(Trigger(tuple(slots), typ, mode, cameo, kind, origin))
    out.sort(key=lambda t: -len(t.slots))  # longer patterns first, within one lexicon
    return out


@lru_cache(maxsize=1)
def _triggers() -> tuple[Trigger, ...]:
    return tuple(t for name in enabled_lexicons() for t in _read_triggers(LEXICONS[name], name))


@lru_cache(maxsize=1)
def codebook() -> dict[str, dict[str, str]]:
    """CAMEO code -> {plover, mode, context, name}."""
    text = resources.files("hadath.data").joinpath("events/codebook.tsv").read_text("utf-8")
    out = {}
    for line in text.splitlines():
        if not line or line.startswith("#") or line.startswith("cameo\t"):
            continue
        code, plover, mode, context, name = [*line.split("\t"), "", "", "", ""][:5]
        out[code] = {"plover": plover, "mode": mode, "context": context, "name": name}
    return out


@lru_cache(maxsize=1)
def cues() -> dict[str, Any]:
    raw = json.loads(resources.files("hadath.data").joinpath("events/cues.json").read_text("utf-8"))
    return {k: [tuple(_n(w) for w in p.split()) for p in v] for k, v in raw.items() if k != "about"}


@lru_cache(maxsize=64)
def cue_words(name: str) -> frozenset[str]:
    """The one-word entries of the cue list ``name`` (``cues``), normalized."""
    return frozenset(p[0] for p in cues()[name] if len(p) == 1)


@word_cache(262144)
def _forms_of(norm: str, prefix: str, stem: str, suffix: str) -> tuple[str, ...]:
    out = [_n(f) for f in _lookup_forms(norm, prefix)]
    if suffix:  # انسحابها -> انسحاب, دعمه -> دعم
        out.append(_n(stem))
    return tuple(dict.fromkeys(out))


def forms(tok: Token) -> tuple[str, ...]:
    """A token's look-up forms for the lexicons (cached per word type): as written, without
    particles, and without an enclitic pronoun."""
    return _forms_of(tok.norm, tok.prefix, tok.stem, tok.suffix)


Slot = tuple[frozenset[str], tuple[str, ...], int]


@word_cache(524288)
def _slot_accepts(slot: Slot, fs: tuple[str, ...]) -> bool:
    exact, prefixes, _ = slot
    return any(f in exact for f in fs) or any(f.startswith(p) for f in fs for p in prefixes)


def _slot_matches(slot: Slot, tok: Token) -> bool:
    return _slot_accepts(slot, forms(tok))


@lru_cache(maxsize=1)
def _first_slot_index() -> tuple[dict[str, list[int]], dict[str, list[tuple[str, int]]]]:
    """Triggers by the exact forms of their first slot, and by the first two letters of its
    prefix forms (positions into ``_triggers()``, which is ordered longest first)."""
    exact: dict[str, list[int]] = {}
    prefixed: dict[str, list[tuple[str, int]]] = {}
    for n, t in enumerate(_triggers()):
        words, prefixes, _ = t.slots[0]
        for w in words:
            exact.setdefault(w, []).append(n)
        for p in prefixes:
            prefixed.setdefault(p[:2] if len(p) >= 2 else "", []).append((p, n))
    return exact, prefixed


@word_cache(262144)
def _starting(fs: tuple[str, ...]) -> tuple[Trigger, ...]:
    """The triggers whose first slot a word with these forms fills (most words: none)."""
    exact, prefixed = _first_slot_index()
    hits: set[int] = set()
    for f in fs:
        hits.update(exact.get(f, ()))
        for bucket in (f[:2], ""):
            hits.update(n for p, n in prefixed.get(bucket, ()) if f.startswith(p))
    triggers = _triggers()
    return tuple(triggers[n] for n in sorted(hits))


def names_an_act(tok: Token) -> bool:
    """Whether a word is by itself one of hadath's triggers (اختطاف, قصف, هجوم): an actor
    phrase does not run through it (الوزير اختطاف الصحفي الياباني is no Japanese minister)."""
    if tok.kind != "word" or tok.article:  # (قوات الاحتلال الإسرائيلية: a name's word)
        return False
    return any(t.origin == "hadath" and t.type != NOT_AN_EVENT and len(t.slots) == 1 for t in _starting(forms(tok)))


def coordinated(tok: Token, trigger: Trigger) -> bool:
    """Whether ``tok`` fills ``trigger``'s first slot only with a conjunction و before it
    (ودعت, والتقى): a verb that goes on with the subject of the one before."""
    if tok.prefix.startswith("و"):
        return True
    fs = forms(tok)
    return fs[0].startswith("و") and trigger not in _starting(fs[:1])


@word_cache(262144)
def _behind_noun_proclitic(slot: Slot, fs: tuple[str, ...]) -> bool:
    """Whether a word fills ``slot`` only as an imperfect verb behind a proclitic of nouns
    (بيتهم is not ب + يتهم, كيتهم not ك + يتهم), after an optional و or ف. (A masdar behind ب
    is read as the noun it is: قامت باحتلال.)"""
    core = fs[0][1:] if fs[0][:1] in ("و", "ف") and len(fs[0]) > 3 else fs[0]
    if not core.startswith(("ب", "ك")):
        return False
    accepted = [f for f in fs if _slot_accepts(slot, (f,))]
    return bool(accepted) and all(f.startswith(("ي", "ن")) for f in accepted)


def _match_at(trigger: Trigger, tokens: Sequence[Token], i: int) -> int | None:
    """End of a match of ``trigger`` starting at token ``i``, or None."""
    if not _slot_matches(trigger.slots[0], tokens[i]):
        return None
    if trigger.kind == "verb" and _behind_noun_proclitic(trigger.slots[0], forms(tokens[i])):
        return None
    pos = i + 1
    for slot in trigger.slots[1:]:
        gap = slot[2]
        for k in range(pos, min(len(tokens), pos + gap + 1)):
            if tokens[k].kind == "punct" and tokens[k].text in ".،,؛;":
                return None
            if _slot_matches(slot, tokens[k]):
                pos = k + 1
                break
        else:
            return None
    return pos


NOT_AN_EVENT = "-"
"""The type of a pattern that names no event: an idiom in which a trigger's word means
something else (تحتل المرتبة الثالثة: ranks third, not occupies). It is matched like any
pattern, longer ones first, and the words it covers start no event."""


def find_triggers(tokens: Sequence[Token]) -> list[TriggerMatch]:
    """Trigger matches in one sentence, left to right; a token starts at most one match.

    hadath's own lexicon is matched first, over the whole sentence; the converted
    UniversalPetrarch patterns only fill tokens it left uncovered. Idioms (patterns of type
    ``NOT_AN_EVENT``) cover their words and are not returned.
    """
    out: list[TriggerMatch] = []
    covered: set[int] = set()
    starting = [_starting(forms(tok)) if tok.kind == "word" else () for tok in tokens]
    for origin in ("hadath", "universalpetrarch"):
        for i, candidates in enumerate(starting):
            if not candidates or i in covered:
                continue
            for trigger in candidates:
                if trigger.origin != origin:
                    continue
                end = _match_at(trigger, tokens, i)
                if end is not None and covered.isdisjoint(range(i, end)):
                    out.append(TriggerMatch(trigger, i, end, i))
                    covered.update(range(i, end))
                    break
    out.sort(key=lambda m: m.start)
    return [m for m in out if m.trigger.type != NOT_AN_EVENT]
