"""The ninjs plugin: its exporter. lxml and the writer (:mod:`newsissue.formats.ninjs_write`) load when it writes."""

from __future__ import annotations

from typing import BinaryIO

import attrs

from ..hookspecs import hookimpl
from ..interfaces import Exporter
from ..model import Issue
from .iptc import IptcOptions
from .ninjs_versions import VERSIONS

__all__ = ["NinjsExporter", "NinjsOptions"]


def _known_version(_instance: object, _attribute: object, value: str) -> None:
    if value not in VERSIONS:
        raise ValueError(f"version must be one of {', '.join(VERSIONS)}, not {value!r}")


@attrs.frozen(kw_only=True)
class NinjsOptions(IptcOptions):
    """Options of the ninjs exporter (see :class:`~newsissue.formats.iptc.IptcOptions`).

    ``version``: 3.2 (the default), 3.1, 2.2 or 1.6, each valid against its own schema;
    ``indent`` none: one line.
    """

    version: str = attrs.field(default="3.2", validator=_known_version)
    indent: int | None = None


class NinjsExporter(Exporter):
    """IPTC ninjs 3.2 JSON."""

    name = "ninjs"
    media_type = "application/ninjs+json"
    suffix = ".json"
    description = "IPTC ninjs 3.2 (or --option version=3.1|2.2|1.6): the issue as a composite of pages and articles"
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
