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
import math
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
# The least usual length of a page's lines for them to be whole paragraphs, not column lines.
_PARAGRAPH_LINE = 50
# An OCR speck after a line's last word: ``lishers. 4``.
_SPECK = re.compile(r"\s\S{1,2}$")


class PageStyle(enum.StrEnum):
    """How a page's lines are laid out (see the module docs)."""

    BLOCKS = "blocks"
    LINES = "lines"
    COLUMNS = "columns"


# Enum members looked up once: on Python 3.11 an enum attribute lookup costs many times a global's.
_BLOCKS, _LINES, _COLUMNS = PageStyle.BLOCKS, PageStyle.LINES, PageStyle.COLUMNS
_TEXT, _HEADING, _IMAGE = LineKind.TEXT, LineKind.HEADING, LineKind.IMAGE


def _hyphenated(text: str) -> bool:
    return len(text) > 2 and text[-1] in _HYPHENS and text[-2].isalpha()


def page_style(lines: Sequence[Line], conv: Conventions, *, records: bool = False) -> tuple[PageStyle, float]:
    """The page's style and its measure (the usual length of a full body line).

    ``records`` says the page is made of database records: one title or paragraph per line.
    """
    texts = [line.text for line in lines if line.kind is _TEXT]
    if not texts:
        return _BLOCKS, 1.0
    lengths = sorted(map(len, texts))
    measure = float(lengths[min(len(lengths) - 1, (3 * len(lengths)) // 4)]) or 1.0
    if records:
        return _LINES, measure
    # Paragraphs a line are long (column lines hold 20 to 45 characters) and most end a sentence.
    if measure >= _PARAGRAPH_LINE and _mostly_sentences(texts, max(12.0, 0.6 * measure), conv.ends_sentence):
        return _LINES, measure
    blocks, size = [], 0
    for line in lines:
        if line.blank and size:
            blocks.append(size)
            size = 0
        size += 1
    blocks.append(size)
    if len(blocks) >= 3 and statistics.median(blocks) <= 6:
        return _BLOCKS, measure
    return _COLUMNS, measure


def _mostly_sentences(texts: Sequence[str], long: float, ends_sentence: Callable[[str], bool]) -> bool:
    """Whether 60 % or more of the long texts end a sentence (asked only until the answer is known)."""
    long_lines = [text for text in texts if len(text) >= long]
    needed = 0.6 * len(long_lines)
    if not long_lines:
        return False
    ending = 0
    for left, text in enumerate(long_lines):
        if ending + (len(long_lines) - left) < needed:
            return False
        if ends_sentence(text):
            ending += 1
            if ending >= needed:
                return True
    return False


@attrs.frozen
class LineReading:
    """The labels of a page of one title or paragraph a line, each line's margin, and what it showed."""

    labels: list[int]
    margins: list[float]
    prose: list[bool]
    looks: list[float | None]


def read_paragraph_lines(lines: Sequence[Line], conv: Conventions, titles: frozenset[int]) -> LineReading:
    """Label a ``lines`` page: each line on its own, no transition weighs (the decoder's answer there).

    A line is a title when its title score beats its body score: the language's title test and look,
    its length (a short line on a page of paragraphs is a title more often than not), a dateline at
    its start (body) or on the next line (the line above a dateline is its story's title).
    """
    count = len(lines)
    is_prose, has_dateline, debris = conv.is_prose, conv.has_dateline, conv.match_debris
    # Every line starts as prose (body, sure); the first pass fixes what is not, the second
    # weighs the lines that may be titles.
    labels = [BODY] * count
    margins = [_PROSE_MARGIN] * count
    prose = [False] * count
    dateline = [False] * count
    looks: list[float | None] = [None] * count
    undecided: list[int] = []
    for i, line in enumerate(lines):
        kind = line.kind
        if kind is not _TEXT:
            labels[i], margins[i] = (TITLE if kind is _HEADING else BODY), math.inf
            continue
        if i in titles:
            labels[i], margins[i] = TITLE, math.inf
            continue
        text = line.text
        if len(text) > 12 and is_prose(text):
            prose[i] = True
        elif debris(text):
            margins[i] = math.inf
        elif conv.is_section_heading(text):
            labels[i], margins[i] = TITLE, math.inf
        else:
            dateline[i] = has_dateline(text)
            undecided.append(i)
    for i in undecided:
        text = lines[i].text
        if not (conv.is_title_like(text) or conv.starts_title(text)):
            margins[i] = math.inf  # a line that cannot be a title opens none
            continue
        look = looks[i] = conv.title_look(text)
        title = -1.0 + 3.0 * look + (2.0 if len(text) <= 40 else 1.0 if len(text) <= 64 else -3.0)
        body = -1.0  # a short line on a page of paragraphs is a title more often than not
        if dateline[i]:
            title -= 4.0
            body += 2.0
        elif i + 1 < count and dateline[i + 1]:
            title += 1.5
        if text[:1].islower():
            title -= 2.0
        labels[i] = TITLE if title >= body else BODY
        margins[i] = abs(title - body)
    return LineReading(labels=labels, margins=margins, prose=prose, looks=looks)


@attrs.define
class Scorer:
    """Emission scores and transition tables for one page's lines (``blocks`` and ``columns`` pages)."""

    lines: Sequence[Line]
    conv: Conventions
    style: PageStyle
    measure: float
    #: Lines that stand alone whatever their neighbours (a byline, a jump line, a caption).
    standalone: Callable[[str], bool]
    #: Lines the page's record structure fixes as title lines (a database record's title stack).
    titles: frozenset[int] = frozenset()
    #: Each line's title score from how it is printed (size, weight, centring), where the reader gave boxes.
    printed: Sequence[float] = ()
    _alone: list[bool] = attrs.field(init=False, factory=list)
    _dateline: list[bool] = attrs.field(init=False, factory=list)
    _finished: list[bool] = attrs.field(init=False, factory=list)
    #: Lines the language calls prose at a glance (no byline, dateline, jump, caption or title's look).
    prose: list[bool] = attrs.field(init=False, factory=list)
    #: Lines that are one of the paper's standing section headings: titles that stand alone.
    sections: set[int] = attrs.field(init=False, factory=set)
    #: Each line's title look where it could be a title (None where it cannot), once emissions are scored.
    looks: list[float | None] = attrs.field(init=False, factory=list)

    def __attrs_post_init__(self) -> None:
        conv, columns = self.conv, self.style is _COLUMNS
        alone, dateline, finished, prose = self._alone, self._dateline, self._finished, self.prose
        ends_sentence, has_dateline, debris = conv.ends_sentence, conv.has_dateline, conv.match_debris
        is_prose = conv.is_prose
        for line in self.lines:
            text = line.text
            if line.kind is not _TEXT:
                alone.append(True)
                dateline.append(False)
                finished.append(True)
                prose.append(False)
                continue
            if len(text) > 12 and is_prose(text):  # most lines of most pages: no matcher needed
                alone.append(False)
                dateline.append(False)
                finished.append(ends_sentence(text))
                prose.append(True)
                continue
            prose.append(False)
            if conv.is_section_heading(text):
                self.sections.add(len(alone))
            alone.append(
                debris(text)
                or len(alone) in self.sections
                or self.standalone(text)
                or (columns and conv.is_masthead_line(text))  # on OCR pages: an issue line, a running head
            )
            dateline.append(has_dateline(text))
            done = ends_sentence(text)
            if not done and (speck := _SPECK.search(text)) is not None:
                done = ends_sentence(text[: speck.start()])
            finished.append(done)

    def opens(self, i: int) -> bool:
        """Whether line ``i`` must open a unit: the markup or a line standing alone says so."""
        line = self.lines[i]
        if i == 0 or line.opens or self._alone[i] or self._alone[i - 1]:
            return True
        return self.style is _BLOCKS and line.indented

    def emissions(self) -> list[tuple[float, float, float, float]]:
        """Scores of each label on each line."""
        if self.style is _BLOCKS:
            return self._block_emissions()
        looks = self.looks = [self._look(i) for i in range(len(self.lines))]
        return [self._emission(i, looks) for i in range(len(self.lines))]

    def _look(self, i: int) -> float | None:
        """The title look of a line that could be a title; None for one that cannot."""
        line, conv = self.lines[i], self.conv
        if line.kind is not _TEXT or self._alone[i]:
            return None
        # A line printed as a title may be one whatever its wording says.
        printed = bool(self.printed) and self.printed[i] >= _PRINTED_TITLE
        if self.prose[i] and not printed:
            return None
        text = line.text
        if not (conv.is_title_like(text) or conv.starts_title(text)):
            return 0.5 if printed else None
        return max(conv.title_look(text), 0.5) if printed else conv.title_look(text)

    def _block_emissions(self) -> list[tuple[float, float, float, float]]:
        # Markdown-ish text: a unit is its lines up to the next break, and it is a title
        # when the whole unit reads as one.
        out: list[tuple[float, float, float, float]] = []
        count, lines, conv = len(self.lines), self.lines, self.conv
        for i, line in enumerate(lines):
            if line.kind is _HEADING:
                out.append(_FIXED_TITLE)
                continue
            if line.kind is _IMAGE or self._alone[i]:
                out.append(_FIXED_TITLE if i in self.sections else _FIXED_BODY)
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
            out.append(_FIXED_TITLE if title else _FIXED_BODY)
        return out

    def _emission(self, i: int, looks: Sequence[float | None]) -> tuple[float, float, float, float]:
        line, conv = self.lines[i], self.conv
        if line.kind is _HEADING:
            return _FIXED_TITLE
        if line.kind is _IMAGE or self._alone[i]:
            return _FIXED_TITLE if i in self.sections else _FIXED_BODY
        style = self.style
        if i in self.titles:
            on = 0.0 if conv.title_wraps and not self.opens(i) else NEVER
            return (0.0, on, NEVER, NEVER)
        text = line.text
        ratio = len(text) / self.measure
        look = looks[i]
        dateline = self._dateline[i]
        lower = text[:1].islower()
        # How much the line looks like a title, and like body text.
        title = -7.0 if look is None else -1.0 + 3.0 * look
        if self.printed:
            title += self.printed[i]
        if dateline:
            title -= 4.0
        if lower:
            title -= 2.0
        body = 0.0
        if look is not None and not dateline and i + 1 < len(self.lines) and self._dateline[i + 1]:
            title += 1.5  # a dateline opens a story: the line above it is its title
        if ratio >= 0.9:
            if look is None or look < 1.0:
                title -= 2.0  # a full line is body, unless it is set in capitals
        elif ratio < 0.75:
            title += 1.5
            if style is _COLUMNS and self._finished[i] and not dateline:
                body -= 1.5  # a one-line paragraph is rare; a short line ending a sentence is a title or an end
        if dateline:
            body += 2.0
        opens = self.opens(i)
        if opens and (i == 0 or self._alone[i - 1]):
            return (NEVER if look is None else title, NEVER, body, NEVER)
        # Continuing the line above. A title's second line is judged by its join, not its own look.
        prev = self.lines[i - 1].text
        hyphen = _hyphenated(prev)
        if not conv.title_wraps and not hyphen:
            title_on = NEVER
        else:
            title_on = (title if title > -1.0 else -1.0) + 0.5
            title_on += 2.5 if lower else 0.0
            if not hyphen and (looks[i - 1] is None or looks[i - 1] <= 0):  # type: ignore[operator]
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
        if look is None:
            title = NEVER  # a line the language says cannot be a title opens none (it may go on from one)
        return (title, title_on, body, body_on)

    def transitions(self) -> list[tuple[tuple[float, ...], ...]]:
        """For each line, the 4 × 4 table of label scores after each label of the line above (a row a label)."""
        if self.style is _BLOCKS:
            return [_BLOCK_TABLE] * len(self.lines)
        tables: list[tuple[tuple[float, ...], ...]] = [_BLOCK_TABLE]
        cache: dict[tuple[bool, ...], tuple[tuple[float, ...], ...]] = {}
        lines, measure, columns = self.lines, self.measure, self.style is _COLUMNS
        for i in range(1, len(lines)):
            prev = lines[i - 1]
            plain = prev.kind is _TEXT and not self._alone[i - 1]
            key = (
                plain,
                plain and _hyphenated(prev.text),
                self._finished[i - 1],
                len(prev.text) / measure < 0.8,
                self._dateline[i],
                plain and self.looks[i - 1] == 1.0,
            )
            table = cache.get(key)
            if table is None:
                table = cache[key] = _table(*key, columns=columns)
            tables.append(table)
        return tables


def _table(  # noqa: PLR0917 (the evidence is the cache key, in its order)
    plain: bool, hyphen: bool, finished: bool, short: bool, dateline: bool, capitals: bool, *, columns: bool
) -> tuple[tuple[float, ...], ...]:
    """The transition table after a line with this evidence (``plain``: text that does not stand alone;
    ``capitals``: a title-like line set in capitals)."""
    cells = []
    for a in range(4):
        after_title = a in (TITLE, TITLE_ON)
        for b in range(4):
            if (b == TITLE_ON and not after_title) or (b == BODY_ON and after_title):
                cells.append(NEVER)
            elif not plain:
                cells.append(0.0)
            elif b == BODY_ON and capitals:
                cells.append(-2.0)  # a line in capitals is no paragraph's middle
            elif b in (TITLE_ON, BODY_ON):
                # The line goes on from the one above: as a soft wrap does, unless that one was done.
                cells.append(4.0 if hyphen else 3.0 if not finished else -3.0 if short or after_title else 0.5)
            elif after_title:
                # A story's dateline under its title.
                cells.append((2.5 if b == BODY and dateline else 1.0) if columns else 0.0)
            elif not columns:
                cells.append(0.0)
            elif b == BODY:
                cells.append(-3.0 if not finished else 1.5 if short else 0.0)
            else:
                # A title after body text: not in the middle of a sentence.
                cells.append(0.0 if finished else -4.0)
    return tuple(tuple(cells[a * 4 : a * 4 + 4]) for a in range(4))


_FIXED_TITLE = (0.0, NEVER, NEVER, NEVER)
# A print score from which a line may be a title whatever the language's title test says.
_PRINTED_TITLE = 3.0
# How sure a prose line on a page of paragraphs is body (no title's look, too long for a title).
_PROSE_MARGIN = 10.0
_FIXED_BODY = (NEVER, NEVER, 0.0, NEVER)
_BLOCK_TABLE = tuple(
    tuple(
        NEVER if (b == TITLE_ON and a not in (TITLE, TITLE_ON)) or (b == BODY_ON and a in (TITLE, TITLE_ON)) else 0.0
        for b in range(4)
    )
    for a in range(4)
)
