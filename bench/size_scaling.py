"""Time and memory of ``newsissue convert`` as the input grows: linear time, memory a small multiple.

    python bench/size_scaling.py [--sizes 5 10 20 40] [--formats json newsml ninjs epub] [--kinds zh en]

For each kind of text (``zh``: the Chinese example issue's Markdown pages again and again, ``en``:
the fictional OCR page's column lines again and again), each size in MB and each format, one fresh
interpreter runs the command line's ``convert INPUT --to FORMAT -o OUT`` and reports its CPU time
(``time.process_time``) and its peak resident memory (``VmHWM``). Printed: seconds per MB, that
figure against the smallest size's (1.00 is linear), and peak memory against the input's size.
Targets (issue 12): time linear in the input; at most 5x the input's size in memory for JSON.
Not a test: a measurement. The inputs are built in a temporary folder from examples/.
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
SOURCES = {
    "zh": sorted((ROOT / "examples" / "qingxi-daily").glob("*.md")),
    "en": [ROOT / "examples" / "page-styles" / "evening-ocr.txt"],
}


def build_input(kind: str, megabytes: float, folder: Path) -> Path:
    """A text of about ``megabytes`` MB made of the kind's example pages, again and again."""
    path = folder / f"{kind}-{megabytes:g}MB.txt"
    if not path.exists():
        unit = "\n\n".join(source.read_text(encoding="utf-8") for source in SOURCES[kind]).encode() + b"\n"
        copies = max(1, round(megabytes * 2**20 / len(unit)))
        with path.open("wb") as stream:
            for _ in range(copies):
                stream.write(unit)
    return path


def child(source: str, fmt: str, output: str) -> None:
    """Run one conversion in this interpreter and print what it cost, as JSON."""
    from newsissue.cli import main

    start = time.process_time()
    status = main(["convert", source, "--to", fmt, "-o", output])
    cpu = time.process_time() - start
    status_lines = Path("/proc/self/status").read_text().splitlines()
    peak = next(int(line.split()[1]) for line in status_lines if line.startswith("VmHWM")) * 1024
    print(json.dumps({"status": status, "cpu": cpu, "peak": peak}))


def measure(source: Path, fmt: str, folder: Path) -> dict[str, float]:
    output = folder / f"out.{fmt}"
    command = [sys.executable, __file__, "--child", str(source), fmt, str(output)]
    result = subprocess.run(command, capture_output=True, text=True, check=True)
    report = json.loads(result.stdout.strip().splitlines()[-1])
    if report["status"] != 0:
        raise SystemExit(f"convert {source.name} --to {fmt} failed: {result.stderr.strip()}")
    output.unlink(missing_ok=True)
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs="+", type=float, default=[5, 10, 20, 40])
    parser.add_argument("--formats", nargs="+", default=["json", "newsml", "ninjs", "epub"])
    parser.add_argument("--kinds", nargs="+", default=["zh", "en"], choices=sorted(SOURCES))
    parser.add_argument("--child", nargs=3, metavar=("INPUT", "FORMAT", "OUTPUT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    print(f"{'kind':<4} {'format':<7} {'MB':>6} {'CPU s':>8} {'s/MB':>7} {'vs first':>8} {'peak MB':>8} {'x input':>7}")
    with tempfile.TemporaryDirectory(prefix="newsissue-size-") as temporary:
        folder = Path(temporary)
        for kind in args.kinds:
            for fmt in args.formats:
                first = None
                for size in args.sizes:
                    source = build_input(kind, size, folder)
                    megabytes = source.stat().st_size / 2**20
                    report = measure(source, fmt, folder)
                    per_mb = report["cpu"] / megabytes
                    first = first or per_mb
                    peak = report["peak"] / 2**20
                    print(
                        f"{kind:<4} {fmt:<7} {megabytes:6.1f} {report['cpu']:8.2f} {per_mb:7.3f} "
                        f"{per_mb / first:8.2f} {peak:8.0f} {peak / megabytes:7.2f}",
                        flush=True,
                    )


if __name__ == "__main__":
    main()
