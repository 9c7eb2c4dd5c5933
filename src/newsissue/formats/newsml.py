"""The NewsML-G2 plugin: its exporter (a newsMessage, 2.36) and the reader of what it writes.

Light on purpose: lxml, the writer (:mod:`newsissue.formats.newsml_write`) and the reader
(:mod:`newsissue.formats.newsml_read`) load when NewsML-G2 is written or read.
"""

from __future__ import annotations

import re
from typing import BinaryIO

import attrs

from ..hookspecs import hookimpl
from ..interfaces import Exporter, Reader
from ..model import Issue
from .iptc import IptcOptions

__all__ = ["MAX_BYTES", "NAR", "NewsMLExporter", "NewsMLOptions", "NewsMLReader"]

#: The NewsML-G2 namespace.
NAR = "http://iptc.org/std/nar/2006-10-01/"
#: The largest NewsML-G2 document the reader takes.
MAX_BYTES = 64 * 1024 * 1024
_SNIFF = re.compile(r"^\ufeff?\s*<")


@attrs.frozen(kw_only=True)
class NewsMLOptions(IptcOptions):
    """Options of the NewsML-G2 exporter (see :class:`~newsissue.formats.iptc.IptcOptions`)."""


class NewsMLExporter(Exporter):
    """NewsML-G2 2.36 for news wire systems."""

    name = "newsml"
    media_type = "application/vnd.iptc.g2.newsmessage+xml"
    suffix = ".xml"
    description = "IPTC NewsML-G2 2.36 newsMessage: a package and a newsItem per article"
    Options = NewsMLOptions

    def render(self, issue: Issue, options: NewsMLOptions) -> bytes:
        from .newsml_write import pieces

        return b"".join(pieces(issue, options))

    def write(self, issue: Issue, options: NewsMLOptions, stream: BinaryIO) -> None:
        from .newsml_write import pieces

        for piece in pieces(issue, options):
            stream.write(piece)


class NewsMLReader(Reader):
    """newsissue's own NewsML-G2 newsMessage."""

    name = "newsml"
    description = "NewsML-G2 newsMessage as written by newsissue"
    max_bytes = MAX_BYTES

    def recognises(self, text: str) -> bool:
        return _SNIFF.match(text) is not None and NAR in text[:4000]

    def read(self, text: str, *, source: str | None) -> Issue:
        from .newsml_read import read_newsml

        return read_newsml(text)


@hookimpl
def newsissue_exporters() -> tuple[Exporter, ...]:
    """The NewsML-G2 exporter."""
    return (NewsMLExporter(),)


@hookimpl
def newsissue_readers() -> tuple[Reader, ...]:
    """The NewsML-G2 reader."""
    return (NewsMLReader(),)
