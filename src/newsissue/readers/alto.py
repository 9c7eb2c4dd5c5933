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

The file is streamed and each line let go once read.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..errors import ParseError
from ..evidence import Line, LineKind, PageEvidence, picture_line, printable
from .sniff import is_alto
from .xmlsafe import events, local

__all__ = ["is_alto", "read_alto"]

# Enum members looked up once: on Python 3.11 an enum attribute lookup costs many times a global's.
_TEXT = LineKind.TEXT

_SOFT_HYPHEN = "\u00ad"


def _number(value: str | None) -> int | None:
    if not value:
        return None
    try:
        return round(float(value))
    except ValueError:
        return None


def _style(attrs: dict[str, str]) -> tuple[float | None, bool, bool]:
    size = attrs.get("FONTSIZE")
    try:
        points = float(size) if size else None
    except ValueError:
        points = None
    style = attrs.get("FONTSTYLE", "").lower()
    family = attrs.get("FONTFAMILY", "").lower()
    return points, "bold" in style or "bold" in family, "italic" in style


class _Page:
    """What has been read of the page so far."""

    def __init__(self, namespace: str) -> None:
        self.styles: dict[str, tuple[float | None, bool, bool]] = {}
        #: (size, bold) of each STYLEREFS value met, resolved once.
        self.resolved: dict[str, tuple[float | None, bool]] = {}
        self.lines: list[Line] = []
        self.rules: list[tuple[int, int, int, int]] = []
        self.zones: list[tuple[str | None, str | None]] = []  # the ComposedBlocks around: (type, id)
        self.opened: list[int] = []  # how many lines were read when each ComposedBlock around opened
        self.block: str | None = None
        self.block_styles = ""
        self.number: int | None = None
        self.label: str | None = None
        self.string, self.hyphen = namespace + "String", namespace + "HYP"

    def style(self, refs: str) -> tuple[float | None, bool]:
        for ref in refs.split():
            if ref in self.styles:
                points, heavy, _ = self.styles[ref]
                return points, heavy
        return None, False

    def picture(self, element: Any, index: int) -> Line | None:
        """A picture's line: no text, its box and id, the zone ``illustration``; None without a box."""
        box = _box(element)
        if box is None:
            return None
        return picture_line(index, box, element.get("ID"))

    def line(self, element: Any, index: int) -> Line | None:
        """The line's evidence; its size and weight are those of most of its characters."""
        words: list[str] = []
        append = words.append
        confidence, rated = 0.0, 0
        faces: dict[tuple[str | None, str | None], int] = {}  # (STYLEREFS, STYLE) → characters
        string, hyphen_tag = self.string, self.hyphen
        for child in element:
            tag = child.tag
            if tag == string:
                content = child.get("CONTENT")
                if not content or content.isspace():
                    continue
                append(content.strip())
                face = (child.get("STYLEREFS"), child.get("STYLE"))
                faces[face] = faces.get(face, 0) + len(content)
                if (wc := child.get("WC")) is not None:
                    try:
                        confidence += float(wc)
                        rated += 1
                    except ValueError:
                        pass
            elif tag == hyphen_tag:
                hyphen = child.get("CONTENT") or "-"
                hyphen = "-" if hyphen == _SOFT_HYPHEN else hyphen.strip() or "-"
                if words:
                    words[-1] += hyphen
                else:
                    append(hyphen)
        if not faces:
            return None
        text = " ".join(words)
        if _SOFT_HYPHEN in text:
            text = text.replace(_SOFT_HYPHEN, "").strip()
        text = printable(text)
        if not text:
            return None
        default = element.get("STYLEREFS") or self.block_styles
        sizes: dict[float, int] = {}
        heavy = 0
        for (refs, style), count in faces.items():
            key = refs or default
            found = self.resolved.get(key)
            if found is None:
                found = self.resolved[key] = self.style(key)
            points, bold = found
            if points is not None:
                sizes[points] = sizes.get(points, 0) + count
            bold = bold or (style is not None and "bold" in style.lower())
            heavy += count if bold else -count
        size = max(sizes, key=sizes.__getitem__) if sizes else None
        zones = self.zones
        return Line(
            _TEXT,
            text,
            index,
            size=size,
            bold=heavy > 0 if size is not None or heavy > 0 else None,
            box=_box(element),
            block=self.block,
            ref=element.get("ID"),
            zone=next((zone for zone, _ in reversed(zones) if zone), None) if zones else None,
            group=zones[-1][1] if zones else None,
            confidence=round(min(1.0, max(0.0, confidence / rated)), 3) if rated else None,
        )


def _box(element: Any) -> tuple[int, int, int, int] | None:
    get = element.get
    left, top = _number(get("HPOS")), _number(get("VPOS"))
    width, height = _number(get("WIDTH")), _number(get("HEIGHT"))
    if left is None or top is None or width is None or height is None:
        return None
    return (left, top, left + max(width, 0), top + max(height, 0))


# The types of a ComposedBlock that is a picture when it holds no text.
_PICTURES = frozenset({"illustration", "image", "picture", "photo", "photograph"})
# The elements the reader looks at, in any namespace or none: the rest streams past unseen.
_TAGS = (
    "{*}alto",
    "{*}TextStyle",
    "{*}Page",
    "{*}ComposedBlock",
    "{*}TextBlock",
    "{*}TextLine",
    "{*}Illustration",
    "{*}GraphicalElement",
)


def read_alto(data: bytes | Path, *, source: str | None = None) -> PageEvidence:
    """The evidence of one ALTO page. Raises :class:`~newsissue.ParseError` if it is not ALTO."""
    name = source or "ALTO page"
    page: _Page | None = None
    index = 0
    for event, element in events(data, name, tags=_TAGS):
        tag = local(element.tag)
        if page is None:
            if tag.lower() != "alto" or event != "start":
                raise ParseError(f"{name} is not an ALTO document (no <alto> root)")
            page = _Page(element.tag[: element.tag.index("}") + 1] if element.tag.startswith("{") else "")
            continue
        if event == "start":
            if tag == "TextBlock":
                page.block = element.get("ID")
                page.block_styles = element.get("STYLEREFS", "")
            elif tag == "ComposedBlock":
                kind = (element.get("TYPE") or "").strip().lower()
                page.zones.append((kind or None, element.get("ID")))
                page.opened.append(len(page.lines))
            elif tag == "Page":
                page.number = _number(element.get("PHYSICAL_IMG_NR"))
                page.label = element.get("PRINTED_IMG_NR") or None
            continue
        if tag == "TextLine":
            index += 1
            line = page.line(element, index)
            if line is not None:
                page.lines.append(line)
            element.clear(keep_tail=True)
        elif tag == "TextStyle":
            ident = element.get("ID")
            if ident:
                page.styles[ident] = _style(dict(element.attrib))
        elif tag == "Illustration":
            index += 1
            if (picture := page.picture(element, index)) is not None:
                page.lines.append(picture)
            element.clear(keep_tail=True)
        elif tag == "GraphicalElement":
            if (box := _box(element)) is not None:
                page.rules.append(box)
            element.clear(keep_tail=True)
        elif tag in ("TextBlock", "ComposedBlock"):
            if tag == "TextBlock":
                page.block = None
                page.block_styles = ""
            elif page.zones:
                kind, _ = page.zones.pop()
                read_before = page.opened.pop()
                if kind in _PICTURES and read_before == len(page.lines):  # a picture with no text
                    index += 1
                    if (picture := page.picture(element, index)) is not None:
                        page.lines.append(picture)
            element.clear(keep_tail=True)
            while element.getprevious() is not None:  # let go of what is read: memory stays flat
                del element.getparent()[0]
    if page is None:
        raise ParseError(f"{name} is not an ALTO document (no <alto> root)")
    return PageEvidence(
        lines=tuple(page.lines),
        number=page.number,
        label=page.label,
        source=source,
        format="alto",
        rules=tuple(page.rules),
    )
