"""The event stage. Reads: ``tokens``, ``sentences``, resolved ``mentions``. Writes:
``events`` — who did what to whom (PLOVER type and mode, CAMEO code, source and target
actor codes), with items, quantities, means, place and date, negation and modality, a
confidence, and the evidence, every argument with its span in the original text.

In each sentence the trigger lexicon finds what happened; the source is the actor before a
verb trigger (or right after it: قررت السلطات الجزائرية تدعيم ...), the target the first
other actor after it. A nominal trigger with no giver (``المساعدات العسكرية للجيش المالي
تأتي ...``) makes no event by itself: its arguments join the document's event of the same
kind. Reports of one event in one document (same type, mode, source and target country,
modality and polarity) are merged into one event; a following sentence that goes on about
the aid (``الكمية الأولى عبارة عن ...``) adds its items.
"""

from __future__ import annotations

import bisect
import dataclasses
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from hadath.events.arguments import (
    _ARMED_AGENTS,
    ActorRef,
    find_items,
    find_means,
    nominal_place,
    object_items,
    qualifies_an_act,
    sentence_actors,
    written_as_country,
)
from hadath.events.lexicon import TriggerMatch, codebook, coordinated, cue_words, find_triggers, forms
from hadath.lexicons import iso3_of
from hadath.model import Argument, Document, Event, Sentence, Span, Token
from hadath.ner.rules import adjective_homographs
from hadath.resolve.actors import actor_key, tables
from hadath.resolve.places import place_index
from hadath.stage import stage
from hadath.text import fold

__all__ = ["events_stage"]

_CONTINUATION = 2  # sentences after an aid event that may go on about it
_SHORT_CLAUSE = 4  # words of a parenthetical clause before the trigger's (its time and place)


def _near(tokens: Sequence[Token], lo: int, hi: int, name: str) -> bool:
    wanted = cue_words(name)
    return any(not wanted.isdisjoint(forms(tokens[k])) for k in range(max(0, lo), max(0, hi)))


_TITLE_WORDS = 9
"""Title and honorific words that may come before a name (صاحب السمو الملكي الأمير)."""

_VSO_GAP = 3
"""Words between an actor and a verb past which an actor right after the verb is its subject."""

_NEEDS_TARGET = frozenset({"SUPPORT", "CONSULT"})
"""PLOVER types that always have a counterpart: support *for* someone, a visit or meeting
*with* someone (one who receives customers or a museum that is visited consults no one)."""
_NOT_IN_SPORTS = frozenset({"ASSAULT", "THREATEN", "COERCE", "RETREAT", "CONSULT", "AGREE", "CONCEDE"})
"""Types that a sports report's words only seem to name: a match's مواجهة and هجوم, a club's
تهديد, a team's انسحاب from a tournament, a player's signing (التوقيع مع مهاجم)."""
_NOT_IN_SPORTS_SENTENCES = _NOT_IN_SPORTS | {"REJECT", "REQUEST", "ACCUSE", "PROTEST"}
"""... and, in a sentence with two sports words or more, what clubs, players and federations do among
themselves (the club asked the federation for fans at the match, which refused)."""
_SPORTS_DOCUMENT = 3  # distinct sports words that make a whole document a sports report


def _sports_words(tokens: Sequence[Token]) -> set[str]:
    wanted = cue_words("sports")
    return {f for tok in tokens if tok.kind == "word" for f in forms(tok) if f in wanted}


_NEAR = 16  # tokens between a source outside the trigger's clause and the trigger
_NOUN_GAP = 4  # tokens between a noun trigger and a doer before it with no verb that makes it
_CLAUSE = ("،", ",", ".", "؛", ";")
_CERTAINTY = ("asserted", "reported", "intent", "future", "hypothetical")


def _time_aside(tokens: Sequence[Token], comma: int, step: int) -> int:
    """The comma that closes a time put between commas (``، أمس،``, ``، مساء الجمعة،``: words
    of the cue list ``time_aside``) opened by the comma at ``comma``, reading in direction
    ``step`` (1 or -1); -1 if there is none."""
    k = comma + step
    for _ in range(3):
        if not 0 <= k < len(tokens) or tokens[k].kind != "word" or not _near(tokens, k, k + 1, "time_aside"):
            return -1
        k += step
        if 0 <= k < len(tokens) and tokens[k].text in ("،", ","):
            return k
    return -1


def _clause_start(tokens: Sequence[Token], i: int) -> int:
    while i > 0:
        if tokens[i - 1].text in _CLAUSE:
            aside = _time_aside(tokens, i - 1, -1)
            if aside < 0:
                break
            i = aside
        i -= 1
    return i


def _clause_end(tokens: Sequence[Token], i: int) -> int:
    while i < len(tokens):
        if tokens[i].text in _CLAUSE:
            aside = _time_aside(tokens, i, 1)
            if aside < 0:
                break
            i = aside
        i += 1
    return i


def _country_after(tokens: Sequence[Token], k: int, source: ActorRef) -> ActorRef | None:
    """A country name right after a verb trigger (its object), even if NER did not tag it."""
    if k >= len(tokens) or tokens[k].kind != "word" or source.start <= k < source.end:
        return None  # (ندد كاميرون: the subject himself, not الكاميرون)
    names = tables().country_names
    iso3 = next(
        (
            c
            for f in (tokens[k].text, *forms(tokens[k]))
            if (c := names.get(actor_key(f))) and written_as_country(f)  # مالية: financial, not Mali
        ),
        None,
    )
    if iso3 is None or iso3 == source.country:
        return None
    tok = tokens[k]
    if k > 0 and tok.norm.startswith("و") and _nisba_word(tokens[k - 1]) and actor_key(tok.text[1:]) in _homographs():
        return None  # بدعم عسكري ومالي: military and financial, not Mali
    return ActorRef(k, k + 1, iso3, iso3, None, tok.start, tok.end, tok.text, 0.7)


def _nisba_word(tok: Token) -> bool:
    """Whether a word reads as a relative adjective (عسكري, العسكرية)."""
    return tok.kind == "word" and tok.stem.endswith(("ي", "ية", "يه"))


_DATELINE_MARKS = frozenset(("-", "–", "—", ":"))
_DATELINE_WORDS = 10  # tokens a dateline's city may come after (its reporter and outlet)


def _dateline(tokens: Sequence[Token], a: ActorRef) -> bool:
    """Whether an actor is the dateline that opens a report (``لندن - «الشرق الأوسط»: دعت
    منظمة …``, ``الرياض – واس``, ``عدنان خليل- سبق- عمان:``): the city it was filed from, no
    actor of the event."""
    if a.end >= len(tokens):
        return False
    after = tokens[a.end].text
    dashed = a.start > 0 and tokens[a.start - 1].text in _DATELINE_MARKS
    # (شقران الرشيدي- سبق- الرياض (تصوير: …): a photographer's credit after the city)
    if after not in _DATELINE_MARKS and not (after == "(" and dashed):
        return False
    if all(t.kind != "word" for t in tokens[: a.start]):
        return True
    # عدنان خليل- سبق- عمان: the reporter and the outlet before it
    if a.start < _DATELINE_WORDS and dashed:
        return True
    # سبق ـ الرياض: (a tatweel, no token, between): an outlet's one word before it
    return after == ":" and a.start == 1 and not _near(tokens, 0, 1, "reported")


def _between(tokens: Sequence[Token], actors: Sequence[ActorRef], end: int, reach: int = 3) -> ActorRef | None:
    """The first of the parties named by بين just after a noun trigger ending at ``end``
    (اشتباكات عنيفة بين الجيش المالي و…, وساطة بين الحكومة السودانية و…), or within ``reach``
    words of it in its clause, or None."""
    for k in range(max(end - 1, 0), min(end + reach, len(tokens))):  # (بين may end the trigger's pattern)
        if tokens[k].text in _CLAUSE and k > end + 1:
            return None  # (اشتباكات أمس، بين …: a time's comma only just after it)
        if tokens[k].norm == "بين":
            # (or after titles: بين الأمير محمد بن سلمان; or joined to a first party no actor
            # names: بين المقاومة والجيش)
            return _after_titles(tokens, actors, k + 1) or next(
                (a for a in actors if k + 1 < a.start <= k + 3 and _lead(tokens, a) == "و"),
                None,
            )
    return None


_OPPONENTS = frozenset(("REB", "INS", "OPP"))
"""Agents that stand against their own country's government."""


def _same_side(a: ActorRef, source: ActorRef) -> bool:
    """Whether ``a`` cannot be what ``source`` acts on: its own country named as a place (الجيش
    المالي … مالي), or the same actor; one of its country's other actors can (the Malian army
    and the Malian rebels of the MNLA, the Sudanese army and the RSF)."""
    if a.country != source.country:
        return False
    if a.country is None and (a.code or source.code or a.agent != source.agent):
        return False  # agents of no country (الجيش … المتمردين) are of the country where they act
    if a.code == source.code or a.code in (None, a.country):
        return True
    # a country (حكومة مالي read as MLI) acts on its rebels, not on its other organs
    return source.code in (None, source.country) and a.agent not in _OPPONENTS


def _towns(doc: Document) -> frozenset[tuple[int, int]]:
    """Spans of the document's place mentions that are cities but no national capital, or
    provinces and regions: a capital stands for its state (أعلنت أنقرة), another city or a
    region does not act (أحيت ناغازاكي ذكرى الهجوم), though it may be what an act targets."""
    capitals = place_index().capitals
    return frozenset(
        (m.start, m.end)
        for m in doc.mentions
        if m.type == "LOC"
        and m.resolution is not None
        and m.resolution.kind == "place"
        and (
            (m.resolution.value.get("kind") == "city" and m.resolution.value.get("id") not in capitals)
            or m.resolution.value.get("kind") in ("province", "region")  # سيناء … الهجمات
        )
    )


_TANWEEN = frozenset("\u064b\u064c\u064d")


def _nominal(tokens: Sequence[Token], k: int) -> bool:
    """Whether a word read as a verb is a noun: it bears tanween (طالباً, no verb does), or it
    follows a count that is no year (138 طالبا). (A masdar after ب stands for its verb:
    قامت المقاتلات بقصف.)"""
    if not _TANWEEN.isdisjoint(tokens[k].text):
        return True
    if k == 0 or tokens[k - 1].kind != "number":
        return False
    digits = "".join(c for c in tokens[k - 1].text if c.isdigit())
    return not (digits.isdigit() and len(digits) == 4 and 1000 < int(digits) < 2100)


_QUOTE_OPENERS = frozenset({":"})
"""The mark that opens someone's words between a speaker and the event they speak of (quotes
alone do not: «رد متكافئ» in هجماتها, a name in quotes)."""


_CAUSE_FRAMES = frozenset({"جراء", "اثر", "إثر", "عقب", "بعد", "اثناء", "خلال", "اعقاب", "بسبب", "نتيجة", "وسط"})
"""Words of cause or time that a masdar follows, never a verb (في and على may govern a
masdar whose doer is the subject of the verb before: بدأت الطائرات في قصف)."""


def _verb_read_without_article(tokens: Sequence[Token], m: TriggerMatch) -> bool:
    """Whether a verb pattern matched a word only once its article was dropped (القصف as قصف*):
    a noun with the article is no verb (التقى, whose ال is the verb's own, is written so in the
    pattern)."""
    tok = tokens[m.head]
    if not tok.article:
        return False
    bare = tok.norm[1:] if tok.norm.startswith(("و", "ف")) and tok.prefix else tok.norm
    words, prefixes, _ = m.trigger.slots[0]  # the head's slot
    if bare in words or tok.norm in words:
        return False
    return not any(bare.startswith(p) or tok.norm.startswith(p) for p in prefixes)


def _media(a: ActorRef) -> bool:
    """Whether an actor is a news outlet (MED, SAUMEDSPA, QATMEDJAZ): it reports events, it
    does not do them."""
    return a.agent == "MED" or (a.code or "")[3:6] == "MED" or (a.code or "").startswith("MED")


@lru_cache(maxsize=1)
def _homographs() -> frozenset[str]:
    """``actor_key`` of the country adjectives that are also common words (مالي: Malian /
    financial; ``hadath.ner.rules.adjective_homographs``)."""
    return frozenset(actor_key(w) for w in adjective_homographs())


def _adjective_actor(doc: Document, tokens: Sequence[Token], k: int) -> ActorRef | None:
    """A country adjective at token ``k`` as an actor (بوساطة جزائرية -> DZA)."""
    if k >= len(tokens) or tokens[k].kind != "word":
        return None
    t = tables()
    k_ = actor_key(tokens[k].text)
    if (
        k_ not in t.adjectives
        and k_.endswith("يا")
        and len(k_) > 5
        and k > 0
        and ("\u064b" in tokens[k].text or tokens[k - 1].norm.endswith("ا"))  # صحفيا يابانيا, not بريطانيا
        and k_ not in t.country_names
    ):
        k_ = k_[:-1]  # صحفيا يابانيا: the adjective with the accusative's alif
    iso3 = t.adjectives.get(k_)
    if iso3 is None or k_ in _homographs():
        return None  # معونات مالية: financial, not Malian
    tok = tokens[k]
    return ActorRef(k, k + 1, iso3, iso3, None, tok.start, tok.end, tok.text, 0.7)


def _modifier(tokens: Sequence[Token], actors: Sequence[ActorRef], a: ActorRef) -> bool:
    """Whether an actor is only a country adjective after a definite noun that names no actor
    (الحدود السعودية, النفوذ الإيراني): the thing's, which does nothing."""
    k = a.start
    if a.end - k != 1 or k == 0 or not tokens[k].article:
        return False
    prev = tokens[k - 1]
    return (
        prev.kind == "word"
        and prev.article
        and actor_key(tokens[k].text) in tables().adjectives
        and actor_key(prev.text) not in tables().agents
        and not any(b.start <= k - 1 < b.end for b in actors)
        and not qualifies_an_act(tokens, k)
    )


_GIVEN_FROM = frozenset({"AID", "SUPPORT", "CONSULT"})
"""Types whose noun names the giver after من (مساعدات من, دعما من, اتصالا هاتفيا من); not a
withdrawal or an attack, where من names a place (انسحاب من مالي)."""


_EMBEDDING = frozenset({"REQUEST", "REJECT", "THREATEN"})
"""Types whose object can be another event that has not happened: asked for, refused,
threatened (طالبت … بتقديم مساعدات, رفضت إرسال قوات, هددت بشن هجمات)."""


def _embedded(tokens: Sequence[Token], m: TriggerMatch, matches: Sequence[TriggerMatch]) -> bool:
    """Whether ``m`` is the object of a request, refusal or threat earlier in its clause."""
    if m.head > 0 and _near(tokens, m.head - 1, m.head, "relative_pronouns"):
        return False  # دعت الجامعة العربية التي استنكرت القصف: a clause of its own about its noun
    clause = _clause_start(tokens, m.head)
    if any(o.trigger.type in _EMBEDDING and clause <= o.start and o.end <= m.start for o in matches):
        return True
    # مناشدة الحكومة اليمنية للمجتمع الدولي بإرسال مساعدات, داعين الكونغرس إلى رفض الاتفاق: a
    # word that asks, with the act it asks for after ب, ل or إلى
    first = tokens[m.start]
    governed = (first.norm[:1] in ("ب", "ل") and not first.norm.startswith("لل")) or (
        m.start > 0 and tokens[m.start - 1].norm in ("الي", "علي")
    )
    return governed and _near(tokens, max(clause, m.start - 12), m.start, "requests")


def _from_actor(tokens: Sequence[Token], doers: Sequence[ActorRef], end: int) -> ActorRef | None:
    """An actor right after من within three words after a noun (a day's name may come
    between: اتصالا هاتفيا أمس من), or after من and titles (من صاحب السمو الملكي الأمير
    سلمان بن حمد)."""
    for k in range(end, min(end + 3, len(tokens))):
        if tokens[k].text in _CLAUSE:
            return None
        if tokens[k].norm == "من":
            # (من جانب التحالف, من قبل: on the part of)
            skip = 2 if k + 1 < len(tokens) and tokens[k + 1].norm in ("جانب", "قبل") else 1
            return _after_titles(tokens, doers, k + skip)
    return None


def _given_by(tokens: Sequence[Token], doers: Sequence[ActorRef], start: int, end: int) -> ActorRef | None:
    """The actor right after the first من from ``start`` to ``end`` (a clause's end)."""
    for k in range(start, end):
        if tokens[k].norm == "من":
            found = _after_titles(tokens, doers, k + 1)
            if found is not None:
                return found
    return None


def _after_titles(tokens: Sequence[Token], doers: Sequence[ActorRef], k: int) -> ActorRef | None:
    """The actor at token ``k``, or after titles and honorifics from there (صاحب السمو الملكي
    الأمير محمد بن سلمان)."""
    starts = {a.start: a for a in doers}
    for p in range(k, min(k + _TITLE_WORDS, len(tokens))):
        if p in starts:
            return starts[p]
        if not (
            (p == k and tokens[p].text in _QUOTES)  # اغتاله «داعش»: a name in quotes
            or (p == k and tokens[p].norm in ("معظم", "بعض", "جميع", "كل", "غالبيه", "اغلب"))  # معظم أفراد
            or _near(tokens, p, p + 1, "honorifics")
            or actor_key(tokens[p].text) in tables().agents
            or tokens[p].norm in _MEMBERS_OF  # يهددهم متشددو تنظيم داعش
            # (a title's country: ولي ولي العهد السعودي صاحب السمو الملكي الأمير …)
            or (p > k and tokens[p].article and actor_key(tokens[p].text) in tables().adjectives)
        ):
            return None
    return None


_MEMBERS_OF = frozenset(
    {
        "متشددو",
        "مسلحو",
        "مقاتلو",
        "عناصر",
        "اعضاء",
        "افراد",
        "قوات",
        "دول",  # (دول التحالف العربي)
        "مليشيات",
        "ميليشيات",
        "قادة",
        "زعماء",
        "رؤساء",
        "وزراء",
    }
)
"""Words for a group's members before its name, in the construct state."""


def _lead(tokens: Sequence[Token], a: ActorRef) -> str:
    """The particles on an actor's first word: those the text layer split off, or the
    letters before the name's span in it (لمالي: the name is مالي)."""
    tok = tokens[a.start]
    return tok.prefix or tok.text[: max(0, a.char_start - tok.start)]


def _after_bi(tokens: Sequence[Token], a: ActorRef) -> bool:
    """Whether an actor's first word carries the preposition ب (بالرئيس, بتونس, وبالجزائر):
    whom one meets, where it happened; not who did it."""
    return _lead(tokens, a).endswith("ب")


def _located(tokens: Sequence[Token], a: ActorRef) -> bool:
    """Whether an actor is where something happened, not who did it: after في (في سوريا),
    with ب (بتونس), or after a place head that is after في or carries ب (في محافظة الأنبار,
    بمنطقة عسير)."""
    if _after_bi(tokens, a) or _near(tokens, a.start - 1, a.start, "locatives"):
        return True
    if a.start >= 2 and tokens[a.start - 1].norm == "من" and tokens[a.start - 2].norm in ("بالقرب", "قريبا", "قريب"):
        return True  # بالقرب من الرمادي: near it
    k = a.start - 1
    if k < 0 or not _near(tokens, k, a.start, "place_heads"):
        return False
    # the head carries ب (بمنطقة, وبمحافظة), split off by the text layer or not: the particles
    # before the reading of it that is a head
    written, *readings = forms(tokens[k])
    heads = cue_words("place_heads")
    particles = [written[: -len(r)] for r in readings if r in heads and written.endswith(r)]
    bi = tokens[k].prefix.endswith("ب") or any(p.endswith("ب") for p in particles)
    return bi or _near(tokens, k - 1, k, "locatives")


def _to_a_title(tokens: Sequence[Token], k: int) -> bool:
    """Whether token ``k`` is an honorific or a title with the preposition ل (لفخامة الرئيس,
    للرئيس): the one it is for, not who does it."""
    if k >= len(tokens) or tokens[k].kind != "word":
        return False
    tok = tokens[k]
    rest = tok.text[1:] if tok.norm.startswith("ل") and not tok.prefix else tok.text
    if not (tok.prefix.endswith("ل") or rest != tok.text):
        return False
    honorifics = cue_words("honorifics")
    return fold(rest) in honorifics or actor_key(rest) in tables().agents or fold("ا" + rest) in honorifics


def _posted_at(tokens: Sequence[Token], a: ActorRef) -> bool:
    """Whether an actor follows لدى (and دولة): where an envoy is posted (سفير المملكة لدى
    دولة الكويت), no party to what the envoy does."""
    k = a.start - 1
    if k >= 0 and actor_key(tokens[k].text) in ("دوله", "جمهوريه", "مملكه"):
        k -= 1
    if k >= 1 and _lead(tokens, a).startswith("و") and k == a.start - 1:
        k -= 1  # لدى أستراليا ونيوزيلندا: the second country too
    return k >= 0 and tokens[k].norm == "لدي"


def _person_before(doc: Document, tokens: Sequence[Token], head: int) -> bool:
    """Whether a person's name (a PERS mention, coded or not) ends right before token ``head``."""
    if head > 1 and tokens[head - 1].norm in ("قد", "لقد", "وقد"):
        head -= 1  # هيكل قد هاجم
    if head == 0:
        return False
    end = tokens[head - 1].end
    return any(m.type == "PERS" and m.end == end for m in doc.mentions)


def _oblique(tokens: Sequence[Token], a: ActorRef) -> bool:
    """Whether an actor is named by a sound masculine plural in the oblique case (الحوثيين,
    المتمردين, not الحوثيون): after a verb, its object, not its subject. Not a state named so
    (البحرين, الفلبين)."""
    tok = tokens[a.start]
    return (
        a.code != a.country
        and tok.article
        and len(tok.norm) >= 7
        and (tok.norm.endswith("يين") or (a.agent is not None and tok.norm.endswith("ين")))
    )


def _placed(tokens: Sequence[Token], actors: Sequence[ActorRef], a: ActorRef | None) -> ActorRef | None:
    """An agent of no country (للمتمردين, مسلحين) given the country named just after it as
    where it is (مواقع للمتمردين شمال العراق: Iraq's rebels); others unchanged."""
    if a is None or a.code or not a.agent:
        return a
    there = next((b for b in actors if a.end <= b.start <= a.end + 2 and b.code and b.code == b.country), None)
    if there is None or not _located(tokens, there):
        return a
    return dataclasses.replace(a, code=there.country + a.agent, country=there.country)


def _object_of(tokens: Sequence[Token], actors: Sequence[ActorRef], m: TriggerMatch, a: ActorRef) -> bool:
    """Whether a country after في says whose is the object named right after the trigger
    (دعم الشرعية في اليمن, دعمهما للأشقاء في اليمن: Yemen's), not where it happens (بدعم
    المملكة … في الأردن, بدعم من نحو 100 وسيط في أستراليا)."""
    return (
        a.start - m.end <= _OBJECT_WORDS
        and tokens[m.end].norm != "من"
        and not any(m.end <= b.start < a.start for b in actors)
        and not any(tokens[k].text in _CLAUSE for k in range(m.end, a.start))
    )


_OBJECT_WORDS = 6  # an object's words before في (جماعات التخريب والعنف في البحرين)


_SOME = frozenset(
    {"كثير", "الكثير", "بعض", "معظم", "جميع", "كل", "عدد", "العديد", "غالبيه", "اغلب", "اغلبيه", "مئات", "الاف"}
)
"""Words of quantity after a verb: its subject is a number of people no actor names."""

_CLAUSE_OPENERS = frozenset({"فيما", "بينما", "حين", "حيث", "ثم"})
"""Words that open a new clause: a verb after one has its subject after it (فتدعم إيران نظام
الأسد فيما تدعو تركيا إلى إسقاطه)."""

_CONDITIONS = frozenset({"اذا", "واذا", "لو", "ولو", "حال", "حاله"})
"""Words that open a condition (إذا, لو, في حال): what it names is not the trigger's target."""
_TAG_LINES = frozenset({"سمات", "وسوم", "الوسوم"})
"""First words of the tag lines some outlets end an article with (سمات العراق تفجير مقتل)."""


_PATIENT_MODES = frozenset({"arrest", "abduct", "assassinate", "release", "deport"})
"""Modes of acts done to people, whose verb's person right after it suffers the act."""


_WHERE_NOT_WHOM = frozenset({"CONSULT", "PROTEST", "REQUEST", "AGREE", "SUPPORT"})
"""Types whose actor after في is where the event is, not its target (an attack or aid in a
country is on or for it)."""


_WHERE_RESUMED = frozenset({"فيه", "فيها", "منه", "منها"})
_DEMONSTRATIVES = frozenset({"هذه", "هذا", "تلك", "ذلك", "هذين", "هاتين", "هذان", "هاتان", "هؤلاء", "اولئك"})
_CLAIM_WORDS = frozenset(
    {"تبني", "تبنت", "يتبني", "تتبني", "تبنوا", "تبنيه", "وقوف", "يقف", "تقف", "وقف", "وقفت", "خلف", "وراء"}
)
"""Words by which someone claims an act or stands behind it (تبنت هذا الهجوم, وقوف داعش خلف هذا الهجوم)."""
_STATE_BODIES = frozenset({"GOV", "COP", "MIL", "JUD", "LEG", "SPY"})
"""Agents that are a state's bodies (حكومة, سلطات, شرطة, جيش): of some country, named or not."""
_EMBASSY = ("السفار", "سفار", "القنصلي", "قنصلي")
"""How the word for an embassy or a consulate begins (السفارة, سفارة, القنصلية)."""
_TIME_FRAMES = frozenset({"منذ", "بعد", "قبل", "عقب", "اثر", "اعقاب", "جراء", "بسبب", "خلال", "اثناء"})
"""Words of time or cause that a verb never follows: a verb pattern's first word after them is
its masdar (منذ توقيع الاتفاقية), a noun (not على منح, في تقديم: what the subject agrees to or takes
part in)."""
_AUXILIARIES = {
    **dict.fromkeys(("كان", "يكون", "ظل", "مازال", "لايزال"), ("الذي",)),
    **dict.fromkeys(("كانت", "تكون", "ظلت", "مازالت", "لاتزال"), ("التي",)),
    **dict.fromkeys(("كانوا", "يكونون", "ظلوا", "مازالوا", "لايزالون"), ("الذين",)),
}
"""Auxiliaries that may stand between a relative pronoun and its verb, with the relative pronouns
they agree with (الذين كانوا يدينون)."""
_RESUMPTIVE = frozenset({"اليه", "اليها", "اليهم", "له", "لها", "لهم", "به", "بها", "بهم", "عليه", "عليها"})
"""A preposition with the pronoun of the noun a relative clause is about (دعا إليه)."""


_NOT_SUFFIXED = frozenset(
    {"اتهم", "يتهم", "تتهم", "نتهم", "ساهم", "يساهم", "تساهم", "وجه", "يوجه", "توجه", "نبه", "انتبه", "فهم", "يفهم"}
)
"""Verbs whose last letters read as a pronoun suffix (واتهم: not اته + هم)."""


def _pronoun(tok: Token) -> str:
    """A verb's object pronoun suffix, or "" (واتهم has none)."""
    if not tok.suffix:
        return ""
    bare = fold(tok.norm[1:] if tok.norm[:1] in ("و", "ف") and len(tok.norm) > 4 else tok.norm)
    return "" if bare in _NOT_SUFFIXED or fold(tok.norm) in _NOT_SUFFIXED else tok.suffix


_OBJECT_PRONOUNS = frozenset({"ه", "ها", "هم", "هما", "هن"})
"""Pronoun suffixes that make a verb's object (تدعمها, قصفه)."""
_RESUMES = {"الذي": ("ه",), "التي": ("ها", "هم", "هن"), "الذين": ("هم",), "اللذين": ("هما",), "اللتين": ("هما",)}
"""The object pronouns that may resume a relative pronoun's noun (التي: a woman, or things)."""


def _resumes_relative(tokens: Sequence[Token], rel: int, head: int) -> bool:
    """Whether the object pronoun of the verb at ``head`` agrees with the relative pronoun at
    ``rel`` (الذي يتهمه, التي تدعمها), so that it resumes the relative's noun."""
    return _pronoun(tokens[head]) in _RESUMES.get(tokens[rel].norm.removeprefix("و"), ())


_THAT_IT = frozenset(p + w for p in ("", "و", "ف") for w in ("انها", "انه", "بانها", "بانه", "لانها", "لانه"))
"""أنها, وإنه, بأنها: "that it", whose pronoun is the subject of the verb after it."""


def _pronoun_subject(tokens: Sequence[Token], doers: Sequence[ActorRef], head: int) -> ActorRef | None:
    """The subject a verb's "that it" (وإنها تدعم) resumes: the actor right after the last إن
    or أن before it in the sentence (قال إن إيران تعرقل …)."""
    if head < 2 or tokens[head - 1].norm not in _THAT_IT:
        return None
    starts = {a.start: a for a in doers}
    for k in range(head - 2, -1, -1):
        if tokens[k].norm in _THAT and k + 1 in starts:
            return starts[k + 1]
    return None


def _object_follows(tokens: Sequence[Token], doers: Sequence[ActorRef], a: ActorRef) -> bool:
    """Whether another actor follows ``a`` with nothing between (واحتلت بريطانيا مصر): after a
    verb, the first of two is its subject."""
    return any(
        b.start == a.end and b.code and b.country != a.country and not _lead(tokens, b).startswith("و") for b in doers
    )


def _object_of_verb(
    tokens: Sequence[Token], doers: Sequence[ActorRef], matches: Sequence[TriggerMatch], m: TriggerMatch, a: ActorRef
) -> bool:
    """Whether ``a`` is the object of a trigger verb before ``m``: right after it, with its
    subject before it in its clause (أردوغان سيزور إندونيسيا) or between (زار الملك مصر); or,
    for a verb, the genitive of a trigger noun before it (زيارة فابيوس … وندد)."""
    for mm in matches:
        if (
            m.trigger.kind == "verb"
            and mm.trigger.kind == "noun"
            and mm.end <= a.start <= mm.end + 1
            and mm.end <= m.start
            and not tokens[mm.head].suffix
            and mm.end == mm.head + 1
        ):
            return True  # منتقدي زيارة فابيوس … وندد: the visit's, not the verb's subject
        if mm is m or mm.trigger.kind != "verb" or mm.start >= m.start or a.start not in (mm.end, mm.end + 1):
            continue
        first = _clause_start(tokens, mm.head)
        if any(b.end == a.start and b.start in (mm.end, mm.end + 1) for b in doers if b is not a):
            return True
        if a.start == mm.end and any(first <= b.start and b.end <= mm.head for b in doers):
            return True
    return False


def _plural_verb(norm: str) -> bool:
    """Whether a verb carries a plural subject (طالبوا, يطالبون): what follows is its object."""
    norm = norm[1:] if norm[:1] in ("و", "ف") and len(norm) > 5 else norm
    return norm.endswith("وا") or (len(norm) > 4 and norm.endswith("ون") and norm[0] in "يت")


def _where_clause(tokens: Sequence[Token], a: ActorRef) -> bool:
    """Whether a clause of place (حيث) follows an actor: a city before it is where, not who
    (a country before it is mostly who: تسلمت مصر … من الولايات المتحدة، حيث تم نقلها)."""
    k = a.end + 1 if a.end < len(tokens) and tokens[a.end].text in _CLAUSE else a.end
    return k < len(tokens) and tokens[k].norm in ("حيث", "وحيث")


def _city(doc: Document, a: ActorRef) -> bool:
    """Whether an actor is a city named as a place (a capital standing for its state)."""
    return any(
        m.type == "LOC"
        and m.start == a.char_start
        and m.resolution is not None
        and m.resolution.value.get("kind") == "city"
        for m in doc.mentions
    )


def _apposition(
    doc: Document, tokens: Sequence[Token], source: ActorRef, a: ActorRef, actors: Sequence[ActorRef]
) -> bool:
    """Whether a person named a few words after a title-source is that title's holder: the
    same country, no actor of another country and no comma or number between, the words
    between starting with a definite descriptor or an honorific (السابقة المرشحة …, الأمير)."""
    gap = range(source.end, a.start)
    if not 0 < len(gap) <= _APPOSITION or _named_person(doc, source) or not _named_person(doc, a):
        return False
    country = _country(source)
    if country != _country(a) or any(source.end <= b.start < a.start and _country(b) != country for b in actors):
        return False
    first = tokens[source.end]
    if not (first.article or _near(tokens, source.end, source.end + 1, "honorifics")):
        return False
    return not any(tokens[k].text in _CLAUSE or tokens[k].kind != "word" for k in gap)


_APPOSITION = 8


def _named_person(doc: Document, a: ActorRef) -> bool:
    """Whether an actor is a person's name (a PERS mention)."""
    return any(m.type == "PERS" and m.start == a.char_start and m.end == a.char_end for m in doc.mentions)


_REACH = 12
"""Words between the trigger and an actor that the evidence span still takes in."""


_SYMMETRIC = frozenset({"CONSULT", "AGREE", "COOPERATE"})
"""Types whose actors joined by و are the two sides (اتفقت المملكة والأردن)."""


def _co_doer(tokens: Sequence[Token], source: ActorRef, a: ActorRef, head: int, t: Any) -> bool:
    """Whether ``a`` is joined by و to the source, a few words after it with no comma or
    trigger between, as one more doer (قصف الميليشيات الحوثية وقوات الرئيس السابق …), not as
    the target; not for talks, agreements and clashes, whose sides are named so
    (اشتباكات الجيش والمتمردين)."""
    if t.type in _SYMMETRIC or (t.mode == "firearms" and t.kind == "noun"):
        return False
    if not 0 <= a.start - source.end <= _CO_DOER_GAP or source.end <= head < a.start:
        return False
    first = tokens[source.end]
    agents = tables().agent_first_words
    joined = first.prefix.startswith("و") or (first.norm.startswith("و") and actor_key(first.text[1:]) in agents)
    if not joined and not (a.start == source.end and _lead(tokens, a).startswith("و")):  # كل من الفلبين وفيتنام
        return False
    return not any(tokens[k].text in _CLAUSE for k in range(source.end, a.start))


_CO_DOER_GAP = 6


def _armed(a: ActorRef) -> bool:
    """Whether an actor is an armed group: rebels, insurgents, militias, a named group (IMG)."""
    code = a.code or ""
    return a.agent in _ARMED_AGENTS or code.startswith("IMG") or code[3:6] in ("REB", "INS")


_ALLOW = frozenset({"سمح", "سمحت", "يسمح", "تسمح", "السماح", "بالسماح", "والسماح", "للسماح"})
"""Words of permission, whose beneficiary (after ل) does what it is allowed to."""


def _allowed(tokens: Sequence[Token], actors: Sequence[ActorRef], head: int) -> ActorRef | None:
    """The actor allowed, just before the trigger at ``head`` in its clause, to do it: the actor
    after ل right after a word of permission (بالسماح للطائرات الأمريكية باستخدام قاعدة تركية لشن
    هجمات), when the trigger is its purpose or means (a ل or ب on the trigger's word)."""
    if not any(
        tokens[k].prefix.endswith(("ل", "ب")) or (tokens[k].norm[:1] == "ل" and tokens[k].norm[:2] != "ال")
        for k in range(max(0, head - 1), head + 1)
    ):
        return None  # (on the trigger or on the verb that makes it: لشن هجمات)
    for k in range(head - 1, max(-1, head - 18), -1):
        if tokens[k].text in _CLAUSE:
            return None
        if tokens[k].norm in _ALLOW:
            # (right after it, or after its subject: سمحت تركيا لواشنطن باستخدام قاعدة انجرليك)
            return next(
                (a for a in actors if k < a.start <= k + 3 and a.end <= head and _lead(tokens, a).endswith("ل")),
                None,
            )
    return None


def _masdar_form(norm: str) -> bool:
    """Whether a word has the shape of a verbal noun, not of a perfect verb (توقيع, إرسال,
    استهداف, مهاجمة; not هاجمت, وقع, استهدف): after منذ both come (منذ هاجمت مجاميع مسلحة)."""
    n = norm[1:] if norm[:1] in ("و", "ف") and len(norm) > 4 else norm
    return len(n) >= 4 and (
        (n.startswith("ت") and n[-2] == "ي") or (n.startswith("ا") and n[-2] == "ا") or n.endswith("ه")
    )


def _aid_given_before(ev: dict[str, Any], merged: dict[Any, dict[str, Any]], order: list[Any], si: int) -> Any:
    """The key of the aid event, with a recipient, that an aid event with none goes on: given by
    the same country, in this sentence or the one before; None if there is none."""
    src = (ev["source"].code if ev["source"] is not None else None) or ""
    if ev["type"] != "AID" or ev["target"] is not None or not src or src.startswith("IGO"):
        return None
    for k in reversed(order):
        host = merged[k]
        if (
            host["type"] == "AID"
            and host["target"] is not None
            and host["source"] is not None
            and (host["source"].code or "")[:3] == src[:3]
            and si - host["last_sentence"] <= 1
        ):
            return k
    return None


def _epithet(tokens: Sequence[Token], actors: Sequence[ActorRef], a: ActorRef) -> bool:
    """Whether a one-word actor is an epithet of the actor just before it (تنظيم /داعش/
    الإرهابي, جماعة الحوثي المتمردة): the same actor described, no second one."""
    if a.end - a.start != 1 or not tokens[a.start].article:
        return False
    if not fold(tokens[a.start].stem).endswith(("ي", "يه", "ية", "ين")):
        return False
    code = a.code or ""
    if not (code.endswith("RAD") or a.agent in ("REB", "INS")) or _a_state(a):
        return False  # (not زار أوباما السعودية: a country after its visitor)
    k = a.start - 1
    while k >= 0 and tokens[k].kind != "word" and tokens[k].text not in _CLAUSE:
        k -= 1  # (quotes and slashes around the name)
    return any(b.end == k + 1 and b is not a and _armed(b) for b in actors)  # (not هجوم سوسة الإرهابي)


def _not_of_documents(tokens: Sequence[Token], actors: list[ActorRef]) -> list[ActorRef]:
    """The actors that are not named as a text's owner (ميثاق الأمم المتحدة ومنظمة التعاون
    الإسلامي والتي تمنع: the charters forbid; the UN neither acts nor suffers), nor joined by و
    to one that is."""
    out: list[ActorRef] = []
    last_end = -1
    for a in actors:
        if _near(tokens, a.start - 1, a.start, "documents") or (
            a.start == last_end and _lead(tokens, a).startswith("و")
        ):
            last_end = a.end
            continue
        out.append(a)
    return out


def _a_state(a: ActorRef) -> bool:
    """Whether an actor is a country itself (مالي, الرياض), not one of its people or bodies."""
    return a.agent is None and a.code is not None and a.code == a.country


def _civilians(a: ActorRef) -> bool:
    return a.agent == "CVL" or (a.code or "")[3:6] == "CVL" or (a.code or "").startswith("CVL")


def _marked(tokens: Sequence[Token], a: ActorRef) -> bool:
    """Whether an actor is introduced by إلى / ل / مع … (a target, not a source); not one that
    says whose the doers are (مسلحون ينتمون إلى جماعة بوكو حرام, عناصر تابعة لتنظيم داعش)."""
    marked = _near(tokens, a.start - 1, a.start, "target_markers") or _lead(tokens, a) in ("ل", "ول", "فل")
    # نظيره الصيني شي جينبينغ: a counterpart, whom one meets
    marked = marked or any(tokens[k].norm.startswith(_COUNTERPART) for k in range(max(0, a.start - 2), a.start))
    if not marked:
        # مع الرئيس عبد الفتاح السيسي, إلى صاحب السمو الملكي الأمير …: the marker before the titles
        k = a.start - 1
        while k >= 0 and a.start - k <= 4 and _near(tokens, k, k + 1, "honorifics"):
            k -= 1
        marked = k < a.start - 1 and k >= 0 and _near(tokens, k, k + 1, "target_markers")
    if not marked and a.start >= 2 and tokens[a.start - 1].norm in _MEMBERS:
        # اشتبكت مع عناصر تنظيم داعش: the marker stands before the group's members
        marked = _near(tokens, a.start - 2, a.start - 1, "target_markers") or tokens[a.start - 1].prefix.startswith("ل")
    if not marked and a.start >= 1:
        # الدعم العسكري لنظام الرئيس السوري: ل on the word for the actor's regime or forces
        word = tokens[a.start - 1].norm
        marked = word.startswith("ل") and not word.startswith("ال") and word[1:] in _REGIME_WORDS
    return marked and not _affiliated(tokens, a)


_COUNTERPART = ("نظير", "ونظير")

_NUMBER_WORDS = frozenset({"اثنان", "ثلاثه", "اربعه", "خمسه", "سته", "سبعه", "ثمانيه", "تسعه", "عشره"})


_INTRANSITIVE = frozenset({"RETREAT"})
_QUANTIFIERS = frozenset({"بعض", "عدد", "كل", "جميع", "معظم", "اغلب", "احدي", "احد"})


_ON_IT = frozenset({"عليها", "عليه", "عليهم", "عليهما", "عنها", "عنه", "عنهم", "عنهما"})


def _on_it(tokens: Sequence[Token], head: int, t: Any) -> bool:
    """Whether a sanction or its easing is put on or lifted from a pronoun right after its
    verb (رفعت عنها العقوبات, فرضت عليه عقوبات)."""
    return (t.type == "SANCTION" or t.mode == "ease") and head + 1 < len(tokens) and tokens[head + 1].norm in _ON_IT


def _accused_of(tokens: Sequence[Token], doers: Sequence[ActorRef], a: ActorRef) -> bool:
    """Whether what follows an actor after a verb of accusing, past the actors joined to it by
    و, is what it is accused of (بتنفيذ, بأن): the actor is the accused, the verb's object."""
    starts = {b.start: b for b in doers}
    k = a.end
    while k < len(tokens):
        if tokens[k].text in ("،", ",") or tokens[k].text in _QUOTES:
            k += 1
        elif k in starts and _lead(tokens, starts[k]).startswith("و"):
            k = starts[k].end
        elif (
            tokens[k].norm.startswith("و")
            and (nxt := next((j for j in (k + 1, k + 2) if j in starts), None)) is not None
            and all(tokens[j].text in _QUOTES for j in range(k + 1, nxt))
        ):
            k = starts[nxt].end  # وتنظيم "داعش": the head word, quoted name joined by و
        else:
            break
    return k < len(tokens) and tokens[k].kind == "word" and tokens[k].norm.startswith("ب") and k > a.end - 1


def _plural_subject(tokens: Sequence[Token], actors: Sequence[ActorRef], head: int, m: TriggerMatch) -> bool:
    """Whether a one-word verb is followed by a definite nominative plural that no actor names
    (ويتفق الباحثون, طالب المحتجون): its subject, who is no actor."""
    k = head + 1
    return (
        m.end == k
        and k < len(tokens)
        and tokens[k].kind == "word"
        and tokens[k].article
        and tokens[k].norm.endswith("ون")
        and not any(a.start <= k < a.end for a in actors)
    )


def _counted_subject(tokens: Sequence[Token], head: int, m: TriggerMatch) -> bool:
    """Whether a one-word verb is followed by a number word (انسحب اثنان): its subject is
    counted people, not an actor."""
    if m.end != head + 1 or head + 1 >= len(tokens):
        return False
    return fold(tokens[head + 1].norm) in _NUMBER_WORDS


_FRIENDLY = frozenset({"SUPPORT", "AID", "COOPERATE", "AGREE", "CONSULT"})
_COMBAT = frozenset(
    p + w
    for p in ("", "ل", "و", "ب")
    for w in (
        *("التصدي", "مكافحه", "محاربه", "مواجهه", "الحرب", "حرب", "قتال", "دحر", "هزيمه", "ضد", "ضرب"),
        *("يقاتلون", "يقاتل", "تقاتل", "يحاربون", "يحارب", "تحارب"),
    )
)
"""Words of fighting (folded): an actor after them is the enemy, not who is supported or met."""
_DEFENDING = frozenset(
    {"للدفاع", "دفاعا", "والدفاع", "لحمايه", "وحمايه", "حمايه", "بحمايه", "لنصره", "نصره", "لنجده", "لانقاذ", "انقاذ"}
)
"""Words of defending (folded): an actor after them is defended by a hostile act, not its target."""

_GIVE_TO = frozenset({"منح", "بمنح", "لمنح", "ومنح", "يمنح", "تمنح", "منحت", "سيمنح", "ستمنح", "اعطاء", "باعطاء"})
"""Verbs and masdars of giving whose first object is who receives (منح أوكرانيا مساعدات)."""


_REGIME_WORDS = frozenset({"نظام", "حكومة", "قوات", "جيش", "عناصر", "مواقع", "ميليشيات", "مليشيات"})
"""Words for an actor's regime, forces or positions before its name (لنظام الأسد)."""


_MEMBERS = frozenset({"عناصر", "مقاتلي", "مسلحي", "افراد", "اعضاء", "قيادات", "مواقع", "معاقل", "مقرات"})
"""Words for a group's members or positions between a target marker and the group."""


def _affiliated(tokens: Sequence[Token], a: ActorRef) -> bool:
    """Whether an actor follows a word of belonging, with or without إلى (ينتمون إلى …,
    التابعة ل…, الموالية ل…)."""
    k = _belonging_word(tokens, a)
    return k >= 0 and _near(tokens, k, k + 1, "affiliation")


_GROUP_WORDS = frozenset(
    p + w
    for p in ("", "ل", "ال", "لل")
    for w in ("تنظيم", "جماعة", "جماعه", "حركة", "حركه", "جبهة", "جبهه", "قيادة", "قياده")
)
_QUOTES = frozenset("\"«»“”'")


def _belonging_word(tokens: Sequence[Token], a: ActorRef) -> int:
    """The index of the word before an actor, or before the إلى before it (and before the
    quotes and the group word a name may have: بانتمائهم لتنظيم «القاعدة»)."""
    k = a.start - 1
    while k >= 0 and tokens[k].text in _QUOTES:
        k -= 1
    if k >= 0 and tokens[k].norm in _GROUP_WORDS:
        k -= 1
    if k >= 0 and tokens[k].norm in ("الي", "الى", "في", "تحت"):  # المنضوية في جيش الفتح
        k -= 1
    return k


def _after_agent_verb(tokens: Sequence[Token], end: int, reach: int) -> int | None:
    """The token after a verb of doing (and its بها) within ``reach`` words after a noun
    trigger ending at ``end`` (غارات شنتها, زيارة يقوم بها), where its doer is named; or None."""
    for k in range(end, min(end + reach, len(tokens))):
        if tokens[k].text in _CLAUSE:
            return None
        if _near(tokens, k, k + 1, "agent_verbs"):
            k += 1
            if k < len(tokens) and _near(tokens, k, k + 1, "agent_links"):
                k += 1
            return k
    return None


def _agent_by_verb(tokens: Sequence[Token], actors: Sequence[ActorRef], end: int, gap: int = 3) -> ActorRef | None:
    """The actor of a clause that names who did an event named by a noun: زيارة (رسمية) يقوم
    بها الرئيس الأمريكي, غارات (جوية) شنتها طائرات التحالف -> the president, the coalition
    (``gap``: the words that may come between, adjectives and the relative pronoun)."""
    k = _after_agent_verb(tokens, end, gap)
    if k is None:
        return None
    # (not الهجمات التي يشنها في سيناء: where)
    return next(
        (
            a
            for a in actors
            # (an actor right after the link is the doer: هجوم انتحاري نسب إلى تنظيم داعش)
            if k <= a.start <= k + 2 and (a.start == k or not _marked(tokens, a)) and not _located(tokens, a)
        ),
        None,
    )


_THAT = frozenset({"ان", "بان", "وان"})  # أن, إن, بأن, وأن: "that", opening what someone says


_DAMMA = "\u064f"
_HARAKAT = frozenset(chr(c) for c in range(0x064B, 0x0653))


def _marked_passive(text: str) -> bool:
    """Whether a perfect verb is written with the vowels of a passive: a damma on its first
    letter (قُتل, أُطلق) or on the ت of an eighth or tenth form (انتُقد, اعتُقل, استُهدف)."""
    letters = text.lstrip("وف" + "".join(_HARAKAT))
    if len(letters) < 3 or _DAMMA not in letters:
        return False
    if letters[1] == _DAMMA:
        return letters[0] not in "يتن"  # (يُقاتل, تُدين, نُطالب: imperfects, active too)
    return letters[0] in "اإ" and _DAMMA in letters[2:5] and "ت" + _DAMMA in letters[:5]


def _to_passive(doc: Document, ev: dict[str, Any], agent: ActorRef | None) -> None:
    """Recast ``ev`` as a passive: the actor taken as its doer suffers it; ``agent`` does it."""
    old = ev["source"]
    if old is agent:
        return
    if ev["target"] is None or ev["target"] is agent:
        ev["target"] = old
    ev["source"] = agent
    args = []
    for a in ev["arguments"]:
        if a.role == "target" and agent is not None and (a.start, a.end) == (agent.char_start, agent.char_end):
            continue  # (the agent taken for a target before)
        if a.role == "source":
            if old is not None and ev["target"] is old and (a.start, a.end) == (old.char_start, old.char_end):
                args.append(dataclasses.replace(a, role="target"))
            continue
        args.append(a)
    ev["arguments"] = ([_actor_arg(doc, agent, "source")] if agent is not None else []) + args


def _noun_coordinated(tokens: Sequence[Token], m: TriggerMatch, matches: Sequence[TriggerMatch]) -> bool:
    """Whether a bare three-letter verb form after و (وقصف, ودعم) follows an act's noun within
    three words in its clause (في اشتباكات وقصف, مواجهات مع المقاومة وقصف): the masdar it also is."""
    tok = tokens[m.head]
    if not tok.norm.startswith("و") or tok.suffix or len(tok.norm) != 4 or m.head != m.start:
        return False
    return any(
        mm.trigger.kind == "noun"
        and mm.trigger.type == m.trigger.type
        and mm.end <= m.start
        and m.start - mm.end <= 2
        and not any(tokens[k].text in _CLAUSE for k in range(mm.end, m.start))
        for mm in matches
    )


_PLACE_HEADS = frozenset(
    {
        "مطار",
        "ميناء",
        "جامعه",
        "مستشفي",
        "شارع",
        "جسر",
        "مسجد",
        "جامع",
        "ملعب",
        "استاد",
        "كليه",
        "مدرسه",
        "قاعه",
        "برج",
        "طريق",
        "ميدان",
        "حي",
    }
    # (a business, or a place in a city: بورصة طوكيو, بنك قطر, شوارع كابل)
    | {"بورصه", "سوق", "بنك", "شركه", "فندق", "نادي", "شوارع", "ساحه", "ساحات", "احياء", "ضواحي"}
)
"""Nouns that make a name after them the name of a place or a business (مطار الملك عبدالله,
جامعة الملك سعود, بورصة طوكيو, شوارع كابل): even a capital's name after them does not stand
for its state."""


def _named_place(tokens: Sequence[Token], a: ActorRef) -> bool:
    """Whether an actor only names a place it follows (مطار الملك عبدالله بن عبدالعزيز): an
    airport, a university, a street or a business is no actor of the event."""
    if a.start == 0:
        return False
    word = tokens[a.start - 1]
    key = actor_key(word.text)
    return word.kind == "word" and (key in _PLACE_HEADS or (key[:1] in "وفبل" and key[1:] in _PLACE_HEADS))


_BASE_KINDS = frozenset({"جويه", "عسكريه", "بحريه", "عند"})


def _a_base(tokens: Sequence[Token], a: ActorRef) -> bool:
    """Whether a bare القاعدة (al-Qaeda) after a preposition is a military base: in a sentence
    that names one (قاعدة العند, القاعدة الجوية, قاعدة عسكرية): المجاور للقاعدة, من القاعدة."""
    if a.end - a.start != 1 or actor_key(tokens[a.start].text) != "قاعده" or not _in_phrase(tokens, a):
        return False
    return any(
        actor_key(tokens[k].text) == "قاعده" and actor_key(tokens[k + 1].text) in _BASE_KINDS
        for k in range(len(tokens) - 1)
    )


def _act_subject(tokens: Sequence[Token], matches: Sequence[TriggerMatch], m: TriggerMatch) -> TriggerMatch | None:
    """The act of the same kind named just before a verb, whose subject it is (بقصف مدفعي
    استهدف موكبا, شن عدة غارات استهدفت مواقع: what the shelling or the strikes hit); only
    adjectives may come between, and the verb has no و and no object pronoun of its own."""
    if m.trigger.kind != "verb" or coordinated(tokens[m.start], m.trigger) or _pronoun(tokens[m.head]):
        return None
    if m.trigger.type not in ("ASSAULT", "ACCUSE"):
        return None  # (زيارة يلتقي خلالها: the visitor meets, not the visit)
    for mm in matches:
        if (
            mm is not m
            and mm.trigger.type == m.trigger.type
            and mm.end <= m.start
            and m.start - mm.end <= 2
            and all(_nisba_word(tokens[k]) and not tokens[k].article for k in range(mm.end, m.start))
            and not tokens[mm.end - 1].article  # (an indefinite noun: a relative clause without الذي)
        ):
            return mm
    return None


def _noun_subject(tokens: Sequence[Token], actors: Sequence[ActorRef], head: int) -> bool:
    """Whether the subject of the verb at ``head`` is a noun with the article right after
    "that" (فإن القصف استهدف, أن الانفجار وقع) that names no actor, title or agent."""
    if head < 2:
        return False
    noun = tokens[head - 1]
    return (
        noun.kind == "word"
        and noun.article
        and not noun.prefix
        and fold(tokens[head - 2].norm).removeprefix("ف") in _THAT
        and not any(a.start <= head - 1 < a.end for a in actors)
        and not _title_word(noun)
        and not _nisba_word(noun)
    ) or _unnamed_phrase_subject(tokens, actors, head)


_PARTICLES = frozenset({"سوف", "قد", "لقد", "لم", "لن", "ما", "لا", "كان", "كانت"})
"""Particles and auxiliaries that stand between a subject and its verb (لن ترفع, سوف ينسحب)."""
_SUBJECT_PHRASE = 7  # words of a subject between "that" and its verb (إن دبابات المقاومة الشعبية الجنوبية في الضالع)


def _unnamed_phrase_subject(tokens: Sequence[Token], actors: Sequence[ActorRef], head: int) -> bool:
    """Whether the subject of the verb at ``head`` is a noun phrase after "that" in which no
    actor is named (إن دبابات المقاومة الشعبية الجنوبية في الضالع قصفت ميليشيات الحوثي): the
    actor after the verb is its object, not its subject."""
    j = next(
        (
            k
            for k in range(head - 3, max(-1, head - _SUBJECT_PHRASE - 2), -1)
            if fold(tokens[k].norm).removeprefix("ف") in _THAT
        ),
        None,
    )
    if j is None:
        return False
    first, second = tokens[j + 1], tokens[j + 2]
    return (
        first.kind == "word"
        and not first.prefix
        and (first.article or (second.article and first.norm[:1] not in ("ي", "ت", "ن", "ا")))
        and all(tokens[k].kind == "word" and tokens[k].text not in _QUOTES for k in range(j + 1, head))
        and not any(fold(tokens[k].norm).removeprefix("ف") in _THAT for k in range(j + 1, head))
        and not any(a.end > j + 1 and a.start < head for a in actors)
        and not _title_word(first)
        and not any(
            actor_key(tokens[k].text) in tables().agent_first_words  # (أن وزارة الخارجية استدعت)
            or actor_key(tokens[k].text) in tables().adjectives  # (أن القصف التركي جاء ردا)
            or tokens[k].norm in _PREPOSITIONS - {"في"}
            or tokens[k].norm in _PARTICLES  # (أن المناطق التي سوف ينسحب منها داعش: a relative clause)
            or _near(tokens, k, k + 1, "relative_pronouns")
            for k in range(j + 1, head)
        )
        and not _nisba_word(first)
        and first.norm not in _TIME_WORDS
    )


_ATTRIBUTE = frozenset({"نسب", "نسبت", "ينسب", "تنسب", "عزا", "عزت", "يعزو", "تعزو"})
"""Verbs that attribute an act to someone (نسبت الحكومة الهجوم إلى تنظيم داعش)."""


def _attributed_to(tokens: Sequence[Token], actors: Sequence[ActorRef], m: TriggerMatch) -> ActorRef | None:
    """The actor after إلى right after a noun trigger that a verb of attributing, a few words
    before it, is about (ونسبت الحكومة التركية الهجوم إلى تنظيم داعش)."""
    if not any(fold(tokens[k].norm).lstrip("وف") in _ATTRIBUTE for k in range(max(0, m.start - 7), m.start)):
        return None
    k = m.end
    if k >= len(tokens) or tokens[k].norm not in ("الي", "الى"):
        return None
    k += 1
    while k < len(tokens) and tokens[k].text in _QUOTES:
        k += 1
    # (or its adjective: إلى «المنظمة الإرهابية»)
    return _after_titles(tokens, actors, k) or next((a for a in actors if a.start == k + 1), None)


def _described_noun(tokens: Sequence[Token], actors: Sequence[ActorRef], head: int) -> bool:
    """Whether a feminine verb right after an indefinite feminine noun (عريضة تطالب, رسالة
    تتهم) describes it: the noun, no actor, is its subject."""
    if head < 1:
        return False
    noun, verb = tokens[head - 1], tokens[head]
    return (
        noun.kind == "word"
        and not noun.article
        and not noun.prefix
        and noun.norm.endswith("ة")
        and len(noun.norm) >= 4
        and verb.norm[:1] == "ت"
        and not _masdar_form(verb.norm)  # (not إمكانية توقيع اتفاق: a verb pattern's masdar)
        and not any(a.start <= head - 1 < a.end for a in actors)
        and not _title_word(noun)
    ) or (
        # تدابير تطالب بها الجهات الدائنة: the verb's pronoun resumes the indefinite noun; its
        # subject follows
        noun.kind == "word"
        and not noun.article
        and not noun.prefix
        and not noun.suffix  # (not وعندها احتجت عليه المعارضة: "then")
        and noun.norm not in _TIME_WORDS
        and head + 1 < len(tokens)
        and tokens[head + 1].norm in _RESUMPTIVE
        and not any(a.start <= head - 1 < a.end for a in actors)
        and not _title_word(noun)
        and not _nisba_word(noun)
    )


def _countryless_agent_after(tokens: Sequence[Token], actors: Sequence[ActorRef], head: int) -> str | None:
    """The agent code of a state's body that names no country (الحكومة المحلية, السلطات)
    standing right after the verb at ``head``: its subject, though no actor is named; or None."""
    k = head + 1
    if k >= len(tokens) or not tokens[k].article or tokens[k].prefix:
        return None
    # (a state's body, not a person's title, الرئيس, nor armed men, المسلحون)
    agent, role = tables().agents.get(actor_key(tokens[k].text), ("", ""))
    if agent not in _STATE_BODIES or role:
        return None
    if any(a.start <= k < a.end and (a.code or a.agent not in _STATE_BODIES) for a in actors):
        return None
    if any(a.end == head for a in actors):
        return None  # (المتطرفين يهددون الأمن: the subject is before)
    return agent


_NOT_A_SUBJECT = frozenset(
    {"في", "علي", "ضد", "من", "منذ", "خلال", "الي", "عليه", "عليها", "عليهم", "امس", "اليوم", "مؤخرا", "بعد", "قبل"}
)
"""Words after a verb that are no subject (الهجمات التي يشنها في سيناء: the pronoun acts)."""


_DONE = frozenset({"تم", "وتم", "يتم", "جري", "وجري", "يجري", "سيتم"})
"""Verbs that make a masdar passive (تم اعتقاله: he was arrested)."""

_TIME_WORDS = frozenset(
    {
        "اخيرا",
        "الشهر",
        "الاسبوع",
        "العام",
        "السنه",
        "يوم",
        "ليله",
        "صباح",
        "مساء",
        "فجر",
        "عام",
        "سنه",
        "منذ",
        "حتي",
        "لمده",
    }
)

_CONVICT = ("ادان", "لادان", "وادان", "باتهام", "اتهام", "لاتهام")


def _suffered(tokens: Sequence[Token], m: TriggerMatch) -> bool:
    """Whether a noun trigger's pronoun suffix is who suffers it (اعتقاله, اغتياله: his arrest,
    his assassination; بعد إدانته بالإرهاب: his conviction), not who does it (إدانتها للهجوم,
    زيارته)."""
    t, tok = m.trigger, tokens[m.head]
    if t.kind == "noun" and not tok.suffix and t.mode in _PATIENT_MODES and m.end - 1 > m.head:
        tok = tokens[m.end - 1]  # إطلاق سراحهم: the pronoun on the pattern's last word
    if t.kind != "noun" or not tok.suffix:
        return False
    if m.start > 0 and tokens[m.start - 1].norm in _DONE:
        return True  # تم اعتقاله, جرى توقيفهم: passive
    nxt = tokens[m.end].norm if m.end < len(tokens) else ""
    if t.mode in _PATIENT_MODES:
        # (باعتقالها قائد أول مجموعة: an object follows, so the pronoun arrests)
        return not (
            nxt
            and tokens[m.end].text not in _CLAUSE
            and not tokens[m.end].prefix
            and nxt not in _NOT_A_SUBJECT
            and nxt not in _TIME_WORDS
            and not nxt.startswith(("ب", "ل"))  # بتاريخ, لساعات
            and not nxt.isdigit()
        )
    return t.type == "ACCUSE" and tok.norm.startswith(_CONVICT) and not nxt.startswith("ل")


_SPEECH = frozenset(
    {
        "واصفا",
        "واصفه",
        "واصفين",
        "قائلا",
        "قائله",
        "معتبرا",
        "معتبره",
        "متهما",
        "متهمه",
        "بقوله",
        "بانه",
        "بانها",
        "ووصف",
        "ووصفه",
    }
)
"""Words of saying after an attack verb that make it an attack in words (واصفا إياها بـ)."""


def _verbal_attack(tokens: Sequence[Token], m: TriggerMatch) -> bool:
    """Whether an attack verb (هاجم) is followed in its sentence by words of saying: criticism."""
    if (
        m.trigger.type != "ASSAULT"
        or m.trigger.kind != "verb"
        or not fold(tokens[m.head].norm).lstrip("وف").startswith(("هاجم", "يهاجم", "تهاجم"))
    ):
        return False
    return any(
        fold(tokens[k].norm) in _SPEECH for k in range(m.end, min(len(tokens), m.end + 14))
    ) or _statement_before(tokens, m.start, 5)  # (التصريحات … التي هاجم فيها المملكة: in the statements)


_STOPPED = frozenset(
    {"وقف", "وقفها", "وقفه", "ايقاف", "توقف", "توقفها", "تعليق", "تجميد", "اوقف", "اوقفت", "علقت", "جمدت"}
)
"""Words for stopping an act, just before its trigger (وقفها تقديم المساعدات): it is not done."""


def _stopped_before(tokens: Sequence[Token], k: int) -> bool:
    """Whether the word before token ``k`` stops the act named there (وقفها, تعليق)."""
    stop = fold(tokens[k - 1].norm) if k > 0 else ""
    return stop in _STOPPED or stop.removeprefix("و") in _STOPPED


_SURVIVE = frozenset({"نجا", "نجت", "ينجو", "تنجو", "نجوا", "ينجون", "نجاته", "نجاتها", "نجاه"})
"""Survived (نجا من هجوم): who survives an act suffers it."""

_DENY = frozenset(
    {"نفي", "نفت", "ينفي", "تنفي", "نفوا", "ينفون", "رفض", "رفضت", "يرفض", "ترفض", "رفضوا", "يرفضون", "رفضه", "رفضها"}
)


def _denied(tokens: Sequence[Token], m: TriggerMatch) -> bool:
    """Whether an accusation noun is what a denial just before it (in its clause) denies."""
    if m.trigger.type != "ACCUSE" or m.trigger.kind != "noun":
        return False
    lo = max(_clause_start(tokens, m.head), m.start - 10)  # (نفى رئيس الحكومة التركية أحمد داود أوغلو بشدة الاتهامات)
    return any(fold(tokens[k].norm).removeprefix("و") in _DENY for k in range(lo, m.start))


def _retyped(m: TriggerMatch, **changes: str) -> TriggerMatch:
    """``m`` with its trigger's fields changed (kind, type, mode, cameo)."""
    return dataclasses.replace(m, trigger=dataclasses.replace(m.trigger, **changes))


def _as_criticism(m: TriggerMatch) -> TriggerMatch:
    """An attack trigger read as a criticism (ACCUSE, disapprove)."""
    return _retyped(m, type="ACCUSE", mode="disapprove", cameo="111")


_ATTACK_WORDS = frozenset({"هاجم", "يهاجم", "تهاجم", "هجوم", "هجوما", "الهجوم", "هجومه", "هجومها", "هجمه", "هجمات"})


def _attacker_in_words(doc: Document, tokens: Sequence[Token], m: TriggerMatch, source: ActorRef | None) -> bool:
    """Whether an attack of no particular means (هاجم, شن هجوما) is made by one named person
    (a PERS mention) right before or after it: in news, a person's attack is one in words."""
    if source is None or m.trigger.type != "ASSAULT" or m.trigger.mode:
        return False
    if source.end < m.start - 2 or source.start > m.end + 3:
        return False  # (a person named further away is seldom the attacker: صالح … بعد أن شنت المقاومة هجوما)
    lo, hi = (source.end, m.start) if source.end <= m.start else (m.end, source.start)
    if any(tokens[k].text in _CLAUSE for k in range(lo, hi)):
        return False
    if not any(fold(tokens[k].norm).lstrip("وف") in _ATTACK_WORDS for k in range(m.start, m.end)):
        return False
    return any(x.type == "PERS" and source.char_start <= x.start and x.end <= source.char_end for x in doc.mentions)


def _statement_before(tokens: Sequence[Token], k: int, reach: int) -> bool:
    """Whether a word for a statement (تصريحات, خطاب, كلمة …) is among the ``reach`` words
    before token ``k``."""
    return any(fold(tokens[j].norm).lstrip("و") in _SPEECH_NOUNS for j in range(max(0, k - reach), k))


_VIEWS = frozenset(
    {"الاراء", "الراي", "الادعاءات", "المزاعم", "الاقاويل", "الانباء", "التقارير", "الاتهامات", "الدعوات", "الافكار"}
)
"""Nouns of what is said or held (folded, with the article): a rejection of them rejects no one
they name (يرفض الآراء التي تقول إن …)."""

_SPEECH_NOUNS = frozenset(
    {
        "تصريحات",
        "التصريحات",
        "تصريح",
        "التصريح",
        "خطاب",
        "الخطاب",
        "كلمه",
        "الكلمه",
        "مقال",
        "المقال",
        "مقابله",
        "المقابله",
        "تغريده",
        "التغريده",
        "تغريدات",
    }
)


def _in_aside(tokens: Sequence[Token], a: ActorRef, head: int) -> bool:
    """Whether an actor is inside a relative clause between commas (، الذي … ،) that closes
    before the trigger at ``head``."""
    close = next((k for k in range(a.end, head) if tokens[k].text in ("،", ",")), None)
    if close is None:
        return False
    for k in range(a.start - 1, max(-1, a.start - 14), -1):
        if tokens[k].text in ("،", ","):
            return k + 1 < len(tokens) and tokens[k + 1].norm in ("الذي", "التي", "الذين", "اللذين", "اللتين")
    return False


_CITY_NAMED = frozenset(
    fold(w)
    for w in (
        "إعلان",
        "اتفاق",
        "اتفاقية",
        "مؤتمر",
        "قمة",
        "بيان",
        "معاهدة",
        "مبادرة",
        "اجتماع",
        "اجتماعات",
        "محادثات",
        "مفاوضات",
        "مباحثات",
        "جولة",
        "حوار",
        "عملية",
        "مسار",
        "وثيقة",
        "بروتوكول",
        "تفاهمات",
    )
)
"""Nouns that a city names (إعلان القاهرة, اتفاق الرياض, قمة الدوحة): the city is no actor there."""


def _named_after_city(tokens: Sequence[Token], a: ActorRef) -> bool:
    """Whether an actor is a one-word city right after a noun it names (إعلان القاهرة)."""
    return a.end - a.start == 1 and a.start > 0 and fold(tokens[a.start - 1].norm).lstrip("وب") in _CITY_NAMED


_NEWSPAPERS = frozenset(
    {"الرياض", "الوطن", "عكاظ", "المدينه", "الجزيره", "الحياه", "اليوم", "الاقتصاديه", "الشرق", "البلاد", "الاهرام"}
)
"""Newspapers named like cities or words (زود «الرياض» بنسخة): quoted, an outlet."""


def _quoted_outlet(tokens: Sequence[Token], a: ActorRef) -> bool:
    """Whether an actor is a one-word name in quotes that a newspaper bears (the daily الرياض)."""
    return (
        a.end - a.start == 1
        and a.start > 0
        and a.end < len(tokens)
        and tokens[a.start - 1].text in _QUOTES
        and tokens[a.end].text in _QUOTES
        and fold(tokens[a.start].norm) in _NEWSPAPERS
    )


_PREPOSITIONS = frozenset({"من", "في", "الي", "علي", "عن", "مع", "ضد", "بين", "حول", "داخل", "خارج", "نحو"})


def _in_phrase(tokens: Sequence[Token], a: ActorRef) -> bool:
    """Whether an actor is the object of a preposition (من تركيا, لسوريا, بالعراق): no subject."""
    return (a.start > 0 and tokens[a.start - 1].norm in _PREPOSITIONS) or _lead(tokens, a).startswith(("ب", "ل"))


def _list_head(tokens: Sequence[Token], actors: Sequence[ActorRef], a: ActorRef) -> ActorRef:
    """The first actor of a list joined by و that ends with ``a`` (سورية وليبيا والعراق -> سورية)."""
    ends = {x.end: x for x in actors}
    while _lead(tokens, a).startswith("و") and a.start in ends:
        a = ends[a.start]
    return a


def _chain_subject(
    tokens: Sequence[Token], doers: Sequence[ActorRef], matches: Sequence[TriggerMatch], m: TriggerMatch
) -> ActorRef | None:
    """The subject of the nearest verb before ``m`` that has one right after it (a verb of
    saying, doing, or another trigger verb): the subject a verb joined by و goes on with."""
    heads = {mm.head for mm in matches if mm.trigger.kind == "verb" and mm.start < m.start}
    starts = {a.start: a for a in doers}
    for k in range(m.start - 1, -1, -1):
        if k in heads and tokens[k].norm.startswith("و"):
            continue  # (وتدعم تنظيم داعش …، وتدعم: a verb joined by و has its object after it)
        if k in heads or _near(tokens, k, k + 1, "reported") or _near(tokens, k, k + 1, "comment_verbs"):
            subject = _after_titles(tokens, doers, k + 1)
            if subject is not None and not _in_phrase(tokens, subject):
                return subject
        if tokens[k].norm in _THAT and k + 1 in starts:
            return starts[k + 1]  # أن إيران تؤوي …، وتدعم: the subject after "that"
    # (or the sentence's first words: فالمتطرفون التونسيون يقاتلون في سورية وليبيا، ويهددون)
    return next((a for a in doers if a.start <= 1 and a.end < m.start and not _in_phrase(tokens, a)), None)


_SERIES = frozenset({"سلسله", "موجه", "عدد", "جمله", "مجموعه", "عشرات", "مئات"})
"""Words for a quantity of acts before من (سلسلة من الهجمات)."""
_DURATIONS = frozenset(
    {"ساعات", "ساعه", "ساعتين", "ايام", "يوم", "يومين", "اسابيع", "اسبوع", "اسبوعين", "اشهر", "شهر", "شهرين"}
    | {"شهور", "سنوات", "سنه", "سنتين", "اعوام", "عام", "عامين", "دقائق", "لحظات", "ساعتان", "يومان"}
)
"""Words for a span of time (folded) before من and an act (بعد ساعات فقط من التفجيرات)."""
_DURATION_WORDS = frozenset({"فقط", "قليله", "قليلة", "معدوده", "معدودة", "من"})
"""Words that may come between a span of time and the act (ساعات قليلة فقط من)."""


def _lead_in(tokens: Sequence[Token], m: TriggerMatch) -> int:
    """Where the words that frame a noun trigger end: before a quantity of it (بعد سلسلة من
    هجمات) or a span of time from it (بعد ساعات فقط من التفجيرات), else at the trigger."""
    if m.start >= 2 and tokens[m.start - 1].kind == "number":
        return m.start - 1  # في 23 غارة جوية: a number of them
    if m.start < 3 or tokens[m.start - 1].norm != "من":
        return m.start
    if fold(tokens[m.start - 2].norm) in _SERIES:
        return m.start - 2
    for k in range(m.start - 2, max(0, m.start - 5), -1):
        if fold(tokens[k].norm) in _DURATIONS:
            while k > 0 and (tokens[k - 1].kind == "number" or fold(tokens[k - 1].norm) in _NUMBER_WORDS):
                k -= 1  # بعد خمسة أيام
            return k
        if tokens[k].kind != "number" and fold(tokens[k].norm) not in _DURATION_WORDS | _NUMBER_WORDS:
            break  # (بعد خمسة أيام فقط من توقيع الاتفاق)
    return m.start


def _by_perpetrators(tokens: Sequence[Token], lead_in: int) -> int | None:
    """The index of a word for the act's doers right before it (اعتقال المتورطين بالتفجير,
    منفذي الهجوم, المسؤولين عن الهجوم), who are not the clause's subject."""
    for k in (lead_in - 1, lead_in - 2):
        if k < 0 or (k == lead_in - 2 and tokens[lead_in - 1].norm not in ("عن", "في")):
            continue
        if _near(tokens, k, k + 1, "perpetrators"):
            return k
    return None


_ASIDE_WORDS = frozenset({"خلال", "اثناء", "عبر", "في"})


def _aside_of(tokens: Sequence[Token], a: ActorRef, m: TriggerMatch) -> bool:
    """Whether a noun trigger after a comma is an aside about the actor just before it (قال عادل
    الجبير، خلال مؤتمر صحافي مشترك; بعث الملك سلمان، ببرقية تهنئة), not a new phrase joined by و
    (الاتفاق النووي الايراني، والتفجيرات) or one that has words of its own."""
    return (
        a.end < m.start
        and tokens[a.end].text in _CLAUSE
        and all(tokens[k].norm in _ASIDE_WORDS for k in range(a.end + 1, m.start))
        and not tokens[m.start].norm.startswith("و")
    )


def _agent_named_after(tokens: Sequence[Token], end: int) -> bool:
    """Whether a verb of doing after a noun trigger names its doer after it (هجوم شنه شخصان), so
    that no actor before it did it, even when the doer is no actor hadath knows."""
    k = _after_agent_verb(tokens, end, 2)
    return k is not None and k < len(tokens) and tokens[k].text not in _CLAUSE and tokens[k].norm not in _NOT_A_SUBJECT


def _by_agent(tokens: Sequence[Token], actors: Sequence[ActorRef], end: int, reach: int = 4) -> ActorRef | None:
    """The actor after من قبل (by) within ``reach`` words of a trigger ending at ``end``
    (تعرضت مواقع الحوثيين الى غارات من قبل طيران التحالف)."""
    for k in range(end, min(end + reach, len(tokens) - 1)):
        if tokens[k].text in _CLAUSE:
            break
        if tokens[k].norm == "من" and tokens[k + 1].norm == "قبل":
            j = k + 2
            while j < len(tokens) and tokens[j].text in _QUOTES:
                j += 1  # من قبل «حزب الله» الكويتي
            return next((a for a in actors if a.start == j), None)
    return None


_TOLD_OF = frozenset({"ASSAULT", "PROTEST", "THREATEN", "REJECT", "ACCUSE"})
"""Types whose noun after أن / إن is told of by the actor before, not done by it (أعلن الحلف
أن الهجوم …); an aid or a visit is mostly announced by its giver (أكدت السلطات الجزائرية أن
المساعدات العسكرية للجيش المالي …)."""
_INNA = frozenset({"إن", "وإن", "فإن"})
"""إن as written before a noun (إنّ, its shadda dropped): not أن, which a verb may follow."""


def _says_someone_else_did(
    tokens: Sequence[Token], actor: ActorRef, head: int, noun: bool = False, verb: bool = False
) -> bool:
    """Whether ``actor`` only tells of the event: a bare أن/إن between them opens a clause
    with a subject of its own (أعلن الناتو أن مسلحين هاجموا القاعدة: the gunmen attacked).
    Not when the clause goes on with the actor (أعلنت الجزائر أنها أرسلت: أن with a pronoun)
    or when أن is followed by the verb itself (قررت الجزائر أن ترسل: the same subject); with
    ``noun``, a noun right after أن is the clause's own subject (أعلن الحلف أن الهجوم على
    القاعدة أسفر: the alliance tells of the attack)."""
    # (إن right before a verb trigger: its masdar, إن رفض هاتين المادتين, or "if", not the speaker's act)
    inna = verb and head > 0 and tokens[head - 1].text.replace("\u0651", "") in _INNA
    last = head if noun or inna else head - 1
    return any(tokens[k].norm in _THAT and not tokens[k].suffix and k < last for k in range(actor.end, head))


def _before_that(tokens: Sequence[Token], arg: Argument, head: int) -> bool:
    """Whether a bare أن/إن stands between ``arg`` and the trigger at ``head`` (``arg`` then
    belongs to the verb that reports the event)."""
    k = next((k for k, t in enumerate(tokens) if t.start >= arg.end), len(tokens))
    return any(tokens[x].norm in _THAT and not tokens[x].suffix for x in range(k, head))


def _near_actor(tokens: Sequence[Token], actor: ActorRef, head: int, cue: str) -> bool:
    """Whether a word of ``cue`` is the verb of ``actor`` (just before it, or between it and
    the trigger at ``head``)."""
    # (before the title of a named person: ووصف رئيس الوزراء الإسرائيلي بنيامين نتنياهو الهجوم)
    lo = _titled_from(tokens, actor)
    return _near(tokens, lo - 2, lo, cue) or _near(tokens, actor.end, head, cue)


def _own_support_subject(tokens: Sequence[Token], actors: Sequence[ActorRef], lo: int, hi: int) -> bool:
    """Whether a verb of doing between ``lo`` and a noun trigger at ``hi`` has its own subject
    right after it, a definite noun no actor names (وقام المرشدون الأجانب بالانسحاب): the act is
    theirs, not an actor's before the verb."""
    return any(
        _near(tokens, k, k + 1, "support_verbs")
        and tokens[k + 1].kind == "word"
        and tokens[k + 1].article
        and not tokens[k + 1].prefix
        and not _title_word(tokens[k + 1])
        and tokens[k + 1].norm not in _TIME_WORDS
        and not any(a.start <= k + 1 < a.end for a in actors)
        for k in range(lo, hi - 1)
    )


def _noun_doer_from(tokens: Sequence[Token], actor: ActorRef, t: Any) -> int:
    """Where to look for the verb that makes a noun trigger's doer (أجرى … محادثات): before
    the doer's title for talks and visits (أجرى الرئيس التركي رجب طيب إردوغان … خلال زيارة),
    else right before the doer (not أعرب الرئيس حسن شيخ محمود عن استيائه من الهجوم)."""
    return _titled_from(tokens, actor) if t.type == "CONSULT" else actor.start


def _titled_from(tokens: Sequence[Token], actor: ActorRef) -> int:
    """Where an actor's name begins with the title words before it (أجرى الرئيس التركي رجب
    طيب إردوغان: from الرئيس)."""
    lo = actor.start
    while lo > 0 and actor.start - lo < _TITLE_WORDS and _title_word(tokens[lo - 1]):
        lo -= 1
    return lo


def _title_word(tok: Token) -> bool:
    """Whether a word may be part of a person's title (رئيس, الوزراء, الإسرائيلي, السابق)."""
    return (
        tok.kind == "word"
        and not tok.prefix.startswith(("و", "ف"))
        and (
            actor_key(tok.text) in tables().agents
            or tok.norm in _TITLE_NOUNS
            or not cue_words("honorifics").isdisjoint(forms(tok))
            or (tok.article and actor_key(tok.text) in tables().adjectives)
        )
    )


def _partners_of(tokens: Sequence[Token], a: ActorRef) -> bool:
    """Whether an actor is named as whose allies or proxies they are (لشركاء الولايات المتحدة,
    حلفاء إيران; not الحليفة تركيا, the ally Turkey herself)."""
    return a.start > 0 and not tokens[a.start - 1].article and _near(tokens, a.start - 1, a.start, "partners")


_ANY = frozenset({"اي", "لاي", "باي", "واي", "ولاي", "وباي", "فاي"})
"""أي, "any", with its particles: the actor after it is no one in particular."""


_LEADERS = frozenset({"مؤسس", "زعيم", "قائد", "امير", "مرشد"})
"""Words for a group's leader between a word of kin and the group (عائلة مؤسس حركة طالبان)."""


def _of_what(tokens: Sequence[Token], actors: Sequence[ActorRef], k: int) -> bool:
    """Whether token ``k`` says what one is accused of, a verbal noun after ب (بدعم, بعدم,
    بارتكاب, بالعمل), not an object (بكين, a name) nor "that" (بأن)."""
    if k >= len(tokens) or any(a.start == k for a in actors):
        return False
    n = tokens[k].norm
    if not n.startswith("ب") or n.startswith(("بان", "بين")):
        return False
    rest = n[1:]
    return rest.startswith("ال") or len(rest) == 3 or _masdar_form(rest)


_NEWS = frozenset({"نبا", "النبا", "خبر", "الخبر", "اخبار", "الاخبار", "انباء", "الانباء", "نتائج", "النتائج"})
"""Words for news (folded): what a verb of receiving takes when no visitor comes."""


def _news_received(tokens: Sequence[Token], m: TriggerMatch, source: ActorRef | None) -> bool:
    """Whether what a verb of receiving takes is news (استقبل اليونانيون نبأ الاتفاق), not a
    visitor: the word right after the verb or after its subject."""
    k = source.end if source is not None and source.start >= m.end else m.end
    return k < len(tokens) and fold(tokens[k].norm) in _NEWS


def _monitor(a: ActorRef) -> bool:
    """Whether an actor is a non-governmental organization (هيومن رايتس ووتش, NGOHRI), which
    reports violence and arrests but does not make them."""
    return (a.code or "").startswith("NGO") or a.agent == "NGO"


def _any_one(tokens: Sequence[Token], a: ActorRef) -> bool:
    """Whether an actor is "any" one (أي دولة, أي منظمة إرهابية): no one in particular."""
    k = a.start - 1
    if k > 0 and tokens[k].kind == "word" and not tokens[k].article and tokens[k].norm not in _ANY:
        k -= 1  # أي منظمة إرهابية: the noun the adjective qualifies
    # (not أي منظمة التحرير الفلسطينية: "that is", before a definite name)
    return k >= 0 and tokens[k].norm in _ANY and not any(tokens[j].article for j in range(k + 1, a.end))


def _hashtag(text: str, tok: Token) -> bool:
    """Whether a token is a word of a hashtag (#هيكل_يهاجم_السعوديه)."""
    return (tok.start > 0 and text[tok.start - 1] in "#_") or (tok.end < len(text) and text[tok.end] == "_")


def _kin_of(tokens: Sequence[Token], a: ActorRef) -> bool:
    """Whether an actor is named only as someone's kin (نجل الرئيس, لابن رئيس مجلس الوزراء
    السوري, زوجة أوباما): the relative holds no office and does not act for the actor."""
    k = a.start - 1
    if k > 0 and (_title_word(tokens[k]) or tokens[k].norm in _LEADERS):
        k -= 1  # عائلة مؤسس حركة طالبان: the family of its leader
    if k < 0 or tokens[k].kind != "word" or tokens[k].article or not _near(tokens, k, k + 1, "kin"):
        return False
    if not {"ابن", "بنت"}.isdisjoint(forms(tokens[k])):
        return _title_word(tokens[a.start])  # (not ابن كيران, a name)
    return True


_TITLE_NOUNS = frozenset({"رئيس", "الرئيس", "وزير", "الوزير", "الوزراء", "وزيره", "نائب", "امين", "الامين", "العام"})


def _modality(tokens: Sequence[Token], head: int) -> str:
    verb = tokens[head]
    if _near(tokens, max(_clause_start(tokens, head), head - 6), head, "hypothetical"):
        return "hypothetical"  # في حال رفضها, احتمالات أن تشن إسرائيل هجوما: it may not happen
    if (verb.norm.startswith(("ست", "سي", "سن")) and len(verb.norm) > 4) or _near(tokens, head - 3, head, "future"):
        return "future"
    clause = _clause_start(tokens, head)
    if _near(tokens, max(clause, head - 6), head, "intent"):
        return "intent"
    if _near(tokens, 0, head, "reported"):
        return "reported"
    return "asserted"


def _actor_arg(doc: Document, a: ActorRef, role: str) -> Argument:
    value = {k: v for k, v in (("code", a.code), ("country", a.country), ("agent", a.agent)) if v}
    return Argument(role, a.char_start, a.char_end, a.text, value)


def _event(
    doc: Document,
    si: int,
    sent: Sentence,
    tokens: Sequence[Token],
    actors: list[ActorRef],
    m: TriggerMatch,
    all_matches: Sequence[TriggerMatch],
    towns: frozenset[tuple[int, int]] = frozenset(),
) -> dict[str, Any]:
    """One trigger's event: its source and target, arguments and evidence. ``towns``: the
    spans of cities that are no capital, which stand for no state as doers."""
    t = m.trigger
    head = m.head
    lead_in = _lead_in(tokens, m)  # where the words that frame the trigger end (a span of time, a number of acts)
    if (
        t.kind == "verb"
        and m.start == head
        and lead_in > 0
        and tokens[lead_in - 1].norm in _TIME_FRAMES
        and (tokens[lead_in - 1].norm != "منذ" or _masdar_form(tokens[head].norm))  # (منذ هاجمت: a verb)
    ):
        # (also past a span of time: بعد خمسة أيام فقط من توقيع الاتفاق)
        # منذ توقيع الاتفاقية مع إيران: no verb follows a preposition; a verb pattern's masdar, a noun
        t = dataclasses.replace(t, kind="noun")
    # an actor that only says what kind of act another noun names (التفجير الإرهابي) is no
    # one's counterpart, and does only the act it qualifies (الهجوم الإرهابي: terrorists attacked)
    qualifiers = [a for a in actors if a.end - a.start == 1 and qualifies_an_act(tokens, a.start)]
    if t.type != "ACCUSE":  # (what one condemns is the act of who the adjective names: الهجوم الإسرائيلي)
        actors = [a for a in actors if a not in qualifiers or a.start == m.end]
    # actors before the trigger that may do it: not one it is done to (إلى مالي) nor a place
    # (في سوريا)
    # one joined by و to an actor it is done to is done to as well (غارات على العراق وسوريا)
    marked = set()
    for k, a in enumerate(actors):
        if _marked(tokens, a) or (
            k > 0 and id(actors[k - 1]) in marked and actors[k - 1].end == a.start and _lead(tokens, a).startswith("و")
        ):
            marked.add(id(a))
    # a place joined by و to a place after في is a place too (في سورية والعراق, في إسرائيل
    # والضفة الغربية المحتلة والقدس الشرقية)
    located: set[int] = set()
    for k, a in enumerate(actors):
        if _located(tokens, a) or (
            k > 0
            and id(actors[k - 1]) in located
            and 0 <= a.start - actors[k - 1].end <= 3  # (past a place no actor names: والضفة الغربية المحتلة)
            and all(tokens[j].text not in _CLAUSE for j in range(actors[k - 1].end, a.start))
            and _lead(tokens, a).startswith("و")
            and _a_state(a)
        ):
            located.add(id(a))
    doers = [
        a
        for a in actors
        if id(a) not in marked
        and not (_where_clause(tokens, a) and _city(doc, a))  # أديس أبابا، حيث يلتقي: where, not who
        and not (id(a) in located and not _affiliated(tokens, a))  # (الفصائل المنضوية في جيش الفتح)
        and not _media(a)
        and (a.char_start, a.char_end) not in towns  # ناغازاكي … ذكرى الهجوم: no state acts
        # (لإدانة التفجير الإرهابي: the condemned act's kind, not who condemns)
        and not (t.type == "ACCUSE" and a in qualifiers)
        and not _posted_at(tokens, a)  # سفير خادم الحرمين الشريفين لدى دولة الكويت: where he serves
        # (nor the name of an airport, a university or a business: استقبل مطار الملك عبدالله,
        # نقطة على طريق مطار بيروت, بورصة طوكيو, شوارع كابل — not even a capital's)
        and not _named_place(tokens, a)
        and not _partners_of(tokens, a)  # حلفاء إيران: the allies act, not Iran
        and not (a.start > 0 and tokens[a.start - 1].norm in ("بن", "ابن") and _a_state(a))  # (بن سودان: a name)
        # (a protest before an embassy is against its state: تظاهروا أمام السفارة الأمريكية)
        and not (t.type == "PROTEST" and a.start > 0 and tokens[a.start - 1].norm in ("امام", "وامام"))
    ]
    # (not the object of a verb before, which does not act again: سيزور إندونيسيا بعد انتهاء زيارته)
    # (nor a country adjective of some thing: أمام الحدود السعودية، ويهدد أمنها)
    doers_before = [
        a for a in doers if not _object_of_verb(tokens, doers, all_matches, m, a) and not _modifier(tokens, actors, a)
    ]
    before = [a for a in doers_before if a.end <= head and a.start >= _clause_start(tokens, head)]
    # past the clause, only an actor close before the trigger (a long sentence's first actor
    # seldom acts thirty words later)
    # (not from inside a relative clause set off by commas: وشن تنظيم داعش، الذي يسيطر على مناطق
    # من سوريا والعراق، هجمات)
    before = before or [
        a for a in doers_before if a.end <= head and head - a.end <= _NEAR and not _in_aside(tokens, a, head)
    ]
    if (
        t.mode == "ease"
        and t.kind == "verb"
        and not (before and _near(tokens, max(0, before[-1].start - 2), before[-1].start, "intent"))
        # (الولايات المتحدة ترفع العقوبات, لن ترفع: the subject right before the verb)
        and not (before and all(tokens[k].norm in _PARTICLES for k in range(before[-1].end, m.start)))
    ):
        # اتفاق يخفف العقوبات المفروضة عليها, أن ترفع العقوبات: sanctions are lifted by a deal or
        # by no one named, mostly from the actor named before; who decides it is named with intent
        before = []
    before = [
        a
        for a in before
        # (nor one who backs it: وبدأت القوات الموالية لهادي بدعم من طيران التحالف هجوما)
        if (t.type in ("AID", "SUPPORT") or not _near(tokens, a.start - 3, a.start, "backed_by"))
        # (nor one who reacts to it: ورحبت مصر بتوقيع الاتفاق — a masdar after ب, read as a verb)
        and not (
            t.kind == "verb"
            and tokens[m.start].norm.startswith(("ب", "وب"))
            and _near_actor(tokens, a, head, "reactions")
        )
        and not _says_someone_else_did(tokens, a, head, t.kind == "noun" and t.type in _TOLD_OF, t.kind == "verb")
        # a place or time that "witnessed" it (شهدت ألمانيا هجمات) did not do it; its people protest
        and (t.type == "PROTEST" or not _near_actor(tokens, a, head, "witness_verbs"))
    ]
    source = None
    given_to: ActorRef | None = None
    by_adjective = False
    resumed = False  # whether the verb's object pronoun resumes the noun before its relative pronoun
    rel = head - 1 if head > 0 and _near(tokens, head - 1, head, "relative_pronouns") else None
    if (
        rel is None
        and head > 1
        and tokens[head].norm.startswith("و")
        and tokens[head - 1].norm[:1] in ("ي", "ت")
        and _near(tokens, head - 2, head - 1, "relative_pronouns")
    ):
        rel = head - 2  # والتي تمنع وترفض: a second verb of the relative clause, joined by و
    if rel is None and head > 1 and tokens[head - 2].norm in _AUXILIARIES.get(tokens[head - 1].norm, ()):
        # المتظاهرين الذين كانوا يدينون: an auxiliary that agrees with the relative pronoun
        # between it and its verb (not الانتخابات التي كان دعا إلى تأجيلها: someone else's call)
        rel = head - 2
    if rel is not None:
        # الجماعات "المتمردة" التي احتلت: the noun before the relative pronoun acts
        # (only adjectives or quotes between: الحوثيين الأشرار الذين; not رئيس الوزراء الإسرائيلي على
        # القوة التي أطلقت)
        prior = [
            a
            for a in actors
            if a.end <= rel
            and rel - a.end <= 2
            and all(
                tokens[k].kind != "word" or tokens[k].text in _QUOTES or (tokens[k].article and not tokens[k].prefix)
                for k in range(a.end, rel)
            )
            # (not past an act: أدانت مملكة البحرين التفجير الإرهابي الذي استهدف, the act's clause)
            and not any(a.end <= mm.head < rel for mm in all_matches)
        ]
        source = prior[-1] if prior else None
        subject = _after_titles(tokens, doers, head + 1) if t.kind == "verb" and _pronoun(tokens[head]) else None
        if subject is not None:
            # الميليشيا اللبنانية التي تدعمها إيران: the verb's pronoun is the noun before the
            # relative pronoun, what it is done to; its subject follows it
            given_to, source = source, subject
        elif (
            source is not None
            and t.kind == "verb"
            and _resumes_relative(tokens, rel, head)
            and head + 1 < len(tokens)
            and tokens[head + 1].kind == "word"
            and tokens[head + 1].article
            and not tokens[head + 1].prefix
            and tokens[head + 1].norm not in _TIME_WORDS
            and not any(a.start <= head + 1 < a.end for a in actors)
        ):
            # نوري المالكي والذي يتهمه المتظاهرون: the pronoun resumes the noun, whom it is done
            # to; its subject, a definite noun no actor names, follows
            given_to, source, resumed = source, None, True
    if (
        rel is not None
        and source is not None
        and given_to is None
        and t.kind == "verb"
        and tokens[rel].norm == "الذين"
        and not _plural_verb(tokens[head].norm)
    ):
        # العراقيين الذين قصفت: a verb that is not plural does not have them as its subject
        given_to, source = source, None
    elif (
        rel is not None
        and source is not None
        and given_to is None
        and t.kind == "verb"
        and tokens[rel].norm in ("التي", "الذي")
        and _pronoun(tokens[head]) in _OBJECT_PRONOUNS
        and (_plural_verb(tokens[head].stem) or tokens[head].stem.endswith("و"))
    ):
        # إيران التي يتهمونها بالتدخل: a plural subject is not the one noun before, which the
        # verb's pronoun resumes as its object
        given_to, source, resumed = source, None, True
    elif rel is None and t.kind == "verb" and _pronoun(tokens[head]):
        # جماعات إرهابية تدعمها طهران: a noun with no article, resumed by the verb's pronoun, is
        # what it is done to; its subject follows
        antecedent = next((a for a in actors if a.end == head), None) if head > 0 else None
        subject = _after_titles(tokens, doers, head + 1) if antecedent is not None else None
        if subject is not None and antecedent is not None and not tokens[antecedent.start].article:
            given_to, source = antecedent, subject
        elif (
            subject is None
            and antecedent is not None
            and coordinated(tokens[m.start], t)
            and _pronoun(tokens[head]) in _OBJECT_PRONOUNS
            and (doer := next((a for a in reversed(before) if a.end <= antecedent.start), None)) is not None
        ):
            # وانتقدت إيران السعودية وهددتها, سخرت حركة الشباب من كينيا وهددتها: the pronoun of a
            # verb joined by و resumes the object just before; the subject goes on from before it
            given_to, source = antecedent, doer
        elif antecedent is None and _pronoun(tokens[head]) in _OBJECT_PRONOUNS:
            # شخصيات تدعمها إيران, قصفها الطيران: the verb's pronoun is its object, so an actor
            # right after it is its subject; what the pronoun resumes is the nearest actor before
            subject = _after_titles(tokens, doers, head + 1)
            if subject is not None and subject.code:
                near = [
                    a
                    for a in before
                    if head - a.end <= _NOUN_GAP and (a.code or a.agent) and not _same_side(a, subject)
                ]
                given_to, source = (near[-1] if near else None), subject
    if source is None and t.kind == "verb" and (said := _pronoun_subject(tokens, doers, head)) is not None:
        source = said  # قال إن إيران تعرقل …، وإنها تدعم: "it" is the subject after the إن before
    # عصابات «تدفيع الثمن» اليهودية التي هاجمت: the verb's subject is a noun no actor names
    unnamed = rel is not None and source is None and t.kind == "verb" and (resumed or not _pronoun(tokens[head]))
    if rel is not None and source is None and t.kind == "verb" and _pronoun(tokens[head]) in _OBJECT_PRONOUNS:
        # مسلسل «سيلفي» والذي ينتقدهم فيه: an object pronoun that does not agree with the relative
        # pronoun resumes someone else; the relative's noun, no actor, is the subject
        unnamed = unnamed or not _resumes_relative(tokens, rel, head)
    if source is None and rel is None and _noun_subject(tokens, actors, head) and t.kind == "verb":
        unnamed = True  # فإن القصف استهدف معسكرات: the noun after "that" is the subject, no actor
    if source is None and rel is None and t.kind == "verb" and _described_noun(tokens, actors, head):
        unnamed = True  # سيبحث عريضة تطالب بـ: the verb describes the indefinite noun before it
    if (
        source is None
        and t.kind == "verb"
        and (body := _countryless_agent_after(tokens, actors, head)) is not None
        # (but قوات التحالف …، حيث قصفت المقاتلات: the same kind of body, named before)
        and not any(
            not _armed(a) and (a.agent == body or (a.code or "").startswith("IGO") or (a.code and a.code == a.country))
            for a in before
        )
    ):
        # وقطعت القوات طرق إمداد داعش …، ودعت الحكومة المحلية الأهالي: a state's body of no
        # country named is the subject; not an armed group before it (a state named before is
        # the body's country: اتهمت السلطات, in a report on Turkey)
        unnamed = True
    act_subject = _act_subject(tokens, all_matches, m) if source is None and rel is None else None
    if act_subject is not None:
        unnamed = True  # بقصف مدفعي استهدف موكبا, شن عدة غارات استهدفت مواقع: the act's maker does it
    if (
        rel is not None
        and not unnamed
        and t.kind == "verb"
        and head + 1 < len(tokens)
        and tokens[head + 1].norm in _WHERE_RESUMED
        and (subject := _after_titles(tokens, doers, head + 2)) is not None
    ):
        if source is not None and _statement_before(tokens, source.start, 3):
            # التصريحات المستفزة لنوري المالكي والتي هاجم فيها المملكة: in his statements he
            # attacked it — the statements' owner acts, the actor after فيها is his object
            given_to = subject
        else:
            source = subject  # جوانتانامو الذي تحتجز فيه الولايات المتحدة: where, and who does it
    if unnamed and head + 1 < len(tokens) and tokens[head + 1].norm in _RESUMPTIVE:
        # الحوار الذي دعا إليه الرئيس السوداني: the noun is resumed after the verb, whose
        # subject follows
        source = _after_titles(tokens, doers, head + 2)
    if (
        source is None
        and m.start >= 2
        and _near(tokens, m.start - 1, m.start, "support_verbs")
        and _near(tokens, m.start - 2, m.start - 1, "relative_pronouns")
    ):
        # نيرانها على طائرات التحالف … التي تقوم بقصف: the noun before the relative pronoun does
        # it, even where it was what another act was aimed at
        source = next((a for a in actors if a.end == m.start - 2), None)
    if source is None and t.kind == "noun":
        source = _agent_by_verb(tokens, actors, m.end)  # زيارة قام بها الرئيس, غارات شنتها طائرات التحالف
    if source is None and t.kind == "noun":
        source = _by_agent(tokens, actors, m.end)  # غارات من قبل طيران التحالف
    if source is None and t.kind == "noun" and (blamed := _attributed_to(tokens, actors, m)) is not None:
        source = blamed  # نسبت هيئة الأركان الهجوم إلى «المنظمة الإرهابية»: to whom it is attributed
    # تعرضوا لقصف عنيف من مقاتلات التحالف, تعرض الجيش العراقي لهجوم شنه تنظيم داعش: who was
    # exposed to it is its target; who made it is named by a verb (شنه) or comes after من
    lead_from = max(_clause_start(tokens, head), m.start - 8)  # the words that may say how one met it
    exposed = tokens[m.start].norm.startswith("ل") and _near(tokens, lead_from, m.start, "exposed_to")
    # مقتل سبعة من قادة تنظيم داعش بقصف مدفعي: who died by it suffered it
    exposed = exposed or (
        t.type == "ASSAULT"
        and tokens[m.start].norm.startswith(("ب", "وب"))
        and not tokens[m.start].norm.startswith(("بين", "بعد"))
        and _near(tokens, lead_from, m.start, "casualties")
        # (not الذين قاموا بقصف: they did it)
        and not _near(tokens, lead_from, m.start, "relative_pronouns")
        and not _near(tokens, m.start - 1, m.start, "support_verbs")
    )
    # نجا نواز شريف من هجوم: who survived it is its target, like who was exposed to it
    exposed = exposed or (
        m.start >= 2
        and tokens[m.start - 1].norm == "من"
        and any(
            fold(tokens[k].norm).lstrip("و") in _SURVIVE
            for k in range(max(_clause_start(tokens, head), m.start - 10), m.start - 1)
        )
    )
    # (any actor before: ملاحقة عناصر الحوثيين التي فرت أثناء تعرضها لغارات, a target elsewhere)
    exposed_before = [a for a in actors if a.end <= head and a.start >= _clause_start(tokens, head)] if exposed else []
    victim = (before or exposed_before or [None])[-1] if exposed else None
    exposer = (
        (
            _agent_by_verb(tokens, actors, m.end)
            or _by_agent(tokens, actors, m.end)
            or _adjective_actor(doc, tokens, m.end)  # تعرضهم لهجمات إسرائيلية
            # (نجا … من هجوم لتنظيم القاعدة: an attack's ل names who made it; so does its
            # genitive: من هجوم الميليشيات الحوثية)
            or next((a for a in actors if m.end <= a.start <= m.end + 1 and _lead(tokens, a) in ("ل", "لل")), None)
            or next((a for a in doers if a.start == m.end and not _lead(tokens, a)), None)
            or _given_by(tokens, doers, m.end, _clause_end(tokens, head))
        )
        if exposed
        else None
    )
    receiver = None
    given_from = False
    if (
        source is None
        and t.kind == "noun"
        and t.type in _GIVEN_FROM
        # (not محادثات مع دبلوماسيين من الولايات المتحدة: the counterpart's country)
        and not (
            t.type == "CONSULT" and any(tokens[k].norm == "مع" for k in range(m.start, min(m.end + 2, len(tokens))))
        )
    ):
        # تلقى ولي العهد اتصالا هاتفيا أمس من ملك البحرين: who gives or calls comes after من,
        # who receives it before the noun
        source = _from_actor(tokens, doers, m.end - 1 if tokens[m.end - 1].norm == "من" else m.end)
        if source is not None:
            # the receiver: in the clause, else the last doer before (تلقى الأمير … أمس عدة
            # اتصالات … حيث تلقى اتصالا من); never what the caller said or condemned after
            earlier = [a for a in doers if a.end <= head]
            receiver = before[-1] if before else earlier[-1] if earlier else None
            if (
                receiver is not None
                and tokens[m.start].norm.startswith(("ب", "وب"))
                and m.start - receiver.end > _NOUN_GAP
            ):
                # فهم الأكراد السوريون بدعم من أمريكا: who is backed "with" it is named just
                # before, not some words back (إدماء داعش)
                receiver = None
            if (
                receiver is not None
                and t.type == "AID"
                and not _near(tokens, max(0, receiver.start - 3), m.start, "receive_verbs")
            ):
                # واحتجز الحوثيون 16 شاحنة محملة بمساعدات من برنامج الأغذية العالمي: who seized
                # it did not receive it; a receiver is named by a verb of receiving
                receiver = None
            given_from = True
    # (an agreement's parties may come some words on: توقيع اتفاق نووي تاريخي في 14 يوليو بين إيران …)
    between = (
        _between(tokens, doers, m.end, 8 if t.type == "AGREE" else 3)
        if t.kind == "noun" or (t.type == "AGREE" and not (source or _pronoun(tokens[head])))
        else None
    )
    if source is None and between is not None and t.type in ("ASSAULT", "CONSULT", "AGREE") and t.mode != "mediate":
        # اشتباكات عنيفة بين الجيش المالي ومسلحين من …, محادثات بين X وY: the first party,
        # the other its target
        source = between
    if source is None and t.kind == "noun":
        # the agent of a masdar follows it: انسحاب قوات الجيش الفرنسي, دعم الجزائر, بوساطة جزائرية
        # (not الهجمات في تونس: where, not who; nor وساطة بين الحكومة …: a party, not who mediates)
        # (or right after the head of a pattern with more words: عقب فرض الولايات المتحدة عقوبات)
        after = [
            a
            for a in doers
            if (m.end <= a.start <= m.end + 1 or a.start == head + 1 < m.end)
            and a is not between
            # (not a city where talks are held: مباحثات القاهرة بين …, مفاوضات جنيف)
            and not (t.type == "CONSULT" and t.mode != "visit" and _city(doc, a))
            # (not انسحابهم من تركيا: its pronoun withdraws, from the country after من)
            and not (tokens[head].suffix and t.kind == "noun")
            and not (t.type == "RETREAT" and tokens[a.start - 1].norm == "من")
            # (nor the counterpart after a pattern's مع: مباحثات أمس مع معالي وزير الخارجية)
            and not (tokens[m.end - 1].norm == "مع" and a.start >= m.end)
        ]
        # (not after مع: مباحثات مع معالي وزير الخارجية الإيطالي is the counterpart)
        titled = (
            _after_titles(tokens, doers, m.end)
            if not after
            and tokens[m.end - 1].norm != "مع"
            and not _to_a_title(tokens, m.end)
            and not tokens[head].suffix  # (اتهامه الكويت: his accusing; who follows is accused)
            else None
        )  # (not برقية تهنئة لفخامة الرئيس …: to whom)
        after = after or ([titled] if titled is not None else [])  # زيارة صاحب السمو الملكي الأمير …
        if not after and t.type == "ASSAULT":
            # هجوم انتحاري لداعش, هجمات متفرقة لمنظمة بي كا كا: an attack's ل names who made it
            after = [a for a in actors if m.end <= a.start <= m.end + 1 and _lead(tokens, a) in ("ل", "لل")]
        purpose = (
            (t.type in ("SUPPORT", "AID") or t.mode == "allege")  # (لاتهام تركيا: to accuse Turkey)
            and tokens[m.start].norm.startswith("ل")
            and not tokens[m.start].article
            and not tokens[m.start].norm.startswith("لل")
        )
        struck = (
            t.type == "ASSAULT"
            and after
            and after[0].start <= m.end + 1
            and _a_state(after[0])
            # (or a country a bombing names: تفجيرات البحرين, تفجيرات الكويت — where it struck)
            and (_city(doc, after[0]) or tokens[head].norm.endswith("احتلال") or t.mode == "explosives")
            and not any(
                _lead(tokens, b).startswith(("ل", "عل")) or tokens[b.start - 1].norm in ("علي", "ضد")
                for b in actors
                if after[0].end <= b.start <= after[0].end + 2
            )
        )
        if after and (
            (t.mode in _PATIENT_MODES and (after[0].start <= m.end + 1 or after[0] is titled))
            # إدانة داعش: an armed group after a word of condemning is condemned
            or (t.mode == "disapprove" and after[0].start == m.end and _armed(after[0]))
        ):
            # توقيف سليمان الأسد, اغتيال الرئيس, اختطاف صحفي ياباني: the noun's genitive suffers
            # it; who does it is named before or after من قبل
            given_to, after = after[0], []
            source = None
        elif struck:
            # احتلال العاصمة صنعاء, قصف حلب: the city (or the occupied country) is struck; who
            # strikes is named before (not قصف روسيا لحلب: Russia's)
            given_to, after = after[0], []
            source = None
        elif after and purpose and after[0].start == m.end:
            # جنود التحالف لدعم الشرعية, أرسلت قوات لدعم مالي: what the ل of purpose is for is the
            # object; who gives is the doer before
            given_to, after = after[0], []
            source = None
        elif after and t.mode == "visit" and _a_state(after[0]) and after[0].start == m.end:
            # لزيارة إيطاليا, زيارة الأردن: a country (or its capital) named right after a visit
            # is where the visitor goes, who visits is named before
            given_to, after = after[0], []
            source = None
        else:
            source = after[0] if after else _adjective_actor(doc, tokens, m.end)
        if not after and source is not None and _by_perpetrators(tokens, lead_in) is not None:
            source = None  # منفذ الهجوم تونسي الجنسية: the doer's nationality, not his state
        by_adjective = not after and source is not None and given_to is None
        if source is None and t.mode != "ease":  # طائرتان قطريتان محملتان بمساعدات: a country adjective just before
            source = next(
                (
                    x
                    for k in (m.start - 2, m.start - 1)
                    if k >= 0
                    and not any(a.start <= k < a.end for a in actors)  # not inside وزير الدفاع المالي
                    and not any(tokens[j].norm in _THAT for j in range(k + 1, m.start))  # التركية بأن الهجوم
                    # (not the people it killed: قتل 20 أجنبيا وشرطيا تونسيا في هجوم)
                    and not _near(tokens, k + 1, m.start, "event_frames")
                    and not any(tokens[j].text in _CLAUSE for j in range(k + 1, m.start))  # الايراني، والتفجيرات
                    and not _near(tokens, k - 2, k, "led_by")  # (التحالف بقيادة السعودية غارات: the leader)
                    # (nor a place's adjective: في مدينة كويتا الباكستانية احتجاجا)
                    and not any(mm.type == "LOC" and mm.end == tokens[k - 1].end for mm in doc.mentions)
                    and not _near(tokens, k + 1, m.start, "face_verbs")  # (فلسطينيون وتلقى إدانة: its target)
                    and (x := _adjective_actor(doc, tokens, k))
                ),
                None,
            )
        # an event named as a time or cause has its agent after it, if anywhere: not one who
        # reports a death "in an attack" (أعلنت الوزارة مقتل شرطي في هجوم); but one who is
        # "on a visit" (كان الوزير في الزيارة التي قادته) makes it
        # (also after a quantity of them: بعد سلسلة من هجمات دامية)
        # (or a span of time from them: بعد ساعات فقط من التفجيرات; lead_in)
        framed = t.type != "CONSULT" and not tokens[head].suffix and _near(tokens, lead_in - 1, lead_in, "event_frames")
        # (nor one who speaks of its victims: قدم بايدن تعازيه في ضحايا هجوم انتحاري)
        framed = framed or (t.type == "ASSAULT" and _near(tokens, lead_in - 1, lead_in, "victims"))
        # (nor one who warns of it or fears it: حذرت وزارة الخارجية الألمانية من هجمات محتملة)
        framed = framed or (
            t.type in ("ASSAULT", "THREATEN")
            and lead_in > 1
            and tokens[lead_in - 1].norm == "من"
            and _near(tokens, max(_clause_start(tokens, head), lead_in - 8), lead_in - 1, "warnings")
        )
        # (nor the clause's subject when the act's doers are named by a word for them: اعتقال
        # المتورطين بالتفجير; but داعش المسؤول عن الهجوم, the actor they are)
        doers_word = _by_perpetrators(tokens, lead_in) if t.type == "ASSAULT" else None
        framed = framed or (doers_word is not None and not (before and before[-1].end == doers_word))
        # (nor one named before "those raids", an act told of before: وستقدم تركيا الدعم لتلك الغارات)
        # (accusations denied are the denier's rejection: نفت أنقرة هذه الاتهامات)
        # (but وتبنت حركة طالبان هذا الهجوم, وقوف داعش خلف هذا الهجوم: who claims it or stands
        # behind it made it)
        framed = framed or (
            t.type not in ("ACCUSE", "REJECT")
            and lead_in > 0
            and tokens[lead_in - 1].norm.lstrip("وفلب") in _DEMONSTRATIVES
            and not (lead_in > 1 and tokens[lead_in - 2].norm == "في")  # (بما في ذلك هجوم: including)
            and not any(
                fold(tokens[k].norm).lstrip("وف") in _CLAIM_WORDS
                for k in range(max(0, _clause_start(tokens, head), lead_in - 6), lead_in - 1)
            )
        )
        # nor one who condemns, welcomes or blames it (أدانت منظمة هيومن رايتس ووتش قصف المتمردين)
        # (lifting sanctions, a noun: not the one named before it, mostly the sanctioned (إيران
        # … مقابل رفع العقوبات), unless it decided it: قررت الولايات المتحدة رفع العقوبات)
        relief = t.mode == "ease" and not (before and _near(tokens, max(0, before[-1].start - 2), m.start, "intent"))
        # (nor one a passive noun's pronoun stands for: بعد اعتقاله, عقب إدانته بالإرهاب — who
        # suffers it, named before)
        # (but حاولوا اغتياله, قررت اعتقاله: who tried or decided, and whom)
        # (nor when parties follow بين, named or not: مواجهات بين المقاومة وقوات صالح)
        # (for clashes; not تقوم قطر بوساطة بين …, تعزيز التعاون العسكري بين البلدين: one of them)
        parties_after = t.type == "ASSAULT" and any(
            tokens[k].norm == "بين" for k in range(max(m.end - 1, 0), min(m.end + 2, len(tokens)))
        )
        if (
            given_to is None
            and t.type in ("ACCUSE", "SUPPORT")
            and before
            and before[-1] is not source
            and _near(tokens, max(0, before[-1].start - 2), m.start, "face_verbs")
        ):
            # نشطاء فلسطينيون وتلقى إدانة دولية, يواجه انتقادات: who receives or faces it is its
            # target; who gives it comes after من, if anywhere
            given_to = before[-1]
            if source is None:
                source = _given_by(tokens, doers, m.end, _clause_end(tokens, head))
            before = []
        suffered = _suffered(tokens, m) and not (
            _near(tokens, m.start - 4, m.start, "intent") or _near(tokens, m.start - 4, m.start, "attempt")
        )
        if suffered and source is None and given_to is None and before and m.start - before[-1].end <= _NOUN_GAP + 2:
            given_to = before[-1]
        if (
            source is None
            and before
            and not framed
            and not relief
            and not suffered
            and not parties_after
            and not _agent_named_after(tokens, m.end)
            # (nor an actor of the clause before: الاتفاق النووي الايراني، والتفجيرات التي استهدفت)
            and (
                before[-1].start >= _clause_start(tokens, head)
                or _near(tokens, _noun_doer_from(tokens, before[-1], t) - 2, m.start, "support_verbs")
                or _aside_of(tokens, before[-1], m)  # عادل الجبير، خلال مؤتمر صحافي مشترك
                or bool(tokens[head].suffix)  # إيران …، بسبب دعمها لتجارة السلاح: its own
            )
            and not _near_actor(tokens, before[-1], head, "comment_verbs")
            # (nor past a verb of doing with a subject of its own: وقام المرشدون الأجانب بالانسحاب)
            and not _own_support_subject(tokens, actors, before[-1].end, m.start)
            # (nor one whose words are quoted after it: رجب طيب إردوغان: «هذا الهجوم …»)
            and not any(tokens[k].text in _QUOTE_OPENERS for k in range(before[-1].end, m.start))
            # a noun's doer before it is close to it or the subject of a verb that makes it
            # (شنت القوات … غارات, نفذت هجمات), not the subject of another act (يتبنى مجلس
            # الأمن قرارا … المسؤولين عن هجمات): half of those taken farther were wrong
            and (
                m.start - before[-1].end <= _NOUN_GAP
                or _near(tokens, _noun_doer_from(tokens, before[-1], t) - 2, m.start, "support_verbs")
                or bool(tokens[head].suffix)  # إيران … دعمها العسكري: its own support
            )
        ):
            source = before[-1]
            if len(before) >= 2 and source.start > 0 and tokens[source.start - 1].norm == "من":
                # استدعاء السفير من إيران للتشاور احتجاجا على …, ستتوجه موغريني من المملكة إلى
                # إيران لإجراء محادثات: who acts is the clause's subject, not whence one comes
                source = next((a for a in reversed(before) if a.start == 0 or tokens[a.start - 1].norm != "من"), source)
            if (
                t.type == "AID"
                and len(before) >= 2
                and source.end == m.start
                and tokens[m.start].norm.startswith("ب")
                and not tokens[m.start].article
            ):
                # دعمت الإمارات الجيش الموريتاني بمعدات عسكرية: given with (ب) the aid, the
                # nearer actor is who received it, the one before who gave it
                given_to, source = source, before[-2]
            elif (
                t.type == "AID"
                and source.end == m.start
                and source.start > 0
                and tokens[source.start - 1].norm in _GIVE_TO
            ):
                # قررت ألمانيا منح أوكرانيا مساعدات: the first object of منح receives
                given_to, source = source, (before[-2] if len(before) >= 2 else None)
    elif (
        source is None
        and not unnamed
        and t.kind == "verb"
        and (
            (t.type in _INTRANSITIVE and _counted_subject(tokens, head, m))
            or _plural_subject(tokens, actors, head, m)  # ويتفق الباحثون على: they, not an actor
        )
    ):
        source = None  # بعد أن انسحب اثنان قبله: a number of people did it, no actor named
    elif (
        source is None
        and not unnamed
        and t.kind == "verb"
        and (
            _on_it(tokens, head, t)
            # احتجت عليه المعارضة: whoever is named right after the pronoun does it
            or (
                head + 1 < len(tokens)
                and tokens[head + 1].norm in _ON_IT
                and _after_titles(tokens, doers, head + 2) is not None
            )
        )
    ):
        # إذا رفعت عنها العقوبات, فرضت عليها عقوبات: lifted from it, imposed on it — the pronoun's
        # actor before suffers it; who does it, if named, follows the pronoun
        near = [a for a in before if head - a.end <= _NOUN_GAP + 2]
        given_to = near[-1] if near else None
        source = _after_titles(tokens, doers, head + 2)
    elif source is None and not unnamed:
        source = before[-1] if before else None
        if (
            source is not None
            and t.kind == "verb"
            and coordinated(tokens[m.start], t)
            and _in_phrase(tokens, _list_head(tokens, actors, source))  # (في سورية وليبيا والعراق، ويهددون)
        ):
            # وصفت المفوضية العليا للاجئين وضع القادمين من تركيا … ودعت الحكومة اليونانية: a verb
            # joined by و goes on with the subject of a verb before, not an actor after a
            # preposition
            # (or, when no verb before names one, the actor after من, who may be the giver: ضربة
            # تلقتها من جبهة النصرة، حيث هاجمتها وخطفت)
            by = source if source.start > 0 and tokens[source.start - 1].norm == "من" else None
            source = _chain_subject(tokens, doers, all_matches, m) or by
        # after the verb (بحث الأمير … مع), or after the pattern's last word (تقديم … مساعدات
        # سعودية) unless that word marks whom (مع ملك الأردن: the counterpart)
        plural = t.kind == "verb" and _plural_verb(tokens[head].norm)  # طالبوا: "they", not who follows
        if plural and source is not None and _named_person(doc, source):
            # العراقيين ضد حكومة حيدر العبادي، حيث طالبوا: a plural verb's subject is no one person
            source = next((a for a in reversed(before) if not _named_person(doc, a)), None)
        right_after = None if plural else _after_titles(tokens, doers, head + 1)
        named_before = False
        if (
            t.kind == "verb"
            and head + 2 < len(tokens)
            and tokens[head + 1].norm in _SOME
            and tokens[head + 2].norm in ("منهم", "منها", "منهن")
        ):
            # لذلك رفض كثير منهم العودة: its subject is "many of them", no actor named
            source, right_after, named_before = None, None, True
        if right_after is not None and t.kind == "verb" and _person_before(doc, tokens, head):
            # صلاح الدين دمرتاش دعا الحكومة التركية: a person named just before the verb is its
            # subject, whom it is done to follows
            given_to, right_after = right_after, None
            source = next((a for a in actors if a.end == head), None)
            named_before = True
        if right_after is not None and t.kind == "verb" and _oblique(tokens, right_after):
            right_after = None  # يطالب الحوثيين بالانسحاب: the verb's object, not its subject (الحوثيون)
        if (
            right_after is not None
            and t.mode == "allege"
            and not _pronoun(tokens[head])  # (تتهمه السلطات الروسية باختلاس: the pronoun is accused)
            and _accused_of(tokens, doers, right_after)
        ):
            # كما اتهم حزب العمال الكردستاني وتنظيم داعش بأن …: who is accused "of", the subject
            # being named before (or not at all)
            given_to, right_after, named_before = right_after, None, True
        asked = tokens[m.end - 1].norm == "من" and t.type == "REQUEST"  # طلبت من أنقرة: whom it asks
        if (
            right_after is None
            and not plural
            and m.end > head + 1
            and not _near(tokens, m.end - 1, m.end, "target_markers")
            and not asked
        ):
            right_after = _after_titles(tokens, doers, m.end)
        if (
            right_after is not None
            and t.mode in _PATIENT_MODES
            and (_named_person(doc, right_after) or _civilians(right_after))
        ):
            # اعتقل الناشط …, اختطف صحفي: a person right after an arrest or an abduction is who
            # suffers it (the verb read as a passive), not who does it
            given_to, right_after = right_after, None
        if right_after is not None and t.type == "AID" and tokens[head].norm in _GIVE_TO:
            given_to, right_after = right_after, None  # على منح أوكرانيا مساعدات: who receives
        titled_subject = right_after  # (before the group the unnamed doers belong to)
        if right_after is None and not plural and given_to is None:
            # شنت الفصائل المنضوية في جيش الفتح: the group the unnamed doers belong to
            right_after = next((a for a in actors if head < a.start <= head + 5 and _affiliated(tokens, a)), None)
        if (
            source is not None
            and right_after is not None
            and (
                head - source.end > _VSO_GAP
                or t.type in _INTRANSITIVE  # (an intransitive verb's actor after it is its subject)
                # a verb opening its clause (الهلال الأحمر السعودي، استقبل الأمير …)
                # (not a masdar after ب, whose object follows it: وبنما، وقامت باحتلال أفغانستان)
                or (
                    t.kind == "verb"
                    and not tokens[head].norm.startswith(("ب", "وب"))
                    and any(
                        tokens[k].text in _CLAUSE or tokens[k].norm in _CLAUSE_OPENERS
                        for k in range(source.end, m.start)
                    )
                )
            )
            # (nor after و, which goes on with the subject before: ودعت الحكومة اليونانية …;
            # unless a second actor follows the first, its object: واحتلت بريطانيا مصر)
            and (
                not coordinated(tokens[m.start], t)
                or _object_follows(tokens, doers, right_after)
                or t.type in _INTRANSITIVE  # وانسحب معظم أفراد القوات الأمريكية: no object, so its subject
            )
        ):
            # the verb's subject follows it (عندما التقى الرئيس الروسي …): an actor right after
            # a verb beats one some words before it; not after و (ودعت الحكومة اليونانية: the
            # subject of the verb before calls on the government)
            source = right_after
        if source is None and titled_subject is not None and titled_subject is right_after:
            source = right_after  # استقبل صاحب السمو الملكي الأمير محمد بن سلمان …: after the titles
        # (وقعت بعض الفصائل اتفاقا رعته الأمم المتحدة: the subject inside the pattern is no actor)
        unnamed_inside = (
            m.end > head + 1
            and tokens[head + 1].kind == "word"
            and not tokens[head + 1].prefix
            and (tokens[head + 1].article or tokens[head + 1].norm in _QUANTIFIERS)  # (not ودعم قويين من)
            and not any(a.start <= head + 1 < a.end or a.start == head + 2 for a in actors)  # (التنظيم الإرهابي)
            and _after_titles(tokens, doers, head + 1) is None
            and tokens[head + 1].norm not in _NOT_A_SUBJECT
            and tokens[head + 1].norm not in _TIME_WORDS
            and not _nisba_word(tokens[head + 1])  # (بدعم جوي كثيف وفرته طائرات التحالف)
        )
        # (ودعا البيان الحكومة التركية, دعا المركز الأمم المتحدة: a definite noun no actor names
        # is the subject right after the verb; the actor after it, its object)
        unnamed_inside = unnamed_inside or (
            t.kind == "verb"
            and m.end == head + 1
            and head + 2 < len(tokens)
            and tokens[head + 1].kind == "word"
            and tokens[head + 1].article
            and not tokens[head + 1].prefix
            and not any(a.start <= head + 1 < a.end for a in actors)
            and any(
                a.start == head + 2
                and not _nisba_word(tokens[a.start])
                and not _lead(tokens, a).startswith("و")  # (ويهددنا الإرهاب وداعش: both)
                and not _named_person(doc, a)  # (اتهم النائب ميشال عون: a title)
                for a in actors
            )
            and not _title_word(tokens[head + 1])
            and not _nisba_word(tokens[head + 1])
            and tokens[head + 1].norm not in _NOT_A_SUBJECT
            and tokens[head + 1].norm not in _TIME_WORDS
        )
        if source is None and not plural and not named_before and not unnamed_inside:
            # (not after a verb whose subject is its plural suffix: طالبوا البنوك السعودية)
            after = [
                a
                for a in doers
                if head < a.start <= m.end + 2
                and not (t.kind == "verb" and _oblique(tokens, a))
                # (not past another act: أدان الوزير قصف روسيا, Russia's shelling)
                and not any(m.end <= mm.head < a.start for mm in all_matches)
                # (nor past the positions struck: استهدف أيضا منازل لكبار قادة جماعة الحوثي)
                and not _near(tokens, m.end - 1, a.start, "target_markers")
                and not (asked and a.start >= m.end)
                # (nor past "then" or "that": إذا وقعت الاتفاقية فإن أرباح أمريكا)
                and not any(fold(tokens[k].norm).removeprefix("ف") in _THAT for k in range(m.end, a.start))
            ]
            # هاجم مسلحون ينتمون إلى جماعة بوكو حرام: the group the doers belong to
            # (not قصف الجيش مواقع تابعة لتنظيم داعش: whose positions were struck)
            after = after or [
                a
                for a in doers
                if head < a.start <= m.end + 4
                and _affiliated(tokens, a)
                and not _near(tokens, m.end, _belonging_word(tokens, a), "target_markers")
            ]
            source = after[0] if after else None
    members = None  # the unnamed doers whose group acts for them
    if source is not None and not source.code and (source.start > head or source.agent in _ARMED_AGENTS):
        # مسلحون ينتمون إلى جماعة بوكو حرام, هجوم نفذه مسلحون يعتقد بانتمائهم لتنظيم القاعدة:
        # the group the gunmen belong to
        members = source
        source = next(
            (
                a
                for a in actors
                if source.end <= a.start <= source.end + 5
                # (not the owner of the positions struck: استهدفت طائرات التحالف معسكر اللواء 55
                # التابع لميليشيات الحوثي)
                and not _near(tokens, source.end, _belonging_word(tokens, a), "target_markers")
                and (
                    _affiliated(tokens, a)
                    # مسلحون من حركة الشباب: gunmen of a group (not مسلحون من سوريا: where from)
                    or (a.start == source.end + 1 and tokens[source.end].norm == "من" and a.code and not _a_state(a))
                )
            ),
            source,
        )  # (the group after في is no place: الفصائل المنضوية في جيش الفتح)
    if (
        t.type == "AID"
        and t.kind == "verb"
        and source is not None
        and _near(tokens, m.start, m.start + 1, "receive_verbs")
    ):
        # تسلمت مصر أبراج دبابات من الولايات المتحدة: the receiver is the target, who gives it
        # comes after من
        giver = _given_by(tokens, doers, m.end, _clause_end(tokens, head))
        if giver is not None and giver is not source:
            source, given_to = giver, source
    elif (
        t.type in ("AID", "SUPPORT")
        and t.kind == "noun"
        and source is not None
        and source.end <= m.start
        and _near(tokens, max(_clause_start(tokens, head), source.start - 2), m.start, "receive_verbs")
    ):
        # المناطق المتمردة تستقبل المساعدات الإنسانية, تحظى «جبهة النصرة» بدعم من: who receives
        # aid or support is its target; who gives it comes after من, if anywhere
        giver = _given_by(tokens, doers, m.end, _clause_end(tokens, head))
        source, given_to = (giver if giver is not source else None), source
    # الجزائر تدعم مالي: a country right after the verb is its object, before any later actor
    if exposed:
        source = exposer if exposer is not victim else None
    allowed = _allowed(tokens, actors, head)
    if allowed is not None and allowed is not given_to:
        # السماح للطائرات الأمريكية باستخدام قاعدة تركية لشن هجمات: who is allowed does it
        source = allowed
    if (
        t.type == "ASSAULT"
        and t.kind == "verb"
        and given_to is None
        and source is not None
        and m.end - 1 > head
        and source.start >= m.end - 1
        and "ستهدف" in tokens[head].norm  # (not إطلاق نار من سوريا: from where)
    ):
        # استهدف انتحاري السفارة الفرنسية: the struck thing (the pattern's object) and its
        # owner named with it are struck
        given_to, source = source, None
    target = given_to or victim
    if target is None and by_adjective and t.type in _SYMMETRIC and source is not None:
        # التعاون الأمني المصري الليبي, المباحثات السعودية-الأمريكية: the second country's
        # adjective names the other party
        k = source.end + (1 if source.end < len(tokens) and tokens[source.end].text in ("-", "–", "/") else 0)
        other = _adjective_actor(doc, tokens, k)
        if other is not None and tokens[k].article and _country(other) != _country(source):
            target = other
    if target is None and t.kind == "verb" and source is not None:
        target = _country_after(tokens, m.end, source)
    end = _clause_end(tokens, head)
    next_end = _clause_end(tokens, end + 1) if end < len(tokens) else end
    # (or a condition: ودعا شفيتزر إلى منح الشركات … حماية في حال انتهكت طهران الاتفاق)
    # (for friendly acts and requests; a threat's target is often named in its condition: هدد
    # … إذا لم تلتزم إيران)
    # (nor a sanction's: إعادة فرض العقوبات في حال خرق إيران للاتفاق)
    openers = _CLAUSE_OPENERS | _CONDITIONS if t.type in _FRIENDLY | {"REQUEST"} else _CLAUSE_OPENERS
    opener = next((k for k in range(m.end, end) if tokens[k].norm in openers), None)
    if opener is not None:
        # للمواجهات بين الجيش المصري والجماعات الجهادية حيث قتل … منذ الإطاحة بالرئيس مرسي: a
        # clause that حيث, فيما or بينما opens, even with no comma, is not the trigger's
        end = next_end = opener
    # the next clause opens with و and a word of its own (، وأعلن وزير الخارجية … مع نظيره): a
    # new sentence, whose actors are not this event's
    new_clause = end < len(tokens) and (
        tokens[end].text in ("؛", ";", ".")  # هجوم الميليشيات على الضالع؛ تمكنت أسرته من إدخاله للمملكة
        or (end + 1 < len(tokens) and tokens[end + 1].norm.startswith("و") and len(tokens[end + 1].norm) > 3)
        or (end + 1 < len(tokens) and tokens[end + 1].norm in ("ثم", "فيما", "بينما"))  # ، ثم تركت … لفرنسا
    )
    if (
        t.type == "REJECT"
        and m.end + 1 < end
        and tokens[m.end].article
        and fold(tokens[m.end].norm) in _VIEWS
        and (_near(tokens, m.end + 1, m.end + 2, "relative_pronouns") or tokens[m.end + 1].norm in _THAT)
    ):
        # يرفض الآراء التي تقول إن السياسة الغربية ساهمت في صعود داعش: what the views say
        # names no one rejected
        end = next_end = m.end + 1
    if target is None and t.type == "ACCUSE":
        # أدانت مصر الهجوم الإسرائيلي: the act condemned is its adjective's people's
        target = next(
            (
                x
                for k in range(m.end + 1, min(m.end + 3, end))
                if (_near(tokens, k - 1, k, "qualified_acts") or any(mm.head == k - 1 for mm in all_matches))
                and (source is None or k >= source.end)
                and (x := _adjective_actor(doc, tokens, k)) is not None
                and _country(x) != _country(source)
            ),
            None,
        )
    if target is None and t.mode in _PATIENT_MODES and source is not None:
        # أفرجت السلطات الإيرانية عن صحفي أمريكي, اختطف مسلحون صحفيا يابانيا: the people of whom
        # one is released, arrested or abducted
        target = next(
            (x for k in range(m.end, min(m.end + 4, end)) if (x := _adjective_actor(doc, tokens, k)) is not None),
            None,
        )
        if target is not None and _country(target) == _country(source):
            target = None
    # (another kind of act after the trigger has the actors after it; the same kind repeated
    # shares its doer: دعمها للإرهاب … ودعمها للحوثيين)
    own_later = [
        mm for mm in all_matches if mm.start >= m.end and mm.trigger.origin == t.origin and mm.trigger.type != t.type
    ]
    chain = source  # the last of the doers joined by و (كل من الفلبين وفيتنام وماليزيا)
    where_end = -1  # the end of the last place skipped as where the event is
    for a in actors if target is None else ():
        if a.start <= head or a is source or (source is not None and _same_side(a, source)):
            continue
        if not (a.start < end or (a.start < next_end and not new_clause and _marked(tokens, a))):
            continue  # not in the trigger's clause (nor marked as its target in the next)
        if _posted_at(tokens, a) and t.type != "SANCTION":  # (استدعت سفيرها لدى إيران: from Iran)
            continue  # سفير المملكة لدى الكويت: where the envoy serves, not whom
        if a in qualifiers and t.type != "ACCUSE":
            continue  # الهجمات الإرهابية: who attacked, if anyone, not whom
        if a.start > m.end and tokens[a.start - 1].norm in ("امام", "وامام") and t.type != "PROTEST":
            continue  # ندد الوزير أمام الكونغرس بـ: before whom one speaks, not whom
        if a.start > m.end and _partners_of(tokens, a):
            continue  # دعم تركيا لشركاء الولايات المتحدة: whose partners they are, not whom
        if t.type in _FRIENDLY and any(fold(tokens[k].norm) in _COMBAT for k in range(max(0, a.start - 2), a.start)):
            continue  # دعمها لجهود التصدي لتنظيم داعش: whom the supported fight, not whom one supports
        if t.type in ("ASSAULT", "THREATEN") and any(
            fold(tokens[k].norm) in _DEFENDING for k in range(max(m.end, a.start - 3), a.start)
        ):
            continue  # غارات جوية للدفاع عن مقاتلي المعارضة: whom the strikes defend, not whom
        if source is not None and source is between and a.start < source.start:
            continue  # مباحثات القاهرة بين X وY: where, the parties are after بين
        if (
            t.type == "CONSULT"
            and a.start - 1 > m.end
            and tokens[a.start - 1].suffix
            and fold(tokens[a.start - 1].stem) in ("زياره", "زيارت", "جوله", "جولت")
        ):
            continue  # سيلتقي خلال زيارته للدوحة نظيريه: where his visit takes him, not whom he meets
        if (
            t.mode == "visit"
            and t.kind == "noun"
            and tokens[head].suffix
            and a.start > m.end + 2
            and not _marked(tokens, a)
        ):
            # يبحث كيري خلال زيارته تطورات الوضع في سورية واليمن: what is discussed, not
            # where he goes (إلى, ل or right after the noun)
            break
        if t.type != "ACCUSE" and any(m.end <= mm.head < a.start for mm in own_later):
            break  # زار الوزير موقعا قرب مكان قتل فيه جندي في اشتباكات مع داعش: the later act's
        if a is members:
            continue  # مسلحون يعتقد بانتمائهم لتنظيم القاعدة: the group's gunmen, not whom it attacked
        if t.type == "AID" and _affiliated(tokens, a):
            continue  # بتأمين طائرات شحن تابعة لقيادة القوات الجوية: whose the planes are, not who gets them
        if (
            source is not None
            and 0 <= a.start - source.end <= 6
            and _affiliated(tokens, a)
            and not _near(tokens, source.end, _belonging_word(tokens, a), "target_markers")
        ):
            continue  # مسلحون يعتقد بانتمائهم لتنظيم القاعدة: whom the doers belong to, not whom
            # (but قصفت المدفعية أهدافا تابعة لتنظيم داعش: whose targets)
        if source is not None and _near(tokens, a.start - 2, a.start, "led_by"):
            continue  # غارات لطيران التحالف العربي بقيادة السعودية: who leads the doer, not whom
        if source is not None and a.start == source.end and _named_person(doc, a):
            continue  # رئيس مجلس النواب اللبناني نبيه بري: the title's own name, not a counterpart
        if source is not None and not source.end <= head < a.start and _apposition(doc, tokens, source, a, actors):
            continue  # وزيرة الخارجية الأميركية السابقة المرشحة … هيلاري كلينتون: the same person
        if chain is not None and source is not between and _co_doer(tokens, chain, a, head, t):
            chain = a
            continue  # هجوم شنه مسلحون حوثيون وقوات موالية لصالح: both attacked
        if (
            t.type in _WHERE_NOT_WHOM
            and (
                _near(tokens, a.start - 1, a.start, "locatives")
                # (… في الأردن ومصر وتركيا: the places joined to the first)
                or (a.start == where_end and _lead(tokens, a).startswith("و"))
            )
            and not (t.type == "SUPPORT" and _object_of(tokens, actors, m, a))
        ):
            # استقبل الرئيس في قصر قرطاج وفدا ليبيا, تظاهروا في الرباط, اتفقتا على مسودة قرار
            # … في سوريا: where, not whom
            where_end = a.end
            continue
        target = a
        break
    if target is None and t.type == "CONSULT" and t.kind == "noun" and source is not None:
        # وصل وفد من الحكومة الليبية إلى الجزائر في زيارة: where the visitor went is visited
        target = next(
            (
                a
                for a in actors
                if source.end <= a.start
                and a.end <= head
                and a.start > 0
                and tokens[a.start - 1].norm in ("الي", "الى")
                and not _same_side(a, source)
            ),
            None,
        )
    if target is not None and source is None and _near(tokens, target.start - 2, target.start, "led_by"):
        # قصفت مقاتلات التحالف الذي تقوده السعودية …: the leader of the acting coalition acts
        source = target
        target = next(
            (a for a in actors if a.start >= source.end and a.start < next_end and a.country != source.country),
            None,
        )
    if target is None and t.kind == "verb" and source is not None:
        target = _country_after(tokens, m.end, source)  # الجزائر تدعم مالي: a country as object
    if (
        target is None
        and t.kind == "noun"
        and source is not None
        and m.end < len(tokens)
        and tokens[m.end].norm.startswith(("ل", "ول"))
    ):
        target = _country_after(tokens, m.end, source)  # دعمها لمالي: the country it is for
    if target is None and t.kind == "noun" and source is not None and by_adjective:
        # بين الحكومة المالية وممثلي المتمردين بوساطة جزائرية: the parties come before
        others = [a for a in actors if a.end <= head and a.country != source.country]
        target = others[0] if others else None
    if given_from:
        # (support may come from home: الميليشيات الحوثية بدعم من الرئيس المخلوع علي عبد الله صالح)
        target = (
            receiver
            if receiver is not None
            and (_country(receiver) != _country(source) or (t.type == "SUPPORT" and not _same_side(receiver, source)))
            else None
        )
    if (
        t.type == "RETREAT"
        and target is not None
        and source is not None
        and (target.char_start, target.char_end) in towns
        and (not source.code or _country(source) == _country(target))  # no country: the place's
    ):
        # انسحاب المتمردين من تعز: where they leave in their own country, not whom (Chadian
        # forces leaving Kidal leave Mali)
        target = None
    if t.mode == "visit" and source is not None and target is not None and _country(source) == _country(target):
        target = None  # دعوة من الرئيس الفرنسي لزيارة باريس: an invitation home, no visit by him
    if (
        t.type == "ASSAULT"
        and source is not None
        and fold(tokens[source.start].norm).lstrip("وفلب").startswith(_EMBASSY)
    ):
        # بتفجير السفارة الأميركية, هاجم متظاهرون السفارة السعودية: an embassy is struck, it strikes no one
        source, target = None, source
    if t.type == "ASSAULT" and source is not None and _civilians(source):
        # المدنيين السوريين … المسؤولين عن هجمات: civilians are who is attacked, not who attacks
        source, target = None, target or source
    if t.type == "CONSULT" and target is not None and _media(target):
        target = None  # في اتصال هاتفي لـ«الشرق الأوسط»: an interview, not a call between actors
    if t.type == "ACCUSE" and (target is None or not target.code or target in qualifiers):
        # أدانت الحكومة الأردنية التفجير الإرهابي الذي نفذه تنظيم داعش: who is condemned is who
        # made the condemned act, when named after it
        # (or a noun of an act that is no trigger: للجريمة الإرهابية البشعة التي نفذها مستوطنون)
        act = next(
            (
                j
                for j in range(m.end, min(m.end + 4, len(tokens)))
                # (past a second word of condemning: إدانة المملكة واستنكارها للجريمة)
                if any(mm.head == j and mm.trigger.type != "ACCUSE" for mm in all_matches)
                or _near(tokens, j, j + 1, "qualified_acts")
            ),
            None,
        )
        # (two adjectives may come between: الجريمة الإرهابية البشعة التي نفذها)
        maker = _agent_by_verb(tokens, actors, act + 1, 4) if act is not None else None
        if maker is not None and maker.code and maker is not source:
            target = maker
    source, target = _placed(tokens, actors, source), _placed(tokens, actors, target)
    negated = _near(tokens, head - 3, head, "negation") or _near(
        tokens, _clause_start(tokens, head), head - 3, "negation"
    )
    # (وقفها تقديم المساعدات, تعليق المساعدات: stopped, so not given)
    negated = negated or _stopped_before(tokens, m.start)
    if negated and any(t_.norm == "فحسب" for t_ in tokens[m.end : m.end + 6]):
        negated = False  # لم يكن يقصف قوات داعش فحسب، بل …: not only, so it did
    ev: dict[str, Any] = {
        "sentence_index": si,
        "sentence": sent,
        "trigger": Span(tokens[m.start].start, tokens[m.end - 1].end),
        "type": t.type,
        "mode": t.mode or codebook().get(t.cameo, {}).get("context") or None,
        "cameo": t.cameo,
        "kind": t.kind,
        "subject_act": act_subject.head if act_subject is not None else None,
        "source": source,
        "target": target,
        "negated": negated,
        "modality": _modality(tokens, head),
        "arguments": [],
    }
    # who and whom when near the trigger, on either side (التي تدعمها إيران: the target first)
    ends = [a for a in (source, target) if a is not None and a.start - m.end <= _REACH and head - a.end <= _REACH]
    lo = min([head, *(a.start for a in ends)])
    hi = max([m.end, *(a.end for a in ends)])
    ev["evidence"] = Span(tokens[lo].start, tokens[hi - 1].end)
    ev["reports"] = [ev["evidence"]]
    args: list[Argument] = []
    if source:
        args.append(_actor_arg(doc, source, "source"))
    if target:
        args.append(_actor_arg(doc, target, "target"))
    if t.type == "AID":
        items = find_items(doc, tokens, head)
        args += (items or object_items(doc, tokens, m.start, m.end)) + find_means(doc, tokens)
    first = _clause_start(tokens, head)
    if first > 1:  # a short clause just before (، الأربعاء في بروكسل،) belongs to the event
        prev = _clause_start(tokens, first - 1)
        if first - 1 - prev <= _SHORT_CLAUSE:
            first = prev
    clause = (tokens[first].start, tokens[_clause_end(tokens, head) - 1].end)
    # not a city that stands for its government as a verb's subject (أرسلت الرياض طائرتين,
    # هددت طهران: who, not where) or object (مصالح واشنطن), but where an attack strikes (قصف
    # اليابانيون داروين), a visit goes (يزور موسكو) or aid goes (إلى بيروت); a noun's city is
    # where (هجوم منتجع سوسة)
    doer = (source.char_start, source.char_end) if source is not None and t.kind == "verb" else None
    done_to = (
        (target.char_start, target.char_end)
        if target is not None and t.kind == "verb" and t.type not in ("ASSAULT", "CONSULT")
        else None
    )
    args += [
        a
        for a in _places(doc, sent, tokens, head, clause)
        if (a.start, a.end) != doer and ((a.start, a.end) != done_to or a.value.get("arrival"))
    ]
    heads = [tokens[mm.head].start for mm in all_matches]  # includes this trigger's own
    own = tokens[head].start

    def nearest_is_mine(a: Argument) -> bool:
        return min(heads, key=lambda h: abs(h - a.start)) == own

    dates = [a for a in _dates(doc, sent) if clause[0] <= a.start < clause[1] and nearest_is_mine(a)]
    # قال في بيان اليوم السبت إن التحالف نفذ غارات أمس الجمعة: the date before إن is the report's
    args += sorted(dates, key=lambda a: _before_that(tokens, a, head))
    ev["arguments"] = args
    return ev


def _places(
    doc: Document, sent: Sentence, tokens: Sequence[Token], head: int, clause: tuple[int, int]
) -> list[Argument]:
    """Places of an event: an arrival place anywhere in the sentence (وصلت إلى باماكو), the
    place of its purpose (``لفرض الأمن في منطقة كيدال``), other cities and regions of the
    trigger's clause, and nominal places (الحدود الجنوبية)."""
    out = []
    starts = [t.start for t in tokens]
    for mention in doc.mentions:
        if mention.type != "LOC" or not (sent.start <= mention.start < sent.end) or mention.resolution is None:
            continue
        v = mention.resolution.value
        if v.get("kind") == "country":
            continue
        i = bisect.bisect_right(starts, mention.start) - 1
        role = "place"
        if _near(tokens, i - 8, i, "purpose") and not _near(tokens, i - 4, i, "arrival"):
            role = "purpose_place"
        value = {k: v[k] for k in ("id", "geonames", "name", "kind", "country_code", "lat", "lon") if k in v}
        # وصلت إلى باماكو, تسلم الجيش الشحنة في مطار بيروت; أرسلت … إلى بيروت: where it goes
        value["arrival"] = _near(tokens, i - 5, i, "arrival") or (i > 0 and tokens[i - 1].norm in ("الي", "الى"))
        if role == "place" and not value["arrival"] and not (clause[0] <= mention.start < clause[1]):
            continue
        out.append(Argument(role, mention.start, mention.end, mention.text, value))
    nominal = nominal_place(doc, tokens, head)
    if nominal is not None:
        out.append(nominal)
    return out


def _dates(doc: Document, sent: Sentence) -> list[Argument]:
    out = []
    for mention in doc.mentions:
        if mention.type == "DATE" and sent.start <= mention.start < sent.end and mention.resolution is not None:
            v = mention.resolution.value
            value = {k: v[k] for k in ("value", "granularity", "kind", "relative", "needs") if k in v}
            out.append(Argument("date", mention.start, mention.end, mention.text, value))
    return out


def _country(a: ActorRef | None) -> str | None:
    if a is None:
        return None
    return a.country or (a.code[:3] if a.code and a.code[:3].isupper() and len(a.code) >= 3 else a.code) or a.agent


def _key(ev: dict[str, Any]) -> tuple:
    """Reports of one event in a document: same type, mode, actors' countries and polarity
    (a decision, a delivery and a report of it are one event; the most certain wording wins)."""
    return (ev["type"], ev["mode"], _country(ev["source"]), _country(ev["target"]), ev["negated"])


def _told_before(ev: dict[str, Any], merged: dict[tuple, dict[str, Any]], order: list[tuple]) -> tuple | None:
    """The key of the document's event that a noun with no target of its own reports again
    (الزيارة, خلال زيارته, تلك الهجمات after the event was told: same type, mode, source and
    polarity), or None."""
    if ev["kind"] != "noun" or ev["target"] is not None:
        return None
    key = _key(ev)
    return next((k for k in order if k[:3] == key[:3] and k[4] == key[4]), None)


def _claimed(ev: dict[str, Any], merged: dict[tuple, dict[str, Any]], order: list[tuple], si: int) -> tuple | None:
    """The key of an attack by unnamed armed men (مسلحون: an agent of no code) told in this or
    the previous sentence, that a named group's noun with no target of its own reports again
    (أعلن تنظيم الدولة الإسلامية مسؤوليته عن الهجوم), or None."""
    src = ev["source"]
    if ev["kind"] != "noun" or ev["target"] is not None or src is None or not src.code:
        return None
    for k in reversed(order):
        host = merged[k]
        if host["last_sentence"] < si - 1:
            break
        h = host["source"]
        if (
            host["type"] == ev["type"]
            and h is not None
            and not h.code
            and h.agent in _ARMED_AGENTS
            and _key({**host, "source": src}) not in merged
        ):
            return k
    return None


def _pick(args: list[Argument], role: str) -> Argument | None:
    cands = [a for a in args if a.role == role]
    if role == "place":
        cands.sort(key=lambda a: (not a.value.get("arrival"), a.value.get("kind") == "nominal"))
    return cands[0] if cands else None


_INTERNATIONAL = ("IGO", "IMG", "NGO", "MNC", "UIS")


_COALITIONS = {"YE": "IGOARBCOA", "IQ": "IGOWSTCOA", "SY": "IGOWSTCOA"}
"""The coalition (``actors/extra.tsv``) a bare ``التحالف`` names, by the country of the event's place."""


def _code_at(ref: ActorRef | None, place: Argument | None, where: str | None = None) -> str | None:
    """An actor's code; an agent of no country (rebels, militants: REB, REBRAD) takes the
    country of the event's place, CAMEO-style (عناصر إرهابية في ولاية تمنراست: DZAREBRAD); a
    bare coalition, the one fighting in that country, or (no place) in ``where``, the country
    of most of the document's places; a people of several countries (الأكراد), the one of
    those where it happens."""
    if ref is None:
        return None
    code = ref.code or ref.agent
    here = (place.value or {}).get("country_code") if place is not None else None
    iso3 = iso3_of(here or where)
    if code and ref.country and iso3 and iso3 != ref.country and code.startswith(ref.country):
        # المتمردون الأكراد: a people of several countries, coded to the one the event is in
        peoples = tables().group_countries
        if any(iso3 in peoples.get(w, ()) for w in actor_key(ref.text).split()):
            return iso3 + code[3:]
    if not ref.code and ref.agent and "تحالف" in actor_key(ref.text).split():
        # طيران التحالف, قوات التحالف: the coalition fighting where the event is, not that
        # country's own forces (Yemen: the Saudi-led one; Iraq, Syria: the US-led one)
        return _COALITIONS.get(here or "") or _COALITIONS.get(where or "")
    if (
        code
        and not ref.country
        and not code.startswith(_INTERNATIONAL)
        and tables().kinds.get(code[:3]) != "country"  # SAUGOV has its country
        and place is not None  # not by the document's main country: Saudi news, Yemeni rebels
    ):
        iso3 = iso3_of((place.value or {}).get("country_code"))
        if iso3 and not code.startswith(iso3):
            return iso3 + code
    return code


def _has_items(ev: dict[str, Any]) -> bool:
    return ev["type"] == "AID" and any(a.role == "item" for a in ev["arguments"])


def _main_country(doc: Document) -> str | None:
    """ISO alpha-2 of the country most of the document's resolved places are in."""
    seen = Counter(
        cc
        for m in doc.mentions
        if m.resolution is not None and m.resolution.kind == "place" and (cc := m.resolution.value.get("country_code"))
    )
    return seen.most_common(1)[0][0] if seen else None


def _drop_actor(ev: dict[str, Any], role: str) -> None:
    """Take the event's source or target (``role``) out of it, with its argument."""
    actor = ev[role]
    if actor is None:
        return
    ev[role] = None
    span = (actor.char_start, actor.char_end)
    ev["arguments"] = [a for a in ev["arguments"] if not (a.role == role and (a.start, a.end) == span)]


def _build(doc: Document, n: int, ev: dict[str, Any], where: str | None = None) -> Event:
    args: list[Argument] = [Argument("evidence", s.start, s.end, doc.text[s.start : s.end]) for s in ev["reports"][1:]]
    seen = set()
    for a in ev["arguments"]:
        k = (a.role, a.start, a.end)
        if k not in seen:
            seen.add(k)
            args.append(a)
    src, tgt = ev["source"], ev["target"]
    place = _pick(args, "place")
    date = _pick(args, "date")
    source, target = _code_at(src, place, where), _code_at(tgt, place, where)
    if target is not None and target == source:
        # ميليشيات الحوثي … مواجهات … الميليشيات: the same actor named twice, not its own target
        args = [a for a in args if not (a.role == "target" and tgt is not None and a.start == tgt.char_start)]
        tgt = target = None
    confidence = 0.5 + (0.25 if src else 0) + (0.25 if tgt else 0)
    if ev["modality"] != "asserted":
        confidence *= 0.9
    return Event(
        id=f"{doc.id}:ev{n}",
        doc_id=doc.id,
        type=ev["type"],
        trigger=ev["trigger"],
        sentence=ev["sentence"].span,
        evidence=doc.text[ev["evidence"].start : ev["evidence"].end],
        mode=ev["mode"],
        cameo=ev["cameo"],
        source=source,
        target=target,
        arguments=args,
        place={"text": place.text, "start": place.start, "end": place.end, **place.value} if place else None,
        date={"text": date.text, "start": date.start, "end": date.end, **date.value} if date else None,
        negated=ev["negated"],
        modality=ev["modality"],
        confidence=round(confidence, 2),
    )


@stage("events", requires=["tokens", "sentences", "mentions", "resolutions"], assigns=["events"])
def events_stage(doc: Document) -> Document:
    """Code the document's events."""
    merged: dict[tuple, dict[str, Any]] = {}
    order: list[tuple] = []
    last_aid: dict[str, Any] | None = None
    sports_document: bool | None = None  # read on the first conflict trigger
    towns = _towns(doc)
    for si, sent in enumerate(doc.sentences):
        tokens = doc.tokens[sent.token_start : sent.token_end]
        if tokens and tokens[0].norm in _TAG_LINES:
            continue  # سمات العراق تفجير مقتل: an outlet's tags, no sentence
        matches = find_triggers(tokens)
        if not matches:
            if (
                last_aid is not None
                and si - last_aid["last_sentence"] <= _CONTINUATION
                and _near(tokens, 0, len(tokens), "aid_anaphora")
            ):
                whole = (sent.start, sent.end)
                arrivals = [a for a in _places(doc, sent, tokens, 0, whole) if a.value.get("arrival")]
                extra = find_items(doc, tokens) + find_means(doc, tokens) + _dates(doc, sent) + arrivals
                last_aid["arguments"] += extra
                if extra:
                    last_aid["last_sentence"] = si
            continue
        if any(m.trigger.type in _NOT_IN_SPORTS_SENTENCES for m in matches):
            if sports_document is None:
                sports_document = len(_sports_words(doc.tokens)) >= _SPORTS_DOCUMENT
            in_sentence = len(_sports_words(tokens))
            if sports_document or in_sentence:
                # (two sports words at least for the wider ban: الحوار الدوري, مدافع المياه)
                banned = _NOT_IN_SPORTS_SENTENCES if in_sentence >= 2 else _NOT_IN_SPORTS
                matches = [m for m in matches if m.trigger.type not in banned]
                if not matches:
                    continue
        # a country after مقره (the observatory, based in Britain) is where someone is, not who
        # acts; an outlet cited (قال لـ«الشرق الأوسط») reports, it takes no part
        actors = [
            a
            for a in sentence_actors(doc, sent)
            if not _near(tokens, a.start - 1, a.start, "based_in")
            and not (_media(a) and not a.code)
            and not _dateline(tokens, a)
            and not _quoted_outlet(tokens, a)
            and not (_named_after_city(tokens, a) and _city(doc, a))  # إعلان القاهرة: a declaration's name
            and not _a_base(tokens, a)  # قاعدة العند … المجاور للقاعدة: the base, not al-Qaeda
        ]
        # "any" one (أي منظمة إرهابية تهدد الأمن الوطني): no one in particular, kept in its place
        # so that no other actor is read as the verb's subject, and an event with it is dropped
        generic = {a.start for a in actors if _any_one(tokens, a)}
        # (نجل الرئيس: the president's son, not the president, does what the clause tells; the
        # president himself may act in a relative clause after: عائلة حقاني مؤسس شبكة … التي نفذت)
        kin = {a.start for a in actors if _kin_of(tokens, a)}
        actors = _not_of_documents(tokens, actors)
        actors = [a for a in actors if not _epithet(tokens, actors, a)]
        own = any(m.trigger.origin == "hadath" for m in matches)
        made: dict[int, dict[str, Any]] = {}  # this sentence's events by their trigger's head
        for m in matches:
            converted = m.trigger.origin != "hadath"
            if converted and own:
                continue  # a sentence hadath's lexicon codes is not coded again by the converted one
            if _hashtag(doc.text, tokens[m.head]):
                continue  # #هيكل_يهاجم_السعوديه: a hashtag's words name a topic, they report no act
            if _embedded(tokens, m, matches):
                continue  # طالبت الحكومة الأمم المتحدة بتقديم مساعدات: asked for, not given
            if m.trigger.kind == "verb" and _nominal(tokens, m.head):
                continue  # بتخريج 138 طالباً: students, not "asked"
            if m.trigger.kind == "verb" and (
                _verb_read_without_article(tokens, m) or (m.head > 0 and tokens[m.head - 1].norm in _CAUSE_FRAMES)
            ):
                # (and after a word of cause or time: جراء قصف, إثر هجوم — no verb follows one)
                # القصف, التوقيع: the masdar with its article, read as the noun it is (its
                # agent after it or named by an adjective: القصف التركي)
                m = _retyped(m, kind="noun")
            if m.trigger.kind == "verb" and _noun_coordinated(tokens, m, matches):
                # في مواجهات مع المقاومة وقصف طيران التحالف: a masdar joined to an act's noun,
                # its agent after it
                m = _retyped(m, kind="noun")
            if _verbal_attack(tokens, m):
                # هاجم ضاحي خلفان ميليشيا الحوثي، واصفا إياها: an attack in words, a criticism
                m = _as_criticism(m)
            stopped = m.trigger.type == "AID" and _stopped_before(tokens, m.start)
            if stopped:
                # وقفها تقديم المساعدات, تعليق المساعدات العسكرية: stopping aid is a sanction
                cameo = {"economic": "1621", "military": "1622", "humanitarian": "1623"}.get(m.trigger.mode, "162")
                m = _retyped(m, type="SANCTION", mode="discontinue", cameo=cameo)
            denial = _denied(tokens, m)
            if denial:
                # ولطالما نفت أنقرة هذه الاتهامات: who denies accusations rejects them; the
                # accusers are others
                m = _retyped(m, type="REJECT", mode="", cameo="120")
            ev = _event(doc, si, sent, tokens, actors, m, matches, towns)
            if denial or stopped:
                ev["negated"] = False  # (the denial or the stop is the act, not its negation)
            if denial:
                # (الاتهامات بأن تركيا تساعد تنظيم داعش: who is named in what is denied is no target)
                _drop_actor(ev, "target")
            if (
                m.trigger.kind == "noun"
                and m.start > 0
                and tokens[m.start - 1].norm.removeprefix("ف") in _DONE
                and ev["source"] is not None
                and ev["source"].start == m.end
            ):
                # فسيتم اتهام إسرائيل من قبل كل العالم: the masdar after تم is passive, its
                # genitive suffers it
                _to_passive(doc, ev, _by_agent(tokens, actors, ev["source"].end))
            elif m.trigger.kind == "verb" and _marked_passive(tokens[m.head].text):
                # وانتُقِد سلف تسيبراس: vowels that mark a passive — who is named suffers it;
                # who did it comes after من قبل, if anywhere
                _to_passive(doc, ev, _by_agent(tokens, actors, m.end))
            elif (
                m.trigger.mode == "allege"
                and m.trigger.kind == "verb"
                and not _pronoun(tokens[m.head])
                and ev["source"] is not None
                and ev["source"].end <= m.start
                and _of_what(tokens, actors, m.end)
            ):
                # وواجه ساركوزي انتقادات حادة واتهم بدعم نظام بن علي: no object between the
                # verb and what one is accused of, so the verb is passive — he was accused
                _to_passive(doc, ev, _by_agent(tokens, actors, m.end))
            elif (
                m.trigger.kind == "verb"
                and ev["source"] is not None
                and ev["source"].start >= m.end
                and (agent := _by_agent(tokens, actors, ev["source"].end, 6)) is not None
            ):
                # احتلت ألبانيا في أوقات مختلفة من قبل اليونان: who is named after the verb
                # suffers it; the agent comes after من قبل
                _to_passive(doc, ev, agent)
            made[m.head] = ev
            maker = made.get(ev["subject_act"]) if ev["subject_act"] is not None else None
            if maker is not None and maker["source"] is not None:
                # شن التحالف عدة غارات استهدفت مواقع التنظيم: who made the strikes, hit
                ev["source"] = maker["source"]
                ev["arguments"] = [a for a in maker["arguments"] if a.role == "source"] + ev["arguments"]
            if _attacker_in_words(doc, tokens, m, ev["source"]):
                # هاجم الأمير خالد آل سعود الكاتب المصري, شن السيناتور بوب كوركر هجوما عنيفا عليه:
                # one person's attack is made in words
                m = _as_criticism(m)
                ev = _event(doc, si, sent, tokens, actors, m, matches, towns)
            if ev["source"] is not None and ev["source"].start in generic:
                continue  # أي منظمة إرهابية تهدد: a general statement, no event
            if ev["target"] is not None and ev["target"].start in generic:
                _drop_actor(ev, "target")  # تحرير مدنهم من أي جماعة إرهابية: no one in particular
            src = ev["source"]
            if (
                src is not None
                and src.start in kin
                and not _near(tokens, min(src.end, m.head), max(src.end, m.head), "relative_pronouns")
            ):
                continue  # وسبق لابن رئيس مجلس الوزراء السوري أن هاجم: the son, no actor, did it
            if ev["type"] == "CONSULT" and m.trigger.kind == "verb" and _news_received(tokens, m, ev["source"]):
                continue  # استقبل اليونانيون نبأ اتفاق أثينا: news received, no visitor
            if ev["type"] in ("ASSAULT", "COERCE") and ev["source"] is not None and _monitor(ev["source"]):
                # تحدث تقرير هيومن رايتس ووتش عن اعتقال: a rights group reports arrests and
                # attacks, it makes none
                _drop_actor(ev, "source")
            if converted and (ev["source"] is None or ev["target"] is None):
                continue  # converted patterns are broad: they must find both actors
            told = _told_before(ev, merged, order)  # a later report of an event told before, or None
            if ev["type"] in _NEEDS_TARGET and ev["target"] is None and told is None:
                continue  # support for no one named (دعم الوقود, يدعم الأسعار), a visit to no one (يستقبل زبائنه)
            if ev["source"] is None and ev["kind"] == "verb" and not _has_items(ev):
                continue  # no one does it: "who did what" needs its who (aid sent by no one named keeps its items)
            if ev["source"] is None and (ev["kind"] == "noun" or ev["target"] is None):
                # (also a verb's items with neither giver nor receiver: قدم نجوم الاستعراض في الدبابات)
                # a mention of aid with no giver: its arguments join the document's event of that kind
                host = next(
                    (merged[k] for k in order if merged[k]["type"] == ev["type"] and merged[k]["mode"] == ev["mode"]),
                    None,
                )
                if host is not None:
                    host["arguments"] += [a for a in ev["arguments"] if a.role not in ("source", "target")]
                continue
            claimed = _claimed(ev, merged, order, si)
            if claimed is not None:
                # شن مسلحون هجوما على دورية للجيش النيجري، وأعلن تنظيم الدولة مسؤوليته عن
                # الهجوم: the attack by gunmen is the group's
                host = merged.pop(claimed)
                host["source"] = ev["source"]
                host["arguments"] = [a for a in host["arguments"] if a.role != "source"] + [
                    a for a in ev["arguments"] if a.role == "source"
                ]
                host["reports"].append(ev["evidence"])
                host["last_sentence"] = si
                order[order.index(claimed)] = _key(host)
                merged[_key(host)] = host
                continue
            key = _key(ev)
            if key not in merged and told is None and (given := _aid_given_before(ev, merged, order, si)) is not None:
                # وجه الملك بتقديم المساعدات للشعب اليمني، وأمر … بتأمين طائرات القوات الجوية لنقل
                # المساعدات الإغاثية: the same aid, to the one it was given to just before
                key = given
            if key not in merged and told is not None:
                key = told
            if key in merged:
                host = merged[key]
                host["arguments"] += ev["arguments"]
                host["reports"].append(ev["evidence"])
                host["last_sentence"] = si
                if _CERTAINTY.index(ev["modality"]) < _CERTAINTY.index(host["modality"]):
                    host["modality"] = ev["modality"]
            else:
                ev["last_sentence"] = si
                merged[key] = ev
                order.append(key)
            if ev["type"] == "AID":
                last_aid = merged[key]
    where = _main_country(doc) if order else None
    doc.events = [_build(doc, n, merged[k], where) for n, k in enumerate(order, 1)]
    return doc
