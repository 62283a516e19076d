"""The ordered stages of hadath and ``analyze(doc) -> doc``; nothing else.

``Pipeline`` checks when it is built that every stage's requirements are assigned by an
earlier stage, and says what is missing. The order of stages is written here, once.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from hadath.cache import trim as trim_caches
from hadath.errors import PipelineError
from hadath.events.stage import events_stage
from hadath.model import Document
from hadath.ner.stage import ner_stage
from hadath.resolve.stage import resolve_stage
from hadath.stage import Stage, stage
from hadath.text.stage import text_stage
from hadath.time.stage import time_stage

__all__ = ["STAGES", "Pipeline", "Stage", "analyze", "default_pipeline", "stage", "text_stage"]

BASE_LAYERS = frozenset({"text", "metadata"})

STAGES: tuple[Stage, ...] = (text_stage, ner_stage, time_stage, resolve_stage, events_stage)
"""The default stages, in order."""


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
        trim_caches()  # keep the per-word caches within their bounds (see hadath.cache)
        return doc


@lru_cache(maxsize=1)
def default_pipeline() -> Pipeline:
    return Pipeline(STAGES)


def analyze(doc: Document) -> Document:
    """Run every default stage that has not run yet on ``doc`` and return it."""
    return default_pipeline()(doc)
