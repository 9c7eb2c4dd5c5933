"""Archive issue files: METS (NDNP / Chronicling America, BnL, CCS docWorks, Europeana), the KB's
MPEG-21 DIDL, and an NDNP batch. They say which ALTO file is which page, in print order, the issue's
metadata (MODS or Dublin Core) and, where the archive segmented the issue, its article map.

Each is a small document, read whole but safely (:mod:`.xmlsafe`); the ALTO pages it points at
are streamed by :mod:`.alto`.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import unquote, urlparse

import attrs
from lxml import etree

from ..errors import ParseError
from ..evidence import IssueEvidence, StructureItem
from .sniff import is_issue_file
from .xmlsafe import local, parse_tree

__all__ = ["IssueFile", "PageFile", "batch_issues", "is_issue_file", "read_issue_file"]

_XLINK = "{http://www.w3.org/1999/xlink}href"
_ALTO_USES = {"text", "ocr", "fulltext", "alto"}
#: The media type of PAGE-XML files, as METS files name them (OCR-D, and ours for PAGE-XML pages).
PAGE_XML_MIMETYPE = "application/vnd.prima.page+xml"
#: The media type of hOCR files, as METS files name them (OCR-D's, ours).
HOCR_MIMETYPE = "text/vnd.hocr+html"
#: The media types of the page files a full-text group may hold besides ALTO's ``text/xml``.
_PAGE_MIMETYPES = {PAGE_XML_MIMETYPE, HOCR_MIMETYPE}
#: An OCR-D workspace's file group: ``OCR-D-`` [``GT-``] step [``-`` processor]; a group a processing step.
_OCRD_GROUP = re.compile(r"OCR-D-(?:GT-)?(?P<step>[A-Z]+)(?:-|$)")
#: Which step's PAGE files hold the text to read: corrected text, then recognised text, then any.
_OCRD_STEPS = {"COR": 2, "OCR": 1}
# Item types of METS logical maps and of the KB's DIDL (Dutch subjects).
_ITEM_TYPES = {
    "article": "article",
    "advertisement": "advertisement",
    "artikel": "article",
    "advertentie": "advertisement",
    "notice": "notice",
    "other": "other",
}
_TITLE_TYPES = {"title", "headline", "overline", "subheadline"}
_ROLES = {"headline": "title"}
_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


@attrs.frozen
class PageFile:
    """One page of an issue: its ALTO (or PAGE-XML, hOCR) file, print order number and printed label,
    and the archive's id for it."""

    path: Path
    number: int
    label: str | None = None
    file_id: str | None = None


@attrs.frozen
class IssueFile:
    """What an issue file says: its page files, and the issue's metadata and the archive's article map
    (where present) as evidence with no pages yet."""

    pages: tuple[PageFile, ...]
    kind: str
    issue: IssueEvidence


def _href(value: str, base: Path) -> Path:
    parsed = urlparse(value)
    path = unquote(parsed.path if parsed.scheme in ("file", "") else value)
    if parsed.scheme == "file" and parsed.netloc == ".":  # file://./x is x beside the issue file
        path = "." + path
    resolved = (base / path).resolve()
    if base.resolve() not in resolved.parents and resolved != base.resolve():
        raise ParseError(f"the issue file points outside its folder: {value}")
    return resolved


def _date(text: str | None) -> _dt.date | None:
    match = _DATE.search(text or "")
    if match is None:
        return None
    try:
        return _dt.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def _first(root: etree._Element, name: str, within: Iterable[etree._Element] | None = None) -> str | None:
    for element in within if within is not None else root.iter():
        if local(element.tag) == name and (element.text or "").strip():
            return " ".join(element.text.split())
    return None


def _int(text: str | None) -> int | None:
    digits = re.search(r"\d+", text or "")
    return int(digits.group()) if digits else None


def read_issue_file(path: Path) -> IssueFile:
    """Read a METS or DIDL issue file. Raises :class:`~newsissue.ParseError` when it names no ALTO page."""
    root = parse_tree(path, path.name)
    kind = local(root.tag).lower()
    if kind == "mets":
        return _mets(root, path)
    if kind == "didl":
        return _didl(root, path)
    raise ParseError(f"{path.name} is not a METS or DIDL issue file (its root is <{local(root.tag)}>)")


def _mods_fields(root: etree._Element) -> dict[str, object]:
    issued = next((el for el in root.iter() if local(el.tag) == "dateIssued"), None)
    mods = issued
    while mods is not None and local(mods.tag) != "mods":
        mods = mods.getparent()
    scope = list(mods.iter()) if mods is not None else list(root.iter())
    fields: dict[str, object] = {"date": _date(issued.text if issued is not None else None)}
    fields["title"] = _first(root, "title", scope) or _first(root, "title")
    fields["publisher"] = _first(root, "publisher", scope)
    for element in scope:
        if local(element.tag) == "detail":
            number = _first(element, "number", element.iter())
            if element.get("type") == "issue":
                fields["number"] = _int(number)
        elif local(element.tag) == "partNumber" and "number" not in fields:
            fields["number"] = _int((element.text or "").rpartition(" ")[2])
    return fields


def _ocrd_group(uses: Iterable[str]) -> str | None:
    """The OCR-D file group whose PAGE files to read: the last of the most finished step (OCR-D
    processors add their group after the groups they read), or None if no group is OCR-D's."""
    ranked = [
        (_OCRD_STEPS.get(match["step"], 0), order, use)
        for order, use in enumerate(dict.fromkeys(uses))
        if (match := _OCRD_GROUP.match(use)) is not None
    ]
    return max(ranked)[2] if ranked else None


def _mets(root: etree._Element, path: Path) -> IssueFile:
    base = path.parent
    files: dict[str, Path] = {}
    workspace: dict[str, tuple[str, Path]] = {}  # an OCR-D workspace's PAGE files: id → (group, path)
    for file in root.iter():
        if local(file.tag) != "file":
            continue
        group = file.getparent()
        group_use = (group.get("USE") or "") if group is not None else ""
        uses = {(file.get("USE") or "").lower(), group_use.lower()}
        location = next((el for el in file if local(el.tag) == "FLocat"), None)
        href = location.get(_XLINK) if location is not None else None
        mimetype = file.get("MIMETYPE")
        if href and uses & _ALTO_USES and (mimetype in _PAGE_MIMETYPES or href.lower().endswith(".xml")):
            files[file.get("ID", "")] = _href(href, base)
        elif href and mimetype == PAGE_XML_MIMETYPE and _OCRD_GROUP.match(group_use):
            workspace[file.get("ID", "")] = (group_use, _href(href, base))
    notes: list[tuple[str, str]] = []
    if not files and (chosen := _ocrd_group(use for use, _ in workspace.values())) is not None:
        files = {ident: page for ident, (use, page) in workspace.items() if use == chosen}
        groups = len({use for use, _ in workspace.values()})
        notes.append(("ocrd-file-group", f"an OCR-D workspace: the PAGE files of {chosen} read ({groups} PAGE groups)"))
    maps = [el for el in root if local(el.tag) == "structMap"]
    physical = next((m for m in maps if (m.get("TYPE") or "").upper() == "PHYSICAL"), None)
    physical = (
        physical
        if physical is not None
        else next((m for m in maps if (m.get("TYPE") or "").upper() != "LOGICAL"), None)
    )
    pages: list[PageFile] = []
    if physical is not None:
        dmd = {sec.get("ID"): sec for sec in root if local(sec.tag) == "dmdSec"}
        for div in physical.iter():
            if local(div.tag) != "div":
                continue
            ids = [el.get("FILEID") for el in div.iter() if local(el.tag) in ("fptr", "area") and el.get("FILEID")]
            ids = [ident for ident in ids if ident in files]
            if not ids or any(local(child.tag) == "div" for child in div):
                continue
            number = _int(div.get("ORDER"))
            sec = dmd.get((div.get("DMDID") or "").split(" ")[0])
            if sec is not None and (start := _first(sec, "start", sec.iter())) is not None:
                number = _int(start) or number
            label = div.get("ORDERLABEL") or None
            pages.append(PageFile(files[ids[0]], number or len(pages) + 1, label, ids[0]))
    if not pages:
        raise ParseError(f"{path.name} names no ALTO, PAGE-XML or hOCR page")
    pages = _renumbered(pages)
    by_file = {page.file_id: page.number for page in pages}
    logical = next((m for m in maps if (m.get("TYPE") or "").upper() == "LOGICAL"), None)
    structure = _mets_structure(logical, by_file) if logical is not None else None
    issue = IssueEvidence(pages=(), structure=structure or None, notes=tuple(notes), **_mods_fields(root))  # type: ignore[arg-type]
    return IssueFile(pages=tuple(pages), kind="mets", issue=issue)


def _renumbered(pages: list[PageFile]) -> list[PageFile]:
    """Pages in print order with distinct numbers (the order of the map where numbers repeat)."""
    pages = sorted(pages, key=lambda page: page.number)
    if len({page.number for page in pages}) != len(pages):
        pages = [attrs.evolve(page, number=index) for index, page in enumerate(pages, 1)]
    return pages


def _mets_structure(logical: etree._Element, pages: dict[str | None, int]) -> list[StructureItem]:
    items = []
    for div in logical.iter():
        if local(div.tag) != "div" or (div.get("TYPE") or "").lower() not in _ITEM_TYPES:
            continue
        blocks: list[tuple[int, str]] = []
        roles: list[tuple[tuple[int, str], str]] = []
        for area in div.iter():
            if local(area.tag) != "area" or area.get("FILEID") not in pages or not area.get("BEGIN"):
                continue
            block = (pages[area.get("FILEID")], area.get("BEGIN", ""))
            if block in blocks:
                continue
            blocks.append(block)
            parent = area.getparent()
            while parent is not None and parent is not div:
                role = (parent.get("TYPE") or "").lower()
                if role in _TITLE_TYPES:
                    roles.append((block, _ROLES.get(role, "title")))
                    break
                parent = parent.getparent()
        if blocks:
            kind = _ITEM_TYPES[(div.get("TYPE") or "").lower()]
            items.append(StructureItem(kind=kind, label=div.get("LABEL"), blocks=tuple(blocks), roles=tuple(roles)))
    return items


def _attribute(element: etree._Element, name: str) -> str | None:
    """An attribute by its name in any namespace (DIDL mixes ``dc:``, ``dcx:`` and none)."""
    return next((value for key, value in element.attrib.items() if local(key) == name), None)


def _didl(root: etree._Element, path: Path) -> IssueFile:
    base = path.parent
    pages: list[PageFile] = []
    page_ids: dict[str, int] = {}
    articles: list[tuple[str, str | None, list[tuple[str, str]]]] = []
    for item in root.iter():
        if local(item.tag) != "Item":
            continue
        ident = _attribute(item, "identifier") or ""
        alto = next(
            (
                resource
                for component in item
                if local(component.tag) == "Component" and (_attribute(component, "identifier") or "").endswith(":alto")
                for resource in component
                if local(resource.tag) == "Resource"
            ),
            None,
        )
        if alto is not None:
            name = _attribute(alto, "filename")
            if name:
                number = _int(ident.rpartition(":p")[2]) or len(pages) + 1
                native = _first(item, "nativePageNumber", item.iter())
                pages.append(PageFile(_href(name, base), number, native, ident))
                page_ids[ident] = number
        subject = _first(item, "subject", (el for comp in item if local(comp.tag) == "Component" for el in comp.iter()))
        parts = [el for el in item.iter() if local(el.tag) == "article-part"]
        if parts and subject and subject.lower() in _ITEM_TYPES and not ident.split(":")[-1].startswith("p"):
            blocks = [
                (part.get("pageid", ""), block.get("ID", ""))
                for part in parts
                for block in part.iter()
                if local(block.tag) == "TextBlock" and block.get("ID")
            ]
            articles.append((_ITEM_TYPES[subject.lower()], _first(item, "title", item.iter()), blocks))
    if not pages:
        raise ParseError(f"{path.name} names no ALTO page")
    structure = [
        StructureItem(
            kind=kind,
            label=title,
            blocks=tuple((page_ids[page], block) for page, block in blocks if page in page_ids),
        )
        for kind, title, blocks in articles
    ]
    fields = {
        "title": _first(root, "title"),
        "date": _date(_first(root, "date")),
        "number": _int(_first(root, "issuenumber")),
        "publisher": _first(root, "publisher"),
    }
    issue = IssueEvidence(pages=(), structure=structure or None, **fields)  # type: ignore[arg-type]
    return IssueFile(pages=tuple(_renumbered(pages)), kind="didl", issue=issue)


def batch_issues(path: Path) -> list[Path]:
    """The issue files an NDNP ``batch.xml`` lists, in its order."""
    root = parse_tree(path, path.name)
    if local(root.tag) != "batch":
        raise ParseError(f"{path.name} is not an NDNP batch file")
    issues = [_href((el.text or "").strip(), path.parent) for el in root if local(el.tag) == "issue" and el.text]
    if not issues:
        raise ParseError(f"{path.name} lists no issue")
    return issues
