"""Invariants of the parser on any text: its one error, nothing lost, determinism."""

from __future__ import annotations

import collections
import re
from typing import Any

from hypothesis import example, given
from hypothesis import strategies as st

import newsissue
from newsissue.formats.json_codec import converter
from newsissue.languages.base import script_counts

from .strategies import english_pages_text, pages_text

# Keys whose values are not page text (derived, or names of things).
_NOT_TEXT = {"format", "type", "kind", "role", "code", "severity", "source", "message", "date", "language", "country"}


def model_characters(issue: newsissue.Issue) -> collections.Counter[str]:
    """Every non-space character the model holds in its text fields, diagnostics' text included."""
    found: collections.Counter[str] = collections.Counter()

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                if key not in _NOT_TEXT:
                    walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)
        elif isinstance(value, str):
            found.update(char for char in value if not char.isspace())
        elif isinstance(value, int) and not isinstance(value, bool):
            pass

    walk(converter.unstructure(issue))
    return found


def lost_characters(text: str, issue: newsissue.Issue) -> collections.Counter[str]:
    wanted = collections.Counter(char for char in text if not char.isspace())
    return wanted - model_characters(issue)


@given(st.text())
@example("\x00")
@example("#")
@example("![](x.png)\n\n## \n")
@example("\f\f")
def test_parse_raises_only_parse_error_on_any_text(text: str) -> None:
    try:
        issue = newsissue.parse(text)
    except newsissue.ParseError as exc:
        assert str(exc)
    else:
        assert isinstance(issue, newsissue.Issue)


@given(st.binary())
@example(b"\xff\xfe\x00")
@example(b"\xef\xbb\xbf")
def test_parse_raises_only_parse_error_on_any_bytes(data: bytes) -> None:
    try:
        newsissue.parse(data)
    except newsissue.ParseError as exc:
        assert str(exc)


# Text with no markup characters at all: every non-space character must reach the model.
_no_markup = st.text(
    st.one_of(
        st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5),
        st.sampled_from(list("，。、“”：；！？（）0123456789abcXYZ ▶①版转下上接第供图摄记者通讯员/\n\u3000")),
    )
)


@given(_no_markup)
@example("株洲日报(全媒体记者/陈正明) 12月6日，会议召开。\n\n▶▶下转08版")
def test_nothing_is_lost_from_text_without_markup(text: str) -> None:
    try:
        issue = newsissue.parse(text, language="zh")
    except newsissue.ParseError:
        assert not text.strip()
        return
    assert lost_characters(text, issue) == collections.Counter()


def assert_page_text_kept(text: str, language: str, *, typography: str) -> newsissue.Issue | None:
    """Parse ``text``; every character of it but markup (heading marks) and ``typography``
    (the dashes before a subheadline) must be in the model. None for text with nothing to read."""
    try:
        issue = newsissue.parse(text, language=language)
    except newsissue.ParseError:
        assert not text.strip()
        return None
    content = "\n".join(line.lstrip("#").lstrip() for line in re.split("[\n\f]", text))
    wanted = collections.Counter(char for char in content if not char.isspace() and char not in typography)
    model = model_characters(issue)
    for char in typography:
        model.pop(char, None)
    assert wanted - model == collections.Counter()
    return issue


@given(pages_text)
def test_nothing_is_lost_from_generated_pages(text: str) -> None:
    assert_page_text_kept(text, "zh", typography="—")


@given(pages_text)
def test_parse_is_deterministic(text: str) -> None:
    try:
        first = newsissue.parse(text, language="zh")
    except newsissue.ParseError:
        return
    second = newsissue.parse(text, language="zh")
    assert first == second
    assert newsissue.render(first, "json") == newsissue.render(second, "json")


@given(english_pages_text)
@example("By JO PARK\nStaff Writer\n\nLONDON — It rai-\nned.\n\n|\n\nSee RAIN, Page 2\n\fRAIN, From Page 1\n\nMore.")
def test_nothing_is_lost_from_generated_english_pages(text: str) -> None:
    issue = assert_page_text_kept(text, "en", typography="—-")
    if issue is not None:
        assert issue == newsissue.parse(text, language="en")


@given(st.text(max_size=200))
@example("\u4d00\u4dc0\u3400\uf900\ufaff\ufb00\ud800A")
def test_script_counts_count_han_and_latin_as_the_character_classes_do(text: str) -> None:
    han = len(re.findall(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]", text))
    latin = len(re.findall(r"[A-Za-z]", text))
    assert script_counts(text) == (han, latin)
