"""The text reader: plain or Markdown-ish page text to :class:`~newsissue.evidence.Line` evidence.

Each source line becomes one line of evidence with its markup taken off: an ATX
heading (its level kept), a picture (``![alt](src)``), or text; a ``<br>`` inside a
line splits it. What the markup says about units is kept as evidence, not acted on:
a blank line or rule before the line, a hard break (two trailing spaces, ``\\``,
``<br>``) or a heading or picture before it, a paragraph indent. Whether lines
join into one paragraph is the segmenter's decision. What is not Markdown stays
text: a four-space indent is not code and ``1.`` is not a list.
"""

from __future__ import annotations

import functools
import re

from ..evidence import Line, LineKind, Removed

__all__ = ["read_lines"]


_IMAGE = re.compile(r'^!\[(?P<alt>[^\]]*)\]\((?P<src>[^)\s]*)(?:\s+"[^"]*")?\)$')
_RULE = re.compile(r"^ {0,3}([-*_=])(?:[ \t]*\1){2,}[ \t]*$")
# A quote mark is markup where a space follows it (``> text``); ``>?`` in OCR text is text.
_QUOTE = re.compile(r"^ {0,3}>(?:[ \t]|$)")
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
# The first characters of a line that may hold markup or an indent: such a line takes the long way.
_SLOW_LEADS = _MARKUP_LEADS | _INDENTS
# Enum members looked up once: an enum attribute lookup costs several times a global's.
_TEXT_KIND, _HEADING_KIND, _IMAGE_KIND = LineKind.TEXT, LineKind.HEADING, LineKind.IMAGE
# A line from a tuple of all its fields: tuple.__new__ skips the named tuple's Python-level __new__.
_line = functools.partial(tuple.__new__, Line)
# No font size, boldness, box, block, id, zone or confidence: plain text does not record them.
_NONE = (None, None, None, None, None, None, None, None)


def _heading(piece: str) -> tuple[int, str] | None:
    """An ATX heading's level and text, or None: ``## Title ##`` → ``(2, "Title")``.

    Up to three spaces, one to six ``#``, then white space or (as CJK pages print it) a non-ASCII
    character; a closing run of ``#`` after white space is markup. A string walk: the regex
    equivalent backtracks over every character of a long heading.
    """
    body = piece.lstrip(" ")
    marks = body.lstrip("#")
    level = len(body) - len(marks)
    if len(piece) - len(body) > 3 or not 1 <= level <= 6 or not marks:
        return None
    if marks[0] in " \t":
        marks = marks.lstrip(" \t")
    elif marks[0].isascii():
        return None
    text = marks.rstrip(" \t")
    closed = text.rstrip("#")
    if closed != text and closed[-1:] in (" ", "\t"):
        text = closed
    return level, text


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


def read_lines(source: str, *, first_line: int = 1) -> tuple[list[Line], list[Removed]]:
    """Split page text into lines of evidence, and what was removed that is not markup.

    ``first_line`` numbers the first source line.
    """
    removed: list[Removed] = []
    lines_out: list[Line] = []
    append = lines_out.append

    def drop_comment(match: re.Match[str]) -> str:
        inner = match.group(1).strip()
        if inner:
            line = first_line + source.count("\n", 0, match.start())
            removed.append(Removed(line, "comment", _SPACE.sub(" ", inner)))
        return "\n" * match.group(0).count("\n")

    # What only some texts hold is looked for line by line only where the whole text has it;
    # a printable line holds no control character and no space but U+0020.
    breaks = "<" in source
    if breaks and "<!--" in source:
        source = _COMMENT.sub(drop_comment, source)
    # A one-character search first: it is many times faster than a two-character one.
    marks = ("*" in source and "**" in source) or ("_" in source and "__" in source) or "\\" in source
    blank = opens = True  # the page's start opens a unit
    for number, raw in enumerate(source.split("\n"), first_line):
        if not raw or raw.isspace():
            blank = opens = True
            continue
        printable = raw.isprintable()
        if printable and raw[0] not in _SLOW_LEADS and not (breaks and "<" in raw):
            # Most lines: no markup, no indent, no break inside; only the trailing marks to read.
            escaped = raw.endswith("\\")
            if marks:
                text = _clean(raw[:-1] if escaped else raw, True, True)
            else:  # _clean's work for printable text without marks, done here: most lines come this way
                text = (raw[:-1] if escaped else raw).strip()
                if "  " in text:
                    text = _SPACE.sub(" ", text)
            # _NONE written out: a literal tuple is built faster than an unpacked one
            append(_line((_TEXT_KIND, text, number, None, None, False, blank, opens,
                          None, None, None, None, None, None, None, None)))  # fmt: skip
            blank = False
            opens = escaped or raw[-2:] == "  "
            continue
        line = raw
        if not printable and _CONTROLS.search(line):
            found = "".join(sorted(set(_CONTROLS.findall(line))))
            removed.append(Removed(number, "control", found.encode("unicode_escape").decode()))
            line = _CONTROLS.sub("", line)
        pieces = _BR.split(line) if breaks and "<" in line else (line,)
        last_index = len(pieces) - 1
        for index, part in enumerate(pieces):
            piece = part
            lead = piece.lstrip(" ")[:1]
            if lead in _MARKUP_LEADS:
                if lead in _RULE_LEADS and _RULE.match(piece):
                    blank = opens = True
                    continue
                if lead == ">":
                    piece = _QUOTE.sub("", piece)
                    lead = piece.lstrip(" ")[:1]
                heading = _heading(piece) if lead == "#" else None
                if heading is not None:
                    text = _clean(heading[1], marks, printable)
                    if text:
                        append(
                            _line(
                                (
                                    _HEADING_KIND,
                                    text,
                                    number,
                                    heading[0],
                                    None,
                                    False,
                                    blank,
                                    True,
                                    *_NONE,
                                )
                            )
                        )
                        blank = False
                    opens = True
                    continue
                image = _IMAGE.match(piece.strip()) if lead == "!" else None
                if image is not None:
                    append(
                        _line(
                            (
                                _IMAGE_KIND,
                                _clean(image["alt"], marks, printable),
                                number,
                                None,
                                image["src"],
                                False,
                                blank,
                                True,
                                *_NONE,
                            )
                        )
                    )
                    blank, opens = False, True
                    continue
            elif (not lead or lead.isspace()) and (not piece or piece.isspace()):
                if index == last_index == 0:
                    blank = opens = True  # a line left blank by removed control characters
                elif index < last_index:
                    opens = True  # an empty piece between breaks
                continue
            escaped = piece.endswith("\\")
            text = _clean(piece[:-1] if escaped else piece, marks, printable)
            if not text:
                continue
            indented = piece[:1] in _INDENTS and _INDENT.match(piece) is not None
            append(_line((_TEXT_KIND, text, number, None, None, indented, blank, opens, *_NONE)))
            blank = False
            # A hard break ends the unit here: a <br>, a trailing backslash or two trailing spaces.
            opens = index != last_index or escaped or piece[-2:] == "  "
    return lines_out, removed
