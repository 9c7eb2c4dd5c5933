"""The command line: conversions, atomic output, one-line errors with no traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from newsissue.cli import main


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
    assert any(line.startswith("json ") for line in formats.splitlines()) and "--option indent=1" in formats
    assert any(line.startswith("newsml ") for line in formats.splitlines())
    assert main(["plugins"]) == 0
    plugins = capsys.readouterr().out
    assert "newsissue.formats.json" in plugins and "newsissue_exporters" in plugins
    assert "newsissue.languages.zh" in plugins


@pytest.mark.parametrize(
    ("name", "args", "start"),
    [
        ("out.epub", [], b"PK"),
        ("out.xml", [], b"<?xml"),
        ("out.json", [], b'{\n "format": "newsissue/1"'),
        ("out.json", ["-t", "NINJS"], b'{\n "uri": "urn:newsml:'),
        ("out.txt", ["--to", "Json"], b'{\n "format": "newsissue/1"'),
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
