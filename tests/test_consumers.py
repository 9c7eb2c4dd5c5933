"""What real consumers make of our NewsML-G2 and ninjs: Superdesk's ingest parsers, a second XSD
validator, and every ninjs version's own schema.

Superdesk (superdesk-core, installed without its server dependencies: tests/superdesk.py says what
runs for real) is installed by the consumer stage of ``.ci/run``, which sets
``NEWSISSUE_CONSUMERS=1``; there a missing consumer fails, elsewhere it skips.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
from pathlib import Path
from typing import Any

import lxml.html
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newsissue
from newsissue.formats import iptc
from newsissue.formats.iptc import IptcOptions
from tests.strategies import issues
from tests.validators import newsml_xmlschema_errors, ninjs_errors

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


@pytest.mark.parametrize("version", ["1.6", "2.2", "3.1", "3.2"])
@pytest.mark.parametrize("name", ["qingxi-daily", "harbour-gazette", "golden"])
def test_every_ninjs_version_is_valid_against_its_own_schema(
    version: str, name: str, schemas: Path, golden_page: Path
) -> None:
    issue = newsissue.parse(golden_page if name == "golden" else EXAMPLES / name)
    for advertisements in (False, True):
        data = newsissue.render(issue, "ninjs", version=version, advertisements=advertisements)
        document = json.loads(data)
        assert (document.get("standard") or document.get("$standard"))["version"] == version
        assert ninjs_errors(schemas, data) == []


@settings(max_examples=10, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(issues(), st.sampled_from(["1.6", "2.2"]))
def test_older_ninjs_of_generated_issues_is_valid(schemas: Path, issue: newsissue.Issue, version: str) -> None:
    assert ninjs_errors(schemas, newsissue.render(issue, "ninjs", version=version, advertisements=True)) == []


def test_an_unknown_ninjs_version_is_refused() -> None:
    issue = newsissue.parse(EXAMPLES / "qingxi-daily")
    with pytest.raises(newsissue.ExportError, match=r"version must be one of 1\.6, 2\.2, 3\.1, 3\.2"):
        newsissue.render(issue, "ninjs", version="4.0")


@pytest.mark.parametrize("name", ["qingxi-daily", "harbour-gazette"])
def test_superdesk_ingests_ninjs_1_6_story_by_story(name: str, tmp_path: Path) -> None:
    _needs("superdesk", "superdesk-core")
    from tests.superdesk import ingest_ninjs

    issue = newsissue.parse(EXAMPLES / name)
    path = tmp_path / "issue.json"
    path.write_bytes(newsissue.render(issue, "ninjs", version="1.6"))
    items = ingest_ninjs(path)
    stories = iptc.exported_stories(issue, IptcOptions())
    by_uri = {item["uri"]: item for item in items}
    assert len(by_uri) == len(items)  # one id an object: a continuation is not taken for its story
    for story in stories:
        first = story.parts[0]
        item = by_uri[f"urn:newsml:{_provider(issue)}:{iptc.item_id_at(first.page, first.index)}"]
        assert item["headline"] == (story.first.headline or item.get("headline"))
        if story.first.byline_text:
            assert item["byline"] == story.first.byline_text
        body = _printed(" ".join(lxml.html.fragment_fromstring(item["body_html"], create_parent="div").itertext()))
        for part in story.parts:
            for block in part.item.body:
                if text := getattr(block, "text", None):
                    assert _printed(text) in body


def _provider(issue: newsissue.Issue) -> str:
    """The provider and date part of our guids (``cn-99-0123:20250318``)."""
    uri = json.loads(newsissue.render(issue, "ninjs"))["uri"]
    return uri.removeprefix("urn:newsml:").rpartition(":")[0]


@pytest.mark.parametrize("name", ["qingxi-daily", "harbour-gazette", "golden"])
def test_pyconverters_newsml_gives_the_main_headline_and_the_full_text(name: str, golden_page: Path) -> None:
    """Kairntech's converter (the AFP-style reading): one document a story, titled by its main headline."""
    _needs("pyconverters_newsml", "pyconverters-newsml")
    _needs("inscriptis", "inscriptis")
    from tests.pyconverters import convert

    issue = newsissue.parse(golden_page if name == "golden" else EXAMPLES / name)
    documents = convert(newsissue.render(issue, "newsml"))
    stories = iptc.exported_stories(issue, IptcOptions())
    assert len(documents) == len(stories)
    for document, story in zip(documents, stories, strict=True):
        first = story.first
        if first.headline:
            assert document.title == first.headline  # not the kicker
        text = _printed(document.text)
        for part in story.parts:
            for block in part.item.body:
                for field in ("text", "caption", "credit"):
                    if value := getattr(block, field, None):
                        assert _printed(value) in text, (first.headline, value)
