"""The fuzz targets of fuzz/targets.py under hypothesis: text and bytes in every encoding, each reader's
own documents mutated, and "every parsed issue exports to every format, and the exports read back".

The same targets run under atheris for as long as one likes: ``python fuzz/run.py TARGET`` (fuzz/run.py).
Here each property has hypothesis' example budget (60, or 600 with HYPOTHESIS_PROFILE=thorough).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from hypothesis import example, given
from hypothesis import strategies as st
from lxml import etree

import newsissue
from fuzz.targets import ENCODINGS, TARGETS, check_exports

from .strategies import database_pages, english_pages_text, issues, latin_pages, ocr_pages, pages_text

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

_any_page = st.one_of(
    pages_text,
    english_pages_text,
    database_pages().map(lambda page: page[0]),
    ocr_pages().map(lambda page: page[0]),
    latin_pages("de"),
    latin_pages("fr"),
)


@given(st.sampled_from(range(len(ENCODINGS))), st.one_of(_any_page, st.text()))
@example(0, "")
@example(ENCODINGS.index("utf-16-le"), "# 标题\n\n正文。\n")
@example(ENCODINGS.index("utf-16-be"), "# Storm\n\nThe storm came.\n")
def test_page_text_in_any_encoding_parses_the_same_whether_told_or_detected(index: int, text: str) -> None:
    TARGETS["parse_encoded"](bytes([index]) + text.encode("utf-8", "surrogatepass"))


@given(_any_page)
def test_every_parsed_page_exports_to_every_format_and_reads_back(text: str) -> None:
    TARGETS["parse_text"](text.encode("utf-8"))


@given(st.binary(max_size=2000))
@example(b"\xef\xbb\xbf{")
@example(b'{"format": "newsissue/1", "pages": [{"number": 1}, {"number": 1}]}')
def test_any_bytes_parse_or_raise_parse_error_and_what_parses_exports(data: bytes) -> None:
    TARGETS["parse_bytes"](data)


@given(issues())
def test_every_model_issue_exports_to_every_format_and_reads_back(issue: newsissue.Issue) -> None:
    check_exports(issue)


# --- mutated documents of each reader's own format

_seed_issues = [newsissue.parse(EXAMPLES / "qingxi-daily"), newsissue.parse(EXAMPLES / "harbour-gazette")]
_json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**70), 2**70) | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=6,
)


def _paths(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            found.extend(_paths(item, (*path, key)))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found.extend(_paths(item, (*path, index)))
    return found


@st.composite
def json_documents(draw: st.DrawFn) -> bytes:
    """One of our JSON exports with a few values replaced, removed or doubled, or bytes damaged."""
    document = json.loads(newsissue.render(draw(st.sampled_from(_seed_issues)), "json"))
    for _ in range(draw(st.integers(1, 4))):
        path = draw(st.sampled_from(_paths(document)))
        if not path:
            continue
        parent = document
        for key in path[:-1]:
            parent = parent[key]
        action = draw(st.sampled_from(["replace", "remove", "double"]))
        if action == "replace":
            parent[path[-1]] = draw(_json_values)
        elif action == "remove":
            del parent[path[-1]]
        elif isinstance(parent, list):
            parent.insert(path[-1], parent[path[-1]])
    data = json.dumps(document, ensure_ascii=draw(st.booleans())).encode("utf-8")
    return _damage(draw, data)


def _damage(draw: st.DrawFn, data: bytes) -> bytes:
    """Sometimes cut, flip or insert a few bytes."""
    for _ in range(draw(st.integers(0, 2))):
        at = draw(st.integers(0, len(data)))
        action = draw(st.sampled_from(["cut", "flip", "insert"]))
        if action == "cut":
            data = data[:at] + data[at + draw(st.integers(1, 40)) :]
        elif action == "flip" and at < len(data):
            data = data[:at] + bytes([data[at] ^ draw(st.integers(1, 255))]) + data[at + 1 :]
        else:
            data = data[:at] + draw(st.binary(min_size=1, max_size=8)) + data[at:]
    return data


@st.composite
def newsml_documents(draw: st.DrawFn) -> bytes:
    """One of our NewsML-G2 exports with elements removed or doubled, attributes and text changed."""
    issue = draw(st.sampled_from(_seed_issues))
    root = etree.fromstring(newsissue.render(issue, "newsml", advertisements=True))
    elements = list(root.iter())
    for _ in range(draw(st.integers(1, 4))):
        element = draw(st.sampled_from(elements))
        action = draw(st.sampled_from(["remove", "double", "attribute", "text"]))
        parent = element.getparent()
        if action == "remove" and parent is not None:
            parent.remove(element)
            elements = list(root.iter())
        elif action == "double" and parent is not None:
            parent.insert(parent.index(element), etree.fromstring(etree.tostring(element)))
            elements = list(root.iter())
        elif action == "attribute" and element.attrib:
            name = draw(st.sampled_from(sorted(element.attrib)))
            element.set(name, draw(st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")))))
        elif action == "text":
            element.text = draw(st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=20))
    return _damage(draw, etree.tostring(root, xml_declaration=True, encoding="UTF-8"))


@given(json_documents())
def test_mutated_json_documents_read_or_raise_parse_error(data: bytes) -> None:
    TARGETS["read_json"](data)


@given(newsml_documents())
def test_mutated_newsml_documents_read_or_raise_parse_error(data: bytes) -> None:
    TARGETS["read_newsml"](data)
