"""Real pages (../shared/corpus): the corpus' own scorer against the editor's truth, through the CLI."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

# What the segmentation must reach on the text pages (issue: real-page segmentation).
ARTICLE_F1 = 0.90
HEADLINE_F1 = 0.85


def cli() -> str:
    """The ``newsissue`` command of the interpreter running the tests (the venv's), else the one on PATH."""
    beside = Path(sys.executable).with_name("newsissue")
    found = str(beside) if beside.exists() else shutil.which("newsissue")
    if found is None:
        pytest.fail("no newsissue command: install the package (pip install -e .)")
    return found


@pytest.fixture(scope="module")
def scores(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> dict:
    summary = tmp_path_factory.mktemp("corpus") / "summary.json"
    result = subprocess.run(
        [
            sys.executable,
            str(corpus / "tools" / "score.py"),
            "--corpus",
            str(corpus / "text"),
            "--newsissue",
            cli(),
            "--json",
            str(summary),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    return json.loads(summary.read_text(encoding="utf-8"))


def test_articles_and_headlines_are_found_on_real_pages(scores: dict) -> None:
    article, headline = scores["article"]["f1"], scores["headline"]["f1"]
    assert article >= ARTICLE_F1, f"article F1 {article:.3f} < {ARTICLE_F1}"
    assert headline >= HEADLINE_F1, f"headline F1 {headline:.3f} < {HEADLINE_F1}"


def test_every_page_reads_without_a_crash_and_loses_nothing(scores: dict) -> None:
    assert scores["crashes"] == 0
    assert scores["pages"] >= 15
    lost = {page: row["coverage"] for page, row in scores["per_page"].items() if row["coverage"] != 100.0}
    assert lost == {}, f"pages with text missing from the model: {lost}"


@pytest.mark.parametrize("kind", ["zh-rmrb", "en-evening-star", "de-"])
def test_each_kind_of_page_is_read(scores: dict, kind: str) -> None:
    """No kind of page carries the total alone: each finds most of its articles."""
    rows = [row["counts"] for page, row in scores["per_page"].items() if page.startswith(kind)]
    expected = sum(row.get("exp", 0) for row in rows)
    matched = sum(row.get("match", 0) for row in rows)
    assert expected and matched / expected >= 0.8, f"{kind}: {matched} of {expected} articles found"
