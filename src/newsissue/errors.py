"""The exceptions newsissue raises. Catch :class:`NewsIssueError` for all of them."""

from __future__ import annotations

__all__ = ["ExportError", "NewsIssueError", "ParseError", "PluginError", "UnknownFormatError"]


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
