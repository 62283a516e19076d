"""The one document model shared by every stage.

Every offset is a ``[start, end)`` character index into ``Document.text``, the ORIGINAL
text exactly as ingested; no stage ever changes that text. Normalized forms live beside
the original (``Token.norm``, ``Token.stem``), never instead of it.

All classes are plain dataclasses with ``to_dict`` / ``from_dict`` that round-trip
through JSON. ``docs/schema.md`` documents every field.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, fields
from typing import Any, ClassVar

SCHEMA_VERSION = 1
"""Version of the JSON produced by ``Document.to_dict`` (bumped on breaking changes)."""


def _drop_empty(d: dict[str, Any], keep: tuple[str, ...] = ()) -> dict[str, Any]:
    """Drop keys whose value is None, an empty list or an empty dict (except ``keep``)."""
    return {k: v for k, v in d.items() if k in keep or v not in (None, [], {}, "")}


@dataclass(frozen=True, slots=True)
class Span:
    """A ``[start, end)`` character range in the original text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"invalid span [{self.start}, {self.end})")

    def text(self, source: str) -> str:
        """The substring of ``source`` this span covers."""
        return source[self.start : self.end]

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end

    def __len__(self) -> int:
        return self.end - self.start

    def to_dict(self) -> dict[str, int]:
        return {"start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Span:
        return cls(int(d["start"]), int(d["end"]))


@dataclass(slots=True)
class Token:
    """One token of the original text, with its normalized analysis.

    Attributes:
        start: offset of the first character in the original text.
        end: offset one past the last character.
        text: the original surface, ``doc.text[start:end]``.
        kind: ``word``, ``number``, ``punct``, ``url`` or ``symbol``.
        norm: the normalized form (see ``hadath.text.normalize``).
        stem: the normalized form without proclitic particles, article and enclitic
            pronoun (``والجزائر`` -> ``جزائر``); equal to ``norm`` when nothing is split.
        prefix: the normalized proclitic particles split off (``و``, ``وب``, ``ل`` ...).
        article: whether the definite article ``ال`` was split off.
        suffix: the normalized enclitic pronoun split off (``ه``, ``ها``, ``هم`` ...).
        core_start: offset in the original text where the word after the proclitic
            particles begins (the article stays in the core: ``والجزائر`` -> ``الجزائر``).
    """

    start: int
    end: int
    text: str
    kind: str
    norm: str
    stem: str
    prefix: str = ""
    article: bool = False
    suffix: str = ""
    core_start: int = -1  # -1: same as start (set by the tokenizer)

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)

    @property
    def core_span(self) -> Span:
        """The span of the word without its proclitic particles."""
        return Span(self.core_start if self.core_start >= 0 else self.start, self.end)

    @property
    def base(self) -> str:
        """Normalized form without particles but with the article (lookup key for names)."""
        return ("ال" if self.article else "") + self.stem + self.suffix

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "kind": self.kind,
            "norm": self.norm,
            "stem": self.stem,
        }
        if self.prefix:
            d["prefix"] = self.prefix
        if self.article:
            d["article"] = True
        if self.suffix:
            d["suffix"] = self.suffix
        if self.core_start != self.start:
            d["core_start"] = self.core_start
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Token:
        return cls(
            start=d["start"],
            end=d["end"],
            text=d["text"],
            kind=d["kind"],
            norm=d["norm"],
            stem=d.get("stem", d["norm"]),
            prefix=d.get("prefix", ""),
            article=bool(d.get("article", False)),
            suffix=d.get("suffix", ""),
            core_start=d.get("core_start", d["start"]),
        )


@dataclass(slots=True)
class Sentence:
    """A sentence: its character span and the half-open range of its tokens."""

    start: int
    end: int
    token_start: int
    token_end: int

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)

    def to_dict(self) -> dict[str, int]:
        return {
            "start": self.start,
            "end": self.end,
            "token_start": self.token_start,
            "token_end": self.token_end,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Sentence:
        return cls(d["start"], d["end"], d["token_start"], d["token_end"])


@dataclass(slots=True)
class Resolution:
    """What a mention or expression was resolved to, with provenance.

    ``kind`` says what ``value`` is (``actor``, ``place``, ``date`` ...); ``reason`` says
    why this candidate won; ``candidates`` lists the others considered.
    """

    kind: str
    value: dict[str, Any]
    score: float = 1.0
    reason: str = ""
    candidates: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return _drop_empty(
            {
                "kind": self.kind,
                "value": self.value,
                "score": self.score,
                "reason": self.reason,
                "candidates": self.candidates,
            },
            keep=("kind", "value", "score"),
        )

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Resolution:
        return cls(
            kind=d["kind"],
            value=dict(d["value"]),
            score=float(d.get("score", 1.0)),
            reason=d.get("reason", ""),
            candidates=list(d.get("candidates", [])),
        )


@dataclass(slots=True)
class Mention:
    """A typed span of the original text (an entity, a place, a date expression ...)."""

    start: int
    end: int
    text: str
    type: str
    source: str = ""
    score: float = 1.0
    entity_id: str | None = None
    resolution: Resolution | None = None

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)

    def to_dict(self) -> dict[str, Any]:
        return _drop_empty(
            {
                "start": self.start,
                "end": self.end,
                "text": self.text,
                "type": self.type,
                "source": self.source,
                "score": self.score,
                "entity_id": self.entity_id,
                "resolution": self.resolution.to_dict() if self.resolution else None,
            },
            keep=("start", "end", "text", "type"),
        )

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Mention:
        res = d.get("resolution")
        return cls(
            start=d["start"],
            end=d["end"],
            text=d["text"],
            type=d["type"],
            source=d.get("source", ""),
            score=float(d.get("score", 1.0)),
            entity_id=d.get("entity_id"),
            resolution=Resolution.from_dict(res) if res else None,
        )


@dataclass(slots=True)
class Entity:
    """A thing several mentions refer to (an actor, a place), within or across documents."""

    id: str
    type: str
    name: str
    code: str | None = None
    attributes: dict[str, Any] = field(default_factory=dict)
    mentions: list[Span] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return _drop_empty(
            {
                "id": self.id,
                "type": self.type,
                "name": self.name,
                "code": self.code,
                "attributes": self.attributes,
                "mentions": [m.to_dict() for m in self.mentions],
            },
            keep=("id", "type", "name"),
        )

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Entity:
        return cls(
            id=d["id"],
            type=d["type"],
            name=d["name"],
            code=d.get("code"),
            attributes=dict(d.get("attributes", {})),
            mentions=[Span.from_dict(m) for m in d.get("mentions", [])],
        )


@dataclass(slots=True)
class Argument:
    """One argument of an event (source, target, item, quantity, means, place, date ...)."""

    role: str
    start: int
    end: int
    text: str
    value: dict[str, Any] = field(default_factory=dict)

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)

    def to_dict(self) -> dict[str, Any]:
        return _drop_empty(
            {
                "role": self.role,
                "start": self.start,
                "end": self.end,
                "text": self.text,
                "value": self.value,
            },
            keep=("role", "start", "end", "text"),
        )

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Argument:
        return cls(d["role"], d["start"], d["end"], d["text"], dict(d.get("value", {})))


@dataclass(slots=True)
class Event:
    """A coded event: who did what to whom, with what, where and when, with evidence."""

    id: str
    doc_id: str
    type: str
    trigger: Span
    sentence: Span
    evidence: str
    mode: str | None = None
    cameo: str | None = None
    source: str | None = None
    target: str | None = None
    arguments: list[Argument] = field(default_factory=list)
    place: dict[str, Any] | None = None
    date: dict[str, Any] | None = None
    negated: bool = False
    modality: str | None = None
    confidence: float = 1.0

    def to_dict(self) -> dict[str, Any]:
        return _drop_empty(
            {
                "id": self.id,
                "doc_id": self.doc_id,
                "type": self.type,
                "mode": self.mode,
                "cameo": self.cameo,
                "source": self.source,
                "target": self.target,
                "trigger": self.trigger.to_dict(),
                "sentence": self.sentence.to_dict(),
                "evidence": self.evidence,
                "arguments": [a.to_dict() for a in self.arguments],
                "place": self.place,
                "date": self.date,
                "negated": self.negated,
                "modality": self.modality,
                "confidence": self.confidence,
            },
            keep=("id", "doc_id", "type", "trigger", "sentence", "evidence", "negated"),
        )

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Event:
        return cls(
            id=d["id"],
            doc_id=d["doc_id"],
            type=d["type"],
            trigger=Span.from_dict(d["trigger"]),
            sentence=Span.from_dict(d["sentence"]),
            evidence=d["evidence"],
            mode=d.get("mode"),
            cameo=d.get("cameo"),
            source=d.get("source"),
            target=d.get("target"),
            arguments=[Argument.from_dict(a) for a in d.get("arguments", [])],
            place=d.get("place"),
            date=d.get("date"),
            negated=bool(d.get("negated", False)),
            modality=d.get("modality"),
            confidence=float(d.get("confidence", 1.0)),
        )


@dataclass(slots=True)
class Story:
    """Events and documents grouped into one story over time."""

    id: str
    title: str
    event_ids: list[str] = field(default_factory=list)
    doc_ids: list[str] = field(default_factory=list)
    summary: str = ""
    attributes: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return _drop_empty(
            {
                "id": self.id,
                "title": self.title,
                "event_ids": self.event_ids,
                "doc_ids": self.doc_ids,
                "summary": self.summary,
                "attributes": self.attributes,
            },
            keep=("id", "title"),
        )

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Story:
        return cls(
            id=d["id"],
            title=d["title"],
            event_ids=list(d.get("event_ids", [])),
            doc_ids=list(d.get("doc_ids", [])),
            summary=d.get("summary", ""),
            attributes=dict(d.get("attributes", {})),
        )


def content_id(text: str) -> str:
    """Stable document id: a hash of the normalized content.

    Normalization (diacritics, letter variants, digits, whitespace runs) means the same
    article re-encoded, re-spaced or re-vowelled gets the same id, so re-ingesting it is a
    no-op.
    """
    from hadath.text.normalize import normalize  # local: the model stays dependency-free

    key = " ".join(normalize(text).split())
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


@dataclass(slots=True)
class Document:
    """A news article and every layer the pipeline has added to it.

    ``id`` is ``content_id(text)`` unless given. ``publication_date`` is an ISO-8601 date
    or date-time string; ``publication_date_source`` says where it came from
    (``metadata``, ``inferred``) and is None when there is no date.
    """

    text: str
    id: str = ""
    title: str | None = None
    source: str | None = None
    url: str | None = None
    publication_date: str | None = None
    publication_date_source: str | None = None
    language: str = "ar"
    origin: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    tokens: list[Token] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    stages: list[str] = field(default_factory=list)

    LAYERS: ClassVar[tuple[str, ...]] = ("tokens", "sentences", "mentions", "entities", "events")

    def __post_init__(self) -> None:
        if not isinstance(self.text, str):
            raise TypeError("Document.text must be str")
        if not self.id:
            self.id = content_id(self.text)
        if self.publication_date and not self.publication_date_source:
            self.publication_date_source = "metadata"

    def span_text(self, span: Span) -> str:
        return self.text[span.start : span.end]

    def sentence_tokens(self, sentence: Sentence) -> list[Token]:
        return self.tokens[sentence.token_start : sentence.token_end]

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"schema": SCHEMA_VERSION}
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name in self.LAYERS:
                value = [item.to_dict() for item in value]
            out[f.name] = value
        return out

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Document:
        schema = d.get("schema", SCHEMA_VERSION)
        if schema > SCHEMA_VERSION:
            raise ValueError(f"document schema {schema} is newer than this hadath ({SCHEMA_VERSION})")
        return cls(
            text=d["text"],
            id=d.get("id", ""),
            title=d.get("title"),
            source=d.get("source"),
            url=d.get("url"),
            publication_date=d.get("publication_date"),
            publication_date_source=d.get("publication_date_source"),
            language=d.get("language", "ar"),
            origin=d.get("origin"),
            meta=dict(d.get("meta", {})),
            tokens=[Token.from_dict(t) for t in d.get("tokens", [])],
            sentences=[Sentence.from_dict(s) for s in d.get("sentences", [])],
            mentions=[Mention.from_dict(m) for m in d.get("mentions", [])],
            entities=[Entity.from_dict(e) for e in d.get("entities", [])],
            events=[Event.from_dict(e) for e in d.get("events", [])],
            stages=list(d.get("stages", [])),
        )
