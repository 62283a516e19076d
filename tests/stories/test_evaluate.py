"""Floors on the development gold for story linking (tests/stories/gold; see its 'about')."""

from __future__ import annotations

from pathlib import Path

from hadath.stories.evaluate import evaluate_stories

GOLD = Path(__file__).parent / "gold" / "gold.json"


def test_story_links_on_the_development_gold() -> None:
    r = evaluate_stories(GOLD)
    assert r["gold_events"] == 6
    assert r["same_event"]["precision"] == 1.0 and r["same_event"]["recall"] >= 0.75
    assert r["same_story"]["precision"] == 1.0 and r["same_story"]["recall"] >= 0.8
    assert r["near_duplicates"]["f1"] == 1.0
