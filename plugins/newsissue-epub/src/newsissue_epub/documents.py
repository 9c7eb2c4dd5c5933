"""The XHTML content documents of the EPUB: cover, contents, one per print page, one per item, nav."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence

import attrs
from lxml import etree
from lxml.builder import ElementMaker

from newsissue import Article, Figure, Heading, Issue, ItemKind, Jump, Page, Paragraph, Part, Story
from newsissue.languages.base import Labels

__all__ = ["Document", "Entry", "Plan", "article_document", "contents", "cover", "nav", "page_document", "plan"]

XHTML = "http://www.w3.org/1999/xhtml"
OPS = "http://www.idpf.org/2007/ops"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
EPUB_TYPE = f"{{{OPS}}}type"
E = ElementMaker(namespace=XHTML, nsmap={None: XHTML, "epub": OPS})
#: How many front-page headlines the cover shows.
COVER_HEADLINES = 5


@attrs.frozen(kw_only=True)
class Document:
    """One XHTML file of the book; its bytes are made when asked for (``content``), so that a book of
    many pages holds one page's or item's document at a time, not all of them."""

    uid: str
    file_name: str
    title: str
    make: Callable[[], bytes]
    properties: tuple[str, ...] = ()

    @property
    def content(self) -> bytes:
        """The document's XHTML."""
        return self.make()


@attrs.frozen(kw_only=True)
class Entry:
    """A story placed in the book, in its first page's place: its file, its title for the tables of contents."""

    page: Page
    story: Story
    uid: str
    file_name: str
    title: str

    @property
    def item(self) -> Article:
        return self.story.first


@attrs.frozen(kw_only=True)
class Plan:
    """Where everything goes: the items in reading order and the pages' files."""

    issue: Issue
    labels: Labels
    #: Vertical writing: short digit runs are set upright (``span.tcy``).
    vertical: bool
    lang: str
    title: str
    entries: tuple[Entry, ...]
    page_files: dict[int, str]
    #: By page number: the pages, the places in ``entries`` of the stories they open, and the
    #: later parts of stories they print (so that a page's look-ups do not scan the whole issue).
    pages: dict[int, Page]
    openings: dict[int, list[int]]
    continuations: dict[int, list[tuple[Entry, Part]]]

    def page(self, number: int) -> Page:
        """The issue's page with this number."""
        return self.pages[number]

    def entries_of(self, page: Page) -> list[Entry]:
        """The entries of the stories that open on this page, in reading order."""
        return [self.entries[index] for index in self.openings.get(page.number, ())]

    def lead_headlines(self, count: int) -> list[str]:
        """The titles of the first ``count`` articles that open on the front page (the cover's, the description's)."""
        front = self.entries_of(self.issue.pages[0]) if self.issue.pages else []
        return [entry.title for entry in front if entry.item.kind is ItemKind.ARTICLE][:count]

    def continuations_of(self, page: Page) -> list[tuple[Entry, Part]]:
        """The later parts of stories that this page prints, with their stories' entries."""
        return self.continuations.get(page.number, [])

    def page_title(self, page: Page) -> str:
        label = self.labels.page_label(page.number, page.label)
        return f"{label} {page.section}" if page.section else label


def _item_title(item: Article, labels: Labels) -> str:
    if item.headline:
        return item.headline
    if item.kind is not ItemKind.ARTICLE:
        return {ItemKind.ADVERTISEMENT: labels.advertisement, ItemKind.NOTICE: labels.notice}.get(
            item.kind, labels.other
        )
    first = next((block.text for block in item.body if isinstance(block, Paragraph) and block.text), "")
    return first[:30] or labels.other


def plan(issue: Issue, labels: Labels, *, advertisements: bool, vertical: bool = False) -> Plan:
    """Decide file names and reading order."""
    pages = {page.number: page for page in issue.pages}
    entries = []
    for story in issue.stories():
        first = story.parts[0]
        if story.first.kind is ItemKind.ARTICLE or advertisements:
            uid = f"a-p{first.page:02d}-{first.index:02d}"
            title = _item_title(story.first, labels)
            entries.append(Entry(page=pages[first.page], story=story, uid=uid, file_name=f"{uid}.xhtml", title=title))
    parts = [issue.title, issue.date.isoformat() if issue.date else None]
    if issue.number is not None:
        parts.append(labels.issue_label(issue.number))
    title = " ".join(part for part in parts if part) or "newsissue"
    openings: dict[int, list[int]] = {}
    continuations: dict[int, list[tuple[Entry, Part]]] = {}
    for index, entry in enumerate(entries):
        openings.setdefault(entry.page.number, []).append(index)
        for part in entry.story.parts[1:]:
            continuations.setdefault(part.page, []).append((entry, part))
    return Plan(
        issue=issue,
        labels=labels,
        vertical=vertical,
        lang=issue.locale() or "und",
        title=title,
        entries=tuple(entries),
        page_files={page.number: f"page-{page.number:02d}.xhtml" for page in issue.pages},
        pages=pages,
        openings=openings,
        continuations=continuations,
    )


# One or two digits standing alone: set upright in vertical writing (縦中横, tate-chu-yoko).
_SHORT_DIGITS = re.compile(r"(?<![0-9])[0-9]{1,2}(?![0-9])")


def _upright_digits(element: etree._Element) -> None:
    """Wrap each short run of digits in the text under ``element`` in ``span.tcy``."""

    def spans(text: str) -> tuple[str, list[etree._Element]]:
        pieces = _SHORT_DIGITS.split(text)
        digits = _SHORT_DIGITS.findall(text)
        made = []
        for run, after in zip(digits, pieces[1:], strict=True):
            span = E.span(run, {"class": "tcy"})
            span.tail = after
            made.append(span)
        return pieces[0], made

    for node in list(element.iter()):
        if node.text and _SHORT_DIGITS.search(node.text):
            node.text, made = spans(node.text)
            for position, span in enumerate(made):
                node.insert(position, span)
        if node is not element and node.tail and _SHORT_DIGITS.search(node.tail):
            node.tail, made = spans(node.tail)
            parent = node.getparent()
            place = parent.index(node)
            for offset, span in enumerate(made, 1):
                parent.insert(place + offset, span)


def _document(plan: Plan, title: str, *children: etree._Element, body_type: str | None = None) -> bytes:
    body = E.body(*children)
    if plan.vertical:
        _upright_digits(body)
    if body_type:
        body.set(EPUB_TYPE, body_type)
    head = E.head(E.meta(charset="utf-8"), E.title(title), E.link(rel="stylesheet", type="text/css", href="style.css"))
    html = E.html(head, body, lang=plan.lang)
    html.set(XML_LANG, plan.lang)
    text = etree.tostring(html, encoding="unicode", pretty_print=True)
    return f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n{text}'.encode()


def _p(text: str, css: str) -> etree._Element:
    return E.p(text, {"class": css})


def cover(plan: Plan) -> Document:
    """A cover drawn with text and CSS only: title, date, issue number, the front page's lead headlines."""
    issue, labels = plan.issue, plan.labels
    parts = [E.p(issue.title or plan.title, {"class": "cover-title"})]
    if issue.date is not None:
        parts.append(_p(issue.date.isoformat(), "cover-date"))
    details = [labels.issue_label(issue.number)] if issue.number is not None else []
    details += [text for text in (issue.lunar_date, issue.publisher) if text]
    if details:
        parts.append(_p(" · ".join(details), "cover-details"))
    leads = plan.lead_headlines(COVER_HEADLINES)
    if leads:
        parts.append(E.ul(*(E.li(title) for title in leads), {"class": "cover-headlines"}))
    section = E.section(*parts, {"class": "cover"})
    return Document(
        uid="cover",
        file_name="cover.xhtml",
        title=labels.cover,
        make=functools.partial(_document, plan, plan.title, section, body_type="cover"),
    )


def _toc_list(plan: Plan, *, nested: bool) -> etree._Element:
    pages = E.ol()
    for page in plan.issue.pages:
        entry = E.li(E.a(plan.page_title(page), href=plan.page_files[page.number]))
        articles = plan.entries_of(page)
        if articles and nested:
            entry.append(E.ol(*(E.li(E.a(a.title, href=a.file_name)) for a in articles)))
        pages.append(entry)
    return pages


def contents(plan: Plan) -> Document:
    """The issue's contents page, in the reading order: pages and their items."""
    listing = [_toc_list(plan, nested=True)] if plan.issue.pages else []
    body = E.section(E.h1(plan.labels.contents), *listing, {"class": "contents"})
    return Document(
        uid="contents",
        file_name="contents.xhtml",
        title=plan.labels.contents,
        make=functools.partial(_document, plan, plan.labels.contents, body),
    )


def page_document(plan: Plan, page: Page) -> Document:
    """A print page's divider: its page break marker, title, header lines and items."""
    return Document(
        uid=f"page-{page.number:02d}",
        file_name=plan.page_files[page.number],
        title=plan.page_title(page),
        make=functools.partial(_page_xhtml, plan, page),
    )


def _page_xhtml(plan: Plan, page: Page) -> bytes:
    label = plan.labels.page_label(page.number, page.label)
    marker = E.span(id=f"pg{page.number:02d}", role="doc-pagebreak", title=label)
    marker.set(EPUB_TYPE, "pagebreak")
    marker.set("aria-label", label)
    parts = [marker, E.h1(plan.page_title(page))]
    if page.header:
        parts.append(E.div(*(_p(line, "page-header") for line in page.header), {"class": "page-headers"}))
    placed = [(entry.story.parts[0].index, entry.title, entry.file_name) for entry in plan.entries_of(page)]
    for entry, part in plan.continuations_of(page):
        placed.append((part.index, f"{entry.title} ({plan.labels.continued})", f"{entry.file_name}#{_part_id(part)}"))
    links = [E.li(E.a(title, href=href)) for _, title, href in sorted(placed)]
    if links:
        parts.append(E.ol(*links, {"class": "page-items"}))
    section = E.section(*parts, {"class": "page"})
    return _document(plan, plan.page_title(page), section)


def _jump(plan: Plan, jump: Jump, css: str) -> etree._Element:
    target_page = plan.pages.get(jump.page)
    text = jump.text or plan.labels.page_label(jump.page, target_page.label if target_page is not None else None)
    target = plan.page_files.get(jump.page)
    if target is None:
        return _p(text, f"jump {css}")
    return E.p(E.a(text, href=target), {"class": f"jump {css}"})


def _part_id(part: Part) -> str:
    return f"part-p{part.page:02d}-{part.index:02d}"


def _navigation(plan: Plan, index: int, *, landmark: bool = True) -> etree._Element:
    """Previous / contents / next; the top one a navigation landmark, the bottom one the same links (no
    second landmark of the same name)."""
    labels, entries = plan.labels, plan.entries
    links: list[etree._Element] = []
    if index > 0:
        links.append(E.a(f"‹ {labels.previous}", href=entries[index - 1].file_name, rel="prev"))
    links.append(E.a(labels.contents, href="contents.xhtml"))
    if index + 1 < len(entries):
        links.append(E.a(f"{labels.next} ›", href=entries[index + 1].file_name, rel="next"))
    for link in links[:-1]:
        link.tail = " · "
    if not landmark:
        return E.div(*links, {"class": "article-nav"})
    nav = E.nav(*links, {"class": "article-nav"})
    nav.set("aria-label", labels.navigation)
    return nav


def _dateline_shown(item: Article) -> str | None:
    dateline = item.dateline
    if dateline is None:
        return None
    text = dateline.text or " ".join(part for part in (dateline.agency, dateline.place) if part) or None
    first = next((block.text for block in item.body if isinstance(block, Paragraph)), "")
    return None if text is None or first.startswith(text) else text


def _block(block: Paragraph | Heading | Figure, labels: Labels) -> etree._Element:
    if isinstance(block, Paragraph):
        return E.p(block.text)
    if isinstance(block, Heading):
        return E.h2(block.text, {"class": "crosshead"})
    figure = E.figure()
    caption = E.figcaption()
    if block.caption:
        caption.append(E.span(block.caption, {"class": "caption"}))
    if block.credit:
        if len(caption):
            caption[-1].tail = " "
        caption.append(E.span(block.credit, {"class": "credit"}))
    if len(caption):
        figure.append(caption)
    else:  # a picture was printed here, with no caption to show: say so, not an empty frame
        figure.append(E.p(f"[{labels.picture}]", {"class": "picture"}))
    return figure


def article_document(plan: Plan, index: int) -> Document:
    """One item: navigation, header (kicker, headline, subheadline, byline, dateline), body, jumps."""
    entry = plan.entries[index]
    return Document(
        uid=entry.uid, file_name=entry.file_name, title=entry.title, make=functools.partial(_article_xhtml, plan, index)
    )


def _article_xhtml(plan: Plan, index: int) -> bytes:
    entry = plan.entries[index]
    item, labels = entry.item, plan.labels
    header = E.header()
    if item.kind is not ItemKind.ARTICLE:
        header.append(_p(_item_title(attrs.evolve(item, headline=None), labels), "item-kind"))
    if item.kicker:
        header.append(_p(item.kicker, "kicker"))
    if item.headline:
        header.append(E.h1(item.headline, {"class": "headline"}))
    if item.subheadline:
        header.append(_p(item.subheadline, "subheadline"))
    byline = item.byline_text or "、".join(b.name for b in item.bylines) or None
    if byline:
        header.append(_p(byline, "byline"))
    dateline = _dateline_shown(item)
    opening = item.body[0] if item.body else None
    if dateline is not None and not isinstance(opening, Paragraph):
        header.append(_p(dateline, "dateline"))
    parts: list[etree._Element] = [header] if len(header) else []
    story = entry.story
    for position, part in enumerate(story.parts):
        printed = part.item
        if position:
            page = plan.page(part.page)
            parts.append(E.p(plan.page_title(page), {"class": "part-page", "id": _part_id(part)}))
        if printed.continued_from is not None and printed.continued_from.item is None:
            parts.append(_jump(plan, printed.continued_from, "jump-in"))
        blocks = [_block(block, plan.labels) for block in printed.body]
        if not position and dateline is not None and isinstance(opening, Paragraph):
            # The dateline runs into the first paragraph, as printed: "PORT ELLIS — The city …".
            lead = E.span(dateline, {"class": "dateline-lead"})
            lead.tail = " " + opening.text
            blocks[0] = E.p(lead)
        parts.extend(blocks)
        if printed.continued_on is not None and printed.continued_on.item is None:
            parts.append(_jump(plan, printed.continued_on, "jump-out"))
    article = E.article(*parts, {"class": item.kind.value})
    return _document(plan, entry.title, _navigation(plan, index), article, _navigation(plan, index, landmark=False))


def nav(plan: Plan) -> Document:
    """The EPUB 3 navigation document: table of contents (page → item), landmarks, page list."""
    labels = plan.labels
    listing = _toc_list(plan, nested=True)
    if not len(listing):  # a list needs an entry: an issue with no pages lists its contents page
        listing.append(E.li(E.a(labels.contents, href="contents.xhtml")))
    toc = E.nav(E.h1(labels.contents), listing, id="toc", role="doc-toc")
    toc.set(EPUB_TYPE, "toc")
    marks = [("cover", "cover.xhtml", labels.cover), ("toc", "contents.xhtml", labels.contents)]
    if plan.issue.pages:
        first = plan.issue.pages[0]
        marks.append(("bodymatter", plan.page_files[first.number], plan.page_title(first)))
    landmark_links = []
    for kind, href, text in marks:
        link = E.a(text, href=href)
        link.set(EPUB_TYPE, kind)
        landmark_links.append(E.li(link))
    landmarks = E.nav(E.h2(labels.contents), E.ol(*landmark_links), id="landmarks", hidden="hidden")
    landmarks.set(EPUB_TYPE, "landmarks")
    children: list[etree._Element] = [toc, landmarks]
    if plan.issue.pages:
        pages: Sequence[etree._Element] = [
            E.li(
                E.a(
                    labels.page_label(page.number, page.label),
                    href=f"{plan.page_files[page.number]}#pg{page.number:02d}",
                )
            )
            for page in plan.issue.pages
        ]
        page_list = E.nav(E.h2(labels.pages), E.ol(*pages), id="page-list", hidden="hidden")
        page_list.set(EPUB_TYPE, "page-list")
        children.append(page_list)
    return Document(
        uid="nav",
        file_name="nav.xhtml",
        title=labels.contents,
        make=functools.partial(_document, plan, labels.contents, *children),
        properties=("nav",),
    )
