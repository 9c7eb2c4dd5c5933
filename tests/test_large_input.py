"""Large input: long pages read in parts, repeated diagnostics bounded, JSON, NewsML and ninjs written piece by piece.

The time and memory figures themselves (linear time, memory within 5x the input at 50 MB) are a
measurement, not a test: bench/size_scaling.py, docs/benchmarks.md.
"""

from __future__ import annotations

import collections
import json
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

import newsissue
from newsissue import long_pages
from newsissue.formats.json_codec import FORMAT, converter, dumps
from newsissue.formats.newsml import NewsMLOptions
from newsissue.formats.newsml_write import newsml
from newsissue.formats.ninjs import NinjsOptions
from newsissue.formats.ninjs_write import ninjs
from newsissue.plugins import default_registry

from .strategies import issues, ocr_pages
from .test_parse_properties import lost_characters

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.fixture
def short_parts(monkeypatch: pytest.MonkeyPatch) -> int:
    """Parts of 300 lines, so a page of a few thousand lines is a long one."""
    monkeypatch.setattr(long_pages, "PART_LINES", 300)
    return 300


def headlines(issue: newsissue.Issue) -> list[tuple[str | None, int]]:
    return [(item.headline, len(item.body)) for page in issue.pages for item in page.items]


@pytest.mark.parametrize("name", ["evening-ocr.txt", "qingxi-database.md", "courrier-ocr.txt"])
def test_a_long_page_read_in_parts_reads_as_the_whole(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    text = "\n".join([(EXAMPLES / "page-styles" / name).read_text(encoding="utf-8")] * 30)
    whole = newsissue.parse(text)
    monkeypatch.setattr(long_pages, "PART_LINES", 300)
    in_parts = newsissue.parse(text)
    assert headlines(in_parts) == headlines(whole)
    notes = [d.message for d in in_parts.diagnostics if d.code == "page-read-in-parts"]
    assert len(notes) == 1 and notes[0].startswith("page 1 is long (")
    assert lost_characters(text, in_parts) == collections.Counter()


@given(ocr_pages(), st.integers(2, 6))
def test_nothing_is_lost_from_a_page_read_in_parts(page: tuple[str, list[str]], copies: int) -> None:
    text = "\n".join([page[0]] * copies)
    original = long_pages.PART_LINES
    long_pages.PART_LINES = 40
    try:
        issue = newsissue.parse(text, language="en")
    finally:
        long_pages.PART_LINES = original
    assert lost_characters(text, issue) == collections.Counter()


@given(st.lists(st.sampled_from(["", "A line of text.", "HEADLINE HERE", "第1版()", "x"]), max_size=900))
def test_parts_cover_the_text_and_start_at_line_starts(lines: list[str]) -> None:
    text = "\n".join(lines)
    conventions = default_registry().language("en")
    original = long_pages.PART_LINES
    long_pages.PART_LINES = 50
    try:
        found = long_pages.parts(text, conventions, first_line=7)
    finally:
        long_pages.PART_LINES = original
    assert "".join(text[part.start : part.end] for part in found) == text
    for part in found:
        assert part.start == 0 or text[part.start - 1] == "\n"
        assert part.first_line == 7 + text.count("\n", 0, part.start)
    assert len(found) == 1 or all(part.start < part.end for part in found)


def test_repeated_diagnostics_are_counted_past_the_limit() -> None:
    lines = [f"The commit{'-' if i % 2 == 0 else ''}" if i % 2 == 0 else "tee met today." for i in range(2400)]
    issue = newsissue.parse("# Many Hyphens\n\n" + "\n".join(lines) + "\n", language="en")
    joined = [d for d in issue.diagnostics if d.code == "removed-hyphen"]
    assert len(joined) == 501
    assert joined[-1].message == "700 more removed-hyphen not listed (1,200 in all)"


def reference_json(issue: newsissue.Issue, indent: int | None) -> str:
    """The JSON as one json.dumps of the whole document: what the piece-by-piece writer must equal."""
    document = {"format": FORMAT, **converter.unstructure(issue)}
    return json.dumps(document, ensure_ascii=False, indent=indent) + "\n"


@given(issues(), st.sampled_from([None, 0, 1, 2]))
def test_json_written_in_pieces_is_one_json_dumps(issue: newsissue.Issue, indent: int | None) -> None:
    assert dumps(issue, indent=indent) == reference_json(issue, indent)


def test_json_export_to_a_file_is_the_rendered_bytes(any_example: Path, tmp_path: Path) -> None:
    issue = newsissue.parse(any_example)
    for options in ({}, {"indent": "2"}, {"diagnostics": "false"}):
        out = tmp_path / "issue.json"
        newsissue.export(issue, "json", out, **options)
        typed = {"indent": 2} if "indent" in options else {"diagnostics": False} if options else {}
        assert out.read_bytes() == newsissue.render(issue, "json", **typed)
    assert newsissue.parse(out) == attrs.evolve(issue, diagnostics=())


@given(issues(), st.booleans())
def test_newsml_written_item_by_item_is_the_whole_tree_pretty_printed(issue: newsissue.Issue, ads: bool) -> None:
    whole = etree.tostring(
        newsml(issue, NewsMLOptions(advertisements=ads)), xml_declaration=True, encoding="UTF-8", pretty_print=True
    )
    assert newsissue.render(issue, "newsml", advertisements=ads) == whole


def test_newsml_export_to_a_file_is_the_rendered_bytes(any_example: Path, tmp_path: Path) -> None:
    issue = newsissue.parse(any_example)
    newsissue.export(issue, "newsml", tmp_path / "issue.xml")
    assert (tmp_path / "issue.xml").read_bytes() == newsissue.render(issue, "newsml")


@given(issues(), st.sampled_from([None, 1, 2]))
def test_ninjs_written_in_pieces_is_one_json_dumps(issue: newsissue.Issue, indent: int | None) -> None:
    whole = json.dumps(ninjs(issue, NinjsOptions(indent=indent)), ensure_ascii=False, indent=indent) + "\n"
    assert newsissue.render(issue, "ninjs", indent=indent).decode("utf-8") == whole


def test_ninjs_export_to_a_file_is_the_rendered_bytes(any_example: Path, tmp_path: Path) -> None:
    issue = newsissue.parse(any_example)
    newsissue.export(issue, "ninjs", tmp_path / "issue.json")
    assert (tmp_path / "issue.json").read_bytes() == newsissue.render(issue, "ninjs")
