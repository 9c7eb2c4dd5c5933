"""The text reader on every construct it reads, and the units segmentation makes of them; what is removed."""

from __future__ import annotations

from pathlib import Path

import newsissue
from newsissue import Role
from newsissue.evidence import LineKind, Removed
from newsissue.languages.en import English
from newsissue.languages.zh import Chinese
from newsissue.readers.text import read_lines
from newsissue.segment import segment_lines


def units_of(text: str, conventions=None):  # type: ignore[no-untyped-def]
    lines, removed = read_lines(text)
    segmented = segment_lines(lines, conventions or Chinese())
    return [unit[:7] for unit in segmented.units], removed + list(segmented.removed)


TEXT = (
    "## 标题 ##\n"  # 1: a heading with closing marks
    "---\n"  # 2: a rule, dropped
    "> 引文一行\n"  # 3: a quote mark, taken off
    "![图片说明](photo.jpg)\n"  # 4: a picture
    "第一段<br>第二段\n"  # 5: a break inside the line
    "硬换行  \n"  # 6: two trailing spaces end the unit
    "反斜杠\\\n"  # 7: so does a backslash
    "控制\x01字符\n"  # 8: a control character
    "<!-- 版面备注 -->\n"  # 9: a comment, a blank line once removed
    "软换行的\n"  # 10-11: soft-wrapped lines of one unit
    "一段文字\n"
    "\u3000\u3000缩进的新段落\n"  # 12-13: an indent opens a unit; emphasis and escapes are markup
    "**加粗**与\\*星号\\*\n"
    "\n"
    "  \n"  # 15: spaces only, a blank line
    "空格\u3000\u3000很多   的行\n"  # 16: runs of any spaces become one
)


def test_every_construct_becomes_the_unit_it_marks() -> None:
    units, removed = units_of(TEXT)
    assert [tuple(unit) for unit in units] == [
        (LineKind.HEADING, "标题", 1, 1, 2, None, False),
        (LineKind.TEXT, "引文一行", 3, 3, None, None, False),
        (LineKind.IMAGE, "图片说明", 4, 4, None, "photo.jpg", False),
        (LineKind.TEXT, "第一段", 5, 5, None, None, False),
        (LineKind.TEXT, "第二段硬换行", 5, 6, None, None, False),
        (LineKind.TEXT, "反斜杠", 7, 7, None, None, False),
        (LineKind.TEXT, "控制字符", 8, 8, None, None, False),
        (LineKind.TEXT, "软换行的一段文字", 10, 11, None, None, False),
        (LineKind.TEXT, "缩进的新段落加粗与*星号*", 12, 13, None, None, True),
        (LineKind.TEXT, "空格 很多 的行", 16, 16, None, None, False),
    ]
    assert removed == [
        Removed(line=9, what="comment", text="版面备注"),
        Removed(line=8, what="control", text="\\x01"),
    ]


def test_a_standalone_line_is_a_unit_of_its_own() -> None:
    text = "正文的一行\n记者 张三\n下一行"
    lines, _ = read_lines(text)
    units = segment_lines(lines, Chinese()).units
    assert [(unit.text, unit.line, unit.end_line) for unit in units] == [
        ("正文的一行", 1, 1),
        ("记者 张三", 2, 2),
        ("下一行", 3, 3),
    ]


def test_a_join_that_drops_a_hyphen_is_recorded() -> None:
    units, removed = units_of("a mil-\nlion", English())
    assert [unit[1] for unit in units] == ["a million"]
    assert removed == [Removed(line=1, what="hyphen", text="a mil-|lion")]


def test_a_source_tag_and_its_byline_are_told_apart() -> None:
    """本报讯（记者 葛青）: the dateline is the source tag, the bracket a byline of its own (also in NewsML-G2)."""
    issue = newsissue.parse(Path(__file__).resolve().parents[1] / "examples" / "qingxi-daily")
    item = next(item for page in issue.pages for item in page.items if item.dateline and item.dateline.text == "本报讯")
    assert (item.byline_text, item.bylines) == ("（记者 葛青）", (newsissue.Byline(name="葛青", role=Role.REPORTER),))
    newsml = newsissue.render(issue, "newsml").decode("utf-8")
    assert "<dateline>本报讯</dateline>" in newsml and "<by>（记者 葛青）</by>" in newsml
