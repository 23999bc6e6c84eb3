"""Mark the parts of an article that are not its body: headline, bylines, dateline, credits,
boilerplate (share buttons, comment prompts) and section headings.

Regions are marked, never deleted: each is a (kind, start, end) range of the original text.
The patterns live in ``perspectives/data/regions.yaml``; this module only applies them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice
from typing import Any

from .model import Region
from .resources import data_yaml

_QUOTE_MARK = re.compile(r"[\"“”«»„‘]|(?<![^\W\d_])['’]|['’](?![^\W\d_])")
_FINAL_PUNCT = ".!?:;,…—–-"
_WORD = re.compile(r"[^\W_][\w'’.&-]*")
_CONTENT = re.compile(r"[^\s\ufeff](?:.*[^\s\ufeff])?", re.DOTALL)


@dataclass(frozen=True, slots=True)
class _Block:
    """A paragraph: consecutive non-blank lines, each as its (start, end) without edge spaces."""

    lines: tuple[tuple[int, int], ...]

    @property
    def start(self) -> int:
        return self.lines[0][0]

    @property
    def end(self) -> int:
        return self.lines[-1][1]


@dataclass(frozen=True)
class _Rules:
    """The patterns of regions.yaml, each kind compiled into one alternation, and its limits."""

    byline: re.Pattern[str]
    dateline: re.Pattern[str]
    dateline_titled: re.Pattern[str]
    credits: re.Pattern[str]
    boilerplate: re.Pattern[str]
    settings: dict[str, Any]
    minor_words: frozenset[str]


def _expand(pattern: str, defs: dict[str, str]) -> str:
    for name, value in defs.items():
        pattern = pattern.replace("{" + name + "}", value)
    return pattern


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    table = data_yaml("regions.yaml")
    defs: dict[str, str] = {}
    for name, value in table["defs"].items():
        defs[name] = _expand(value, defs)

    def compile_all(kind: str, flags: int = 0) -> re.Pattern[str]:
        return re.compile("|".join(f"(?:{_expand(p, defs)})" for p in table[kind]), flags)

    return _Rules(
        byline=compile_all("byline"),
        dateline=compile_all("dateline"),
        dateline_titled=compile_all("dateline_titled"),
        credits=compile_all("credits", re.DOTALL),
        boilerplate=compile_all("boilerplate", re.IGNORECASE),
        settings=table,
        minor_words=frozenset(table["heading"]["minor_words"]),
    )


def _blocks(text: str) -> list[_Block]:
    """Split ``text`` into paragraphs in one pass over its lines, keeping exact offsets."""
    blocks: list[_Block] = []
    current: list[tuple[int, int]] = []
    offset = 0
    for line in text.splitlines(keepends=True):
        content = _CONTENT.search(line)
        if content:
            current.append((offset + content.start(), offset + content.end()))
        elif current:
            blocks.append(_Block(tuple(current)))
            current = []
        offset += len(line)
    if current:
        blocks.append(_Block(tuple(current)))
    return blocks


def _title_cased(line: str, rules: _Rules) -> bool:
    """Do most words outside the minor-word list start with a capital (or a digit)?"""
    words = [w for w in _WORD.findall(line) if w.lower() not in rules.minor_words]
    if not words:
        return False
    capitalised = sum(1 for w in words if w[0].isupper() or w[0].isdigit())
    return capitalised / len(words) >= rules.settings["heading"]["min_capitalised"]


def _is_headline(line: str, rules: _Rules) -> bool:
    limits = rules.settings["headline"]
    if len(line) > limits["max_chars"] or len(line.split()) > limits["max_words"]:
        return False
    if line[0].islower() or rules.dateline.match(line):
        return False
    return not line.endswith(".") or _title_cased(line, rules)


def _is_heading(line: str, rules: _Rules) -> bool:
    limits = rules.settings["heading"]
    if len(line) > limits["max_chars"] or len(line.split()) > limits["max_words"]:
        return False
    if not (line[0].isupper() or line[0].isdigit()) or line[-1] in _FINAL_PUNCT:
        return False
    return not _QUOTE_MARK.search(line) and _title_cased(line, rules)


def _line_kind(line: str, rules: _Rules) -> str | None:
    if len(line) > rules.settings["max_line_chars"]:
        return None
    if rules.byline.fullmatch(line):
        return "byline"
    if rules.boilerplate.fullmatch(line):
        return "boilerplate"
    return None


def _block_regions(text: str, blocks: list[_Block], rules: _Rules) -> tuple[list[Region], set[int]]:
    """Regions found in each paragraph (and each of its lines) alone, and the paragraphs hit."""
    regions: list[Region] = []
    marked: set[int] = set()
    last = len(blocks) - 1
    for index, block in enumerate(blocks):
        whole = text[block.start : block.end]
        if len(whole) <= rules.settings["max_credits_chars"] and rules.credits.fullmatch(whole):
            regions.append(Region("credits", block.start, block.end))
            marked.add(index)
            continue
        for start, end in block.lines:
            kind = _line_kind(text[start:end], rules)
            if kind is None and len(block.lines) == 1 and index < last:
                if index == 0 and _is_headline(whole, rules):
                    kind = "headline"
                elif index > 0 and _is_heading(whole, rules):
                    kind = "heading"
            if kind is not None:
                regions.append(Region(kind, start, end))
                marked.add(index)
    return regions, marked


def _dateline(text: str, blocks: list[_Block], marked: set[int], rules: _Rules) -> Region | None:
    """The dateline opening one of the first body paragraphs (paragraphs with no region)."""
    body = (b for i, b in enumerate(blocks) if i not in marked)
    for block in islice(body, rules.settings["dateline_paragraphs"]):
        line_end = block.lines[0][1]
        found = rules.dateline.match(text, block.start, line_end) or rules.dateline_titled.match(
            text, block.start, line_end
        )
        if found and found.end() < block.end:
            return Region("dateline", block.start, found.end())
    return None


def mark_regions(text: str) -> tuple[Region, ...]:
    """The non-body regions of ``text``, sorted by start; they never overlap."""
    rules = _rules()
    blocks = _blocks(text)
    regions, marked = _block_regions(text, blocks, rules)
    dateline = _dateline(text, blocks, marked, rules)
    if dateline is not None:
        regions.append(dateline)
    return tuple(sorted(regions, key=lambda r: r.start))
