"""The EPUB file itself, by ebooklib: metadata, documents in reading order, navigation, a reproducible ZIP.

Imported only when an EPUB is made, so ebooklib is not loaded for the other formats.
"""

from __future__ import annotations

import datetime as _dt
import io
import itertools
import os
import uuid
import warnings
import zipfile
from importlib import resources
from typing import TYPE_CHECKING, BinaryIO

from ebooklib import epub
from lxml import etree

from newsissue import ExportError, Issue
from newsissue.errors import quoted
from newsissue.plugins import labels_for

from . import documents

if TYPE_CHECKING:
    from . import EpubOptions

__all__ = ["ACCESSIBILITY", "build", "identifier", "modified_time"]

ACCESSIBILITY = (
    ("schema:accessMode", "textual"),
    ("schema:accessModeSufficient", "textual"),
    ("schema:accessibilityFeature", "structuralNavigation"),
    ("schema:accessibilityFeature", "tableOfContents"),
    ("schema:accessibilityFeature", "readingOrder"),
    ("schema:accessibilityFeature", "printPageNumbers"),
    ("schema:accessibilityFeature", "pageNavigation"),
    ("schema:accessibilityFeature", "displayTransformability"),
    ("schema:accessibilityHazard", "none"),
)
# What a ZIP time stamp can hold, and the first year dcterms:modified (CCYY) can say.
_ZIP_EPOCH = _dt.datetime(1980, 1, 1, tzinfo=_dt.UTC)
_ZIP_END = _dt.datetime(2107, 12, 31, 23, 59, 58, tzinfo=_dt.UTC)
_FIRST_MODIFIED = _dt.datetime(1000, 1, 1, tzinfo=_dt.UTC)


def modified_time(issue: Issue) -> _dt.datetime:
    """``SOURCE_DATE_EPOCH`` if set, else the issue date at midnight UTC, else 1970-01-01: never the clock.

    ``dcterms:modified`` says it from the year 1000 on, the ZIP entries from 1980 to 2107.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        try:
            return _dt.datetime.fromtimestamp(int(epoch), _dt.UTC)
        except (ValueError, OverflowError, OSError):
            raise ExportError(f"SOURCE_DATE_EPOCH must be a number of seconds, not {quoted(epoch)}") from None
    if issue.date is not None:
        return _dt.datetime.combine(issue.date, _dt.time(), _dt.UTC)
    return _dt.datetime(1970, 1, 1, tzinfo=_dt.UTC)


def identifier(issue: Issue) -> str:
    """A stable ``urn:uuid`` from what identifies the issue (title, date, number, serials)."""
    key = "|".join(str(part) for part in (issue.title, issue.date, issue.number, issue.serial_number, issue.issn))
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, 'newsissue:' + key)}"


class _Writer(epub.EpubWriter):
    """ebooklib's writer with an NCX built in linear time, writing straight into a reproducible ZIP.

    ebooklib looks up a ``content`` child of the section for every link it adds, which costs the
    number of links so far: quadratic in the articles of a page. This builds the same NCX.
    """

    def __init__(self, name: BinaryIO, book: epub.EpubBook, options: dict[str, object], *, stamp: _dt.datetime):
        super().__init__(name, book, options)
        self.stamp = stamp

    def _write_opf_metadata(self, root: etree._Element) -> None:
        root.set(XML_LANG, self.book.language)  # the package's language: Ace's epub-lang, every reader's default
        super()._write_opf_metadata(root)

    def write(self) -> None:
        """ebooklib's order of files (``mimetype``, container, package, items) into a :class:`_ReproducibleZip`."""
        self.out = _ReproducibleZip(self.file_name, self.stamp)
        self.out.writestr("mimetype", "application/epub+zip")
        self._write_container()
        self._write_opf()
        self._write_items()
        self.out.close()

    def _get_ncx(self) -> bytes:
        root = epub.parse_string(self.book.get_template("ncx")).getroot()
        head = etree.SubElement(root, "head")
        for name, content in (("dtb:uid", self.book.uid), ("dtb:depth", "0")):
            etree.SubElement(head, "meta", {"content": content, "name": name})
        for name in ("dtb:totalPageCount", "dtb:maxPageNumber"):
            etree.SubElement(head, "meta", {"content": "0", "name": name})
        etree.SubElement(etree.SubElement(root, "docTitle"), "text").text = self.book.title
        nav_map = etree.SubElement(root, "navMap")
        order = itertools.count(self._play_order["start_from"])

        def point(parent: etree._Element, uid: str, title: str, href: str) -> etree._Element:
            element = etree.SubElement(parent, "navPoint", {"id": uid})
            element.set("playOrder", str(next(order)))
            etree.SubElement(etree.SubElement(element, "navLabel"), "text").text = title
            etree.SubElement(element, "content", {"src": href})
            return element

        sections = itertools.count()
        for entry in self.book.toc:
            if isinstance(entry, tuple):
                section, links = entry
                parent = point(nav_map, f"sep_{next(sections)}", section.title, section.href)
                for link in links:
                    point(parent, link.uid, link.title, link.href)
            else:
                point(nav_map, entry.uid, entry.title, entry.href)
        return etree.tostring(root, pretty_print=True, encoding="utf-8", xml_declaration=True)


class _Document(epub.EpubHtml):
    """A content document whose XHTML we write ourselves (ebooklib would re-parse it as HTML).

    Its bytes are made when ebooklib writes it into the archive, and let go after.
    """

    def __init__(self, document: documents.Document, lang: str) -> None:
        super().__init__(uid=document.uid, file_name=document.file_name, title=document.title, lang=lang)
        self.document = document
        self.properties = list(document.properties)

    def get_content(self, default: bytes | None = None) -> bytes:
        return self.document.content


def _stylesheet(name: str) -> bytes:
    return resources.files(__package__).joinpath(name).read_bytes()


XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
#: The accessibility standard the books meet (checked by DAISY Ace in CI), as EPUB Accessibility 1.1 words it.
CONFORMS_TO = "EPUB Accessibility 1.1 - WCAG 2.1 Level AA"
#: How many front-page headlines the description names.
DESCRIPTION_HEADLINES = 3


def _description(plan: documents.Plan) -> str:
    """The issue and its front page's lead headlines: what a library shows under the title."""
    leads = plan.lead_headlines(DESCRIPTION_HEADLINES)
    separator = "；" if plan.lang.startswith(("zh", "ja")) else "; "
    return f"{plan.title}: {separator.join(leads)}" if leads else plan.title


def _metadata(book: epub.EpubBook, plan: documents.Plan) -> None:
    issue = plan.issue
    lang = {XML_LANG: plan.lang}
    if issue.date is not None:
        book.add_metadata("DC", "date", issue.date.isoformat())
    creator = issue.title or issue.publisher
    if creator:  # the paper is the book's author (calibre shows it, not "Unknown")
        book.add_metadata("DC", "creator", creator, {"id": "creator", **lang})
    publisher = issue.publisher or issue.title
    if publisher:
        book.add_metadata("DC", "publisher", publisher, lang)
    book.add_metadata("DC", "description", _description(plan), lang)
    if issue.title:
        book.add_metadata(None, "meta", issue.title, {"property": "belongs-to-collection", "id": "series"})
        book.add_metadata(None, "meta", "series", {"refines": "#series", "property": "collection-type"})
        book.add_metadata(None, "meta", "", {"name": "calibre:series", "content": issue.title})
        if issue.number is not None:
            book.add_metadata(None, "meta", str(issue.number), {"refines": "#series", "property": "group-position"})
            book.add_metadata(None, "meta", "", {"name": "calibre:series_index", "content": str(issue.number)})
    for prop, value in ACCESSIBILITY:
        book.add_metadata(None, "meta", value, {"property": prop})
    summary = (
        "Text of a newspaper issue with a table of contents by print page, a print page list, "
        "and headings for every article."
    )
    book.add_metadata(None, "meta", summary, {"property": "schema:accessibilitySummary", XML_LANG: "en"})
    book.add_metadata(None, "meta", CONFORMS_TO, {"property": "dcterms:conformsTo"})
    book.add_metadata(None, "meta", "newsissue", {"property": "a11y:certifiedBy"})
    book.add_metadata(None, "meta", f"{plan.title} (print)", {"property": "pageBreakSource"})


def build(issue: Issue, options: EpubOptions) -> bytes:
    """The EPUB file's bytes."""
    buffer = io.BytesIO()
    write(issue, options, buffer)
    return buffer.getvalue()


def write(issue: Issue, options: EpubOptions, stream: BinaryIO) -> None:
    """Write the EPUB file to a seekable binary stream (at its start), entry by entry: the bytes of :func:`build`."""
    labels = labels_for(issue.language)
    plan = documents.plan(issue, labels, advertisements=options.advertisements, vertical=options.vertical)
    book = epub.EpubBook()
    book.set_identifier(identifier(issue))
    book.set_title(plan.title)
    book.set_language(plan.lang)
    _metadata(book, plan)
    if options.vertical:
        book.set_direction("rtl")
        book.add_metadata(None, "meta", "", {"name": "primary-writing-mode", "content": "vertical-rl"})
    css = _stylesheet("style.css") + (_stylesheet("vertical.css") if options.vertical else b"")
    book.add_item(epub.EpubItem(uid="style", file_name="style.css", media_type="text/css", content=css))
    cover = _Document(documents.cover(plan), plan.lang)
    contents = _Document(documents.contents(plan), plan.lang)
    spine: list[epub.EpubHtml] = [cover, contents]
    toc: list[object] = []
    for page in issue.pages:
        page_doc = _Document(documents.page_document(plan, page), plan.lang)
        spine.append(page_doc)
        links = []
        for index in plan.openings.get(page.number, ()):
            entry = plan.entries[index]
            spine.append(_Document(documents.article_document(plan, index), plan.lang))
            links.append(epub.Link(entry.file_name, entry.title, entry.uid))
        section = epub.Section(plan.page_title(page), page_doc.file_name)
        toc.append((section, links) if links else epub.Link(page_doc.file_name, plan.page_title(page), page_doc.id))
    for item in (*spine, _Document(documents.nav(plan), plan.lang)):
        book.add_item(item)
    book.add_item(epub.EpubNcx())
    # The NCX needs one entry at least: an issue with no pages lists its contents page.
    book.toc = toc or [epub.Link(contents.file_name, plan.labels.contents, contents.id)]
    book.spine = spine
    modified = modified_time(issue)
    stamp = min(max(modified, _ZIP_EPOCH), _ZIP_END)
    try:
        with warnings.catch_warnings():  # ebooklib warns before it re-raises; the error says it all
            warnings.simplefilter("ignore", UserWarning)
            writer = _Writer(
                stream,
                book,
                {
                    "mtime": max(modified, _FIRST_MODIFIED),
                    "raise_exceptions": True,
                    "epub3_pages": False,
                    "play_order": {"enabled": True, "start_from": 1},
                },
                stamp=stamp,
            )
            writer.process()
            writer.write()
    except OSError as error:
        raise ExportError(f"ebooklib could not write the EPUB: {error}") from error


class _ReproducibleZip:
    """What ebooklib writes its files to: a ZIP whose entries carry one fixed time stamp and mode.

    ``mimetype`` is stored, everything else deflated at level 9; so the same issue gives the same
    bytes on any machine, at any time, and the archive is written once (not re-read and re-packed).
    """

    def __init__(self, stream: BinaryIO, when: _dt.datetime) -> None:
        self.archive = zipfile.ZipFile(stream, "w")
        self.stamp = when.timetuple()[:6]

    def writestr(self, name: str, data: str | bytes, compress_type: int | None = None) -> None:
        info = zipfile.ZipInfo(name, date_time=self.stamp)
        info.create_system = 3
        info.external_attr = 0o644 << 16
        stored = name == "mimetype"
        info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
        self.archive.writestr(info, data, compresslevel=None if stored else 9)

    def close(self) -> None:
        self.archive.close()
