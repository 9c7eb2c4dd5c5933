"""Source lines to text units: the Markdown-ish markup layer of the parser.

A *unit* is a line or a run of soft-wrapped lines with its markup taken off: an
ATX heading (its level kept), a picture (``![alt](src)``), or text. Units break at
blank lines, hard line breaks (two trailing spaces, ``\\``, ``<br>``), headings,
pictures and paragraph indents. What is not Markdown stays text: a four-space
indent is not code and ``1.`` is not a list.
"""

from __future__ import annotations

import enum
import functools
import re
from collections.abc import Callable
from typing import NamedTuple

import attrs

__all__ = ["Removed", "Unit", "UnitKind", "read_units"]


class UnitKind(enum.Enum):
    """What a unit is at the markup level."""

    TEXT = "text"
    HEADING = "heading"
    IMAGE = "image"


class Unit(NamedTuple):
    """A piece of page text with its markup removed, and the source lines it spans."""

    kind: UnitKind
    text: str
    line: int
    end_line: int
    level: int | None = None
    image: str | None = None
    indented: bool = False


@attrs.frozen(kw_only=True)
class Removed:
    """Something the markup layer took out that is not markup: control characters, comments."""

    line: int
    what: str
    text: str


_HEADING = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+|(?=[^\x00-\x7f]))(.*?)(?:[ \t]+#+)?[ \t]*$")
_IMAGE = re.compile(r'^!\[(?P<alt>[^\]]*)\]\((?P<src>[^)\s]*)(?:\s+"[^"]*")?\)$')
_RULE = re.compile(r"^ {0,3}([-*_=])(?:[ \t]*\1){2,}[ \t]*$")
_QUOTE = re.compile(r"^ {0,3}>[ \t]?")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)
_COMMENT = re.compile(r"<!--(.*?)-->", re.DOTALL)
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufeff\ufffe\uffff\ud800-\udfff]")
_SPACE = re.compile(r"[ \t\u3000\u00a0\u2000-\u200a\u202f\u205f]+")
# What _SPACE would change, besides a run of two spaces: a space other than U+0020.
_ODD_SPACE = re.compile(r"[\t\u3000\u00a0\u2000-\u200a\u202f\u205f]")
_INDENT = re.compile(r"^(?: {2,}|\t|\u3000)")
_RULE_LEADS = frozenset("-*_=")
_MARKUP_LEADS = frozenset("-*_=>#!")
_INDENTS = frozenset(" \t\u3000")
# Enum members looked up once: an enum attribute lookup costs several times a global's.
_TEXT_KIND, _HEADING_KIND, _IMAGE_KIND = UnitKind.TEXT, UnitKind.HEADING, UnitKind.IMAGE
# A unit from a tuple of all its fields: tuple.__new__ skips the named tuple's Python-level __new__.
_unit = functools.partial(tuple.__new__, Unit)


def _clean(text: str, marks: bool = True, printable: bool = False) -> str:
    """``text`` without outer spaces, with inner runs of spaces as one, and (``marks``) without emphasis and escapes.

    ``printable`` says the text is known to be printable, so it holds no space but U+0020.
    """
    if marks:
        if "**" in text or "__" in text:
            text = _STRONG.sub(r"\2", text)
        if "\\" in text:
            text = _ESCAPE.sub(r"\1", text)
    text = text.strip()
    # Every odd space is whitespace that ``isprintable`` refuses: most lines skip the regex.
    if "  " in text or (not printable and not text.isprintable() and _ODD_SPACE.search(text) is not None):
        text = _SPACE.sub(" ", text)
    return text


def read_units(
    source: str,
    *,
    join: Callable[[str, str], str],
    standalone: Callable[[str], bool],
    first_line: int = 1,
) -> tuple[list[Unit], list[Removed]]:
    """Split page text into units.

    ``join`` glues soft-wrapped lines of one unit (language-specific);
    ``standalone`` says a line is a unit by itself even without a break (a byline,
    a jump line, a caption). ``first_line`` numbers the first source line.
    """
    removed: list[Removed] = []
    units: list[Unit] = []
    append = units.append
    # The soft-wrapped lines of the unit being read: (line number, text, indented).
    pending: list[tuple[int, str, bool]] = []

    def flush() -> None:
        first, text, indented = pending[0]
        last = first
        for last, more, _ in pending[1:]:
            joined = join(text, more)
            if len(joined) < len(text) + len(more):
                removed.append(Removed(line=last - 1, what="hyphen", text=text[-12:] + "|" + more[:12]))
            text = joined
        append(_unit((_TEXT_KIND, text, first, last, None, None, indented)))
        pending.clear()

    def drop_comment(match: re.Match[str]) -> str:
        inner = match.group(1).strip()
        if inner:
            line = first_line + source.count("\n", 0, match.start())
            removed.append(Removed(line=line, what="comment", text=_SPACE.sub(" ", inner)))
        return "\n" * match.group(0).count("\n")

    if "<!--" in source:
        source = _COMMENT.sub(drop_comment, source)
    # What only some texts hold is looked for line by line only where the whole text has it;
    # a printable line holds no control character and no space but U+0020.
    breaks = "<" in source
    marks = "**" in source or "__" in source or "\\" in source
    lines = source.split("\n")
    lines.append("")  # a blank line after the last
    for position, raw in enumerate(lines):
        if not raw or raw.isspace():
            if pending:
                flush()
            continue
        number = first_line + position
        following = lines[position + 1]
        # The line ends its unit when a blank line follows; then its text need not wait in pending.
        closes = not following or following.isspace()
        line = raw
        printable = raw.isprintable()
        if not printable and _CONTROLS.search(line):
            found = "".join(sorted(set(_CONTROLS.findall(line))))
            removed.append(Removed(line=number, what="control", text=found.encode("unicode_escape").decode()))
            line = _CONTROLS.sub("", line)
        pieces = _BR.split(line) if breaks and "<" in line else (line,)
        last_index = len(pieces) - 1
        for index, part in enumerate(pieces):
            piece = part
            lead = piece.lstrip(" ")[:1]
            if lead in _MARKUP_LEADS:
                if lead in _RULE_LEADS and _RULE.match(piece):
                    if pending:
                        flush()
                    continue
                if lead == ">":
                    piece = _QUOTE.sub("", piece)
                    lead = piece.lstrip(" ")[:1]
                heading = _HEADING.match(piece) if lead == "#" else None
                if heading is not None:
                    if pending:
                        flush()
                    text = _clean(heading.group(2))
                    if text:
                        append(_unit((_HEADING_KIND, text, number, number, len(heading.group(1)), None, False)))
                    continue
                image = _IMAGE.match(piece.strip()) if lead == "!" else None
                if image is not None:
                    if pending:
                        flush()
                    append(_unit((_IMAGE_KIND, _clean(image["alt"]), number, number, None, image["src"], False)))
                    continue
            elif (not lead or lead.isspace()) and (not piece or piece.isspace()):
                if index == last_index == 0 and pending:
                    flush()  # a line left blank by removed control characters
                continue
            escaped = piece.endswith("\\")
            text = _clean(piece[:-1] if escaped else piece, marks, printable)
            if not text:
                continue
            indented = piece[:1] in _INDENTS and _INDENT.match(piece) is not None
            if pending and (indented or standalone(text) or standalone(pending[-1][1])):
                flush()
            hard = index != last_index or escaped or piece[-2:] == "  "  # a hard break ends the unit here
            if not pending and (hard or closes):
                append(_unit((_TEXT_KIND, text, number, number, None, None, indented)))
            else:
                pending.append((number, text, indented))
                if hard:
                    flush()
    if pending:
        flush()
    return units, removed
