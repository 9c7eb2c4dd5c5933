"""The EPUB exporter: EPUBCheck finds nothing, the book has a periodical's shape, bytes are reproducible."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from lxml import etree

import newsissue
from newsissue import ExportError, ItemKind
from newsissue_epub import EpubOptions, build
from tests.epubcheck import epubcheck_messages
from tests.strategies import issues

OPF = "{http://www.idpf.org/2007/opf}"
DC = "{http://purl.org/dc/elements/1.1/}"
XHTML = "{http://www.w3.org/1999/xhtml}"
EPUB_TYPE = "{http://www.idpf.org/2007/ops}type"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
MODES = [pytest.param(EpubOptions(), id="horizontal"), pytest.param(EpubOptions(vertical=True), id="vertical")]


def read_book(data: bytes) -> dict[str, etree._Element]:
    """The archive's XML files, parsed, by name."""
    archive = zipfile.ZipFile(io.BytesIO(data))
    return {
        name: etree.fromstring(archive.read(name))
        for name in archive.namelist()
        if name.endswith((".xhtml", ".opf", ".ncx", ".xml"))
    }


def package(data: bytes) -> etree._Element:
    return next(tree for name, tree in read_book(data).items() if name.endswith(".opf"))


def spine_files(data: bytes) -> list[str]:
    opf = package(data)
    hrefs = {item.get("id"): item.get("href") for item in opf.iter(f"{OPF}item")}
    return [hrefs[ref.get("idref")] for ref in opf.iter(f"{OPF}itemref")]


@pytest.fixture(scope="module")
def sample(golden_page: Path) -> newsissue.Issue:
    return newsissue.parse(golden_page)


@pytest.fixture(scope="module")
def example(example_issue: Path) -> newsissue.Issue:
    return newsissue.parse(example_issue)


@pytest.mark.parametrize("options", MODES)
def test_sample_passes_epubcheck(sample: newsissue.Issue, options: EpubOptions, tmp_path: Path) -> None:
    assert epubcheck_messages(build(sample, options), tmp_path) == []


@pytest.mark.parametrize("options", MODES)
def test_example_issue_passes_epubcheck(example: newsissue.Issue, options: EpubOptions, tmp_path: Path) -> None:
    assert epubcheck_messages(build(example, options), tmp_path) == []


def test_english_example_passes_epubcheck_and_reads_on(english_issue: Path, tmp_path: Path) -> None:
    data = build(newsissue.parse(english_issue), EpubOptions())
    assert epubcheck_messages(data, tmp_path) == []
    books = read_book(data)
    assert package(data).find(f"{OPF}metadata").findtext(f"{DC}title") == "The Harbour Gazette 2025-03-18 No. 112"
    storm = "".join(books["EPUB/a-p01-02.xhtml"].itertext())
    assert (
        storm.index("High winds")
        if "High winds" in storm
        else storm.index("Gale-force") < storm.index("Rail operators")
    )
    assert "See STORM" not in storm and "From Page 1" not in storm
    assert all(tree.get("lang") == "en" for name, tree in books.items() if name.endswith(".xhtml"))


@settings(max_examples=int(os.environ.get("NEWSISSUE_EPUBCHECK_EXAMPLES", "6")))
@given(issue=issues(max_pages=3), vertical=...)
def test_generated_issues_pass_epubcheck(issue: newsissue.Issue, vertical: bool, tmp_path_factory) -> None:
    data = build(issue, EpubOptions(vertical=vertical))
    assert epubcheck_messages(data, tmp_path_factory.mktemp("epub")) == []


@settings(
    max_examples=int(os.environ.get("NEWSISSUE_EPUBCHECK_EXAMPLES", "4")), suppress_health_check=list(HealthCheck)
)
@given(issue=issues(max_pages=3).filter(lambda i: any(len(s.parts) > 1 for s in i.stories())), advertisements=...)
def test_generated_issues_with_continued_stories_pass_epubcheck(
    issue: newsissue.Issue, advertisements: bool, tmp_path_factory
) -> None:
    data = build(issue, EpubOptions(advertisements=advertisements))
    assert epubcheck_messages(data, tmp_path_factory.mktemp("epub")) == []


def test_a_broken_book_is_caught_by_the_check(sample: newsissue.Issue, tmp_path: Path) -> None:
    data = build(sample, EpubOptions())
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename.endswith("contents.xhtml"):
                content = content.replace(b'href="page-01.xhtml"', b'href="page-99.xhtml"')
            target.writestr(info, content)
    assert any("RSC-007" in message for message in epubcheck_messages(out.getvalue(), tmp_path))


def test_two_conversions_are_byte_identical(example_issue: Path, tmp_path: Path) -> None:
    first, second = tmp_path / "a.epub", tmp_path / "b.epub"
    for out in (first, second):
        newsissue.export(newsissue.parse(example_issue), "epub", out)
    assert first.read_bytes() == second.read_bytes()
    archive = zipfile.ZipFile(first)
    assert archive.namelist()[0] == "mimetype" and archive.infolist()[0].compress_type == zipfile.ZIP_STORED
    assert {info.date_time for info in archive.infolist()} == {(2025, 3, 18, 0, 0, 0)}


def test_a_book_written_to_a_file_is_the_rendered_bytes(example: newsissue.Issue, tmp_path: Path) -> None:
    """Written entry by entry into the file (no copy of the book in memory), or whole into a pipe."""
    out = tmp_path / "issue.epub"
    newsissue.export(example, "epub", out)
    whole = newsissue.render(example, "epub")
    assert out.read_bytes() == whole

    class Pipe(io.BytesIO):
        def seekable(self) -> bool:
            return False

    pipe = Pipe()
    newsissue.plugins.default_registry().exporter("epub").write(example, EpubOptions(), pipe)
    assert pipe.getvalue() == whole


def test_modified_time_comes_from_the_issue_or_source_date_epoch(
    sample: newsissue.Issue, monkeypatch: pytest.MonkeyPatch
) -> None:
    def modified() -> str:
        return package(build(sample, EpubOptions())).find(f".//{OPF}meta[@property='dcterms:modified']").text

    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert modified() == "2023-12-07T00:00:00Z"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert modified() == "2023-11-14T22:13:20Z"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    with pytest.raises(ExportError, match="SOURCE_DATE_EPOCH"):
        build(sample, EpubOptions())


def test_metadata_names_the_issue(sample: newsissue.Issue) -> None:
    opf = package(build(sample, EpubOptions()))
    metadata = opf.find(f"{OPF}metadata")
    assert metadata.findtext(f"{DC}title") == "株洲日报 2023-12-07 第23501期"
    assert metadata.findtext(f"{DC}date") == "2023-12-07"
    assert metadata.findtext(f"{DC}language") == "zh-CN"
    assert metadata.findtext(f"{DC}publisher")
    assert metadata.findtext(f"{DC}identifier").startswith("urn:uuid:")
    properties = {meta.get("property"): meta.text for meta in metadata.iter(f"{OPF}meta") if meta.get("property")}
    assert properties["belongs-to-collection"] == "株洲日报"
    assert properties["group-position"] == "23501"
    assert properties["collection-type"] == "series"
    assert properties["schema:accessMode"] == "textual" and properties["schema:accessibilityHazard"] == "none"
    assert properties["pageBreakSource"] and properties["schema:accessibilitySummary"]
    named = {meta.get("name"): meta.get("content") for meta in metadata.iter(f"{OPF}meta") if meta.get("name")}
    assert named["calibre:series"] == "株洲日报" and named["calibre:series_index"] == "23501"
    assert opf.find(f"{OPF}spine").get("page-progression-direction") in (None, "ltr")


def test_language_is_on_every_document(sample: newsissue.Issue) -> None:
    books = read_book(build(sample, EpubOptions()))
    documents = {name: tree for name, tree in books.items() if name.endswith(".xhtml")}
    assert len(documents) == 1 + 1 + 1 + 7 + 1  # cover, contents, page 01, 6 articles + 1 advertisement, nav
    for name, tree in documents.items():
        assert (tree.get("lang"), tree.get(XML_LANG)) == ("zh-CN", "zh-CN"), name


def test_reading_order_and_navigation(example: newsissue.Issue) -> None:
    data = build(example, EpubOptions())
    spine = spine_files(data)
    assert spine[:3] == ["cover.xhtml", "contents.xhtml", "page-01.xhtml"]
    page_positions = [spine.index(f"page-{n:02d}.xhtml") for n in (1, 2, 3, 4)]
    assert page_positions == sorted(page_positions)
    books = read_book(data)
    nav = books["EPUB/nav.xhtml"]
    toc = nav.find(f".//{XHTML}nav[@{EPUB_TYPE}='toc']")
    top = toc.findall(f"{XHTML}ol/{XHTML}li")
    titles = [li.find(f"{XHTML}a").text for li in top]
    assert [title[:3] for title in titles] == ["01版", "02版", "03版", "04版"]
    # Stories are listed under their first page: pages 2 and 3 each open with a continuation.
    assert [len(li.findall(f"{XHTML}ol/{XHTML}li")) for li in top] == [6, 1, 1, 3]
    page_list = nav.find(f".//{XHTML}nav[@{EPUB_TYPE}='page-list']")
    assert [a.get("href") for a in page_list.iter(f"{XHTML}a")] == [
        f"page-{n:02d}.xhtml#pg{n:02d}" for n in (1, 2, 3, 4)
    ]
    landmarks = nav.find(f".//{XHTML}nav[@{EPUB_TYPE}='landmarks']")
    assert [a.get(EPUB_TYPE) for a in landmarks.iter(f"{XHTML}a")] == ["cover", "toc", "bodymatter"]
    ncx = next(tree for name, tree in books.items() if name.endswith(".ncx"))
    assert len(ncx.findall(".//{http://www.daisy.org/z3986/2005/ncx/}navPoint")) > 4


def test_every_article_links_back_and_forth(example: newsissue.Issue) -> None:
    data = build(example, EpubOptions())
    books = read_book(data)
    names = {name.removeprefix("EPUB/") for name in books}
    articles = [name for name in spine_files(data) if name.startswith("a-")]
    for position, name in enumerate(articles):
        links = books[f"EPUB/{name}"].findall(f".//{XHTML}nav/{XHTML}a")
        rels = {a.get("rel"): a.get("href") for a in links}
        assert rels.get("prev") == (articles[position - 1] if position else None)
        assert rels.get("next") == (articles[position + 1] if position + 1 < len(articles) else None)
        assert "contents.xhtml" in rels.values()
        for a in books[f"EPUB/{name}"].iter(f"{XHTML}a"):
            assert a.get("href").split("#")[0] in names


def unlinked(issue: newsissue.Issue) -> newsissue.Issue:
    """The issue with its jumps not paired (as if the parser had not found the other ends)."""

    def loose(item: newsissue.Article) -> newsissue.Article:
        return attrs.evolve(
            item,
            continued_from=item.continued_from and attrs.evolve(item.continued_from, item=None),
            continued_on=item.continued_on and attrs.evolve(item.continued_on, item=None),
        )

    return attrs.evolve(issue, pages=[attrs.evolve(p, items=[loose(i) for i in p.items]) for p in issue.pages])


def test_unpaired_jump_lines_link_to_the_page_they_name(example: newsissue.Issue) -> None:
    books = read_book(build(unlinked(example), EpubOptions()))
    jumps = [
        a.get("href")
        for tree in books.values()
        for p in tree.iter(f"{XHTML}p")
        if "jump" in (p.get("class") or "")
        for a in p.iter(f"{XHTML}a")
    ]
    outgoing = ["page-02.xhtml", "page-03.xhtml", "page-03.xhtml", "page-04.xhtml"]
    assert sorted(jumps) == ["page-01.xhtml"] * 4 + outgoing


def test_a_continued_article_reads_on_in_its_first_page_place(example: newsissue.Issue, tmp_path: Path) -> None:
    data = build(example, EpubOptions())
    assert epubcheck_messages(data, tmp_path) == []
    spine = spine_files(data)
    assert "a-p02-01.xhtml" not in spine and "a-p03-01.xhtml" not in spine
    assert spine.index("a-p01-01.xhtml") < spine.index("page-02.xhtml")
    books = read_book(data)
    story = books["EPUB/a-p01-01.xhtml"]
    text = "".join(story.itertext())
    assert text.index("内河集装箱") < text.index("02版 要闻") < text.index("五定班轮")
    assert "下转" not in text and "上接" not in text
    assert story.find(f".//{XHTML}p[@id='part-p02-01']") is not None
    divider = [a.get("href") for a in books["EPUB/page-02.xhtml"].iter(f"{XHTML}a")]
    assert divider[0] == "a-p01-01.xhtml#part-p02-01"
    page_list = books["EPUB/nav.xhtml"].find(f".//{XHTML}nav[@{EPUB_TYPE}='page-list']")
    assert [a.get("href") for a in page_list.iter(f"{XHTML}a")][1] == "page-02.xhtml#pg02"


def test_a_jump_to_a_missing_page_is_text_not_a_link(sample: newsissue.Issue) -> None:
    books = read_book(build(sample, EpubOptions()))
    jump_paragraphs = [
        p for tree in books.values() for p in tree.iter(f"{XHTML}p") if "jump-out" in (p.get("class") or "")
    ]
    assert jump_paragraphs and all(len(p) == 0 and "下转" in p.text for p in jump_paragraphs)


def test_article_typography(sample: newsissue.Issue) -> None:
    books = read_book(build(sample, EpubOptions()))
    classes = {p.get("class") for tree in books.values() for p in tree.iter(f"{XHTML}p", f"{XHTML}h1", f"{XHTML}span")}
    assert {"kicker", "headline", "subheadline", "byline", "dateline-lead", "cover-title"} <= classes
    figures = [f for tree in books.values() for f in tree.iter(f"{XHTML}figure")]
    assert any(f.find(f".//{XHTML}span[@class='credit']") is not None for f in figures)
    css = zipfile.ZipFile(io.BytesIO(build(sample, EpubOptions()))).read("EPUB/style.css").decode()
    assert "text-indent: 2em" in css


@pytest.mark.parametrize(("language", "said"), [("en", "[Picture]"), ("zh", "[图片]"), ("de", "[Bild]")])
def test_a_picture_without_caption_is_said_not_an_empty_frame(language: str, said: str, tmp_path: Path) -> None:
    """An archive's picture (an ALTO Illustration) carries no image and often no caption."""
    item = newsissue.Article(
        headline="Harbour",
        body=(newsissue.Paragraph(text="Text."), newsissue.Figure(), newsissue.Figure(caption="Quay")),
    )
    issue = newsissue.Issue(title="Gazette", language=language, pages=(newsissue.Page(number=1, items=(item,)),))
    data = build(issue, EpubOptions())
    figures = [f for tree in read_book(data).values() for f in tree.iter(f"{XHTML}figure")]
    assert ["".join(figure.itertext()).strip() for figure in figures] == [said, "Quay"]
    assert epubcheck_messages(data, tmp_path) == []


def test_cover_shows_title_date_number_and_lead_headlines(sample: newsissue.Issue) -> None:
    cover = read_book(build(sample, EpubOptions()))["EPUB/cover.xhtml"]
    text = "".join(cover.itertext())
    assert "株洲日报" in text and "2023-12-07" in text and "第23501期" in text
    assert sample.pages[0].items[0].headline in text


def test_vertical_writing(sample: newsissue.Issue) -> None:
    data = build(sample, EpubOptions(vertical=True))
    assert package(data).find(f"{OPF}spine").get("page-progression-direction") == "rtl"
    css = zipfile.ZipFile(io.BytesIO(data)).read("EPUB/style.css").decode()
    assert "writing-mode: vertical-rl" in css


def test_advertisements_are_marked_or_left_out(sample: newsissue.Issue) -> None:
    with_ads = read_book(build(sample, EpubOptions()))
    marked = [tree for tree in with_ads.values() if tree.find(f".//{XHTML}article[@class='advertisement']") is not None]
    assert len(marked) == 1
    assert "广告" in "".join(marked[0].itertext())
    without = read_book(build(sample, EpubOptions(advertisements=False)))
    assert all(tree.find(f".//{XHTML}article[@class='advertisement']") is None for tree in without.values())
    assert len(without) == len(with_ads) - 1


def test_issue_without_pages_or_title_still_makes_a_valid_book(tmp_path: Path) -> None:
    issue = newsissue.Issue(pages=())
    assert epubcheck_messages(build(issue, EpubOptions()), tmp_path) == []


def test_a_write_failure_raises_and_leaves_no_file(
    sample: newsissue.Issue, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsissue_epub import book

    def broken(*args: object, **kwargs: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(book._Writer, "write", broken)
    out = tmp_path / "issue.epub"
    with pytest.raises(ExportError, match="disk full"):
        newsissue.export(sample, "epub", out)
    assert os.listdir(tmp_path) == []


def test_registered_like_any_third_party_plugin() -> None:
    exporter = newsissue.plugins.default_registry().exporter("epub")
    assert (exporter.media_type, exporter.suffix, exporter.binary) == ("application/epub+zip", ".epub", True)
    manager = newsissue.plugins.get_plugin_manager()
    assert any(name == "epub" for name, _ in manager.list_name_plugin())


def test_cli_converts_and_refuses_stdout(example_issue: Path, tmp_path: Path) -> None:
    def run(*args: str) -> subprocess.CompletedProcess[bytes]:
        return subprocess.run([sys.executable, "-m", "newsissue.cli", *args], capture_output=True, check=False)

    out = tmp_path / "issue.epub"
    result = run("convert", str(example_issue), "--to", "epub", "-o", str(out), "--option", "vertical=true")
    assert result.returncode == 0, result.stderr
    assert zipfile.ZipFile(out).read("mimetype") == b"application/epub+zip"
    refused = run("convert", str(example_issue), "--to", "epub")
    assert refused.returncode == 1 and refused.stderr.decode().count("\n") == 1
    assert b"binary" in refused.stderr and b"Traceback" not in refused.stderr


def test_empty_item_kinds_have_titles(example: newsissue.Issue) -> None:
    notice = next(item for page in example.pages for item in page.items if item.kind is ItemKind.NOTICE)
    bare = attrs.evolve(example, pages=[attrs.evolve(example.pages[0], items=[attrs.evolve(notice, headline=None)])])
    nav = read_book(build(bare, EpubOptions()))["EPUB/nav.xhtml"]
    assert "启事" in "".join(nav.itertext()) or "公告" in "".join(nav.itertext())


def test_a_dateline_runs_into_the_first_paragraph(english_issue: Path) -> None:
    books = read_book(build(newsissue.parse(english_issue), EpubOptions()))
    leads = [
        span for tree in books.values() for span in tree.iter(f"{XHTML}span") if span.get("class") == "dateline-lead"
    ]
    assert leads and leads[0].text == "PORT ELLIS —" and leads[0].tail.startswith(" The city council voted")
    assert leads[0].getparent().tag == f"{XHTML}p"


def test_book_metadata_for_libraries_and_assistive_technology(sample: newsissue.Issue) -> None:
    opf = etree.fromstring(zipfile.ZipFile(io.BytesIO(build(sample, EpubOptions()))).read("EPUB/content.opf"))
    assert opf.get("{http://www.w3.org/XML/1998/namespace}lang") == "zh-CN"
    dc = "{http://purl.org/dc/elements/1.1/}"
    assert opf.find(f".//{dc}creator").text == "株洲日报"
    description = opf.find(f".//{dc}description").text
    assert (
        description.startswith("株洲日报 2023-12-07 第23501期: ") and sample.pages[0].items[0].headline in description
    )
    metas = {meta.get("property"): meta for meta in opf.iter("{http://www.idpf.org/2007/opf}meta")}
    assert metas["dcterms:conformsTo"].text == "EPUB Accessibility 1.1 - WCAG 2.1 Level AA"
    assert metas["schema:accessibilitySummary"].get("{http://www.w3.org/XML/1998/namespace}lang") == "en"


def test_vertical_books_set_short_digit_runs_upright(sample: newsissue.Issue) -> None:
    books = read_book(build(sample, EpubOptions(vertical=True)))
    upright = [span.text for tree in books.values() for span in tree.iter(f"{XHTML}span") if span.get("class") == "tcy"]
    assert upright and all(text.isdigit() and len(text) <= 2 for text in upright)
    horizontal = read_book(build(sample, EpubOptions()))
    assert not any(span.get("class") == "tcy" for tree in horizontal.values() for span in tree.iter(f"{XHTML}span"))
