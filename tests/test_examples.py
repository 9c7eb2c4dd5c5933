"""The scripts in examples/ run, so they never rot; the example issues convert in every format."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from conftest import EXAMPLES


def run(script: str, *args: str, cwd: Path) -> str:
    result = subprocess.run(
        [sys.executable, str(EXAMPLES / script), *args], capture_output=True, text=True, check=False, cwd=cwd
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return result.stdout


def test_convert_issue_writes_every_format(tmp_path: Path) -> None:
    out = run("convert_issue.py", str(EXAMPLES / "qingxi-daily"), str(tmp_path / "out"), cwd=tmp_path)
    assert out.startswith("青溪日报 2025-03-18 (zh), 4 pages")
    assert "p1+2   article       青溪港新航线首航" in out
    written = sorted(path.name for path in (tmp_path / "out").iterdir())
    assert written == [
        "qingxi-daily.epub.epub",
        "qingxi-daily.json.json",
        "qingxi-daily.mets.mets.xml",
        "qingxi-daily.newsml.xml",
        "qingxi-daily.ninjs.json",
    ]
    assert zipfile.ZipFile(tmp_path / "out" / "qingxi-daily.epub.epub").testzip() is None


def test_convert_issue_defaults_to_the_chinese_example(tmp_path: Path) -> None:
    out = run("convert_issue.py", cwd=tmp_path)
    assert out.startswith("青溪日报 2025-03-18 (zh), 4 pages")
    assert len(list((tmp_path / "out").glob("qingxi-daily.*"))) == 5


def test_custom_exporter_example() -> None:
    out = run("custom_exporter.py", cwd=EXAMPLES)
    assert out.startswith("# Council Approves Harbour Bridge Repairs\n")
    # The story reads on across its pages: the front-page part, then page 2's.
    assert out.index("$14 million") < out.index("one lane in each direction")


def test_archive_to_mets_example(tmp_path: Path) -> None:
    out = run("archive_to_mets.py", cwd=tmp_path)
    assert out.startswith("The Harbour Gazette 2025-03-18 (en), 2 pages")
    assert "  article       COUNCIL APPROVES BRIDGE REPAIRS: p1:P1_TB00001 p1:P1_TB00002" in out
    assert "p2:P2_TB00001" in out.splitlines()[1]  # the story jumps to page 2
    assert (tmp_path / "issue-mets.xml").read_bytes().startswith(b"<?xml")
