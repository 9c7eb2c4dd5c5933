"""Segmentation: a page's line evidence to units (titles and paragraphs), then to page items.

1. ``features``: the page's style and measure, and each line's scores;
2. ``decoder``: the best labelling of the whole page (Viterbi);
3. ``units``: labelled lines joined into title and body units;
4. ``assemble``: units into articles, advertisements and notices.

Every reader feeds the same evidence (:mod:`newsissue.evidence`) to this stage.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence

import attrs

from ..evidence import Box, Line, LineKind, Removed
from ..languages.base import Conventions
from .decoder import NEVER, viterbi
from .features import BODY, BODY_ON, LABELS, TITLE, TITLE_ON, PageStyle, Scorer, page_style, read_paragraph_lines
from .layout import arrange, has_geometry
from .units import Matches, Unit, build_units

__all__ = ["PageStyle", "Segmentation", "Standalone", "Unit", "segment_lines"]

# How far into a record its title stack may reach before the dateline that ends it.
_RECORD_STACK = 6
# Enum members looked up once: on Python 3.11 an enum attribute lookup costs many times a global's.
_TEXT = LineKind.TEXT
# A line printed like a title (capitals, Title Case) read as body by less than this margin is doubtful.
_TITLE_LOOK = 0.6
_CLOSE_CALL = 3.0
# A print score (size, weight, centring) that makes a title line a headline.
_HEADLINE_PRINT = 4.0


@attrs.frozen(kw_only=True)
class Segmentation:
    """A page's units, what joining them removed, and what the decoder saw of the page."""

    units: tuple[Unit, ...]
    #: An archive page's lines in reading order, as the units were made of them (empty for page text).
    lines: tuple[Line, ...]
    removed: tuple[Removed, ...]
    #: Database furniture kept apart from the items: record headers and index entries, as printed.
    furniture: tuple[str, ...]
    style: PageStyle
    #: The usual length of a full body line, in characters.
    measure: float
    #: Whether the page is made of database records (each record one item).
    records: bool
    #: Source lines that look like titles (capitals, Title Case) but were read as body, on a close call.
    doubtful: tuple[int, ...] = ()
    #: An archive page's bands across the page: the line number each begins on.
    bands: tuple[int, ...] = ()


class Standalone:
    """Whether a line stands alone, whatever its neighbours: a jump line, a whole byline, a caption.

    What it found for each text is kept (``found``), so the assembly does not ask again.
    """

    def __init__(self, conv: Conventions) -> None:
        self.conv = conv
        self.found: dict[str, Matches] = {}

    def __call__(self, text: str) -> bool:
        conv = self.conv
        jump = conv.match_jump(text)
        whole = conv.match_byline(text, whole=True)
        caption = conv.match_caption(text)
        self.found[text] = (jump, whole, caption)
        return (jump is not None and not jump.rest) or (whole is not None and not whole.rest) or caption is not None


def _records(lines: Sequence[Line], conv: Conventions) -> tuple[list[Line], list[str], set[int], set[int]]:
    """Lines with database records opened up: record headers and index entries out, a record's pieces in.

    Returns the content lines, the furniture, where each record starts and the lines a record's
    layout fixes as titles (what stands between its header and its dateline).
    """
    out: list[Line] = []
    furniture: list[str] = []
    starts: set[int] = set()
    titles: set[int] = set()
    opened = False
    for line in lines:
        match = conv.match_record(line.text) if line.kind is _TEXT else None
        if match is None:
            if opened:
                starts.add(len(out))
                opened = False
            out.append(line)
            continue
        if not opened and out:
            label = out[-1]
            if label.kind is _TEXT and (
                conv.is_record_label(label.text) or (label.blank and line.blank and _is_label(label.text, conv))
            ):
                furniture.append(out.pop().text)
        furniture.append(match.header)
        opened = True
        for index, piece in enumerate(match.pieces):
            if index == 0:
                starts.add(len(out))
                opened = False
            out.append(line._replace(text=piece, blank=line.blank and index == 0, opens=True, indented=False))
    if not starts:
        return out, furniture, starts, titles
    bounds = [*sorted(starts), len(out)]
    for start, end in itertools.pairwise(bounds):
        for k in range(start, min(end, start + _RECORD_STACK)):
            text = out[k].text
            if conv.has_dateline(text):
                if all(len(out[j].text) <= 120 for j in range(start, k)):
                    titles.update(range(start, k))
                break
    return out, furniture, starts, titles


def _is_label(text: str, conv: Conventions) -> bool:
    """A one-line block just above a record header: an index entry or a web page's title for the record."""
    if conv.is_masthead_line(text) or conv.match_page_header(text) is not None:
        return False
    return conv.is_record_label(text) or (len(text) <= 64 and conv.is_title_like(text))


def _fixed(emissions: Sequence[Sequence[float]]) -> tuple[list[int], list[float]]:
    """The labelling where each line allows one label after the one above it."""
    labels: list[int] = []
    for row in emissions:
        if row[TITLE_ON] != NEVER and labels and labels[-1] in (TITLE, TITLE_ON):
            labels.append(TITLE_ON)
        elif row[BODY_ON] != NEVER and labels and labels[-1] in (BODY, BODY_ON):
            labels.append(BODY_ON)
        else:
            labels.append(TITLE if row[TITLE] != NEVER else BODY)
    return labels, [math.inf] * len(labels)


def segment_lines(
    lines: Sequence[Line], conv: Conventions, *, recorded: bool = False, rules: Sequence[Box] = ()
) -> Segmentation:
    """Decide a page's units from its lines.

    Lines with boxes (an archive page) are first put in reading order and scored by how they are
    printed (:mod:`.layout`); their units are the lines in that order. ``recorded`` says the lines
    come in a reading order the source records, which is kept; ``rules`` are the page's graphical
    elements, whose thin horizontal ones part units and stories.
    """
    printed: Sequence[float] = ()
    ruled: Sequence[int] = ()
    geometric = has_geometry(lines)
    if geometric:
        arranged = arrange(
            lines, is_body=lambda text: len(text) > 12 and conv.is_prose(text), recorded=recorded, rules=rules
        )
        content, printed, ruled = arranged.lines, arranged.printed, arranged.ruled
        furniture, titles = [], set()
        # Each band across the page opens afresh, as a record does; so does a block printed apart.
        starts = set(arranged.bands[1:]) | set(arranged.apart)
        style, measure = PageStyle.COLUMNS, page_style(content, conv)[1]
    else:
        content, furniture, starts, titles = _records(lines, conv)
        style, measure = page_style(content, conv, records=bool(starts))
    alone = Standalone(conv)
    if style is PageStyle.LINES:
        # No line goes on from another: no transition weighs, each line's best label is the answer.
        reading = read_paragraph_lines(content, conv, frozenset(titles))
        labels, margins, prose, looks = reading.labels, reading.margins, reading.prose, reading.looks
    else:
        scorer = Scorer(content, conv, style, measure, alone, frozenset(titles), printed)
        emissions = scorer.emissions()
        if style is PageStyle.BLOCKS:
            labels, margins = _fixed(emissions)  # the markup decides every line: nothing to weigh
        else:
            for i in (*starts, *ruled) if printed else ():  # a band, or a line below a rule, never goes on
                row = emissions[i]
                emissions[i] = (row[TITLE], NEVER, row[BODY], NEVER)
            labels, margins = viterbi(emissions, scorer.transitions(), len(LABELS))
            # A rule below body text ends its story; one below a title (between decks) does not.
            starts.update(i for i in ruled if i and labels[i - 1] in (BODY, BODY_ON))
            if printed:  # a block opening with a line printed as a headline starts an item, never a crosshead
                starts.update(
                    i
                    for i, label in enumerate(labels)
                    if label == TITLE
                    and printed[i] >= _HEADLINE_PRINT
                    and content[i].blank
                    and (i == 0 or labels[i - 1] not in (TITLE, TITLE_ON))  # a stack of titles stays one
                )
        prose, looks = scorer.prose, scorer.looks or [None] * len(content)
    units, removed = build_units(
        content, labels, margins, conv.join, records=frozenset(starts), prose=prose, found=alone.found
    )
    doubtful = tuple(
        line.line
        for line, label, margin, look in zip(content, labels, margins, looks, strict=True)
        if label in (BODY, BODY_ON) and look is not None and look >= _TITLE_LOOK and margin < _CLOSE_CALL
    )
    return Segmentation(
        units=tuple(units),
        lines=tuple(content) if geometric else (),
        removed=tuple(removed),
        furniture=tuple(furniture),
        style=style,
        measure=measure,
        records=bool(starts) and not geometric,
        doubtful=doubtful,
        bands=tuple(index + 1 for index in arranged.bands) if geometric else (),
    )
