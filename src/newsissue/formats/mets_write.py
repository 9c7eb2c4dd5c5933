"""METS written by lxml: the issue's pages (fileSec, physical structMap) and its stories (logical structMap).

Each story (an item and the parts its jumps join) is one ``ARTICLE`` (``ADVERTISEMENT``,
``NOTICE``, ``OTHER``) div, labelled with its headline, holding a ``TITLE`` div whose areas are
the blocks of its title stack and a ``BODY`` div whose areas are the blocks of its body, each
area naming its page file and block (``BEGIN``, ``BETYPE="IDREF"``): an ALTO ``TextBlock``, a
PAGE-XML ``TextRegion`` (the METS of OCR-D's workspaces) or an hOCR ``ocr_par``. The page files are
the pages' sources, relative to where the issue was read: write the METS file there. Pages of other
sources (page text, page-tool JSON) are in the physical map with no file, and an issue read from
text has no blocks: its stories are divs with no areas. Valid against METS 1.12.1.
"""

from __future__ import annotations

import attrs
from lxml import etree
from lxml.builder import ElementMaker

from ..model import Block, Issue, ItemKind, Page, Region, Story
from ..readers.mets import HOCR_MIMETYPE, PAGE_XML_MIMETYPE
from .mets import METS

__all__ = ["mets"]

MODS = "http://www.loc.gov/mods/v3"
XLINK = "http://www.w3.org/1999/xlink"
M = ElementMaker(namespace=METS, nsmap={"mets": METS, "mods": MODS, "xlink": XLINK})
O = ElementMaker(namespace=MODS, nsmap={"mods": MODS})  # noqa: E741 (O for mOds, as M for Mets)
_TYPES = {
    ItemKind.ARTICLE: "ARTICLE",
    ItemKind.ADVERTISEMENT: "ADVERTISEMENT",
    ItemKind.NOTICE: "NOTICE",
    ItemKind.OTHER: "OTHER",
}


def _mods(issue: Issue) -> etree._Element:
    mods = O.mods()
    if issue.title:
        mods.append(O.titleInfo(O.title(issue.title)))
    if issue.date:
        mods.append(O.originInfo(O.dateIssued(issue.date.isoformat(), encoding="iso8601", keyDate="yes")))
    if issue.number:
        mods.append(O.part(O.detail(O.number(str(issue.number)), type="issue")))
    if issue.language:
        mods.append(O.language(O.languageTerm(issue.language, type="code", authority="rfc5646")))
    return M.dmdSec(M.mdWrap(M.xmlData(mods), MDTYPE="MODS", MIMETYPE="text/xml"), ID="DMD_ISSUE")


@attrs.frozen
class _FileKind:
    """How the METS file section lists a kind of page file."""

    group: str
    use: str
    prefix: str
    mimetype: str


#: The page files a METS names, by the input format that read them (``Page.source_format``).
_KINDS = {
    "alto": _FileKind(group="ALTOGRP", use="Text", prefix="ALTO", mimetype="text/xml"),
    "page-xml": _FileKind(group="PAGEGRP", use="FULLTEXT", prefix="PAGE", mimetype=PAGE_XML_MIMETYPE),
    "hocr": _FileKind(group="HOCRGRP", use="FULLTEXT", prefix="HOCR", mimetype=HOCR_MIMETYPE),
}


def _kind(page: Page) -> _FileKind | None:
    """How the page's source is listed; None if it is no file a METS names. An ``.xml`` source of
    unknown format (JSON written before pages recorded their format) is taken for ALTO."""
    if page.source is None:
        return None
    if page.source_format is None and page.source.lower().endswith(".xml"):
        return _KINDS["alto"]
    return _KINDS.get(page.source_format or "")


def _file_id(kind: _FileKind, number: int) -> str:
    return f"{kind.prefix}_{number:04d}"


def _block_regions(blocks: tuple[Block, ...]) -> list[Region]:
    return [region for block in blocks for region in block.regions]


def _areas(regions: list[tuple[int, Region]], files: dict[int, str]) -> etree._Element | None:
    seen: set[tuple[int, str]] = set()
    areas = []
    for page, region in regions:
        number = region.page or page
        if region.block is None or number not in files or (number, region.block) in seen:
            continue
        seen.add((number, region.block))
        areas.append(M.area(FILEID=files[number], BEGIN=region.block, BETYPE="IDREF"))
    if not areas:
        return None
    return M.fptr(M.seq(*areas))


def _story(story: Story, index: int, files: dict[int, str]) -> etree._Element:
    first = story.first
    div = M.div(ID=f"LOG_{index:04d}", TYPE=_TYPES[first.kind])
    label = " ".join(part for part in (first.kicker, first.headline, first.subheadline) if part)
    if label:
        div.set("LABEL", label)
    head = [(part.page, region) for part in story.parts for region in part.item.regions]
    body = [(part.page, region) for part in story.parts for region in _block_regions(part.item.body)]
    for kind, regions in (("TITLE", head), ("BODY", body)):
        pointer = _areas(regions, files)
        if pointer is not None:
            div.append(M.div(pointer, ID=f"LOG_{index:04d}_{kind}", TYPE=kind))
    return div


def mets(issue: Issue) -> bytes:
    """The issue as a METS document (UTF-8 bytes)."""
    kinds = {page.number: kind for page in issue.pages if (kind := _kind(page)) is not None}
    files = {number: _file_id(kind, number) for number, kind in kinds.items()}
    root = M.mets(_mods(issue))
    root.set("TYPE", "Newspaper")
    if issue.title or issue.date:
        root.set("LABEL", " ".join(part for part in (issue.title, issue.date and issue.date.isoformat()) if part))
    if files:
        section = M.fileSec()
        for kind in _KINDS.values():
            group = M.fileGrp(ID=kind.group, USE=kind.use)
            for page in issue.pages:
                if kinds.get(page.number) is kind:
                    group.append(
                        M.file(
                            M.FLocat(**{"LOCTYPE": "URL", f"{{{XLINK}}}href": page.source or ""}),
                            ID=files[page.number],
                            MIMETYPE=kind.mimetype,
                        )
                    )
            if len(group):
                section.append(group)
        root.append(section)
    physical = M.div(TYPE="Newspaper", DMDID="DMD_ISSUE")
    for page in issue.pages:
        div = M.div(
            ID=f"PHYS_{page.number:04d}", TYPE="PAGE", ORDER=str(page.number), ORDERLABEL=page.label or str(page.number)
        )
        if page.number in files:
            div.append(M.fptr(FILEID=files[page.number]))
        physical.append(div)
    root.append(M.structMap(physical, TYPE="PHYSICAL", ID="PHYSICAL"))
    logical = M.div(TYPE="ISSUE", DMDID="DMD_ISSUE", ID="LOG_ISSUE")
    for index, story in enumerate(issue.stories(), 1):
        logical.append(_story(story, index, files))
    root.append(M.structMap(logical, TYPE="LOGICAL", ID="LOGICAL"))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
