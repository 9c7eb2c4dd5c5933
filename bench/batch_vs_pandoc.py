"""An archive of one-page issues converted in one ``newsissue convert --batch`` against a pandoc loop.

    python bench/batch_vs_pandoc.py [--issues 1000] [--rounds 3] [--formats json epub]

Builds ``--issues`` issue folders of one page each (the fictional example pages in turn, Markdown
and OCR text) and converts them all: newsissue in one command (``convert --batch DIR -t FORMAT -o
OUT``, worker processes on every core), pandoc in a loop of one process per page (``pandoc -t json``
to a file; ``-t epub3``, one EPUB per page: the same work, one book per issue). Rounds alternate
which runs first; each reports wall time and the CPU time of its child processes; medians. Prints
the ratio of the pandoc loop's wall time to newsissue's and newsissue's CPU share of wall time
(both cores busy: near 200 %). Targets (issue 13): JSON at least 10x faster than the loop with CPU
at least 170 % of wall; EPUB at least 5x. Not a test: a measurement. Needs pandoc on PATH.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAGES = [
    *sorted((ROOT / "examples" / "qingxi-daily").glob("*.md")),
    *sorted((ROOT / "examples" / "harbour-gazette").glob("page-*")),
    *sorted((ROOT / "examples" / "page-styles").glob("*")),
]
NEWSISSUE = Path(sys.executable).with_name("newsissue")


def build_archive(issues: int, folder: Path) -> list[Path]:
    """``issues`` folders of one page each; the page files, in order."""
    pages = []
    for number in range(issues):
        source = PAGES[number % len(PAGES)]
        issue = folder / "archive" / f"issue-{number:05d}"
        issue.mkdir(parents=True)
        page = issue / f"01{source.suffix}"
        shutil.copy(source, page)
        pages.append(page)
    return pages


def timed(run: Callable[[], None]) -> tuple[float, float]:
    """Wall seconds, and CPU seconds of the child processes, of one call."""
    children = os.times()
    start = time.perf_counter()
    run()
    wall = time.perf_counter() - start
    after = os.times()
    return wall, (after.children_user - children.children_user) + (after.children_system - children.children_system)


def newsissue_batch(folder: Path, fmt: str) -> Callable[[], None]:
    def run() -> None:
        out = folder / f"out-newsissue-{fmt}"
        shutil.rmtree(out, ignore_errors=True)
        command = [str(NEWSISSUE), "convert", "--batch", str(folder / "archive"), "-t", fmt, "-o", str(out), "-q"]
        subprocess.run(command, check=True)

    return run


def pandoc_loop(folder: Path, pages: list[Path], fmt: str) -> Callable[[], None]:
    target, suffix = ("json", "json") if fmt == "json" else ("epub3", "epub")

    def run() -> None:
        out = folder / f"out-pandoc-{fmt}"
        shutil.rmtree(out, ignore_errors=True)
        out.mkdir()
        for index, page in enumerate(pages):
            command = ["pandoc", "-f", "markdown", "-t", target, str(page), "-o", str(out / f"{index:05d}.{suffix}")]
            subprocess.run(command, check=True, stderr=subprocess.DEVNULL)

    return run


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--issues", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--formats", nargs="+", default=["json", "epub"])
    args = parser.parse_args()
    if shutil.which("pandoc") is None:
        raise SystemExit("pandoc is not on PATH (Debian: apt-get install pandoc)")
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "src"), str(ROOT / "plugins")], check=True)
    with tempfile.TemporaryDirectory(prefix="newsissue-batch-") as temporary:
        folder = Path(temporary)
        pages = build_archive(args.issues, folder)
        print(f"{args.issues} one-page issues, {os.cpu_count()} cores, {args.rounds} rounds (medians)")
        print(f"{'format':<7} {'newsissue s':>12} {'CPU %':>6} {'pandoc loop s':>14} {'loop / newsissue':>17}")
        for fmt in args.formats:
            ours, theirs = newsissue_batch(folder, fmt), pandoc_loop(folder, pages, fmt)
            results: dict[str, list[tuple[float, float]]] = {"ours": [], "theirs": []}
            for index in range(args.rounds):
                order = [("ours", ours), ("theirs", theirs)]
                for name, run in order if index % 2 == 0 else order[::-1]:
                    results[name].append(timed(run))
            wall = statistics.median(w for w, _ in results["ours"])
            cpu = statistics.median(c / w for w, c in results["ours"])
            loop = statistics.median(w for w, _ in results["theirs"])
            print(f"{fmt:<7} {wall:12.2f} {cpu * 100:6.0f} {loop:14.2f} {loop / wall:17.1f}", flush=True)
    print("targets: json >= 10x with CPU >= 170 % of wall; epub >= 5x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
