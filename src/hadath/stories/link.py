"""Same-event links and story threads, built incrementally with blocking (never all pairs).

**Event records.** Each coded event becomes an ``EventRecord``: type, mode, the source and
target actors reduced to their country (``DZAGOV`` → ``DZA``; an IGO or armed group keeps its
code), a date interval (the event's resolved date, else "in the week before publication"),
its place, the folded content words of its evidence, its items, and the entities of its
document (actor codes and GeoNames ids).

**Same event.** Two events of different documents are reports of one event when the type
agrees, modes and polarity agree, the known actors agree (an actor missing in one report does
not contradict), the date intervals overlap (with slack by precision: 3 days for a day, none
for a month or year), the places do not lie in different countries — and the similarity
score reaches ``event_threshold`` (default 0.3)::

    score = 0.5 · evidence overlap + 0.2 · place + 0.15 · date + 0.15 · items

(overlap coefficient of the evidence's content words, weighted by inverse event frequency;
place 1 same place, 0.5 same country, 0.25 unknown; date 1 when both are precise to the day,
0.5 month or year, 0.3 when one is only "reported in the week before publication"; items:
overlap coefficient, 0.25 when either has none). Agreement on concrete facts (same place,
same day) links reports worded differently; vague agreement needs a third of the evidence
words in common, and when only one actor is known on either side, half of them. An event
joins a cluster when its mean score over the cluster's first ``MAX_MEMBERS`` reports reaches
the threshold and none of them contradicts it (average linkage: single linkage chains
unrelated reports). Candidates come from blocks keyed by (type, source country) and (type,
target country) and by week: an event is compared with the latest ``MAX_BUCKET`` events of
its blocks and weeks, and with at most
``MAX_MEMBERS`` members of each, so the cost of adding an event does not grow with the
archive.

**Stories.** A story is a thread of events of one family (``data/stories/families.tsv``:
diplomacy, cooperation, dispute, conflict) between the same actor pair (unordered), or of one
actor in one country when there is no second actor. Within such a key an event joins the
story of its same-event cluster, else a story with an event of its type and mode, whatever
the gap (a recurring relation, "Algeria's military aid to Mali": two deliveries five years
apart, is one story with several events), else the story it is nearest to in time (within
``story_gap_days``, default 45), else the story whose documents share the most entities with
its own (Jaccard weighted by inverse event frequency ≥ ``story_overlap``, default 0.2, the two
actors left out: the country every outlet names weighs nothing), else it starts a new story.
An event with one actor only joins a story by its cluster, or one with an event of its type
whose entities it shares (weighted Jaccard ≥ 0.35).
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import Any

from hadath.lexicons import english_name
from hadath.model import Document, Event, Token
from hadath.text.normalize import fold
from hadath.text.tokenize import iter_tokens

__all__ = [
    "EventLinker",
    "EventRecord",
    "StoryThreader",
    "actor_country",
    "family_of",
    "gist_verb",
    "record_of",
]

MAX_MEMBERS = 6  # members of a candidate cluster an event is compared with
MIN_EVIDENCE_WORDS = 3  # evidence with fewer content words only links when it is the same words
MAX_WEEKS = 60  # an interval longer than this is indexed under its first and last weeks only
MAX_BUCKET = 64  # events of one (block, week) an event is compared with (the latest)
SINGLE_ACTOR_OVERLAP = 0.35  # weighted entity overlap that joins a one-actor event to a story
MAX_STORY_CANDIDATES = 32  # stories of one key an event is weighed against (the latest)


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    text = resources.files("hadath.data").joinpath("stories/stopwords.txt").read_text("utf-8")
    return frozenset(fold(line.strip()) for line in text.splitlines() if line.strip() and not line.startswith("#"))


STOPWORDS = _stopwords()


@lru_cache(maxsize=1)
def _families() -> dict[str, tuple[str, str]]:
    text = resources.files("hadath.data").joinpath("stories/families.tsv").read_text("utf-8")
    out = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            typ, family, verb = line.split("\t")
            out[typ] = (family, verb)
    return out


def family_of(event_type: str) -> str:
    """The story family of a PLOVER type (``AID`` → ``cooperation``); the type itself if unlisted."""
    return _families().get(event_type, (event_type.lower(), ""))[0]


def gist_verb(event_type: str, mode: str | None) -> str:
    """English verb phrase for a gist: ``provided military aid to``."""
    verb = _families().get(event_type, ("", event_type.lower() + " with"))[1]
    if mode:
        return verb.replace("{mode}", mode.replace("_", " "))
    return verb.replace(" ({mode})", "").replace("{mode} ", "").replace("{mode}", "")


def actor_country(code: str | None) -> str | None:
    """The country an actor code belongs to (``DZAGOV`` → ``DZA``), or the code itself
    (``IGOECOWAS``, ``AQIM``) when it names no country."""
    if not code:
        return None
    head = code[:3]
    return head if english_name(head) else code


def day_span(value: str | None) -> tuple[int, int, str] | None:
    """(first ordinal, last ordinal, granularity) of an ISO date, month or year."""
    if not value:
        return None
    v = value[:10]
    try:
        if len(v) == 4:
            y = int(v)
            return date(y, 1, 1).toordinal(), date(y, 12, 31).toordinal(), "year"
        if len(v) == 7:
            y, m = int(v[:4]), int(v[5:7])
            nxt = date(y + (m == 12), m % 12 + 1, 1)
            return date(y, m, 1).toordinal(), nxt.toordinal() - 1, "month"
        d = date.fromisoformat(v).toordinal()
        return d, d, "day"
    except ValueError:
        return None


@dataclass(slots=True)
class EventRecord:
    """What linking needs of one event (JSON-serializable, stored beside the event)."""

    id: str
    doc_id: str
    type: str
    mode: str | None
    source: str | None
    target: str | None
    negated: bool
    start: int | None  # date ordinals of the event's interval
    end: int | None
    granularity: str | None  # day, month, year; "reported" when only the publication date is known
    published: str | None
    outlet: str | None
    place_id: int | None
    place_country: str | None
    place_name: str | None
    words: list[str] = field(default_factory=list)
    items: list[str] = field(default_factory=list)
    entities: list[str] = field(default_factory=list)

    @property
    def src(self) -> str | None:
        return actor_country(self.source)

    @property
    def tgt(self) -> str | None:
        return actor_country(self.target)

    @property
    def family(self) -> str:
        return family_of(self.type)

    @property
    def date_label(self) -> str:
        """The event's date at its precision (``2008``, ``2013-01``), or ``reported 2015-07-21``."""
        if self.start is None:
            return "undated"
        d = date.fromordinal(self.start)
        if self.granularity == "year":
            return str(d.year)
        if self.granularity == "month":
            return f"{d.year}-{d.month:02d}"
        if self.granularity == "reported":
            return f"reported {date.fromordinal(self.end or self.start).isoformat()}"
        return d.isoformat()

    @property
    def when(self) -> str:
        """The event's date at its precision; the publication day for an undated report."""
        if self.granularity == "reported" and self.end is not None:
            return date.fromordinal(self.end).isoformat()
        return self.date_label

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> EventRecord:
        return cls(**d)


def item_key(text: str) -> str:
    """Comparison key of an item: folded, without the article (``الوقود`` and ``وقود`` meet)."""
    return " ".join(w[2:] if w.startswith("ال") and len(w) > 4 else w for w in fold(text).split())


def content_words(tokens: Iterable[Token]) -> list[str]:
    """The folded stems of the words that carry content (no function words, none under three
    letters), in order: what evidence similarity and summary centrality compare."""
    out = []
    for t in tokens:
        if t.kind == "word":
            w = fold(t.stem or t.norm)
            if len(w) > 2 and w not in STOPWORDS:
                out.append(w)
    return out


def doc_entities(doc: Document) -> list[str]:
    """Codes and place ids a document names (its story fingerprint)."""
    out = set()
    for m in doc.mentions:
        r = m.resolution
        if r is None or m.type == "DATE":
            continue
        v = r.value
        if v.get("geonames"):
            out.add(f"gn:{v['geonames']}")
        code = v.get("code")
        if code:
            out.add(str(code))
    return sorted(out)


def record_of(ev: Event | dict[str, Any], doc: Document | None = None, **doc_info: Any) -> EventRecord:
    """The linking record of an event (an ``Event`` or its dict), with its document's
    publication date, outlet and entities from ``doc`` or from keyword arguments
    (``published``, ``outlet``, ``entities``)."""
    e = ev.to_dict() if isinstance(ev, Event) else ev
    published = doc.publication_date if doc is not None else doc_info.get("published")
    outlet = doc.source if doc is not None else doc_info.get("outlet")
    entities = doc_entities(doc) if doc is not None else list(doc_info.get("entities") or [])
    d = e.get("date") or {}
    span = None
    gran = None
    if (
        isinstance(d.get("start"), str)
        and isinstance(d.get("end"), str)
        and d.get("granularity") in ("day", "month", "year", "week", "range")
    ):
        s, t = day_span(d["start"]), day_span(d["end"])
        if s and t:
            span, gran = (s[0], t[1]), ("day" if d["granularity"] in ("week", "range") else d["granularity"])
    if span is None:
        p = day_span(published)
        if p:
            if p[2] == "day":  # an undated report is about the days before it
                span, gran = (p[0] - 7, p[1]), "reported"
            else:
                span, gran = (p[0], p[1]), p[2]
    place = e.get("place") or {}
    return EventRecord(
        id=e["id"],
        doc_id=e["doc_id"],
        type=e["type"],
        mode=e.get("mode"),
        source=e.get("source"),
        target=e.get("target"),
        negated=bool(e.get("negated")),
        start=span[0] if span else None,
        end=span[1] if span else None,
        granularity=gran,
        published=published,
        outlet=outlet,
        place_id=place.get("geonames"),
        place_country=place.get("country_code"),
        place_name=place.get("name") or place.get("text"),
        words=sorted(set(content_words(iter_tokens(e.get("evidence") or "")))),
        items=sorted({item_key(a["text"]) for a in e.get("arguments", []) if a.get("role") == "item"}),
        entities=entities,
    )


def _overlap(a: Iterable[str], b: Iterable[str]) -> float | None:
    sa, sb = set(a), set(b)
    if not sa or not sb:
        return None
    return len(sa & sb) / min(len(sa), len(sb))


_SLACK = {"day": 3, "month": 0, "year": 0, "reported": 0}


def _weighted_overlap(a: Iterable[str], b: Iterable[str], weight: Callable[[str], float]) -> float:
    sa, sb = set(a), set(b)
    if not sa or not sb:
        return 0.0
    wa, wb = sum(weight(w) for w in sa), sum(weight(w) for w in sb)
    low = min(wa, wb)
    return sum(weight(w) for w in sa & sb) / low if low > 0 else 0.0


def same_event_score(a: EventRecord, b: EventRecord, weight: Callable[[str], float] | None = None) -> float | None:
    """Similarity of two events as reports of one event; None when they cannot be one.

    ``weight``: the weight of an evidence word (``EventLinker`` passes inverse event
    frequency, so that المملكة in every Saudi report counts for little); equal weights if None.
    """
    if a.doc_id == b.doc_id or a.type != b.type or a.negated != b.negated:
        return None
    if a.mode and b.mode and a.mode != b.mode:
        return None
    shared = 0
    for x, y in ((a.src, b.src), (a.tgt, b.tgt)):
        if x and y:
            if x != y:
                return None
            shared += 1
    if not shared:
        return None
    if a.start is not None and b.start is not None and a.end is not None and b.end is not None:
        slack = max(_SLACK.get(a.granularity or "", 0), _SLACK.get(b.granularity or "", 0))
        if a.start > b.end + slack or b.start > a.end + slack:
            return None
        if a.granularity == b.granularity == "day":
            date_score = 1.0
        elif "reported" in (a.granularity, b.granularity):
            date_score = 0.3  # "in the week before publication": compatible, not evidence
        else:
            date_score = 0.5
    else:
        date_score = 0.3
    if a.place_country and b.place_country and a.place_country != b.place_country:
        return None
    place_score = (1.0 if a.place_id == b.place_id else 0.5) if a.place_id and b.place_id else 0.25
    words = _weighted_overlap(a.words, b.words, weight) if weight else (_overlap(a.words, b.words) or 0.0)
    if min(len(a.words), len(b.words)) < MIN_EVIDENCE_WORDS and set(a.words) != set(b.words):
        words = 0.0  # two words in common say little when there are only two
    if shared < 2 and words < 0.5:
        return None  # one actor known: the wording must say it is the same event
    items = _overlap(a.items, b.items)
    return 0.5 * words + 0.2 * place_score + 0.15 * date_score + 0.15 * (0.25 if items is None else items)


def _weeks(rec: EventRecord) -> list[int]:
    if rec.start is None or rec.end is None:
        return [-1]
    first, last = rec.start // 7, rec.end // 7
    if last - first > MAX_WEEKS:
        return [first, last]
    return list(range(first, last + 1))


def _blocks(rec: EventRecord) -> list[tuple[str, str, str]]:
    out = []
    if rec.src:
        out.append((rec.type, "S", rec.src))
    if rec.tgt:
        out.append((rec.type, "T", rec.tgt))
    return out


class EventLinker:
    """Same-event clusters, built one event at a time.

    ``add(record)`` returns the cluster id the event joins (the id of the cluster's first
    event; its own id when it starts a cluster). Two clusters an event links are merged.
    """

    def __init__(self, threshold: float = 0.3) -> None:
        self.threshold = threshold
        self.records: dict[str, EventRecord] = {}
        self.parent: dict[str, str] = {}  # union-find over cluster ids
        self.members: dict[str, list[str]] = {}  # cluster root -> event ids
        self.index: dict[tuple[tuple[str, str, str], int], list[str]] = {}  # (block, week) -> cluster ids
        self.merged = False  # whether the last add merged existing clusters
        self.order: dict[str, int] = {}  # event id -> position added
        self.word_df: Counter[str] = Counter()  # evidence word -> events using it

    def _word_weight(self, word: str) -> float:
        """Inverse event frequency of an evidence word (1 + log: never zero, rare words count most)."""
        return 1.0 + math.log((1 + len(self.records)) / (1 + self.word_df[word]))

    def find(self, cid: str) -> str:
        root = cid
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[cid] != root:
            self.parent[cid], cid = root, self.parent[cid]
        return root

    def cluster_of(self, event_id: str) -> str:
        return self.find(event_id)

    def _index(self, rec: EventRecord, cid: str) -> None:
        for block in _blocks(rec):
            for w in _weeks(rec):
                lst = self.index.setdefault((block, w), [])
                if not lst or lst[-1] != cid:
                    lst.append(cid)

    def candidates(self, rec: EventRecord) -> Iterator[str]:
        seen: set[str] = set()
        weeks = _weeks(rec)
        if rec.start is not None and len(weeks) <= MAX_WEEKS:  # slack around day-precise dates
            weeks = [weeks[0] - 1, *weeks, weeks[-1] + 1]
        for block in _blocks(rec):
            for w in weeks:
                bucket = self.index.get((block, w), ())
                for cid in reversed(bucket[-MAX_BUCKET:]):  # the latest: bounded work per event
                    root = self.find(cid)
                    if root not in seen:
                        seen.add(root)
                        yield root

    def add(self, rec: EventRecord) -> str:
        if rec.id in self.records:
            return self.find(rec.id)
        linked: list[tuple[float, str]] = []
        for root in self.candidates(rec):
            # average linkage over the cluster's first members: a report must match the event,
            # not one report of it (single linkage chains unrelated reports into one cluster)
            scores = [
                same_event_score(rec, self.records[m], self._word_weight) for m in self.members[root][:MAX_MEMBERS]
            ]
            if not scores or any(x is None for x in scores):
                continue
            mean = sum(x for x in scores if x is not None) / len(scores)
            if mean >= self.threshold:
                linked.append((mean, root))
        self.records[rec.id] = rec
        self.order[rec.id] = len(self.order)
        self.word_df.update(set(rec.words))
        self.parent[rec.id] = rec.id
        self.members[rec.id] = [rec.id]
        root = rec.id
        for _score, other in sorted(linked, reverse=True):
            root = self._union(other, root)
        self.merged = len(linked) > 1
        self._index(rec, rec.id)
        return root

    def restore(self, rec: EventRecord, cluster_id: str) -> None:
        """Put back a stored event with its known cluster (no comparisons)."""
        self.records[rec.id] = rec
        self.order[rec.id] = len(self.order)
        self.word_df.update(set(rec.words))
        self.parent.setdefault(cluster_id, cluster_id)
        self.parent[rec.id] = cluster_id if rec.id != cluster_id else rec.id
        root = self.find(cluster_id)
        self.members.setdefault(root, [])
        if rec.id not in self.members[root]:
            self.members[root].append(rec.id)
        self._index(rec, rec.id)

    def _union(self, a: str, b: str) -> str:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return ra
        # the older cluster (first event added earlier) keeps its id
        keep, drop = (ra, rb) if len(self.members[ra]) >= len(self.members[rb]) else (rb, ra)
        self.parent[drop] = keep
        self.members[keep].extend(self.members.pop(drop))
        return keep

    def clusters(self) -> dict[str, list[str]]:
        """Cluster id -> event ids, for every cluster (singletons included)."""
        out: dict[str, list[str]] = {}
        for eid in self.records:
            out.setdefault(self.find(eid), []).append(eid)
        return out


def story_key(rec: EventRecord) -> tuple[str, str, str] | None:
    """(family, actor, actor-or-place-country) of an event's story; None without actors."""
    a, b = rec.src, rec.tgt
    if a and b and a != b:
        x, y = sorted((a, b))
        return (rec.family, x, y)
    one = a or b
    if not one:
        return None
    return (rec.family, one, "@" + (rec.place_country or "-"))


def story_id_for(first_event_id: str) -> str:
    return "st-" + hashlib.sha1(first_event_id.encode()).hexdigest()[:10]


@dataclass(slots=True)
class StoryState:
    id: str
    key: tuple[str, str, str]
    first: int | None = None
    last: int | None = None
    event_ids: list[str] = field(default_factory=list)
    entities: Counter[str] = field(default_factory=Counter)
    types: set[str] = field(default_factory=set)

    def take(self, rec: EventRecord) -> None:
        self.event_ids.append(rec.id)
        self.types.add(rec.type)
        if rec.start is not None:
            self.first = rec.start if self.first is None else min(self.first, rec.start)
            self.last = rec.end if self.last is None else max(self.last, rec.end or rec.start)
        self.entities.update(set(rec.entities))


class StoryThreader:
    """Stories over time, one event at a time (see the module docstring)."""

    def __init__(self, gap_days: int = 45, overlap: float = 0.2) -> None:
        self.gap_days = gap_days
        self.overlap = overlap
        self.by_key: dict[tuple[str, str, str], list[str]] = {}
        self.stories: dict[str, StoryState] = {}
        self.story_of: dict[str, str] = {}  # event id -> story id
        self.cluster_story: dict[str, str] = {}  # same-event cluster id -> story id
        self.df: Counter[str] = Counter()  # entity -> events naming it
        self.kind_story: dict[tuple[tuple[str, str, str], str, str | None], str] = {}  # latest story of a kind
        self.n_events = 0

    def _weight(self, entity: str) -> float:
        """Inverse event frequency: an entity most events name (the outlet's own country,
        its capital) says nothing about which story an event belongs to."""
        return math.log((1 + self.n_events) / (1 + self.df[entity]))

    def _entity_overlap(self, rec: EventRecord, st: StoryState) -> float:
        """IDF-weighted Jaccard of the event's entities and the story's (the actors left out)."""
        actors = {rec.source, rec.target, rec.src, rec.tgt}
        mine = {e for e in rec.entities if e not in actors}
        theirs = {e for e in st.entities if e not in actors}
        if not mine or not theirs:
            return 0.0
        union = sum(self._weight(e) for e in mine | theirs)
        return sum(self._weight(e) for e in mine & theirs) / union if union > 0 else 0.0

    def _gap(self, rec: EventRecord, st: StoryState) -> int | None:
        if rec.start is None or st.first is None or st.last is None:
            return None
        end = rec.end if rec.end is not None else rec.start
        if end < st.first:
            return st.first - end
        if rec.start > st.last:
            return rec.start - st.last
        return 0

    def add(self, rec: EventRecord, cluster_id: str | None = None) -> str | None:
        """The story id the event joins (None for an event without actors)."""
        key = story_key(rec)
        if key is None:
            return None
        sid = self.cluster_story.get(cluster_id or "")
        single = key[2].startswith("@")
        if sid is None and not single:  # a recurring relation: Algeria's military aid to Mali
            sid = self.kind_story.get((key, rec.type, rec.mode))
        if sid is None:
            best: tuple[float, str] | None = None
            for cand in reversed(self.by_key.get(key, [])[-MAX_STORY_CANDIDATES:]):
                st = self.stories[cand]
                gap = self._gap(rec, st)
                if single:  # one actor: an event of the same type sharing many rare entities
                    ov = self._entity_overlap(rec, st) if rec.type in st.types else 0.0
                    score = ov if ov >= SINGLE_ACTOR_OVERLAP else -1.0
                elif gap is not None and gap <= self.gap_days:
                    score = 2.0 - gap / (self.gap_days + 1)
                else:
                    ov = self._entity_overlap(rec, st)
                    score = ov if ov >= self.overlap else -1.0
                if score >= 0 and (best is None or score > best[0]):
                    best = (score, cand)
            sid = best[1] if best else None
        if sid is None:
            sid = story_id_for(rec.id)
            self.stories[sid] = StoryState(sid, key)
            self.by_key.setdefault(key, []).append(sid)
        self._take(sid, rec, cluster_id)
        return sid

    def _take(self, sid: str, rec: EventRecord, cluster_id: str | None) -> None:
        st = self.stories[sid]
        st.take(rec)
        self.story_of[rec.id] = sid
        self.kind_story[(st.key, rec.type, rec.mode)] = sid
        self._count(rec)
        if cluster_id:
            self.cluster_story.setdefault(cluster_id, sid)

    def _count(self, rec: EventRecord) -> None:
        self.n_events += 1
        self.df.update(set(rec.entities))

    def restore(self, rec: EventRecord, story_id: str, cluster_id: str | None) -> None:
        key = story_key(rec)
        if key is None:
            return
        if story_id not in self.stories:
            self.stories[story_id] = StoryState(story_id, key)
            self.by_key.setdefault(key, []).append(story_id)
        self._take(story_id, rec, cluster_id)
