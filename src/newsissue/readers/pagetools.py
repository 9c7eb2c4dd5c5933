"""The JSON of page-to-Markdown tools: MinerU's ``content_list.json`` and docling's ``DoclingDocument``.

Both give blocks in reading order, each with its page, its box and what the tool took it for. Each
text block becomes one line of evidence (a block's text is one paragraph or heading): MinerU's
``text_level`` and docling's ``section_header`` / ``title`` are headings (their level kept as the
markup's hint), a caption or a page header / footer is the line's zone, and the box is in the
page's top-left coordinates (docling's bottom-left boxes are turned over). Pictures and tables
keep their captions as text.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from ..errors import ParseError
from ..evidence import IssueEvidence, Line, LineKind, PageEvidence, printable
from .sniff import opens_with

__all__ = ["is_docling", "is_mineru", "read_docling", "read_mineru"]

_MINERU_TYPES = {"text", "image", "table", "equation", "list", "header", "footer", "page_number"}
_DOCLING_ZONES = {"caption": "caption", "page_header": "header", "page_footer": "footer", "footnote": "caption"}
_DOCLING_HEADINGS = {"title": 1, "section_header": 2}


def is_mineru(head: str) -> bool:
    """Whether a document starts like MinerU's content list (a JSON array of typed blocks with page_idx)."""
    return opens_with(head, "[") and '"page_idx"' in head and '"type"' in head


def is_docling(head: str) -> bool:
    """Whether a document starts like a DoclingDocument."""
    return '"schema_name"' in head and "DoclingDocument" in head


def _load(text: str, name: str) -> Any:
    try:
        return json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise ParseError(f"{name} is not JSON: {exc}") from None


def _box(value: Any) -> tuple[int, int, int, int] | None:
    if isinstance(value, list | tuple) and len(value) == 4 and all(isinstance(v, int | float) for v in value):
        left, top, right, bottom = (round(v) for v in value)
        return (min(left, right), min(top, bottom), max(left, right), max(top, bottom))
    return None


def _clean(text: Any) -> str:
    return printable(" ".join(text.split())) if isinstance(text, str) else ""


def _pages(found: dict[int, list[Line]], source: str | None, format: str) -> tuple[PageEvidence, ...]:
    if not any(found.values()):
        raise ParseError(f"{source or 'input'} holds no text")
    return tuple(
        PageEvidence(lines=tuple(lines), number=number, source=source, format=format)
        for number, lines in sorted(found.items())
    )


def read_mineru(text: str, *, source: str | None = None) -> IssueEvidence:
    """The evidence of a MinerU ``content_list.json``: its blocks page by page, in the tool's order."""
    name = source or "MinerU content list"
    data = _load(text, name)
    if not isinstance(data, list) or not all(isinstance(entry, dict) for entry in data):
        raise ParseError(f"{name} is not a MinerU content list (an array of blocks)")
    found: dict[int, list[Line]] = {}
    for index, entry in enumerate(data, 1):
        kind, page = entry.get("type"), entry.get("page_idx", 0)
        if kind not in _MINERU_TYPES or not isinstance(page, int) or page < 0:
            raise ParseError(f"{name}: block {index} is not a MinerU block (type {kind!r}, page_idx {page!r})")
        pieces: Iterable[Any]
        if kind in ("image", "table"):
            pieces = [*(entry.get(f"{kind}_caption") or []), *(entry.get(f"{kind}_footnote") or [])]
            zone = "caption"
        elif kind == "list":
            pieces = entry.get("list_items") or []
            zone = None
        else:
            pieces = [entry.get("text")]
            zone = {"header": "header", "footer": "footer", "page_number": "page-number"}.get(kind)
        level = entry.get("text_level") if isinstance(entry.get("text_level"), int) else None
        for piece in pieces:
            clean = _clean(piece)
            if not clean:
                continue
            lines = found.setdefault(page + 1, [])
            lines.append(
                Line(
                    LineKind.HEADING if level else LineKind.TEXT,
                    clean,
                    len(lines) + 1,
                    level=min(max(level, 1), 6) if level else None,
                    box=_box(entry.get("bbox")),
                    block=f"b{index}",
                    zone=zone,
                )
            )
    return IssueEvidence(pages=_pages(found, source, "mineru"), source=source)


def read_docling(text: str, *, source: str | None = None) -> IssueEvidence:
    """The evidence of a DoclingDocument: its text items in the body's reading order, page by page."""
    name = source or "DoclingDocument"
    data = _load(text, name)
    if not isinstance(data, dict) or data.get("schema_name") != "DoclingDocument":
        raise ParseError(f"{name} is not a DoclingDocument")
    items: dict[str, dict[str, Any]] = {}
    for group in ("texts", "pictures", "tables", "groups"):
        for entry in data.get(group) or []:
            if isinstance(entry, dict) and isinstance(entry.get("self_ref"), str):
                items[entry["self_ref"]] = entry
    heights = {}
    for key, page in (data.get("pages") or {}).items():
        size = page.get("size") if isinstance(page, dict) else None
        if isinstance(size, dict) and isinstance(size.get("height"), int | float):
            heights[str(key)] = float(size["height"])
    found: dict[int, list[Line]] = {}
    seen: set[str] = set()

    def walk(node: Any, depth: int = 0) -> None:
        if depth > 64 or not isinstance(node, dict):
            return
        for child in node.get("children") or []:
            ref = child.get("$ref") if isinstance(child, dict) else None
            if not isinstance(ref, str) or ref in seen or ref not in items:
                continue
            seen.add(ref)
            entry = items[ref]
            add(entry, ref)
            walk(entry, depth + 1)

    def add(entry: dict[str, Any], ref: str) -> None:
        label = entry.get("label")
        pieces = [entry.get("text")]
        if ref.startswith(("#/pictures/", "#/tables/")):
            pieces = [
                items.get(c.get("$ref"), {}).get("text") for c in entry.get("captions") or [] if isinstance(c, dict)
            ]
        prov = (entry.get("prov") or [{}])[0]
        page = prov.get("page_no", 1) if isinstance(prov, dict) else 1
        if not isinstance(page, int) or page < 1:
            raise ParseError(f"{name}: {ref} is on page {page!r}")
        box = None
        bbox = prov.get("bbox") if isinstance(prov, dict) else None
        if isinstance(bbox, dict) and all(isinstance(bbox.get(k), int | float) for k in "ltrb"):
            left, top, right, bottom = (float(bbox[k]) for k in "ltrb")
            if bbox.get("coord_origin", "TOPLEFT") == "BOTTOMLEFT" and str(page) in heights:
                top, bottom = heights[str(page)] - top, heights[str(page)] - bottom
            box = _box([left, top, right, bottom])
        level = _DOCLING_HEADINGS.get(label)
        if label == "section_header" and isinstance(entry.get("level"), int):
            level = min(max(entry["level"] + 1, 1), 6)
        for piece in pieces:
            clean = _clean(piece)
            if clean:
                lines = found.setdefault(page, [])
                lines.append(
                    Line(
                        LineKind.HEADING if level else LineKind.TEXT,
                        clean,
                        len(lines) + 1,
                        level=level,
                        box=box,
                        block=ref,
                        ref=ref,
                        zone=_DOCLING_ZONES.get(label),
                    )
                )

    walk(data.get("body") or {})
    return IssueEvidence(pages=_pages(found, source, "docling"), source=source)
