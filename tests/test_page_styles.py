"""The fictional pages in examples/page-styles: database text, OCR column lines, Fraktur and French OCR.

Each is read as a user would read it (language detected, no options) and must give the structure
its editor would: the articles with their title stacks, datelines, credits and jump lines, the
page furniture kept apart, and no warning that the page was read badly.
"""

from __future__ import annotations

import collections
from pathlib import Path

import pytest

import newsissue
from newsissue import ItemKind
from newsissue.formats.json_codec import loads

from .test_parse_properties import lost_characters

from conftest import EXAMPLES  # isort: skip

STYLES = EXAMPLES / "page-styles"


def read(name: str) -> newsissue.Issue:
    return newsissue.parse(STYLES / name)


def articles(issue: newsissue.Issue) -> list[newsissue.Article]:
    return [item for item in issue.pages[0].items if item.kind is ItemKind.ARTICLE]


def codes(issue: newsissue.Issue) -> collections.Counter[str]:
    return collections.Counter(d.code for d in issue.diagnostics)


def test_database_records_are_one_item_each_with_their_title_stacks() -> None:
    issue = read("qingxi-database.md")
    assert issue.language == "zh"
    first, second, third = articles(issue)
    assert (first.kicker, first.headline) == ("青溪港扩建工程全面开工", "三千建设者奔赴工地")
    assert first.dateline is not None and first.dateline.text == "【新华社青溪十一日电】"
    # A second dispatch inside the record stays in it.
    assert any("上海港务局" in block.text for block in first.body if isinstance(block, newsissue.Paragraph))
    assert second.headline == "东山乡农业社春耕准备就绪"
    assert third.headline == "江心洲建成新渡口" and third.dateline is not None
    notice = next(item for item in issue.pages[0].items if item.kind is ItemKind.NOTICE)
    assert notice.headline == "关于春季植树的通知"
    assert "一九五七年三月八日" in [block.text for block in notice.body]  # the sign-off stays in the notice
    # Record headers and index entries are the database's furniture, kept apart from the items.
    header = issue.pages[0].header
    assert "第1版()专栏:" in header and "1. 青溪港扩建工程全面开工 三千建设者奔赴工地" in header
    assert codes(issue)["page-style"] == 1


def test_ocr_column_lines_give_stories_with_decks_datelines_and_jumps() -> None:
    issue = read("evening-ocr.txt")
    assert issue.language == "en"
    assert (issue.title, issue.number, str(issue.date)) == ("The Harbour Evening Post", 18204, "1911-05-09")
    ferry, mill, lighthouse = articles(issue)
    assert ferry.headline == "FERRY LINE TO RUN ALL NIGHT SERVICE"
    assert ferry.subheadline is not None and ferry.subheadline.startswith("Commissioners Vote to Keep Boats")
    assert "PASSENGERS WELCOME PLAN" in ferry.subheadline
    assert ferry.dateline is not None and ferry.dateline.place == "HARBOUR CITY"
    assert ferry.continued_on is not None and ferry.continued_on.page == 2
    assert [block.text for block in ferry.body if isinstance(block, newsissue.Heading)] == ["Fares Remain Unchanged."]
    body = " ".join(block.text for block in ferry.body if isinstance(block, newsissue.Paragraph))
    assert "beginning on the first of June" in body  # a word hyphenated at a line end, joined
    assert mill.headline == "MILL WORKERS ASK FOR SHORTER HOURS."
    assert [b.name for b in mill.bylines] == ["Associated Press"]
    assert mill.dateline is not None and mill.dateline.date is not None and mill.dateline.date.day == 9
    assert lighthouse.headline == "Old Lighthouse to Be Sold."
    # The weather ear, nameplate, folio and price are the page's header, not a story.
    assert "WEATHER." in issue.pages[0].header and "TWO CENTS." in issue.pages[0].header
    assert "page-read-badly" not in codes(issue)


def test_fraktur_page_gives_one_headline_a_story_under_section_headings() -> None:
    issue = read("nordlicht-fraktur.txt")
    assert issue.language == "de"
    assert str(issue.date) == "1884-03-04"
    hafen, winter, bahn = articles(issue)
    assert hafen.headline == "Der neue Hafen von Triest."
    assert hafen.dateline is not None and (hafen.dateline.place, str(hafen.dateline.date)) == ("Wien", "1884-03-02")
    assert winter.headline == "Ein ſtrenger Winter." and winter.dateline is None
    assert bahn.continued_on is not None and bahn.continued_on.page == 3
    body = bahn.body[0]
    assert isinstance(body, newsissue.Paragraph) and "Kreisgrenze" in body.text
    sections = [item.body[0].text for item in issue.pages[0].items if item.kind is ItemKind.OTHER]
    assert sections == ["Ausland.", "Inland."]


def test_french_page_reads_headline_deck_correspondent_and_jump() -> None:
    issue = read("courrier-ocr.txt")
    assert issue.language == "fr"
    assert (issue.number, str(issue.date)) == (2841, "1898-06-14")
    foire, pont = articles(issue)
    assert (foire.headline, foire.subheadline) == ("LA FOIRE DE SAINT-MARC", "Une affluence extraordinaire.")
    assert foire.dateline is not None and foire.dateline.place == "SAINT-MARC"
    assert pont.byline_text == "De notre correspondant particulier"
    assert pont.continued_on is not None and pont.continued_on.page == 2


@pytest.mark.parametrize("path", sorted(STYLES.iterdir()), ids=lambda path: path.name)
def test_every_style_loses_nothing_and_exports_to_every_format(path: Path) -> None:
    issue = newsissue.parse(path)
    text = path.read_text(encoding="utf-8")
    # Hyphens joined at line ends are recorded as removed; every other character is in the model.
    lost = lost_characters(text, issue)
    lost.pop("-", None)
    assert lost == collections.Counter()
    assert loads(newsissue.render(issue, "json")) == issue
    for name in ("newsml", "ninjs"):
        assert newsissue.render(issue, name)
    every = {item.confidence for page in issue.pages for item in page.items}
    assert every and all(value is not None and 0.0 <= value <= 1.0 for value in every)


def test_a_page_read_badly_says_so_at_warning_level() -> None:
    # 6,000 characters of column lines and no line that could be a title: one headless article.
    words = "the board voted last night to keep the ferry boats running until two in the morning".split()
    lines = [" ".join(words[i % 7 : i % 7 + 6]) + ("." if i % 5 == 4 else "") for i in range(180)]
    issue = newsissue.parse("\n".join(lines), language="en")
    loud = {d.code: d for d in issue.diagnostics if d.severity is newsissue.Severity.WARNING}
    assert "page-read-badly" in loud
    assert "read as 1 article with no headline" in loud["page-read-badly"].message
    assert issue.pages[0].items[0].confidence is not None and issue.pages[0].items[0].confidence <= 0.3


def test_inspect_shows_doubtful_items_and_the_page_style() -> None:
    from newsissue.inspect import describe

    text = describe(read("evening-ocr.txt"))
    assert "page-style: page 1 read as OCR column lines" in text
    issue = read("evening-ocr.txt")
    doubtful = [item for item in issue.pages[0].items if (item.confidence or 1.0) < 0.6]
    assert text.count("(a doubtful reading)") == len(doubtful)
