"""Actors: names and phrases to CAMEO-style codes (DZA, MLIMIL, DZAGOV, IGOWAFECW ...).

Reads: ``hadath/data/actors/`` — ``actors.tsv`` (converted from UniversalPetrarch's Arabic
actor dictionary by ``scripts/build_actors.py``, codes with date ranges), ``extra.tsv``
(hand-kept IGOs, armed groups, news agencies), ``agents.tsv`` (agent heads: الجيش -> MIL,
الرئيس -> GOV with the role "president"), ``groups.tsv`` (peoples: التوارق -> MLI),
``families.tsv`` (ruling families: آل خليفة -> BHR), ``metonyms.tsv`` (phrases that stand for
a government: البيت الأبيض -> USAGOV) and the country table. Names are
matched on a key that ignores diacritics, letter variants, the article on every word and
the feminine/plural of adjectives (``الحكومة السودانية`` and the dictionary's ``حكومة
سوداني`` meet) and joins ``عبد`` to the next word, then by fuzzy matching (rapidfuzz) for
spelling variants (``الطوارق``/``التوارق``). A person's name is also known without a
leading honorific (``أمير``, ``شيخ``) and as first and last name without the nasab.

``resolve_actor(text)`` tries, in order: the dictionaries (the code valid at the document's
date when the entry has dates); an agent head plus a country (``الجيش المالي`` -> MLI + MIL,
``حكومة مالي`` -> MLI + GOV, ``المتمردين التوارق`` -> MLI + REB); a fuzzy match. Persons get
their role and country from the title before them (``الرئيس المالي أمادو توماني``) or from
the clause around them (see ``hadath.resolve.stage``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources
from typing import Any

from hadath.cache import word_cache
from hadath.lexicons import adjective_forms, all_country_names, countries
from hadath.text import fold

__all__ = ["ActorTables", "actor_key", "resolve_actor", "tables"]

_NISBA_ENDINGS = ("يه", "يين", "يون", "يات")


@word_cache(1 << 18)
def _word_key(w: str) -> str:
    w = fold(w)
    for p in ("وال", "بال", "لل", "فال"):
        if w.startswith(p) and len(w) - len(p) >= 3:
            w = w[len(p) :] if p != "لل" else w[2:]
            break
    if w.startswith("ال") and len(w) > 4:
        w = w[2:]
        if w.startswith("ال") and len(w) > 4:  # الألماني: the article, then ألماني (folded الماني)
            w = w[2:]
    for end in _NISBA_ENDINGS:
        if w.endswith(end) and len(w) - len(end) >= 3:
            w = w[: -len(end)] + "ي"
            break
    return w


@word_cache(1 << 18)
def actor_key(text: str) -> str:
    """Matching key of a name or phrase: the words' keys, space-separated; ``عبد`` is
    joined to the word after it (``عبد العزيز`` and ``عبدالعزيز`` meet)."""
    words = text.replace("_", " ").split()
    out = []
    k = 0
    while k < len(words):
        w = words[k]
        if fold(w) == "عبد" and k + 1 < len(words):
            w, k = w + words[k + 1], k + 1
        out.append(_word_key(w))
        k += 1
    return " ".join(out)


_HONORIFICS = frozenset(actor_key(w) for w in ("أمير", "أميرة", "شيخ", "شيخة", "ملك", "دكتور", "سيد", "سيدة"))
"""Leading words of dictionary names that a name mention leaves out (الأمير محمد بن نايف:
NER tags محمد بن نايف)."""


def _name_variants(key: str) -> list[str]:
    """Other keys of a person's name in the dictionary: without a leading honorific, and
    first name plus last name without the nasab (عادل بن أحمد الجبير: عادل الجبير)."""
    words = key.split()
    out = []
    if len(words) >= 3 and words[0] in _HONORIFICS:
        words = words[1:]
        out.append(" ".join(words))
    if len(words) >= 3 and words[1] == "بن" and words[-1] != "بن":
        out.append(f"{words[0]} {words[-1]}")
    return out


@dataclass
class ActorTables:
    names: dict[str, list[tuple[str, str, str, str]]]  # key -> [(code, start, end, source)]
    kinds: dict[str, str]  # code -> kind for hand-kept entries
    english: dict[str, str]
    agents: dict[str, tuple[str, str]]  # key -> (agent code, role)
    adjectives: dict[str, str]  # key -> ISO alpha-3
    country_names: dict[str, str]  # key -> ISO alpha-3
    groups: dict[str, str]  # key -> ISO alpha-3
    max_agent_words: int
    families: dict[str, tuple[str, frozenset[str]]]  # a ruling family's name (folded) -> ISO alpha-3, roles
    metonyms: dict[str, str]  # key of a phrase standing for a government -> code (البيت الأبيض -> USAGOV)
    group_countries: dict[str, tuple[str, ...]]  # a people of several countries -> all of them (الأكراد)
    movements: dict[str, str]  # key of a movement named by its members -> code (الحوثيين -> YEMREB)

    @cached_property
    def country_first_words(self) -> frozenset[str]:
        """First words of the country names' keys (most words begin none)."""
        return frozenset(k.split(" ")[0] for k in self.country_names)

    @cached_property
    def metonym_first_words(self) -> frozenset[str]:
        """First words of the metonyms' keys."""
        return frozenset(k.split(" ")[0] for k in self.metonyms)

    @cached_property
    def movement_first_words(self) -> frozenset[str]:
        """First words of the movements' keys."""
        return frozenset(k.split(" ")[0] for k in self.movements)

    @cached_property
    def agent_first_words(self) -> frozenset[str]:
        """First words of the agent phrases' keys."""
        return frozenset(k.split(" ")[0] for k in self.agents)


def _rows(resource: str) -> list[list[str]]:
    text = resources.files("hadath.data").joinpath(resource).read_text("utf-8")
    return [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]


@lru_cache(maxsize=1)
def tables() -> ActorTables:
    names: dict[str, list[tuple[str, str, str, str]]] = {}
    kinds: dict[str, str] = {}
    english: dict[str, str] = {}
    for code, kind, en, arabic in _rows("actors/extra.tsv"):
        kinds[code], english[code] = kind, en
        for n in arabic.split("|"):
            names.setdefault(actor_key(n), []).append((code, "", "", "extra"))
    for resource, source in (("actors/persons.tsv", "persons"), ("actors/actors.tsv", "upetrarch")):
        # people in the news first (a term of office of this project's list wins)
        for name, codes in _rows(resource):
            bucket = names.setdefault(actor_key(name), [])
            for c in codes.split("|"):
                code, dates = c.split("@")
                start, end = dates.split("-")
                bucket.append((code, start, end, source))
    for key, entries in list(names.items()):
        converted = [e for e in entries if e[3] == "upetrarch"]
        for variant in _name_variants(key) if converted else ():
            if variant not in names:  # a name of its own wins
                names[variant] = converted
    adjectives, country_names = {}, {}
    for iso3, arabic in all_country_names().items():
        kinds[iso3] = "country"
        for n in arabic:
            country_names[actor_key(n)] = iso3
            names.setdefault(actor_key(n), []).insert(0, (iso3, "", "", "countries"))
    for c in countries():
        english[c.iso3] = c.iso3
        kinds[c.iso3] = "country"
        for a in c.adjectives:
            for f in adjective_forms(a):
                adjectives[actor_key(f)] = c.iso3
        for n in c.names:
            country_names[actor_key(n)] = c.iso3
            names.setdefault(actor_key(n), []).insert(0, (c.iso3, "", "", "countries"))
    agents = {actor_key(row[0]): (row[1], row[2] if len(row) > 2 else "") for row in _rows("actors/agents.tsv")}
    group_rows = [(actor_key(n), tuple(iso3.split("|"))) for n, iso3 in _rows("actors/groups.tsv")]
    groups = {k: isos[0] for k, isos in group_rows}
    families = {  # as written: الصباح, not صباح
        fold(row[0]): (row[1], frozenset(row[2].split("|")) if len(row) > 2 else frozenset())
        for row in _rows("actors/families.tsv")
    }
    for key in agents.keys() & names.keys():
        # a bare agent head names no country: the converted dictionary's رئيس حكومة ->
        # DZAJUDHRI (one person's role) is dropped; its generic codes (GOV) stay
        kept = [e for e in names[key] if e[3] != "upetrarch" or kinds.get(e[0][:3]) != "country"]
        if kept:
            names[key] = kept
        else:
            del names[key]
    metonyms = {actor_key(n): code for code, names_ in _rows("actors/metonyms.tsv") for n in names_.split("|")}
    movements = {actor_key(n): code for code, names_ in _rows("actors/movements.tsv") for n in names_.split("|")}
    return ActorTables(
        names,
        kinds,
        english,
        agents,
        adjectives,
        country_names,
        groups,
        max(len(k.split()) for k in agents),
        families,
        metonyms,
        {k: isos for k, isos in group_rows if len(isos) > 1},
        movements,
    )


def _valid(entries: list[tuple[str, str, str, str]], when: str | None) -> tuple[str, str, str, str]:
    """The entry valid at ``when`` (YYYY or a date), else the open-ended or latest one."""
    if when:
        w = when.replace("-", "")[:8].ljust(8, "0")
        dated = [e for e in entries if (not e[1] or e[1] <= w) and (not e[2] or w <= e[2])]
        if dated:
            return dated[0]
    open_ended = [e for e in entries if not e[2]]
    return (open_ended or sorted(entries, key=lambda e: e[2], reverse=True))[0]


def _expired(entries: list[tuple[str, str, str, str]], when: str | None) -> bool:
    """Whether every entry's office had ended before ``when``."""
    if not when:
        return False
    w = when.replace("-", "")[:8].ljust(8, "0")
    return all(e[2] and e[2] < w for e in entries)


_FINANCE_HEADS = frozenset(
    actor_key(w)
    for w in ("وزير", "وزيرة", "وزارة", "لجنة", "الشؤون", "شؤون", "الرقابة", "السياسة", "الأوراق", "الهيئة")
)
"""Words after which المالية is "finance", not Malian (وزير المالية اليوناني: the Greek one)."""


def _country_in(words: list[str], t: ActorTables, before: str = "") -> tuple[str | None, str]:
    """A country named by ``words`` (an adjective, a name, جمهورية X, or a people); ``before``:
    the last word of the agent head before them."""
    for i in range(len(words)):
        prev = words[i - 1] if i > 0 else before
        if words[i] == "مالي" and prev in _FINANCE_HEADS and i + 1 < len(words):
            continue  # وزير المالية اليوناني (but وزير المالية المالي: the last word, Malian)
        rest = " ".join(words[i:])
        for table, how in ((t.adjectives, "adjective"), (t.country_names, "name"), (t.groups, "people")):
            if rest in table:
                return table[rest], how
        if words[i] in t.adjectives:
            return t.adjectives[words[i]], "adjective"
        if words[i] in t.groups:
            return t.groups[words[i]], "people"
    return None, ""


_SECURITY_KINDS = frozenset({"قومي", "وطني", "اقليمي", "غذائي", "مائي", "سيبراني", "اقتصادي", "طاقه"})
"""``actor_key`` of the words that make أمن a kind of security, not a security force."""


def _compose(words: list[str], t: ActorTables) -> dict[str, Any] | None:
    """Agent head + country: الجيش المالي, حكومة مالي, المتمردين التوارق."""
    for n in range(min(t.max_agent_words, len(words)), 0, -1):
        head = " ".join(words[:n])
        if head in t.agents:
            agent, role = t.agents[head]
            country, how = _country_in(words[n:], t, words[n - 1])
            if country and head == "امن" and how == "name":
                return None  # أمن روسيا القومي, أمن مصر: a country's security, no security force
            if country and head == "امن" and _SECURITY_KINDS.intersection(words[n:]):
                # الأمن القومي التركي: the country's security, which stands for the country
                # (داعش تهدد الأمن القومي التركي), not a security force
                return {"code": country, "country": country, "kind": "country", "reason": "a country's security"}
            if country and how == "people" and n < len(words):
                # مدفعي للحوثيين, عناصر الحوثيين: an armed people's own code (YEMREB), not its
                # country's army
                group = resolve_actor(" ".join(words[n:]), None, fuzzy=False)
                armed = group is not None and group.get("agent") in ("REB", "INS", "OPP")
                if armed and group is not None and group.get("country") == country:
                    return {**group, "reason": f"agent '{head}' + {group['reason']}"}
            if country:
                out = {"code": country + agent, "country": country, "agent": agent, "kind": "state_actor"}
                if role:
                    out["role"] = role
                return {**out, "reason": f"agent '{head}' + country {how}"}
            return {
                "code": None,
                "agent": agent,
                "role": role,
                "score": 0.4,
                "reason": f"agent '{head}' without a country",
            }
    return None


def resolve_actor(text: str, when: str | None = None, fuzzy: bool = True) -> dict[str, Any] | None:
    """The actor a name or phrase denotes, with provenance; None when nothing matches.

    The result has ``code`` (None when only the agent is known), ``country``, ``agent``,
    ``role``, ``kind``, ``score``, ``reason`` and, for dictionary matches, ``source``.
    Results are cached per (text, date, fuzzy); each call gets its own copy.
    """
    found = _resolve_cached(text, when, fuzzy)
    return dict(found) if found is not None else None


_STATE_HEADS = frozenset({"مملكه", "جمهوري", "جمهوريه", "سلطنه", "دوله", "اماره"})
"""The form of a state before its adjective (المملكة الأردنية, سلطنة عمانية), as ``actor_key`` writes it."""


@word_cache(131072)
def _resolve_cached(text: str, when: str | None, fuzzy: bool) -> dict[str, Any] | None:
    t = tables()
    key = actor_key(text)
    if not key:
        return None
    entries = t.names.get(key)
    if entries and " " not in key and _expired(entries, when):
        # سليمان (Michel Suleiman, army chief until 2008) in a 2015 report is someone else: a
        # single word names the one the dictionary meant only while he held the office
        entries = None
    if entries is None and text.startswith("ل") and not text.startswith("ال"):
        return _resolve_cached("ا" + text, when, fuzzy)  # للجيش المالي: ل + الجيش, the alef not written
    if entries:
        code, start, end, source = _valid(entries, when)
        out: dict[str, Any] = {"code": code, "kind": t.kinds.get(code, "actor"), "source": source}
        if len(code) >= 6 and code[:3].isalpha() and code[3:6] in {a for a, _ in t.agents.values()}:
            out.update(country=code[:3], agent=code[3:6])
        elif t.kinds.get(code) == "country":
            out["country"] = code
        if start or end:
            out["valid"] = f"{start or '…'}-{end or '…'}"
        return {**out, "score": 0.95, "reason": f"dictionary ({source})"}
    words = key.split()
    if words[0] in _STATE_HEADS and len(words) in (2, 3) and (len(words) == 2 or words[1] == "عربي"):
        # المملكة الأردنية, الجمهورية العربية السورية: a state named by its form and adjective
        iso3 = t.adjectives.get(words[-1])
        if iso3 is not None and t.kinds.get(iso3) == "country":
            return {
                "code": iso3,
                "kind": "country",
                "source": "countries",
                "country": iso3,
                "score": 0.9,
                "reason": f"state '{words[0]}' + adjective",
            }
    composed = _compose(words, t)
    if composed is not None and composed.get("code"):
        return {**composed, "score": 0.85}
    if fuzzy and len(key) >= 6:
        from rapidfuzz import fuzz, process

        hit = process.extractOne(key, t.names.keys(), scorer=fuzz.ratio, score_cutoff=90)
        if hit is not None:
            name, sim, _ = hit
            code, start, end, source = _valid(t.names[name], when)
            return {
                "code": code,
                "kind": t.kinds.get(code, "actor"),
                "source": source,
                "score": round(0.8 * sim / 100, 3),
                "reason": f"fuzzy match of '{name}' ({sim:.0f}%)",
            }
        # a people's name spelled another way (الطوارق / التوارق)
        for w in words:
            g = process.extractOne(w, t.groups.keys(), scorer=fuzz.ratio, score_cutoff=85)
            if g is not None and composed is not None:
                iso3 = t.groups[g[0]]
                return {
                    "code": iso3 + composed["agent"],
                    "country": iso3,
                    "agent": composed["agent"],
                    "kind": "state_actor",
                    "score": 0.75,
                    "reason": f"agent + people '{g[0]}' (fuzzy {g[1]:.0f}%)",
                }
    return composed if composed is not None else None
