"""Parse time of newsissue against a plain CommonMark parse by markdown-it-py, same text, same process.

    python bench/parse_vs_markdown_it.py [PAGE.md ...]

Without arguments it reads the golden sample (../shared/golden) and the example issue's
pages. Prints, per page, the best of several timed runs of each and the ratio
newsissue / markdown-it-py (the target is 0.5 or less). Not a test: a measurement.
"""

from __future__ import annotations

import sys
import timeit
from pathlib import Path

from markdown_it import MarkdownIt

import newsissue

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_PAGES = [
    ROOT.parent / "shared" / "golden" / "seed-zhuzhou-daily-2023-12-07-p01.md",
    *sorted((ROOT / "examples" / "qingxi-daily").glob("*.md")),
    *sorted((ROOT / "examples" / "harbour-gazette").glob("page-*")),
]


def best(func, number: int) -> float:
    return min(timeit.repeat(func, number=number, repeat=7)) / number


def main(paths: list[Path]) -> int:
    md = MarkdownIt("commonmark")
    newsissue.parse("预热。")  # load the plugins once, outside the timing
    print(f"{'page':<48} {'chars':>6} {'newsissue':>11} {'markdown-it':>12} {'ratio':>6}")
    ratios = []
    for path in paths:
        if not path.exists():
            print(f"{path.name:<48} missing, skipped")
            continue
        text = path.read_text(encoding="utf-8")
        ours = best(lambda text=text: newsissue.parse(text), 20)  # the default call: language detected
        theirs = best(lambda text=text: md.parse(text), 20)
        ratios.append(ours / theirs)
        print(f"{path.name:<48} {len(text):>6} {ours * 1e3:>9.2f}ms {theirs * 1e3:>10.2f}ms {ours / theirs:>6.2f}")
    if ratios:
        print(f"worst ratio {max(ratios):.2f} (target <= 0.50)")
    return 0


if __name__ == "__main__":
    sys.exit(main([Path(p) for p in sys.argv[1:]] or DEFAULT_PAGES))
