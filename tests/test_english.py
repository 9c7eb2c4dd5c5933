"""English conventions: bylines, datelines, captions, mastheads, page headers; OCR-damaged pages."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsissue
from newsissue import Role
from newsissue.languages.en import English

from .strategies import wrap_column

EN = English()
ISSUE_DATE = dt.date(2025, 3, 18)


@pytest.mark.parametrize(
    ("text", "people"),
    [
        ("By MARIA ALVAREZ", [("MARIA ALVAREZ", Role.REPORTER)]),
        ("By Maria Alvarez and Tom Brennan", [("Maria Alvarez", Role.REPORTER), ("Tom Brennan", Role.REPORTER)]),
        (
            "BY ANA LIMA, JO PARK and LEE CHO",
            [("ANA LIMA", Role.REPORTER), ("JO PARK", Role.REPORTER), ("LEE CHO", Role.REPORTER)],
        ),
        ("Priya Natarajan, Staff Writer", [("Priya Natarajan", Role.REPORTER)]),
        ("By LUIS ORTEGA, Sports Editor", [("LUIS ORTEGA", Role.REPORTER)]),  # a job title, not the editing role
        ("Kate Moss, Special Correspondent", [("Kate Moss", Role.CORRESPONDENT)]),
        ("(By the Associated Press)", [("Associated Press", Role.AUTHOR)]),
        ("Staff Writers", []),
    ],
)
def test_bylines(text: str, people: list[tuple[str, Role]]) -> None:
    match = EN.match_byline(text, whole=True)
    assert match is not None and [(b.name, b.role) for b in match.bylines] == people and match.text == text


@pytest.mark.parametrize("text", ["By the time the tide turned", "By Land And Sea", "Council Approves Repairs"])
def test_not_bylines(text: str) -> None:
    assert EN.match_byline(text, whole=True) is None


@pytest.mark.parametrize(
    ("text", "agency", "place", "date", "rest"),
    [
        ("WASHINGTON — The Senate voted.", None, "WASHINGTON", None, "The Senate voted."),
        ("BOSTON (AP) — Boats landed.", "AP", "BOSTON", None, "Boats landed."),
        ("LONDON, June 10 (Reuters) - Winds rose.", "Reuters", "LONDON", dt.date(2024, 6, 10), "Winds rose."),
        ("CHICAGO, Sept. 16.—The fair opened.", None, "CHICAGO", dt.date(2024, 9, 16), "The fair opened."),
        ("SPRINGFIELD, Ill. — Lawmakers met.", None, "SPRINGFIELD, Ill.", None, "Lawmakers met."),
        (
            "PORT ELLIS, March 17 -- The vote came late.",
            None,
            "PORT ELLIS",
            dt.date(2025, 3, 17),
            "The vote came late.",
        ),
    ],
)
def test_datelines(text: str, agency: str | None, place: str, date: dt.date | None, rest: str) -> None:
    match = EN.match_dateline(text, ISSUE_DATE)
    assert match is not None
    assert (match.dateline.agency, match.dateline.place, match.dateline.date, match.rest) == (agency, place, date, rest)
    assert text.startswith(match.dateline.text)


@pytest.mark.parametrize("text", ["NASA said on Monday — and again today.", "A — B", "The city — at last — voted."])
def test_not_datelines(text: str) -> None:
    assert EN.match_dateline(text, ISSUE_DATE) is None


@pytest.mark.parametrize(
    ("text", "caption", "credit"),
    [
        (
            "Inspectors check the bridge. (Photo by Sam Lee/Harbour Gazette)",
            "Inspectors check the bridge.",
            "(Photo by Sam Lee/Harbour Gazette)",
        ),
        ("Fans cheer on Sunday. AP Photo/Charles Rex", "Fans cheer on Sunday.", "AP Photo/Charles Rex"),
        ("JOHN SMITH/STAFF PHOTOGRAPHER", None, "JOHN SMITH/STAFF PHOTOGRAPHER"),
        ("The mayor speaks. — JANE ROE/THE HARBOUR GAZETTE", "The mayor speaks.", "JANE ROE/THE HARBOUR GAZETTE"),
    ],
)
def test_captions(text: str, caption: str | None, credit: str) -> None:
    match = EN.match_caption(text)
    assert match is not None and (match.caption, match.credit) == (caption, credit)


def test_not_a_caption() -> None:
    assert EN.match_caption("The band AC/DC played on Friday night to a full house.") is None


def test_masthead_and_page_headers() -> None:
    masthead = EN.read_masthead(
        ("THE HARBOUR GAZETTE Tuesday, March 18, 2025 · Vol. 48, No. 112 · 4 Pages · ISSN 2999-0417",)
    )
    assert (masthead.title, masthead.date, masthead.weekday, masthead.number, masthead.page_count, masthead.issn) == (
        "The Harbour Gazette",
        ISSUE_DATE,
        1,
        112,
        4,
        "2999-0417",
    )
    for line, number, section in [
        ("PAGE 2 · LOCAL · Tuesday, March 18, 2025", 2, "LOCAL"),
        ("A3 | NATION & WORLD | THE HARBOUR GAZETTE | March 18, 2025", 3, "NATION & WORLD"),
        ("4 SPORTS Tuesday, March 18, 2025", 4, "SPORTS"),
    ]:
        header = EN.match_page_header(line)
        assert header is not None and (header.number, header.section, header.date) == (number, section, ISSUE_DATE)


def test_hyphenation_is_repaired_and_compounds_kept() -> None:
    assert EN.join("spend $14 mil-", "lion on repairs") == "spend $14 million on repairs"
    assert EN.join("an Anglo-", "Saxon name") == "an Anglo- Saxon name"
    assert EN.join("the end", "of it") == "the end of it"


def test_english_example_issue(english_issue: Path) -> None:
    issue = newsissue.parse(english_issue)
    assert (issue.title, issue.date, issue.number, issue.language, issue.issn) == (
        "The Harbour Gazette",
        ISSUE_DATE,
        112,
        "en",
        "2999-0417",
    )
    front = issue.pages[0].items
    assert (front[0].kicker, front[0].headline) == ("CITY HALL", "Council Approves Harbour Bridge Repairs")
    assert front[0].subheadline == "Work on the 70-Year-Old Span Is Set to Begin in May"
    assert front[0].byline_text == "By MARIA ALVAREZ and TOM BRENNAN Staff Writers"
    assert "$14 million" in front[0].body[0].text
    assert front[0].body[-1] == newsissue.Figure(
        caption="Inspectors check the underside of the Harbour Bridge on Friday.",
        credit="(Photo by Sam Lee/Harbour Gazette)",
        image="images/bridge.jpg",
    )
    fishing = front[3]
    assert fishing.dateline is not None and (fishing.dateline.agency, fishing.dateline.place) == ("AP", "BOSTON")
    # A second dispatch (PORTLAND, Maine —) stays in the article.
    assert fishing.body[1].text.startswith("PORTLAND, Maine —")
    assert [item.kind.value for item in front] == ["article"] * 4 + ["advertisement"]
    inner = issue.pages[1]
    assert (inner.number, inner.section) == (2, "LOCAL")
    assert inner.items[1].headline == "HOSPITAL OPENS NEW EMERGENCY WING"
    assert inner.items[1].body[-1] == newsissue.Figure(
        caption="Nurses show a treatment room to visitors on Monday.", credit="JOHN SMITH/STAFF PHOTOGRAPHER"
    )
    debris = [d.text for d in issue.diagnostics if d.code == "debris-removed"]
    assert debris == ["|", "- 2 -"]
    assert issue.pages[3].items[-1].kind is newsissue.ItemKind.NOTICE


_SENTENCE = st.lists(st.from_regex(r"[a-z]{2,9}", fullmatch=True), min_size=6, max_size=18).map(
    lambda words: " ".join(words).capitalize() + "."
)


def ocr(page: str, width: int, debris: list[str]) -> str:
    """The page as OCR gives it: no markup, headlines in capitals, lines wrapped and hyphenated, debris."""
    out = []
    for block in page.split("\n\n"):
        if block.startswith("#"):
            out.append(block.lstrip("# ").upper())
            continue
        if block.startswith("!["):
            continue
        out.append("\n".join(wrap_column(re.sub(r"-\n(?=[a-z])", "", block), width)))
        if debris:
            out.append(debris.pop())
    return "\n\n".join(out) + "\n"


@given(
    width=st.integers(30, 90),
    debris=st.lists(st.sampled_from(["|", "■", "- 3 -", "• • •", "___", "|  |"]), max_size=6),
    extra=st.lists(_SENTENCE, max_size=3),
)
def test_ocr_damaged_pages_parse_and_keep_their_articles(
    english_issue: Path, width: int, debris: list[str], extra: list[str]
) -> None:
    pages = [ocr(path.read_text(encoding="utf-8"), width, list(debris)) for path in sorted(english_issue.iterdir())]
    pages[0] += "\n\n" + "\n\n".join(extra)
    issue = newsissue.parse("\f".join(pages), language="en")
    headlines = {item.headline for page in issue.pages for item in page.items if item.headline}
    for wanted in (
        "COUNCIL APPROVES HARBOUR BRIDGE REPAIRS",
        "SENATE PASSES FARM BILL",
        "MARINERS WIN OPENER IN EXTRA INNINGS",
    ):
        assert wanted in headlines
    text = " ".join(
        block.text for page in issue.pages for item in page.items for block in item.body if hasattr(block, "text")
    )
    assert "$14 million" in text and "direction" in text
    assert not re.search(r"[a-z]- [a-z]", text)


def test_advertisements_and_notices_keep_their_printed_lines(english_issue: Path) -> None:
    """A block of display lines (a sale, a public notice) is not one paragraph: each printed line stays one."""
    issue = newsissue.parse(english_issue)
    kept = {
        item.kind.value: [block.text for block in item.body]
        for page in issue.pages
        for item in page.items
        if item.kind is not newsissue.ItemKind.ARTICLE
    }
    assert kept["advertisement"] == ["SPRING SALE", "Harbour Hardware", "20% off all garden tools", "Call 555-0142"]
    notice = ["PUBLIC NOTICE", "Hydrant flushing", "Port Ellis Water Department", "March 24 to March 28"]
    assert kept["notice"] == notice
