"""hadath's exceptions, in one place.

``HadathError`` is the root. ``UserError`` and its children are mistakes a user can fix
(a missing file, a bad option, an unreadable input): the CLI prints their message as one
line and exits with code 2. Anything else is a bug and keeps its traceback.
"""

from __future__ import annotations


class HadathError(Exception):
    """Base class of every error hadath raises on purpose."""


class UserError(HadathError):
    """Something the user can fix; the message says what and how."""


class InputError(UserError):
    """An input (file, line, stream) could not be read as a document."""

    def __init__(self, origin: str, reason: str) -> None:
        super().__init__(f"{origin}: {reason}")
        self.origin = origin
        self.reason = reason


class StoreError(UserError):
    """The store cannot be opened or used (missing database, newer schema ...)."""


class PipelineError(HadathError):
    """A pipeline was built with stages whose requirements are not met."""
