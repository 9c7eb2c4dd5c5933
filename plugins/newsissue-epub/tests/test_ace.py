"""DAISY Ace, the EPUB accessibility checker, on our books: no violation, the conformance claim read.

Ace (npm ``@daisy/ace``, its Puppeteer runner ``ace-puppeteer`` driving Debian's Chromium) is
installed by the consumer stage of ``.ci/run``, which names it in ``NEWSISSUE_ACE``; there a missing
Ace fails, elsewhere these tests skip.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

import newsissue

EXAMPLES = Path(__file__).resolve().parents[3] / "examples"
CONFORMS_TO = "EPUB Accessibility 1.1 - WCAG 2.1 Level AA"


def _ace() -> str:
    ace = os.environ.get("NEWSISSUE_ACE")
    if not ace:
        if os.environ.get("NEWSISSUE_CONSUMERS"):
            pytest.fail("NEWSISSUE_ACE does not name Ace: the consumer stage of .ci/run installs it")
        pytest.skip("Ace is not installed (the consumer stage of .ci/run installs it)")
    return ace


@pytest.mark.parametrize("vertical", [False, True], ids=["horizontal", "vertical"])
@pytest.mark.parametrize("name", ["golden", "qingxi-daily", "harbour-gazette"])
def test_ace_finds_no_violation(name: str, vertical: bool, tmp_path: Path, golden_page: Path) -> None:
    ace = _ace()
    issue = newsissue.parse(golden_page if name == "golden" else EXAMPLES / name)
    book = tmp_path / "book.epub"
    newsissue.export(issue, "epub", book, vertical=vertical)
    environment = {**os.environ, "PUPPETEER_EXECUTABLE_PATH": os.environ.get("CHROMIUM", "/usr/bin/chromium")}
    for attempt in range(2):  # a browser that fails to start (a cold first launch) is tried once more
        out = tmp_path / f"report-{attempt}"
        result = subprocess.run(
            [ace, "--verbose", "--outdir", str(out), str(book)],
            capture_output=True,
            text=True,
            env=environment,
            timeout=300,
            check=False,
        )
        if result.returncode == 0 or (out / "report.json").exists():
            break
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    violations = [
        (check["earl:test"]["dct:title"], check["earl:test"]["earl:impact"], document.get("earl:testSubject", {}))
        for document in report["assertions"]
        for check in document.get("assertions", [])
    ]
    assert violations == [] and report["earl:result"]["earl:outcome"] == "pass"
    assert "dcterms:conformsTo" in report["a11y-metadata"]["present"]
    assert report["earl:testSubject"]["metadata"]["dcterms:conformsTo"] == CONFORMS_TO
