"""Read an archive issue (ALTO pages with their METS), show where each story was printed, write its METS.

    python examples/archive_to_mets.py [ISSUE_FOLDER] [OUT.xml]

Defaults: examples/harbour-gazette-scans/alto, written to ./issue-mets.xml. The METS names the ALTO
pages by their paths from the issue folder: put it there for an archive to load. Uses only the
public API: newsissue.parse, Issue.stories, the regions of items and blocks, newsissue.export.
"""

from __future__ import annotations

import sys
from pathlib import Path

import newsissue

HERE = Path(__file__).resolve().parent


def main(source: Path, out: Path) -> int:
    issue = newsissue.parse(source, structure=False)  # segment afresh, whatever map the archive has
    print(f"{issue.title} {issue.date} ({issue.language}), {len(issue.pages)} pages")
    for story in issue.stories():
        blocks = [
            f"p{part.page}:{region.block}"
            for part in story.parts
            for region in (*part.item.regions, *(r for block in part.item.body for r in block.regions))
        ]
        print(f"  {story.first.kind.value:<13} {story.first.headline or '-'}: {' '.join(dict.fromkeys(blocks))}")
    newsissue.export(issue, "mets", out)
    print(f"written: {out}")
    return 0


if __name__ == "__main__":
    args = sys.argv[1:]
    source = Path(args[0]) if args else HERE / "harbour-gazette-scans" / "alto"
    sys.exit(main(source, Path(args[1]) if len(args) > 1 else Path("issue-mets.xml")))
