"""The table of date expressions (tests/time/cases.tsv): each sentence, with its anchor,
must yield the expected expression with the expected value."""

from __future__ import annotations

from pathlib import Path

import pytest

from hadath.text import tokenize
from hadath.time import find_expressions, parse_anchor, resolve

from ..conftest import load_cases

CASES = load_cases(Path(__file__).parent / "cases.tsv")


def test_dates_table_is_large_enough() -> None:
    assert len(CASES) >= 150


@pytest.mark.parametrize(("anchor", "sentence", "expression", "value"), CASES, ids=[f"{i}" for i in range(len(CASES))])
def test_dates_table(anchor: str, sentence: str, expression: str, value: str) -> None:
    tokens = tokenize(sentence)
    found = {}
    for e in find_expressions(tokens):
        text = sentence[tokens[e.start].start : tokens[e.end - 1].end]
        found[text] = resolve(e, parse_anchor(anchor))
    if expression == "NONE":
        assert found == {}
        return
    assert expression in found, f"found {list(found)}"
    got = found[expression]
    assert got is not None
    assert (got["value"] or "-") == value, got
