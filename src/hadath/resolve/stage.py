"""The resolve stage. Reads: ``mentions`` (names from NER), ``tokens``, ``sentences`` and the
publication date. Writes: a ``resolution`` on every name mention (``place`` for LOC,
``actor`` for ORG and PERS, and ``actor`` too for LOC mentions of countries) and the
document's ``entities`` (mentions of one person, actor or place, short forms such as
``بوتفليقة`` linked to the full name given earlier).

Persons: the dictionary (by full name, by the name with a shorter nasab, then by surname)
gives the code; the title before the name gives the role and, with a country adjective
(``الرئيس المالي``), the country. A person with a title but no country takes the country
named in the same clause (after the name first, skipping destinations after إلى), then
earlier in the sentence, then the country the document names most. A title does not reach
past another person's name. A member of a Gulf ruling family the dictionary does not know
(``راشد بن عبدالله آل خليفة``) gets the family's country, and ELI without a title.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from typing import Any

from hadath.lexicons import iso2_of, iso3_of
from hadath.model import Document, Entity, Mention, Resolution, Span, Token
from hadath.resolve.actors import actor_key, resolve_actor, tables
from hadath.resolve.places import place_index, resolve_place
from hadath.stage import stage
from hadath.text import fold

__all__ = ["resolve_stage"]

_CLAUSE_BREAKS = frozenset({"،", ",", ".", "؛", ";", ":", "؟", "?", "!"})
_DESTINATION = frozenset({"الي", "نحو", "مع", "ضد"})
"""Words after which a country is where someone goes or whom they deal with (فر إلى الأراضي
الليبية, الاتفاق مع إيران), not a person's own."""
_TITLE_WINDOW = 8
_DESTINATION_WORDS = 3
_NON_STATE = frozenset({"REB", "INS", "OPP"})


def _token_country(tok: Token) -> str | None:
    t = tables()
    k = actor_key(tok.text)
    return t.adjectives.get(k) or t.country_names.get(k) or t.groups.get(k)


def _adjective_country(tok: Token) -> str | None:
    """The country a token names as an adjective or a people (المالي, التوارق)."""
    t = tables()
    k = actor_key(tok.text)
    return t.adjectives.get(k) or t.groups.get(k)


def _title_at(tokens: Sequence[Token], s: int, stop: int) -> tuple[int, str, str] | None:
    """(words, agent, role) of the longest title (an agent phrase with a role) starting at
    token ``s`` and ending by token ``stop``."""
    t = tables()
    for n in range(min(t.max_agent_words, stop - s), 0, -1):
        head = actor_key(" ".join(tok.text for tok in tokens[s : s + n]))
        if head in t.agents and t.agents[head][1]:
            return n, *t.agents[head]
    return None


_POSTED = "posted"
"""The country of an envoy's title that names only the host (سفير … لدى أستراليا): unknown,
and not to be guessed from the sentence, which names the host."""


def _metonym(words: Sequence[Token]) -> str | None:
    """The country of a phrase standing for its government among ``words`` (خادم الحرمين
    الشريفين: SAU), or None."""
    keys = [actor_key(w.text) for w in words]
    metonyms = tables().metonyms
    for n in (4, 3, 2, 1):
        for k in range(len(keys) - n + 1):
            code = metonyms.get(" ".join(keys[k : k + n]))
            if code:
                return code[:3]
    return None


def _country_named(words: Sequence[Token]) -> str | None:
    """A country named by a run of ``words`` (الولايات المتحدة), or None."""
    for n in (3, 2):
        for k in range(len(words) - n + 1):
            found = resolve_actor(" ".join(w.text for w in words[k : k + n]), None, fuzzy=False)
            if found is not None and found.get("kind") == "country":
                return found["code"]
    return None


def _title(
    tokens: Sequence[Token], i: int, persons: frozenset[int] = frozenset()
) -> tuple[str, str, str | None, int] | None:
    """(agent, role, country, start) of the title just before token ``i``: the nearest agent
    phrase in the few tokens before, with an adjective of country right after it; not past
    another person's name (tokens ``persons``: الملك سلمان … من الشيخ محمد)."""
    lo = max(0, i - _TITLE_WINDOW)
    for s in range(i - 1, lo - 1, -1):
        if tokens[s].text in _CLAUSE_BREAKS or s in persons:
            return None
        found = _title_at(tokens, s, i)
        if found is not None:
            n, agent, role = found
            if _heads_a_body(tokens[s + n : i]):
                return None  # رئيس الحزب الجمهوري: the head of a party, not a head of state
            rest = tokens[s + n : i]
            posted = next((k for k, tok in enumerate(rest) if tok.norm == "لدي"), None)
            if posted is not None:
                # سفير خادم الحرمين الشريفين لدى أستراليا: the envoy's country is the sender's,
                # named before لدى (an adjective or a phrase for its government), not the host's
                rest = rest[:posted]
                country = (
                    next((c for tok in rest if (c := _adjective_country(tok) or _token_country(tok))), None)
                    or _metonym(rest)
                    or _country_named(rest)
                )
                return agent, role, country or _POSTED, s
            # (not المالية right after a minister's title before another country: وزير المالية
            # اليوناني is Greece's finance minister)
            found_countries = [(k, c) for k, tok in enumerate(rest) if (c := _adjective_country(tok))]
            if len(found_countries) > 1 and found_countries[0][0] == 0 and actor_key(rest[0].text) in _FINANCE:
                found_countries = found_countries[1:]
            country = found_countries[0][1] if found_countries else None
            return agent, role, country, s
    return None


_FINANCE = frozenset({actor_key("المالية"), actor_key("المالي")})
"""المالية after a title is finance (وزير المالية), not Mali, when another country follows."""

_BODIES = frozenset(
    actor_key(w)
    for w in (
        "حزب",
        "شركة",
        "نادي",
        "اتحاد",
        "جمعية",
        "لجنة",
        "منظمة",
        "جامعة",
        "رابطة",
        "نقابة",
        "مؤسسة",
        "بنك",
        "مصرف",
        "صندوق",
        "غرفة",
    )
)
"""Heads of bodies that are not the state (a party, a company, a club, a federation, a union,
a committee …): a title before one of them (رئيس الحزب الجمهوري, رئيس نادي الجبلين, رئيس
الاتحاد السعودي لكرة القدم) is that body's, not a head of state's or a minister's."""


def _heads_a_body(words: Sequence[Token]) -> bool:
    """Whether the words between a title and a name start with a body that is not the state
    (``_BODIES``), or are a board (مجلس الإدارة)."""
    if not words:
        return False
    first = actor_key(words[0].text)
    if first in _BODIES:
        return True
    return first == actor_key("مجلس") and len(words) > 1 and actor_key(words[1].text) == actor_key("الإدارة")


_APPOSITION_WORDS = 3
"""Words after a title in apposition in which its country adjective may come (وزير الخارجية
الألماني)."""


def _apposition(
    tokens: Sequence[Token], j: int, persons: frozenset[int] = frozenset()
) -> tuple[str, str, str | None, int] | None:
    """(agent, role, country, start) of a title right after a name, in apposition (فرانك
    فالتر شتاينماير وزير الخارجية الألماني), as ``_title`` gives the one before it; not the
    title of the next person named (استقبل الملك سلمان رئيس الوزراء الباكستاني نواز شريف)."""
    found = _title_at(tokens, j, len(tokens))
    if found is None:
        return None
    n, agent, role = found
    country = None
    k = j + n
    while k < min(len(tokens), j + n + _APPOSITION_WORDS) and tokens[k].text not in _CLAUSE_BREAKS:
        c = _adjective_country(tokens[k])
        k += 1
        if c:
            country = c
            break
    if any(x in persons for x in range(j + n, k + 1)):
        return None  # the title of the name after it
    return agent, role, country, j


def _destinations(tokens: Sequence[Token]) -> set[int]:
    """Token indices inside a destination phrase (the few words after إلى / نحو)."""
    out: set[int] = set()
    for k, tok in enumerate(tokens):
        if tok.norm in _DESTINATION:
            out.update(range(k + 1, min(len(tokens), k + 1 + _DESTINATION_WORDS)))
    return out


def _context_country(
    tokens: Sequence[Token], i: int, j: int, agent: str, persons: frozenset[int] = frozenset()
) -> tuple[str | None, str]:
    """A country for the person at tokens ``[i, j)``: named later in the clause, else earlier
    in the sentence (for rebels and insurgents, a people named earlier comes first: المتمردين
    التوارق). Destinations (فر إلى الأراضي الليبية) are not a person's country; nor is a
    country named right after the name (ودعا الرئيس هادي الصين: whom he called on), or after
    the next person's name or title (tokens ``persons``: that person's)."""
    skip = _destinations(tokens)
    k = j
    while k < len(tokens) and tokens[k].text not in _CLAUSE_BREAKS and k not in persons:
        if k > j + 1 and _title_at(tokens, k, len(tokens)) is not None:
            break  # … في جدة أمس معالي وزير الدولة للشؤون الخارجية بجمهورية بنغلاديش: another's title
        c = _token_country(tokens[k]) if k not in skip else None
        if c and k == j and not _adjective_country(tokens[k]):
            c = None
        if c:
            return c, "named later in the clause"
        k += 1
    if agent in _NON_STATE:
        groups = tables().groups
        for k in range(i - 1, -1, -1):
            c = groups.get(actor_key(tokens[k].text))
            if c:
                return c, f"people '{tokens[k].text}' named earlier in the sentence"
    for k in range(i - 1, -1, -1):
        c = _token_country(tokens[k]) if k not in skip else None
        if c:
            return c, "named earlier in the sentence"
    return None, ""


_KUNYA = frozenset(fold(w) for w in ("أم", "أبو", "أبا", "أبي", "ابن", "بنت", "بن"))
"""First words of a two-word name that names someone by a relative (أم البشير)."""

_GIVEN_NAME_MIN = 5
"""Distinct names of the name memory a word must start to be a given name."""


@lru_cache(maxsize=1)
def _given_names() -> frozenset[str]:
    """Words that start many persons' names in the name memory (``ner/names.tsv``): موسى,
    عباس, سلمان, مبارك, folded."""
    counts: Counter[str] = Counter()
    text = resources.files("hadath.data").joinpath("ner/names.tsv").read_text("utf-8")
    for line in text.splitlines():
        if line.startswith("PERS\t"):
            words = line.split("\t")[1].split()
            if len(words) >= 2:
                counts[fold(words[0])] += 1
    return frozenset(w for w, n in counts.items() if n >= _GIVEN_NAME_MIN)


def _given_name(word: str) -> bool:
    """Whether a surname is also a common given name, with or without its article (أحمد موسى,
    ناصر الموسى, منصور السلمان: not Amr Moussa nor King Salman)."""
    key = fold(word)
    return key in _given_names() or (key.startswith("ال") and key[2:] in _given_names())


def _known_person(name: str, when: str | None) -> dict[str, Any] | None:
    """The dictionary's entry for a person's name; a country is no person (كاميرون, the
    surname of ديفيد كاميرون, is not Cameroon)."""
    found = resolve_actor(name, when, fuzzy=False)
    return None if found is None or found.get("kind") == "country" else found


@lru_cache(maxsize=1)
def _first_names_by_surname() -> dict[str, frozenset[str]]:
    """The first words of the dictionary's full names that a bare surname of the dictionary
    also names, with the same code (الأسد, بشار الأسد: SYRGOV -> بشار)."""
    names = tables().names
    out: dict[str, set[str]] = {}
    for key, entries in names.items():
        words = key.split()
        if len(words) < 2 or words[-1] not in names:
            continue
        codes = {e[0] for e in entries}
        if codes & {e[0] for e in names[words[-1]]}:
            out.setdefault(words[-1], set()).add(words[0])
    return {k: frozenset(v) for k, v in out.items()}


def _kinsman(words: Sequence[str]) -> bool:
    """Whether a name has the surname of a known man, named alone by it, but not his first
    name (سليمان الأسد, ماهر الأسد; not بشار الأسد): a relative, not the man of the entry."""
    if words[0] in ("على", "وعلى"):
        return False  # (على أوباما: the preposition, tagged with the name)
    firsts = _first_names_by_surname().get(actor_key(words[-1]))
    return bool(firsts) and actor_key(words[0]) not in firsts and _given_name(words[0])


def _person(
    m: Mention,
    tokens: Sequence[Token],
    i: int,
    j: int,
    when: str | None,
    top: str | None,
    persons: frozenset[int] = frozenset(),
) -> dict[str, Any]:
    words = m.text.split()
    found = _known_person(m.text, when)
    for k in range(len(words) - 2, 1, -1):  # محمد بن نايف بن عبدالعزيز: the name without its grandfather
        if found is None and words[k] == "بن":
            found = _known_person(" ".join(words[:k]), when)
            if found is not None:
                found["reason"] += " by a shorter nasab"
    kunya = len(words) == 2 and fold(words[0]) in _KUNYA  # أم البشير, أبو مبارك: a parent of X, not X
    kin_of = None  # the known man whose surname a kinsman bears (سليمان الأسد), for want of a title
    if found is None and len(words) > 1 and len(words[-1]) >= 4 and not _given_name(words[-1]) and not kunya:
        found = _known_person(words[-1], when)
        if _kinsman(words):
            kin_of, found = found, None
        code = str(found.get("code") or "") if found is not None else ""
        if found is not None and len(code) <= 3 and iso2_of(code) is None:
            found = None  # وداد القاضي, هاني طالب: a word for a kind of actor (a judge), no one
        if found is not None:
            found["reason"] += " by surname"
    value: dict[str, Any] = {"kind": "person", "name": m.text}
    score, reason = 0.5, "person without a known role"
    if found is not None and found.get("code"):
        value.update({k: found[k] for k in ("code", "country", "agent", "valid") if k in found})
        score, reason = found["score"], found["reason"]
    title = _title(tokens, i, persons)
    after = _apposition(tokens, j, persons)
    if after is not None and after[2] is not None and (title is None or title[2] is None):
        title = after  # شتاينماير وزير الخارجية الألماني: the title after the name, with its country
    family = _ruling_family(words, title[1] if title else "") if "code" not in value else None
    if title is not None:
        agent, role, country, _ = title
        value["role"] = role
        how = "title with country adjective"
        posted = country == _POSTED
        if posted:
            country = None
        if country is None and family is not None:
            country, how = family[1], f"ruling family '{family[0]}'"
        if country is None and "country" not in value and not posted:
            country, how = _context_country(tokens, i, j, agent, persons)
            if country is None and top:
                country, how = top, "the country the document names most"
        if "code" not in value and country:
            value.update(code=country + agent, country=country, agent=agent)
            score, reason = 0.75, f"title '{role}' + {how}"
        elif "code" in value:
            reason += f"; role from title '{role}'"
    if "code" not in value and kin_of is not None and kin_of.get("country"):
        # سليمان الأسد: a kinsman of the man the surname names, one of his country's elite
        country = str(kin_of["country"])
        value.update(code=country + "ELI", country=country, agent="ELI")
        score, reason = 0.6, f"a kinsman of the {kin_of.get('code')} the surname names"
    if "code" not in value and family is not None:  # an elite of the family's country
        value.update(code=family[1] + "ELI", country=family[1], agent="ELI")
        score, reason = 0.7, f"ruling family '{family[0]}'"
    return {"value": value, "score": score, "reason": reason}


def _ruling_family(words: Sequence[str], role: str) -> tuple[str, str] | None:
    """(family name, ISO alpha-3) when a person's name ends with a ruling family's (سلمان بن
    حمد آل خليفة -> BHR), or with a royal nasab after a royal title (``role``: الأمير محمد بن
    سلمان بن عبدالعزيز -> SAU), or is a head of state's surname after his title (الرئيس هادي)."""
    families = tables().families
    for n in (3, 2, 1):
        if len(words) >= n:
            name = " ".join(words[-n:])
            found = families.get(fold(name))
            # (the name alone only with the title its row asks for: الرئيس هادي, not آل سعود)
            if found is not None and (role in found[1] or (not found[1] and len(words) > n)):
                return name, found[0]
    return None


@stage("resolve", requires=["mentions", "tokens", "sentences"], assigns=["resolutions", "entities"])
def resolve_stage(doc: Document) -> Document:
    """Resolve every name mention and group mentions into entities."""
    when = doc.publication_date
    starts = [t.start for t in doc.tokens]
    names = [m for m in doc.mentions if m.type in ("LOC", "ORG", "PERS", "MISC")]
    # countries the document names, for place context and persons without a country
    named: Counter[str] = Counter()
    for m in names:
        if m.type == "LOC":
            a = resolve_actor(m.text, when, fuzzy=False)
            if a and a.get("kind") == "country" and a.get("source") == "countries":
                named[a["code"]] += 1
    top = named.most_common(1)[0][0] if named else None
    iso2_named = {iso2: n for iso3, n in named.items() if n and (iso2 := iso2_of(iso3))}
    # the provinces it names say where it is too (أبين, لحج: Yemen, so زنجبار is Zinjibar, not
    # Zanzibar), when they are named with their head word or have no namesake elsewhere; its
    # big cities (جدة, الرياض: Saudi Arabia) only make hamlets and districts abroad unlikely
    # (a bonus for their country's towns would give Rome, Georgia for روما in a report that
    # names New York)
    provinces: Counter[str] = Counter()
    where = set(iso2_named)
    for m in names:
        if m.type == "LOC" and m.source != "ner-rule:kingdom":
            p = resolve_place(m.text, [], iso2_named)
            if p is None:
                continue
            if p["kind"] == "province" and p["score"] >= _SURE_PROVINCE:
                provinces[p["country_code"]] += 1
            elif p["kind"] == "city" and p["population"] >= _BIG_CITY and not _namesakes(p):
                where.add(p["country_code"])
    for iso2, n in provinces.items():
        iso2_named[iso2] = iso2_named.get(iso2, 0) + n
    where |= set(iso2_named)
    sentence_of = {}
    for s in doc.sentences:
        for k in range(s.token_start, s.token_end):
            sentence_of[k] = s
    spans = [(m, bisect.bisect_right(starts, m.start) - 1, bisect.bisect_left(starts, m.end)) for m in names]
    persons = {k for m, i, j in spans if m.type == "PERS" for k in range(i, j)}  # a title stops at one
    local_persons: dict[int, frozenset[int]] = {}  # the same, indexed in each sentence
    # the last words of persons' names (ديفيد كاميرون): written alone, the person
    surnames = {m.text.split()[-1] for m in names if m.type == "PERS" and len(m.text.split()) > 1}
    kingdoms: list[Mention] = []

    for m, i, j in spans:
        sent = sentence_of.get(max(i, 0))
        toks = doc.tokens[sent.token_start : sent.token_end] if sent else doc.tokens
        si, sj = (i - sent.token_start, j - sent.token_start) if sent else (i, j)
        if m.type == "LOC":
            if m.source == "ner-rule:kingdom":
                kingdoms.append(m)  # resolved once the document's places are known
                continue
            before = [t.text for t in toks[max(0, si - 4) : si]]
            place = resolve_place(m.text, before, iso2_named, where)
            if place is not None and "name with article" in place["reason"] and m.text in surnames:
                # كاميرون, named ديفيد كاميرون elsewhere: the man, not الكاميرون (Cameroon); a
                # person (below), linked to his full name with the document's persons
                m.type = "PERS"
            else:
                if place is not None:
                    drop = ("score", "reason", "candidates", "population")
                    value = {k: v for k, v in place.items() if k not in drop}
                    if place["kind"] == "country":
                        value["actor"] = iso3_of(place["country_code"])
                    m.resolution = Resolution("place", value, place["score"], place["reason"], place["candidates"])
                continue
        if (
            m.type == "PERS"
            and " " in m.text
            and (a := resolve_actor(m.text, when, fuzzy=False))
            and a.get("kind") == "country"
        ):
            # بيونغ يانغ tagged as a person: a name of two words or more that is a country's (or
            # its capital's); one word may be a man's (كاميرون)
            score, reason = a.pop("score"), a.pop("reason")
            m.resolution = Resolution("actor", {"name": m.text, **a}, score, reason + "; tagged as a person")
            continue
        if m.type == "PERS":
            offset = sent.token_start if sent else 0
            if offset not in local_persons:
                local_persons[offset] = frozenset(k - offset for k in persons)
            r = _person(m, toks, si, sj, when, top, local_persons[offset])
            m.resolution = Resolution("actor", r["value"], r["score"], r["reason"])
            continue
        a = resolve_actor(m.text, when)
        if a is None and m.source == "ner-rule:cited":
            a = {"code": None, "agent": "MED", "kind": "media", "score": 0.7, "reason": "outlet cited as a source"}
        if a is not None:
            score, reason = a.pop("score"), a.pop("reason")
            m.resolution = Resolution("actor", {"name": m.text, **a}, score, reason)
    if kingdoms:
        _resolve_kingdoms(kingdoms, names, doc.text)
    doc.entities = _entities(doc, names)
    return doc


_SURE_PROVINCE = 0.8
"""A province resolved at least this surely counts towards the document's countries."""

_BIG_CITY = 500_000
"""A city of at least this many people (جدة, الرياض) says which country the document is about
(``resolve_place``'s ``where``), unless a town of another country has its name (زنجبار:
Zanzibar, and Zinjibar in Yemen); it weighs as much as a province for the Kingdom."""


def _namesakes(place: dict[str, Any]) -> bool:
    """Whether a resolved place has a namesake in another country among its candidates."""
    return any(c["country_code"] != place["country_code"] for c in place["candidates"])


KINGDOMS = {"SA": "السعودية", "JO": "الأردن", "MA": "المغرب", "BH": "البحرين"}
"""The kingdoms news calls المملكة, by ISO alpha-2, with a name the place index knows."""

_SULTANATE = ("OM", "سلطنة عمان")
"""The country news calls السلطنة, and a name of it the place index knows."""


def _resolve_kingdoms(kingdoms: list[Mention], names: Sequence[Mention], text: str = "") -> None:
    """المملكة alone: the kingdom whose places the document names most, when they weigh one
    at least: the country itself, a province or a city of 500,000 people count one, a smaller
    place half (one town, مفرق in a report on Yemen — Mafraq, Jordan — is no evidence);
    without such evidence Saudi Arabia, the kingdom Arabic news most often calls so, with a
    lower score; never a kingdom named with it by و (اتفقت المملكة والأردن: Saudi Arabia and
    Jordan). السلطنة alone: Oman."""
    sultanates = [m for m in kingdoms if "سلطن" in m.text]
    if sultanates:
        _kingdom_is(sultanates, *_SULTANATE, 0.8, "the Sultanate: Oman")
        kingdoms = [m for m in kingdoms if m not in sultanates]
    if not kingdoms:
        return
    index = place_index()
    seen: Counter[str] = Counter()
    for m in names:
        if m.resolution is None or m.resolution.kind != "place":
            continue
        v = m.resolution.value
        if v.get("country_code") not in KINGDOMS:
            continue
        p = index.places.get(v.get("id", ""))
        big = v.get("kind") != "city" or (p is not None and p.population >= _BIG_CITY)
        seen[v["country_code"]] += 2 if big else 1
    for other in _coordinated_kingdoms(kingdoms, names, text):
        seen.pop(other, None)
    iso2, n = seen.most_common(1)[0] if seen else ("SA", 0)
    if n < 2:
        reason = "the Kingdom: Saudi Arabia, as news most often means (no kingdom's places named)"
        _kingdom_is(kingdoms, "SA", KINGDOMS["SA"], 0.5, reason)
    else:
        reason = f"the Kingdom: the document's places are mostly in {iso2}"
        _kingdom_is(kingdoms, iso2, KINGDOMS[iso2], 0.8, reason)


def _coordinated_kingdoms(kingdoms: Sequence[Mention], names: Sequence[Mention], text: str) -> set[str]:
    """The kingdoms (ISO alpha-2) named right next to المملكة with و between them (المملكة
    والأردن, الأردن والمملكة): another kingdom than the one it means."""
    out: set[str] = set()
    for k in kingdoms:
        for m in names:
            if m.resolution is None or m.resolution.kind != "place":
                continue
            code = m.resolution.value.get("country_code")
            if code not in KINGDOMS:
                continue
            gap = text[k.end : m.start] if m.start >= k.end else text[m.end : k.start]
            if gap.strip() in ("و", "") and len(gap) <= 3 and ("و" in gap or text[m.start - 1 : m.start] == "و"):
                out.add(code)
    return out


def _kingdom_is(mentions: Sequence[Mention], iso2: str, name: str, score: float, reason: str) -> None:
    """Resolve ``mentions`` (المملكة, السلطنة) to the country ``iso2``, which the place index
    knows as ``name``."""
    place = resolve_place(name, [], {})
    if place is None:
        return
    value = {k: v for k, v in place.items() if k not in ("score", "reason", "candidates", "population")}
    value["actor"] = iso3_of(iso2)
    for m in mentions:
        m.resolution = Resolution("place", dict(value), score, reason, [])


def _entities(doc: Document, names: list[Mention]) -> list[Entity]:
    """Group mentions: persons by full name (a later surname links to it), others by code/place."""
    groups: dict[str, Entity] = {}
    persons: list[Entity] = []
    first: dict[str, dict[str, Any]] = {}  # a person entity's first resolved value
    for m in sorted(names, key=lambda m: m.start):
        value = m.resolution.value if m.resolution else {}
        if m.type == "PERS":
            words = m.text.split()
            target = next(
                (e for e in persons if m.text == e.name or (len(words) == 1 and words[0] in e.name.split())), None
            )
            if target is None:
                target = Entity(f"{doc.id}:p{len(persons) + 1}", "PERS", m.text, value.get("code"), {})
                if value.get("role"):
                    target.attributes["role"] = value["role"]
                persons.append(target)
                first[target.id] = value
            elif m.resolution and not value.get("code") and target.code:
                # the earlier name's code, and its country and agent (else the events stage
                # would take the event's place for its country: RUS + SAUGOV)
                known = first[target.id]
                m.resolution.value.update({k: known[k] for k in ("code", "country", "agent") if k in known})
                m.resolution.reason += "; linked to an earlier full name"
            target.mentions.append(Span(m.start, m.end))
            m.entity_id = target.id
            continue
        key = value.get("id") or value.get("code") or f"{m.type}:{actor_key(m.text)}"
        ent = groups.get(key)
        if ent is None:
            ent = Entity(f"{doc.id}:{key}", m.type, m.text, value.get("actor") or value.get("code"), {})
            for k in ("geonames", "lat", "lon", "country_code", "kind"):
                if k in value:
                    ent.attributes[k] = value[k]
            groups[key] = ent
        ent.mentions.append(Span(m.start, m.end))
        m.entity_id = ent.id
    return persons + list(groups.values())
