"""Many issues in one run: ``newsissue.convert_many`` and ``newsissue convert --batch``."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import newsissue
from newsissue.batch import REPORT_NAME, issue_inputs

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    """An archive folder: two issue folders, one more issue nested a level down, one broken issue."""
    root = tmp_path / "archive"
    shutil.copytree(EXAMPLES / "qingxi-daily", root / "qingxi" / "2025-03-18")
    shutil.copytree(EXAMPLES / "harbour-gazette", root / "harbour" / "2025-03-18")
    (root / "styles" / "evening").mkdir(parents=True)
    shutil.copy(EXAMPLES / "page-styles" / "evening-ocr.txt", root / "styles" / "evening" / "page.txt")
    (root / "broken").mkdir()
    (root / "broken" / "01.md").write_bytes(b"")
    return root


def outputs(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir()) if path.name != REPORT_NAME}


def test_an_archive_is_found_issue_by_issue(archive: Path, tmp_path: Path) -> None:
    found = issue_inputs([archive])
    assert [path.relative_to(archive).as_posix() for path in found] == [
        "broken",
        "harbour/2025-03-18",
        "qingxi/2025-03-18",
        "styles/evening",
    ]
    listing = tmp_path / "issues.txt"
    listing.write_text(f"# two issues\n{archive / 'qingxi' / '2025-03-18'}\n\n{archive / 'harbour'}\n")
    assert issue_inputs([f"@{listing}"]) == [archive / "harbour" / "2025-03-18", archive / "qingxi" / "2025-03-18"]
    assert issue_inputs([str(archive / "*" / "2025-*")]) == found[1:3]
    with pytest.raises(newsissue.ParseError, match="no such file"):
        issue_inputs([archive / "missing"])


@pytest.mark.parametrize("fmt", ["json", "epub"])
def test_every_issue_is_converted_as_alone_and_a_failure_stops_nothing(fmt: str, archive: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    results = list(newsissue.convert_many([archive], fmt, out, jobs=2))
    assert [(Path(r.input).relative_to(archive).as_posix(), r.status) for r in results] == [
        ("broken", "failed"),
        ("harbour/2025-03-18", "done"),
        ("qingxi/2025-03-18", "done"),
        ("styles/evening", "done"),
    ]
    assert results[0].output is None and "is empty" in (results[0].error or "")
    written = outputs(out)
    assert sorted(written) == sorted(r.output for r in results[1:])
    for result in results[1:]:
        alone = newsissue.render(newsissue.parse(Path(result.input)), fmt)
        assert written[result.output] == alone
    assert results[2].output == f"青溪日报-2025-03-18-no8812.{'json' if fmt == 'json' else 'epub'}"
    report = [json.loads(line) for line in (out / REPORT_NAME).read_text(encoding="utf-8").splitlines()]
    assert [(line["input"], line["status"], line["output"]) for line in report] == [
        (r.input, r.status, r.output) for r in results
    ]


def test_one_job_and_two_give_the_same_files(archive: Path, tmp_path: Path) -> None:
    list(newsissue.convert_many([archive], "newsml", tmp_path / "one", jobs=1))
    list(newsissue.convert_many([archive], "newsml", tmp_path / "two", jobs=2))
    assert outputs(tmp_path / "one") == outputs(tmp_path / "two")


def test_a_second_run_skips_what_is_up_to_date(archive: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = list(newsissue.convert_many([archive], "json", out, jobs=1))
    again = list(newsissue.convert_many([archive], "json", out, jobs=1))
    assert [r.status for r in again] == ["failed", "skipped", "skipped", "skipped"]
    assert [r.output for r in again[1:]] == [r.output for r in first[1:]]
    page = archive / "harbour" / "2025-03-18" / "page-01.md"
    later = (out / first[1].output).stat().st_mtime + 10  # type: ignore[operator]
    os.utime(page, (later, later))
    changed = list(newsissue.convert_many([archive], "json", out, jobs=1))
    assert [r.status for r in changed] == ["failed", "done", "skipped", "skipped"]
    assert [r.status for r in newsissue.convert_many([archive], "json", out, jobs=1, force=True)] == [
        "failed",
        "done",
        "done",
        "done",
    ]


def test_the_command_line_batch(archive: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    command = [sys.executable, "-m", "newsissue.cli", "convert", "--batch", str(archive), "--to", "json", "-o"]
    result = subprocess.run([*command, str(out)], capture_output=True, check=False)
    assert result.returncode == 1  # one issue failed
    lines = result.stderr.decode().splitlines()
    assert lines[0].startswith("newsissue: error: ") and "broken: " in lines[0] and lines[0].endswith("is empty")
    assert sum(line.startswith("newsissue: done: ") for line in lines) == 3
    assert lines[-1] == "newsissue: batch: 3 of 4 issues converted or up to date, 1 failed"
    shutil.rmtree(archive / "broken")
    again = subprocess.run([*command, str(out)], capture_output=True, check=False)
    assert again.returncode == 0 and again.stderr.decode().count("newsissue: skipped: ") == 3
    no_folder = subprocess.run(command[:-1], capture_output=True, check=False)
    assert no_folder.returncode == 1 and b"give -o FOLDER" in no_folder.stderr


def test_quiet_batch_says_only_errors_and_fail_on_warning_exits_3(archive: Path, tmp_path: Path) -> None:
    shutil.rmtree(archive / "broken")
    command = [sys.executable, "-m", "newsissue.cli", "convert", "--batch", str(archive), "--to", "json"]
    quiet = subprocess.run([*command, "-o", str(tmp_path / "a"), "-q"], capture_output=True, check=False)
    assert quiet.returncode == 0 and quiet.stderr == b""
    strict = [*command, "-o", str(tmp_path / "b"), "--fail-on", "warning"]
    failing = subprocess.run(strict, capture_output=True, check=False)
    assert failing.returncode == 3, failing.stderr  # the OCR page's jump names a page the issue lacks


def test_a_dask_cluster_writes_the_same_files_as_the_local_run(archive: Path, tmp_path: Path) -> None:
    """Issues as tasks on a LocalCluster on loopback: the same outputs, the same report; the CLI's --scheduler too."""
    import distributed

    local = [(r.status, r.output) for r in newsissue.convert_many([archive], "epub", tmp_path / "local", jobs=1)]
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        remote = [
            (r.status, r.output) for r in newsissue.convert_many([archive], "epub", tmp_path / "dask", client=client)
        ]
        command = [sys.executable, "-m", "newsissue.cli", "convert", "--batch", str(archive), "-t", "epub"]
        cli = [*command, "-o", str(tmp_path / "cli"), "--scheduler", cluster.scheduler_address]
        result = subprocess.run(cli, capture_output=True, check=False)
    assert remote == local and ("failed", None) in local
    assert outputs(tmp_path / "dask") == outputs(tmp_path / "local") == outputs(tmp_path / "cli")
    assert result.returncode == 1 and b"3 of 4 issues converted" in result.stderr


def test_an_unreachable_scheduler_is_one_error(archive: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("newsissue.batch.DASK_CONNECT_TIMEOUT", 2)
    with pytest.raises(newsissue.NewsIssueError, match="cannot reach the Dask scheduler"):
        list(newsissue.convert_many([archive], "json", tmp_path, scheduler="tcp://127.0.0.1:9"))
