"""Bad and unusual input: one documented error, never another exception; the issue never depends on argument order."""

from __future__ import annotations

from pathlib import Path

import pytest

import newsissue


def test_newsml_with_two_pages_of_one_number_is_a_parse_error(example_issue: Path) -> None:
    xml = newsissue.render(newsissue.parse(example_issue), "newsml").decode("utf-8")
    damaged = xml.replace('rel="niprop:pageNumber" value="2"', 'rel="niprop:pageNumber" value="1"')
    assert damaged != xml
    with pytest.raises(newsissue.ParseError, match="two page groups are page 1"):
        newsissue.parse(damaged)


def test_newsml_text_with_a_lone_surrogate_is_a_parse_error() -> None:
    with pytest.raises(newsissue.ParseError, match="no XML can hold"):
        newsissue.parse('<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/">\ud800</newsMessage>')


@pytest.mark.parametrize("source", [None, 5, 2.5, [1, 2], {"a": 1}, object()])
def test_a_source_of_another_type_is_a_parse_error(source: object) -> None:
    with pytest.raises(newsissue.ParseError, match="cannot read a"):
        newsissue.parse(source)  # type: ignore[arg-type]


def test_bytearray_and_memoryview_read_as_bytes() -> None:
    data = "## 标题\n\n正文第一段。\n".encode()
    expected = newsissue.parse(data)
    assert newsissue.parse(bytearray(data)) == expected
    assert newsissue.parse(memoryview(data)) == expected


def test_the_issue_does_not_depend_on_the_order_of_the_files(example_issue: Path) -> None:
    files = sorted(example_issue.iterdir())
    forward = newsissue.parse(files)
    backward = newsissue.parse(list(reversed(files)))
    assert forward == backward == newsissue.parse(example_issue)
    assert (forward.number, forward.publisher, forward.serial_number) == (8812, "中共青溪市委", "CN 99-0123")
    for name in ("json", "newsml", "ninjs"):
        assert newsissue.render(forward, name) == newsissue.render(backward, name)
