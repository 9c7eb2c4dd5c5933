"""Parse an example issue, show its stories, and write it in every installed format.

    python examples/convert_issue.py [ISSUE_FOLDER] [OUT_FOLDER]

Defaults: examples/qingxi-daily, written to ./out. Uses only the public API:
newsissue.parse, Issue.stories, newsissue.export.
"""

from __future__ import annotations

import sys
from pathlib import Path

import newsissue
from newsissue.plugins import default_registry

HERE = Path(__file__).resolve().parent


def main(source: Path, out: Path) -> int:
    issue = newsissue.parse(source)
    print(f"{issue.title} {issue.date} ({issue.language}), {len(issue.pages)} pages")
    for story in issue.stories():
        pages = "+".join(str(part.page) for part in story.parts)
        print(f"  p{pages:<5} {story.first.kind.value:<13} {story.first.headline or '-'}")
    warnings = [d for d in issue.diagnostics if d.severity is newsissue.Severity.WARNING]
    print(f"{len(issue.diagnostics)} diagnostics, {len(warnings)} warnings")
    out.mkdir(parents=True, exist_ok=True)
    for name, exporter in sorted(default_registry().exporters.items()):
        target = out / f"{source.name}.{name}{exporter.suffix}"
        newsissue.export(issue, name, target)
        print(f"wrote {target} ({target.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    arguments = sys.argv[1:]
    source = Path(arguments[0]) if arguments else HERE / "qingxi-daily"
    out = Path(arguments[1]) if len(arguments) > 1 else Path("out")
    sys.exit(main(source, out))
