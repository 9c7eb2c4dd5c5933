"""The project's own promises: CI runs the README's test command; the code is ruff clean."""

from __future__ import annotations

import importlib
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import newsissue
from conftest import ROOT


def _readme_block(label: str, language: str) -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(rf"<!-- {label} -->\s*```{language}\n(.+?)\n```", readme, re.DOTALL)
    assert match is not None, f"README.md has no {label} block"
    return match.group(1)


def _readme_command(label: str) -> str:
    return _readme_block(label, "sh").strip()


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
    folders = [
        name
        for name in ("src", "tests", "bench", "examples", "plugins", "docs", "tools", "fuzz")
        if (ROOT / name).is_dir()
    ]
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


def _modules_after(code: str) -> set[str]:
    """The modules a fresh interpreter has loaded after running ``code``."""
    script = f"import sys\n{code}\nprint(' '.join(sorted(sys.modules)))"
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=ROOT)
    return set(result.stdout.split())


def test_start_up_loads_only_what_the_command_uses() -> None:
    """``--help`` loads argparse and the CLI; a JSON conversion no XML, EPUB or encoding-guessing library."""
    heavy = {"lxml", "cattrs", "ebooklib", "charset_normalizer", "tqdm", "distributed", "importlib.metadata"}
    help_run = _modules_after(
        "from newsissue.cli import main\ntry:\n    main(['--help'])\nexcept SystemExit:\n    pass"
    )
    assert not help_run & (heavy | {"attrs", "pluggy", "newsissue.parser", "newsissue.model"})
    page = ROOT / "examples" / "qingxi-daily" / "01.md"
    convert = _modules_after(f"from newsissue.cli import main\nmain(['convert', {str(page)!r}, '-t', 'json', '-q'])")
    assert "cattrs" in convert and not convert & {"lxml", "ebooklib", "charset_normalizer", "tqdm", "distributed"}


def test_a_language_compiles_its_patterns_only_when_a_page_is_in_it() -> None:
    page = ROOT / "examples" / "qingxi-daily" / "01.md"
    script = f"""
import newsissue
from newsissue.languages import de, en, fr, zh
newsissue.parse(newsissue.parse.__globals__["Path"]({str(page)!r}))
for module in (zh, en, de, fr):
    print(module.__name__[-2:], any(getattr(value, "_compiled", None) is not None for value in vars(module).values()))
"""
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["zh", "True", "en", "False", "de", "False", "fr", "False"]


def test_the_package_names_load_on_first_use() -> None:
    assert sorted(newsissue.__all__) == sorted([*newsissue._HOMES, "__version__"])
    for name, home in newsissue._HOMES.items():  # each name is the object its module defines
        assert getattr(newsissue, name) is getattr(importlib.import_module(f"newsissue.{home}"), name)
    assert newsissue.export.__module__ == "newsissue.exporting" and callable(newsissue.parse)


def test_the_readme_examples_run_as_written(tmp_path: Path) -> None:
    """Every command of README's "Use it", and its Python, in a folder beside the examples."""
    (tmp_path / "examples").symlink_to(ROOT / "examples")
    environment = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    commands = [line for line in _readme_block("use-it", "sh").splitlines() if line.strip()]
    assert len(commands) >= 8
    for command in commands:
        result = subprocess.run(
            ["bash", "-c", command], cwd=tmp_path, capture_output=True, env=environment, check=False
        )
        assert result.returncode == 0, (command, result.stderr.decode())
        assert result.stdout or not command.split("#")[0].rstrip().endswith(("formats", "--json")), command
    assert json.loads((tmp_path / "reading.json").read_text(encoding="utf-8"))["title"] == "青溪日报"
    assert (tmp_path / "issue.xml").read_bytes().startswith(b"<?xml")
    assert json.loads((tmp_path / "evening.json").read_text(encoding="utf-8"))["title"] == "The Harbour Evening Post"
    assert sorted(path.suffix for path in (tmp_path / "books").iterdir()) == [".epub", ".epub", ".jsonl"]
    script = _readme_block("use-it-python", "python")
    result = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, capture_output=True, check=False)
    assert result.returncode == 0, result.stderr.decode()
    assert (tmp_path / "qingxi-daily.epub").stat().st_size > 0 and b"done " in result.stdout
