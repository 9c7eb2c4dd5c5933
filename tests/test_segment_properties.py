"""Segmentation on generated pages in the styles of real archives: database text, OCR column lines
with no blank line, German and French OCR. Nothing is lost, the only error is ParseError, the same
text gives the same issue, and the structure the generator put in comes out."""

from __future__ import annotations

import collections
import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

import newsissue
from newsissue import ItemKind
from newsissue.languages.patterns import word
from newsissue.plugins import default_registry

from .strategies import database_pages, latin_pages, ocr_pages
from .test_parse_properties import lost_characters

# Hyphens (and the Fraktur ``=``) at a line end go when the word is joined; the join is recorded.
_JOINS = "-="


def kept(text: str, issue: newsissue.Issue, joins: str = "") -> None:
    lost = lost_characters(text.replace("<br/>", " "), issue)
    for char in joins:
        lost.pop(char, None)
    assert lost == collections.Counter()


@settings(derandomize=True)
@given(database_pages())
def test_database_pages_give_one_item_per_record_and_lose_nothing(page: tuple[str, list[list[str]]]) -> None:
    text, stacks = page
    issue = newsissue.parse(text)
    assert issue.language == "zh"
    kept(text, issue)
    items = issue.pages[0].items
    assert len(items) == len(stacks)
    for item, stack in zip(items, stacks, strict=True):
        titles = " ".join(part for part in (item.kicker, item.headline, item.subheadline) if part)
        assert stack[0] in titles or stack[0] in item.body[0].text  # type: ignore[union-attr]
    assert issue == newsissue.parse(text)


@settings(derandomize=True)
@given(ocr_pages())
def test_ocr_pages_without_blank_lines_give_every_story(page: tuple[str, list[str]]) -> None:
    text, headlines = page
    issue = newsissue.parse(text, language="en")
    kept(text, issue, joins=_JOINS)
    found = {item.headline for item in issue.pages[0].items if item.kind is ItemKind.ARTICLE}
    assert set(headlines) <= found, f"{set(headlines) - found} not read as headlines"
    assert issue == newsissue.parse(text, language="en")


@given(st.sampled_from(["de", "fr"]).flatmap(lambda language: st.tuples(st.just(language), latin_pages(language))))
def test_german_and_french_pages_are_detected_and_lose_nothing(case: tuple[str, str]) -> None:
    language, text = case
    issue = newsissue.parse(text)
    assert issue.language == language
    kept(text, issue, joins=_JOINS)
    headline = "Der neue Hafen." if language == "de" else "LE NOUVEAU PORT"
    assert headline in {item.headline for item in issue.pages[0].items if item.kind is ItemKind.ARTICLE}


@given(st.one_of(database_pages().map(lambda page: page[0]), ocr_pages().map(lambda page: page[0])), st.data())
def test_damaged_archive_text_raises_only_parse_error(text: str, data: st.DataObject) -> None:
    """Cut, doubled or dropped lines of real-styled pages: a clean error or an issue, nothing else."""
    lines = text.split("\n")
    cut = data.draw(st.lists(st.integers(0, max(0, len(lines) - 1)), max_size=4))
    for index in sorted(set(cut), reverse=True):
        action = data.draw(st.sampled_from(["drop", "double", "halve"]))
        if action == "drop":
            del lines[index]
        elif action == "double":
            lines.insert(index, lines[index])
        else:
            lines[index] = lines[index][: len(lines[index]) // 2]
    damaged = "\n".join(lines)
    try:
        issue = newsissue.parse(damaged)
    except newsissue.ParseError as exc:
        assert str(exc)
    else:
        kept(damaged, issue, joins=_JOINS)


_HEADER_LEADS = ("第", "PAGE ", "Page ", "Seite ", "A", "B2 ", "02", "2 ", "12版", " ", "## ", "第 3 版：")


@example(lead="第", rest="02版：要闻", code="zh")
@example(lead="PAGE ", rest="2 · LOCAL", code="en")
@example(lead="Seite ", rest="2", code="de")
@given(
    lead=st.sampled_from(_HEADER_LEADS),
    rest=st.text(alphabet=st.sampled_from("0123456789 版第要闻:：·LOCALSeitePAGE-年月日\u3000"), max_size=24),
    code=st.sampled_from(["zh", "en", "de", "fr"]),
)
@settings(max_examples=400, deadline=None)
def test_every_page_header_opens_as_its_language_says(lead: str, rest: str, code: str) -> None:
    """The parser looks for pages only at lines opening with ``page_header_start``: no header may open otherwise."""
    conv = default_registry().language(code)
    text = (lead + rest).strip().lstrip("#").strip()
    if text and conv.match_page_header(text) is not None:
        assert re.match(conv.page_header_start, text), (code, text)


@given(
    st.text(alphabet="NnJj9_é", min_size=1, max_size=4).filter(lambda text: text[0].isalnum()),
    st.text(alphabet="NnJj9_é .-", max_size=30),
    st.booleans(),
)
def test_a_word_pattern_matches_where_its_plain_form_does(literal: str, text: str, ignore_case: bool) -> None:
    """``word(x)``, written for a fast search, finds what ``\\bx`` finds, in the same places."""
    flags = re.IGNORECASE if ignore_case else 0
    plain, fast = re.compile(r"\b" + re.escape(literal), flags), re.compile(word(re.escape(literal)), flags)
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_numbering_lines_in_reading_order_keeps_all_they_carry() -> None:
    """Lines renumbered in reading order keep every field but their place and unit marks."""
    from newsissue.evidence import Line, LineKind
    from newsissue.segment.layout import _numbered

    values = {
        "level": 2, "image": "i.png", "size": 9.5, "bold": True, "box": (5, 6, 70, 16), "block": "B1",
        "ref": "L7", "zone": "table", "group": "C1", "confidence": 0.8,
    }  # fmt: skip
    assert set(values) | {"kind", "text", "line", "indented", "blank", "opens"} == set(Line._fields)
    line = Line(LineKind.TEXT, "Text", 7, **values)  # type: ignore[arg-type]
    (numbered,) = _numbered([line], [True])
    assert numbered == line._replace(line=1, indented=False, blank=True, opens=True)
