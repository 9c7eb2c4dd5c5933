"""What real consumers make of our NewsML-G2: Superdesk's ingest parser, and a second XSD validator.

Superdesk (superdesk-core, installed without its server dependencies: tests/superdesk.py says what
runs for real) is installed by the consumer stage of ``.ci/run``, which sets
``NEWSISSUE_CONSUMERS=1``; there a missing consumer fails, elsewhere it skips.
"""

from __future__ import annotations

import importlib.util
import os
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

import newsissue
from newsissue.formats import iptc
from newsissue.formats.iptc import IptcOptions
from tests.strategies import issues
from tests.validators import newsml_xmlschema_errors

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
# Superdesk builds body_html as "<tag>text</tag>" per top-level element, one a line, the text unescaped.
_ELEMENT = re.compile(r"<(\w+)>(.*?)</\1>(?=\n<|\Z)", re.DOTALL)


def _needs(module: str, what: str) -> None:
    if importlib.util.find_spec(module) is None:
        if os.environ.get("NEWSISSUE_CONSUMERS"):
            pytest.fail(f"{what} is not installed: the consumer stage of .ci/run installs it")
        pytest.skip(f"{what} is not installed (the consumer stage of .ci/run installs it)")


def _ingest(data: bytes) -> list[dict[str, Any]]:
    _needs("superdesk", "superdesk-core")
    _needs("arrow", "arrow")
    from tests.superdesk import ingest

    return ingest(data)


def _words(html: str) -> str:
    """The text Superdesk put in body_html, element by element."""
    return " ".join(" ".join(match.group(2) for match in _ELEMENT.finditer(html)).split())


def _printed(text: str) -> str:
    return " ".join(text.split())


def _check_superdesk_reads_every_story(issue: newsissue.Issue) -> None:
    data = newsissue.render(issue, "newsml", advertisements=True)
    items = _ingest(data)  # the whole newsMessage: no ParserError
    stories = iptc.exported_stories(issue, IptcOptions(advertisements=True))
    package, texts = items[0], items[1:]
    assert package["type"] == "composite" and len(texts) == len(stories)
    groups = {group["id"]: group["refs"] for group in package["groups"]}
    assert [ref["idRef"] for ref in groups["issue"]] == [iptc.page_id(page) for page in issue.pages]
    printed = iptc.parts_by_page(stories)
    for page in issue.pages:
        references = groups[iptc.page_id(page)]
        assert len(references) == len(printed.get(page.number, ()))
        for reference, (story, _part) in zip(references, printed.get(page.number, ()), strict=True):
            if story.first.headline:
                assert reference["headline"] == story.first.headline
    for item, story in zip(texts, stories, strict=True):
        first = story.first
        assert item["type"] == "text"
        assert item["headline"] == (first.headline or "") or (not first.headline and item["headline"])
        if first.byline_text:
            assert item["byline"] == first.byline_text
        assert item["slugline"] == (iptc.slugline(first) or "")
        body = _words(item.get("body_html") or "")
        if first.dateline is not None and first.dateline.text:
            assert body.startswith(_printed(first.dateline.text))
        for part in story.parts:  # every part's text, every caption and credit
            for block in part.item.body:
                for text in (
                    getattr(block, "text", None),
                    getattr(block, "caption", None),
                    getattr(block, "credit", None),
                ):
                    if text:
                        assert _printed(text) in body, (first.headline, text)


@pytest.mark.parametrize("name", ["qingxi-daily", "harbour-gazette"])
def test_superdesk_ingests_every_story_of_the_examples_whole(name: str) -> None:
    issue = newsissue.parse(EXAMPLES / name)
    assert any(len(story.parts) > 1 for story in issue.stories())  # continued stories among them
    _check_superdesk_reads_every_story(issue)


def test_superdesk_ingests_the_sample_whole(golden_page: Path) -> None:
    _check_superdesk_reads_every_story(newsissue.parse(golden_page))


@settings(max_examples=15, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(issues())
def test_superdesk_ingests_every_story_of_generated_issues_whole(issue: newsissue.Issue) -> None:
    _check_superdesk_reads_every_story(issue)


def test_superdesk_reads_the_main_headline_not_the_kicker() -> None:
    issue = newsissue.parse(EXAMPLES / "qingxi-daily")
    with_kicker = [story.first for story in issue.stories() if story.first.kicker]
    assert with_kicker
    headlines = {item["headline"] for item in _ingest(newsissue.render(issue, "newsml"))[1:]}
    assert all(item.headline in headlines and item.kicker not in headlines for item in with_kicker)


@pytest.mark.parametrize("name", ["qingxi-daily", "harbour-gazette", "golden"])
def test_xmlschema_validates_newsml_against_2_36_with_its_xhtml(name: str, schemas: Path, golden_page: Path) -> None:
    source = golden_page if name == "golden" else EXAMPLES / name
    for advertisements in (False, True):
        data = newsissue.render(newsissue.parse(source), "newsml", advertisements=advertisements)
        assert newsml_xmlschema_errors(schemas, data) == []


@settings(max_examples=8, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(issues())
def test_xmlschema_validates_generated_issues(schemas: Path, issue: newsissue.Issue) -> None:
    assert newsml_xmlschema_errors(schemas, newsissue.render(issue, "newsml", advertisements=True)) == []
