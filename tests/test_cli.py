"""The command line: conversions, atomic output, one-line errors with no traceback."""

from __future__ import annotations

import importlib.metadata
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import newsissue
from conftest import EXAMPLES
from newsissue.cli import main

# The input formats the built-in readers add to page text, as `formats` lists them.
INPUT_FORMATS = ["text", "alto", "docling", "hocr", "json", "mineru", "newsml", "page-xml"]


def run(*args: str, stdin: bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "newsissue.cli", *args], input=stdin, capture_output=True, check=False, cwd=cwd
    )


def test_convert_to_stdout(example_issue: Path) -> None:
    result = run("convert", str(example_issue), "--to", "json")
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["title"] == "青溪日报" and len(document["pages"]) == 4


def test_convert_reads_stdin_and_sets_fields(example_issue: Path) -> None:
    page = (example_issue / "01.md").read_bytes()
    result = run("convert", "-", "--to", "json", "--set", "title=青溪晚报", "--set", "number=9", stdin=page)
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert (document["title"], document["number"]) == ("青溪晚报", 9)


def test_convert_writes_file_atomically(example_issue: Path, tmp_path: Path) -> None:
    out = tmp_path / "issue.json"
    assert main(["convert", str(example_issue / "01.md"), "--to", "json", "-o", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["number"] == 8812
    assert os.listdir(tmp_path) == ["issue.json"]


def test_failed_conversion_keeps_the_old_file(tmp_path: Path) -> None:
    out = tmp_path / "issue.json"
    out.write_text("old", encoding="utf-8")
    empty = tmp_path / "empty.md"
    empty.write_bytes(b"")
    result = run("convert", str(empty), "--to", "json", "-o", str(out))
    assert result.returncode == 1
    assert out.read_text(encoding="utf-8") == "old"
    assert sorted(os.listdir(tmp_path)) == ["empty.md", "issue.json"]


@pytest.mark.parametrize(
    ("content", "args", "message"),
    [
        (None, ["convert", "missing.md", "--to", "json"], "missing.md: no such file"),
        (b"", ["convert", "page.md", "--to", "json"], "is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", ["convert", "page.md", "--to", "json"], "binary"),
        (b"\xff\xfe\x00", ["convert", "page.md", "--to", "json"], "byte-order mark"),
        (b"\xe6\xa0\xaa\xe6\xb4\xb2", ["convert", "page.md", "--to", "nope"], "unknown format 'nope'"),
        (b"\xe6\xa0\xaa\xe6\xb4\xb2", ["convert", "page.md", "--to", "json", "--set", "title"], "key=value"),
        (b"\xe6\xa0\xaa\xe6\xb4\xb2", ["convert", "page.md", "--to", "json", "--option", "x=1"], "unknown option"),
        (
            b"\xe6\xa0\xaa\xe6\xb4\xb2",
            ["convert", "page.md", "--to", "json", "-o", "no/such/dir/x.json"],
            "cannot write",
        ),
        (b"\xe6\xa0\xaa\xe6\xb4\xb2", ["inspect", "page.md", "--language", "xx"], "no plugin reads language 'xx'"),
        (b"\xe6\xa0\xaa\xe6\xb4\xb2", ["inspect", "page.md", "--encoding", "klingon"], "unknown encoding"),
    ],
)
def test_bad_input_gets_one_line_and_non_zero_exit(
    content: bytes | None, args: list[str], message: str, tmp_path: Path
) -> None:
    if content is not None:
        (tmp_path / "page.md").write_bytes(content)
    result = run(*args, cwd=tmp_path)
    assert result.returncode == 1
    stderr = result.stderr.decode()
    assert stderr.count("\n") == 1 and stderr.startswith("newsissue: error: "), stderr
    assert message in stderr
    assert "Traceback" not in stderr and result.stdout == b""


def test_inspect_shows_tree_and_diagnostics(example_issue: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["inspect", str(example_issue)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("青溪日报 2025-03-18 No. 8812")
    assert "kicker:      全市春季植树活动启动" in out
    assert "continues:   page 2 ①" in out
    assert "paragraph-joined" in out and "01.md:17" in out


def test_formats_and_plugins_list_what_is_installed(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["formats"]) == 0
    formats = capsys.readouterr().out
    lines = formats.splitlines()
    assert lines[0] == "output formats (convert --to NAME):" and "--option indent=none" in formats
    assert any(line.startswith("  json ") for line in lines) and any(line.startswith("  newsml ") for line in lines)
    inputs = lines.index("input formats (read by parse and convert, recognised by content):")
    assert [line.split()[0] for line in lines[inputs + 1 :]] == INPUT_FORMATS
    assert main(["plugins"]) == 0
    plugins = capsys.readouterr().out
    assert "newsissue.formats.json" in plugins and "newsissue_exporters" in plugins
    assert "newsissue.languages.zh" in plugins


@pytest.mark.parametrize(
    ("name", "args", "start"),
    [
        ("out.epub", [], b"PK"),
        ("out.xml", [], b"<?xml"),
        ("out.json", [], b'{"format": "newsissue/1"'),
        ("out.json", ["-t", "NINJS"], b'{"uri": "urn:newsml:'),
        ("out.txt", ["--to", "Json"], b'{"format": "newsissue/1"'),
    ],
)
def test_the_format_comes_from_to_in_any_case_or_from_the_output_suffix(
    name: str, args: list[str], start: bytes, example_issue: Path, tmp_path: Path
) -> None:
    out = tmp_path / name
    assert main(["convert", str(example_issue), "-o", str(out), *args]) == 0
    assert out.read_bytes().startswith(start)


@pytest.mark.parametrize(("args", "message"), [(["-o", "out.docx"], "the suffix .docx is no format's"), ([], "--to")])
def test_no_format_named_or_implied_is_one_error_line(args: list[str], message: str, example_issue: Path) -> None:
    result = run("convert", str(example_issue), *args)
    assert result.returncode == 1 and result.stderr.decode().count("\n") == 1
    assert message in result.stderr.decode() and result.stdout == b""


def test_convert_says_the_warnings_quiet_silences_them_verbose_adds_notes(tmp_path: Path) -> None:
    page = str(EXAMPLES / "page-styles" / "evening-ocr.txt")  # its jump names a page 2 the issue lacks
    out = str(tmp_path / "page.json")
    plain = run("convert", page, "-o", out)
    assert plain.returncode == 0 and os.path.getsize(out) > 0
    said = plain.stderr.decode().splitlines()
    assert said and all(line.startswith("newsissue: warning: evening-ocr.txt") for line in said)
    assert "jump-page-missing" in plain.stderr.decode()
    assert run("convert", page, "-o", out, "-q").stderr == b""
    verbose = run("convert", page, "-o", out, "-v").stderr.decode()
    assert "newsissue: info: language-detected: language detected as en" in verbose
    assert len(verbose.splitlines()) > len(said)  # the notes besides the warnings
    failing = run("convert", page, "-o", out, "--fail-on", "warning", "-q")
    assert failing.returncode == 3 and failing.stderr == b"" and os.path.getsize(out) > 0
    harbour = EXAMPLES / "harbour-gazette"
    warned = any(note.severity == "warning" for note in newsissue.parse(harbour).diagnostics)
    assert run("inspect", str(harbour), "--fail-on", "warning").returncode == (3 if warned else 0)
    assert run("inspect", page, "--fail-on", "warning").returncode == 3


def test_json_listings_for_inspect_formats_and_plugins(example_issue: Path) -> None:
    summary = json.loads(run("inspect", str(example_issue), "--json").stdout)
    assert (summary["title"], summary["number"], len(summary["pages"]), summary["articles"]) == ("青溪日报", 8812, 4, 9)
    first = summary["pages"][0]["items"][0]
    assert first["headline"] == "青溪港新航线首航" and first["continued_on"]["item"] == 1
    assert (summary["pages"][0]["source"], summary["pages"][0]["source_format"]) == ("01.md", None)
    page_xml = EXAMPLES / "harbour-gazette-scans" / "other-formats" / "page-01.page.xml"
    assert b"page 1 (3 articles)  <page-01.page.xml, page-xml>" in run("inspect", str(page_xml)).stdout
    assert {"severity", "code", "message", "source", "line", "page", "text"} == set(summary["diagnostics"][0])
    formats = json.loads(run("formats", "--json").stdout)
    json_format = next(entry for entry in formats["outputs"] if entry["name"] == "json")
    assert {"name": "indent", "type": "int | None", "default": "none"} in json_format["options"]
    assert {"name": "diagnostics", "type": "bool", "default": "true"} in json_format["options"]
    assert [entry["name"] for entry in formats["inputs"]] == INPUT_FORMATS
    plugins = json.loads(run("plugins", "--json").stdout)
    versions = {entry["name"]: entry["version"] for entry in plugins}
    assert versions["newsissue.formats.json"] == newsissue.__version__
    assert versions["epub"] == importlib.metadata.version("newsissue-epub")  # an editable install too


def test_option_defaults_are_written_as_the_cli_takes_them(example_issue: Path, tmp_path: Path) -> None:
    formats = json.loads(run("formats", "--json").stdout)
    for entry in formats["outputs"]:
        options = [f"{option['name']}={option['default']}" for option in entry["options"]]
        out = tmp_path / f"issue{entry['suffix']}"
        args = [arg for option in options for arg in ("--option", option)]
        result = run("convert", str(example_issue), "-t", entry["name"], "-o", str(out), "-q", *args)
        assert result.returncode == 0, (entry["name"], result.stderr)
        assert out.read_bytes() == newsissue.render(newsissue.parse(example_issue), entry["name"])


def test_usage_errors_and_the_version() -> None:
    usage = run("convert")
    assert usage.returncode == 2 and usage.stderr.decode().startswith("usage: newsissue convert")
    version = run("--version")
    assert version.returncode == 0 and version.stdout.decode() == f"newsissue {newsissue.__version__}\n"


def test_a_flood_of_warnings_is_cut_and_counted(tmp_path: Path) -> None:
    pages = [tmp_path / f"{number:02d}.md" for number in range(1, 9)]
    for page in pages:  # the same front page eight times: its jumps lead backwards or nowhere
        page.write_bytes((EXAMPLES / "qingxi-daily" / "01.md").read_bytes())
    result = run("convert", *map(str, pages), "-t", "json", "-o", str(tmp_path / "out.json"))
    lines = result.stderr.decode().splitlines()
    assert result.returncode == 0 and len(lines) == 21 and lines[-1].startswith("newsissue: note: ")
    assert lines[-1].endswith("more not shown: newsissue inspect shows every diagnostic")
