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
from hadath.ner.features import word_ranks
from hadath.ner.gazetteer import gazetteer, key, token_keys
from hadath.ner.model import Tagger, default_tagger
from hadath.ner.rules import Span3, apply_rules, starts_names, surnames_are_persons
from hadath.stage import stage
from hadath.text import split_candidates
from hadath.text.clitics import bare_particles

__all__ = ["entity_start", "ner_stage", "tag_sentence", "tag_sentences", "tag_spans"]


@lru_cache(maxsize=1)
def _particle_letters() -> frozenset[str]:
    """Letters a word that starts with a bare particle starts with (و ف ب ك ل)."""
    return frozenset(p[0] for p in bare_particles()[0])


def entity_start(token: Token, typ: str = "PERS") -> int:
    """Where a name of type ``typ`` that begins with ``token`` starts: after its particles.

    The text layer splits particles only before the article (``والجزائر``). For a bare
    particle (``ومالي``, ``لمصر``) the gazetteer decides: the particle is dropped when the
    word is unknown but its reading without the particle is a known name, unless the word as
    written is much the more frequent in the corpus (``بطولة`` is not ب + a place ``طولة``).
    An organization's or a MISC name's first word is mostly a common noun (``لمنظمة``,
    ``وتنظيم``): its particle و, ب or ل (not ك or ف: ``كليلة ودمنة``, ``فيدي``) is dropped
    when the reading without it is much the more frequent word; so is a person's, when that
    reading starts people's names (``لخالد``; ``فيصل`` is not ف + ``يصل``, nor ``وسام`` و +
    ``سام``).
    """
    if token.core_start > token.start:
        return token.core_start
    norm = token.norm
    if len(norm) < 4 or norm[0] not in _particle_letters() or len(token.text) != len(norm):
        return token.start
    g = gazetteer()
    if key(norm) in g.single or key(norm) in g.phrases:
        return token.start
    ranks = word_ranks()
    rank = ranks.get(norm, len(ranks))
    for cand in split_candidates(norm)[1:]:
        k = key(cand)
        if (k in g.single or k in g.phrases) and not cand.startswith("ا" + norm[1:2]):
            if 3 * rank < ranks.get(cand, len(ranks)):
                return token.start  # a common word: لجنة, كلية (not لكرة: كرة is common too)
            return token.start + (len(norm) - len(cand))
        common = len(cand) >= 3 and 3 * ranks.get(cand, len(ranks)) < rank
        if norm[0] in "وبل" and common and (typ in ("ORG", "MISC") or (typ == "PERS" and starts_names(cand))):
            return token.start + (len(norm) - len(cand))
    return token.start


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
