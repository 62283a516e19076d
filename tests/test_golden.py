"""Golden files: the whole analysed seed documents. Rewrite with `pytest --update-golden`
after an intended change, and review the diff."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hadath.ingest import iter_inputs
from hadath.pipeline import analyze

from .conftest import SEED_FILES

GOLDEN = Path(__file__).parent / "golden" / "seeds"


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.name)
def test_golden_seed_document(path: Path, update_golden: bool) -> None:
    (doc,) = list(iter_inputs([path]))
    got = analyze(doc).to_dict()
    got["origin"] = path.name  # machine-independent
    target = GOLDEN / (path.stem + ".json")
    if update_golden or not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(got, ensure_ascii=False, indent=1) + "\n", "utf-8")
        if not update_golden:
            pytest.fail(f"golden file {target.name} was missing and has been written; review and commit it")
    want = json.loads(target.read_text("utf-8"))
    assert got == want
