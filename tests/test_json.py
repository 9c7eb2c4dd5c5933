"""The native JSON exporter is lossless, versioned, deterministic; its reader rejects what it is not."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given

import newsissue
from newsissue.formats.json_codec import FORMAT, dumps, loads

from .strategies import issues


@given(issues())
def test_round_trip_is_exact_for_generated_issues(issue: newsissue.Issue) -> None:
    text = dumps(issue)
    assert loads(text) == issue
    assert dumps(loads(text)) == text


def test_round_trip_is_exact_for_the_sample(golden_page: Path) -> None:
    issue = newsissue.parse(golden_page)
    assert loads(dumps(issue)) == issue
    assert newsissue.parse(dumps(issue)) == issue  # parse() recognises its own JSON


def test_render_is_deterministic_and_versioned(example_issue: Path) -> None:
    first = newsissue.render(newsissue.parse(example_issue), "json")
    second = newsissue.render(newsissue.parse(example_issue), "json")
    assert first == second
    document = json.loads(first)
    assert document["format"] == FORMAT
    assert list(document)[:3] == ["format", "title", "date"]
    block = document["pages"][0]["items"][0]["body"][0]
    assert next(iter(block)) == "type"


def test_options_change_the_output(example_issue: Path) -> None:
    issue = newsissue.parse(example_issue)
    compact = newsissue.render(issue, "json")  # one line by default: json.dumps' C encoder
    assert b"\n" not in compact.rstrip(b"\n")
    indented = newsissue.render(issue, "json", indent=2, diagnostics=False)
    assert indented.count(b"\n") > 100 and json.loads(indented) == {**json.loads(compact), "diagnostics": []}
    with pytest.raises(newsissue.ExportError, match="unknown option 'indnet'"):
        newsissue.render(issue, "json", indnet=2)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{", "not JSON"),
        ("[]", "not a newsissue/1 document"),
        ('{"format": "newsissue/9"}', "not a newsissue/1 document"),
        ('{"format": "newsissue/1", "pages": 5}', "malformed"),
        ('{"format": "newsissue/1", "pages": [{"number": 0}]}', "malformed"),
        ('{"format": "newsissue/1", "colour": "red"}', "malformed"),
        ('{"format": "newsissue/1", "pages": [{"number": 2}, {"number": 1}]}', "malformed"),
        ('{"format": "newsissue/1", "title": "a\\u0000b"}', "malformed"),
    ],
)
def test_malformed_documents_raise_parse_error(text: str, message: str) -> None:
    with pytest.raises(newsissue.ParseError, match=message):
        loads(text)
    with pytest.raises(newsissue.ParseError):
        newsissue.parse(text) if text.startswith('{"format": "newsissue/') else loads(text)
