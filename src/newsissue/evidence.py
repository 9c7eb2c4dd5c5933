"""What a page shows, as every reader gives it to the segmenter: lines with their text, marks and look.

A reader (plain or Markdown-ish text, ALTO, hOCR, PAGE-XML, page-tool JSON) turns its
format into a sequence of :class:`Line` objects; an archive reader gives an
:class:`IssueEvidence`: its pages' lines, the issue's metadata and, where the archive
records one, its own article map. Text readers know the line breaks,
blank lines, indents and Markdown marks; archive readers add a font size, bold and
the line's box where the format records them. The segmenter (``newsissue.segment``)
reads only this evidence, so every reader feeds the same decoder.
"""

from __future__ import annotations

import datetime as _dt
import enum
from typing import NamedTuple

import attrs

__all__ = [
    "REMOVED_MESSAGES",
    "Box",
    "IssueEvidence",
    "Line",
    "LineKind",
    "PageEvidence",
    "Removed",
    "StructureItem",
    "picture_line",
    "printable",
]


#: A box on the page: (left, top, right, bottom), in the source's units.
Box = tuple[int, int, int, int]


def printable(text: str) -> str:
    """A line's text as the model takes it: each character that is not printable a space, no outer spaces."""
    if text.isprintable():
        return text.strip()
    return "".join(ch if ch.isprintable() else " " for ch in text).strip()


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
    box: Box | None = None
    #: The format's id of the block holding the line (an ALTO TextBlock), if any.
    block: str | None = None
    #: The format's id of the line itself (an ALTO TextLine), if any.
    ref: str | None = None
    #: What the format says the line's region is: ``advertisement``, ``table``, ``heading``,
    #: ``caption``, ``header``, ``page-number`` … (an ALTO ComposedBlock's or a PAGE region's type).
    zone: str | None = None
    #: The format's id of the region around the line's block (an ALTO ComposedBlock), if any.
    group: str | None = None
    #: The OCR engine's mean word confidence for the line (0–1), where the format records it.
    confidence: float | None = None


def picture_line(index: int, box: Box, ident: str | None) -> Line:
    """A picture on a layout page as a line: kind ``IMAGE``, no text, its box, its id as block and
    reference, the zone ``illustration`` (an ALTO ``Illustration``, a PAGE ``ImageRegion``, an hOCR
    ``ocr_photo``)."""
    return Line(LineKind.IMAGE, "", index, box=box, block=ident, ref=ident, zone="illustration")


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


@attrs.frozen(kw_only=True)
class PageEvidence:
    """One page of an archive: its lines in the file's order, its print number and label, where it was read."""

    lines: tuple[Line, ...]
    number: int | None = None
    label: str | None = None
    source: str | None = None
    #: The input format of the file the page was read from (``alto``, ``page-xml`` …): what names its blocks.
    format: str | None = None
    #: The boxes of the page's graphical elements that may be rules (ALTO ``GraphicalElement``, PAGE
    #: ``SeparatorRegion``, hOCR ``ocr_separator``): the layout reads the thin horizontal ones.
    rules: tuple[tuple[int, int, int, int], ...] = ()
    #: The lines come in the reading order the source records (a PAGE ``ReadingOrder``): the
    #: segmenter keeps it instead of deciding one from the boxes.
    ordered: bool = False


@attrs.frozen(kw_only=True)
class StructureItem:
    """An item of an archive's own article map (a METS logical ``ARTICLE`` div, a KB DIDL article).

    ``blocks`` are (page number, block id) pairs in the archive's reading order.
    """

    kind: str
    label: str | None = None
    blocks: tuple[tuple[int, str], ...] = ()
    #: What the archive says a block is, where it says more than body: ``title``, ``overline``, ``subheadline``.
    roles: tuple[tuple[tuple[int, str], str], ...] = ()


@attrs.frozen(kw_only=True)
class IssueEvidence:
    """What an archive reader found: pages in print order, the issue's metadata, the archive's own map.

    ``structure`` is None where the archive records no article map (NDNP, a bare ALTO page).
    """

    pages: tuple[PageEvidence, ...]
    title: str | None = None
    date: _dt.date | None = None
    number: int | None = None
    publisher: str | None = None
    source: str | None = None
    structure: tuple[StructureItem, ...] | None = None
    #: What reading the archive noticed, as (code, message) pairs.
    notes: tuple[tuple[str, str], ...] = ()
