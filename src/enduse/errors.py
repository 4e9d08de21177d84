"""The exceptions of enduse, split by who has to act on them.

The CLI and the API turn them into a one-line message or a JSON error at the edge; the
stages raise them and never print.
"""

from __future__ import annotations


class EnduseError(Exception):
    """Base class: anything enduse raises on purpose."""


class InputError(EnduseError):
    """An input the user gave cannot be read (missing, binary, malformed). The user fixes the input."""

    def __init__(self, name: str, reason: str, hint: str = "") -> None:
        self.name = name
        self.reason = reason
        self.hint = hint
        message = f"{name}: {reason}"
        if hint:
            message += f" ({hint})"
        super().__init__(message)


class InvalidCatalog(EnduseError):
    """A knowledge or registry data file is wrong. Whoever edited the file fixes it."""

    def __init__(self, path: str, entry: str, problem: str) -> None:
        self.path = path
        self.entry = entry
        self.problem = problem
        super().__init__(f"{path}: entry {entry}: {problem}")


class ConfigError(EnduseError):
    """A setting is wrong (bad database URL, unreadable settings file). The operator fixes it."""


class StoreError(EnduseError):
    """The database refused an operation (not migrated, unreachable)."""
