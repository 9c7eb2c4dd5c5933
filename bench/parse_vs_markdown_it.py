"""Parse time of newsissue against markdown-it-py's CommonMark parse of the same text, in one process.

    python bench/parse_vs_markdown_it.py [--rounds N] [PAGE ...]

Each round times one batch of ``newsissue.parse(text)`` (the default call: language detected)
and one batch of ``MarkdownIt("commonmark").parse(text)``, interleaved and in alternating order,
on CPU time (``time.process_time``), the garbage collector off as ``timeit`` has it. Prints the
medians and their ratio per page. Without
arguments: the golden sample (../shared/golden), the example pages, a 28 KB OCR page built from
the fictional OCR example, and the real corpus pages (../shared/corpus/text) where present.
Targets: the sample at most 1.0x, a 25-30 KB OCR page at most 2x. Not a test: a measurement.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from markdown_it import MarkdownIt

import newsissue

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
GOLDEN = SHARED / "golden" / "seed-zhuzhou-daily-2023-12-07-p01.md"
OCR_EXAMPLE = ROOT / "examples" / "page-styles" / "evening-ocr.txt"
OCR_SIZE = 28_000


def ocr_page(size: int = OCR_SIZE) -> str:
    """A page of OCR column lines of about ``size`` characters: the example's stories, again and again."""
    lines = OCR_EXAMPLE.read_text(encoding="utf-8").splitlines()
    head, stories = lines[:7], lines[7:]
    out = list(head)
    copy = 0
    while sum(len(line) + 1 for line in out) < size:
        copy += 1
        out.extend(line.replace("May 9", f"May {copy % 28 + 1}") for line in stories)
    return "\n".join(out) + "\n"


def pages(paths: list[Path]) -> list[tuple[str, str]]:
    if paths:
        return [(path.name, path.read_text(encoding="utf-8")) for path in paths]
    found = []
    if GOLDEN.exists():
        found.append(("golden sample (株洲日报 01版)", GOLDEN.read_text(encoding="utf-8")))
    for folder in ("qingxi-daily", "harbour-gazette", "page-styles"):
        for path in sorted((ROOT / "examples" / folder).iterdir()):
            found.append((f"{folder}/{path.name}", path.read_text(encoding="utf-8")))
    found.append((f"OCR page, {OCR_SIZE // 1000} KB (built from evening-ocr.txt)", ocr_page()))
    corpus = SHARED / "corpus" / "text"
    if corpus.exists():
        for path in sorted(corpus.glob("*.*")):
            found.append((f"corpus/{path.name}", path.read_text(encoding="utf-8")))
    return found


def batch_for(func: Callable[[], object]) -> int:
    """How many calls make a timed batch of at least 2 ms of CPU time."""
    start = time.process_time()
    func()
    once = max(time.process_time() - start, 1e-6)
    return max(1, int(0.002 / once) + 1)


def compare(text: str, rounds: int, md: MarkdownIt) -> tuple[float, float]:
    """Median CPU seconds per call of newsissue and of markdown-it-py, interleaved."""

    def ours() -> object:
        return newsissue.parse(text)

    def theirs() -> object:
        return md.parse(text)

    number = max(batch_for(ours), batch_for(theirs))
    timings: dict[str, list[float]] = {"ours": [], "theirs": []}
    gc.collect()
    gc.disable()  # as timeit does: a collection would land on whichever call happens to run
    try:
        _rounds(rounds, number, {"ours": ours, "theirs": theirs}, timings)
    finally:
        gc.enable()
    return statistics.median(timings["ours"]), statistics.median(timings["theirs"])


def _rounds(
    rounds: int,
    number: int,
    funcs: dict[str, Callable[[], object]],
    timings: dict[str, list[float]],
) -> None:
    """Time ``number`` calls of each function a round, the order turning by one each round."""
    names = list(funcs)
    for index in range(rounds):
        turn = index % len(names)
        for name in names[turn:] + names[:turn]:
            start = time.process_time()
            for _ in range(number):
                funcs[name]()
            timings[name].append((time.process_time() - start) / number)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("pages", nargs="*", type=Path)
    args = parser.parse_args(argv)
    md = MarkdownIt("commonmark")
    newsissue.parse("预热。")  # load the plugins once, outside the timing
    print(f"{'page':<58} {'chars':>6} {'newsissue':>10} {'markdown-it':>12} {'ratio':>6}")
    for name, text in pages(args.pages):
        ours, theirs = compare(text, args.rounds, md)
        print(f"{name:<58} {len(text):>6} {ours * 1e3:>8.2f}ms {theirs * 1e3:>10.2f}ms {ours / theirs:>6.2f}")
    print("targets: the golden sample <= 1.0, a 25-30 KB OCR page <= 2.0 (CPU time, medians, interleaved)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
