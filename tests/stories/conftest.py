"""The seeds analysed once for the story tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from hadath.ingest import iter_inputs
from hadath.model import Document
from hadath.pipeline import analyze

SEEDS = Path(__file__).resolve().parents[2] / "examples" / "seeds"


@pytest.fixture(scope="session")
def seed_docs() -> list[Document]:
    return [analyze(d) for d in iter_inputs(sorted(str(p) for p in SEEDS.glob("*.txt")))]
