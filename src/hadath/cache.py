"""Per-word-type caches of the hot paths, bounded without burdening the garbage collector.

``functools.lru_cache(maxsize=N)`` keeps a linked-list node (a list the cyclic garbage
collector tracks) for every entry: with a dozen caches of a quarter of a million words
each, every full collection walks millions of nodes, and on the real corpus that cost more
than half of what the caches saved (the text stage took 3 ms per document instead of 1).
``word_cache(maxsize)`` is ``lru_cache(maxsize=None)`` — a plain dictionary, with nothing
for the collector to walk — registered so that ``trim()`` empties it once it holds more than
``maxsize`` entries. The pipeline trims after every document, so a cache never grows past
its bound by more than one document's words.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any, TypeVar

__all__ = ["trim", "word_cache"]

F = TypeVar("F", bound=Callable[..., Any])

_REGISTRY: list[tuple[Any, int]] = []


def word_cache(maxsize: int) -> Callable[[F], F]:
    """Cache a pure function of word-like arguments; ``trim()`` bounds it to ``maxsize``."""

    def deco(fn: F) -> F:
        cached = lru_cache(maxsize=None)(fn)
        _REGISTRY.append((cached, maxsize))
        return cached  # type: ignore[return-value]

    return deco


def trim() -> int:
    """Empty every cache that holds more entries than its bound; return how many were."""
    cleared = 0
    for fn, maxsize in _REGISTRY:
        if fn.cache_info().currsize > maxsize:
            fn.cache_clear()
            cleared += 1
    return cleared
