"""Units as the assembly reads them: tokens that say what each unit is (title, byline, jump, caption …)."""

from __future__ import annotations

import datetime as _dt
import functools
from collections.abc import Sequence
from typing import NamedTuple

from ..evidence import LineKind
from ..languages.base import BylineMatch, Conventions, DatelineMatch, JumpMatch
from .units import Unit

__all__ = ["Kind", "Token", "tokenize"]

# Enum members looked up once: an enum attribute lookup costs several times a global's.
_TEXT, _HEADING, _IMAGE = LineKind.TEXT, LineKind.HEADING, LineKind.IMAGE


class Kind:
    """What a unit is to the layout. Plain constants, not an enum: member lookup is in the hot loop."""

    HEADING = "heading"
    TITLE = "title"
    BYLINE = "byline"
    JUMP = "jump"
    CAPTION = "caption"
    IMAGE = "image"
    PARA = "para"
    DEBRIS = "debris"


class Token(NamedTuple):
    kind: str
    text: str
    line: int
    #: The heading level; 7 for what is not a heading.
    rank: int
    unit: Unit
    byline: BylineMatch | None
    jump: JumpMatch | None
    dateline: DatelineMatch | None
    #: A byline or a moved-out dateline opens the text: it leads an article.
    anchor: bool


# The kinds as globals: a global is found faster than a class attribute.
_PARA, _DEBRIS, _IMAGE_KIND, _JUMP, _BYLINE, _HEADING_KIND, _CAPTION, _TITLE = (
    Kind.PARA,
    Kind.DEBRIS,
    Kind.IMAGE,
    Kind.JUMP,
    Kind.BYLINE,
    Kind.HEADING,
    Kind.CAPTION,
    Kind.TITLE,
)

# A token from a tuple of all its fields: tuple.__new__ skips the named tuple's Python-level __new__.
_token = functools.partial(tuple.__new__, Token)


def tokenize(units: Sequence[Unit], conv: Conventions, issue_date: _dt.date | None) -> tuple[list[Token], list[Unit]]:
    """The units as tokens, and the units that are layout debris (left out of the tokens)."""
    is_prose = conv.is_prose
    tokens: list[Token] = []
    debris: list[Unit] = []
    for unit in units:
        text = unit.text
        # A shortcut for prose: the segmenter judged every line; a unit of joined lines is judged anew.
        if unit.prose or (
            unit.kind is _TEXT and not unit.title and unit.end_line > unit.line and len(text) > 12 and is_prose(text)
        ):
            tokens.append(_token((_PARA, text, unit.line, 7, unit, None, None, None, False)))
            continue
        token = _classify(unit, conv, issue_date)
        if token.kind is _DEBRIS:
            debris.append(unit)
        else:
            tokens.append(token)
    return tokens, debris


def _classify(unit: Unit, conv: Conventions, issue_date: _dt.date | None) -> Token:
    text, line, kind = unit.text, unit.line, unit.kind
    if kind is _TEXT:
        if conv.match_debris(text):
            return _token((_DEBRIS, text, line, 7, unit, None, None, None, False))
    elif kind is _IMAGE:
        return _token((_IMAGE_KIND, text, line, 7, unit, None, None, None, False))
    rank = unit.level or 7
    found = unit.matches  # what the segmenter already asked of this line
    jump = found[0] if found is not None else conv.match_jump(text)
    if jump is not None and not jump.rest:
        return _token((_JUMP, text, line, rank, unit, None, jump, None, False))
    whole = found[1] if found is not None else conv.match_byline(text, whole=True)
    if whole is not None and not whole.rest:
        return _token((_BYLINE, text, line, rank, unit, whole, None, None, False))
    if kind is _HEADING:
        return _token((_HEADING_KIND, text, line, rank, unit, None, None, None, False))
    if (found[2] if found is not None else conv.match_caption(text)) is not None:
        return _token((_CAPTION, text, line, 7, unit, None, None, None, False))
    if unit.title:
        return _token((_TITLE, text, line, conv.title_rank(text), unit, None, None, None, False))
    byline = conv.match_byline(text, whole=False)
    dateline = conv.match_dateline(byline.rest if byline is not None else text, issue_date)
    anchor = byline is not None or (dateline is not None and not dateline.keep)
    return _token((_PARA, text, line, 7, unit, byline, jump, dateline, anchor))
