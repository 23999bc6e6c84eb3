"""Exception types, one per kind of failure, each carrying the file it concerns.

The CLI turns any of them into one line on stderr (``perspectives: FILE: reason``).
"""

from __future__ import annotations


class PerspectivesError(Exception):
    """Base class: a failure the user can act on, tied to a source (file, row) and a reason."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class IngestError(PerspectivesError):
    """An input file or row could not be read as an article."""


class ConfigError(PerspectivesError):
    """A study configuration (taxonomy, targets, lexicon, override file) is invalid."""


class OutputError(PerspectivesError):
    """An output file could not be written."""
