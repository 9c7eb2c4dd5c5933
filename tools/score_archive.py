#!/usr/bin/env python3
"""Score newsissue's segmentation of an archive issue against its METS/DIDL gold, stories joined.

    python tools/score_archive.py ISSUE_FOLDER GOLD.json [--segment] [-v]

Reads the issue with newsissue (the archive's own article map set aside with ``--segment``),
exports JSON, and scores it with the corpus scorer (``../shared/corpus/tools/score_mets.py``).
The scorer counts one predicted item per cluster; a story newsissue joined across pages is one
article, so the parts of each linked story are given to the scorer as one item: its blocks are
read from every part's ``regions`` (the export field the scorer reads is ``block``).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path
from typing import Any

import newsissue

SCORER = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "tools" / "score_mets.py"


def scorer() -> Any:
    """The corpus scorer, loaded from ../shared."""
    spec = importlib.util.spec_from_file_location("score_mets", SCORER)
    if spec is None or spec.loader is None:
        raise SystemExit(f"the corpus scorer is not at {SCORER}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def stories_document(issue: newsissue.Issue) -> dict[str, Any]:
    """The JSON export with each linked story's parts as one item on its first part's page."""
    document = json.loads(newsissue.render(issue, "json"))
    pages = {page["number"]: page for page in document["pages"]}
    merged: dict[int, list[dict[str, Any]]] = {number: [] for number in pages}
    for story in issue.stories():
        first = story.parts[0]
        parts = [pages[part.page]["items"][part.index - 1] for part in story.parts]
        blocks = [
            dict(region, page=part.page)
            for part, item in zip(story.parts, parts, strict=True)
            for region in _regions(item)
        ]
        merged[first.page].append({"kind": parts[0]["kind"], "headline": parts[0].get("headline"), "regions": blocks})
    for number, page in pages.items():
        page["items"] = merged[number]
    return document


def _regions(node: Any) -> list[dict[str, Any]]:
    found = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "regions":
                found.extend(region for region in value if region.get("block"))
            elif isinstance(value, dict | list):
                found.extend(_regions(value))
    elif isinstance(node, list):
        for value in node:
            found.extend(_regions(value))
    return found


def score(folder: Path, gold: dict[str, Any], *, segment: bool) -> dict[str, Any]:
    """The scorer's figures for newsissue's reading of ``folder``."""
    return score_issue(newsissue.parse(folder, structure=not segment), gold)


def score_issue(issue: newsissue.Issue, gold: dict[str, Any]) -> dict[str, Any]:
    """The scorer's figures for an issue already read."""
    return scorer().score(gold, stories_document(issue), {"article", "advertisement"})


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("gold", type=Path)
    parser.add_argument("--segment", action="store_true", help="set the archive's own article map aside")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    result = score(args.folder, json.loads(args.gold.read_text(encoding="utf-8")), segment=args.segment)
    b = result["bcubed"]
    print(
        f"B-cubed P {b['precision']:.3f} R {b['recall']:.3f} F1 {b['f1']:.3f}; exact {result['exact_items']}/"
        f"{result['gold_items']}; blocks claimed {result['coverage']:.2f}"
    )
    if args.verbose:
        for title in result["missed_items"]:
            print(f"  not exact: {title!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
