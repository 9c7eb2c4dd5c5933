"""Articles continued across pages: jumps paired by page, marker and headline; what is left is reported."""

from __future__ import annotations

import json
from pathlib import Path

import attrs
import pytest
from hypothesis import given

import newsissue
from newsissue import Jump

from .strategies import issues

ENGLISH_STORIES = [
    ("Council Approves Harbour Bridge Repairs", [(1, 1), (2, 1)]),  # Continued on Page A2 / Contimued from Page 1
    ("STORM KNOCKS OUT POWER ALONG THE COAST", [(1, 2), (3, 1)]),  # See STORM, Page 3 / STORM, From Page 1
]

FRONT = """2025年3月18日 星期二
第8812期 今日4版

## 河堤加固工程开工

青溪日报(全媒体记者/林晓舟) 3月17日，城北河堤加固工程开工，工程全长十二公里，计划汛期前完成主体施工，

▶▶下转02版

## 图书馆延长开放时间

青溪日报(全媒体记者/吴可欣) 3月17日，市图书馆宣布自下月起每天开放至晚上十点，

▶▶下转02版
"""

INNER = """第02版：要闻 责任编辑/方圆 2025年3月18日

## 图书馆开放时间

（上接01版）

周末还将增设亲子阅读专区，方便家长带孩子阅读。

## 河堤加固

（上接01版）

施工期间沿河步道分段封闭，市民出行请留意告示。
"""


def page_items(issue: newsissue.Issue, number: int) -> tuple[newsissue.Article, ...]:
    return next(page for page in issue.pages if page.number == number).items


def codes(issue: newsissue.Issue) -> list[str]:
    return [d.code for d in issue.diagnostics if d.code.startswith(("jump", "page-date"))]


def test_example_issue_joins_every_jump(example_issue: Path) -> None:
    issue = newsissue.parse(example_issue)
    joined = [story for story in issue.stories() if len(story.parts) > 1]
    assert [(story.first.headline, [(p.page, p.index) for p in story.parts]) for story in joined] == [
        ("青溪港新航线首航", [(1, 1), (2, 1)]),  # 下转02版① / 上接01版①
        ("前两月全国工业生产稳中有进", [(1, 3), (4, 3)]),  # 转第4版 / 接第1版
        ("老旧小区改造让居民住得更舒心", [(1, 4), (3, 1)]),  # two unmarked jumps to page 3,
        ("抢抓一季度 确保开门红", [(1, 5), (3, 2)]),  # told apart by headline
    ]
    assert page_items(issue, 1)[0].continued_on == Jump(page=2, marker="①", text="▶▶下转02版①", item=1)
    assert page_items(issue, 2)[0].continued_from == Jump(page=1, marker="①", text="（上接01版①）", item=1)
    assert codes(issue) == []
    assert "五定班轮" in "".join(block.text for block in joined[0].body if isinstance(block, newsissue.Paragraph))


def test_jumps_without_markers_are_told_apart_by_headline() -> None:
    issue = newsissue.parse(FRONT + "\f" + INNER)
    front = page_items(issue, 1)
    assert [item.continued_on.item for item in front] == [2, 1]
    assert [story.first.headline for story in issue.stories()] == ["河堤加固工程开工", "图书馆延长开放时间"]
    assert codes(issue) == []


def test_pages_are_ordered_by_number_not_by_input_order() -> None:
    issue = newsissue.parse(INNER + "\f" + FRONT)
    assert [page.number for page in issue.pages] == [1, 2]
    assert len(issue.stories()) == 2


def test_a_missing_page_is_reported_and_the_rest_parses() -> None:
    issue = newsissue.parse(FRONT)
    assert codes(issue) == ["jump-page-missing", "jump-page-missing"]
    assert all(item.continued_on.item is None for item in page_items(issue, 1))


def test_a_continuation_with_no_jump_leading_to_it_is_reported() -> None:
    issue = newsissue.parse(INNER.replace("第02版", "第03版") + "\f" + FRONT)
    assert sorted(codes(issue)) == ["jump-page-missing", "jump-page-missing", "jump-unresolved", "jump-unresolved"]
    messages = [d.message for d in issue.diagnostics if d.code == "jump-unresolved"]
    assert all("continues from page 1" in message for message in messages)


def test_a_marker_not_found_is_reported() -> None:
    front = FRONT.replace("▶▶下转02版\n\n## 图书馆", "▶▶下转02版②\n\n## 图书馆", 1)
    inner = INNER.replace("（上接01版）\n\n周末", "（上接01版③）\n\n周末", 1)
    inner = inner.replace("（上接01版）\n\n施工", "（上接01版①）\n\n施工", 1)
    issue = newsissue.parse(front + "\f" + inner)
    assert codes(issue) == ["jump-unresolved", "jump-unresolved"]
    assert "with marker ②" in issue.diagnostics[-2].message
    assert [item.continued_on.item for item in page_items(issue, 1)] == [None, 1]


def test_inner_page_headers_give_number_section_and_editors(example_issue: Path) -> None:
    issue = newsissue.parse(example_issue)
    pages = [(p.number, p.section, [e.name for e in p.editors]) for p in issue.pages]
    assert pages == [(1, None, []), (2, "要闻", ["方圆", "梁晨"]), (3, "城市", ["陶然"]), (4, "文体", ["葛青"])]
    assert all(e.role is newsissue.Role.EDITOR for p in issue.pages for e in p.editors)


def test_a_page_dated_differently_from_the_front_page_is_a_diagnostic() -> None:
    issue = newsissue.parse(FRONT + "\f" + INNER.replace("2025年3月18日", "2025年3月19日"))
    mismatch = [d for d in issue.diagnostics if d.code == "page-date-mismatch"]
    assert len(mismatch) == 1 and mismatch[0].page == 2 and mismatch[0].line is not None


def test_links_must_name_each_other() -> None:
    issue = newsissue.parse(FRONT + "\f" + INNER)
    front = list(issue.pages[0].items)
    front[0] = attrs.evolve(front[0], continued_on=attrs.evolve(front[0].continued_on, item=1))
    with pytest.raises(ValueError, match="not linked back"):
        attrs.evolve(issue, pages=[attrs.evolve(issue.pages[0], items=front), issue.pages[1]])


@given(issues())
def test_every_item_is_in_exactly_one_story(issue: newsissue.Issue) -> None:
    placed = [(part.page, part.index) for story in issue.stories() for part in story.parts]
    assert sorted(placed) == [(page.number, i) for page in issue.pages for i in range(1, len(page.items) + 1)]


def test_english_example_joins_every_jump(english_issue: Path) -> None:
    issue = newsissue.parse(english_issue)
    joined = [story for story in issue.stories() if len(story.parts) > 1]
    assert [(story.first.headline, [(p.page, p.index) for p in story.parts]) for story in joined] == ENGLISH_STORIES
    assert codes(issue) == []
    storm = page_items(issue, 1)[1].continued_on
    assert (storm.marker, storm.text) == ("STORM", "See STORM, Page 3")


@pytest.mark.parametrize(
    ("text", "outgoing", "page", "marker"),
    [
        ("Continued on Page A6", True, 6, None),
        ("(Continued on Page 4)", True, 4, None),
        ("Contlnued on Page 12", True, 12, None),
        ("Cont1nued on page 3", True, 3, None),
        ("Continucd from Page 1", False, 1, None),
        ("Con- tinued from Page B2", False, 2, None),
        ("See TAX, Page 4", True, 4, "TAX"),
        ("Please see CITY COUNCIL, Page A5", True, 5, "CITY COUNCIL"),
        ("TAX, From Page 1", False, 1, "TAX"),
    ],
)
def test_english_jump_lines(text: str, outgoing: bool, page: int, marker: str | None) -> None:
    from newsissue.languages.en import English

    match = English().match_jump(text)
    assert match is not None and (match.outgoing, match.jump.page, match.jump.marker) == (outgoing, page, marker)


def test_example_issues_keep_their_joins_in_every_exporter(any_example: Path, schemas: Path) -> None:
    import json

    from newsissue.formats.json_codec import loads
    from newsissue.formats.newsml_read import read_newsml

    from .validators import newsml_errors, ninjs_errors

    issue = newsissue.parse(any_example)
    stories = [s for s in issue.stories() if s.first.kind is newsissue.ItemKind.ARTICLE]
    continued = [s for s in stories if len(s.parts) > 1]
    assert len(continued) >= 2
    # JSON: the fragments stay on their pages, linked both ways.
    assert loads(newsissue.render(issue, "json")).stories() == issue.stories()
    # NewsML-G2: one newsItem per story, a partMeta per printed part; read back with its links.
    newsml = newsissue.render(issue, "newsml")
    assert newsml_errors(schemas, newsml) == []
    assert newsml.count(b"<newsItem ") == len(stories)
    # (the package has a partMeta per page besides)
    assert newsml.count(b"<partMeta ") == sum(len(s.parts) for s in continued) + len(issue.pages)
    back = read_newsml(newsml)
    assert [len(s.parts) for s in back.stories() if len(s.parts) > 1] == [len(s.parts) for s in continued]
    # ninjs: the story once, in full; a partial reference where a later page prints its continuation.
    ninjs = newsissue.render(issue, "ninjs")
    assert ninjs_errors(schemas, ninjs) == []
    associations = [a for page in json.loads(ninjs)["associations"] for a in page["associations"]]
    assert sum(a["rel"] == "continuation" for a in associations) == sum(len(s.parts) - 1 for s in continued)


def test_one_file_with_several_pages_split_at_their_headers(example_issue: Path, english_issue: Path) -> None:
    for folder in (example_issue, english_issue):
        whole = "\n\n".join(path.read_text(encoding="utf-8") for path in sorted(folder.iterdir()))
        joined = newsissue.parse(whole)
        separate = newsissue.parse(folder)
        assert [(p.number, p.section, len(p.items)) for p in joined.pages] == [
            (p.number, p.section, len(p.items)) for p in separate.pages
        ]
        assert [len(s.parts) for s in joined.stories()] == [len(s.parts) for s in separate.stories()]


def test_page_files_given_in_any_order_on_the_command_line(example_issue: Path) -> None:
    import json
    import subprocess
    import sys

    files = [str(example_issue / name) for name in ("03.md", "01.md", "04.md", "02.md")]
    result = subprocess.run(
        [sys.executable, "-m", "newsissue.cli", "convert", *files, "--to", "json"], capture_output=True, check=False
    )
    assert result.returncode == 0, result.stderr
    issue = json.loads(result.stdout)
    assert [page["number"] for page in issue["pages"]] == [1, 2, 3, 4]
    assert issue["pages"][0]["items"][0]["continued_on"]["item"] == 1


def test_lettered_sections_are_numbered_in_print_order_and_jumps_find_their_pages(tmp_path: Path) -> None:
    pages = {
        "B01.md": "B1 · BUSINESS · Tuesday, March 18, 2025\n\n# Bridge Repairs\n\nContinued from Page A1\n\n"
        "Work on the old span is set to begin in May.\n",
        "A02.md": "A2 · LOCAL · Tuesday, March 18, 2025\n\n# School Garden Wins Prize\n\nPupils won a prize.\n",
        "A01.md": "THE HARBOUR GAZETTE\nTuesday, March 18, 2025\n\n# Council Approves Bridge Repairs\n\n"
        "The council voted on Monday night.\n\nContinued on Page B1\n",
    }
    for name, text in pages.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    issue = newsissue.parse(tmp_path)
    assert [(page.number, page.label, page.source) for page in issue.pages] == [
        (1, "A1", "A01.md"),
        (2, "A2", "A02.md"),
        (3, "B1", "B01.md"),
    ]
    jump = issue.pages[0].items[0].continued_on
    assert jump is not None and (jump.page, jump.item) == (3, 1)
    assert [len(story.parts) for story in issue.stories()] == [2, 1]
    # The labels travel: NewsML-G2 reads them back; ninjs and EPUB show them.
    assert [page.label for page in newsissue.parse(newsissue.render(issue, "newsml")).pages] == ["A1", "A2", "B1"]
    ninjs = json.loads(newsissue.render(issue, "ninjs"))
    print_pages = [alt["value"] for obj in ninjs["associations"] if obj.get("rel") == "page" for alt in obj["altIds"]]
    assert print_pages == ["A1", "A2", "B1"]
    # One text holding the three pages splits at their lettered headers, in print order.
    joined = "\n\n".join(pages[name] for name in ("A01.md", "A02.md", "B01.md"))
    assert [page.label for page in newsissue.parse(joined).pages] == ["A1", "A2", "B1"]
