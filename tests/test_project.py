"""The project's own promises: CI runs the README's test command; the code is ruff clean."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys

from conftest import ROOT


def _readme_command(label: str) -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(rf"<!-- {label} -->\s*```sh\n(.+?)\n```", readme, re.DOTALL)
    assert match is not None, f"README.md has no {label} command block"
    return match.group(1).strip()


def test_ci_runs_the_readme_test_command() -> None:
    command = _readme_command("test-command")
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert command in script.splitlines()


def test_readme_main_job_converts_an_example_issue() -> None:
    command = _readme_command("main-job")
    assert "newsissue convert examples/" in command and "--to epub" in command
    assert "./plugins/newsissue-epub" in command


def test_code_is_ruff_clean() -> None:
    ruff = shutil.which("ruff") or str(ROOT / ".venv" / "bin" / "ruff")
    folders = [name for name in ("src", "tests", "bench", "examples", "plugins", "docs") if (ROOT / name).is_dir()]
    result = subprocess.run(
        [ruff, "check", "--output-format", "concise", *folders],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    formatted = subprocess.run(
        [ruff, "format", "--check", *folders],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert formatted.returncode == 0, formatted.stdout
    assert sys.version_info >= (3, 11)
