"""What the scan shows, for pages whose reader gives each line's box (ALTO, hOCR, PAGE-XML, page-tool JSON).

* **Reading order** is decided here, never taken from the file: the page's blocks are cut
  recursively into bands across the page (a horizontal gap no block crosses) and, within a
  band, into columns (a vertical gap), top to bottom and left to right (the XY-cut); the lines
  of a block are ordered the same way, so a block that runs over several columns reads down
  each in turn. Before that, a row of rules across most of the page (one a column, as over a
  feuilleton) parts the page into zones read one after the other, where a skewed scan leaves no
  gap across it.
* **How each line is printed**, as a score for the decoder's title label: its font size against
  the page's body size (the line height where no size is recorded), bold on a page of roman
  type, centred in its column with room on both sides, a line filling its column's measure.
* **Unit boundaries the layout shows**: a block's first line and an indented line open a unit;
  a line printed just below a rule in its column (a thin horizontal graphical element: the short
  rule between two stories) opens one, and starts afresh where body text stands above the rule.

The lines come back renumbered in reading order (``Line.line`` is the place in that order),
so what the assembly says of a line range is a range of the page as read.
"""

from __future__ import annotations

import bisect
import statistics
from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeVar

import attrs

from ..evidence import Box, Line, LineKind

__all__ = ["Arranged", "arrange", "has_geometry"]

# How much of a line's height boxes may overlap and still be cut apart: across a gutter (x), a band (y).
_OVERHANG = (0.5, 0.25)
T = TypeVar("T")
_IMAGE = LineKind.IMAGE


@attrs.frozen
class Arranged:
    """A page's lines in reading order and each line's title score from print."""

    lines: list[Line]
    printed: list[float]
    #: Where a band across the whole page begins (a place in ``lines``) that has columns, or
    #: follows one that has: what is printed below a rule across a page of columns (a
    #: feuilleton, a row of advertisements) starts afresh.
    bands: list[int]
    #: Block starts printed apart from the block before: set in bold after roman text.
    apart: list[int] = attrs.field(factory=list)
    #: Lines printed just below a rule in their column, with text above the rule (places in ``lines``).
    ruled: list[int] = attrs.field(factory=list)


def has_geometry(lines: Sequence[Line]) -> bool:
    """Whether most of a page's lines have a box."""
    boxed = sum(1 for line in lines if line.box is not None)
    return bool(lines) and boxed >= 0.8 * len(lines)


def _union(boxes: Sequence[Box]) -> Box:
    lefts, tops, rights, bottoms = zip(*boxes, strict=True)
    return (min(lefts), min(tops), max(rights), max(bottoms))


def _groups(items: list[tuple[Box, T]], axis: int, tolerance: float) -> list[list[tuple[Box, T]]]:
    """Items split at the gaps of their projection on ``axis`` (0: x, 1: y) that no item crosses.

    ``tolerance`` is a line's height: boxes may overlap by a quarter of it across a band and by
    half of it across a gutter (OCR boxes overhang their column) and still be cut apart.
    """
    tolerance *= _OVERHANG[axis]
    ordered = sorted(items, key=lambda item: (item[0][axis], item[0][axis + 2]))
    groups: list[list[tuple[Box, T]]] = []
    end = None
    for item in ordered:
        box = item[0]
        if end is None or box[axis] >= end - tolerance:
            groups.append([item])
            end = box[axis + 2]
        else:
            groups[-1].append(item)
            end = max(end, box[axis + 2])
    return groups


def _xy_cut(
    items: list[tuple[Box, Any]],
    tolerance: float,
    frame: tuple[int, int],
    out: list[tuple[Line, tuple[int, int]]],
    blocks: Mapping[str, list[Line]] | None = None,
) -> None:
    """Append the lines of ``items`` in reading order to ``out``, each with the x-extent of its column.

    With ``blocks``, the items are blocks (their keys in it), each read line by line in its column;
    blocks that overlap so that no cut parts them are read by columns. Else the items are lines.
    """
    if len(items) == 1:
        payload = items[0][1]
        if blocks is None:
            out.append((payload, frame))
        else:
            _xy_cut([(line.box, line) for line in blocks[payload]], tolerance, frame, out)
        return
    for axis in (1, 0):
        groups = _groups(items, axis, tolerance)
        if len(groups) > 1:
            for group in groups:
                if axis == 0:
                    box = _union([item[0] for item in group])
                    _xy_cut(group, tolerance, (box[0], box[2]), out, blocks)
                else:
                    _xy_cut(group, tolerance, frame, out, blocks)
            return
    if blocks is not None:  # blocks overlapping both ways: by columns
        for _, key in _by_columns(items):
            _xy_cut([(line.box, line) for line in blocks[key]], tolerance, frame, out)
        return
    # Lines that overlap both ways: top to bottom, then left to right.
    out.extend((item[1], frame) for item in sorted(items, key=lambda item: (item[0][1], item[0][0])))


def _by_columns(items: list[tuple[Box, Any]]) -> list[tuple[Box, Any]]:
    """Blocks that no cut parts, in the order of a page of columns: what spans several columns and
    stands above the rest first, then each column top to bottom, left to right, then the rest."""
    width = statistics.median(box[2] - box[0] for box, _ in items) or 1
    spanning = [item for item in items if item[0][2] - item[0][0] > 1.6 * width]
    narrow = [item for item in items if item[0][2] - item[0][0] <= 1.6 * width]
    if not narrow:
        return sorted(items, key=lambda item: (item[0][1], item[0][0]))
    top = statistics.median(box[1] for box, _ in narrow)
    above = sorted((item for item in spanning if item[0][1] < top), key=lambda item: item[0][1])
    below = sorted((item for item in spanning if item[0][1] >= top), key=lambda item: item[0][1])
    columns: list[list[tuple[Box, Any]]] = []
    last = None
    for item in sorted(narrow, key=lambda item: (item[0][0] + item[0][2]) / 2):
        centre = (item[0][0] + item[0][2]) / 2
        if last is None or centre - last > width / 2:
            columns.append([])
        columns[-1].append(item)
        last = centre
    ordered = [item for column in columns for item in sorted(column, key=lambda item: item[0][1])]
    return above + ordered + below


def _median(values: Sequence[float], default: float) -> float:
    return statistics.median(values) if values else default


def arrange(
    lines: Sequence[Line],
    *,
    is_body: Callable[[str], bool] = lambda text: False,
    recorded: bool = False,
    rules: Sequence[Box] = (),
) -> Arranged:
    """The lines in reading order with what their print says (see the module docs).

    ``is_body`` tells text that is surely body (the language's prose test), so the page's body
    size is read from body lines where there are enough of them. ``recorded`` says the lines come
    in the reading order the source records: it is kept, and the cut gives only each line's column.
    ``rules`` are the boxes of the page's graphical elements; the thin horizontal ones part units.
    """
    boxed = [line for line in lines if line.box is not None]
    loose = [line for line in lines if line.box is None]
    heights = [
        line.box[3] - line.box[1]  # type: ignore[index]
        for line in boxed
        if line.kind is not _IMAGE and line.box[3] > line.box[1]  # type: ignore[index]
    ]
    height = _median(heights, 1.0)
    tolerance = max(1.0, height)
    blocks: dict[str, list[Line]] = {}
    for number, line in enumerate(boxed):
        blocks.setdefault(line.block if line.block is not None else f"\0{number}", []).append(line)
    page = _union([line.box for line in boxed]) if boxed else (0, 0, 1, 1)  # type: ignore[misc]
    ordered: list[Line] = []
    frames: list[tuple[int, int]] = []
    starts: list[bool] = []
    bands: list[int] = []
    columns_above = 1
    zoned = [
        (zone, band)
        for zone, part in enumerate(_ruled_zones(blocks, rules, height))
        for band in _groups(part, 1, tolerance)
    ]
    opening = False  # the first change of columns in a zone below a row of rules, as at the page's top
    for number, (zone, band) in enumerate(zoned):
        # A band opens afresh where the columns change (below a rule across a page of columns), and
        # below a row of rules across the page; there, as at the page's top (``bands[0]``, which the
        # segmenter skips), a title over the zone's columns stays with them.
        columns = len(_groups(band, 0, tolerance))
        if number and zone != zoned[number - 1][0]:
            bands.append(len(ordered))
            opening = columns == 1  # a title band over the zone's columns
        elif columns > 1 or columns_above > 1:
            if opening:
                opening = False
            else:
                bands.append(len(ordered))
        columns_above = columns
        placed: list[tuple[Line, tuple[int, int]]] = []
        _xy_cut(band, tolerance, (page[0], page[2]), placed, blocks)
        previous = None
        for line, frame in placed:
            ordered.append(line)
            frames.append(frame)
            starts.append(previous is None or line.block is None or line.block != previous.block)
            previous = line
    for line in loose:  # lines with no box: after the rest, in the file's order
        ordered.append(line)
        frames.append((page[0], page[2]))
        starts.append(True)
    if recorded:
        ordered, frames, starts, bands = _as_recorded(lines, ordered, frames, bands)
    printed = _printed(ordered, frames, starts, height, is_body)
    out = _numbered(ordered, starts)
    return Arranged(
        lines=out,
        printed=printed,
        bands=bands,
        apart=_bold_after_roman(out, starts, blocks),
        ruled=_below_rules(out, rules, height),
    )


# A rule is thin: at most this many line heights high, and at least this many times as wide as high.
_RULE_HEIGHT, _RULE_ASPECT = 1.0, 4.0
# Rules in a row (their middles within this many line heights of the one before: a skewed scan)
# that cover this share of the page's width cut the page across.
_ROW_GAP, _ACROSS = 2.0, 0.6


def _thin(box: Box, height: float) -> bool:
    return box[3] - box[1] <= _RULE_HEIGHT * height and box[2] - box[0] >= _RULE_ASPECT * max(1, box[3] - box[1])


def _ruled_zones(blocks: dict[str, list[Line]], rules: Sequence[Box], height: float) -> list[list[tuple[Box, str]]]:
    """The blocks (their boxes and keys) in zones, top to bottom, parted by the rows of rules that run
    across the page.

    A row of rules (one a column, at heights a skewed scan makes differ) parts what a gap across the
    page cannot, where the columns' blocks overlap in height: each line is above or below the rule
    over it (the nearest across), by its middle. A block with lines on both sides is parted too
    (into ``blocks`` under keys of its own): the OCR ran one column's block across the rule.
    """
    items = [(_union([line.box for line in lines]), key) for key, lines in blocks.items()]  # type: ignore[misc]
    if not items or not rules:
        return [items]
    left, right = min(box[0] for box, _ in items), max(box[2] for box, _ in items)
    rows: list[list[Box]] = []
    for box in sorted((box for box in rules if _thin(box, height)), key=lambda box: box[1] + box[3]):
        if rows and (box[1] + box[3]) / 2 - (rows[-1][-1][1] + rows[-1][-1][3]) / 2 <= _ROW_GAP * height:
            rows[-1].append(box)
        else:
            rows.append([box])
    cuts = [row for row in rows if _covered(row) >= _ACROSS * (right - left)]
    if not cuts:
        return [items]

    spans = [(min(r[1] for r in row), max(r[3] for r in row)) for row in cuts]

    def cuts_above(box: Box) -> int:
        middle, centre = (box[1] + box[3]) / 2, (box[0] + box[2]) / 2
        below = 0
        for row, (high, low) in zip(cuts, spans, strict=True):
            if middle <= high or middle >= low:  # clear of the whole row: no rule to pick
                below += middle >= low
                continue
            rule = min(row, key=lambda r: 0 if r[0] <= centre <= r[2] else min(abs(r[0] - centre), abs(r[2] - centre)))
            below += middle > (rule[1] + rule[3]) / 2
        return below

    zones: list[list[tuple[Box, str]]] = [[] for _ in range(len(cuts) + 1)]
    for box, key in items:
        if all(box[3] <= high or box[1] >= low for high, low in spans):  # the whole block on one side of each row
            zones[cuts_above(box)].append((box, key))
            continue
        parts: dict[int, list[Line]] = {}
        for line in blocks[key]:
            parts.setdefault(cuts_above(line.box), []).append(line)  # type: ignore[arg-type]
        if len(parts) == 1:
            zones[next(iter(parts))].append((box, key))
            continue
        for number, lines in parts.items():
            blocks[f"{key}\0{number}"] = lines
            zones[number].append((_union([line.box for line in lines]), f"{key}\0{number}"))  # type: ignore[misc]
    return [part for part in zones if part]


def _covered(row: Sequence[Box]) -> int:
    """How much of the page's width a row of rules covers (overlaps counted once)."""
    covered, end = 0, None
    for left, _, right, _ in sorted(row):
        if end is None or left > end:
            covered += right - left
            end = right
        elif right > end:
            covered += right - end
            end = right
    return covered


def _below_rules(lines: Sequence[Line], rules: Sequence[Box], height: float) -> list[int]:
    """Places of the lines printed just below a thin horizontal rule (within a line's height of it,
    across its middle) whose line just above the rule is the line before them in reading order: the
    rule parts two runs of one column. (A row of rules across the page parts zones instead.)"""
    thin = [box for box in rules if _thin(box, height)]
    if not thin:
        return []
    texts = [(line.box, place) for place, line in enumerate(lines) if line.box is not None and line.kind is not _IMAGE]
    by_top = sorted((box[1], place, box) for box, place in texts)
    by_bottom = sorted((box[3], place, box) for box, place in texts)
    tops, bottoms = [entry[0] for entry in by_top], [entry[0] for entry in by_bottom]
    ruled = set()
    for left, top, right, bottom in thin:  # each rule looks only at the lines within a line's height of it
        middle = (left + right) / 2
        below = [
            (box[1], place)
            for _, place, box in by_top[
                bisect.bisect_left(tops, bottom - height / 2) : bisect.bisect_right(tops, bottom + height)
            ]
            if box[0] <= middle <= box[2]
        ]
        above = [
            (box[3], place)
            for _, place, box in by_bottom[
                bisect.bisect_left(bottoms, top - 1.5 * height) : bisect.bisect_right(bottoms, top + height / 2)
            ]
            if box[0] <= middle <= box[2]
        ]
        if below and above and max(above)[1] == min(below)[1] - 1:
            ruled.add(min(below)[1])
    return sorted(ruled)


def _as_recorded(
    lines: Sequence[Line], cut: list[Line], frames: list[tuple[int, int]], bands: list[int]
) -> tuple[list[Line], list[tuple[int, int]], list[bool], list[int]]:
    """The cut's lines put back in the recorded order, each with its column; a band opens where its
    first line now stands, and a block's first line opens a unit."""
    rank = {id(line): place for place, line in enumerate(lines)}
    band_opens = {id(cut[place]) for place in bands}
    pairs = sorted(zip(cut, frames, strict=True), key=lambda pair: rank[id(pair[0])])
    out = [line for line, _ in pairs]
    starts = [place == 0 or line.block is None or line.block != out[place - 1].block for place, line in enumerate(out)]
    return out, [frame for _, frame in pairs], starts, [p for p, line in enumerate(out) if id(line) in band_opens]


def _numbered(ordered: Sequence[Line], starts: Sequence[bool]) -> list[Line]:
    """The lines numbered in reading order; a block's first line and an indented line (1.2 em past
    its block's left edge) open a unit."""
    lefts: dict[str | None, int] = {}
    for line in ordered:
        if line.box is not None:
            lefts[line.block] = min(lefts.get(line.block, line.box[0]), line.box[0])
    widths = [
        (line.box[2] - line.box[0]) / len(line.text) for line in ordered if line.box is not None and len(line.text) > 8
    ]
    em = _median(widths, 1.0)
    out = []
    for number, (line, start) in enumerate(zip(ordered, starts, strict=True), 1):
        box = line.box
        indented = not start and box is not None and line.block is not None and box[0] - lefts[line.block] >= 1.2 * em
        # line._replace(line=number, indented=indented, blank=start, opens=start or indented), in Line's field order
        out.append(Line(line[0], line[1], number, line[3], line[4], indented, start, start or indented, *line[8:]))
    return out


def _bold_after_roman(lines: Sequence[Line], starts: Sequence[bool], blocks: Mapping[str, list[Line]]) -> list[int]:
    """Where a block set mostly in bold follows one set mostly in roman (places in ``lines``)."""
    apart = []
    previous = None
    for index, (line, start) in enumerate(zip(lines, starts, strict=True)):
        if not start:
            continue
        members = blocks.get(line.block if line.block is not None else "", [])
        bold = sum(1 for member in members if member.bold) > len(members) / 2 if len(members) >= 2 else None
        if bold and previous is False:
            apart.append(index)
        previous = bold if bold is not None else previous
    return apart


def _printed(
    lines: Sequence[Line],
    frames: Sequence[tuple[int, int]],
    starts: Sequence[bool],
    height: float,
    is_body: Callable[[str], bool],
) -> list[float]:
    """Each line's title score from how it is printed (positive: printed as a title)."""
    sizes = [line.size for line in lines if line.size]
    body_sizes = [line.size for line in lines if line.size and is_body(line.text)]
    body_size = _median(body_sizes if len(body_sizes) >= 5 else sizes, 0.0)
    bold_share = sum(1 for line in lines if line.bold) / len(lines) if lines else 0.0
    block_sizes: dict[str | None, int] = {}
    for line in lines:
        block_sizes[line.block] = block_sizes.get(line.block, 0) + 1
    scores = []
    for line, frame, start in zip(lines, frames, starts, strict=True):
        score = 0.0
        if line.kind is _IMAGE:  # a picture: its height says nothing of type
            scores.append(score)
            continue
        if line.size and body_size:
            relative = line.size / body_size
        elif line.box is not None and height > 0:
            relative = (line.box[3] - line.box[1]) / height
        else:
            relative = 1.0
        if relative >= 1.5:
            score += 5.0
        elif relative >= 1.25:
            score += 3.5
        elif relative >= 1.12:
            score += 1.5
        elif relative <= 0.85:
            score -= 1.0
        if line.bold and bold_share < 0.3:
            score += 2.0
        if line.box is not None:
            width = frame[1] - frame[0]
            left, right = line.box[0] - frame[0], frame[1] - line.box[2]
            if width > 0:
                if line.box[2] - line.box[0] >= 0.92 * width:
                    score -= 2.0
                elif abs(left - right) <= 0.12 * width and min(left, right) >= 0.08 * width:
                    score += 2.5 if block_sizes.get(line.block, 0) <= 3 or line.block is None else 1.0
        if block_sizes.get(line.block, 0) >= 5 and not start and line.block is not None:
            score -= 1.0
        scores.append(score)
    return scores
