"""Bad and unusual input: one documented error, never another exception; the issue never depends on argument order."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
import tracemalloc
import zipfile
from pathlib import Path
from subprocess import CompletedProcess
from typing import Any

import attrs
import jsonschema
import pytest

import newsissue

from .epubcheck import epubcheck_messages


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


# --- the command line's own output: a full disk, a closed pipe, a terminal that cannot show Chinese


def run(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None, **kwargs: Any) -> CompletedProcess:
    streams = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE, **kwargs}
    env = {**os.environ, **(env or {})}
    return subprocess.run([sys.executable, "-m", "newsissue.cli", *args], check=False, cwd=cwd, env=env, **streams)


def one_error_line(result: CompletedProcess, message: str) -> None:
    stderr = result.stderr.decode("utf-8", "replace")
    assert result.returncode == 1, stderr
    assert stderr.count("\n") == 1 and stderr.startswith("newsissue: error: "), stderr
    assert message in stderr and "Traceback" not in stderr


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize(
    "args",
    [["convert", "{issue}", "--to", "json"], ["inspect", "{issue}"], ["formats"], ["plugins"], ["--help"]],
)
def test_a_full_standard_output_is_one_error_line(args: list[str], example_issue: Path) -> None:
    with open("/dev/full", "wb") as full:
        result = run(*(arg.format(issue=example_issue) for arg in args), stdout=full, stderr=subprocess.PIPE)
    one_error_line(result, "cannot write to standard output: No space left on device")


def test_a_closed_pipe_ends_quietly(example_issue: Path) -> None:
    reader, writer = os.pipe()
    os.close(reader)  # nobody will read: the first write gets EPIPE
    try:
        result = subprocess.run(
            [sys.executable, "-m", "newsissue.cli", "convert", str(example_issue), "--to", "json"],
            stdout=writer,
            stderr=subprocess.PIPE,
            check=False,
        )
    finally:
        os.close(writer)
    assert (result.returncode, result.stderr) == (141, b"")


def test_a_terminal_that_cannot_show_chinese_gets_escapes(example_issue: Path) -> None:
    result = run("inspect", str(example_issue), env={"PYTHONIOENCODING": "latin-1"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(rb"\u9752\u6eaa\u65e5\u62a5 2025-03-18")
    error = run("convert", str(example_issue), "--to", "nope", "--set", "title=株洲", env={"PYTHONIOENCODING": "ascii"})
    one_error_line(error, "unknown format 'nope'")


@pytest.mark.parametrize(("encoding", "message"), [("undefined", "cannot decode"), ("hex", "not a text encoding")])
def test_an_encoding_that_cannot_decode_text_is_a_parse_error(encoding: str, message: str, example_issue: Path) -> None:
    with pytest.raises(newsissue.ParseError, match=message):
        newsissue.parse(example_issue / "01.md", encoding=encoding)
    one_error_line(run("inspect", str(example_issue / "01.md"), "--encoding", encoding), message)


def test_error_lines_quote_input_at_a_readable_length(example_issue: Path) -> None:
    result = run("convert", str(example_issue), "--to", "json", "--set", "number=" + "9" * 5000)
    one_error_line(result, "bad value for issue field 'number'")
    assert len(result.stderr) <= 420
    with pytest.raises(newsissue.ParseError) as caught:
        newsissue.parse(example_issue, overrides={"title": "a\x01" * 500})
    assert len(str(caught.value)) < 200


# --- accepted by the parser, refused by an exporter: every parsed issue exports to every format

FORMATS = ("json", "newsml", "ninjs", "mets", "epub")


def exports_everywhere(issue: newsissue.Issue) -> None:
    for name in FORMATS:
        assert newsissue.render(issue, name)


@pytest.mark.parametrize("digits", ["１２３４-５６７８", "١٢٣٤-٥٦٧٨", "१२३४-५६७८"])
def test_an_issn_in_other_digits_is_read_in_ascii_digits(digits: str) -> None:
    issue = newsissue.parse(f"ISSN {digits}\n\n# H\n\nBody.\n".encode())
    assert issue.issn == "1234-5678"
    exports_everywhere(issue)
    assert b"urn:newsml:issn-1234-5678:" in newsissue.render(issue, "newsml")
    # A reader that keeps the digits as given still exports: the provider is made of ASCII digits.
    kept = attrs.evolve(issue, issn="１２３４-５６７８", serial_number="ＣＮ ４３")
    exports_everywhere(kept)


@pytest.mark.parametrize("date", ["2110-05-01", "9999-12-31", "0999-05-01", "0001-01-01"])
def test_an_issue_of_any_year_makes_an_epub(date: str, example_issue: Path, tmp_path: Path) -> None:
    issue = newsissue.parse(example_issue, overrides={"date": date})
    data = newsissue.render(issue, "epub")
    assert epubcheck_messages(data, tmp_path) == []
    book = zipfile.ZipFile(io.BytesIO(data))
    assert {info.date_time[0] for info in book.infolist()} <= set(range(1980, 2108))
    opf = book.read("EPUB/content.opf").decode()
    modified = re.search(r'property="dcterms:modified">([^<]+)<', opf)
    assert modified and re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", modified[1]), opf
    assert f"<dc:date>{date}</dc:date>" in opf


EMPTY_NAME = {
    "format": "newsissue/1",
    "pages": [{"number": 1, "items": [{"headline": "H", "bylines": [{"name": ""}]}]}],
}


@pytest.mark.parametrize("name", ["", "   "])
def test_a_byline_with_no_name_is_refused_on_the_way_in(name: str, tmp_path: Path) -> None:
    document = json.loads(json.dumps(EMPTY_NAME))
    document["pages"][0]["items"][0]["bylines"][0]["name"] = name
    with pytest.raises(newsissue.ParseError, match=r"name must be non-empty.*bylines\[0\]"):
        newsissue.parse(json.dumps(document))
    (tmp_path / "b.json").write_text(json.dumps(document), encoding="utf-8")
    one_error_line(run("convert", "b.json", "--to", "newsml", cwd=tmp_path), "name must be non-empty")
    with pytest.raises(ValueError, match="non-empty"):
        newsissue.Byline(name=name)


def test_a_newsml_creator_with_no_name_is_a_parse_error(example_issue: Path) -> None:
    xml = newsissue.render(newsissue.parse(example_issue), "newsml").decode()
    damaged = re.sub(r"(<creator[^>]*>\s*<name>)[^<]+(</name>)", r"\1\2", xml)
    assert damaged != xml
    with pytest.raises(newsissue.ParseError, match="name must be non-empty"):
        newsissue.parse(damaged)


@pytest.mark.parametrize(
    ("given", "tag"), [("en_US", "en-US"), ("EN-gb", "en-GB"), ("zh_hant_tw", "zh-Hant-TW"), ("zh", "zh")]
)
def test_language_tags_are_read_as_bcp_47(given: str, tag: str, example_issue: Path) -> None:
    issue = newsissue.parse(example_issue, overrides={"language": given, "country": "cn"})
    assert (issue.language, issue.country) == (tag, "CN")
    exports_everywhere(issue)
    assert newsissue.parse(example_issue, language=given).language == tag


@pytest.mark.parametrize("bad", ["english_language", "e", "zh--CN", "中文", "en US"])
def test_a_language_that_is_no_bcp_47_tag_is_refused(bad: str, example_issue: Path) -> None:
    with pytest.raises(newsissue.ParseError, match="BCP 47"):
        newsissue.parse(example_issue, overrides={"language": bad})
    with pytest.raises(newsissue.ParseError, match="BCP 47"):
        newsissue.parse(example_issue, language=bad)
    one_error_line(run("inspect", str(example_issue), "--set", f"language={bad}"), "BCP 47")


@pytest.mark.parametrize(("field", "value"), [("page_count", "-3"), ("number", "-5"), ("number", "0")])
def test_issue_numbers_are_positive(field: str, value: str, example_issue: Path) -> None:
    with pytest.raises(newsissue.ParseError, match=f"{field} must be 1 or more"):
        newsissue.parse(example_issue, overrides={field: value})
    one_error_line(run("inspect", str(example_issue), "--set", f"{field}={value}"), "must be 1 or more")


# --- the native JSON reader takes what the published schema takes, and names the field it refuses

SCHEMA = json.loads((Path(__file__).parents[1] / "docs" / "newsissue-1.schema.json").read_text(encoding="utf-8"))
PAGE: dict[str, Any] = {"number": 1, "items": [{"headline": "H", "bylines": [{"name": "N", "role": "reporter"}]}]}
WRONG = [
    ({"title": 123}, "expected a string, not an integer @ $.title"),
    ({"number": True}, "expected an integer, not a boolean @ $.number"),
    ({"number": 8812.7}, "expected an integer, not a number with a fraction @ $.number"),
    ({"publisher": {"a": 1}}, "expected a string, not an object @ $.publisher"),
    ({"date": 20250318}, "expected a date string"),
    ({"language": "en_US"}, "BCP 47"),
    ({"country": "cn"}, "ISO 3166"),
    ({"page_count": -3}, "page_count must be 1 or more"),
    ({"pages": [{"number": 0}]}, "number must be 1 or more"),
    ({"pages": [{**PAGE, "items": [{"headline": ["x"]}]}]}, "@ $.pages[0].items[0].headline"),
    ({"pages": [{**PAGE, "items": [{"kind": "story"}]}]}, "@ $.pages[0].items[0].kind"),
    ({"pages": [{**PAGE, "items": [{"confidence": 2}]}]}, "confidence must be between 0 and 1"),
    ({"pages": [{**PAGE, "items": [{"extra": 1}]}]}, "unknown field extra @ $.pages[0].items[0]"),
    ({"pages": [{**PAGE, "items": [{"body": [{"type": "paragraph", "text": 5}]}]}]}, "body[0]"),
]


def schema_errors(document: dict[str, Any]) -> list[str]:
    return [error.message for error in jsonschema.Draft202012Validator(SCHEMA).iter_errors(document)]


@pytest.mark.parametrize(("change", "message"), WRONG)
def test_json_of_the_wrong_type_is_refused_by_the_reader_and_the_schema(change: dict[str, Any], message: str) -> None:
    document = {"format": "newsissue/1", "pages": [PAGE], **change}
    assert schema_errors(document), document
    with pytest.raises(newsissue.ParseError) as caught:
        newsissue.parse(json.dumps(document))
    assert message in str(caught.value)


def test_every_json_export_is_valid_by_the_schema(any_example: Path, golden_page: Path) -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    for source in (any_example, golden_page):
        document = json.loads(newsissue.render(newsissue.parse(source), "json"))
        assert schema_errors(document) == []


# --- page bytes that are almost right


def test_a_utf8_page_with_a_stray_byte_is_utf8_with_a_warning(example_issue: Path) -> None:
    data = (example_issue / "01.md").read_bytes()
    cut = data.index("全市".encode())
    damaged = data[:cut] + b"\xff" + data[cut:]
    issue = newsissue.parse(damaged)
    notes = [d for d in issue.diagnostics if d.code == "stray-bytes"]
    assert len(notes) == 1 and notes[0].severity is newsissue.Severity.WARNING
    line = data[:cut].count(b"\n") + 1
    offset = cut - (data.rfind(b"\n", 0, cut) + 1)
    assert notes[0].line == line and f"bytes ff at byte {offset} of the line" in notes[0].message
    assert issue.title == "青溪日报" and "\ufffd全市" in newsissue.render(issue, "json").decode()


def test_an_english_page_with_a_stray_byte_keeps_its_dashes(english_issue: Path) -> None:
    text = "EARLY EDITION\n\n# Storm Hits Coast\n\nThe storm — the worst in years — came at dawn, said one.\n"
    data = text.encode() + b"Winds \x97 of 90 miles.\n"
    issue = newsissue.parse(data)
    assert "—" in newsissue.render(issue, "json").decode("utf-8")
    assert [d.code for d in issue.diagnostics if d.severity is newsissue.Severity.WARNING] == ["stray-bytes"]


def test_a_legacy_code_page_is_still_read_as_one() -> None:
    issue = newsissue.parse("# Été\n\nLe café coûte cher à Noël, dit-on.\n".encode("cp1252"))
    assert "Le café coûte cher à Noël" in newsissue.render(issue, "json").decode()
    assert not any(d.code == "stray-bytes" for d in issue.diagnostics)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_read(codec: str, example_issue: Path) -> None:
    text = (example_issue / "01.md").read_text(encoding="utf-8")
    assert newsissue.parse(text.encode(codec)).pages == newsissue.parse(text.encode()).pages
    english = "# Storm\n\nThe storm came at dawn.\n".encode(codec)
    assert newsissue.parse(english).pages[0].items[0].headline == "Storm"


def test_binary_with_nul_bytes_is_still_refused() -> None:
    with pytest.raises(newsissue.ParseError, match="binary"):
        newsissue.parse(bytes(range(256)) * 8)


def test_a_newsml_file_over_the_reader_limit_is_refused_unread(tmp_path: Path) -> None:
    from newsissue.formats.newsml_read import MAX_BYTES

    big = tmp_path / "big.xml"
    with big.open("wb") as stream:
        stream.write(b'<?xml version="1.0"?><newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/">')
        stream.truncate(MAX_BYTES + 1)  # a sparse file: no time to write, no memory to read
    tracemalloc.start()
    try:
        with pytest.raises(newsissue.ParseError, match="newsml reader reads at most"):
            newsissue.parse(big)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 1024 * 1024


# --- the same cases through the command line


def test_cli_newsml_with_two_pages_of_one_number(example_issue: Path, tmp_path: Path) -> None:
    xml = newsissue.render(newsissue.parse(example_issue), "newsml").decode("utf-8")
    damaged = tmp_path / "d.xml"
    damaged.write_text(xml.replace('rel="niprop:pageNumber" value="2"', 'rel="niprop:pageNumber" value="1"'))
    one_error_line(run("convert", str(damaged), "--to", "json"), "two page groups are page 1")


def test_cli_full_width_issn_and_far_years_export(example_issue: Path, tmp_path: Path) -> None:
    page = tmp_path / "i.md"
    page.write_text("ISSN １２３４-５６７８\n\n# H\n\nBody.\n", encoding="utf-8")
    result = run("convert", str(page), "--to", "newsml")
    assert result.returncode == 0 and b"urn:newsml:issn-1234-5678:" in result.stdout, result.stderr
    for date in ("2110-05-01", "0999-05-01"):
        out = tmp_path / f"{date}.epub"
        result = run("convert", str(example_issue), "--set", f"date={date}", "--to", "epub", "-o", str(out))
        assert result.returncode == 0 and zipfile.is_zipfile(out), result.stderr


def test_cli_a_stray_byte_is_a_warning_that_inspect_shows(example_issue: Path, tmp_path: Path) -> None:
    data = (example_issue / "01.md").read_bytes()
    cut = data.index("全市".encode())
    (tmp_path / "01.md").write_bytes(data[:cut] + b"\xff" + data[cut:])
    result = run("inspect", str(tmp_path / "01.md"))
    assert result.returncode == 0, result.stderr
    assert re.search(rb"warning +01\.md:\d+ +stray-bytes: bytes ff at byte \d+ of the line", result.stdout)


def test_cli_files_in_any_order_give_the_same_bytes(example_issue: Path) -> None:
    files = [str(path) for path in sorted(example_issue.iterdir())]
    forward = run("convert", *files, "--to", "newsml")
    backward = run("convert", *reversed(files), "--to", "newsml")
    assert forward.returncode == 0 and forward.stdout == backward.stdout
