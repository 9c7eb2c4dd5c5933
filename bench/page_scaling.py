"""Cost per page as an issue grows from 100 to 10,000 pages: parse and every format, time and memory.

    python bench/page_scaling.py [--pages 100 1000 10000] [--formats json newsml ninjs epub]

The issue is a folder of page files, ``page-0001.txt`` …, each a fictional page of the English
example issue with its own ``PAGE N`` header (four-digit numbers included). For each size one fresh
interpreter parses the folder and then exports it to each format in turn; it reports CPU seconds
per page for the parse and for each export (``time.process_time``), the model's memory per page
(resident memory after the parse less before it), and each export's peak memory above the model
(``VmHWM`` reset through ``/proc/self/clear_refs`` before each export) against the output's size.
Targets (issue 13): per-page cost at the largest size at most 1.3x that at the smallest, model
memory flat per page, export peak at most 3x the output's size. Not a test: a measurement.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAGE = ROOT / "examples" / "harbour-gazette" / "page-02.txt"


def build_issue(pages: int, folder: Path) -> Path:
    """A folder of ``pages`` page files: the example page again and again, each with its own header."""
    issue = folder / f"issue-{pages}"
    if not issue.exists():
        issue.mkdir()
        body = PAGE.read_text(encoding="utf-8").split("\n", 1)[1]
        for number in range(1, pages + 1):
            header = f"PAGE {number} · LOCAL · Tuesday, March 18, 2025\n"
            (issue / f"page-{number:04d}.txt").write_text(header + body, encoding="utf-8")
    return issue


def _status(field: str) -> int:
    lines = Path("/proc/self/status").read_text().splitlines()
    return next(int(line.split()[1]) for line in lines if line.startswith(field)) * 1024


def child(source: str, formats: list[str], folder: str) -> None:
    """Parse, then export to each format, in this interpreter; print what each cost, as JSON."""
    import newsissue

    warm = newsissue.parse(PAGE)  # load the plugins, and each format's libraries, outside the timing
    for fmt in formats:
        newsissue.render(warm, fmt)
    before = _status("VmRSS")
    start = time.process_time()
    issue = newsissue.parse(Path(source))
    report: dict[str, object] = {
        "pages": len(issue.pages),
        "parse": time.process_time() - start,
        "model": _status("VmRSS") - before,
    }
    for fmt in formats:
        output = Path(folder) / f"out.{fmt}"
        baseline = _status("VmRSS")
        Path("/proc/self/clear_refs").write_text("5")  # reset the peak (VmHWM) to the current size
        start = time.process_time()
        newsissue.export(issue, fmt, output)
        report[fmt] = {
            "cpu": time.process_time() - start,
            "peak": _status("VmHWM") - baseline,
            "size": output.stat().st_size,
        }
        output.unlink()
    print(json.dumps(report))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", nargs="+", type=int, default=[100, 1000, 10000])
    parser.add_argument("--formats", nargs="+", default=["json", "newsml", "ninjs", "epub"])
    parser.add_argument("--child", nargs=3, metavar=("INPUT", "FORMATS", "FOLDER"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], args.child[1].split(","), args.child[2])
        return
    print(f"{'pages':>6} {'stage':<7} {'CPU s':>8} {'ms/page':>8} {'vs first':>8} {'KB/page':>8} {'peak/out':>8}")
    first: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="newsissue-pages-") as temporary:
        folder = Path(temporary)
        for pages in args.pages:
            source = build_issue(pages, folder)
            command = [sys.executable, __file__, "--child", str(source), ",".join(args.formats), temporary]
            result = subprocess.run(command, capture_output=True, text=True, check=True)
            report = json.loads(result.stdout.strip().splitlines()[-1])
            if report["pages"] != pages:
                raise SystemExit(f"{pages} pages read as {report['pages']}")
            stages = [("parse", report["parse"], report["model"], None)]
            stages += [(fmt, report[fmt]["cpu"], report[fmt]["peak"], report[fmt]["size"]) for fmt in args.formats]
            for stage, cpu, memory, size in stages:
                per_page = cpu / pages * 1e3
                first.setdefault(stage, per_page)
                ratio = f"{memory / size:8.2f}" if size else f"{'':>8}"
                print(
                    f"{pages:>6} {stage:<7} {cpu:8.2f} {per_page:8.2f} {per_page / first[stage]:8.2f}"
                    f" {memory / pages / 1024:8.1f} {ratio}",
                    flush=True,
                )


if __name__ == "__main__":
    main()
