"""EPUB conversion time of newsissue against pandoc, same pages, same run.

    python bench/epub_vs_pandoc.py [--batch 100] [--repeat 3]

Converts the example issue (examples/qingxi-daily) and a batch of pages made from it
(its pages repeated and renumbered 01 … N) to one EPUB. Like with like: ``newsissue convert``
(a new process, all pages to one book) against ``pandoc -f markdown -t epub3`` with all pages in
one call (a new process, one book); the ratio is of those two. Also shown, not compared: newsissue
in process (parse + export, no process start) and pandoc run page by page (a book per page).
Prints the best of ``--repeat`` runs of each. Not a test: a measurement. Needs pandoc on PATH.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import newsissue

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "qingxi-daily"
CLI = [sys.executable, "-m", "newsissue.cli"]


def best(func: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return min(times)


def batch(folder: Path, pages: int) -> list[Path]:
    """``pages`` page files made from the example's pages, in turn, numbered 01 … N."""
    sources = sorted(EXAMPLE.glob("*.md"))
    folder.mkdir()
    paths = []
    for number in range(1, pages + 1):
        path = folder / f"{number:03d}.md"
        path.write_bytes(sources[(number - 1) % len(sources)].read_bytes())
        paths.append(path)
    return paths


def measure(name: str, pages: list[Path], out: Path, repeat: int, pandoc: str) -> None:
    def ours() -> None:
        newsissue.export(newsissue.parse(pages), "epub", out / "ours.epub")

    def ours_cli() -> None:
        subprocess.run(
            [*CLI, "convert", *map(str, pages), "--to", "epub", "-q", "-o", str(out / "cli.epub")], check=True
        )

    def pandoc_pages() -> None:
        for page in pages:
            command = [pandoc, "-f", "markdown", "-t", "epub3", "--metadata", "title=page", str(page)]
            subprocess.run([*command, "-o", str(out / "pandoc.epub")], check=True, capture_output=True)

    def pandoc_once() -> None:
        command = [pandoc, "-f", "markdown", "-t", "epub3", "--metadata", "title=issue", *map(str, pages)]
        subprocess.run([*command, "-o", str(out / "pandoc-all.epub")], check=True, capture_output=True)

    results = {
        "newsissue (in process)": best(ours, repeat),
        "newsissue convert (CLI)": best(ours_cli, repeat),
        "pandoc, page by page": best(pandoc_pages, repeat),
        "pandoc, all pages in one call": best(pandoc_once, repeat),
    }
    reference = results["pandoc, all pages in one call"]
    print(f"\n{name}: {len(pages)} pages")
    for label, seconds in results.items():
        compared = f"{seconds / reference:>5.2f}x pandoc in one call" if label.endswith("(CLI)") else ""
        print(f"  {label:<32} {seconds * 1e3:>9.1f} ms  {seconds / len(pages) * 1e3:>7.2f} ms/page  {compared}")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--batch", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    pandoc = shutil.which("pandoc")
    if pandoc is None:
        print("epub_vs_pandoc: needs pandoc on PATH (apt-get install pandoc)", file=sys.stderr)
        return 1
    version = subprocess.run([pandoc, "--version"], capture_output=True, text=True, check=True).stdout.split("\n")[0]
    print(f"{version}; newsissue {newsissue.__version__}")
    with tempfile.TemporaryDirectory() as temp:
        out = Path(temp)
        measure("example issue", sorted(EXAMPLE.glob("*.md")), out, args.repeat, pandoc)
        measure(f"{args.batch}-page batch", batch(out / "batch", args.batch), out, args.repeat, pandoc)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
