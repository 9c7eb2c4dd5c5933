"""The ALTO reader: an ALTO page (1.x CCS or no namespace, 2.x, 3.x, 4.x) to page evidence.

Each ``TextLine`` becomes one :class:`~newsissue.evidence.Line` with what ALTO records of it:
its words (a ``HYP`` glued to the word before it with its printed hyphen, as a page's text
shows it: the segmenter joins the word once), its box, the font size and boldness of most of
its characters (``TextStyle`` by ``STYLEREFS``, or a word's ``STYLE``), the mean word
confidence (``WC``), its ``TextBlock`` and ``TextLine`` ids, and the type of the
``ComposedBlock`` around it (``advertisement``, ``table`` …). An ``Illustration`` (or a
``ComposedBlock`` of type Illustration with no text) is a picture line: kind ``IMAGE``, no text,
its box and id. Lines come in file order; the
segmenter decides the reading order from their boxes. Boxes stay in the file's
``MeasurementUnit``: only their proportions are read.

The file is streamed through lxml's parser with no tree built: the parser hands each element's
attributes to the reader as it meets it, and nothing is kept but the lines read.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from ..errors import ParseError
from ..evidence import Box, Line, LineKind, PageEvidence, picture_line, printable
from .sniff import is_alto
from .xmlsafe import local, stream

__all__ = ["is_alto", "read_alto"]

# Enum members looked up once: on Python 3.11 an enum attribute lookup costs many times a global's.
_TEXT = LineKind.TEXT

_SOFT_HYPHEN = "\u00ad"
# The types of a ComposedBlock that is a picture when it holds no text.
_PICTURES = frozenset({"illustration", "image", "picture", "photo", "photograph"})

Face = tuple[str | None, str | None]  # a word's STYLEREFS and STYLE


def _number(value: str | None) -> int | None:
    if not value:
        return None
    try:
        return round(float(value))
    except ValueError:
        return None


def _box(attrib: Mapping[str, str]) -> Box | None:
    get = attrib.get
    try:  # most files give whole numbers
        left, top, width, height = int(get("HPOS")), int(get("VPOS")), int(get("WIDTH")), int(get("HEIGHT"))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        left_, top_, width_, height_ = (_number(get(key)) for key in ("HPOS", "VPOS", "WIDTH", "HEIGHT"))
        if left_ is None or top_ is None or width_ is None or height_ is None:
            return None
        left, top, width, height = left_, top_, width_, height_
    return (left, top, left + max(width, 0), top + max(height, 0))


def _style(attrib: Mapping[str, str]) -> tuple[float | None, bool, bool]:
    size = attrib.get("FONTSIZE")
    try:
        points = float(size) if size else None
    except ValueError:
        points = None
    style = attrib.get("FONTSTYLE", "").lower()
    family = attrib.get("FONTFAMILY", "").lower()
    return points, "bold" in style or "bold" in family, "italic" in style


def _float(value: str) -> float | None:
    try:
        return float(value)
    except ValueError:
        return None


def _mean(rates: list[str]) -> float | None:
    """The mean of the words' confidences (``WC``) that are numbers, within 0–1; None if none is."""
    if not rates:
        return None
    try:
        mean = sum(map(float, rates)) / len(rates)
    except ValueError:
        numbers = [number for number in map(_float, rates) if number is not None]
        if not numbers:
            return None
        mean = sum(numbers) / len(numbers)
    mean = mean if mean > 0.0 else 0.0  # max(0, min(1, mean)) without the calls; NaN is 0
    return round(mean if mean < 1.0 else 1.0, 3)


class _Styles:
    """The page's ``TextStyle`` s, and the size and weight of a line's characters by their faces."""

    def __init__(self) -> None:
        self.styles: dict[str, tuple[float | None, bool, bool]] = {}
        #: (size, bold) of each STYLEREFS value met, resolved once.
        self.resolved: dict[str, tuple[float | None, bool]] = {}
        #: The look of a line set in one face: (STYLEREFS or the default, STYLE) → (size, bold).
        self.single: dict[Face, tuple[float | None, bool | None]] = {}

    def resolve(self, refs: str) -> tuple[float | None, bool]:
        found = self.resolved.get(refs)
        if found is None:
            found = (None, False)
            for ref in refs.split():  # the first of the references that names a style
                if ref in self.styles:
                    points, heavy, _ = self.styles[ref]
                    found = (points, heavy)
                    break
            self.resolved[refs] = found
        return found

    def look(self, default: str, faces: list[Face], lengths: list[int]) -> tuple[float | None, bool | None]:
        """The font size and boldness of most of a line's characters (None, None where ALTO says nothing)."""
        first = faces[0]
        if faces.count(first) == len(faces):  # one face for the whole line, as most lines are
            key = (first[0] or default, first[1])
            found = self.single.get(key)
            if found is None:
                points, bold = self.resolve(key[0])
                bold = bold or (key[1] is not None and "bold" in key[1].lower())
                found = self.single[key] = (points, bold if points is not None else (True if bold else None))
            return found
        counts: dict[Face, int] = {}
        for face, length in zip(faces, lengths, strict=True):
            counts[face] = counts.get(face, 0) + length
        sizes: dict[float, int] = {}
        heavy = 0
        for (refs, style), count in counts.items():
            points, bold = self.resolve(refs or default)
            if points is not None:
                sizes[points] = sizes.get(points, 0) + count
            bold = bold or (style is not None and "bold" in style.lower())
            heavy += count if bold else -count
        size = max(sizes, key=sizes.__getitem__) if sizes else None
        return size, heavy > 0 if size is not None or heavy > 0 else None


class _Page:
    """The reader as lxml's parser target: ``start`` and ``end`` of each element, from C, as it reads."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.styles = _Styles()
        self.lines: list[Line] = []
        self.rules: list[Box] = []
        #: The ComposedBlocks around: type, id, box, and how many lines were read when each opened.
        self.zones: list[tuple[str | None, str | None, Box | None, int]] = []
        self.block: str | None = None
        self.block_styles = ""
        self.number: int | None = None
        self.label: str | None = None
        self.index = 0  # TextLines and pictures met, in file order
        self.names: dict[str, str] = {}  # each tag met, without its namespace
        self.root = False
        # The line being read: its attributes, and each word's text, face, length and WC.
        self.attrib: Mapping[str, str] | None = None
        self.words: list[str] = []
        self.faces: list[Face] = []
        self.lengths: list[int] = []
        self.rates: list[str] = []
        # The tags met most, in the page's namespace (known once the root is met).
        self.string = self.space = self.text_line = ""
        self.leaves = ("", "")

    def start(self, tag: str, attrib: Mapping[str, str]) -> None:
        if tag == self.string:  # most elements are words and spaces: they are met first
            content = attrib.get("CONTENT")
            if content and not content.isspace():
                self.words.append(content.strip())
                self.faces.append((attrib.get("STYLEREFS"), attrib.get("STYLE")))
                self.lengths.append(len(content))
                if (wc := attrib.get("WC")) is not None:
                    self.rates.append(wc)
            return
        if tag == self.space:
            return
        name = self.names.get(tag) or self.names.setdefault(tag, local(tag))
        if not self.root:
            if name.lower() != "alto":
                raise ParseError(f"{self.name} is not an ALTO document (no <alto> root)")
            self.root = True
            namespace = tag[: tag.index("}") + 1] if tag.startswith("{") else ""
            self.string, self.space, self.text_line = (namespace + leaf for leaf in ("String", "SP", "TextLine"))
            self.leaves = (self.string, self.space)
        elif name == "TextLine":
            self.index += 1
            self.attrib = attrib
            self.words, self.faces, self.lengths, self.rates = [], [], [], []
        elif name == "HYP":  # glued to the word before it, with its printed hyphen
            content = attrib.get("CONTENT")
            hyphen = "-" if not content or content == _SOFT_HYPHEN else content.strip() or "-"
            if self.words:
                self.words[-1] += hyphen
            else:
                self.words.append(hyphen)
        elif name == "TextBlock":
            self.block = attrib.get("ID")
            self.block_styles = attrib.get("STYLEREFS", "")
        elif name == "ComposedBlock":
            kind = (attrib.get("TYPE") or "").strip().lower() or None
            self.zones.append((kind, attrib.get("ID"), _box(attrib), len(self.lines)))
        elif name == "Illustration":
            self.index += 1
            self.picture(_box(attrib), attrib.get("ID"))
        elif name == "GraphicalElement":
            if (box := _box(attrib)) is not None:
                self.rules.append(box)
        elif name == "TextStyle":
            if ident := attrib.get("ID"):
                self.styles.styles[ident] = _style(attrib)
        elif name == "Page":
            self.number = _number(attrib.get("PHYSICAL_IMG_NR"))
            self.label = attrib.get("PRINTED_IMG_NR") or None

    def end(self, tag: str) -> None:
        if tag in self.leaves:
            return
        if tag == self.text_line:
            if self.attrib is not None and (line := self.line(self.attrib)) is not None:
                self.lines.append(line)
            self.attrib = None
            return
        name = self.names.get(tag)
        if name == "TextBlock":
            self.block = None
            self.block_styles = ""
        elif name == "ComposedBlock" and self.zones:
            kind, ident, box, read_before = self.zones.pop()
            if kind in _PICTURES and read_before == len(self.lines):  # a picture with no text
                self.index += 1
                self.picture(box, ident)

    def close(self) -> None:
        if not self.root:
            raise ParseError(f"{self.name} is not an ALTO document (no <alto> root)")

    def picture(self, box: Box | None, ident: str | None) -> None:
        """A picture's line: no text, its box and id, the zone ``illustration``; none without a box."""
        if box is not None:
            self.lines.append(picture_line(self.index, box, ident))

    def line(self, attrib: Mapping[str, str]) -> Line | None:
        """The line's evidence; its size and weight are those of most of its characters."""
        if not self.faces:
            return None
        text = " ".join(self.words)
        if _SOFT_HYPHEN in text:
            text = text.replace(_SOFT_HYPHEN, "").strip()
        text = printable(text)
        if not text:
            return None
        size, bold = self.styles.look(attrib.get("STYLEREFS") or self.block_styles, self.faces, self.lengths)
        zones = self.zones
        return Line(
            _TEXT,
            text,
            self.index,
            size=size,
            bold=bold,
            box=_box(attrib),
            block=self.block,
            ref=attrib.get("ID"),
            zone=next((zone[0] for zone in reversed(zones) if zone[0]), None) if zones else None,
            group=zones[-1][1] if zones else None,
            confidence=_mean(self.rates),
        )


def read_alto(data: bytes | Path, *, source: str | None = None) -> PageEvidence:
    """The evidence of one ALTO page. Raises :class:`~newsissue.ParseError` if it is not ALTO."""
    page = _Page(source or "ALTO page")
    stream(data, page.name, page)
    return PageEvidence(
        lines=tuple(page.lines),
        number=page.number,
        label=page.label,
        source=source,
        format="alto",
        rules=tuple(page.rules),
    )
