"""Render the cover, the contents and one article of an issue's EPUB to PNG with headless Chromium.

    python docs/make_pictures.py [INPUT ...] [--out docs/images] [--vertical] [--prefix en-]

Without INPUT it converts the golden sample (../shared/golden). It builds the EPUB
with the installed exporter, unpacks it and has Chromium (Debian's ``chromium``
package, with ``fonts-noto-cjk`` for Chinese) screenshot the content documents
as an e-reader of 600 x 900 CSS pixels would show them. Not run by the tests: it
needs a browser.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import newsissue

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT.parent / "shared" / "golden" / "seed-zhuzhou-daily-2023-12-07-p01.md"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
    "--window-size=600,900",
]


def screenshot(browser: str, page: Path, out: Path, profile: Path) -> None:
    command = [browser, *FLAGS, f"--user-data-dir={profile}", f"--screenshot={out}", page.as_uri()]
    subprocess.run(command, check=True, capture_output=True, timeout=120)
    print(f"{out}")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="*", type=Path)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "images")
    parser.add_argument("--vertical", action="store_true")
    parser.add_argument("--article", type=int, default=1, help="which article to show, counting from 1")
    parser.add_argument("--prefix", default="", help="put before each picture's name (en-cover.png)")
    args = parser.parse_args(argv)
    browser = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if browser is None:
        print("make_pictures: needs Chromium (apt-get install chromium fonts-noto-cjk)", file=sys.stderr)
        return 1
    issue = newsissue.parse(args.inputs[0] if len(args.inputs) == 1 else args.inputs or SAMPLE)
    suffix = "-vertical" if args.vertical else ""
    prefix = args.prefix
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as temp:
        book = Path(temp) / "issue.epub"
        newsissue.export(issue, "epub", book, vertical=args.vertical)
        unpacked = Path(temp) / "book"
        zipfile.ZipFile(book).extractall(unpacked)
        documents = unpacked / "EPUB"
        articles = sorted(documents.glob("a-*.xhtml"))
        profile = Path(temp) / "profile"
        chosen = articles[min(args.article, len(articles)) - 1]
        for name, page in (
            ("cover", documents / "cover.xhtml"),
            ("contents", documents / "contents.xhtml"),
            ("article", chosen),
        ):
            screenshot(browser, page, args.out / f"{prefix}{name}{suffix}.png", profile)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
