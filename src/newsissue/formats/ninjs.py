"""IPTC ninjs 3.1: the issue as a composite whose associations are its pages, then their articles.

Mapping table: docs/formats.md. Output validates against ninjs-schema_3.1.json with
formats (uri, date-time) checked.
"""

from __future__ import annotations

import json
from typing import Any

import attrs
from lxml import etree

from ..hookspecs import hookimpl
from ..interfaces import Exporter
from ..model import Article, Issue, ItemKind, Page
from . import iptc
from .html import HTML, body_elements, plain_text

__all__ = ["NinjsExporter", "NinjsOptions", "ninjs"]

STANDARD = {"name": "ninjs", "version": "3.1", "schema": "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#"}


@attrs.frozen(kw_only=True)
class NinjsOptions(iptc.IptcOptions):
    """Options of the ninjs exporter (see :class:`~newsissue.formats.iptc.IptcOptions`)."""

    indent: int | None = 1


def _html(item: Article) -> str:
    return "".join(etree.tostring(element, encoding="unicode", method="html") for element in body_elements(item, HTML))


def _article(issue: Issue, page: Page, index: int, item: Article, naming: iptc.Naming) -> dict[str, Any]:
    local = iptc.item_id(page, index)
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
    alt_ids = [{"role": "printPage", "value": str(page.number)}]
    for direction, jump in (("continuedFrom", item.continued_from), ("continuedOn", item.continued_on)):
        if jump is not None:
            alt_ids.append({"role": f"{direction}Page", "value": str(jump.page)})
            if jump.marker:
                alt_ids.append({"role": f"{direction}Marker", "value": jump.marker})
    document["altIds"] = alt_ids
    if item.body:
        document["bodies"] = [
            {"role": "main", "contentType": "text/html", "value": _html(item)},
            {"role": "main", "contentType": "text/plain", "value": plain_text(item)},
        ]
    return document


def ninjs(issue: Issue, options: NinjsOptions | None = None) -> dict[str, Any]:
    """The issue as a ninjs 3.1 composite object."""
    options = options or NinjsOptions()
    naming = iptc.Naming.of(issue, options)
    pages = []
    for page in issue.pages:
        pages.append(
            {
                "name": iptc.page_id(page),
                "rel": "page",
                "uri": naming.guid(f"page:{iptc.page_id(page)}"),
                "type": "composite",
                "title": iptc.page_title(issue, page),
                "altIds": [{"role": "printPage", "value": str(page.number)}],
                "associations": [
                    _article(issue, page, index, item, naming) for index, item in iptc.exported_items(page, options)
                ],
            }
        )
    document: dict[str, Any] = {
        "uri": naming.guid("issue"),
        "standard": STANDARD,
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
    document["associations"] = pages
    return document


class NinjsExporter(Exporter):
    """IPTC ninjs 3.1 JSON."""

    name = "ninjs"
    media_type = "application/ninjs+json"
    suffix = ".json"
    description = "IPTC ninjs 3.1: the issue as a composite of pages and articles"
    Options = NinjsOptions

    def render(self, issue: Issue, options: NinjsOptions) -> bytes:
        text = json.dumps(ninjs(issue, options), ensure_ascii=False, indent=options.indent)
        return (text + "\n").encode("utf-8")


@hookimpl
def newsissue_exporters() -> tuple[Exporter, ...]:
    """The ninjs exporter."""
    return (NinjsExporter(),)
