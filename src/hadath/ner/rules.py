"""Rules run after the CRF, for what a model trained on ANERcorp does not know.

Reads: one sentence's tokens and the CRF's entity spans. Writes: corrected spans, each with
the rule that made it (recorded as the mention's ``source``: ``ner-rule:NAME``).

Strong rules (their spans replace overlapping CRF spans):
  ``known``      curated names of organizations (``data/ner/entities.tsv``);
  ``named-after`` an institution or place named after a king, prince or sheikh: جامعة الملك
                 سعود, مطار الأمير محمد بن عبدالعزيز الدولي -> ORG / LOC, the name no person;
  ``head-adj``   an institution plus a country adjective: الجيش المالي, القوات الفرنسية -> ORG;
  ``land-adj``   الأراضي الليبية -> LOC;
  ``agency``     وكالة الأنباء + a word -> ORG;
  ``cited``      a quoted outlet after لـ / لصحيفة: لـ"العرب اليوم" -> ORG;
  ``so-called``  the name after المدعو / الملقب -> PERS;
  ``country``    a country name after a preposition or place head (في مالي) -> LOC.
Repairs of the CRF's spans: ``pers-trim`` (a country adjective before a name belongs to
the title: الرئيس الجزائري عبد العزيز بوتفليقة), ``merge-pers`` (adjacent person spans are one name),
``split-and`` (a span over "X وY" where Y is a known place, or in a person's name a word
that starts names, is two), ``loc-head`` (a span after منطقة / مدينة / منطقتي is a place),
``month`` (a month name next to a year or after شهر is no entity), ``misc-word`` (الله alone
is MISC), ``acronym`` (a span over part of بي.بي.سي covers all of it).
Where the CRF found nothing: ``division`` (the name of a province or region made of common
words, from ``data/places/provinces.tsv`` and ``regions.tsv``: المنطقة الشرقية, منطقة الحدود
الشمالية, الوادي الجديد -> LOC; ``division-adj`` when it ends with a country adjective: الجنوب
اللبناني); ``kingdom`` (nominal: المملكة alone, the Kingdom, which the resolver reads as the
kingdom the document is about).
Across one document's sentences: ``surname`` (a one-word name of another type is a person
when a person's name in the document ends with it: ديفيد كاميرون … كاميرون).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from typing import Any

from hadath.cache import word_cache
from hadath.lexicons import adjective_forms, countries
from hadath.model import Token
from hadath.ner.features import much_more_frequent
from hadath.ner.gazetteer import Gazetteer, cues, gazetteer, key, keys_of, token_keys
from hadath.text import normalize
from hadath.text.sentences import LETTER_NAMES, acronym_ends

__all__ = [
    "NAME_START_WEIGHT",
    "NOMINAL_RULES",
    "Span3",
    "adjective_homographs",
    "apply_rules",
    "common_adjective",
    "country_key",
    "name_weight",
]

NOMINAL_RULES = frozenset({"head-adj", "land-adj", "division-adj", "kingdom"})
"""Rules that mark nominal actor phrases (الجيش المالي, الأراضي الليبية, الجنوب اللبناني), not proper names.
ANERcorp does not annotate these; ``evaluate`` leaves them out when scoring against it."""

Span3 = tuple[int, int, str, str]  # token start, token end, type, source


def _keys(words: list[str]) -> frozenset[str]:
    return frozenset(key(normalize(w)) for w in words)


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    raw = json.loads(resources.files("hadath.data").joinpath("ner/rules.json").read_text("utf-8"))
    d: dict[str, Any] = {}
    # head phrases indexed by their first word: key -> [(words, type, rule)]
    heads: dict[str, list[tuple[tuple[str, ...], str, str]]] = {}
    for name, typ, rule in (
        ("org_heads_before_adjective", "ORG", "head-adj"),
        ("loc_heads_before_adjective", "LOC", "land-adj"),
        ("agency_heads", "ORG", "agency"),
    ):
        for h in raw[name]:
            words = tuple(key(normalize(w)) for w in h.split())
            heads.setdefault(words[0], []).append((words, typ, rule))
    d["heads"] = heads
    for name in (
        "so_called",
        "quote_cited_after",
        "name_stop_words",
        "months",
        "month_context",
        "misc_words",
        "kingdom",
        "kingdom_not_before",
        "person_titles",
        "rank_ordinals",
        "kunya_words",
        "base_words",
        "base_not_before",
    ):
        d[name] = _keys(raw[name])
    d["country_context"] = _keys(raw["country_context_before"])
    d["adjective_homographs"] = _keys(raw["adjective_homographs"])
    d["quote_max_words"] = raw["quote_max_words"]
    adj: set[str] = set()
    known = Gazetteer()
    for c in countries():
        for a in c.adjectives:
            adj.update(key(normalize(f)) for f in adjective_forms(a))
        for n in c.names:
            known.add(n, "COUNTRY")
    d["adjectives"] = frozenset(adj)
    d["countries"] = known.finish()
    ents = Gazetteer()
    text = resources.files("hadath.data").joinpath("ner/entities.tsv").read_text("utf-8")
    for line in text.splitlines():
        if line and not line.startswith("#"):
            typ, name = line.split("\t")
            ents.add(name, typ)
    d["entities"] = ents.finish()
    province_heads = _province_heads()
    d["divisions"] = _divisions(province_heads).finish()
    d["division_heads"] = frozenset(h for h in province_heads if not h.startswith("ال"))
    d["name_first"], d["name_later"] = _name_words()
    named = raw["named_after"]
    d["named_heads"] = {key(normalize(w)): typ for typ, words in named["heads"].items() for w in words}
    for name in ("titles", "links", "compounds", "adjectives", "stadium_words"):
        d["named_" + name] = _keys(named[name])
    return d


def _name_words() -> tuple[Counter[str], Counter[str]]:
    """How often each word starts a person's name and how often it is a later word of one:
    the times the names of the name memory (``data/ner/names.tsv``) were tagged, plus
    ``NAME_START_WEIGHT`` for ANERGazet's one-word person names (first words)."""
    first: Counter[str] = Counter()
    later: Counter[str] = Counter()
    data = resources.files("hadath.data").joinpath("ner")
    for line in data.joinpath("names.tsv").read_text("utf-8").splitlines():
        if line.startswith("PERS\t"):
            _typ, name, tagged, _seen = line.split("\t")
            words = [key(w) for w in name.split(" ")]
            first[words[0]] += int(tagged)
            for w in words[1:]:
                later[w] += int(tagged)
    for k, t in gazetteer().single.items():
        if t == "PERS":
            first[k] += NAME_START_WEIGHT
    return first, later


NAME_START_WEIGHT = 5


def _province_heads() -> frozenset[str]:
    """Keys of the words before a province's name (منطقة, محافظة, المنطقة …), from the place cues."""
    raw = json.loads(resources.files("hadath.data").joinpath("places/cues.json").read_text("utf-8"))
    return _keys(raw["province_heads"])


def _divisions(heads: frozenset[str]) -> Gazetteer:
    """Names of provinces and regions of two words or more that start with the article or a
    province head word (``heads``: المنطقة الشرقية, منطقة الحدود الشمالية): words the CRF reads
    as common nouns. Single words are left to the CRF."""
    places = resources.files("hadath.data").joinpath("places")
    out = Gazetteer()
    for table in ("provinces.tsv", "regions.tsv"):
        for line in places.joinpath(table).read_text("utf-8").splitlines():
            if not line or line.startswith("#"):
                continue
            cols = line.split("\t")
            if table == "regions.tsv" and cols[1] != "region":
                continue
            for name in cols[-1].split("|"):
                words = name.split()
                if len(words) >= 2 and (words[0].startswith("ال") or key(normalize(words[0])) in heads):
                    out.add(name, "LOC")
    return out


def _bare(tok: Token) -> str:
    """Key of a token without particles and article."""
    return key(tok.stem + tok.suffix)


def _core(tok: Token) -> str:
    """Key of a token without particles (article kept)."""
    return token_keys(tok)[1] if tok.prefix else key(tok.norm)


@word_cache(262144)
def _probe(norm: str, prefix: str, stem: str, suffix: str) -> tuple[str, ...] | None:
    """The keys a word can start a strong rule with (its keys as written, without
    particles, and bare), or None when it starts none (cached per word type)."""
    d = _data()
    core = keys_of(norm, prefix)[1] if prefix else key(norm)
    keys = tuple(dict.fromkeys((core, key(norm), key(stem + suffix))))
    if any(k in d["heads"] for k in keys) or key(norm) in d["quote_cited_after"] or core in d["so_called"]:
        return keys
    return None


def _match_rest(tokens: Sequence[Token], i: int, words: tuple[str, ...]) -> bool:
    """Whether ``words[1:]`` follow token ``i`` exactly."""
    if i + len(words) > len(tokens):
        return False
    return all(key(tokens[i + k].norm) == w for k, w in enumerate(words[1:], 1))


def _spans_from_bio(labels: list[str], source: str, keep: set[str] | None = None) -> list[Span3]:
    from hadath.ner.conll import entities

    return [(i, j, t, source) for i, j, t in sorted(entities(labels)) if keep is None or t in keep]


def _strong(tokens: Sequence[Token], keys: Sequence[tuple[str, ...]]) -> list[Span3]:
    d = _data()
    n = len(tokens)
    out: list[Span3] = _spans_from_bio(d["entities"].match(tokens, keys), "known")
    heads = d["heads"]
    for i in range(n):
        tok = tokens[i]
        if tok.kind != "word":
            continue
        probe = _probe(tok.norm, tok.prefix, tok.stem, tok.suffix)
        if probe is None:  # most words start no rule
            continue
        for k in probe:
            for words, typ, rule in heads.get(k, ()):
                j = i + len(words)
                if j >= n or not _match_rest(tokens, i, words):
                    continue
                nxt = tokens[j]
                # an agency takes any word after it; other heads take a country adjective
                fits = nxt.kind == "word" if rule == "agency" else nxt.article and _bare(nxt) in d["adjectives"]
                if fits:
                    out.append((i, j + 1, typ, rule))
        if key(tok.norm) in d["quote_cited_after"] and i + 2 < n and tokens[i + 1].text in ('"', "«", "“"):
            for j in range(i + 2, min(n, i + 3 + d["quote_max_words"])):
                if tokens[j].text in ('"', "»", "”"):
                    if j > i + 2 and all(t.kind == "word" for t in tokens[i + 2 : j]):
                        out.append((i + 2, j, "ORG", "cited"))
                    break
        if _core(tok) in d["so_called"]:
            j = i + 1
            while j < n and j < i + 4 and tokens[j].kind == "word" and key(tokens[j].norm) not in d["name_stop_words"]:
                j += 1
            if j > i + 1:
                out.append((i + 1, j, "PERS", "so-called"))
    # country names in a place context
    labels = d["countries"].match(tokens, keys)
    for i, j, _, _ in _spans_from_bio(labels, "country"):
        prev = tokens[i - 1] if i > 0 else None
        if prev is not None and (_core(prev) in d["country_context"] or key(prev.norm) in d["country_context"]):
            out.append((i, j, "LOC", "country"))
    return out


def _overlaps(a: Span3, b: Span3) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _and_place(tok: Token) -> bool:
    """Whether a word is و + a known place (وأميركا), not a known place as written
    (ويليامز, ويمبلدون: towns of GeoNames, and names)."""
    g = gazetteer()
    whole = key(tok.norm)
    return not g.single.get(whole, "").startswith("LOC") and any(
        g.single.get(k, "").startswith("LOC") for k in token_keys(tok) if k != whole
    )


def country_key(k: str) -> bool:
    """Whether a word key is a country's name or its first word (``hadath.lexicons.countries``:
    بريطانيا and سورية, which the NER gazetteer lacks)."""
    c = _data()["countries"]
    return k in c.single or k in c.phrases


def adjective_homographs() -> frozenset[str]:
    """Keys of the country adjectives that are also common adjectives (مالي: Malian /
    financial; ``rules.json`` ``adjective_homographs``)."""
    return _data()["adjective_homographs"]


def name_weight(word: str) -> int:
    """How often a (normalized) word starts a person's name (``_name_words``; at least
    ``NAME_START_WEIGHT``: a name's first word)."""
    return _data()["name_first"][key(word)]


def _another_person(norm: str, d: dict[str, Any]) -> bool:
    """Whether a word inside a person's name is و + the first word of a name (محمد وسعود,
    ريفاس ومونتاري): a second person, coordinated. Not when the word as written is a name
    about as often (وليد, وائل, وهبة: ``_name_words``), nor ولد (son of, in Mauritanian names)."""
    if len(norm) < 4 or norm == "ولد":
        return False
    first, later = d["name_first"], d["name_later"]
    whole, rest = key(norm), key(norm[1:])
    return first[rest] >= NAME_START_WEIGHT and first[rest] > 3 * (first[whole] + later[whole])


def _adjective_homograph(tokens: Sequence[Token], span: Span3) -> bool:
    i, j, t, _src = span
    return t == "LOC" and j - i == 1 and common_adjective(tokens, i)


def common_adjective(tokens: Sequence[Token], i: int) -> bool:
    """Whether the word at ``i``, a country name that is also a common adjective (مالي: Mali /
    financial), reads as the adjective: right after a noun that is not a preposition or a
    country head (دعم مالي, مستشار مالي), with no particle of its own (ومالي, بمالي: the
    country), or joined by و to an adjective before it (دعم عسكري ومالي)."""
    d = _data()
    if i == 0:
        return False
    tok, prev = tokens[i], tokens[i - 1]
    if (
        tok.norm.startswith("و")
        and key(tok.norm[1:]) in d["adjective_homographs"]
        and prev.kind == "word"
        and prev.stem.endswith(("ي", "ية", "يه"))
    ):
        return True  # دعم عسكري ومالي: military and financial
    if tok.prefix or key(tok.norm) not in d["adjective_homographs"]:
        return False
    return prev.kind == "word" and not prev.article and key(prev.norm) not in d["country_context"]


def apply_rules(
    tokens: Sequence[Token], crf: list[Span3], keys: Sequence[tuple[str, ...]] | None = None
) -> list[Span3]:
    """CRF spans corrected by the rules; sorted by start. ``keys``: the tokens'
    ``token_keys``, when the caller has them."""
    d = _data()
    if keys is None:
        keys = [token_keys(t) for t in tokens]
    strong = _strong(tokens, keys) + _named_after(tokens, crf, d)
    # longest strong span wins among overlapping strong spans
    chosen: list[Span3] = []
    for s in sorted(strong, key=lambda s: (-(s[1] - s[0]), s[0])):
        if not any(_overlaps(s, c) for c in chosen):
            chosen.append(s)
    spans = [s for s in crf if not any(_overlaps(s, c) for c in chosen)]
    # a person the model ran on from a name an institution is named after keeps the rest:
    # جامعة الملك سعود | عبد الله الصقعبي
    for c in chosen:
        if c[3] == "named-after":
            for i, j, t, src in crf:
                rest = (c[1], j, t, src)
                if (
                    t == "PERS"
                    and i < c[1] < j
                    and name_weight(tokens[c[1]].norm) >= NAME_START_WEIGHT
                    and not _particle_word(tokens[c[1]])
                    and not any(_overlaps(rest, o) for o in chosen)
                ):
                    spans.append(rest)
    # division: a province's or region's name where neither the CRF nor a strong rule found one
    taken = [*chosen, *spans]
    for i, j, _, _ in _spans_from_bio(d["divisions"].match(tokens, keys), "division"):
        if j - i > 1 and key(tokens[i].norm) in d["division_heads"]:
            i += 1  # منطقة الحدود الشمالية: the head word is not part of the name (ANERcorp's convention)
        # الجنوب اللبناني: a direction and a country adjective, a nominal phrase
        rule = "division-adj" if _bare(tokens[j - 1]) in d["adjectives"] else "division"
        if not any(_overlaps((i, j, "LOC", rule), c) for c in taken):
            spans.append((i, j, "LOC", rule))
    # kingdom: المملكة alone stands for a country (not المملكة العربية السعودية, المملكة المغربية)
    for i, tok in enumerate(tokens):
        if tok.kind == "word" and tok.article and _core(tok) in d["kingdom"]:
            nxt = tokens[i + 1] if i + 1 < len(tokens) else None
            if (
                nxt is not None
                and nxt.article
                and (_core(nxt) in d["kingdom_not_before"] or _bare(nxt) in d["adjectives"])
            ):
                continue
            if not any(_overlaps((i, i + 1, "LOC", "kingdom"), c) for c in taken):
                spans.append((i, i + 1, "LOC", "kingdom"))
            elif (i, i + 1, "LOC", "crf") in spans:  # the model tagged it alone: the rule reads it
                spans[spans.index((i, i + 1, "LOC", "crf"))] = (i, i + 1, "LOC", "kingdom")
    spans.sort()
    # split-and: "X وY" where Y is a known place or (in a person's name) a given name; a
    # person's name split at a lone و (عبدالله و صالح)
    split: list[Span3] = []
    for i, j, t, src in spans:
        start = i + 1 if tokens[i].norm == "و" and j - i > 1 else i  # a lone و is no name's start
        for k in range(start + 1, j):
            tk = tokens[k]
            if t == "PERS" and tk.norm == "و":
                if k > start:
                    split.append((start, k, t, src))
                start, src = k + 1, "split-and"
            elif (
                k > start
                and tk.norm.startswith("و")
                and ((not tk.prefix and _and_place(tk)) or (t == "PERS" and _another_person(tk.norm, d)))
            ):
                split.append((start, k, t, src))
                start = k
                src = "split-and"
        if j > start:
            split.append((start, j, t, src))
    # loc-head: a span right after a place head word is a place (so are the spans coordinated with it)
    cue = cues()
    fixed: list[Span3] = []
    prev_loc_end = -1
    for i, j, t, src in sorted(split):
        if (
            t != "LOC"
            and ((i > 0 and cue.of(tokens[i - 1]) == "LOC_HEAD") or (i == prev_loc_end and src == "split-and"))
            and not _abd_name(tokens, i, j)
        ):
            t, src = "LOC", "loc-head"
        if t == "LOC":
            prev_loc_end = j
        fixed.append((i, j, t, src))
    # month names next to a year or after شهر are dates, not entities
    kept: list[Span3] = []
    for i, j, t, src in fixed:
        if j - i == 1 and key(tokens[i].norm) in d["months"]:
            nxt = tokens[j] if j < len(tokens) else None
            prv = tokens[i - 1] if i > 0 else None
            if (nxt is not None and (nxt.kind == "number" or nxt.text == "/")) or (
                prv is not None and key(prv.norm) in d["month_context"]
            ):
                continue
        kept.append((i, j, t, src))
    # homograph: مالي after an indefinite noun is "financial" (دعم مالي), not Mali (حكومة مالي, في مالي)
    kept = [s for s in kept if not _adjective_homograph(tokens, s)]
    kept = _whole_acronyms(tokens, kept)
    # misc-word: الله standing alone is MISC (ANERcorp's convention), whatever the model said
    kept = [
        (i, j, "MISC", "misc-word")
        if j - i == 1 and t != "MISC" and _core(tokens[i]) in d["misc_words"]
        else (i, j, t, src)
        for i, j, t, src in kept
    ]
    kept = [_person_span(tokens, s, d) for s in kept]
    # merge-pers: adjacent person spans are one name, unless the second is coordinated
    # (و...) or starts with a title
    merged: list[Span3] = []
    for s in sorted(kept + chosen):
        first = tokens[s[0]]
        joinable = not first.norm.startswith("و") and cue.of(first) != "PER_TITLE"
        if merged and s[2] == "PERS" and merged[-1][2] == "PERS" and merged[-1][1] == s[0] and joinable:
            i = merged[-1][0]
            if merged[-1][1] - i == 1 and tokens[i].article and _bare(tokens[i]) in d["adjectives"]:
                merged[-1] = (s[0], s[1], "PERS", "pers-trim")  # السوداني + عمر حسن البشير: the title's
            else:
                merged[-1] = (i, s[1], "PERS", "merge-pers")
        else:
            merged.append(s)
    # القاعدة الجوية, القاعدة الاستراتيجية: a base, not al-Qaeda; باليمن والبركات: with blessings
    return [
        s
        for s in merged
        if not _common_noun_before_adjective(tokens, s, d)
        and not _blessing(tokens, s)
        and not _overpowering(tokens, s)
        and not _enthusiasm(tokens, s)
    ]


def _enthusiasm(tokens: Sequence[Token], span: Span3) -> bool:
    """Whether a one-word span is الحماس, enthusiasm: Hamas (حماس) never takes the article."""
    i, j = span[0], span[1]
    if j - i != 1:
        return False
    n = tokens[i].norm
    n = n[1:] if n[:1] in ("و", "ف") and len(n) > 5 else n
    return n in ("الحماس", "بالحماس", "للحماس", "كالحماس")  # (not لحماس: for Hamas)


def _overpowering(tokens: Sequence[Token], span: Span3) -> bool:
    """Whether القاهرة is the adjective "overpowering" after a definite feminine noun (القوة
    القاهرة, السياسة الفارسية القاهرة), not Cairo (العاصمة المصرية القاهرة)."""
    i, j = span[0], span[1]
    if j - i != 1 or tokens[i].norm != "القاهرة" or i == 0:
        return False
    prev = tokens[i - 1]
    capital = any(t.norm in ("العاصمة", "عاصمة", "مدينة", "المدينة") for t in tokens[max(0, i - 3) : i])
    return prev.kind == "word" and prev.article and prev.norm.endswith("ة") and not capital


_BLESSINGS = frozenset({"والخير", "والبركات", "والبركه", "والمسرات", "والخيرات", "والسعاده", "والرخاء", "والاقبال"})
"""Words that follow اليمن when it means good fortune (يعيده باليمن والخير والبركات)."""


def _blessing(tokens: Sequence[Token], span: Span3) -> bool:
    """Whether a one-word place is يُمن, good fortune, in a greeting (باليمن والبركات), not Yemen."""
    i, j = span[0], span[1]
    return j - i == 1 and j < len(tokens) and tokens[i].norm in ("باليمن", "واليمن") and tokens[j].norm in _BLESSINGS


def _common_noun_before_adjective(tokens: Sequence[Token], span: Span3, d: dict[str, Any]) -> bool:
    """Whether a one-word name that is also a common noun (``base_words``: القاعدة) reads as
    the noun: followed by a definite adjective other than those of the organization
    (``base_not_before``: القاعدة الإرهابية)."""
    i, j, _, _ = span
    if j - i != 1 or j >= len(tokens) or _core(tokens[i]) not in d["base_words"]:
        return False
    nxt = tokens[j]
    return (
        nxt.kind == "word" and nxt.article and not nxt.prefix and _nisba(nxt) and _core(nxt) not in d["base_not_before"]
    )


def _person_span(tokens: Sequence[Token], span: Span3, d: dict[str, Any]) -> Span3:
    """A span corrected as a person's name (rules ``pers-trim``, ``pers-abd``):
    - a person's name does not start with a country adjective (الرئيس الجزائري X), a title
      or a rank (دكتور عاطي …, جندي أول يحيى …), and does not end with a ل + article word
      (حسين علي حاج محمد للدنيا);
    - a place or organization whose first word is an عبد-name (عبدالعزيز العنزي, عبد الله X)
      is a person: ANERcorp's train split has 88 such persons and no such place or
      organization."""
    i, j, t, src = span
    if t in ("LOC", "ORG") and src == "crf" and _abd_name(tokens, i, j):
        t, src = "PERS", "pers-abd"
    if t != "PERS":
        return i, j, t, src
    while j - i > 1 and (
        (tokens[i].article and _bare(tokens[i]) in d["adjectives"])
        or (not tokens[i].prefix and key(tokens[i].norm) in d["person_titles"])
        or (i > 0 and key(tokens[i].norm) in d["rank_ordinals"] and key(tokens[i - 1].norm) in d["person_titles"])
    ):
        i, src = i + 1, "pers-trim"
    while j - i > 1 and tokens[j - 1].article and tokens[j - 1].prefix.startswith("ل"):
        j, src = j - 1, "pers-trim"
    return i, j, t, src


def _abd_name(tokens: Sequence[Token], i: int, j: int) -> bool:
    """Whether the span ``i:j`` starts with an عبد-name: عبدالعزيز, عبدربه written as one
    word, or عبد followed by the rest of the name."""
    first = _bare(tokens[i])
    return first.startswith(("عبدال", "عبدر")) or (first == "عبد" and j - i > 1)


def _named_after(tokens: Sequence[Token], crf: Sequence[Span3], d: dict[str, Any]) -> list[Span3]:
    """Institutions and places named after a king, prince or sheikh (rule ``named-after``):
    a head word (جامعة, مستشفى, مطار …, of a type each), a title (الملك, الأمير …), the name
    — a word (عبد + a word) and its links (بن, آل + the next word), then as far as the model's person
    span goes, but not into a word carrying a particle (بنادي, لحوار) or one that starts
    another name (جامعة الملك سعود عبد الله الصقعبي) — then adjectives (الدولي, التخصصي) and
    a ل-phrase (للعلوم والتقنية, لحوار الأديان). مدينة + a sports adjective (مدينة الملك
    عبدالله الرياضية) is a place, not an organization."""
    n = len(tokens)
    cue = cues()
    out: list[Span3] = []
    persons = {i: j for i, j, t, _ in crf if t == "PERS"}
    titles = d["named_titles"]
    for h in range(n - 2):
        title = tokens[h + 1]
        if title.kind != "word" or title.prefix:
            continue
        titled = title.article and key(title.norm) in titles
        first = key(title.norm)
        if not titled and not (
            first in d["kunya_words"]  # نادي أبي تمام, ثانوية ابن رشد
            or (  # مدينة سلطان بن عبدالعزيز
                h + 3 < n and _core(tokens[h + 2]) in d["named_links"] and name_weight(title.norm) >= NAME_START_WEIGHT
            )
        ):
            continue  # most words are no title, kunya or nasab
        head = tokens[h]
        typ = _named_head(head, d)
        if typ is None or (not titled and h > 0 and cue.of(tokens[h - 1]) == "PER_TITLE"):
            continue  # رئيس مركز علي بن سعيد: the head word is a title's, the name a person's
        t = h + 1 if titled else h
        if t + 1 >= n or tokens[t + 1].kind != "word" or _particle_word(tokens[t + 1]):
            continue
        end = t + 2  # the name: a word (عبد + a word) and its links
        if end < n and _core(tokens[end - 1]) in d["named_compounds"] and tokens[end].kind == "word":
            end += 1
        elif not titled and end < n and first in d["named_links"] and tokens[end].kind == "word":
            end += 1  # ثانوية ابن رشد: a nasab
        while end + 1 < n and _core(tokens[end]) in d["named_links"] and tokens[end + 1].kind == "word":
            end += 2
        crf_end = persons.get(t + 1) or persons.get(t) or end
        while (
            end < crf_end
            and not _particle_word(tokens[end])
            and (
                tokens[end].article
                or name_weight(tokens[end].norm) < NAME_START_WEIGHT
                or _core(tokens[end - 1]) in d["named_compounds"]  # محمد العبد الله الفيصل
            )
        ):
            end += 1
            if end == crf_end and end in persons and _core(tokens[end - 1]) in d["named_compounds"]:
                crf_end = persons[end]  # محمد العبد | الله الفيصل: the model split the name after عبد
        while (
            end < n and tokens[end].article and not tokens[end].prefix and _core(tokens[end]) in d["named_adjectives"]
        ):
            if typ == "ORG" and _bare(head) == "مدينه" and _core(tokens[end]) in d["named_stadium_words"]:
                typ = "LOC"
            end += 1
        if typ != "LOC" and end < n and tokens[end].kind == "word" and _particle_word(tokens[end], "ل"):
            # لحوار الأديان, للعلوم والتقنية, للإغاثة والأعمال الإنسانية: the ل-word, its genitive
            # (when it has no article), then words joined by و and adjectives, never a title
            has_article = tokens[end].article
            end += 1
            first = True
            while end < n and tokens[end].kind == "word" and tokens[end].article and cue.of(tokens[end]) != "PER_TITLE":
                tok = tokens[end]
                if not (tok.prefix == "و" or (first and not has_article and not tok.prefix) or _nisba(tok)):
                    break
                end += 1
                first = False
        out.append((h, end, typ, "named-after"))
    return out


def _named_head(head: Token, d: dict[str, Any]) -> str | None:
    """The type of a named-after head word (جامعة, مطار …), also when a particle the text layer
    left on it is read off (بثانوية); None for any other word."""
    if head.kind != "word" or head.article:
        return None
    typ = d["named_heads"].get(_bare(head))
    if typ is None and named_head_particle(head):
        typ = d["named_heads"].get(_bare(head)[1:])
    return typ


def named_head_particle(head: Token) -> bool:
    """Whether a named-after head word carries a particle the text layer left on it (و, ب, ل:
    بمطار, لمطار, وطريق); the name then starts after it."""
    bare = _bare(head)
    return (
        not head.prefix
        and not head.article
        and bare[:1] in ("و", "ب", "ل")
        and bare not in _data()["named_heads"]
        and bare[1:] in _data()["named_heads"]
    )


def _nisba(tok: Token) -> bool:
    """Whether a word reads as a relative adjective (الإنسانية, الإسلامية, الطبي)."""
    return not tok.prefix and tok.stem.endswith(("ية", "يه", "ي"))


def _particle_word(tok: Token, letters: str = "لبو") -> bool:
    """Whether a word carries a particle: as the text layer split it, or a first letter
    (of ``letters``) whose word without it is at least three times as frequent in the
    corpus (بنادي, لحوار)."""
    if tok.prefix:
        return tok.prefix[0] in letters
    norm = tok.norm
    return len(norm) >= 4 and norm[0] in letters and much_more_frequent(norm[1:], norm)


def _whole_acronyms(tokens: Sequence[Token], spans: list[Span3]) -> list[Span3]:
    """``spans`` with those over part of an acronym (``بي.بي.سي``: ``hadath.text.sentences.
    acronym_ends``) made one span over all of it, of the first one's type (rule ``acronym``)."""
    out = spans
    done = 0
    for i in [i for i, t in enumerate(tokens) if t.norm in LETTER_NAMES]:  # most sentences: none
        if i < done:
            continue
        j = acronym_ends(tokens, i)
        if j == i:
            continue
        over = [s for s in out if s[0] < j and i < s[1]]
        if over:
            start, end = min(i, over[0][0]), max(j, max(s[1] for s in over))
            out = sorted([s for s in out if s not in over] + [(start, end, over[0][2], "acronym")])
        done = j
    return out


def surnames_are_persons(sentences: Sequence[Sequence[Token]], spans: Sequence[list[Span3]]) -> list[list[Span3]]:
    """The spans of one document's sentences, a one-word name of another type retyped as a
    person when a person's name elsewhere in the document ends with it (ديفيد كاميرون …
    ينبغي على كاميرون: Cameron, not Cameroon)."""
    surnames = {
        _bare(tokens[j - 1])
        for tokens, ss in zip(sentences, spans, strict=True)
        for i, j, t, _ in ss
        if t == "PERS" and j - i >= 2
    }
    surnames = {s for s in surnames if len(s) >= 3} - _data()["misc_words"]  # عبد الله … الله: not a surname
    if not surnames:
        return [list(ss) for ss in spans]
    return [
        [
            (i, j, "PERS", "surname") if j - i == 1 and t != "PERS" and _bare(tokens[i]) in surnames else (i, j, t, src)
            for i, j, t, src in ss
        ]
        for tokens, ss in zip(sentences, spans, strict=True)
    ]
