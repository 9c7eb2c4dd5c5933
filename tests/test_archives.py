"""Archive issues (ALTO pages, METS and DIDL issues, NDNP batches): reading, segmenting, tracing.

The real issues are read from ../shared/corpus/alto (third-party text, never copied); the
properties run on generated ALTO pages with fictional text.
"""

from __future__ import annotations

import contextlib
import functools
import importlib.util
import json
import re
import subprocess
import sys
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any
from xml.sax.saxutils import quoteattr

import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsissue
from newsissue.readers.alto import read_alto

from . import layout_pages as made
from .layout_pages import alto_pages, layout_pages

ROOT = Path(__file__).resolve().parents[1]
# A corpus issue by its folder's name, read once for the module.
Read = Callable[..., newsissue.Issue]
# What segmenting an archive issue from its ALTO alone must reach against the archive's map.
BCUBED_F1 = 0.90


def _score_archive() -> Any:
    spec = importlib.util.spec_from_file_location("score_archive", ROOT / "tools" / "score_archive.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _keys(text: str) -> Counter[str]:
    text = unicodedata.normalize("NFKC", text).casefold()
    return Counter(word for word in re.split(r"[^\w]+", text) if word)


def _model_text(issue: newsissue.Issue) -> str:
    parts: list[str] = []
    for page in issue.pages:
        parts.extend(page.header)
        for item in page.items:
            parts.extend(p for p in (item.kicker, item.headline, item.subheadline, item.byline_text) if p)
            if item.dateline is not None and item.dateline.text:
                parts.append(item.dateline.text)
            for jump in (item.continued_from, item.continued_on):
                if jump is not None and jump.text:
                    parts.append(jump.text)
            for block in item.body:
                parts.extend(
                    p
                    for p in (
                        getattr(block, "text", None),
                        getattr(block, "caption", None),
                        getattr(block, "credit", None),
                    )
                    if p
                )
    parts.extend(d.text for d in issue.diagnostics if d.text and d.code == "debris-removed")
    return " ".join(parts)


def _letters(text: str) -> Counter[str]:
    return Counter(ch for ch in unicodedata.normalize("NFKC", text).casefold() if ch.isalnum())


@pytest.fixture(scope="module")
def alto(corpus: Path) -> Path:
    return corpus / "alto"


@pytest.fixture(scope="module")
def read(alto: Path) -> Read:
    """Each corpus issue read once for the module: ``read(name)``, ``read(name, structure=True)``."""

    @functools.cache
    def parse(name: str, *, structure: bool = False) -> newsissue.Issue:
        return newsissue.parse(alto / name, structure=structure)

    return parse


ISSUES = [
    "bnl-luxzeit-1858-12-07",
    "kb-ddd-1813-11-16",
    "ndnp-mnhi-nordstern-1878-01-03",
    "ndnp-dlc-evening-star-1916-08-26",
    "sbb-berlin-1890-04-01",
]


@pytest.mark.parametrize("name", ISSUES)
def test_every_archive_issue_reads_and_keeps_its_text(alto: Path, read: Read, name: str) -> None:
    issue = read(name)
    pages = [page for path in sorted((alto / name).rglob("*.xml")) if (page := _page_or_none(path))]
    assert len(issue.pages) == len(pages) and issue.pages
    printed = Counter[str]()
    for page in pages:
        printed += _letters(" ".join(line.text for line in page.lines))
    kept = _letters(_model_text(issue))
    lost = sum((printed - kept).values())
    assert lost <= 0.005 * sum(printed.values()), f"{lost} letters lost"  # see docs/archives.md
    assert all(item.regions or any(block.regions for block in item.body) for p in issue.pages for item in p.items)


def _page_or_none(path: Path) -> Any:
    try:
        return read_alto(path)
    except newsissue.ParseError:
        return None


@pytest.mark.parametrize(
    ("alto_file", "text_file"),
    [
        (
            "ndnp-dlc-evening-star-1916-08-26/sn83045462/0028065856A/1916082601/0007.xml",
            "en-evening-star-1916-08-26-p01.txt",
        ),
        (
            "ndnp-mnhi-nordstern-1878-01-03/batch_mnhi_german_ver01/sn83045350/00295876384/1878010301/0011.xml",
            "de-nordstern-1878-01-03-p01.txt",
        ),
        ("sbb-berlin-1890-04-01/27971740_1890-04-01_38_077_0_001.xml", "de-volkszeitung-berlin-1890-04-01-p01.txt"),
    ],
)
def test_alto_and_its_plain_text_give_the_same_words(corpus: Path, alto_file: str, text_file: str) -> None:
    page = read_alto(corpus / "alto" / alto_file)
    text = (corpus / "text" / text_file).read_text(encoding="utf-8")
    assert _keys(" ".join(line.text for line in page.lines)) == _keys(text)


@pytest.fixture(scope="module")
def kb_gold(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The KB issue's gold, made from its DIDL by the corpus' own tool."""
    out = tmp_path_factory.mktemp("kb") / "kb.json"
    subprocess.run(
        [
            sys.executable,
            str(corpus / "tools" / "mets_truth.py"),
            str(corpus / "alto" / "kb-ddd-1813-11-16" / "DDD_ddd_010179815_mpeg21"),
            "--issue",
            "kb-ddd-1813-11-16",
            "-o",
            str(out),
        ],
        check=True,
        capture_output=True,
    )
    return json.loads(out.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def golds(alto: Path, kb_gold: dict[str, Any]) -> dict[str, dict[str, Any]]:
    lz = json.loads((alto / "truth" / "bnl-luxzeit-1858-12-07.json").read_text(encoding="utf-8"))
    return {"bnl-luxzeit-1858-12-07": lz, "kb-ddd-1813-11-16": kb_gold}


@pytest.mark.parametrize("name", ["bnl-luxzeit-1858-12-07", "kb-ddd-1813-11-16"])
def test_segmenting_from_alto_alone_reaches_the_archives_map(read: Read, golds: dict, name: str) -> None:
    result = _score_archive().score_issue(read(name), golds[name])
    assert result["bcubed"]["f1"] >= BCUBED_F1, result
    assert result["coverage"] == 1.0


@pytest.mark.parametrize("name", ["bnl-luxzeit-1858-12-07", "kb-ddd-1813-11-16"])
def test_the_archives_map_trusted_gives_its_items_exactly(read: Read, golds: dict, name: str) -> None:
    issue = read(name, structure=True)
    result = _score_archive().score_issue(issue, golds[name])
    assert result["exact_items"] == result["gold_items"] and result["bcubed"]["f1"] == 1.0
    assert any(d.code == "structure-trusted" for d in issue.diagnostics)


def test_the_kb_article_is_joined_across_its_two_pages(read: Read) -> None:
    issue = read("kb-ddd-1813-11-16")
    joined = [story for story in issue.stories() if len(story.parts) > 1]
    assert [(story.first.headline, [part.page for part in story.parts]) for story in joined] == [
        ("EXTRA VERKOOPING.", [1, 2])
    ]
    assert any(d.code == "continuation-assumed" for d in issue.diagnostics)


def test_archive_metadata_comes_from_the_issue_file(read: Read) -> None:
    lz = read("bnl-luxzeit-1858-12-07", structure=True)
    assert (lz.title, str(lz.date), lz.number) == ("Luxemburger Zeitung – Journal de Luxembourg", "1858-12-07", 288)
    nordstern = read("ndnp-mnhi-nordstern-1878-01-03")
    assert str(nordstern.date) == "1878-01-03" and [p.number for p in nordstern.pages] == list(range(1, 9))


@given(layout_pages())
def test_generated_layout_pages_read_and_lose_nothing(page: tuple[str, bytes, list[str]]) -> None:
    kind, data, words = page
    issue = newsissue.parse(data)
    assert _letters(_model_text(issue)) == _letters(" ".join(words)), kind
    assert all(block for _, block in _blocks(issue))
    # A picture (ALTO Illustration, hOCR ocr_photo, PAGE ImageRegion) is one figure with its region.
    assert [_figure_blocks(page) for page in issue.pages] == [["IL1"] if b"IL1" in data else []], kind


def _blocks(issue: newsissue.Issue) -> list[tuple[int, str | None]]:
    """Every region's (page, block), items and body blocks alike."""
    return [
        (page.number, region.block)
        for page in issue.pages
        for item in page.items
        for region in (*item.regions, *(r for block in item.body for r in block.regions))
    ]


@given(layout_pages(), st.integers(0, 2000), st.binary(max_size=8))
def test_damaged_layout_pages_raise_only_parse_error(page: tuple[str, bytes, list[str]], cut: int, junk: bytes) -> None:
    data = page[1]
    damaged = data[: len(data) * cut // 2000] + junk
    with contextlib.suppress(newsissue.ParseError):
        newsissue.parse(damaged)


def test_an_alto_file_declaring_entities_is_refused_unread(tmp_path: Path) -> None:
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE alto [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        '<alto><Layout><Page><PrintSpace><TextBlock ID="B1"><TextLine ID="L1" HPOS="1" VPOS="1" WIDTH="9" HEIGHT="9">'
        '<String CONTENT="&b;"/></TextLine></TextBlock></PrintSpace></Page></Layout></alto>'
    )
    path = tmp_path / "page.xml"
    path.write_text(bomb, encoding="utf-8")
    for source in (path, bomb.encode("utf-8")):
        with pytest.raises(newsissue.ParseError, match="declares XML entities"):
            newsissue.parse(source)


@given(st.lists(st.text(alphabet="ab&<>\"'©\u00ad ", min_size=1, max_size=6), min_size=1, max_size=5))
def test_alto_words_read_as_written_whatever_their_characters(words: list[str]) -> None:
    """Escaped characters (``&amp;``, ``&lt;``, ``&#169;``) come back as themselves; a soft hyphen goes."""
    strings = "<SP/>".join(f"<String CONTENT={quoteattr(word)}/>" for word in words)
    data = (
        '<alto xmlns="http://www.loc.gov/standards/alto/ns-v3#"><Layout><Page><PrintSpace><TextBlock ID="B1">'
        f'<TextLine ID="L1" HPOS="1" VPOS="1" WIDTH="90" HEIGHT="9">{strings}</TextLine>'
        "</TextBlock></PrintSpace></Page></Layout></alto>"
    ).encode()
    kept = [word.strip() for word in words if word.strip()]
    expected = " ".join(kept).replace("\u00ad", "").strip()
    assert [line.text for line in read_alto(data).lines] == ([expected] if expected else [])


def _clusters(issue: newsissue.Issue) -> set[tuple[str, frozenset[tuple[int, str]]]]:
    """Each story's kind and the blocks it was read from, over all its parts."""
    found = set()
    for story in issue.stories():
        blocks = frozenset(
            (region.page or part.page, region.block)
            for part in story.parts
            for region in (*part.item.regions, *(r for block in part.item.body for r in block.regions))
            if region.block
        )
        if blocks:
            found.add((story.first.kind.value, blocks))
    return found


def _mets_round_trip(folder: Path) -> tuple[newsissue.Issue, newsissue.Issue]:
    issue = newsissue.parse(folder, structure=False)
    (folder / "issue-mets.xml").write_bytes(newsissue.render(issue, "mets"))
    return issue, newsissue.parse(folder / "issue-mets.xml")


def test_mets_output_validates_and_reads_back_as_the_same_segmentation(
    alto: Path, schemas: Path, tmp_path: Path
) -> None:
    for page in (alto / "bnl-luxzeit-1858-12-07").rglob("text/*.xml"):
        (tmp_path / "text").mkdir(exist_ok=True)
        (tmp_path / "text" / page.name).write_bytes(page.read_bytes())
    issue, back = _mets_round_trip(tmp_path)
    assert mets_errors(schemas, (tmp_path / "issue-mets.xml").read_bytes()) == []
    assert _clusters(back) == _clusters(issue) and len(_clusters(issue)) >= 17
    assert any(d.code == "structure-trusted" for d in back.diagnostics)
    assert [page.source for page in back.pages] == [page.source for page in issue.pages]


def mets_errors(schemas: Path, data: bytes) -> list[str]:
    """What the official METS 1.12.1 schema says of a document (offline, the shared validator's resolver)."""
    sys.path.insert(0, str(schemas / "mets"))
    try:
        import validate_mets  # type: ignore[import-not-found]
    finally:
        sys.path.pop(0)
    schema = validate_mets.load_schema()
    from lxml import etree

    document = etree.fromstring(data)
    if schema.validate(document):
        return []
    return [f"line {error.line}: {error.message}" for error in schema.error_log]


@given(st.lists(alto_pages(), min_size=1, max_size=3))
def test_generated_alto_issues_round_trip_through_mets(pages: list[tuple[bytes, list[str]]]) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        for number, (data, _) in enumerate(pages, 1):
            (root / f"page-{number:03d}.xml").write_bytes(data)
        issue, back = _mets_round_trip(root)
        assert _clusters(back) == _clusters(issue)
        pictures = [data.count(b"<Illustration") for data, _ in pages]
        assert [_figure_blocks(page) for page in issue.pages] == [["IL1"] * count for count in pictures]
        assert [_figure_blocks(page) for page in back.pages] == [["IL1"] * count for count in pictures]


MIMETYPES = {"alto": b"text/xml", "page-xml": b"application/vnd.prima.page+xml", "hocr": b"text/vnd.hocr+html"}


@given(st.lists(layout_pages(), min_size=1, max_size=3))
def test_generated_layout_issues_round_trip_through_mets(pages: list[tuple[str, bytes, list[str]]]) -> None:
    """ALTO, PAGE-XML and hOCR pages mixed: each named in the METS by its media type (PAGE as OCR-D's
    METS names it), whatever its file name, and read back by its content."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        for number, (kind, data, _) in enumerate(pages, 1):
            (root / f"page-{number:03d}.{'hocr' if kind == 'hocr' else 'xml'}").write_bytes(data)
        issue, back = _mets_round_trip(root)
        assert _clusters(back) == _clusters(issue)
        kinds = [kind for kind, _, _ in pages]
        assert [page.source_format for page in back.pages] == [page.source_format for page in issue.pages] == kinds
        mimetypes = re.findall(rb'MIMETYPE="([^"]+)"', (root / "issue-mets.xml").read_bytes())[1:]
        assert sorted(mimetypes) == sorted(MIMETYPES[kind] for kind in kinds)


@pytest.mark.parametrize(
    ("name", "kind", "file"),
    [
        ("page-01.page.xml", "page-xml", b'<mets:file ID="PAGE_0001" MIMETYPE="application/vnd.prima.page+xml">'),
        ("page-01.hocr", "hocr", b'<mets:file ID="HOCR_0001" MIMETYPE="text/vnd.hocr+html">'),
    ],
)
def test_a_page_xml_or_hocr_issue_to_mets_validates_and_reads_back(
    name: str, kind: str, file: bytes, schemas: Path, tmp_path: Path
) -> None:
    page = tmp_path / name
    page.write_bytes((SCANS / "other-formats" / name).read_bytes())
    issue, back = _mets_round_trip(tmp_path)
    data = (tmp_path / "issue-mets.xml").read_bytes()
    assert mets_errors(schemas, data) == []
    assert file in data
    assert _clusters(back) == _clusters(issue) and len(_clusters(issue)) == 3
    assert [(page.source, page.source_format) for page in back.pages] == [(name, kind)]
    # Read back, the pages are the pages read (METS has no byline div: the byline is in the TITLE div).
    assert back.pages == issue.pages
    assert (issue.pages[0].items[0].byline_text, issue.pages[0].items[0].continued_on.text) == (
        "By MARIA ALVAREZ",
        "Continued on Page 2",
    )


OCRD_METS = """<?xml version="1.0" encoding="UTF-8"?>
<mets:mets xmlns:mets="http://www.loc.gov/METS/" xmlns:mods="http://www.loc.gov/mods/v3"
    xmlns:xlink="http://www.w3.org/1999/xlink">
  <mets:dmdSec ID="DMD_1"><mets:mdWrap MDTYPE="MODS"><mets:xmlData><mods:mods>
    <mods:identifier type="purl">https://example.org/harbour-gazette-1911-03-18</mods:identifier>
    <mods:titleInfo><mods:title>The Harbour Gazette</mods:title></mods:titleInfo>
  </mods:mods></mets:xmlData></mets:mdWrap></mets:dmdSec>
  <mets:fileSec>
    <mets:fileGrp USE="OCR-D-IMG"><mets:file ID="IMG_0001" MIMETYPE="image/png">
      <mets:FLocat LOCTYPE="OTHER" OTHERLOCTYPE="FILE" xlink:href="OCR-D-IMG/0001.png"/></mets:file></mets:fileGrp>
    {groups}
  </mets:fileSec>
  <mets:structMap TYPE="PHYSICAL"><mets:div TYPE="physSequence">
    <mets:div TYPE="page" ID="PHYS_0001" ORDER="1"><mets:fptr FILEID="IMG_0001"/>{pointers}</mets:div>
  </mets:div></mets:structMap>
</mets:mets>"""


@pytest.mark.parametrize(
    ("groups", "read"),
    [
        (["OCR-D-SEG-BLOCK", "OCR-D-OCR-TESS"], "OCR-D-OCR-TESS"),
        (["OCR-D-OCR-TESS", "OCR-D-OCR-CALAMARI", "OCR-D-SEG-LINE"], "OCR-D-OCR-CALAMARI"),
        (["OCR-D-OCR-TESS", "OCR-D-COR-CIS", "OCR-D-OCR-CALAMARI"], "OCR-D-COR-CIS"),
    ],
)
def test_an_ocrd_workspace_reads_the_text_of_its_last_ocr_step(groups: list[str], read: str, tmp_path: Path) -> None:
    """OCR-D's METS: a PAGE file group per processing step; the last of the most finished step is read."""
    page = (SCANS / "other-formats" / "page-01.page.xml").read_bytes()
    no_text = re.sub(rb"<TextEquiv>.*?</TextEquiv>", b"", page, flags=re.DOTALL)  # a segmentation step's output
    entries, pointers = [], []
    for use in groups:
        (tmp_path / use).mkdir()
        (tmp_path / use / f"{use}_0001.xml").write_bytes(page if use == read else no_text)
        entries.append(
            f'<mets:fileGrp USE="{use}"><mets:file ID="{use}_0001" MIMETYPE="application/vnd.prima.page+xml">'
            f'<mets:FLocat LOCTYPE="OTHER" OTHERLOCTYPE="FILE" xlink:href="{use}/{use}_0001.xml"/></mets:file>'
            "</mets:fileGrp>"
        )
        pointers.append(f'<mets:fptr FILEID="{use}_0001"/>')
    (tmp_path / "mets.xml").write_text(OCRD_METS.format(groups="".join(entries), pointers="".join(pointers)))
    issue = newsissue.parse(tmp_path)
    assert issue.title == "The Harbour Gazette"
    assert [item.headline for item in issue.pages[0].items] == FRONT_PAGE
    assert [(p.source, p.source_format) for p in issue.pages] == [(f"{read}/{read}_0001.xml", "page-xml")]
    notes = [d.message for d in issue.diagnostics if d.code == "ocrd-file-group"]
    assert notes == [f"an OCR-D workspace: the PAGE files of {read} read ({len(groups)} PAGE groups)"]


def test_the_example_scans_read_back_from_their_mets_as_they_were_read(tmp_path: Path) -> None:
    """Titles, bylines, datelines, a continuation's own title and both jump lines come back from the map."""
    for page in ("0001.xml", "0002.xml"):
        (tmp_path / page).write_bytes((SCANS / "alto" / page).read_bytes())
    issue, back = _mets_round_trip(tmp_path)
    assert back.pages == issue.pages
    story = next(story for story in issue.stories() if len(story.parts) == 2)
    assert [part.item.headline for part in story.parts] == [FRONT_PAGE[0], "BRIDGE REPAIRS"]
    assert story.first.dateline is not None and story.first.dateline.place == "PORT ELLIS"


def _column(*runs: tuple[bool, list[str]]) -> list[made.Block]:
    """Blocks down one column: (headline?, its lines), each line a sentence of a line's width."""
    blocks: list[made.Block] = []
    top = 100
    for headline, lines in runs:
        boxes = []
        for text in lines:
            height = 80 if headline else 40
            boxes.append((text.split(), False, (100, top, 100 + 20 * len(text), top + height)))
            top += height + 10
        blocks.append((headline, boxes))
        top += 30  # room for a rule between blocks
    return blocks


STORY = [
    "The harbour board met on Monday night to hear the engineers.",
    "They said the old quay will be closed until the end of May.",
    "Boats are to use the north pier while the work goes on there.",
]
OTHER = [
    "A large crowd saw the new lifeboat launched at noon on Friday.",
    "The crew took her round the point and back in under an hour.",
]


def _items_read(
    kind: str, blocks: list[made.Block], rules: Sequence[tuple[int, int, int, int]]
) -> list[tuple[str | None, int]]:
    """The items (headline, body blocks) of a page written in ``kind`` with these rules, as read."""
    if kind == "alto":
        data = made.alto(blocks, None, "pixel", False, rules=tuple(rules))
    elif kind == "page-xml":
        data = made.page_xml(blocks, made.PAGE_NAMESPACES[1], rules=tuple(rules))
    else:
        data = made.hocr(blocks, True, rules=tuple(rules))
    issue = newsissue.parse(data)
    return [(item.headline, len(item.body)) for page in issue.pages for item in page.items]


@pytest.mark.parametrize("kind", ["alto", "page-xml", "hocr"])
def test_a_rule_between_two_stories_of_a_column_parts_them(kind: str) -> None:
    """A thin rule (ALTO GraphicalElement, PAGE SeparatorRegion, hOCR ocr_separator) between body text
    and the text below it starts a new item; without it, the text below runs on; a rule under a
    headline parts nothing."""
    blocks = _column((True, ["HARBOUR WORKS BEGIN"]), (False, STORY), (False, OTHER))
    below_story = blocks[1][1][-1][2][3] + 15  # a rule in the gap under the story
    below_title = blocks[0][1][-1][2][3] + 15

    def read(*rules: tuple[int, int, int, int]) -> list[tuple[str | None, int]]:
        return _items_read(kind, blocks, rules)

    assert read() == [("HARBOUR WORKS BEGIN", 2)]
    assert read((300, below_story, 900, below_story + 4)) == [("HARBOUR WORKS BEGIN", 1), (None, 1)]
    assert read((300, below_title, 900, below_title + 4)) == [("HARBOUR WORKS BEGIN", 2)]
    assert read((100, below_story - 300, 104, below_story + 300)) == [("HARBOUR WORKS BEGIN", 2)]  # a column rule


def _skewed_page(skew: int) -> tuple[list[made.Block], list[tuple[int, int, int, int]]]:
    """Two stories, each a headline over three columns of body, parted by a rule in each column (a row
    across the page, as over a feuilleton); each column set ``skew`` lower than the one on its left,
    as a skewed scan prints it, so that no gap runs across the page between the stories. The blocks,
    and the rules."""
    blocks: list[made.Block] = []
    rules: list[tuple[int, int, int, int]] = []
    base = 100
    for title, body in (("HARBOUR WORKS BEGIN", STORY), ("LIFEBOAT LAUNCHED", OTHER)):
        blocks.append((True, [(title.split(), False, (100, base, 100 + 40 * len(title), base + 80))]))
        for column in range(3):
            left, top = 100 + column * 1300, base + 120 + column * skew
            lines = [
                (text.split(), False, (left, top + row * 50, left + 20 * len(text), top + row * 50 + 40))
                for row, text in enumerate(body)
            ]
            blocks.append((False, lines))
            if not rules or len(rules) < 3:
                bottom = lines[-1][2][3]
                rules.append((left, bottom + 20, left + 1200, bottom + 28))
        base = rules[0][3] + 20  # the next story right below the first column's rule
    return blocks, rules


@pytest.mark.parametrize("kind", ["alto", "page-xml", "hocr"])
def test_a_row_of_rules_across_the_page_parts_it_where_no_gap_does(kind: str) -> None:
    """A skewed scan leaves no gap across the page between two stories of three columns; the row of
    rules under the first (one a column) parts them, and each story reads its columns in turn."""
    blocks, rules = _skewed_page(skew=60)
    assert _items_read(kind, blocks, rules) == [("HARBOUR WORKS BEGIN", 3), ("LIFEBOAT LAUNCHED", 3)]
    assert _items_read(kind, blocks, rules[:1]) != _items_read(kind, blocks, rules)  # one rule is no row


def _figure_blocks(page: newsissue.Page) -> list[str | None]:
    """The blocks the page's figures were read from: an ALTO Illustration is a figure with its region."""
    return [
        region.block
        for item in page.items
        for block in item.body
        if isinstance(block, newsissue.Figure)
        for region in block.regions
    ]


def test_every_text_issue_exports_valid_mets(schemas: Path, golden_page: Path) -> None:
    issue = newsissue.parse(golden_page)
    data = newsissue.render(issue, "mets")
    assert mets_errors(schemas, data) == []
    assert data.count(b'TYPE="ARTICLE"') == sum(1 for s in issue.stories() if s.first.kind.value == "article")


SCANS = ROOT / "examples" / "harbour-gazette-scans"
FRONT_PAGE = ["COUNCIL APPROVES BRIDGE REPAIRS", "STORM CUTS POWER ALONG COAST", "SCHOOL GARDEN WINS PRIZE"]


@pytest.mark.parametrize(
    "name", ["page-01.hocr", "page-01.page.xml", "page-01.content_list.json", "page-01.docling.json"]
)
def test_every_layout_format_reads_the_example_front_page_alike(name: str) -> None:
    alto = newsissue.parse(SCANS / "alto")
    for source in (SCANS / "other-formats" / name, (SCANS / "other-formats" / name).read_bytes()):
        issue = newsissue.parse(source)
        items = issue.pages[0].items
        assert [item.headline for item in items] == FRONT_PAGE
        assert [[b.text for b in item.body] for item in items] == [
            [b.text for b in item.body] for item in alto.pages[0].items
        ]
        assert all(item.regions and all(block.regions for block in item.body) for item in items)
    jump = alto.pages[0].items[0].continued_on
    assert jump is not None and (jump.page, jump.item, jump.text) == (2, 1, "Continued on Page 2")


def _with_reading_order(page: bytes, order: list[str]) -> bytes:
    """The page with its ReadingOrder replaced by one of ``order``, its members listed last first."""
    refs = "".join(
        f'<RegionRefIndexed index="{index}" regionRef="{region}"/>'
        for index, region in reversed(list(enumerate(order)))
    )
    reading = f'<ReadingOrder><OrderedGroup id="ro">{refs}</OrderedGroup></ReadingOrder>'.encode()
    return re.sub(rb"<ReadingOrder>.*?</ReadingOrder>", lambda _: reading, page, count=1, flags=re.DOTALL)


def test_a_page_xml_reading_order_is_the_order_read(tmp_path: Path) -> None:
    page = (SCANS / "other-formats" / "page-01.page.xml").read_bytes()
    assert b"<ReadingOrder>" in page  # the example records its order, as layout tools do
    regions = re.findall(rb'<TextRegion id="([^"]+)" type="([^"]+)"', page)
    stories: list[list[str]] = []
    for region, kind in regions:
        if kind == b"heading" or not stories:
            stories.append([])
        stories[-1].append(region.decode())
    assert len(stories) == len(FRONT_PAGE)
    # The layout tool's order reads the third column's story first: the boxes alone never would.
    order = [region for story in (stories[2], stories[0], stories[1]) for region in story]
    path = tmp_path / "page.xml"
    path.write_bytes(_with_reading_order(page, order))
    issue = newsissue.parse(path)
    assert [item.headline for item in issue.pages[0].items] == [FRONT_PAGE[2], FRONT_PAGE[0], FRONT_PAGE[1]]
    assert "reading-order-recorded" in {note.code for note in issue.diagnostics}
    # Indexed members are read by their index, not by where the file lists them.
    assert _with_reading_order(page, order).index(b'index="0"') > _with_reading_order(page, order).index(b'index="1"')


def test_the_example_issue_file_gives_title_date_and_pages() -> None:
    issue = newsissue.parse(SCANS / "alto")
    assert (issue.title, str(issue.date), issue.number) == ("The Harbour Gazette", "2025-03-18", 112)
    assert [page.source for page in issue.pages] == ["0001.xml", "0002.xml"]
    assert issue.pages[1].items[2].kind is newsissue.ItemKind.ADVERTISEMENT


# Headline recall on the NDNP and Berlin pages read from ALTO, against the editor's truth of the same
# pages' text form (the corpus' light ALTO truths are not there; these pages' full truths are).
HEADLINE_RECALL = 0.85


def test_headlines_of_ndnp_pages_read_from_alto_match_the_truth(corpus: Path, read: Read) -> None:
    import difflib

    cases = [
        ("ndnp-dlc-evening-star-1916-08-26", 1, "en-evening-star-1916-08-26-p01"),
        ("ndnp-mnhi-nordstern-1878-01-03", 1, "de-nordstern-1878-01-03-p01"),
        ("ndnp-mnhi-nordstern-1878-01-03", 4, "de-nordstern-1878-01-03-p04"),
        ("sbb-berlin-1890-04-01", 1, "de-volkszeitung-berlin-1890-04-01-p01"),
    ]
    expected = found = 0
    for name, number, truth in cases:
        issue = read(name)
        page = next(page for page in issue.pages if page.number == number)
        stacks = [_key(" ".join(p for p in (i.kicker, i.headline, i.subheadline) if p)) for i in page.items]
        heads = [_key(item.headline) for item in page.items if item.headline]
        articles = json.loads((corpus / "text" / "truth" / f"{truth}.json").read_text(encoding="utf-8"))["articles"]
        for article in articles:
            if not article.get("headline") or article.get("uncertain"):
                continue
            expected += 1
            wanted = [_key(article["headline"])] + [_key(h) for h in article.get("headline_alternatives") or []]
            found += any(
                difflib.SequenceMatcher(None, want, head).ratio() >= 0.8 for want in wanted for head in heads
            ) or any(want and want in stack for want in wanted for stack in stacks)
    assert found / expected >= HEADLINE_RECALL, (found, expected)


def _key(text: str | None) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKC", text or "").casefold() if ch.isalnum())


def test_the_layout_examples_are_what_their_generator_makes(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("make_layout_examples", ROOT / "tools" / "make_layout_examples.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.main([str(tmp_path)])
    made = sorted(path.relative_to(tmp_path) for path in tmp_path.rglob("*") if path.is_file())
    assert made == sorted(path.relative_to(SCANS) for path in SCANS.rglob("*") if path.is_file())
    assert all((tmp_path / path).read_bytes() == (SCANS / path).read_bytes() for path in made)


def test_a_batch_over_the_archives_finds_each_issue_once(alto: Path, tmp_path: Path) -> None:
    from newsissue.batch import issue_inputs

    inputs = issue_inputs([alto / name for name in ISSUES])
    assert len(inputs) == len(ISSUES)
    # The NDNP batch folder is the issues its batch.xml lists.
    assert [path.name for path in inputs if "nordstern" in str(path)] == ["1878010301.xml"]
    results = list(newsissue.convert_many([alto / ISSUES[1]], "mets", tmp_path, jobs=1))
    assert [result.status for result in results] == ["done"]


def test_a_reel_folder_reads_its_issue_from_the_issue_file(alto: Path) -> None:
    reel = next((alto / "ndnp-mnhi-nordstern-1878-01-03").rglob("00295876384"))
    issue = newsissue.parse(reel)  # the reel's METS and the issue's: the issue's is read
    assert issue.source == "1878010301.xml"
    assert [page.source for page in issue.pages][:2] == ["0011.xml", "0012.xml"]
    assert any(note.code == "archive-files" for note in issue.diagnostics)


def test_the_cli_segments_afresh_when_told(alto: Path, tmp_path: Path) -> None:
    from newsissue.cli import main

    out = tmp_path / "kb.json"
    assert main(["convert", str(alto / ISSUES[1]), "--segment", "-o", str(out), "-q"]) == 0
    trusted = tmp_path / "kb-trusted.json"
    assert main(["convert", str(alto / ISSUES[1]), "-o", str(trusted), "-q"]) == 0
    codes = [
        {d["code"] for d in json.loads(path.read_text(encoding="utf-8"))["diagnostics"]} for path in (out, trusted)
    ]
    assert "structure-ignored" in codes[0] and "structure-trusted" in codes[1]
