"""Whole-process times of the command line against pandoc, by hyperfine, in one run.

    python bench/startup_vs_pandoc.py [--runs 30] [PAGE]

hyperfine (Debian's package) times, with warm-up runs and no shell, ``pandoc -t json PAGE``,
``newsissue --help``, ``newsissue convert PAGE --to json`` and the bare interpreter
(``python -c pass``, what no Python program starts below). The package is byte-compiled first, as an
installed wheel is. Prints each median and its ratio to pandoc's. Targets (issue 13): ``--help``
at most 1.0x and the conversion at most 2.0x pandoc ``-t json`` on the same page. Not a test: a
measurement. The default page is the fictional 1911 OCR example.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAGE = ROOT / "examples" / "page-styles" / "evening-ocr.txt"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("page", nargs="?", type=Path, default=PAGE)
    args = parser.parse_args()
    for tool in ("hyperfine", "pandoc"):
        if shutil.which(tool) is None:
            raise SystemExit(f"{tool} is not on PATH (Debian: apt-get install {tool})")
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "src"), str(ROOT / "plugins")], check=True)
    cli = Path(sys.executable).with_name("newsissue")
    page = str(args.page)
    commands = {
        "pandoc -t json PAGE": f"pandoc -f markdown -t json {page}",
        "python -c pass": f"{sys.executable} -c pass",
        "newsissue --help": f"{cli} --help",
        "newsissue convert PAGE --to json": f"{cli} convert {page} --to json -q",
    }
    with tempfile.TemporaryDirectory(prefix="newsissue-startup-") as temporary:
        report = Path(temporary) / "hyperfine.json"
        command = ["hyperfine", "-N", "--warmup", "5", "--runs", str(args.runs), "--export-json", str(report)]
        for name, line in commands.items():
            command += ["--command-name", name, line]
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        results = {entry["command"]: entry for entry in json.loads(report.read_text())["results"]}
    base = results["pandoc -t json PAGE"]["median"]
    print(f"{'command':<34} {'median ms':>10} {'user ms':>8} {'vs pandoc':>10}  (user: mean CPU time)")
    for name in commands:
        entry = results[name]
        print(f"{name:<34} {entry['median'] * 1e3:10.1f} {entry['user'] * 1e3:8.1f} {entry['median'] / base:10.2f}")
    print("targets: newsissue --help <= 1.0x, newsissue convert PAGE --to json <= 2.0x pandoc -t json")
    return 0


if __name__ == "__main__":
    sys.exit(main())
