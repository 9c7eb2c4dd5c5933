"""The typed objects plugins return: exporters and readers."""

from __future__ import annotations

import abc
from collections.abc import Sequence
from pathlib import Path
from typing import Any, BinaryIO, ClassVar

import attrs

from .evidence import IssueEvidence
from .model import Issue

__all__ = ["Exporter", "NoOptions", "Reader"]


@attrs.frozen(kw_only=True)
class NoOptions:
    """Options of an exporter that takes none."""


class Exporter(abc.ABC):
    """An output format. Subclass it, set the class attributes, implement :meth:`render`.

    ``Options`` is a frozen attrs class whose fields all have defaults; the CLI's
    ``--option key=value`` and :func:`newsissue.export`'s keyword arguments fill it.
    """

    #: Format name used on the command line (``--to NAME``).
    name: ClassVar[str]
    #: IANA media type of the output.
    media_type: ClassVar[str]
    #: File name suffix, with its dot.
    suffix: ClassVar[str]
    #: One line for ``newsissue formats``.
    description: ClassVar[str] = ""
    #: Binary formats are never written to a terminal's standard output.
    binary: ClassVar[bool] = False
    #: The options type.
    Options: ClassVar[type[Any]] = NoOptions

    @abc.abstractmethod
    def render(self, issue: Issue, options: Any) -> bytes:
        """The issue in this format, as bytes. Raise :class:`~newsissue.ExportError` on failure."""

    def write(self, issue: Issue, options: Any, stream: BinaryIO) -> None:
        """Write the issue to a binary stream: the bytes of :meth:`render` unless overridden.

        :func:`newsissue.export` calls this; a format that can write a large issue piece by piece
        overrides it, so the whole output is never in memory at once. The bytes must be those of
        :meth:`render`.
        """
        stream.write(self.render(issue, options))


class Reader(abc.ABC):
    """An input format other than page text (our own JSON, NewsML-G2, an archive's ALTO/METS …)."""

    #: Reader name, e.g. ``"json"``.
    name: ClassVar[str]
    #: One line for ``newsissue plugins``.
    description: ClassVar[str] = ""
    #: The largest file the reader takes, in bytes: a larger file it recognises is refused unread.
    max_bytes: ClassVar[int | None] = None

    @abc.abstractmethod
    def recognises(self, text: str) -> bool:
        """Whether ``text`` is in this reader's format (a cheap look at its start)."""

    @abc.abstractmethod
    def read(self, text: str, *, source: str | None) -> Issue | IssueEvidence:
        """The issue ``text`` holds, or its pages' evidence for the segmenter to read.

        Raise :class:`~newsissue.ParseError` if it is malformed.
        """

    def takes(self, paths: Sequence[Path]) -> bool:
        """Whether the reader reads these files or folders as a whole (an archive's issue folder).

        :func:`newsissue.parse` asks before reading paths as page text. The default: no.
        """
        return False

    def read_files(self, paths: Sequence[Path]) -> Issue | IssueEvidence:
        """The issue the paths hold (see :meth:`takes`), or its evidence; ParseError if malformed."""
        raise NotImplementedError
