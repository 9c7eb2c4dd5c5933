"""The ALTO reader: an ALTO page (1.x CCS or no namespace, 2.x, 3.x, 4.x) to page evidence.

Each ``TextLine`` becomes one :class:`~newsissue.evidence.Line` with what ALTO records of it:
its words (a ``HYP`` glued to the word before it with its printed hyphen, as a page's text
shows it: the segmenter joins the word once), its box, the font size and boldness of most of
its characters (``TextStyle`` by ``STYLEREFS``, or a word's ``STYLE``), the mean word
confidence (``WC``), its ``TextBlock`` and ``TextLine`` ids, and the type of the
``ComposedBlock`` around it (``advertisement``, ``table`` …). Lines come in file order; the
segmenter decides the reading order from their boxes. Boxes stay in the file's
``MeasurementUnit``: only their proportions are read.

The file is streamed and each line let go once read.
"""

from __future__ import annotations

import collections
import contextlib
from pathlib import Path

from ..errors import ParseError
from ..evidence import Line, LineKind, PageEvidence
from .sniff import is_alto
from .xmlsafe import events, local

__all__ = ["is_alto", "read_alto"]

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

    def __init__(self) -> None:
        self.styles: dict[str, tuple[float | None, bool, bool]] = {}
        self.lines: list[Line] = []
        self.zones: list[tuple[str | None, str | None]] = []  # the ComposedBlocks around: (type, id)
        self.block: str | None = None
        self.block_styles = ""
        self.number: int | None = None
        self.label: str | None = None

    def line(self, element: object, index: int) -> Line | None:
        words: list[str] = []
        sizes: collections.Counter[float] = collections.Counter()
        bold = 0
        confidences: list[float] = []
        line_styles = element.get("STYLEREFS", "")  # type: ignore[attr-defined]
        for child in element:  # type: ignore[attr-defined]
            name = local(child.tag)
            if name == "String":
                content = (child.get("CONTENT") or "").strip()
                if not content:
                    continue
                words.append(content)
                points, heavy = None, False
                for ref in (child.get("STYLEREFS") or line_styles or self.block_styles).split():
                    if ref in self.styles:
                        points, heavy, _ = self.styles[ref]
                        break
                if "bold" in (child.get("STYLE") or "").lower():
                    heavy = True
                if points is not None:
                    sizes[points] += len(content)
                bold += len(content) if heavy else -len(content)
                if (wc := child.get("WC")) is not None:
                    with contextlib.suppress(ValueError):
                        confidences.append(min(1.0, max(0.0, float(wc))))
            elif name == "HYP":
                hyphen = child.get("CONTENT") or "-"
                hyphen = "-" if hyphen == _SOFT_HYPHEN else hyphen.strip() or "-"
                if words:
                    words[-1] += hyphen
                else:
                    words.append(hyphen)
        text = " ".join(words).replace(_SOFT_HYPHEN, "").strip()
        if not text or not text.isprintable():
            text = "".join(ch if ch.isprintable() else " " for ch in text).strip()
            if not text:
                return None
        get = element.get  # type: ignore[attr-defined]
        left, top = _number(get("HPOS")), _number(get("VPOS"))
        width, height = _number(get("WIDTH")), _number(get("HEIGHT"))
        box = None
        if None not in (left, top, width, height):
            box = (left, top, left + max(width, 0), top + max(height, 0))  # type: ignore[operator]
        return Line(
            LineKind.TEXT,
            text,
            index,
            size=sizes.most_common(1)[0][0] if sizes else None,
            bold=bold > 0 if sizes or bold else None,
            box=box,  # type: ignore[arg-type]
            block=self.block,
            ref=get("ID"),
            zone=next((zone for zone, _ in reversed(self.zones) if zone), None),
            group=self.zones[-1][1] if self.zones else None,
            confidence=round(sum(confidences) / len(confidences), 3) if confidences else None,
        )


def read_alto(data: bytes | Path, *, source: str | None = None) -> PageEvidence:
    """The evidence of one ALTO page. Raises :class:`~newsissue.ParseError` if it is not ALTO."""
    name = source or "ALTO page"
    page = _Page()
    seen_root = False
    index = 0
    for event, element in events(data, name):
        tag = local(element.tag)
        if not seen_root:
            if tag.lower() != "alto":
                raise ParseError(f"{name} is not an ALTO document (its root is <{tag}>)")
            seen_root = True
            continue
        if event == "start":
            if tag == "TextBlock":
                page.block = element.get("ID")
                page.block_styles = element.get("STYLEREFS", "")
            elif tag == "ComposedBlock":
                kind = (element.get("TYPE") or "").strip().lower()
                page.zones.append((kind or None, element.get("ID")))
            elif tag == "Page":
                page.number = _number(element.get("PHYSICAL_IMG_NR"))
                page.label = element.get("PRINTED_IMG_NR") or None
            continue
        if tag == "TextLine":
            index += 1
            line = page.line(element, index)
            if line is not None:
                page.lines.append(line)
            element.clear()
        elif tag == "TextStyle":
            ident = element.get("ID")
            if ident:
                page.styles[ident] = _style(dict(element.attrib))
        elif tag == "TextBlock":
            page.block = None
            page.block_styles = ""
            element.clear()
        elif tag == "ComposedBlock":
            if page.zones:
                page.zones.pop()
            element.clear()
    if not seen_root:
        raise ParseError(f"{name} is empty")
    return PageEvidence(lines=tuple(page.lines), number=page.number, label=page.label, source=source)
