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
means the peak does not grow with the number of issues. ``--large MB`` builds one ALTO page of
about that size (the largest corpus page, or the example's, its blocks repeated down the page)
and reports the peak resident memory of a process reading it with newsissue and of one parsing
it with lxml, against the file's size (target: far below 30x). Not a test: a measurement.

Parts (``--parts``): where a page's time goes, against lxml's parse, each timed as above (in
rotating order): the reader's own safe, chunked feed of lxml's parser handing every element to a
parser target that does nothing (what any Python reader that sees each element pays before it
does anything), newsissue's read of the
page (``read_alto``), and the rest of ``newsissue.parse`` (reading order, print, the decoder, the
assembly, the regions: the whole less the read).
"""

from __future__ import annotations

import argparse
import functools
import gc
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from lxml import etree
from parse_vs_markdown_it import _rounds, batch_for

import newsissue
from newsissue.readers.alto import read_alto
from newsissue.readers.xmlsafe import stream

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
        _rounds(rounds, number, {"ours": ours, "theirs": theirs}, timings)
    finally:
        gc.enable()
    return statistics.median(timings["ours"]), statistics.median(timings["theirs"])


class _Nothing:
    """A parser target that is handed every element and does nothing with it."""

    def start(self, tag: str, attrib: object) -> None:
        pass

    def end(self, tag: str) -> None:
        pass

    def close(self) -> None:
        pass


def parts(path: Path, rounds: int) -> dict[str, float]:
    """Median CPU seconds per call of lxml's parse, a do-nothing target, the read and the whole parse."""
    funcs: dict[str, Callable[[], object]] = {
        "lxml": lambda: etree.parse(str(path)),
        "target": lambda: stream(path, path.name, _Nothing()),  # the reader's own feed, with no reader
        "read": lambda: read_alto(path),
        "parse": lambda: newsissue.parse(path, structure=False),
    }
    number = max(batch_for(func) for func in funcs.values())
    timings: dict[str, list[float]] = {name: [] for name in funcs}
    gc.collect()
    gc.disable()
    try:
        _rounds(rounds, number, funcs, timings)
    finally:
        gc.enable()
    return {name: statistics.median(values) for name, values in timings.items()}


# The process's own peak resident memory (KiB): VmHWM, which starts afresh at exec (ru_maxrss may
# keep the peak of the process it was forked from).
_HWM = """
def peak():
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
"""

_BATCH = (
    _HWM
    + """
import sys
from pathlib import Path
import newsissue
results = list(newsissue.convert_many(sorted(Path(sys.argv[1]).iterdir()), "json", sys.argv[2], jobs=1))
assert all(result.status == "done" for result in results), results[:3]
print(peak())
"""
)


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


_PEAK = (
    _HWM
    + """
import sys
from pathlib import Path
if sys.argv[2] == "lxml":
    from lxml import etree
    etree.parse(sys.argv[1])
else:
    import newsissue
    newsissue.parse(Path(sys.argv[1]), structure=False)
print(peak())
"""
)


def large_page(megabytes: int, out: Path) -> Path:
    """An ALTO page of about ``megabytes`` MB: a real page's blocks repeated down the page, ids made unique."""
    pages = sorted(CORPUS.rglob("*_004.xml")) if CORPUS.exists() else []
    source = (pages[0] if pages else sorted(EXAMPLE.glob("0*.xml"))[0]).read_text(encoding="utf-8-sig")
    head, rest = source.split("<PrintSpace", 1)
    opening, body = rest.split(">", 1)
    body, tail = body.rsplit("</PrintSpace>", 1)
    chunks, size, copy = [], 0, 0
    while size < megabytes * 1024 * 1024:
        copy += 1
        chunk = re.sub(r'ID="([^"]+)"', rf'ID="\1_{copy}"', body)
        chunk = re.sub(r'VPOS="(\d+)"', functools.partial(_lower, copy * 20000), chunk)
        chunks.append(chunk)
        size += len(chunk)
    out.write_text(f"{head}<PrintSpace{opening}>{''.join(chunks)}</PrintSpace>{tail}", encoding="utf-8")
    return out


def _lower(by: int, match: re.Match[str]) -> str:
    return f'VPOS="{int(match.group(1)) + by}"'


def peak_of(path: Path, reader: str) -> int:
    """Peak resident memory (KiB) of a process reading ``path`` with newsissue or lxml."""
    command = [sys.executable, "-c", _PEAK, str(path), reader]
    return int(subprocess.run(command, capture_output=True, text=True, check=True).stdout.split()[-1])


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=11)
    parser.add_argument("--batch", type=int, nargs="*", default=[100, 1000])
    parser.add_argument("--large", type=int, default=50, help="MB of the large page (0: none)")
    parser.add_argument("--parts", action="store_true", help="where each page's time goes (see above)")
    parser.add_argument("pages", nargs="*", type=Path)
    args = parser.parse_args(argv)
    newsissue.parse(sorted(EXAMPLE.glob("0*.xml"))[0])  # load the plugins once, outside the timing
    if args.parts:
        print(f"{'ALTO page':<44} {'lxml':>7} {'target':>7} {'read':>7} {'rest':>7} {'all':>7}  (x lxml's parse)")
        shares: dict[str, list[float]] = {"target": [], "read": [], "rest": [], "all": []}
        for path in pages(args.pages):
            found = parts(path, args.rounds)
            row = {
                "target": found["target"],
                "read": found["read"],
                "rest": found["parse"] - found["read"],
                "all": found["parse"],
            }
            for name, value in row.items():
                shares[name].append(value / found["lxml"])
            cells = " ".join(f"{value / found['lxml']:>7.2f}" for value in row.values())
            print(f"{path.name:<44} {found['lxml'] * 1e3:>5.1f}ms {cells}")
        medians = " ".join(f"{statistics.median(values):>7.2f}" for values in shares.values())
        print(f"{'median':<44} {'':>7} {medians}")
        return 0
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
    if args.large:
        with tempfile.TemporaryDirectory() as work:
            page = large_page(args.large, Path(work) / "large.xml")
            size = page.stat().st_size / 1024
            for reader in ("newsissue", "lxml"):
                rss = peak_of(page, reader)
                print(f"{size / 1024:.0f} MB ALTO page, {reader}: peak {rss / 1024:.0f} MiB, {rss / size:.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
