"""calibre's ``ebook-meta`` (Debian's calibre) on our books: title, author, series and index, date, language,
description — what a library shows.

The consumer stage of ``.ci/run`` installs calibre and sets ``NEWSISSUE_CONSUMERS``; there a missing
``ebook-meta`` fails, elsewhere these tests skip.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

import newsissue

EXAMPLES = Path(__file__).resolve().parents[3] / "examples"


def _ebook_meta(book: Path) -> dict[str, str]:
    program = shutil.which("ebook-meta")
    if program is None:
        if os.environ.get("NEWSISSUE_CONSUMERS"):
            pytest.fail("ebook-meta is not installed: the consumer stage of .ci/run installs calibre")
        pytest.skip("calibre's ebook-meta is not installed (the consumer stage of .ci/run installs it)")
    # calibre also renders the cover with Qt: offscreen, since there is no display.
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [program, str(book)], capture_output=True, text=True, env=environment, timeout=300, check=False
    )
    assert result.returncode == 0, result.stderr[-2000:]
    fields = {}
    for line in result.stdout.splitlines():
        key, separator, value = line.partition(":")
        if separator and not line.startswith(" "):
            fields[key.strip()] = value.strip()
    return fields


@pytest.mark.parametrize(("name", "language"), [("golden", "zho"), ("qingxi-daily", "zho"), ("harbour-gazette", "eng")])
def test_calibre_reads_what_a_library_shows(name: str, language: str, tmp_path: Path, golden_page: Path) -> None:
    issue = newsissue.parse(golden_page if name == "golden" else EXAMPLES / name)
    book = tmp_path / "book.epub"
    newsissue.export(issue, "epub", book)
    fields = _ebook_meta(book)
    assert issue.title is not None and issue.date is not None
    assert fields["Title"].startswith(f"{issue.title} {issue.date.isoformat()}")
    assert fields["Author(s)"] == issue.title  # the paper, not "Unknown"
    if issue.number is not None:
        assert fields["Series"] == f"{issue.title} #{issue.number}"
    assert fields["Languages"] == language
    assert fields["Published"].startswith(issue.date.isoformat())
    lead = next(item.headline for item in issue.pages[0].items if item.headline)
    assert lead in fields["Comments"] and fields["Comments"] != fields["Title"]
