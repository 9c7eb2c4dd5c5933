"""The exceptions newsissue raises. Catch :class:`NewsIssueError` for all of them."""

from __future__ import annotations

__all__ = ["ExportError", "NewsIssueError", "ParseError", "PluginError", "UnknownFormatError", "quoted"]

#: How much of a quoted input value an error message shows.
QUOTE_LIMIT = 60


class NewsIssueError(Exception):
    """Base class of every error newsissue raises on purpose."""


class ParseError(NewsIssueError, ValueError):
    """The input cannot be read as a newspaper issue (empty, binary, undecodable, malformed).

    This is the only exception :func:`newsissue.parse` raises.
    """


class UnknownFormatError(NewsIssueError, LookupError):
    """No installed plugin provides the named format."""


class ExportError(NewsIssueError):
    """An exporter could not write the issue, or was given bad options."""


class PluginError(NewsIssueError):
    """The installed plugins conflict (two claim one format name) or break a hook's contract."""


def quoted(value: object, limit: int = QUOTE_LIMIT) -> str:
    """``repr(value)`` for an error message, cut to ``limit`` characters with an ellipsis."""
    text = repr(value)
    return text if len(text) <= limit else f"{text[: limit - 1]}…"
