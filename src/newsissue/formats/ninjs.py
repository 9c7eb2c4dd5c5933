"""The ninjs plugin: its exporter. lxml and the writer (:mod:`newsissue.formats.ninjs_write`) load when it writes."""

from __future__ import annotations

from typing import BinaryIO

import attrs

from ..hookspecs import hookimpl
from ..interfaces import Exporter
from ..model import Issue
from .iptc import IptcOptions

__all__ = ["NinjsExporter", "NinjsOptions"]


@attrs.frozen(kw_only=True)
class NinjsOptions(IptcOptions):
    """Options of the ninjs exporter (see :class:`~newsissue.formats.iptc.IptcOptions`); ``indent`` none: one line."""

    indent: int | None = None


class NinjsExporter(Exporter):
    """IPTC ninjs 3.2 JSON."""

    name = "ninjs"
    media_type = "application/ninjs+json"
    suffix = ".json"
    description = "IPTC ninjs 3.2: the issue as a composite of pages and articles"
    Options = NinjsOptions

    def render(self, issue: Issue, options: NinjsOptions) -> bytes:
        from .ninjs_write import text

        return text(issue, options).encode("utf-8")

    def write(self, issue: Issue, options: NinjsOptions, stream: BinaryIO) -> None:
        from .ninjs_write import pieces

        for piece in pieces(issue, options):
            stream.write(piece.encode("utf-8"))


@hookimpl
def newsissue_exporters() -> tuple[Exporter, ...]:
    """The ninjs exporter."""
    return (NinjsExporter(),)
