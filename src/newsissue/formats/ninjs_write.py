"""IPTC ninjs 3.2 written: the issue as a composite whose associations are its pages, then their articles.

Mapping table: docs/formats.md. Output validates against ninjs-schema_3.2.json with
formats (uri, date-time) checked.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from lxml import etree

from ..model import Issue, ItemKind, Jump, Part, Story
from . import iptc, jsonstream
from .html import HTML, body_elements, plain_text
from .jsonstream import Lazy
from .ninjs import NinjsOptions
from .ninjs_versions import standard, to_version

__all__ = ["ninjs", "pieces"]


def _html(story: Story) -> str:
    elements = [element for part in story.parts for element in body_elements(part.item, HTML)]
    return "".join(etree.tostring(element, encoding="unicode", method="html") for element in elements)


def _jump_ids(direction: str, jump: Jump | None) -> list[dict[str, str]]:
    if jump is None:
        return []
    ids = [{"role": f"{direction}Page", "value": str(jump.page)}]
    if jump.marker:
        ids.append({"role": f"{direction}Marker", "value": jump.marker})
    return ids


def _continuation(story: Story, part: Part, naming: iptc.Naming) -> dict[str, Any]:
    """A later printed part of a story: a partial reference to the story, where the page prints it."""
    first = story.parts[0]
    document: dict[str, Any] = {
        "name": iptc.item_id_at(part.page, part.index),
        "rel": "continuation",
        "uri": naming.guid(iptc.item_id_at(first.page, first.index)),
        "type": "text",
        "representationType": "partial",
    }
    if part.item.headline:
        document["title"] = part.item.headline
    document["altIds"] = [
        {"role": "printPage", "value": str(part.page)},
        *_jump_ids("continuedFrom", part.item.continued_from),
    ]
    return document


def _article(issue: Issue, story: Story, naming: iptc.Naming) -> dict[str, Any]:
    first = story.parts[0]
    item = story.first
    local = iptc.item_id_at(first.page, first.index)
    document: dict[str, Any] = {
        "name": local,
        "rel": "article" if item.kind is ItemKind.ARTICLE else item.kind.value,
        "uri": naming.guid(local),
        "type": "text",
        "representationType": "full",
        "profile": f"newspaper-{item.kind.value}",
        "version": "1",
        "versionCreated": naming.created,
        "contentCreated": naming.created,
        "pubStatus": "usable",
    }
    if naming.copyright_holder:
        document["copyrightHolder"] = naming.copyright_holder
    if naming.copyright_notice:
        document["copyrightNotice"] = naming.copyright_notice
    if issue.locale():
        document["language"] = issue.locale()
    headlines = [
        {"role": role, "value": text}
        for role, text in zip(iptc.HEADLINE_ROLES, (item.kicker, item.headline, item.subheadline), strict=True)
        if text is not None
    ]
    if headlines:
        document["headlines"] = headlines
    if item.headline:
        document["title"] = item.headline
    if item.byline_text:
        document["by"] = item.byline_text
    sources = [
        {"name": byline.name, "role": iptc.CPP_URI + iptc.CPP_ROLES[byline.role][0], "literal": byline.role.value}
        for byline in item.bylines
    ]
    dateline = item.dateline
    if dateline is not None and dateline.agency:
        sources.append({"name": dateline.agency, "role": iptc.CPP_URI + iptc.AGENCY_ROLE})
    if sources:
        document["infoSources"] = sources
    if dateline is not None and dateline.place:
        document["located"] = dateline.place
    if dateline is not None and dateline.text:
        document["descriptions"] = [{"role": "dateline", "value": dateline.text}]
    last = story.parts[-1].item
    document["altIds"] = [
        *({"role": "printPage", "value": str(part.page)} for part in story.parts),
        *_jump_ids("continuedFrom", item.continued_from),
        *_jump_ids("continuedOn", last.continued_on),
    ]
    if story.body:
        text = "\n\n".join(plain_text(part.item) for part in story.parts if part.item.body)
        document["bodies"] = [
            {"role": "main", "contentType": "text/html", "value": _html(story)},
            {"role": "main", "contentType": "text/plain", "value": text},
        ]
    return document


def ninjs(issue: Issue, options: NinjsOptions | None = None) -> dict[str, Any]:
    """The issue as a ninjs composite object (3.2, or the options' version)."""
    return _document(issue, options or NinjsOptions(), whole=True)


def _document(issue: Issue, options: NinjsOptions, *, whole: bool = False) -> dict[str, Any]:
    """The ninjs object; its pages and their articles as Lazy lists (made as written) unless ``whole``."""
    naming = iptc.Naming.of(issue, options)
    printed = iptc.parts_by_page(iptc.exported_stories(issue, options))

    def associations(page_number: int) -> Any:
        def shape(pair: Any) -> dict[str, Any]:
            story, part = pair
            return _article(issue, story, naming) if part is story.parts[0] else _continuation(story, part, naming)

        listed = printed.get(page_number, ())
        return [shape(pair) for pair in listed] if whole else Lazy(listed, shape)

    def page_object(page: Any) -> dict[str, Any]:
        return {
            "name": iptc.page_id(page),
            "rel": "page",
            "uri": naming.guid(f"page:{iptc.page_id(page)}"),
            "type": "composite",
            "title": iptc.page_title(issue, page),
            "altIds": [{"role": "printPage", "value": page.label or str(page.number)}],
            **(
                {"infoSources": [{"name": e.name, "role": iptc.CPP_URI + "editor"} for e in page.editors]}
                if page.editors
                else {}
            ),
            "associations": associations(page.number),
        }

    document: dict[str, Any] = {
        "uri": naming.guid("issue"),
        "standard": standard("3.2"),
        "type": "composite",
        "representationType": "full",
        "profile": "newspaper-issue",
        "version": "1",
        "versionCreated": naming.created,
        "contentCreated": naming.created,
        "pubStatus": "usable",
        "title": iptc.issue_title(issue),
    }
    if issue.locale():
        document["language"] = issue.locale()
    if issue.title:
        document["headlines"] = [{"role": "main", "value": issue.title}]
    if naming.copyright_holder:
        document["copyrightHolder"] = naming.copyright_holder
    alt_ids = [
        {"role": role, "value": str(value)}
        for role, value in (("issueNumber", issue.number), ("cnSerial", issue.serial_number), ("issn", issue.issn))
        if value is not None
    ]
    if alt_ids:
        document["altIds"] = alt_ids
    if naming.provider_name:
        document["infoSources"] = [{"name": naming.provider_name, "role": iptc.CPP_URI + "distributor"}]
    document["associations"] = [page_object(page) for page in issue.pages] if whole else Lazy(issue.pages, page_object)
    return to_version(document, options.version)


def pieces(issue: Issue, options: NinjsOptions) -> Iterator[str]:
    """The document's JSON text in pieces, page by page: a large issue is never one tree in memory."""
    return jsonstream.pieces(_document(issue, options), indent=options.indent)


def text(issue: Issue, options: NinjsOptions) -> str:
    """The document's JSON text at once (the bytes :func:`pieces` gives)."""
    return jsonstream.whole(_document(issue, options), indent=options.indent)
