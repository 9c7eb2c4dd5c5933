"""newsissue-epub: a newspaper issue as an EPUB 3.3 periodical (with an EPUB 2 NCX), by ebooklib.

A separate package because ebooklib is AGPL-3.0-or-later. It registers through the
``newsissue`` entry-point group like any third-party plugin. ebooklib is imported only when a
book is made (``newsissue_epub.book``).
"""

from __future__ import annotations

from typing import BinaryIO

import attrs

import newsissue
from newsissue import Exporter, Issue

__all__ = ["EpubExporter", "EpubOptions", "build"]


@attrs.frozen(kw_only=True)
class EpubOptions:
    """Options of the EPUB exporter.

    ``vertical`` sets vertical writing (``writing-mode: vertical-rl``) and a
    right-to-left page progression; ``advertisements`` keeps advertisements and
    notices (marked as such) or leaves them out.
    """

    vertical: bool = False
    advertisements: bool = True


def build(issue: Issue, options: EpubOptions) -> bytes:
    """The EPUB file's bytes."""
    from .book import build as build_book

    return build_book(issue, options)


class EpubExporter(Exporter):
    """EPUB 3.3 for e-readers."""

    name = "epub"
    media_type = "application/epub+zip"
    suffix = ".epub"
    description = "EPUB 3.3 periodical (with EPUB 2 NCX): cover, contents by page, page list"
    binary = True
    Options = EpubOptions

    def render(self, issue: Issue, options: EpubOptions) -> bytes:
        return build(issue, options)

    def write(self, issue: Issue, options: EpubOptions, stream: BinaryIO) -> None:
        """Entry by entry into the stream where it can seek (a file); else the bytes of :meth:`render`."""
        if not stream.seekable() or stream.tell() != 0:
            stream.write(build(issue, options))
            return
        from .book import write

        write(issue, options, stream)


@newsissue.hookimpl
def newsissue_exporters() -> tuple[Exporter, ...]:
    """The EPUB exporter."""
    return (EpubExporter(),)
