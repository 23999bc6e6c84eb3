"""The records every stage passes on: frozen dataclasses whose offsets point into Article.text.

The text is never edited; paragraphs, sentences, tokens, marked regions, quotes, cues and
speaker mentions are all (start, end) views of it, so ``article.text[s.start:s.end]`` is the
span's text, always.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields
from typing import Any

REGION_KINDS = ("headline", "byline", "dateline", "credits", "boilerplate", "heading")


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open character range [start, end) of a document."""

    start: int
    end: int

    def __len__(self) -> int:
        return self.end - self.start


@dataclass(frozen=True, slots=True)
class Region:
    """A marked part of a page that is not article body (byline, credits, share buttons...)."""

    kind: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Paragraph:
    start: int
    end: int
    sentences: tuple[Sentence, ...] = ()


@dataclass(frozen=True)
class Article:
    """One article: its original text, where it came from, its metadata and marked regions."""

    doc_id: str
    text: str
    source: str = ""
    metadata: Mapping[str, Any] = field(default_factory=dict)
    regions: tuple[Region, ...] = ()


@dataclass(frozen=True)
class Quote:
    """One attributed quotation: the record of DESIGN.md, one JSON object per quote.

    ``start``/``end`` cover the content (inside the quotation marks for direct quotes); a
    direct quote interrupted by its attribution (``"A," he said. "B."``) is one record whose
    ``parts`` lists the quoted pieces. ``provenance`` names the rules that found the quote and
    chose its speaker, so every coding decision can be inspected.
    """

    doc_id: str
    quote_id: str
    kind: str
    text: str
    start: int
    end: int
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    speaker: str | None = None
    speaker_mention: str | None = None
    mention_start: int | None = None
    mention_end: int | None = None
    speaker_description: str | None = None
    role: str | None = None
    affiliation: str | None = None
    sentiment: Mapping[str, Any] | None = None
    stance: Mapping[str, Any] | None = None
    frames: Mapping[str, Any] | None = None
    parts: tuple[tuple[int, int], ...] = ()
    provenance: Mapping[str, Any] = field(default_factory=dict)

    @property
    def content(self) -> str:
        """The quoted words only: the parts joined, without the attribution between them."""
        return quoted_content(self.text, self.start, self.parts)

    def to_record(self) -> dict[str, Any]:
        """A plain dict (JSON-ready) with the fields in their documented order.

        Shallow: the score mappings are the quote's own (not copied), which keeps writing
        a corpus cheap; copy them before changing them.
        """
        record = {name: getattr(self, name) for name in _QUOTE_FIELDS}
        record["parts"] = [list(p) for p in self.parts]
        return record


def quoted_content(text: str, start: int, parts: Sequence[Sequence[int]]) -> str:
    """A quote's parts (document offsets) cut from its ``text`` (which starts at ``start``)."""
    if not parts:
        return text
    return " ".join(text[s - start : e - start] for s, e in parts)


def document_offset(start: int, parts: Sequence[Sequence[int]], position: int) -> int:
    """Where ``position`` of ``quoted_content`` (parts joined by one space) lies in the document."""
    if not parts:
        return start + position
    joined = 0
    for part_start, part_end in parts:
        if position <= joined + part_end - part_start:
            return part_start + position - joined
        joined += part_end - part_start + 1
    return parts[-1][1]


_QUOTE_FIELDS = tuple(f.name for f in fields(Quote))
