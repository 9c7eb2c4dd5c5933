"""What a page shows, as every reader gives it to the segmenter: lines with their text, marks and look.

A reader (plain or Markdown-ish text today; ALTO, hOCR, PAGE-XML tomorrow) turns its
format into a sequence of :class:`Line` objects. Text readers know the line breaks,
blank lines, indents and Markdown marks; archive readers add a font size, bold and
the line's box where the format records them. The segmenter (``newsissue.segment``)
reads only this evidence, so every reader feeds the same decoder.
"""

from __future__ import annotations

import enum
from typing import NamedTuple

__all__ = ["REMOVED_MESSAGES", "Line", "LineKind", "Removed"]


class LineKind(enum.Enum):
    """What a line is at the markup level."""

    TEXT = "text"
    HEADING = "heading"
    IMAGE = "image"


class Line(NamedTuple):
    """One printed line (or one logical line of a database record) and what can be seen of it."""

    kind: LineKind
    text: str
    #: The source line number (1-based, in the page's file).
    line: int
    #: An ATX heading's level (1–6); None for what is not marked as a heading.
    level: int | None = None
    #: A picture's reference (``![alt](src)``).
    image: str | None = None
    #: The line opens with a paragraph indent (two spaces, a tab, U+3000).
    indented: bool = False
    #: A blank line (or a rule, or the page's start) stands before it.
    blank: bool = False
    #: The markup ends the unit before this line: a blank line, a hard break, a heading or a picture.
    opens: bool = False
    #: Font size in points, boldness and the box (left, top, right, bottom) where the format records them.
    size: float | None = None
    bold: bool | None = None
    box: tuple[int, int, int, int] | None = None
    #: The format's id of the block holding the line (an ALTO TextBlock), if any.
    block: str | None = None


class Removed(NamedTuple):
    """Something a reader took out that is not markup: control characters, comments, hyphens."""

    line: int
    what: str
    text: str


#: What each kind of removal says in its diagnostic (code ``removed-<what>``).
REMOVED_MESSAGES = {
    "control": "control characters removed",
    "comment": "an HTML comment removed",
    "hyphen": "a hyphen at a line end removed in joining the word",
}
