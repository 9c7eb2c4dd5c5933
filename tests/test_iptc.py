"""NewsML-G2 2.36 and ninjs 3.2: valid by IPTC's own schemas, readable by IPTC's library, readable back."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from lxml import etree
from NewsMLG2 import NewsMLG2Document

import newsissue
from fuzz.targets import newsml_view
from newsissue.formats.newsml_read import MAX_BYTES, read_newsml

from .strategies import issues
from .validators import NAR, newsml_errors, ninjs_errors


@pytest.mark.parametrize("advertisements", [False, True])
def test_sample_is_valid_newsml_and_ninjs(golden_page: Path, schemas: Path, advertisements: bool) -> None:
    issue = newsissue.parse(golden_page)
    assert newsml_errors(schemas, newsissue.render(issue, "newsml", advertisements=advertisements)) == []
    assert ninjs_errors(schemas, newsissue.render(issue, "ninjs", advertisements=advertisements)) == []


def test_shared_alias_checker_accepts_our_items(example_issue: Path, schemas: Path, tmp_path: Path) -> None:
    root = etree.fromstring(newsissue.render(newsissue.parse(example_issue), "newsml", advertisements=True))
    files = []
    for index, item in enumerate(root.iter(NAR + "newsItem", NAR + "packageItem")):
        path = tmp_path / f"item{index}.xml"
        path.write_bytes(etree.tostring(item))
        files.append(str(path))
    script = schemas / "newsml-g2" / "check_qcodes.py"
    result = subprocess.run([sys.executable, str(script), *files], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout
    # The package and one newsItem per story: 13 printed items, two of them continuations.
    assert result.stdout.count("undeclared: none") == len(files) == 12


def test_our_validation_rejects_what_iptc_rejects(schemas: Path) -> None:
    invalid = sorted((schemas / "newsml-g2" / "handmade" / "invalid").glob("*.xml"))
    assert invalid
    for path in invalid:
        assert newsml_errors(schemas, path.read_bytes()), path.name


@given(issues())
def test_generated_issues_export_valid_newsml_and_ninjs(schemas: Path, issue: newsissue.Issue) -> None:
    assert newsml_errors(schemas, newsissue.render(issue, "newsml", advertisements=True)) == []
    assert ninjs_errors(schemas, newsissue.render(issue, "ninjs", advertisements=True)) == []


@given(issues())
def test_newsml_round_trip_keeps_what_newsml_carries(issue: newsissue.Issue) -> None:
    assert read_newsml(newsissue.render(issue, "newsml", advertisements=True)) == newsml_view(issue)
    assert read_newsml(newsissue.render(issue, "newsml")) == newsml_view(issue, advertisements=False)


def test_sample_round_trip_through_newsml(golden_page: Path) -> None:
    issue = newsissue.parse(golden_page)
    data = newsissue.render(issue, "newsml", advertisements=True)
    assert newsissue.parse(data) == newsml_view(issue)
    article = newsissue.parse(data).pages[0].items[4]
    assert [(b.name, b.role.value) for b in article.bylines] == [("俞强年", "reporter"), ("喻文杰", "correspondent")]
    assert article.continued_on == newsissue.Jump(page=2, marker="②", text="▶▶下转02版②")


def test_iptc_library_reads_headlines_and_bylines(example_issue: Path) -> None:
    issue = newsissue.parse(example_issue)
    root = etree.fromstring(newsissue.render(issue, "newsml"))
    news_items = root.find(NAR + "itemSet").findall(NAR + "newsItem")
    articles = [story.first for story in issue.stories() if story.first.kind is newsissue.ItemKind.ARTICLE]
    assert len(news_items) == len(articles)
    for element, article in zip(news_items, articles, strict=True):
        item = NewsMLG2Document(etree.tostring(element)).get_item()
        headlines = {h.role: str(h) for h in item.contentmeta.headline}
        assert headlines["nihl:main"] == article.headline
        if article.kicker:
            assert headlines["nihl:kicker"] == article.kicker
        people = [str(c.name[0]) for c in item.contentmeta.creator] + [
            str(c.name[0]) for c in item.contentmeta.contributor
        ]
        assert sorted(people) == sorted(b.name for b in article.bylines)
        if article.byline_text:
            assert [str(b) for b in item.contentmeta.by] == [article.byline_text]


def test_guids_are_stable_and_options_apply(golden_page: Path) -> None:
    issue = newsissue.parse(golden_page)
    first = newsissue.render(issue, "newsml")
    assert first == newsissue.render(newsissue.parse(golden_page), "newsml")
    assert b'guid="urn:newsml:cn-43-0005:20231207:p01-01"' in first
    assert b"<versionCreated>2023-12-07T00:00:00+08:00</versionCreated>" in first
    custom = newsissue.render(issue, "newsml", provider="zzrb.example.cn", timezone="+09:00")
    assert b'guid="urn:newsml:zzrb.example.cn:20231207:issue"' in custom and b"T00:00:00+09:00" in custom
    with pytest.raises(newsissue.ExportError, match="timezone"):
        newsissue.render(issue, "newsml", timezone="Beijing")
    with pytest.raises(newsissue.ExportError, match="provider"):
        newsissue.render(issue, "ninjs", provider="a b")
    ninjs = json.loads(newsissue.render(issue, "ninjs"))
    assert [page["name"] for page in ninjs["associations"]] == ["p01"]
    assert len(ninjs["associations"][0]["associations"]) == 6  # the advertisement is left out by default


@pytest.mark.parametrize(
    ("document", "message"),
    [
        (
            '<?xml version="1.0"?><!DOCTYPE m [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>'
            '<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"><x>&b;</x></newsMessage>',
            "DOCTYPE",
        ),
        (
            '<!DOCTYPE m [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
            '<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/">&e;</newsMessage>',
            "DOCTYPE",
        ),
        (
            '<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/">' + "<a>" * 300 + "</a>" * 300 + "</newsMessage>",
            "XML",
        ),
        ('<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"><itemSet/></newsMessage>', "no packageItem"),
        ('<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"><itemSet>', "not well-formed"),
        ('<packageItem xmlns="http://iptc.org/std/nar/2006-10-01/"/>', "expected a NewsML-G2 newsMessage"),
    ],
)
def test_untrusted_newsml_is_refused_safely(document: str, message: str) -> None:
    with pytest.raises(newsissue.ParseError, match=message):
        read_newsml(document)
    with pytest.raises(newsissue.ParseError):
        newsissue.parse(document)


def test_oversized_newsml_is_refused() -> None:
    with pytest.raises(newsissue.ParseError, match="larger than"):
        read_newsml(b"<newsMessage>" + b" " * MAX_BYTES + b"</newsMessage>")


def test_a_continued_article_is_one_news_item_in_parts(example_issue: Path, schemas: Path) -> None:
    issue = newsissue.parse(example_issue)
    data = newsissue.render(issue, "newsml")
    assert newsml_errors(schemas, data) == []
    root = etree.fromstring(data)
    guid = "urn:newsml:cn-99-0123:20250318:p01-01"
    item = next(i for i in root.iter(NAR + "newsItem") if i.get("guid") == guid)
    parts = item.findall(NAR + "partMeta")
    pages = [p.find(NAR + "partMetaExtProperty[@rel='niprop:printPage']").get("value") for p in parts]
    assert pages == ["1", "2"] and [p.get("seq") for p in parts] == ["1", "2"]
    body = list(item.find(".//{http://www.w3.org/1999/xhtml}body"))
    marker = next(index for index, block in enumerate(body) if block.get("class") == "part-page")
    assert [block.get("class") for block in body].count("part-page") == 1 and body[marker].text.startswith("02版")
    assert "五定班轮" in "".join(block.text or "" for block in body[marker + 1 :])
    assert all(len(block) == 0 for block in body)  # text only: what a reader copying top-level text gets
    groups = {g.get("id"): g for g in root.iter(NAR + "group")}
    assert [r.get("residref") for r in groups["p02"].iter(NAR + "itemRef")] == [
        guid,
        "urn:newsml:cn-99-0123:20250318:p02-02",
    ]
    assert read_newsml(data) == newsml_view(issue, advertisements=False)


def test_a_continued_article_is_one_ninjs_association(example_issue: Path, schemas: Path) -> None:
    issue = newsissue.parse(example_issue)
    data = newsissue.render(issue, "ninjs")
    assert ninjs_errors(schemas, data) == []
    pages = json.loads(data)["associations"]
    story = pages[0]["associations"][0]
    assert [i["value"] for i in story["altIds"] if i["role"] == "printPage"] == ["1", "2"]
    assert "五定班轮" in story["bodies"][1]["value"]
    continuation = pages[1]["associations"][0]
    assert continuation["rel"] == "continuation" and continuation["uri"] == story["uri"]
    assert continuation["representationType"] == "partial"
