"""Labelled lines to units: a title or paragraph with the lines it spans, as the assembly reads them."""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping, Sequence
from typing import NamedTuple

from ..evidence import Line, LineKind, Removed
from ..languages.base import BylineMatch, CaptionMatch, JumpMatch
from .features import BODY_ON, TITLE, TITLE_ON

__all__ = ["Matches", "Unit", "build_units"]

#: What the conventions found in a line: its jump, its whole byline, its caption (each None if none).
Matches = tuple[JumpMatch | None, BylineMatch | None, CaptionMatch | None]

_TEXT = LineKind.TEXT


class Unit(NamedTuple):
    """A title or body unit: its text with soft wraps joined, and the source lines it spans."""

    kind: LineKind
    text: str
    line: int
    end_line: int
    level: int | None = None
    image: str | None = None
    indented: bool = False
    #: The decoder's reading: a title line (True), body text (False); None for headings and pictures.
    title: bool | None = None
    #: The unit opens a database record (the first after a record header).
    record: bool = False
    #: How sure the decoder was of the unit's first line (the margin of its label; inf when fixed).
    margin: float = 0.0
    #: The language called the unit's text prose at a glance (no matcher needs to look at it).
    prose: bool = False
    #: What the conventions already found in the unit's one line, if the segmenter asked.
    matches: Matches | None = None
    #: Where in ``text`` each source line after the first begins (its soft wraps): an
    #: advertisement's or notice's lines are printed lines, kept apart again.
    breaks: tuple[int, ...] = ()


def build_units(
    lines: Sequence[Line],
    labels: Sequence[int],
    margins: Sequence[float],
    join: Callable[[str, str], str],
    *,
    records: frozenset[int] = frozenset(),
    prose: Sequence[bool] = (),
    found: Mapping[str, Matches] | None = None,
) -> tuple[list[Unit], list[Removed]]:
    """Join each ``TITLE_ON`` / ``BODY_ON`` line to the unit above it; record the hyphens a join removed."""
    units: list[Unit] = []
    removed: list[Removed] = []
    has_prose = bool(prose)
    for index, (line, label) in enumerate(zip(lines, labels, strict=True)):
        if label in (TITLE_ON, BODY_ON) and units:
            unit = units[-1]
            joined = join(unit.text, line.text)
            if len(joined) < len(unit.text) + len(line.text):
                removed.append(Removed(units[-1].end_line, "hyphen", unit.text[-12:] + "|" + line.text[:12]))
            units[-1] = unit._replace(
                text=joined,
                end_line=line.line,
                prose=False,
                matches=None,
                breaks=(*unit.breaks, len(joined) - len(line.text)),
            )
            continue
        # A line's first six fields at once: a slice is cheaper than six named-tuple look-ups.
        kind, text, number, level, image, indented = line[:6]
        title = None if kind is not _TEXT else label == TITLE
        units.append(
            _unit(
                (
                    kind,
                    text,
                    number,
                    number,
                    level,
                    image,
                    indented,
                    title,
                    index in records,
                    margins[index],
                    has_prose and prose[index] and not title,
                    found.get(text) if found else None,
                    (),
                )
            )
        )
    return units, removed


# A unit from a tuple of all its fields: tuple.__new__ skips the named tuple's Python-level __new__.
_unit = functools.partial(tuple.__new__, Unit)
