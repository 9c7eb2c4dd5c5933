"""Reading and segmenting an ALTO page against lxml's own parse of the file, in one process; and the
memory of a batch of ALTO issues as it grows.

    python bench/alto_vs_lxml.py [--rounds N] [--batch 100 1000] [ALTO ...]

Time: each round times a batch of ``newsissue.parse(path)`` (read, reading order, segmentation,
the model with every region) and a batch of ``lxml.etree.parse(path)`` of the same file,
interleaved and in alternating order, on CPU time, the garbage collector off; prints the medians
and their ratio per page. Without arguments: the ALTO pages of ../shared/corpus/alto (where
present) and the example issue's pages. Target: at most 2x.

Memory: for each ``--batch`` size, a fresh process converts that many one-page ALTO issues to
JSON with ``newsissue.convert_many(..., jobs=1)`` and reports its peak resident memory; flat
means the peak does not grow with the number of issues. Not a test: a measurement.
"""

from __future__ import annotations

import argparse
import gc
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from lxml import etree
from parse_vs_markdown_it import _rounds, batch_for

import newsissue

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "alto"
EXAMPLE = ROOT / "examples" / "harbour-gazette-scans" / "alto"


def pages(paths: list[Path]) -> list[Path]:
    if paths:
        return paths
    from newsissue.readers.sniff import sniff

    found = sorted(path for path in CORPUS.rglob("*.xml") if sniff(path) == "alto") if CORPUS.exists() else []
    return found + sorted(EXAMPLE.glob("0*.xml"))


def compare(path: Path, rounds: int) -> tuple[float, float]:
    def ours() -> object:
        return newsissue.parse(path, structure=False)

    def theirs() -> object:
        return etree.parse(str(path))

    number = max(batch_for(ours), batch_for(theirs))
    timings: dict[str, list[float]] = {"ours": [], "theirs": []}
    gc.collect()
    gc.disable()
    try:
        _rounds(rounds, number, ours, theirs, timings)
    finally:
        gc.enable()
    return statistics.median(timings["ours"]), statistics.median(timings["theirs"])


_BATCH = """
import resource, sys
from pathlib import Path
import newsissue
results = list(newsissue.convert_many(sorted(Path(sys.argv[1]).iterdir()), "json", sys.argv[2], jobs=1))
assert all(result.status == "done" for result in results), results[:3]
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def batch_peak(count: int, page: Path) -> int:
    """Peak resident memory (KiB) of a process converting ``count`` one-page ALTO issues."""
    with tempfile.TemporaryDirectory() as work:
        issues = Path(work) / "issues"
        for number in range(count):
            folder = issues / f"issue-{number:05d}"
            folder.mkdir(parents=True)
            shutil.copyfile(page, folder / "0001.xml")
        result = subprocess.run(
            [sys.executable, "-c", _BATCH, str(issues), str(Path(work) / "out")],
            capture_output=True,
            text=True,
            check=True,
        )
        return int(result.stdout.split()[-1])


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=11)
    parser.add_argument("--batch", type=int, nargs="*", default=[100, 1000])
    parser.add_argument("pages", nargs="*", type=Path)
    args = parser.parse_args(argv)
    newsissue.parse(sorted(EXAMPLE.glob("0*.xml"))[0])  # load the plugins once, outside the timing
    print(f"{'ALTO page':<44} {'lines':>6} {'newsissue':>10} {'lxml':>8} {'ratio':>6}")
    ratios = []
    for path in pages(args.pages):
        ours, theirs = compare(path, args.rounds)
        lines = sum(1 for _ in etree.parse(str(path)).iter("{*}TextLine"))
        ratios.append(ours / theirs)
        print(f"{path.name:<44} {lines:>6} {ours * 1e3:>8.1f}ms {theirs * 1e3:>6.1f}ms {ours / theirs:>6.2f}")
    print(f"median ratio {statistics.median(ratios):.2f} (target <= 2.0; CPU time, medians, interleaved)")
    if args.batch:
        page = sorted(CORPUS.rglob("0011.xml"))[0] if CORPUS.exists() else sorted(EXAMPLE.glob("0*.xml"))[0]
        peaks = [(count, batch_peak(count, page)) for count in args.batch]
        for count, peak in peaks:
            print(f"batch of {count:>5} one-page issues ({page.name}): peak {peak / 1024:.1f} MiB")
        print(f"peak at {peaks[-1][0]} / at {peaks[0][0]}: {peaks[-1][1] / peaks[0][1]:.2f} (flat: about 1)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
