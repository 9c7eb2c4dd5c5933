"""The PAGE-XML reader (Transkribus, eScriptorium, OCR-D; the 2013 and 2019 schemas): a page to evidence.

What is read: each ``TextLine`` with its text (``TextEquiv/Unicode`` of the line, or its words'),
its box (from ``Coords/@points``, or the 2010 schema's ``Point`` children), its ``TextStyle``
(font size, bold), the ``TextRegion`` around it as its block, and the region's ``type`` as the
line's zone (``heading``, ``caption``, ``header``, ``footer``, ``page-number``, ``paragraph`` …).
Where the page has a ``ReadingOrder`` (ordered groups by ``index``, unordered ones as listed,
nested), its regions' lines come in that order and the page says so (``PageEvidence.ordered``):
the segmenter takes the order the layout tool or its user recorded. An ``ImageRegion`` with
coordinates is a picture line, as an ALTO ``Illustration`` is: kind ``IMAGE``, no text, its box, its
id as block and reference, the zone ``illustration``. The file is streamed.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from ..errors import ParseError
from ..evidence import Line, LineKind, PageEvidence, picture_line, printable
from .xmlsafe import events, local

__all__ = ["read_page_xml"]

# Enum members looked up once: on Python 3.11 an enum attribute lookup costs many times a global's.
_TEXT = LineKind.TEXT

_ZONES = {"heading": "heading", "caption": "caption", "header": "header", "footer": "footer",
          "page-number": "page-number", "catch-word": "header", "signature-mark": "header"}  # fmt: skip


def _box(element: object) -> tuple[int, int, int, int] | None:
    xs: list[int] = []
    ys: list[int] = []
    for child in element:  # type: ignore[attr-defined]
        if local(child.tag) != "Coords":
            continue
        points = child.get("points")
        if points:
            for pair in points.split():
                x, _, y = pair.partition(",")
                try:
                    xs.append(round(float(x)))
                    ys.append(round(float(y)))
                except ValueError:
                    return None
        else:  # the 2010 schema: <Point x= y=/>
            for point in child:
                try:
                    xs.append(round(float(point.get("x", ""))))
                    ys.append(round(float(point.get("y", ""))))
                except ValueError:
                    return None
    return (min(xs), min(ys), max(xs), max(ys)) if xs else None


def _unicode(element: object) -> str | None:
    for child in element:  # type: ignore[attr-defined]
        if local(child.tag) == "TextEquiv":
            for inner in child:
                if local(inner.tag) == "Unicode":
                    return inner.text or ""
    return None


def _reading_order(element: object) -> list[str]:
    """The region ids of a ``ReadingOrder`` in order: an ordered group's members by ``index``."""
    order: list[str] = []

    def walk(group: object) -> None:
        members = [child for child in group if isinstance(child.tag, str)]  # type: ignore[attr-defined]
        if local(group.tag).startswith("OrderedGroup"):  # type: ignore[attr-defined]
            members.sort(key=_index)
        for member in members:
            name = local(member.tag)
            if name.startswith("RegionRef") and member.get("regionRef"):
                order.append(member.get("regionRef"))
            if "Group" in name:
                if member.get("regionRef"):  # a group stands where its region does, its members after
                    order.append(member.get("regionRef"))
                walk(member)

    walk(element)
    return order


def _index(element: object) -> int:
    try:
        return int(element.get("index", ""))  # type: ignore[attr-defined]
    except ValueError:
        return 0


def read_page_xml(data: bytes | Path, *, source: str | None = None) -> PageEvidence:
    """The evidence of one PAGE-XML page."""
    name = source or "PAGE-XML page"
    lines: list[Line] = []
    rules: list[tuple[int, int, int, int]] = []
    regions: list[tuple[str | None, str | None]] = []
    order: list[str] = []
    seen_root = False
    index = 0
    for event, element in events(data, name):
        tag = local(element.tag)
        if not seen_root:
            if tag != "PcGts":
                raise ParseError(f"{name} is not a PAGE-XML document (its root is <{tag}>)")
            seen_root = True
            continue
        if event == "start":
            if tag == "TextRegion":
                regions.append((element.get("id"), _ZONES.get((element.get("type") or "").lower())))
            continue
        if tag == "ReadingOrder":
            order = _reading_order(element)
            element.clear()
        elif tag == "TextRegion":
            if regions:
                regions.pop()
            element.clear()
        elif tag == "SeparatorRegion":
            if (box := _box(element)) is not None:
                rules.append(box)
            element.clear()
        elif tag == "ImageRegion":
            index += 1
            ident = element.get("id") or f"picture-{index}"
            if (box := _box(element)) is not None:
                lines.append(picture_line(index, box, ident))
            element.clear()
        elif tag == "TextLine":
            index += 1
            text = _unicode(element)
            if not text:
                words = [_unicode(word) or "" for word in element if local(word.tag) == "Word"]
                text = " ".join(word for word in words if word)
            text = " ".join(text.split())
            size, bold = None, None
            for child in element.iter():
                if local(child.tag) == "TextStyle":
                    with contextlib.suppress(ValueError):
                        size = float(child.get("fontSize", "")) if child.get("fontSize") else size
                    bold = bold or child.get("bold") == "true"
            text = printable(text)
            if text:
                block, zone = regions[-1] if regions else (None, None)
                lines.append(
                    Line(
                        _TEXT,
                        text,
                        index,
                        size=size,
                        bold=bold,
                        box=_box(element),
                        block=block,
                        ref=element.get("id"),
                        zone=zone,
                    )
                )
            element.clear()
    if not seen_root:
        raise ParseError(f"{name} is empty")
    if order:
        rank = {region: place for place, region in enumerate(dict.fromkeys(order))}
        # Regions the order leaves out follow it, as the file lists them.
        lines.sort(key=lambda line: rank.get(line.block or "", len(rank)))
    return PageEvidence(lines=tuple(lines), source=source, format="page-xml", ordered=bool(order), rules=tuple(rules))
