"""Where each item and body block was printed: an item's lines shared out over its title stack and blocks."""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from ..evidence import Line, LineKind
from ..model import Article, Figure, Region

__all__ = ["placed", "regions", "texts"]

# Enum members looked up once: on Python 3.11 an enum attribute lookup costs many times a global's.
_IMAGE = LineKind.IMAGE


def _weight(text: str) -> int:
    """How many letters and digits a text has: what a line and a block share however they were joined."""
    return sum(map(str.isalnum, text))


def regions(lines: Sequence[Line], page: int | None = None) -> tuple[Region, ...]:
    """Lines as regions: one for each run of lines in one block."""
    out: list[Region] = []
    start, count = 0, len(lines)
    while start < count:
        block = lines[start].block
        end = start + 1
        while end < count and lines[end].block == block:
            end += 1
        run = lines[start:end]
        boxes = [member.box for member in run if member.box is not None]
        box = None
        if boxes:
            lefts, tops, rights, bottoms = zip(*boxes, strict=True)
            box = (min(lefts), min(tops), max(rights), max(bottoms))
        out.append(Region(block=block, lines=tuple(member.ref for member in run if member.ref), box=box, page=page))
        start = end
    return tuple(out)


def texts(block: object) -> str:
    if isinstance(block, Figure):
        return " ".join(part for part in (block.caption, block.credit) if part)
    return getattr(block, "text", "")


def placed(item: Article, lines: Sequence[Line]) -> Article:
    """The item with regions: its lines shared out over its title stack and body blocks by their text.

    A picture's line (no text) goes to a figure: the figures in turn where there are as many, else
    the figures with no caption first.
    """
    pictures = [line for line in lines if line.kind is _IMAGE]
    if pictures:
        lines = [line for line in lines if line.kind is not _IMAGE]
    head = _weight(" ".join(part for part in (item.kicker, item.headline, item.subheadline, item.byline_text) if part))
    sizes = [head] + [_weight(texts(block)) for block in item.body]
    total = sum(sizes) or 1
    keys = [_weight(line.text) for line in lines]
    scale = total / (sum(keys) or 1)
    owners: list[list[Line]] = [[] for _ in sizes]
    bounds = []
    running = 0
    for size in sizes:
        running += size
        bounds.append(running)
    position = 0.0
    target = 0
    for line, size in zip(lines, keys, strict=True):
        middle = position + scale * size / 2
        while target < len(bounds) - 1 and middle >= bounds[target]:
            target += 1
        owners[target].append(line)
        position += scale * size
    figures = [place for place, block in enumerate(item.body, 1) if isinstance(block, Figure)]
    if len(figures) != len(pictures):
        figures.sort(key=lambda place: texts(item.body[place - 1]) != "")
    for place, picture in zip(figures, pictures, strict=False):
        owners[place].insert(0, picture)
    body = tuple(
        attrs.evolve(block, regions=regions(owned)) if owned else block
        for block, owned in zip(item.body, owners[1:], strict=True)
    )
    return attrs.evolve(item, regions=regions(owners[0]), body=body)
