"""Arguments of events: actors in a sentence, items with quantities, means, places, dates.

Reads: a document's tokens, sentences and resolved mentions. Writes nothing: the event
stage calls these helpers and builds ``Argument`` objects (each with its original span).
"""

from __future__ import annotations

import bisect
import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from hadath.events.lexicon import cue_words, cues, forms, names_an_act
from hadath.lexicons import all_country_names, countries, iso3_of
from hadath.model import Argument, Document, Mention, Sentence, Token
from hadath.ner.rules import common_adjective
from hadath.resolve import resolve_actor
from hadath.resolve.actors import actor_key, tables
from hadath.text import fold

__all__ = ["ActorRef", "find_items", "find_means", "nominal_place", "sentence_actors", "written_as_country"]

_QUOTES = frozenset("\"«»“”'")
_AGENT_CODES = frozenset({"MIL", "GOV", "COP", "REB", "OPP", "INS", "LEG", "SPY", "CVL", "REF", "MED", "JUD", "BUS"})
_ARMED_AGENTS = frozenset({"REB", "INS"})
"""Agents that act by themselves when no country is named (مسلحون متمردون احتلوا …): the
event's place gives their country."""
_BREAKS = frozenset(".،,؛;:؟?!")
_PHRASE_ENDS = frozenset(
    actor_key(w)
    for w in (
        *("على", "في", "إلى", "ضد", "مع", "عن", "أمس", "امس", "اليوم", "غدا", "مواقع", "أهداف", "اهداف", "معاقل"),
        *("مقرات", "تجمعات", "تمركزات", "جهة", "بين", "بعد", "قبل", "منذ", "حيث", "أن", "إن", "التي", "الذي"),
        *("الذين", "لدعم", "لمساعدة", "لمساندة", "لقتال", "لمحاربة", "لمواجهة"),
    )
)
"""Words an actor phrase does not run past (its head and the words naming its country):
prepositions, days, and the positions it acts on (قصفت مقاتلات التحالف أمس مواقع للحوثيين),
a clause's first word (بعد أن, الذي) and a side (المقاومة والجيش من جهة والحوثيين …)."""


@dataclass(frozen=True)
class ActorRef:
    """An actor named in a sentence: token range (sentence-relative), code, and its text."""

    start: int
    end: int
    code: str | None
    country: str | None
    agent: str | None
    char_start: int
    char_end: int
    text: str
    score: float


def _proclitic(tok: Token, firsts: frozenset[str]) -> int:
    """Letters of a proclitic the text layer left on a word (لطيران, وقوات: 1) when the rest
    is an agent word; 0 otherwise."""
    bare = tok.core_start == tok.start and len(tok.norm) > 3 and tok.norm[0] in "ولبف" and tok.text[0] == tok.norm[0]
    return 1 if bare and actor_key(tok.text[1:]) in firsts else 0


def _agent_words(
    keys: Sequence[str], tokens: Sequence[Token], words: Sequence[int], head: int, agents: Mapping[str, Any]
) -> bool:
    """Whether ``words`` (an agent head of ``head`` words and what follows it) name an agent:
    a phrase of the dictionary, or the head and up to two nisba adjectives."""
    if " ".join(keys[k] for k in words) in agents:
        return True
    rest = words[head:]
    return len(rest) <= 2 and all(not _waw(tokens[k]) and (_nisba(tokens[k]) or keys[k] in _STATE_WORDS) for k in rest)


def _nisba(tok: Token) -> bool:
    """Whether a word is written as a relative adjective (العسكرية, الملكي)."""
    return fold(tok.text).endswith(("ي", "يه", "ية"))


def _model_name(tokens: Sequence[Token], k: int) -> bool:
    """Whether token ``k`` is part of a hyphenated model name (إف-16, ميغ-29)."""

    def hyphen(j: int) -> bool:
        return 0 <= j < len(tokens) and tokens[j].text == "-"

    return hyphen(k) or hyphen(k - 1) or hyphen(k + 1)


_CONSTRUCT_HEADS = frozenset(
    actor_key(w)
    for w in (
        "مجلس",
        "هيئة",
        "لجنة",
        "إدارة",
        "وزارة",
        "قيادة",
        "أركان",
        "جهاز",
        "أمانة",
        "مكتب",
        "سلاح",
        "حرس",
        "رئاسة",
        "شرطة",
        "قوات",
        "جيش",
        "وحدات",
        "رئيس",
        "نائب",
        "حكومة",
        "سلطات",
        "مجلسي",
    )
)
"""Nouns in the construct state inside a title or a body's name (نائب رئيس مجلس الأمة
الكويتي): they do not end an actor phrase."""

_STATE_WORDS = frozenset(
    actor_key(p + w) for p in ("", "ب", "ل") for w in ("دولة", "جمهورية", "مملكة", "سلطنة", "إمارة")
)  # وزير الخارجية بدولة الإمارات


def _bare_text(doc: Document, tok: Token) -> str:
    """A word as the actor dictionaries know it: without the proclitic the text layer found
    (والمتمردين: المتمردين; للمتمردين, whose article lost its alif: المتمردين)."""
    if tok.core_start == tok.start:
        return tok.text
    core = doc.text[tok.core_start : tok.end]
    return "ا" + core if tok.article and core.startswith("ل") and not core.startswith("ال") else core


def _countryless(r: dict | None) -> dict | None:
    """A resolution whose dictionary code is only an agent (مسلحون: REB, إرهابيون: REBRAD) as
    an agent of no country, which the event's place will give; others unchanged."""
    code = r.get("code") if r is not None else None
    if code and code[:3] in _AGENT_CODES and len(code) in (3, 6):
        return {**r, "code": None, "agent": code[:3]}
    return r


def _tok_range(tokens: Sequence[Token], start: int, end: int) -> tuple[int, int]:
    starts = [t.start for t in tokens]
    return bisect.bisect_right(starts, start) - 1, bisect.bisect_left(starts, end)


def _actor_from_mention(m: Mention) -> tuple[str | None, str | None, str | None] | None:
    if m.resolution is None:
        return None
    v = m.resolution.value
    if m.resolution.kind == "place":
        # a country; or a city or region standing for its state (زار نواكشوط, قصف قطاع غزة); a
        # province is where things happen (اشتباكات في أبين), seldom who acts
        if v.get("kind") == "province":
            return None
        iso3 = v.get("actor") or iso3_of(v.get("country_code"))
        return (iso3, iso3, None) if iso3 else None
    code = v.get("code")
    if not code and not v.get("agent"):
        return None
    return code, v.get("country"), v.get("agent")


@lru_cache(maxsize=1)
def _written_country_names() -> frozenset[str]:
    """Country names as written: folded, without the article."""
    out = {_bare_fold(n) for names in all_country_names().values() for n in names}
    out.update(_bare_fold(n) for c in countries() for n in c.names)
    return frozenset(out)


def _bare_fold(word: str) -> str:
    w = fold(word)
    return w[2:] if w.startswith("ال") and len(w) > 4 else w


def written_as_country(word: str) -> bool:
    """Whether a word (one of a token's ``forms``) is written as a country's name:
    ``actor_key`` reads مالية (financial, or Malian) as مالي, the name of Mali, which it is not."""
    return _bare_fold(word) in _written_country_names()


def _with_head(doc: Document, tokens: Sequence[Token], a: ActorRef, taken: set[int]) -> ActorRef:
    """A name mention with the agent word before it when the two name one actor of the
    dictionary (مقاتلات + التحالف العربي: the coalition's aircraft, the coalition), so that
    the phrase is not read as an agent of no country beside it; else the mention."""
    k = a.start - 1
    if k < 0 or k in taken or tokens[k].kind != "word":
        return a
    firsts = tables().agent_first_words
    clitic = 0 if actor_key(tokens[k].text) in firsts else _proclitic(tokens[k], firsts)  # لطيران
    if not clitic and actor_key(tokens[k].text) not in firsts:
        return a
    head = tokens[k].text[clitic:] if clitic else _bare_text(doc, tokens[k])
    r = resolve_actor(head + " " + a.text, doc.publication_date, fuzzy=False)
    if r is None or r.get("code") != a.code:
        return a
    s = tokens[k].core_start + clitic
    return dataclasses.replace(a, start=k, char_start=s, text=doc.text[s : a.char_end])


def sentence_actors(doc: Document, sent: Sentence) -> list[ActorRef]:
    """Actors of one sentence: resolved name mentions, and nominal phrases that name a
    state actor (``جيش جمهورية مالي``, ``السلطات الجزائرية``, ``وزير الدفاع المالي``)."""
    tokens = doc.tokens[sent.token_start : sent.token_end]
    out: list[ActorRef] = []
    taken: set[int] = set()
    for m in doc.mentions:
        if not (sent.start <= m.start and m.end <= sent.end) or m.type not in ("ORG", "PERS", "LOC"):
            continue
        a = _actor_from_mention(m)
        i, j = _tok_range(tokens, m.start, m.end)
        if a is None:
            if m.resolution is not None and m.resolution.kind == "place":
                taken.update(range(i, j))  # أمريكا الجنوبية, a continent: not أمريكا, the USA
            continue
        ref = ActorRef(i, j, a[0], a[1], a[2], m.start, m.end, m.text, m.resolution.score)
        out.append(_with_head(doc, tokens, ref, taken))
        taken.update(range(out[-1].start, j))
    t = tables()
    keys = [actor_key(tok.text) for tok in tokens]  # a phrase's key: its words' keys joined
    # country names NER did not tag (الولايات المتحدة): the longest name at each word
    i = 0
    while i < len(tokens):
        hit = _name_at(keys, taken, i, t.country_names, t.country_first_words, 4)
        if hit == 1 and (  # المالي, مالية, دعم مالي: the adjectives, not Mali
            tokens[i].article
            or not any(written_as_country(f) for f in (tokens[i].text, *forms(tokens[i])))
            or common_adjective(tokens, i)
        ):
            hit = 0
        if hit:
            iso3 = t.country_names[" ".join(keys[i : i + hit])]
            s, e = tokens[i].core_start, tokens[i + hit - 1].end
            out.append(ActorRef(i, i + hit, iso3, iso3, None, s, e, doc.text[s:e], 0.8))
            taken.update(range(i, i + hit))
            i += hit
        else:
            i += 1
    # phrases standing for a government that NER did not tag (خادم الحرمين الشريفين, البيت الأبيض)
    out += _phrases(doc, tokens, keys, taken, t.metonyms, t.metonym_first_words)
    i = 0
    firsts = t.agent_first_words
    while i < len(tokens):
        clitic = 0
        if i not in taken and tokens[i].kind == "word" and keys[i] not in firsts:
            clitic = _proclitic(tokens[i], firsts)
            if clitic:
                keys = [*keys[:i], actor_key(tokens[i].text[clitic:]), *keys[i + 1 :]]
        if i in taken or tokens[i].kind != "word" or keys[i] not in firsts:
            i += 1
            continue
        # words from i on, quotes skipped (الجماعات "المتمردة")
        words = [k for k in range(i, min(len(tokens), i + t.max_agent_words + 5)) if tokens[k].text not in _QUOTES]
        found = None
        for n in range(min(t.max_agent_words, len(words)), 0, -1):
            if " ".join(keys[k] for k in words[:n]) in t.agents:
                found = n
                break
        if found is None:
            i += 1
            continue
        # the head and the fewest words after it that name a country (an adjective, a name)
        best = None
        absorbed = None  # a country named at the phrase's end (وزير خارجية روسيا), taken before
        for stop in range(found, len(words) + 1):
            span = words[:stop]
            if any(tokens[k].text in _BREAKS for k in span):
                continue
            held = [k for k in span if k in taken]
            state = next((a for a in out if held and a.start == held[0] and a.code and a.code == a.country), None)
            if (
                held
                and (
                    state is None
                    or held != list(range(state.start, state.end))
                    or span[-1] != state.end - 1
                    # (the words before the country an agent of the dictionary, or its head and
                    # up to two adjectives: وزير خارجية, القوات الجوية الملكية; not الوزير قصف
                    # روسيا nor الأمن ووحدة اليمن)
                    or not _agent_words(keys, tokens, span[: len(span) - len(held)], found, t.agents)
                )
            ):
                continue
            if any(keys[k] in _PHRASE_ENDS or names_an_act(tokens[k]) for k in span[found:]):
                break  # طائرات التحالف غارات على مواقع الحوثيين: not one phrase past على
            if (
                not held
                and any(
                    not tokens[k].article
                    and not _nisba(tokens[k])
                    and keys[k] not in _STATE_WORDS
                    and keys[k] not in t.agents  # (نائب رئيس مجلس الأمة الكويتي: a chain of titles)
                    and keys[k] not in t.agent_first_words
                    and keys[k] not in _CONSTRUCT_HEADS
                    and not _model_name(tokens, k)  # (مقاتلات إف-16 تركية)
                    for k in span[found:-1]
                )
            ):
                continue  # (not المقاتلات تعزيزات عسكرية للحوثيين: an indefinite noun of its own between)
            text = " ".join(_bare_text(doc, tokens[k]) for k in span)
            r = resolve_actor(text, doc.publication_date, fuzzy=False)
            if r is not None and r.get("code") and r["code"] not in _AGENT_CODES:
                best, absorbed = (span, r), state
                break
        if best is None:
            r = _countryless(
                resolve_actor(
                    " ".join(_bare_text(doc, tokens[k]) for k in words[:found]), doc.publication_date, fuzzy=False
                )
            )
            if r is not None and r.get("agent") and any(tokens[k].text in _QUOTES for k in range(i, words[found - 1])):
                best = (words[:found], r)  # الجماعات "المتمردة": an agent with no country
            elif (
                r is not None
                and not r.get("code")
                and r.get("agent") in _ARMED_AGENTS
                and (found == len(words) or words[found] not in taken)  # not ميليشيات «فجر ليبيا»
            ):
                best = (words[:found], r)  # مسلحون متمردون: of the country where they act
            elif (
                r is not None
                and r.get("agent")
                and found < len(words)
                and keys[words[found]] == "تحالف"
                and not any(_has(tokens[k], "led_by") for k in words[found + 1 : found + 3])
            ):
                # طائرات التحالف: which coalition, the event's place says (not التحالف الذي
                # تقوده السعودية: its leader acts)
                best = (words[: found + 1], r)
        if best is not None:
            span, r = best
            if absorbed is not None:
                out.remove(absorbed)  # وزير خارجية روسيا: Russia's minister, one actor
            # والمتمردين, لطيران التحالف: not its و or ل
            s, e = tokens[span[0]].core_start + (clitic if span[0] == i else 0), tokens[span[-1]].end
            out.append(
                ActorRef(
                    span[0],
                    span[-1] + 1,
                    r.get("code"),
                    r.get("country"),
                    r.get("agent"),
                    s,
                    e,
                    doc.text[s:e],
                    float(r.get("score", 0.6)),
                )
            )
            taken.update(range(span[0], span[-1] + 1))
            i = span[-1] + 1
        else:
            i += 1
    # the coalition named alone (غارات التحالف, قيادة التحالف): which one, the event's place
    # says (not التحالف الوطني, a party's alliance, nor تحالف فجر ليبيا)
    for i, tok in enumerate(tokens):
        if i in taken or not tok.article or keys[i] != "تحالف":
            continue
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if nxt is not None and nxt.kind == "word" and (nxt.article or (i + 1) in taken):
            continue
        if any(_has(tokens[k], "led_by") for k in range(i + 1, min(i + 4, len(tokens)))):
            continue  # التحالف الذي تقوده السعودية: its leader acts
        s, e = tok.core_start, tok.end
        out.append(ActorRef(i, i + 1, None, None, "MIL", s, e, doc.text[s:e], 0.5))
        taken.add(i)
    # movements named by their members, where no agent phrase took them in (الحوثيين)
    out += _phrases(doc, tokens, keys, taken, t.movements, t.movement_first_words)
    # a people named by its plural (قصف اليابانيون داروين, الفلسطينيون): its country, unless
    # it qualifies the noun before it (المواطنين السعوديين)
    for i, tok in enumerate(tokens):
        if i in taken or not tok.article or not tok.norm.endswith(("يون", "يين")):
            continue
        if i > 0 and tokens[i - 1].article:
            continue
        iso3 = t.adjectives.get(keys[i])
        if iso3:
            s, e = tok.core_start, tok.end
            out.append(ActorRef(i, i + 1, iso3, iso3, None, s, e, doc.text[s:e], 0.7))
            taken.add(i)
    return _led_coalitions(doc, tokens, keys, sorted(out, key=lambda a: a.start))


_LEADS = {"SAU": "IGOARBCOA", "USA": "IGOWSTCOA"}
"""Coalitions by their leader: the Saudi-led one (Yemen), the US-led one (the Islamic State)."""
_COALITION_HEADS = frozenset({"طائرات", "طيران", "مقاتلات", "قوات", "قيادة", "قياده"})


def _led_coalitions(doc: Document, tokens: Sequence[Token], keys: Sequence[str], out: list[ActorRef]) -> list[ActorRef]:
    """A coalition with its leader named after it (طائرات التحالف بقيادة المملكة, التحالف الدولي
    الذي تقوده المملكة) is the leader's coalition: one actor, coded by the leader; the leader
    named there does not act or suffer apart from it."""
    for j, tok in enumerate(tokens):
        if not _has(tok, "led_by"):
            continue
        leader = next((a for a in out if a.start in (j + 1, j + 2) and a.country in _LEADS), None)
        k = next((k for k in range(j - 1, max(-1, j - 4), -1) if keys[k].endswith("تحالف")), None)
        if leader is None or k is None:
            continue
        code = _LEADS[leader.country or ""]
        named = next((a for a in out if a.start <= k < a.end), None)
        # (the actor runs through its leader's name: التحالف الذي تقوده الولايات المتحدة التي تقوم
        # بقصف, the coalition right before the relative pronoun)
        if named is not None:  # طيران التحالف الدولي الذي تقوده المملكة: the Saudi-led one
            whole = dataclasses.replace(
                named,
                code=code,
                end=leader.end,
                char_end=leader.char_end,
                text=doc.text[named.char_start : leader.char_end],
            )
            out = [a for a in out if a is not leader and a is not named] + [whole]
            continue
        first = k - 1 if k > 0 and tokens[k - 1].norm in _COALITION_HEADS else k
        s, e = tokens[first].core_start, leader.char_end
        coalition = ActorRef(first, leader.end, code, None, None, s, e, doc.text[s:e], 0.9)
        out = [a for a in out if a is not leader and not (a.start < leader.end and first < a.end)] + [coalition]
    return sorted(out, key=lambda a: a.start)


def _phrases(
    doc: Document,
    tokens: Sequence[Token],
    keys: Sequence[str],
    taken: set[int],
    table: Mapping[str, str],
    firsts: frozenset[str],
) -> list[ActorRef]:
    """Actors of a table of phrases (key -> code) found in the tokens not yet taken (and
    marked taken), the longest at each word."""
    out = []
    i = 0
    while i < len(tokens):
        hit = _name_at(keys, taken, i, table, firsts, 3)
        if hit:
            code = table[" ".join(keys[i : i + hit])]
            s, e = tokens[i].core_start, tokens[i + hit - 1].end
            out.append(ActorRef(i, i + hit, code, code[:3], code[3:6] or None, s, e, doc.text[s:e], 0.8))
            taken.update(range(i, i + hit))
        i += hit or 1
    return out


def _name_at(
    keys: Sequence[str], taken: set[int], i: int, table: Mapping[str, str], firsts: frozenset[str], longest: int
) -> int:
    """Words of the longest name of ``table`` (keys: the words' keys joined) at word ``i``,
    none of them already taken; 0 if none. ``firsts``: the names' first words."""
    if keys[i] not in firsts:
        return 0
    for n in range(min(longest, len(keys) - i), 0, -1):
        if not taken.intersection(range(i, i + n)) and " ".join(keys[i : i + n]) in table:
            return n
    return 0


def qualifies_an_act(tokens: Sequence[Token], k: int) -> bool:
    """Whether token ``k`` is a singular nisba adjective right after a noun of an act
    (``qualified_acts``: التفجير الإرهابي, العمليات الإرهابية): it says what kind of act,
    not who did it (العناصر الإرهابية are actors)."""
    tok = tokens[k]
    if k == 0 or not fold(tok.stem).endswith(("ي", "يه", "ية")):
        return False
    return _has(tokens[k - 1], "qualified_acts")


def _waw(tok: Token) -> bool:
    """Whether a token begins with the conjunction و (split off, or bare: وحقائب, وذخائر)."""
    if tok.prefix.startswith("و"):
        return True
    n = tok.norm
    return len(n) >= 4 and n[0] == "و" and n not in cue_words("waw_nouns")


def _has(tok: Token, name: str) -> bool:
    return not cue_words(name).isdisjoint(forms(tok))


def _phrase_at(tokens: Sequence[Token], i: int, name: str) -> int:
    """Length of a cue phrase of class ``name`` starting at token ``i`` (0 if none)."""
    for phrase in sorted(cues()[name], key=len, reverse=True):
        if i + len(phrase) <= len(tokens) and all(phrase[k] in forms(tokens[i + k]) for k in range(len(phrase))):
            return len(phrase)
    return 0


def _arg(doc: Document, tokens: Sequence[Token], i: int, j: int, role: str, **value: Any) -> Argument:
    s, e = tokens[i].start, tokens[j - 1].end
    return Argument(role, s, e, doc.text[s:e], value)


def _close_item(doc: Document, tokens: Sequence[Token], current: list[int], out: list[Argument]) -> None:
    """Turn the token indices of one listed item into an ``item`` argument (then clear them)."""
    if current:
        a, b = current[0], current[-1] + 1
        q = _phrase_at(tokens, a, "quantity_heads")
        value: dict[str, Any] = {}
        if _phrase_at(tokens, a, "item_heads_dropped") and a + 1 < b:
            a += 1  # توفير شاحنات: the item is the trucks
        if tokens[a].kind == "number":
            value["quantity"] = tokens[a].norm
            a += 1
        elif q and a + q < b:
            value["quantity_phrase"] = doc.text[tokens[a].start : tokens[a + q - 1].end]
            a += q
        if a < b:
            arg = _arg(doc, tokens, a, b, "item", **value)
            if _waw(tokens[a]) and not tokens[a].prefix:  # وحقائب: the item starts after و
                arg = Argument("item", arg.start + 1, arg.end, doc.text[arg.start + 1 : arg.end], value)
            elif tokens[a].prefix.startswith("و"):
                s = tokens[a].core_start
                arg = Argument("item", s, arg.end, doc.text[s : arg.end], value)
            out.append(arg)
    current.clear()


def find_items(doc: Document, tokens: Sequence[Token], start: int = 0) -> list[Argument]:
    """Items listed after ``منها``, ``عبارة عن``, ``تضمن`` … (from token ``start`` on):
    ``الوقود``, ``حقائب الأفرشة``, ``أسلحة``; a quantity head (``كميات من المؤن``) is
    dropped and a number kept."""
    out: list[Argument] = []
    i = start
    while i < len(tokens):
        n = _phrase_at(tokens, i, "item_lists")
        if not n:
            i += 1
            continue
        k = i + n
        current: list[int] = []

        stopped = False
        while k < len(tokens) and not stopped:
            tok = tokens[k]
            if tok.text in _BREAKS or tok.text in _QUOTES:
                _close_item(doc, tokens, current, out)
                stopped = tok.text in ".؛;:"
                k += 1
                continue
            joiner = _phrase_at(tokens, k, "item_joiners")
            if joiner and joiner > 1:  # الى جانب
                _close_item(doc, tokens, current, out)
                k += joiner
                continue
            if current and _waw(tok) and not tok.prefix.startswith("وب"):
                _close_item(doc, tokens, current, out)  # وحقائب: a new item
                current.append(k)
                k += 1
                continue
            if _has(tok, "item_stops") and current:
                _close_item(doc, tokens, current, out)
                # skip the modifier clause up to the next joiner
                while (
                    k < len(tokens) and tokens[k].text not in _BREAKS and not _phrase_at(tokens, k, "item_joiners") > 1
                ):
                    if _waw(tokens[k]) and k > i + n and not _has(tokens[k], "item_stops"):
                        break
                    k += 1
                continue
            if len(current) >= 5:  # a clause, not an item: drop it and end the list
                current.clear()
                stopped = True
                continue
            current.append(k)
            k += 1
        _close_item(doc, tokens, current, out)
        i = k
    seen: set[str] = set()
    unique = []
    for a in out:  # الوقود and وقود, ذخائر twice: one item
        k = actor_key(a.text)
        if k not in seen:
            seen.add(k)
            unique.append(a)
    return unique


def find_means(doc: Document, tokens: Sequence[Token]) -> list[Argument]:
    """Means of delivery: ``5 رحلات لطائرات جزائرية`` (a number, a unit, and what follows)."""
    out = []
    for i, tok in enumerate(tokens[:-1]):
        if tok.kind == "number" and _has(tokens[i + 1], "means_units"):
            j = i + 2
            while j < len(tokens) and j < i + 4 and tokens[j].kind == "word" and not _has(tokens[j], "item_stops"):
                j += 1
            out.append(_arg(doc, tokens, i, j, "means", quantity=tok.norm))
    return out


def nominal_place(doc: Document, tokens: Sequence[Token], after: int) -> Argument | None:
    """A place named by a common noun after ``إلى``/``عند``: ``الحدود الجنوبية`` (not the
    borders a purpose speaks of: ``السيطرة على الحدود``)."""
    for i in range(after, len(tokens)):
        if tokens[i].text in _BREAKS:
            return None
        marked = any(_phrase_at(tokens, k, "place_markers") for k in range(max(after, i - 2), i))
        if marked and _phrase_at(tokens, i, "nominal_places"):
            j = i + 1
            if j < len(tokens) and tokens[j].article and tokens[j].kind == "word":
                j += 1
            return _arg(doc, tokens, i, j, "place", kind="nominal")
    return None


def object_items(doc: Document, tokens: Sequence[Token], first: int, end: int) -> list[Argument]:
    """Items named as the object inside an AID trigger (أرسلت أسلحة وذخائر): the trigger's
    last word when it is a thing, not aid in general (مساعدات) or an adjective (عسكرية), and
    the words coordinated with it (وذخائر)."""
    last = end - 1
    if (
        last <= first
        or tokens[last].kind != "word"
        or _has(tokens[last], "generic_aid_nouns")
        or tokens[last].norm == "من"  # مساعدات من: the pattern ends on a preposition
    ):
        return []
    if tokens[last].stem.endswith(("ي", "يه", "ية")):  # عسكرية, العسكري: an adjective
        return []
    out: list[Argument] = []
    k = _modifiers(tokens, end)
    _close_item(doc, tokens, list(range(last, k)), out)
    while k < len(tokens) and tokens[k].kind == "word" and _waw(tokens[k]) and not _has(tokens[k], "item_stops"):
        e = _modifiers(tokens, k + 1)
        _close_item(doc, tokens, list(range(k, e)), out)
        k = e
    return out


_ITEM_MODIFIERS = 2  # adjectives an item named as an object may take (عربات مدرعة)


def _modifiers(tokens: Sequence[Token], k: int) -> int:
    """The end of the adjectives from token ``k`` on that qualify an item (بعربات مدرعة,
    طائرات حربية): words with no article or particle that read as adjectives or
    participles, at most two."""
    n = 0
    while (
        n < _ITEM_MODIFIERS
        and k < len(tokens)
        and tokens[k].kind == "word"
        and not tokens[k].article
        and not tokens[k].prefix
        and not _waw(tokens[k])
        and not _has(tokens[k], "item_stops")
        and (tokens[k].stem.endswith(("ة", "ه", "ي", "ية", "يه")) or tokens[k].stem.startswith("م"))
        and len(tokens[k].stem) > 3
    ):
        k += 1
        n += 1
    return k
