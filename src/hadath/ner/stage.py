"""The NER stage. Reads: ``tokens`` and ``sentences``. Writes: ``mentions`` of type PERS,
LOC, ORG and MISC (``source="ner"``), one per entity, with original-text spans.

Each sentence is tagged on its own, so an entity never crosses a sentence boundary; a
multi-word name is one span; a name glued to particles (``والجزائر``, ``بالجيش``,
``ومالي``) gets the span of the name without them where the text layer or the gazetteer
can tell.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from hadath.model import Document, Mention, Token
from hadath.ner.conll import entities
from hadath.ner.features import frequency_rank, much_more_frequent, word_ranks
from hadath.ner.gazetteer import gazetteer, key, token_keys
from hadath.ner.model import Tagger, default_tagger
from hadath.ner.rules import (
    NAME_START_WEIGHT,
    Span3,
    apply_rules,
    country_key,
    name_weight,
    named_head_particle,
    surnames_are_persons,
)
from hadath.stage import stage
from hadath.text import split_candidates
from hadath.text.clitics import bare_particles

__all__ = ["entity_start", "ner_stage", "tag_sentence", "tag_sentences", "tag_spans"]


@lru_cache(maxsize=1)
def _particle_letters() -> frozenset[str]:
    """Letters a word that starts with a bare particle starts with (و ف ب ك ل)."""
    return frozenset(p[0] for p in bare_particles()[0])


_FUNCTION_WORDS = 100
"""The corpus's most frequent words (frequency rank below this) are function words, no names."""


def entity_start(token: Token, typ: str) -> int:
    """Where a name of type ``typ`` that begins with ``token`` starts: after its particles.

    The text layer splits particles only before the article (``والجزائر``). For a bare
    particle (``ومالي``, ``لمصر``) the gazetteer decides: the particle is dropped when the
    word is unknown but its reading without the particle is a known name, unless the word as
    written is much the more frequent in the corpus (``بطولة`` is not ب + a place ``طولة``).
    A place written as another place with a particle (وجدة: Oujda, or و + جدة) is the more
    frequent reading. An organization's or a MISC name's first word is mostly a common noun (``لمنظمة``,
    ``وتنظيم``): its particle و, ب or ل (not ك or ف: ``كليلة ودمنة``, ``فيدي``) is dropped
    when the reading without it is much the more frequent word. A person's name: see
    ``_person_after_particle``.
    """
    if token.core_start > token.start:
        return token.core_start
    norm = token.norm
    if len(norm) < 4 or norm[0] not in _particle_letters() or len(token.text) != len(norm):
        return token.start
    g = gazetteer()
    if key(norm) in g.single or key(norm) in g.phrases:
        # وجدة: Oujda, and و + جدة (Jeddah), a word twenty times as frequent
        rest = norm[1:]
        known = key(rest) in g.single or country_key(key(rest))
        if typ == "LOC" and known and much_more_frequent(rest, norm) and frequency_rank(rest) >= _FUNCTION_WORDS:
            return token.start + 1  # (not بالي: الي, a misspelt إلى, is no place)
        return token.start
    for cand in split_candidates(norm)[1:]:
        if typ == "PERS":
            if _person_after_particle(norm, cand):
                return token.start + (len(norm) - len(cand))
            continue
        k = key(cand)
        if (k in g.single or k in g.phrases or country_key(k)) and not cand.startswith("ا" + norm[1:2]):
            if much_more_frequent(norm, cand):
                return token.start  # a common word: لجنة, كلية (not لكرة: كرة is common too)
            return token.start + (len(norm) - len(cand))
        if typ in ("ORG", "MISC") and norm[0] in "وبل" and len(cand) >= 3 and much_more_frequent(cand, norm):
            return token.start + (len(norm) - len(cand))
    return token.start


def _person_after_particle(norm: str, cand: str) -> bool:
    """Whether the first word of a person's name, ``norm``, is a particle + ``cand``.

    Weighed by how often each starts a person's name (``hadath.ner.rules.name_weight``:
    counts of the name memory, which also holds particle forms the CRF tagged, such as
    ``لجون``) and how frequent each is in the corpus. After و (the conjunction, common before
    names): unless the word as written is one of ANERGazet's names (وحيد, وفاء), when
    ``cand`` is at least as frequent a word and starts names or is a known place or name
    (وخالد, ومورجان, وكليرمونت; not وسام, a more frequent word than سام). After ل, ب, ف, ك
    (rarely before a name, and many names start with them: لبيد, فريد, كارين, بشار): only
    when ``cand`` starts names four times as often as the word as written and is three times
    as frequent a word (لجون, لخالد).
    """
    if len(cand) < 3:
        return False
    g = gazetteer()
    whole_w, cand_w = name_weight(norm), name_weight(cand)
    if norm[0] == "و":
        if g.single.get(key(norm)) == "PERS" or frequency_rank(cand) > frequency_rank(norm):
            return False
        return cand_w > 0 or key(cand) in g.single or key(cand) in g.phrases
    return (
        cand_w >= NAME_START_WEIGHT
        and cand_w > 4 * whole_w
        and (norm not in word_ranks() or much_more_frequent(cand, norm))
    )


RULE_SCORE = 0.9
"""Confidence given to spans made by a rule rather than the CRF."""


def tag_sentence(tokens: Sequence[Token], text: str, rules: bool = True) -> list[Mention]:
    """Mentions of the entities in one sentence's tokens (CRF, then the rules)."""
    return tag_sentences([tokens], text, rules)[0]


def tag_spans(
    sentences: Sequence[Sequence[Token]],
    rules: bool = True,
    tagger: Tagger | None = None,
    marginals: bool = True,
) -> list[tuple[list[Span3], list[float]]]:
    """Entity spans (token start, end, type, source) of each sentence — the CRF's, then
    the rules' — with the CRF's marginal probability of each token's label (``marginals=
    False``: zeros). The sentences are decoded in one batch; each token's gazetteer keys
    are computed once, for the CRF's gazetteer and the rules'."""
    tagger = tagger or default_tagger()
    keys = [[token_keys(t) for t in tokens] for tokens in sentences]
    gz = gazetteer()
    tagged = tagger.tag_many(
        sentences, [gz.match(s, k) for s, k in zip(sentences, keys, strict=True)], marginals=marginals
    )
    spans, probs = [], []
    for tokens, (labels, p), k in zip(sentences, tagged, keys, strict=True):
        crf = [(i, j, t, "crf") for i, j, t in sorted(entities(labels))]
        spans.append(apply_rules(tokens, crf, k) if rules else crf)
        probs.append(p)
    if rules:  # the sentences are one document's
        spans = surnames_are_persons(sentences, spans)
    return list(zip(spans, probs, strict=True))


def tag_sentences(sentences: Sequence[Sequence[Token]], text: str, rules: bool = True) -> list[list[Mention]]:
    """Mentions of the entities in each sentence's tokens (CRF, then the rules)."""
    return [
        _mentions(tokens, spans, probs, text)
        for tokens, (spans, probs) in zip(sentences, tag_spans(sentences, rules), strict=True)
    ]


def _mentions(tokens: Sequence[Token], spans: list[Span3], probs: list[float], text: str) -> list[Mention]:
    out = []
    for i, j, typ, src in spans:
        start = entity_start(tokens[i], typ)
        if src == "split-and" and start == tokens[i].start and tokens[i].text.startswith("و"):
            start += 1  # the rule split the span at this conjunction: وشتاينماير -> شتاينماير
        elif src == "named-after" and start == tokens[i].start and named_head_particle(tokens[i]):
            start += 1  # بمطار الأمير نايف: the name starts at مطار
        end = tokens[j - 1].end
        if src == "crf":
            source, score = "ner", round(sum(probs[i:j]) / (j - i), 4)
        else:
            source, score = f"ner-rule:{src}", RULE_SCORE
        out.append(Mention(start, end, text[start:end], typ, source=source, score=score))
    return out


@stage("ner", requires=["tokens", "sentences"], assigns=["mentions"])
def ner_stage(doc: Document) -> Document:
    """Tag every sentence and add its entity mentions."""
    mentions = [m for m in doc.mentions if not m.source.startswith("ner")]
    sentences = [doc.sentence_tokens(sent) for sent in doc.sentences]
    for found in tag_sentences(sentences, doc.text):
        mentions.extend(found)
    doc.mentions = sorted(mentions, key=lambda m: (m.start, m.end))
    return doc
