"""Source lines to text units: the Markdown-ish markup layer of the parser.

A *unit* is a line or a run of soft-wrapped lines with its markup taken off: an
ATX heading (its level kept), a picture (``![alt](src)``), or text. Units break at
blank lines, hard line breaks (two trailing spaces, ``\\``, ``<br>``), headings,
pictures and paragraph indents. What is not Markdown stays text: a four-space
indent is not code and ``1.`` is not a list.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Iterator

import attrs

__all__ = ["Removed", "Unit", "UnitKind", "read_units"]


class UnitKind(enum.Enum):
    """What a unit is at the markup level."""

    TEXT = "text"
    HEADING = "heading"
    IMAGE = "image"


@attrs.frozen(kw_only=True)
class Unit:
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
_INDENT = re.compile(r"^(?: {2,}|\t|\u3000)")
_HARD_BREAK = re.compile(r"(?: {2,}|\\)$")


@attrs.define
class _Line:
    number: int
    text: str
    hard_break: bool
    indented: bool


def _clean(text: str) -> str:
    return _SPACE.sub(" ", _ESCAPE.sub(r"\1", _STRONG.sub(r"\2", text))).strip()


def _physical(source: str, first_line: int, removed: list[Removed]) -> Iterator[_Line | Unit | None]:
    """Yield a _Line per text line, a Unit per heading or picture, None per blank line."""
    def drop_comment(match: re.Match[str]) -> str:
        inner = match.group(1).strip()
        if inner:
            line = first_line + source.count("\n", 0, match.start())
            removed.append(Removed(line=line, what="comment", text=_SPACE.sub(" ", inner)))
        return "\n" * match.group(0).count("\n")

    source = _COMMENT.sub(drop_comment, source)
    for offset, raw in enumerate(source.split("\n")):
        number = first_line + offset
        if _CONTROLS.search(raw):
            found = "".join(sorted(set(_CONTROLS.findall(raw))))
            removed.append(Removed(line=number, what="control", text=found.encode("unicode_escape").decode()))
            raw = _CONTROLS.sub("", raw)
        pieces = _BR.split(raw)
        for index, piece in enumerate(pieces):
            last = index == len(pieces) - 1
            if not piece.strip():
                if last and index == 0:
                    yield None
                continue
            if _RULE.match(piece):
                yield None
                continue
            piece = _QUOTE.sub("", piece)
            heading = _HEADING.match(piece)
            if heading is not None:
                text = _clean(heading.group(2))
                if text:
                    yield Unit(kind=UnitKind.HEADING, text=text, line=number, end_line=number, level=len(heading.group(1)))
                continue
            image = _IMAGE.match(piece.strip())
            if image is not None:
                yield Unit(kind=UnitKind.IMAGE, text=_clean(image["alt"]), line=number, end_line=number, image=image["src"])
                continue
            hard = not last or bool(_HARD_BREAK.search(piece))
            text = _clean(piece[:-1] if piece.endswith("\\") else piece)
            if text:
                yield _Line(number, text, hard, bool(_INDENT.match(piece)))


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
    pending: list[_Line] = []

    def flush() -> None:
        if pending:
            text = pending[0].text
            for line in pending[1:]:
                text = join(text, line.text)
            units.append(
                Unit(
                    kind=UnitKind.TEXT,
                    text=text,
                    line=pending[0].number,
                    end_line=pending[-1].number,
                    indented=pending[0].indented,
                )
            )
            pending.clear()

    for item in _physical(source, first_line, removed):
        if item is None or isinstance(item, Unit):
            flush()
            if item is not None:
                units.append(item)
            continue
        if pending and (item.indented or standalone(item.text) or standalone(pending[-1].text)):
            flush()
        pending.append(item)
        if item.hard_break:
            flush()
    flush()
    return units, removed
