from __future__ import annotations

import pytest

from hadath.errors import PipelineError
from hadath.model import Document
from hadath.pipeline import Pipeline, analyze, default_pipeline, stage, text_stage


def test_pipeline_runs_text_stage() -> None:
    doc = analyze(Document(text="وصل الوفد. ثم غادر."))
    assert doc.stages == default_pipeline().names
    assert len(doc.sentences) == 2 and len(doc.tokens) == 6


def test_pipeline_does_not_rerun_stages() -> None:
    doc = analyze(Document(text="نص"))
    tokens = doc.tokens
    assert analyze(doc).tokens is tokens


def test_pipeline_checks_requirements_when_built() -> None:
    @stage("events", requires=["mentions"], assigns=["events"])
    def events(doc: Document) -> Document:
        return doc

    with pytest.raises(PipelineError, match="requires \\['mentions'\\]"):
        Pipeline([text_stage, events])


def test_default_pipeline_order() -> None:
    assert default_pipeline().names == ["text", "ner", "time", "resolve", "events"]
