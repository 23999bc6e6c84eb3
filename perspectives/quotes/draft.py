"""The interim attribution a rule proposes, before its speaker is resolved into a Quote."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Span
from .names import Mention


@dataclass(frozen=True, slots=True)
class Draft:
    kind: str
    parts: tuple[Span, ...]
    cue: Span | None
    mention: Mention | None
    rule: str

    @property
    def start(self) -> int:
        return self.parts[0].start

    @property
    def end(self) -> int:
        return self.parts[-1].end
