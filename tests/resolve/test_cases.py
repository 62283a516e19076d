"""The table of place and actor mentions (tests/resolve/cases.tsv)."""

from __future__ import annotations

from pathlib import Path

import pytest

from hadath.resolve import resolve_actor, resolve_place

from ..conftest import load_cases

CASES = load_cases(Path(__file__).parent / "cases.tsv")


def test_resolve_table_is_large_enough() -> None:
    assert len(CASES) >= 100


@pytest.mark.parametrize(
    ("kind", "mention", "before", "named", "expected"), CASES, ids=[str(i) for i in range(len(CASES))]
)
def test_resolve_table(kind: str, mention: str, before: str, named: str, expected: str) -> None:
    if kind == "place":
        countries = {c: 1 for c in named.split(",")} if named != "-" else {}
        got = resolve_place(mention, before.split() if before != "-" else [], countries)
        assert got is not None, "not found"
        assert got["id"] == expected, got
    else:
        got = resolve_actor(mention, "2008")
        assert got is not None and got["code"] == expected, got


def test_a_bare_agent_head_names_no_country() -> None:
    # the converted dictionary had رئيس حكومة -> DZAJUDHRI (one person's role) before GOV
    got = resolve_actor("رئيس الحكومة", "2015")
    assert got is not None and got["code"] == "GOV", got
    got = resolve_actor("رئيس الحكومة الجزائرية", "2015")
    assert got is not None and got["code"] == "DZAGOV", got
