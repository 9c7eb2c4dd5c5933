"""Draw how newsissue segmented archive pages: every line's box in grey, each story's blocks in its colour.

    python docs/make_layout_pictures.py [--out docs/images]

Reads the ALTO issues of ../shared/corpus/alto (the archive's own article map set aside, as the
scores in docs/archives.md are made) and the example issue in examples/harbour-gazette-scans,
draws each page as SVG (a story's blocks filled in one colour, numbered in reading order, a
story's parts on other pages in the same colour, the page's graphical elements in black) and has headless
Chromium render it to PNG. Not run by the tests: it needs a browser.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from xml.sax.saxutils import escape

import newsissue
from newsissue.readers.alto import read_alto

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "alto"
COLOURS = ["#e6194b", "#3cb44b", "#4363d8", "#f58231", "#911eb4", "#42d4f4", "#f032e6", "#9a6324", "#808000",
           "#469990", "#000075", "#bfef45"]  # fmt: skip
PAGES = [
    ("alto-luxzeit-1858-p1", CORPUS / "bnl-luxzeit-1858-12-07", 1),
    ("alto-luxzeit-1858-p3", CORPUS / "bnl-luxzeit-1858-12-07", 3),
    ("alto-kb-1813-p2", CORPUS / "kb-ddd-1813-11-16", 2),
    ("alto-evening-star-1916-p1", CORPUS / "ndnp-dlc-evening-star-1916-08-26", 1),
    ("alto-volkszeitung-1890-p1", CORPUS / "sbb-berlin-1890-04-01", 1),
    ("alto-volkszeitung-1890-p2", CORPUS / "sbb-berlin-1890-04-01", 2),
    ("alto-harbour-gazette-p1", ROOT / "examples" / "harbour-gazette-scans" / "alto", 1),
]
WIDTH = 900


def _page_file(folder: Path, source: str) -> Path:
    found = [path for path in folder.rglob("*.xml") if path.as_posix().endswith(source)]
    return found[0]


def svg(issue: newsissue.Issue, folder: Path, number: int) -> str:
    page = next(page for page in issue.pages if page.number == number)
    evidence = read_alto(_page_file(folder, page.source or ""))
    boxes = [line.box for line in evidence.lines if line.box is not None]
    right, bottom = max(b[2] for b in boxes), max(b[3] for b in boxes)
    scale = WIDTH / right
    height = round(bottom * scale) + 10
    story_of = {}
    for index, story in enumerate(issue.stories()):
        for part in story.parts:
            story_of[(part.page, part.index)] = index
    shapes = [f'<rect width="{WIDTH}" height="{height}" fill="white"/>']
    for box in boxes:
        x, y, w, h = (round(v * scale, 1) for v in (box[0], box[1], box[2] - box[0], box[3] - box[1]))
        shapes.append(f'<rect x="{x}" y="{y}" width="{w}" height="{h}" fill="#ddd"/>')
    for box in evidence.rules:  # every graphical element as printed; the thin horizontal ones are rules
        x, y, w, h = (round(v * scale, 1) for v in (box[0], box[1], box[2] - box[0], box[3] - box[1]))
        shapes.append(f'<rect x="{x}" y="{y}" width="{max(w, 1)}" height="{max(h, 1)}" fill="black"/>')
    for place, item in enumerate(page.items, 1):
        colour = COLOURS[story_of.get((number, place), place) % len(COLOURS)]
        regions = [*item.regions, *(r for block in item.body for r in block.regions)]
        for n, region in enumerate(r for r in regions if r.box is not None):
            b = region.box
            x, y, w, h = (round(v * scale, 1) for v in (b[0], b[1], b[2] - b[0], b[3] - b[1]))
            shapes.append(
                f'<rect x="{x}" y="{y}" width="{w}" height="{h}" fill="{colour}" fill-opacity="0.25"'
                f' stroke="{colour}" stroke-width="1.5"/>'
            )
            if n == 0:
                label = f"{place} {item.kind.value if item.kind.value != 'article' else ''}".strip()
                shapes.append(
                    f'<text x="{x + 3}" y="{y + 14}" font-family="sans-serif" font-size="13" font-weight="bold"'
                    f' fill="{colour}">{escape(label)}</text>'
                )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}"'
        f' viewBox="0 0 {WIDTH} {height}">{"".join(shapes)}</svg>'
    )


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "images")
    args = parser.parse_args(argv)
    browser = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if browser is None:
        sys.exit("no Chromium: apt-get install chromium")
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        for name, folder, number in PAGES:
            issue = newsissue.parse(folder, structure=False)
            drawing = svg(issue, folder, number)
            source = Path(work) / f"{name}.svg"
            source.write_text(drawing, encoding="utf-8")
            height = int(drawing.split('height="', 1)[1].split('"', 1)[0])
            out = args.out / f"{name}.png"
            subprocess.run(
                [browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                 f"--user-data-dir={Path(work) / 'profile'}", f"--window-size={WIDTH},{height}",
                 f"--screenshot={out}", source.as_uri()],
                check=True, capture_output=True, timeout=120,
            )  # fmt: skip
            print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
