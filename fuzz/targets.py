"""Fuzz targets: one function per entry point, taking bytes, raising only on a real defect.

Each target feeds its input to an entry point of newsissue and checks the invariants that hold for
any input: ``parse`` raises :class:`newsissue.ParseError` and nothing else, and every issue it
returns exports to every format, and the exports read back (JSON exactly, NewsML-G2 in what it
carries, ninjs as JSON, EPUB as a ZIP of well-formed XHTML). The same functions run under hypothesis
in the tests and under atheris by ``python fuzz/run.py TARGET``.
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Callable

import attrs
from lxml import etree

import newsissue
from newsissue.formats import iptc

__all__ = ["ENCODINGS", "TARGETS", "check_exports", "newsml_view"]

#: Encodings page bytes arrive in: what ``parse_encoded`` picks from by its first byte.
ENCODINGS = (
    "utf-8",
    "utf-8-sig",
    "utf-16",
    "utf-16-le",
    "utf-16-be",
    "utf-32",
    "gb18030",
    "gbk",
    "big5",
    "shift_jis",
    "euc-kr",
    "cp1252",
    "latin-1",
    "cp1251",
    "koi8-r",
    "mac-roman",
)
_EXPORTERS = ("json", "newsml", "ninjs", "mets", "epub")


def newsml_view(issue: newsissue.Issue, advertisements: bool = True) -> newsissue.Issue:
    """What NewsML-G2 carries of an issue: no diagnostics or file names; creators before contributors;
    only the exported stories (a story's kind is its first part's), their parts renumbered on each page;
    not where the text was printed (regions)."""
    kept = {
        (part.page, part.index)
        for story in issue.stories()
        if advertisements or story.first.kind is newsissue.ItemKind.ARTICLE
        for part in story.parts
    }
    places: dict[tuple[int, int], int] = {}
    for page in issue.pages:
        for index in range(1, len(page.items) + 1):
            if (page.number, index) in kept:
                places[(page.number, index)] = sum(1 for p, _ in places if p == page.number) + 1

    def jump(j: newsissue.Jump | None) -> newsissue.Jump | None:
        return j if j is None or j.item is None else attrs.evolve(j, item=places[(j.page, j.item)])

    def item(article: newsissue.Article) -> newsissue.Article:
        people = sorted(article.bylines, key=lambda b: not iptc.CPP_ROLES[b.role][1])
        return attrs.evolve(
            article,
            bylines=people,
            continued_from=jump(article.continued_from),
            continued_on=jump(article.continued_on),
            regions=(),
            body=[attrs.evolve(block, regions=()) for block in article.body],
        )

    pages = [
        attrs.evolve(
            page,
            source=None,
            source_format=None,
            # NewsML names a page's editors; every one reads back as an editor
            editors=[attrs.evolve(editor, role=newsissue.Role.EDITOR) for editor in page.editors],
            items=[item(a) for i, a in enumerate(page.items, 1) if (page.number, i) in kept],
        )
        for page in issue.pages
    ]
    return attrs.evolve(issue, diagnostics=(), source=None, pages=pages)


def check_exports(issue: newsissue.Issue) -> None:
    """Every format renders the issue, and each export reads back."""
    for name in _EXPORTERS:
        options = {"advertisements": True} if name in ("newsml", "ninjs", "epub") else {}
        data = newsissue.render(issue, name, **options)
        if name == "json":
            assert newsissue.parse(data) == issue, "the JSON export does not read back equal"
        elif name == "newsml":
            assert newsissue.parse(data) == newsml_view(issue), "the NewsML export does not read back"
        elif name == "ninjs":
            assert isinstance(json.loads(data), dict)
        elif name == "mets":
            _check_mets(issue, data)
        else:
            _check_epub(data)


def _check_epub(data: bytes) -> None:
    book = zipfile.ZipFile(io.BytesIO(data))
    assert book.namelist()[0] == "mimetype" and book.read("mimetype") == b"application/epub+zip"
    assert book.testzip() is None
    for name in book.namelist():
        if name.endswith((".xhtml", ".opf", ".ncx", ".xml")):
            etree.fromstring(book.read(name))  # raises on a document that is not well-formed


def _check_mets(issue: newsissue.Issue, data: bytes) -> None:
    root = etree.fromstring(data)
    assert root.tag == "{http://www.loc.gov/METS/}mets"
    divs = root.findall(".//{http://www.loc.gov/METS/}structMap[@TYPE='LOGICAL']/*/{http://www.loc.gov/METS/}div")
    assert len(divs) == len(issue.stories()), "a story is missing from the METS logical map"


def _parse(source: str | bytes, **options: object) -> newsissue.Issue | None:
    try:
        return newsissue.parse(source, **options)  # type: ignore[arg-type]
    except newsissue.ParseError as exc:
        assert str(exc), "a ParseError with no message"
        return None


def parse_bytes(data: bytes) -> None:
    """Page bytes in any encoding, or none."""
    if (issue := _parse(data)) is not None:
        check_exports(issue)


def parse_text(data: bytes) -> None:
    """Page text: the bytes read as UTF-8, lone surrogates and all."""
    if (issue := _parse(data.decode("utf-8", "surrogateescape"))) is not None:
        check_exports(issue)


def parse_encoded(data: bytes) -> None:
    """Text in one of ENCODINGS (the first byte picks it), detected and given: the same issue either way."""
    if not data:
        return
    codec = ENCODINGS[data[0] % len(ENCODINGS)]
    text = data[1:].decode("utf-8", "ignore")
    encoded = text.encode(codec, "ignore")
    detected = _parse(encoded)
    given = _parse(encoded, encoding=codec)
    if given is not None:
        check_exports(given)
        expected = _parse(encoded.decode(codec))
        assert expected is not None and given.pages == expected.pages, "a given encoding reads differently"
    if detected is not None:
        check_exports(detected)


#: Every target by name, for ``run.py`` and the tests.
TARGETS: dict[str, Callable[[bytes], None]] = {
    "parse_bytes": parse_bytes,
    "parse_text": parse_text,
    "parse_encoded": parse_encoded,
    # The readers' targets are parse_bytes itself: what differs is the input (our own exports, mutated).
    "read_json": parse_bytes,
    "read_newsml": parse_bytes,
}
