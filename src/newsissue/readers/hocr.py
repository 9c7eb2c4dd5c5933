"""The hOCR reader (Tesseract, Kraken, OCRopus): an hOCR page to page evidence.

What is read: each ``ocr_line`` (and ``ocrx_line``, ``ocr_header``, ``ocr_caption``,
``ocr_textfloat``) with its ``bbox`` and ``x_size``, its words' ``x_wconf`` and ``x_fsize``, bold
words (``<strong>``/``<b>`` or a bold ``x_font``), the id of its paragraph (``ocr_par``) or, failing
that, of its area (``ocr_carea``) as its block, and the page's ``ppageno``. A header or caption
line class becomes the line's zone. A picture (``ocr_photo``, ``ocr_image``, ``ocr_linedrawing``,
with a ``bbox``) is a picture line, as an ALTO ``Illustration`` is: kind ``IMAGE``, no text, its box,
its id as block and reference, the zone ``illustration``. The file is streamed (XHTML, or HTML
when it is not XML).
"""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import ParseError
from ..evidence import Line, LineKind, PageEvidence, picture_line, printable
from .xmlsafe import events, local

__all__ = ["read_hocr"]

# Enum members looked up once: on Python 3.11 an enum attribute lookup costs many times a global's.
_TEXT = LineKind.TEXT

_LINE_CLASSES = {"ocr_line": None, "ocrx_line": None, "ocr_header": "heading", "ocr_caption": "caption",
                 "ocr_textfloat": None}  # fmt: skip
_PICTURE_CLASSES = frozenset({"ocr_photo", "ocr_image", "ocr_linedrawing"})
_BBOX = re.compile(r"bbox\s+(-?\d+)\s+(-?\d+)\s+(-?\d+)\s+(-?\d+)")
_PROPERTY = re.compile(r"(x_size|x_fsize|x_wconf|ppageno|x_font)\s+([^;]+)")


def _properties(title: str | None) -> tuple[tuple[int, int, int, int] | None, dict[str, str]]:
    if not title:
        return None, {}
    box = _BBOX.search(title)
    found = {name: value.strip() for name, value in _PROPERTY.findall(title)}
    return (tuple(int(v) for v in box.groups()) if box else None), found  # type: ignore[return-value]


def _float(value: str | None) -> float | None:
    try:
        return float(value) if value else None
    except ValueError:
        return None


def _classes(element: object) -> set[str]:
    return set((element.get("class") or "").split())  # type: ignore[attr-defined]


def read_hocr(data: bytes | Path, *, source: str | None = None) -> PageEvidence:
    """The evidence of one hOCR page (the first ``ocr_page`` and what follows it)."""
    name = source or "hOCR page"
    lines: list[Line] = []
    rules: list[tuple[int, int, int, int]] = []
    blocks: list[str | None] = []
    number: int | None = None
    seen_page = False
    index = 0
    for event, element in events(data, name, html=True):
        classes = _classes(element)
        if event == "start":
            if "ocr_page" in classes:
                if seen_page:
                    break  # one page a file: a second ocr_page is another page's
                seen_page = True
                _, props = _properties(element.get("title"))
                digits = re.match(r"\d+", props.get("ppageno", ""))
                number = int(digits.group()) + 1 if digits else None
            if classes & {"ocr_par", "ocr_carea"}:
                blocks.append(element.get("id") or None)
            continue
        if classes & {"ocr_par", "ocr_carea"}:
            if blocks:
                blocks.pop()
            continue
        if "ocr_separator" in classes:
            box, _ = _properties(element.get("title"))
            if box is not None:
                rules.append(box)
            continue
        if classes & _PICTURE_CLASSES:
            index += 1
            box, _ = _properties(element.get("title"))
            ident = element.get("id") or f"picture-{index}"
            if box is not None:
                lines.append(picture_line(index, box, ident))
            continue
        line_class = next((c for c in classes if c in _LINE_CLASSES), None)
        if line_class is None:
            continue
        index += 1
        box, props = _properties(element.get("title"))
        words, confidences, sizes, bold = [], [], [], 0
        for word in element.iter():
            if "ocrx_word" not in _classes(word):
                continue
            text = " ".join("".join(word.itertext()).split())
            if not text:
                continue
            words.append(text)
            _, wprops = _properties(word.get("title"))
            if (confidence := _float(wprops.get("x_wconf"))) is not None:
                confidences.append(max(0.0, min(1.0, confidence / 100)))
            if (size := _float(wprops.get("x_fsize"))) is not None:
                sizes.append(size)
            heavy = any(local(child.tag).lower() in ("strong", "b") for child in word.iter()) or "bold" in (
                wprops.get("x_font", "").lower()
            )
            bold += len(text) if heavy else -len(text)
        if not words:
            text = " ".join("".join(element.itertext()).split())
            words = [text] if text else []
        text = " ".join(words)
        ref = element.get("id") or None
        element.clear()
        text = printable(text)
        if not text:
            continue
        size = max(sizes) if sizes else _float(props.get("x_size"))
        lines.append(
            Line(
                _TEXT,
                text,
                index,
                size=size,
                bold=bold > 0,
                box=box,
                block=next((block for block in reversed(blocks) if block), None),
                ref=ref,
                zone=_LINE_CLASSES[line_class],
                confidence=round(sum(confidences) / len(confidences), 3) if confidences else None,
            )
        )
    if not seen_page:
        raise ParseError(f"{name} is not an hOCR page (no ocr_page)")
    return PageEvidence(lines=tuple(lines), number=number, source=source, format="hocr", rules=tuple(rules))
