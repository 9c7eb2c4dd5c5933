"""The sample page parses to the editor's expected structure, in every encoding and markup."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

import newsissue
from newsissue.formats.json_codec import dumps


def assert_matches(expected: Any, actual: Any, path: str = "$") -> None:
    """Every key of ``expected`` is in ``actual`` with an equal value; lists match item by item."""
    if isinstance(expected, dict):
        assert isinstance(actual, dict), f"{path}: expected an object, got {actual!r}"
        for key, value in expected.items():
            assert key in actual, f"{path}: key {key!r} missing"
            assert_matches(value, actual[key], f"{path}.{key}")
    elif isinstance(expected, list):
        assert isinstance(actual, list), f"{path}: expected a list, got {actual!r}"
        assert len(actual) == len(expected), f"{path}: {len(actual)} items, expected {len(expected)}"
        for index, (want, got) in enumerate(zip(expected, actual, strict=True)):
            assert_matches(want, got, f"{path}[{index}]")
    else:
        assert actual == expected, f"{path}: {actual!r} != {expected!r}"


def _variants(text: str) -> dict[str, bytes]:
    no_marks = re.sub(r"(?m)^#+[ \t]*", "", text)
    return {
        "markdown-utf8": text.encode("utf-8"),
        "plain-utf8": no_marks.encode("utf-8"),
        "markdown-utf8-bom": b"\xef\xbb\xbf" + text.encode("utf-8"),
        "markdown-gb18030-crlf": text.replace("\n", "\r\n").encode("gb18030"),
        "plain-gb18030-crlf": no_marks.replace("\n", "\r\n").encode("gb18030"),
        "markdown-utf16-bom": text.encode("utf-16"),
        "plain-ideographic-indent": re.sub(r"(?m)^(?=\S)", "\u3000\u3000", no_marks).encode("utf-8"),
        "markdown-space-indent": re.sub(r"(?m)^(?=[^#\s])", "    ", text).encode("utf-8"),
        # What a plain-text export gives: no marks and no line-end spaces (the masthead's hard breaks gone).
        "plain-text-export": re.sub(r"(?m)[ \t]+$", "", no_marks).encode("utf-8"),
    }


def test_sample_file_matches_expected(golden_page: Path, golden_expected: Path) -> None:
    expected = json.loads(golden_expected.read_text(encoding="utf-8"))
    actual = json.loads(dumps(newsissue.parse(golden_page)))
    assert actual["format"] == "newsissue/1"
    assert_matches(expected, actual)


@pytest.mark.parametrize(
    "variant",
    [
        "markdown-utf8",
        "plain-utf8",
        "markdown-utf8-bom",
        "markdown-gb18030-crlf",
        "plain-gb18030-crlf",
        "markdown-utf16-bom",
        "plain-ideographic-indent",
        "markdown-space-indent",
        "plain-text-export",
    ],
)
def test_sample_variants_match_expected(variant: str, golden_page: Path, golden_expected: Path, tmp_path: Path) -> None:
    expected = json.loads(golden_expected.read_text(encoding="utf-8"))
    page = tmp_path / golden_page.name
    page.write_bytes(_variants(golden_page.read_text(encoding="utf-8"))[variant])
    actual = json.loads(dumps(newsissue.parse(page)))
    assert_matches(expected, actual)


def test_sample_diagnostics_record_repairs_and_guesses(golden_page: Path) -> None:
    issue = newsissue.parse(golden_page)
    codes = [d.code for d in issue.diagnostics]
    assert codes.count("paragraph-joined") == 12
    joined_lines = {d.line for d in issue.diagnostics if d.code == "paragraph-joined"}
    assert 33 in joined_lines  # line 31 ends 聂方红、 and line 33 goes on 邓为民、…
    assert "figure-moved" in codes and "title-inferred" in codes and "item-classified" in codes
    assert all(d.line is None or d.line >= 1 for d in issue.diagnostics)


def test_sample_keeps_printed_forms(golden_page: Path) -> None:
    issue = newsissue.parse(golden_page)
    page = issue.pages[0]
    assert page.header[0] == "2023年12月7日 星期四"
    first, second, *_ = page.items
    assert first.dateline is not None and first.dateline.text == "新华社福州12月6日电"
    assert first.continued_on is not None and first.continued_on.text == "▶▶下转08版"
    assert second.byline_text == "株洲日报(全媒体记者/陈正明)"
    assert issue.country == "CN"


def test_caller_overrides_issue_fields(golden_page: Path) -> None:
    issue = newsissue.parse(
        golden_page, overrides={"title": "株洲日报(试刊)", "page_count": "12", "date": "2023-12-08"}
    )
    assert (issue.title, issue.page_count, issue.date.isoformat()) == ("株洲日报(试刊)", 12, "2023-12-08")
    with pytest.raises(newsissue.ParseError, match="cannot set"):
        newsissue.parse(golden_page, overrides={"pages": "1"})
    with pytest.raises(newsissue.ParseError, match="page_count"):
        newsissue.parse(golden_page, overrides={"page_count": "eight"})


def test_lead_with_byline_and_jump_keeps_neither_in_the_body() -> None:
    issue = newsissue.parse("## 标题\n\n株洲日报(全媒体记者/张三) 会议召开。▶▶下转02版①\n", language="zh")
    article = issue.pages[0].items[0]
    assert article.body == (newsissue.Paragraph(text="会议召开。"),)
    assert article.bylines[0].name == "张三" and article.continued_on is not None
    assert article.continued_on.marker == "①"


def test_language_is_detected_from_the_text() -> None:
    from newsissue.languages.zh import Chinese

    chinese = Chinese()
    assert chinese.score("株洲日报全媒体记者报道。") > 0.9
    assert chinese.score("The city council met on Tuesday.") == 0.0
    assert newsissue.parse("## 标题\n\n正文第一段。\n").language == "zh"
