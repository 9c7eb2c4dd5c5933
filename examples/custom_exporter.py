"""A third-party exporter in a dozen lines: plain Markdown, one section per story.

    python examples/custom_exporter.py [ISSUE_FOLDER]

It registers on a fresh plugin manager, as a test would; an installed plugin
package would declare it in the ``newsissue`` entry-point group instead (docs/plugins.md).
"""

from __future__ import annotations

import sys
from pathlib import Path

import attrs

import newsissue
from newsissue import Exporter, Issue, Paragraph

HERE = Path(__file__).resolve().parent


@attrs.frozen(kw_only=True)
class MarkdownOptions:
    """Options: every field has a default; the CLI fills them from --option key=value."""

    headings: bool = True


class MarkdownExporter(Exporter):
    """Plain Markdown."""

    name = "markdown"
    media_type = "text/markdown"
    suffix = ".md"
    description = "Plain Markdown, one section per story"
    Options = MarkdownOptions

    def render(self, issue: Issue, options: MarkdownOptions) -> bytes:
        lines = []
        for story in issue.stories():
            if options.headings and story.first.headline:
                lines.append(f"# {story.first.headline}\n")
            lines += [f"{block.text}\n" for block in story.body if isinstance(block, Paragraph)]
        return "\n".join(lines).encode("utf-8")


@newsissue.hookimpl
def newsissue_exporters() -> tuple[Exporter, ...]:
    """The Markdown exporter."""
    return (MarkdownExporter(),)


def main(source: Path) -> int:
    plugins = newsissue.get_plugin_manager(entry_points=False)
    plugins.register(sys.modules[__name__])
    issue = newsissue.parse(source, plugins=plugins)
    sys.stdout.write(newsissue.render(issue, "markdown", plugins=plugins, headings=True).decode("utf-8"))
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "harbour-gazette"))
