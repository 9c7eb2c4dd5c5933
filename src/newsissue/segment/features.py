"""What each line shows, scored for the decoder: the page's measure and style, and each line's evidence.

Labels, one per line: ``TITLE`` opens a title unit (a headline, kicker, deck or
crosshead line), ``TITLE_ON`` continues the title line above it (a headline set
on two lines), ``BODY`` opens a body unit (a paragraph, byline, dateline lead,
caption, jump), ``BODY_ON`` continues the paragraph above it (a soft wrap).

A page is read in one of three styles, from its own lines:

* ``blocks``: Markdown-ish text whose blank lines separate units; a block's lines
  are one unit unless a line stands alone (a byline, jump or caption) or is indented.
* ``lines``: database text, one title or paragraph per line (most long lines end a
  sentence); every line is a unit, and a paragraph broken by layout is mended later.
* ``columns``: OCR text in column lines with no reliable blank lines; the decoder
  weighs each line's length against the column measure, its case, its final
  punctuation and its neighbours.
"""

from __future__ import annotations

import enum
import re
import statistics
from collections.abc import Callable, Sequence

import attrs

from ..evidence import Line, LineKind
from ..languages.base import Conventions
from .decoder import NEVER

__all__ = ["BODY", "BODY_ON", "LABELS", "TITLE", "TITLE_ON", "PageStyle", "Scorer", "page_style"]

TITLE, TITLE_ON, BODY, BODY_ON = range(4)
LABELS = ("title", "title-on", "body", "body-on")
_HYPHENS = "-=⸗¬­"
# An OCR speck after a line's last word: ``lishers. 4``.
_SPECK = re.compile(r"\s\S{1,2}$")


class PageStyle(enum.StrEnum):
    """How a page's lines are laid out (see the module docs)."""

    BLOCKS = "blocks"
    LINES = "lines"
    COLUMNS = "columns"


def _hyphenated(text: str) -> bool:
    return len(text) > 2 and text[-1] in _HYPHENS and text[-2].isalpha()


def page_style(lines: Sequence[Line], conv: Conventions, *, records: bool = False) -> tuple[PageStyle, float]:
    """The page's style and its measure (the usual length of a full body line).

    ``records`` says the page is made of database records: one title or paragraph per line.
    """
    texts = [line.text for line in lines if line.kind is LineKind.TEXT]
    if not texts:
        return PageStyle.BLOCKS, 1.0
    lengths = sorted(len(text) for text in texts)
    measure = float(lengths[min(len(lengths) - 1, (3 * len(lengths)) // 4)]) or 1.0
    if records:
        return PageStyle.LINES, measure
    long_lines = [text for text in texts if len(text) >= max(12.0, 0.6 * measure)]
    ending = sum(1 for text in long_lines if conv.ends_sentence(text))
    if long_lines and ending >= 0.6 * len(long_lines):
        return PageStyle.LINES, measure
    blocks, size = [], 0
    for line in lines:
        if line.blank and size:
            blocks.append(size)
            size = 0
        size += 1
    blocks.append(size)
    if len(blocks) >= 3 and statistics.median(blocks) <= 6:
        return PageStyle.BLOCKS, measure
    return PageStyle.COLUMNS, measure


@attrs.define
class Scorer:
    """Emission and transition scores for one page's lines."""

    lines: Sequence[Line]
    conv: Conventions
    style: PageStyle
    measure: float
    #: Lines that stand alone whatever their neighbours (a byline, a jump line, a caption).
    standalone: Callable[[str], bool]
    #: Lines the page's record structure fixes as title lines (a database record's title stack).
    titles: frozenset[int] = frozenset()
    _alone: list[bool] = attrs.field(init=False, factory=list)
    _dateline: list[bool] = attrs.field(init=False, factory=list)

    def __attrs_post_init__(self) -> None:
        conv, columns = self.conv, self.style is PageStyle.COLUMNS
        self._alone = [
            line.kind is not LineKind.TEXT
            or self.standalone(line.text)
            or conv.match_debris(line.text)
            or (columns and conv.is_masthead_line(line.text))  # an issue line, a running head
            for line in self.lines
        ]
        self._dateline = [
            line.kind is LineKind.TEXT and conv.match_dateline(line.text, None) is not None for line in self.lines
        ]

    def opens(self, i: int) -> bool:
        """Whether line ``i`` must open a unit: the markup or a line standing alone says so."""
        line = self.lines[i]
        if i == 0 or line.opens or self._alone[i] or self._alone[i - 1]:
            return True
        return self.style is PageStyle.BLOCKS and line.indented

    def emissions(self) -> list[tuple[float, float, float, float]]:
        """Scores of each label on each line."""
        if self.style is PageStyle.BLOCKS:
            return self._block_emissions()
        return [self._emission(i) for i in range(len(self.lines))]

    def _block_emissions(self) -> list[tuple[float, float, float, float]]:
        # Markdown-ish text: a unit is its lines up to the next break, and it is a title
        # when the whole unit reads as one.
        out: list[tuple[float, float, float, float]] = []
        count, lines, conv = len(self.lines), self.lines, self.conv
        for i, line in enumerate(lines):
            if line.kind is LineKind.HEADING:
                out.append((0.0, NEVER, NEVER, NEVER))
                continue
            if line.kind is LineKind.IMAGE or self._alone[i]:
                out.append((NEVER, NEVER, 0.0, NEVER))
                continue
            if not self.opens(i):
                title_on = 0.0 if out[-1][TITLE] != NEVER or out[-1][TITLE_ON] != NEVER else NEVER
                body_on = 0.0 if out[-1][BODY] != NEVER or out[-1][BODY_ON] != NEVER else NEVER
                out.append((NEVER, title_on, NEVER, body_on))
                continue
            text, end = line.text, i + 1
            while end < count and not self.opens(end):
                text = conv.join(text, lines[end].text)
                end += 1
            title = conv.is_title_like(text) or conv.starts_title(text)
            out.append((0.0, NEVER, NEVER, NEVER) if title else (NEVER, NEVER, 0.0, NEVER))
        return out

    def _emission(self, i: int) -> tuple[float, float, float, float]:
        line, conv = self.lines[i], self.conv
        if line.kind is LineKind.HEADING:
            return (0.0, NEVER, NEVER, NEVER)
        if line.kind is LineKind.IMAGE or self._alone[i]:
            return (NEVER, NEVER, 0.0, NEVER)
        if i in self.titles:
            on = 0.0 if conv.title_wraps and self.style is not PageStyle.LINES and not self.opens(i) else NEVER
            return (0.0, on, NEVER, NEVER)
        text = line.text
        ratio = len(text) / self.measure
        title_like = conv.is_title_like(text) or conv.starts_title(text)
        dateline = self._dateline[i]
        lower = text[:1].islower()
        # How much the line looks like a title, and like body text.
        title = -1.0 + 3.0 * conv.title_look(text)
        if not title_like:
            title -= 6.0
        if dateline:
            title -= 4.0
        if lower:
            title -= 2.0
        body = 0.0
        following = self.lines[i + 1] if i + 1 < len(self.lines) else None
        if title_like and not dateline and following is not None and self._dateline[i + 1]:
            title += 1.5  # a dateline opens a story: the line above it is its title
        if self.style is PageStyle.LINES:
            title += 2.0 if len(text) <= 40 else 1.0 if len(text) <= 64 else -3.0
            if title_like:
                body -= 1.0  # a short line on a page of paragraphs is a title more often than not
        elif ratio >= 0.9:
            title -= 2.0
        elif ratio < 0.75:
            title += 1.5
        if self.style is PageStyle.COLUMNS and ratio < 0.75 and conv.ends_sentence(text) and not dateline:
            body -= 1.5  # a one-line paragraph is rare; a short line ending a sentence is a title or an end
        if dateline:
            body += 2.0
        opens = self.opens(i)
        if opens and (self.style is PageStyle.LINES or line.kind is not LineKind.TEXT or i == 0 or self._alone[i - 1]):
            return (title, NEVER, body, NEVER)
        # Continuing the line above. A title's second line is judged by its join, not its own look.
        prev = self.lines[i - 1].text
        if not conv.title_wraps and not _hyphenated(prev):
            title_on = NEVER
        else:
            title_on = max(title, -1.0) + 0.5
            title_on += 2.5 if lower else 0.0
            if not _hyphenated(prev) and conv.title_look(prev) <= 0:
                title_on -= 3.0  # only a title's line goes on as a title
            if prev.isupper() != text.isupper():
                title_on -= 3.0
            elif text.isupper():
                title_on += 2.0
            if ratio >= 0.9:
                title_on -= 2.0
        body_on = body + (2.5 if lower else 0.0) - (4.0 if dateline else 0.0)
        if opens:  # a blank line: a boundary more often than not
            title_on -= 3.0
            body_on -= 3.0
        if self.style is PageStyle.LINES:
            title_on = body_on = NEVER
        return (title, title_on, body, body_on)

    def transition(self, i: int, a: int, b: int) -> float:
        """The score of label ``b`` on line ``i`` after label ``a`` on the line above."""
        after_title = a in (TITLE, TITLE_ON)
        if (b == TITLE_ON and not after_title) or (b == BODY_ON and after_title):
            return NEVER
        if self.style is PageStyle.BLOCKS:
            return 0.0
        prev = self.lines[i - 1]
        if prev.kind is not LineKind.TEXT or self._alone[i - 1]:
            return 0.0
        text, conv = prev.text, self.conv
        finished = conv.ends_sentence(text)
        if not finished and (speck := _SPECK.search(text)) is not None:
            finished = conv.ends_sentence(text[: speck.start()])
        short = len(text) / self.measure < 0.8
        if b in (TITLE_ON, BODY_ON):
            # The line goes on from the one above: as a soft wrap does, unless that one was done.
            if _hyphenated(text):
                return 4.0
            if not finished:
                return 3.0
            return -3.0 if short or after_title else 0.5
        if after_title:
            if self.style is not PageStyle.COLUMNS:
                return 0.0
            return 2.5 if b == BODY and self._dateline[i] else 1.0  # a story's dateline under its title
        if self.style is PageStyle.LINES:
            return 0.0
        if b == BODY:
            if not finished:
                return -3.0
            return 1.5 if short else 0.0
        # A title after body text: not in the middle of a sentence.
        return 0.0 if finished else -4.0
