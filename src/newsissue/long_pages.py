"""Very long pages read in parts, so memory stays a small multiple of the input.

A page of more than :data:`PART_LINES` lines (a whole archive run pasted into one file, a 50 MB
OCR dump) is read part by part: each part's lines are read, segmented and assembled into items
and then dropped, so the line evidence of the whole page is never in memory at once. A part ends
before a line that opens something (a database record, a title-like line after a blank line), else
at a blank line, else after a finished sentence, found near the nominal end; an article a cut still
divides is joined again (:func:`join_parts`). Pages shorter than that are read whole, as before.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from .languages.base import Conventions
from .model import Article, ItemKind

__all__ = ["PART_LINES", "Part", "join_parts", "parts"]

#: A page with more lines than this is read in parts of about this many lines.
PART_LINES = 20_000
# How far back from a part's nominal end a better place to cut is looked for, in lines.
_LOOK_BACK = 2_000


@attrs.frozen
class Part:
    """A part of a page's text: offsets ``start:end`` in it, and the number of its first line."""

    start: int
    end: int
    first_line: int


def parts(text: str, conventions: Conventions, first_line: int = 1) -> list[Part]:
    """The parts ``text`` is read in: one for a page of up to PART_LINES lines."""
    if text.count("\n") <= PART_LINES:
        return [Part(0, len(text), first_line)]
    found: list[Part] = []
    start, line = 0, first_line
    while start < len(text):
        nominal = _offset_after(text, start, PART_LINES)
        end = len(text) if nominal >= len(text) else _cut(text, start, nominal, conventions)
        found.append(Part(start, end, line))
        line += text.count("\n", start, end)
        start = end
    return found


def _offset_after(text: str, start: int, lines: int) -> int:
    """The offset just after ``lines`` more newlines from ``start`` (the text's end if it has fewer)."""
    position = start
    for _ in range(lines):
        found = text.find("\n", position)
        if found < 0:
            return len(text)
        position = found + 1
    return position


def _cut(text: str, start: int, nominal: int, conventions: Conventions) -> int:
    """The best offset to end a part at, at or before ``nominal``: a line start."""
    blank = sentence = None
    end = nominal
    for _ in range(_LOOK_BACK):
        line_start = text.rfind("\n", start, end - 1) + 1
        if line_start <= start:
            break
        line = text[line_start:end].strip()
        above_end = line_start - 1
        above = text[text.rfind("\n", start, above_end) + 1 : above_end].strip()
        if line and conventions.match_record(line) is not None:
            return line_start
        if line and not above:
            if conventions.is_title_like(line):
                return line_start
            blank = blank or line_start
        elif sentence is None and above and line and conventions.ends_sentence(above):
            sentence = line_start
        end = line_start
    return blank or sentence or nominal


def _headless(item: Article) -> bool:
    """An article a cut began: no title, no byline, no dateline."""
    titled = item.headline or item.kicker or item.subheadline or item.bylines or item.dateline
    return item.kind is ItemKind.ARTICLE and not titled


def join_parts(items: list[Article], following: Sequence[Article]) -> None:
    """Append a part's items to the page's; an untitled first item continues the article before it."""
    if following and items and _headless(following[0]):
        last = items[-1]
        first = following[0]
        if last.kind is ItemKind.ARTICLE and last.continued_on is None and first.continued_from is None:
            confidence = min(
                (value for value in (last.confidence, first.confidence) if value is not None), default=None
            )
            items[-1] = attrs.evolve(
                last, body=last.body + first.body, continued_on=first.continued_on, confidence=confidence
            )
            following = following[1:]
    items.extend(following)
