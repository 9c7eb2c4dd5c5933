"""Cheap looks at the start of a document: is it an ALTO page, a METS or DIDL issue, an NDNP batch?"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from pathlib import Path

__all__ = [
    "is_alto",
    "is_hocr",
    "is_issue_file",
    "is_page_xml",
    "kind_of",
    "layout_files",
    "opens_with",
    "sniff",
    "takes",
]

_HEAD = 2048
_SUFFIXES = {".xml", ".hocr", ".html", ".xhtml", ".htm", ".json"}
# The first character of a document past a byte-order mark and white space.
_OPENING = re.compile(r"\ufeff?\s*(.)", re.DOTALL)


def opens_with(text: str, characters: str) -> bool:
    """Whether ``text`` opens (past a BOM and white space) with one of ``characters``: ``<`` for XML.

    Page text fails this at its first character, so a reader's look at it costs nothing more.
    """
    match = _OPENING.match(text)
    return match is not None and match.group(1) in characters


def is_alto(head: str) -> bool:
    """Whether the start of a document is an ALTO page (any version, namespace or none)."""
    start = head.find("<alto")
    if start < 0:
        start = head.find(":alto ")
    return start >= 0 and "<mets" not in head[:start]


def is_issue_file(head: str) -> str | None:
    """``mets``, ``didl`` or ``batch`` when the start of a document is one of these; else None."""
    if "<alto" in head:
        return None
    if "<mets" in head or ":mets " in head:
        return "mets"
    if "DIDL" in head:
        return "didl"
    if "<batch" in head and "loc.gov/ndnp" in head:
        return "batch"
    return None


def is_hocr(head: str) -> bool:
    """Whether the start of a document is an hOCR page."""
    return "ocr_page" in head or ("ocr-system" in head and "<html" in head.lower())


def is_page_xml(head: str) -> bool:
    """Whether the start of a document is a PAGE-XML page."""
    return "<PcGts" in head or ":PcGts" in head


def kind_of(head: str, suffix: str) -> str | None:
    """What a layout file is from its start and its name's suffix: a page format or an issue file."""
    if suffix == ".json":
        from .pagetools import is_docling, is_mineru

        return "docling" if is_docling(head) else "mineru" if is_mineru(head) else None
    if suffix in (".hocr", ".html", ".xhtml", ".htm"):
        return "hocr" if is_hocr(head) else None
    if suffix != ".xml":
        return None
    if is_alto(head):
        return "alto"
    if is_page_xml(head):
        return "page"
    return is_issue_file(head)


def sniff(path: Path) -> str | None:
    """``alto``, ``page``, ``hocr``, ``mineru``, ``docling`` (pages), ``mets``, ``didl`` or ``batch`` (issue
    files) for a layout file; None for anything else."""
    suffix = path.suffix.lower()
    if suffix not in _SUFFIXES or not path.is_file():
        return None
    try:
        with path.open("rb") as stream:
            head = stream.read(_HEAD).decode("utf-8", "replace")
    except OSError:
        return None
    return kind_of(head, suffix)


def layout_files(folder: Path) -> list[Path]:
    """The files under a folder whose names a layout format may have, in name order."""
    return sorted(path for path in folder.rglob("*") if path.suffix.lower() in _SUFFIXES)


def _holds_text_pages(folder: Path) -> bool:
    """Whether the folder holds page text (``.md``, ``.txt``): one listing, not a glob a suffix."""
    with os.scandir(folder) as entries:
        return any(os.path.splitext(entry.name)[1].lower() in (".md", ".txt") and entry.is_file() for entry in entries)


def takes(paths: Sequence[Path]) -> bool:
    """Whether the paths are layout files (ALTO, hOCR, PAGE-XML, page-tool JSON pages; a METS or DIDL issue;
    an NDNP batch) or folders of them, and nothing else."""
    if not paths:
        return False
    for path in paths:
        if path.is_dir():
            if _holds_text_pages(path):
                return False
            if not any(sniff(child) for child in layout_files(path)):
                return False
        elif sniff(path) is None:
            return False
    return True
