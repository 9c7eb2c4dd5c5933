"""NewsML-G2 written by lxml: the issue as one newsMessage (a packageItem and a newsItem per article).

Mapping tables: docs/formats.md. Every document validates against the 2.35 and 2.36 XSDs
and declares every QCode alias it uses (IPTC catalog v41 or the inline catalog).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from lxml import etree
from lxml.builder import ElementMaker

from ..model import Article, Issue, ItemKind, Page, Paragraph, Story
from . import iptc
from .html import XHTML, body_elements
from .newsml import NAR, NewsMLOptions

__all__ = ["newsml", "pieces"]

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
CATALOG = "http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_41.xml"
NEWSITEM_TYPE = "application/vnd.iptc.g2.newsitem+xml"
N = ElementMaker(namespace=NAR, nsmap={None: NAR})
X = ElementMaker(namespace=XHTML, nsmap={None: XHTML})


def _item_attributes(guid: str, lang: str | None) -> dict[str, str]:
    attributes = {
        "guid": guid,
        "version": "1",
        "standard": "NewsML-G2",
        "standardversion": "2.36",
        "conformance": "power",
    }
    if lang:
        attributes[XML_LANG] = lang
    return attributes


def _catalogs(*aliases: str) -> list[etree._Element]:
    catalog = N.catalog(*(N.scheme(alias=alias, uri=iptc.SCHEMES[alias]) for alias in aliases))
    return [N.catalogRef(href=CATALOG), catalog]


def _rights(naming: iptc.Naming) -> list[etree._Element]:
    if naming.copyright_holder is None:
        return []
    info = N.rightsInfo(N.copyrightHolder(N.name(naming.copyright_holder)))
    if naming.copyright_notice:
        info.append(N.copyrightNotice(naming.copyright_notice))
    return [info]


def _provider(naming: iptc.Naming) -> etree._Element:
    provider = N.provider(N.name(naming.provider_name)) if naming.provider_name else N.provider(literal=naming.provider)
    if naming.provider_uri:
        provider.set("uri", naming.provider_uri)
    return provider


def _item_meta(naming: iptc.Naming, item_class: str) -> etree._Element:
    """An itemMeta's fixed start: class, provider, version and first creation, status."""
    return N.itemMeta(
        N.itemClass(qcode=item_class),
        _provider(naming),
        N.versionCreated(naming.created),
        N.firstCreated(naming.created),
        N.pubStatus(qcode="stat:usable"),
    )


def _prop(tag: str, rel: str, value: object) -> etree._Element:
    return getattr(N, tag)(rel=f"niprop:{rel}", value=str(value))


def _title_of(item: Article) -> str | None:
    if item.headline:
        return item.headline
    first = next((block for block in item.body if hasattr(block, "text")), None)
    return first.text[:60] if first is not None and first.text else None


def _description(
    item: Article, lang: str | None, created: str | None, section: str | None = None
) -> list[etree._Element]:
    """What contentMeta and partMeta share: people, place, language, subject, slugline, headlines, dateline, byline.

    The main headline comes first (readers that take the first ``headline`` take it), then the kicker
    and the subheadline, each with its role.
    """
    parts: list[etree._Element] = [N.contentCreated(created)] if created is not None else []
    dateline = item.dateline
    if dateline is not None and dateline.place:
        parts.append(N.located(N.name(dateline.place)))
    if dateline is not None and dateline.agency:
        parts.append(N.infoSource(N.name(dateline.agency), role=f"cpprole:{iptc.AGENCY_ROLE}"))
    people = sorted(item.bylines, key=lambda byline: not iptc.CPP_ROLES[byline.role][1])
    for byline in people:
        role, creates = iptc.CPP_ROLES[byline.role]
        tag = N.creator if creates else N.contributor
        parts.append(tag(N.name(byline.name), role=f"cpprole:{role}", jobtitle=f"nijob:{byline.role.value}"))
    if lang:
        parts.append(N.language({"tag": lang}))
    if section is not None:
        parts.append(N.subject(N.name(section), type="cpnat:abstract", literal=section))
    if (slug := iptc.slugline(item)) is not None:
        parts.append(N.slugline(slug))
    headlines = {"kicker": item.kicker, "main": item.headline, "subhead": item.subheadline}
    for role in iptc.HEADLINE_ORDER:
        if (text := headlines[role]) is not None:
            parts.append(N.headline(text, role=f"nihl:{role}"))
    if dateline is not None and dateline.text is not None:
        parts.append(N.dateline(dateline.text))
    if item.byline_text is not None:
        parts.append(N.by(item.byline_text))
    return parts


def _properties(tag: str, item: Article, page: int) -> list[etree._Element]:
    """The item's print page, kind, dateline date and jumps as extension properties."""
    props = [_prop(tag, "printPage", page)]
    if item.kind is not ItemKind.ARTICLE:
        props.append(_prop(tag, "itemKind", item.kind.value))
    if item.dateline is not None:
        props.append(_prop(tag, "dateline", "present"))
        if item.dateline.date is not None:
            props.append(_prop(tag, "datelineDate", item.dateline.date.isoformat()))
    for direction, jump in (("continuedFrom", item.continued_from), ("continuedOn", item.continued_on)):
        if jump is not None:
            props.append(_prop(tag, f"{direction}Page", jump.page))
            if jump.marker is not None:
                props.append(_prop(tag, f"{direction}Marker", jump.marker))
            if jump.text is not None:
                props.append(_prop(tag, f"{direction}Text", jump.text))
    return props


def _news_item(issue: Issue, story: Story, naming: iptc.Naming, pages: dict[int, Page]) -> etree._Element:
    """One newsItem per story; a story printed in parts has a partMeta per part.

    The body is one run of text-only XHTML 1.0 blocks, the parts one after another, each later part
    opened by a ``p.part-page`` line naming its page: readers that copy the body's top-level elements
    get all of it.
    """
    lang = issue.locale()
    first = story.parts[0]
    local = iptc.item_id_at(first.page, first.index)
    meta = _item_meta(naming, "ninat:text")
    if (title := _title_of(story.first)) is not None:
        meta.append(N.title(title))
    content = N.contentMeta(*_description(story.first, lang, naming.date, pages[first.page].section))
    content.extend(_properties("contentMetaExtProperty", story.first, first.page))
    joined = len(story.parts) > 1
    part_metas = [
        N.partMeta(
            *_description(part.item, None, None),
            *_properties("partMetaExtProperty", part.item, part.page),
            partid=f"{local}-part{seq}",
            seq=str(seq),
        )
        for seq, part in enumerate(story.parts, 1)
        if joined
    ]
    body = X.body()
    dateline = story.first.dateline
    opening = next((block.text for block in story.first.body if isinstance(block, Paragraph)), "")
    if dateline is not None and dateline.text is not None and not opening.startswith(dateline.text):
        body.append(X.p(dateline.text, {"class": "dateline"}))  # as printed, for readers that read no dateline
    for seq, part in enumerate(story.parts, 1):
        if seq > 1:
            body.append(X.p(iptc.page_title(issue, pages[part.page]), {"class": "part-page"}))
        body.extend(body_elements(part.item, X, flat=True))
    html = X.html(X.head(X.title(story.first.headline or title or "")), body)
    if lang:
        html.set("lang", lang)
        html.set(XML_LANG, lang)
    content_set = N.contentSet(N.inlineXML(html, contenttype="application/xhtml+xml"))
    return N.newsItem(
        *_catalogs("nihl", "nijob", "niprop"),
        *_rights(naming),
        meta,
        content,
        *part_metas,
        content_set,
        **_item_attributes(naming.guid(local), lang),
    )


def _package(issue: Issue, naming: iptc.Naming, stories: list[Story]) -> etree._Element:
    lang = issue.locale()
    printed = iptc.parts_by_page(stories)
    meta = _item_meta(naming, "ninat:composite")
    meta.extend([N.profile("newspaper-issue", versioninfo="1"), N.title(iptc.issue_title(issue))])
    content = N.contentMeta(N.contentCreated(naming.date))
    for kind, value in (("issueNumber", issue.number), ("cnSerial", issue.serial_number), ("issn", issue.issn)):
        if value is not None:
            content.append(N.altId(str(value), type=f"niid:{kind}"))
    if lang:
        content.append(N.language({"tag": lang}))
    if issue.title is not None:
        content.append(N.headline(issue.title))
    extensions: list[tuple[str, Any]] = [
        ("issueDate", issue.date.isoformat() if issue.date else None),
        ("language", issue.language),
        ("country", issue.country),
        ("lunarDate", issue.lunar_date),
        ("pageCount", issue.page_count),
        ("publisher", issue.publisher),
    ]
    for rel, value in extensions:
        if value is not None:
            content.append(_prop("contentMetaExtProperty", rel, value))
    root = N.group(id="issue", role="nigroup:issue", mode="pgrmod:seq")
    root.extend(N.groupRef(idref=iptc.page_id(page)) for page in issue.pages)
    groups = [root]
    pages = []
    for seq, page in enumerate(issue.pages, 1):
        # A group holds references only (readers such as Superdesk's take every child for one);
        # what the page is (its title, number, section, header lines, editors) is in a partMeta
        # of the package that points at the group.
        group = N.group(id=iptc.page_id(page), role="nigroup:page", mode="pgrmod:seq")
        for story, _part in printed.get(page.number, ()):
            reference = N.itemRef(
                N.itemClass(qcode="ninat:text"),
                N.pubStatus(qcode="stat:usable"),
                residref=naming.guid(iptc.item_id_at(story.parts[0].page, story.parts[0].index)),
                version="1",
                contenttype=NEWSITEM_TYPE,
            )
            if (title := _title_of(story.first)) is not None:
                reference.extend([N.title(title), N.headline(title)])
            group.append(reference)
        groups.append(group)
        part = N.partMeta(
            N.headline(iptc.page_title(issue, page)),
            _prop("partMetaExtProperty", "pageNumber", page.number),
            partid=f"meta-{iptc.page_id(page)}",
            contentrefs=iptc.page_id(page),
            seq=str(seq),
        )
        if page.label is not None:
            part.append(_prop("partMetaExtProperty", "pageLabel", page.label))
        if page.section is not None:
            part.append(_prop("partMetaExtProperty", "section", page.section))
        part.extend(_prop("partMetaExtProperty", "headerLine", line) for line in page.header)
        part.extend(_prop("partMetaExtProperty", "editor", editor.name) for editor in page.editors)
        pages.append(part)
    return N.packageItem(
        *_catalogs("nigroup", "niid", "niprop"),
        *_rights(naming),
        meta,
        content,
        *pages,
        N.groupSet(*groups, root="issue"),
        **_item_attributes(naming.guid("issue"), lang),
    )


def newsml(issue: Issue, options: NewsMLOptions | None = None) -> etree._Element:
    """The issue as a ``newsMessage`` element: the package first, then its news items in order."""
    options = options or NewsMLOptions()
    naming = iptc.Naming.of(issue, options)
    stories = iptc.exported_stories(issue, options)
    pages = {page.number: page for page in issue.pages}
    items = [_news_item(issue, story, naming, pages) for story in stories]
    return _message(issue, naming, stories, items)


def _message(issue: Issue, naming: iptc.Naming, stories: list[Story], items: list[etree._Element]) -> etree._Element:
    header = N.header(
        N.sent(naming.created),
        N.sender(naming.provider),
        N.transmitId(naming.guid("issue") + ":1"),
    )
    return N.newsMessage(header, N.itemSet(_package(issue, naming, stories), *items))


_ITEM_NAMESPACE = f' xmlns="{NAR}"'.encode()
_ITEM_INDENT = b"    "  # a newsItem sits two levels down: newsMessage, itemSet


def pieces(issue: Issue, options: NewsMLOptions) -> Iterator[bytes]:
    """The document ``render`` gives, in pieces: the message with its package, then item by item.

    Each newsItem is built, serialised and let go, so a large issue is never one tree in memory;
    the bytes are those of the whole tree pretty-printed (the item's own namespace declaration
    is the message's, and each of its lines sits two levels deeper).
    """
    naming = iptc.Naming.of(issue, options)
    stories = list(iptc.exported_stories(issue, options))
    skeleton = etree.tostring(
        _message(issue, naming, stories, []), xml_declaration=True, encoding="UTF-8", pretty_print=True
    )
    end = skeleton.rindex(b"  </itemSet>")
    yield skeleton[:end]
    pages = {page.number: page for page in issue.pages}
    for story in stories:
        text = etree.tostring(_news_item(issue, story, naming, pages), encoding="UTF-8", pretty_print=True)
        opening = text.index(b">")
        text = text[:opening].replace(_ITEM_NAMESPACE, b"", 1) + text[opening:]
        yield b"\n".join(_ITEM_INDENT + line if line else line for line in text.split(b"\n"))
    yield skeleton[end:]
