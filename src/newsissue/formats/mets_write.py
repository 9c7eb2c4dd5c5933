"""METS written by lxml: the issue's pages (fileSec, physical structMap) and its stories (logical structMap).

Each story (an item and the parts its jumps join) is one ``ARTICLE`` (``ADVERTISEMENT``,
``NOTICE``, ``OTHER``) div, labelled with its headline, holding a ``TITLE`` div whose areas are
the blocks of its title stack and a ``BODY`` div whose areas are the blocks of its body, each
area naming its ALTO file and ``TextBlock`` (``BEGIN``, ``BETYPE="IDREF"``). The ALTO files are
the pages' sources (``.xml``), relative to where the issue was read: write the METS file there. An
issue read from text has no blocks: its stories are divs with no areas. Valid against METS 1.12.1.
"""

from __future__ import annotations

from lxml import etree
from lxml.builder import ElementMaker

from ..model import Block, Issue, ItemKind, Region, Story
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


def _file_id(number: int) -> str:
    return f"ALTO_{number:04d}"


def _block_regions(blocks: tuple[Block, ...]) -> list[Region]:
    return [region for block in blocks for region in block.regions]


def _areas(regions: list[tuple[int, Region]], files: set[int]) -> etree._Element | None:
    seen: set[tuple[int, str]] = set()
    areas = []
    for page, region in regions:
        number = region.page or page
        if region.block is None or number not in files or (number, region.block) in seen:
            continue
        seen.add((number, region.block))
        areas.append(M.area(FILEID=_file_id(number), BEGIN=region.block, BETYPE="IDREF"))
    if not areas:
        return None
    return M.fptr(M.seq(*areas))


def _story(story: Story, index: int, files: set[int]) -> etree._Element:
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
    files = {page.number for page in issue.pages if _is_alto(page.source)}
    root = M.mets(_mods(issue))
    root.set("TYPE", "Newspaper")
    if issue.title or issue.date:
        root.set("LABEL", " ".join(part for part in (issue.title, issue.date and issue.date.isoformat()) if part))
    if files:
        group = M.fileGrp(ID="ALTOGRP", USE="Text")
        for page in issue.pages:
            if page.number in files:
                group.append(
                    M.file(
                        M.FLocat(**{"LOCTYPE": "URL", f"{{{XLINK}}}href": page.source or ""}),
                        ID=_file_id(page.number),
                        MIMETYPE="text/xml",
                    )
                )
        root.append(M.fileSec(group))
    physical = M.div(TYPE="Newspaper", DMDID="DMD_ISSUE")
    for page in issue.pages:
        div = M.div(
            ID=f"PHYS_{page.number:04d}", TYPE="PAGE", ORDER=str(page.number), ORDERLABEL=page.label or str(page.number)
        )
        if page.number in files:
            div.append(M.fptr(FILEID=_file_id(page.number)))
        physical.append(div)
    root.append(M.structMap(physical, TYPE="PHYSICAL", ID="PHYSICAL"))
    logical = M.div(TYPE="ISSUE", DMDID="DMD_ISSUE", ID="LOG_ISSUE")
    for index, story in enumerate(issue.stories(), 1):
        logical.append(_story(story, index, files))
    root.append(M.structMap(logical, TYPE="LOGICAL", ID="LOGICAL"))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _is_alto(source: str | None) -> bool:
    """Whether a page was read from an ALTO file (the only page files a METS fileSec names here)."""
    return source is not None and source.lower().endswith(".xml")
