"""What a pipeline stage is: a callable ``Document -> Document`` with a name and the layers
it requires and assigns (checked by ``hadath.pipeline.Pipeline`` when it is built)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from hadath.model import Document

__all__ = ["Stage", "stage"]


@dataclass(frozen=True)
class Stage:
    """One step of the pipeline."""

    name: str
    func: Callable[[Document], Document]
    requires: frozenset[str]
    assigns: frozenset[str]

    def __call__(self, doc: Document) -> Document:
        return self.func(doc)


def stage(name: str, requires: Iterable[str] = (), assigns: Iterable[str] = ()) -> Callable[..., Stage]:
    """Decorator turning ``func(doc) -> doc`` into a ``Stage``."""

    def wrap(func: Callable[[Document], Document]) -> Stage:
        return Stage(name, func, frozenset(requires), frozenset(assigns))

    return wrap
