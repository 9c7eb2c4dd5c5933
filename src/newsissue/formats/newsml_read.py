"""Reads newsissue's own NewsML-G2 back into the model, safely.

Untrusted XML: no DTD (so no entity expansion), no network, libxml2's depth limit
(256 levels), at most ``MAX_BYTES``. What NewsML-G2 does not carry (diagnostics,
file names) comes back empty.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable
from typing import TypeVar

import attrs
from lxml import etree

from ..errors import ParseError, quoted
from ..model import Article, Byline, Dateline, Issue, ItemKind, Jump, Page, Role
from .html import XHTML, body_from_elements
from .newsml import MAX_BYTES, NAR

__all__ = ["MAX_BYTES", "read_newsml"]

_DECLARATION = re.compile(r"^\ufeff?\s*<\?xml[^>]*\?>")
_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False, huge_tree=False
)
T = TypeVar("T")


def _q(name: str) -> str:
    return f"{{{NAR}}}{name}"


def _props(element: etree._Element, tag: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for prop in element.iterfind(_q(tag)):
        rel = prop.get("rel", "")
        if rel.startswith("niprop:"):
            found.setdefault(rel[len("niprop:") :], []).append(prop.get("value", ""))
    return found


def _one(props: dict[str, list[str]], key: str, convert: Callable[[str], T]) -> T | None:
    values = props.get(key)
    if not values:
        return None
    try:
        return convert(values[0])
    except ValueError as exc:
        raise ParseError(f"bad value for niprop:{key}: {quoted(values[0])} ({exc})") from None


def _text(element: etree._Element | None) -> str | None:
    return None if element is None else (element.text or "")


def _name(element: etree._Element | None) -> str | None:
    return None if element is None else _text(element.find(_q("name")))


def _jump(props: dict[str, list[str]], direction: str) -> Jump | None:
    page = _one(props, f"{direction}Page", int)
    if page is None:
        return None
    return Jump(
        page=page,
        marker=_one(props, f"{direction}Marker", str),
        text=_one(props, f"{direction}Text", str),
    )


def _article(meta: etree._Element, ext: str, body: list[etree._Element]) -> Article:
    """An item from a contentMeta or partMeta (``ext`` names its extension property) and its body."""
    props = _props(meta, ext)
    headlines = {h.get("role", "nihl:main"): h.text or "" for h in meta.iterfind(_q("headline"))}
    bylines = []
    for person in meta:
        if person.tag in (_q("creator"), _q("contributor")):
            job = person.get("jobtitle", "nijob:author").removeprefix("nijob:")
            bylines.append(Byline(name=_name(person) or "", role=Role(job)))
    dateline = None
    if "dateline" in props:
        agency = next((s for s in meta.iterfind(_q("infoSource")) if s.get("role") == "cpprole:origcont"), None)
        dateline = Dateline(
            agency=_name(agency),
            place=_name(meta.find(_q("located"))),
            date=_one(props, "datelineDate", _dt.date.fromisoformat),
            text=_text(meta.find(_q("dateline"))),
        )
    return Article(
        kind=ItemKind(_one(props, "itemKind", str) or "article"),
        kicker=headlines.get("nihl:kicker"),
        headline=headlines.get("nihl:main"),
        subheadline=headlines.get("nihl:subhead"),
        byline_text=_text(meta.find(_q("by"))),
        bylines=bylines,
        dateline=dateline,
        body=body_from_elements(body),
        continued_from=_jump(props, "continuedFrom"),
        continued_on=_jump(props, "continuedOn"),
    )


def _part(item: etree._Element, number: int) -> tuple[Article, int | None]:
    """The item a newsItem prints on page ``number``, and which part (``seq``) of its story it is."""
    body = item.find(f"{_q('contentSet')}/{_q('inlineXML')}/{{{XHTML}}}html/{{{XHTML}}}body")
    # The dateline printed at the body's head is the contentMeta's dateline, read from there.
    blocks = [block for block in body if block.get("class") != "dateline"] if body is not None else []
    parts = item.findall(_q("partMeta"))
    if not parts:
        meta = item.find(_q("contentMeta"))
        if meta is None:
            raise ParseError(f"newsItem {item.get('guid')} has no contentMeta")
        return _article(meta, "contentMetaExtProperty", blocks), None
    divided = _parts_of_body(blocks)
    for seq, part in enumerate(parts, 1):
        if _one(_props(part, "partMetaExtProperty"), "printPage", int) == number:
            return _article(part, "partMetaExtProperty", divided[seq - 1] if seq <= len(divided) else []), seq
    raise ParseError(f"newsItem {item.get('guid')} has no part on page {number}")


def _parts_of_body(blocks: list[etree._Element]) -> list[list[etree._Element]]:
    """A story's body cut into its printed parts: at each ``p.part-page`` line (or, as earlier
    versions wrote it, one ``div.part`` a part)."""
    if blocks and all(etree.QName(block).localname == "div" and block.get("class") == "part" for block in blocks):
        return [list(block) for block in blocks]
    parts: list[list[etree._Element]] = [[]]
    for block in blocks:
        if etree.QName(block).localname == "p" and block.get("class") == "part-page":
            parts.append([])
        else:
            parts[-1].append(block)
    return parts


def _pages(package: etree._Element, groups: list[etree._Element], items: dict[str, etree._Element]) -> list[Page]:
    """The pages of the package's page groups, with the parts of each story linked again."""
    pages: list[tuple[dict[str, list[str]], int, list[Article]]] = []
    places: dict[tuple[str, int], tuple[int, int]] = {}
    # What the package says of each page group: its partMeta (earlier versions: the group's own properties).
    described = {
        ref: part for part in package.iterfind(_q("partMeta")) for ref in (part.get("contentrefs") or "").split()
    }
    for group in groups:
        meta = described.get(group.get("id", ""))
        props = _props(meta, "partMetaExtProperty") if meta is not None else _props(group, "groupExtProperty")
        number = _one(props, "pageNumber", int)
        if number is None:
            raise ParseError(f"page group {group.get('id')} has no niprop:pageNumber")
        if any(number == seen for _, seen, _ in pages):
            raise ParseError(f"two page groups are page {number}")
        articles = []
        for reference in group.iterfind(_q("itemRef")):
            guid = reference.get("residref", "")
            if guid not in items:
                raise ParseError(f"the package refers to {guid}, which the message does not hold")
            article, seq = _part(items[guid], number)
            articles.append(article)
            if seq is not None:
                places[(guid, seq)] = (number, len(articles))
        pages.append((props, number, articles))
    by_number = {number: articles for _, number, articles in pages}
    for (guid, seq), (number, index) in places.items():
        following = places.get((guid, seq + 1))
        if following is None:
            continue
        later, place = following
        item, other = by_number[number][index - 1], by_number[later][place - 1]
        if item.continued_on is None or other.continued_from is None:
            raise ParseError(f"newsItem {guid}: part {seq} and the next are not joined by jumps")
        by_number[number][index - 1] = attrs.evolve(item, continued_on=attrs.evolve(item.continued_on, item=place))
        back = attrs.evolve(other.continued_from, item=index)
        by_number[later][place - 1] = attrs.evolve(other, continued_from=back)
    result = []
    for props, number, articles in pages:
        result.append(
            Page(
                number=number,
                label=_one(props, "pageLabel", str),
                section=_one(props, "section", str),
                header=tuple(props.get("headerLine", ())),
                editors=[Byline(name=name, role=Role.EDITOR) for name in props.get("editor", ())],
                items=articles,
            )
        )
    return result


def read_newsml(data: str | bytes) -> Issue:
    """An issue from a NewsML-G2 newsMessage written by newsissue; raises ParseError otherwise."""
    if isinstance(data, str):
        try:
            data = _DECLARATION.sub("", data, count=1).encode("utf-8")
        except UnicodeEncodeError as exc:
            raise ParseError(f"the NewsML text holds a character no XML can hold ({exc.reason})") from None
    if len(data) > MAX_BYTES:
        raise ParseError(f"NewsML document larger than {MAX_BYTES:,} bytes")
    try:
        root = etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as exc:
        raise ParseError(f"not well-formed XML: {exc}") from None
    doctype = root.getroottree().docinfo
    if doctype.internalDTD is not None or doctype.externalDTD is not None or doctype.doctype:
        raise ParseError("NewsML documents with a DOCTYPE are refused")
    if root.tag != _q("newsMessage"):
        raise ParseError(f"expected a NewsML-G2 newsMessage, found {root.tag}")
    try:
        return _issue(root)
    except (ValueError, TypeError) as exc:
        raise ParseError(f"malformed NewsML-G2: {exc}") from None


def _issue(root: etree._Element) -> Issue:
    item_set = root.find(_q("itemSet"))
    package = item_set.find(_q("packageItem")) if item_set is not None else None
    if item_set is None or package is None:
        raise ParseError("the newsMessage holds no packageItem")
    items = {item.get("guid", ""): item for item in item_set.iterfind(_q("newsItem"))}
    meta = package.find(_q("contentMeta"))
    if meta is None:
        raise ParseError("the packageItem has no contentMeta")
    props = _props(meta, "contentMetaExtProperty")
    ids = {alt.get("type"): alt.text or "" for alt in meta.iterfind(_q("altId"))}
    groups = {group.get("id"): group for group in package.iter(_q("group"))}
    root_group = groups.get("issue")
    if root_group is None:
        raise ParseError("the package has no root group 'issue'")
    page_groups = []
    for reference in root_group.iterfind(_q("groupRef")):
        group = groups.get(reference.get("idref"))
        if group is None:
            raise ParseError(f"the root group refers to a missing group {reference.get('idref')}")
        page_groups.append(group)
    pages = _pages(package, page_groups, items)
    number = ids.get("niid:issueNumber")
    return Issue(
        title=_text(meta.find(_q("headline"))),
        date=_one(props, "issueDate", _dt.date.fromisoformat),
        number=int(number) if number is not None else None,
        lunar_date=_one(props, "lunarDate", str),
        page_count=_one(props, "pageCount", int),
        publisher=_one(props, "publisher", str),
        serial_number=ids.get("niid:cnSerial"),
        issn=ids.get("niid:issn"),
        language=_one(props, "language", str),
        country=_one(props, "country", str),
        pages=pages,
    )
