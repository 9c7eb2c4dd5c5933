"""Run one fuzz target under atheris (libFuzzer), seeded with our example issues.

    .venv/bin/pip install -e '.[fuzz]'
    .venv/bin/python fuzz/run.py parse_bytes -max_total_time=300

Targets: parse_bytes, parse_text, parse_encoded, read_json, read_newsml (see fuzz/targets.py).
Anything after the target name goes to libFuzzer (``-runs=N``, ``-seed=N``, ``-max_len=N`` …).
A crash is written to ``crash-*`` in the current folder; replay it with
``python fuzz/run.py TARGET crash-…``.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # fuzz.targets from a checkout

with atheris.instrument_imports(include=["newsissue", "newsissue_epub"]):
    import newsissue
    from fuzz.targets import TARGETS

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def write_seeds(folder: Path, target: str) -> None:
    """Seed inputs for the target: page files for the parsers, our own exports for the readers."""
    pages = sorted(EXAMPLES.glob("*/*.md")) + sorted(EXAMPLES.glob("page-styles/*.txt"))
    issues = [newsissue.parse(EXAMPLES / "qingxi-daily"), newsissue.parse(EXAMPLES / "harbour-gazette")]
    seeds: list[bytes]
    if target == "read_json":
        seeds = [newsissue.render(issue, "json") for issue in issues]
    elif target == "read_newsml":
        seeds = [newsissue.render(issue, "newsml", advertisements=True) for issue in issues]
    else:
        seeds = [path.read_bytes() for path in pages]
    for index, seed in enumerate(seeds):
        (folder / f"seed-{index:03d}").write_bytes(seed)


def main(argv: list[str]) -> None:
    if len(argv) < 2 or argv[1] not in TARGETS:
        sys.exit(f"usage: python fuzz/run.py {{{','.join(TARGETS)}}} [libFuzzer options]")
    name, options = argv[1], argv[2:]
    with tempfile.TemporaryDirectory(prefix=f"newsissue-fuzz-{name}-") as seeds:
        corpus = [] if any(not option.startswith("-") for option in options) else [seeds]
        write_seeds(Path(seeds), name)
        atheris.Setup([argv[0], *options, *corpus], TARGETS[name])
        atheris.Fuzz()


if __name__ == "__main__":
    main(sys.argv)
