"""The ordered stages of hadath and ``analyze(doc) -> doc``.

A stage is a callable ``Document -> Document`` with a ``name`` and the layers it
``requires`` and ``assigns``. ``Pipeline`` checks when it is built that every requirement
is assigned by an earlier stage, and says what is missing. The order of stages is written
here, once, and nowhere else.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from hadath.errors import PipelineError
from hadath.model import Document
from hadath.text import iter_tokens, split_sentences

__all__ = ["Pipeline", "Stage", "analyze", "default_pipeline", "stage"]

log = logging.getLogger(__name__)

BASE_LAYERS = frozenset({"text", "metadata"})


@dataclass(frozen=True)
class Stage:
    """One step of the pipeline."""

    name: str
    func: Callable[[Document], Document]
    requires: frozenset[str]
    assigns: frozenset[str]

    def __call__(self, doc: Document) -> Document:
        return self.func(doc)


def stage(name: str, requires: Iterable[str] = (), assigns: Iterable[str] = ()) -> Callable:
    """Decorator turning ``func(doc) -> doc`` into a ``Stage``."""

    def wrap(func: Callable[[Document], Document]) -> Stage:
        return Stage(name, func, frozenset(requires), frozenset(assigns))

    return wrap


class Pipeline:
    """An ordered, checked list of stages."""

    def __init__(self, stages: Sequence[Stage]) -> None:
        available = set(BASE_LAYERS)
        for st in stages:
            missing = st.requires - available
            if missing:
                raise PipelineError(
                    f"stage {st.name!r} requires {sorted(missing)}, which no earlier stage assigns "
                    f"(available: {sorted(available)})"
                )
            available |= st.assigns
        self.stages = list(stages)

    @property
    def names(self) -> list[str]:
        return [st.name for st in self.stages]

    def __call__(self, doc: Document) -> Document:
        for st in self.stages:
            if st.name in doc.stages:
                continue
            doc = st(doc)
            doc.stages.append(st.name)
        return doc


@stage("text", requires=["text"], assigns=["tokens", "sentences"])
def text_stage(doc: Document) -> Document:
    """Tokenize (with clitic analysis) and split sentences."""
    doc.tokens = list(iter_tokens(doc.text))
    doc.sentences = split_sentences(doc.text, doc.tokens)
    return doc


STAGES: tuple[Stage, ...] = (text_stage,)
"""The default stages, in order. Later stages (NER, resolution, time, events) go here."""


@lru_cache(maxsize=1)
def default_pipeline() -> Pipeline:
    return Pipeline(STAGES)


def analyze(doc: Document) -> Document:
    """Run every default stage that has not run yet on ``doc`` and return it."""
    return default_pipeline()(doc)
