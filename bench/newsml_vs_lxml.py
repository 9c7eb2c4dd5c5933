"""NewsML-G2 and ninjs export time per page against lxml parsing and serializing the same output.

    python bench/newsml_vs_lxml.py

Exports the golden sample (../shared/golden) and the example issue, and a 40-page
issue made of the example's pages repeated; for each, times newsissue's NewsML-G2
export and the time lxml takes to parse and re-serialize that same document, in the
same process, and prints both per page and their ratio. Not a test: a measurement.
"""

from __future__ import annotations

import sys
import timeit
from pathlib import Path

import attrs
from lxml import etree

import newsissue

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT.parent / "shared" / "golden" / "seed-zhuzhou-daily-2023-12-07-p01.md"


def best(func, number: int) -> float:
    return min(timeit.repeat(func, number=number, repeat=5)) / number


def batch(issue: newsissue.Issue, pages: int) -> newsissue.Issue:
    """``pages`` pages made of the issue's, renumbered; jumps keep their text but lose their links."""

    def unlinked(jump: newsissue.Jump | None) -> newsissue.Jump | None:
        return jump if jump is None else attrs.evolve(jump, item=None)

    def page_copy(page: newsissue.Page, number: int) -> newsissue.Page:
        items = [
            attrs.evolve(i, continued_from=unlinked(i.continued_from), continued_on=unlinked(i.continued_on))
            for i in page.items
        ]
        return attrs.evolve(page, number=number, items=items)

    cycle = [issue.pages[i % len(issue.pages)] for i in range(pages)]
    return attrs.evolve(issue, pages=[page_copy(page, n) for n, page in enumerate(cycle, 1)])


def main() -> int:
    issues = {}
    if GOLDEN.exists():
        issues["golden sample"] = newsissue.parse(GOLDEN)
    example = newsissue.parse(ROOT / "examples" / "qingxi-daily")
    issues["example issue"] = example
    issues["English example"] = newsissue.parse(ROOT / "examples" / "harbour-gazette")
    issues["40-page batch"] = batch(example, 40)
    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    print(f"{'issue':<16} {'pages':>5} {'format':<7} {'export/page':>12} {'lxml/page':>10} {'ratio':>6}")
    for name, issue in issues.items():
        pages = len(issue.pages)
        for fmt in ("newsml", "ninjs"):
            data = newsissue.render(issue, fmt, advertisements=True)
            ours = best(lambda issue=issue, fmt=fmt: newsissue.render(issue, fmt, advertisements=True), 10)
            if fmt == "newsml":
                base = best(lambda data=data: etree.tostring(etree.fromstring(data, parser), encoding="UTF-8"), 10)
            else:
                import json

                base = best(lambda data=data: json.dumps(json.loads(data), ensure_ascii=False), 10)
            print(
                f"{name:<16} {pages:>5} {fmt:<7} {ours / pages * 1e3:>10.2f}ms {base / pages * 1e3:>8.2f}ms "
                f"{ours / base:>6.1f}"
            )
    print("baseline: lxml parse+serialize of the same NewsML; json loads+dumps of the same ninjs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
