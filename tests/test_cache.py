from __future__ import annotations

import gc

from hadath.cache import trim, word_cache


def test_word_cache_is_bounded_by_trim() -> None:
    calls: list[str] = []

    @word_cache(3)
    def upper(w: str) -> str:
        calls.append(w)
        return w.upper()

    assert [upper(w) for w in "abca"] == ["A", "B", "C", "A"]
    assert calls == ["a", "b", "c"]  # cached
    upper("d")
    assert upper.cache_info().currsize == 4
    assert trim() >= 1
    assert upper.cache_info().currsize == 0
    assert upper("a") == "A" and calls[-1] == "a"  # computed again after the trim
    trim()
    assert upper.cache_info().currsize == 1  # within its bound: kept


def test_word_cache_adds_nothing_for_the_garbage_collector_to_walk() -> None:
    @word_cache(1000)
    def pair(w: str) -> tuple[str, str]:
        return (w, w[::-1])

    gc.collect()
    before = len(gc.get_objects())
    for i in range(500):
        pair(f"w{i}")
    gc.collect()
    assert len(gc.get_objects()) - before < 50  # no linked-list node per entry
