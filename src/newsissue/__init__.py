"""newsissue: a digitized newspaper issue as one structured model, exported through plugins.

>>> import newsissue
>>> issue = newsissue.parse(Path("page01.md"))          # doctest: +SKIP
>>> newsissue.export(issue, "epub", "issue.epub")       # doctest: +SKIP
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from .batch import BatchResult, convert_many
from .errors import ExportError, NewsIssueError, ParseError, PluginError, UnknownFormatError
from .export import export, render
from .hookspecs import hookimpl
from .interfaces import Exporter, NoOptions, Reader
from .model import (
    Article,
    Block,
    Byline,
    Dateline,
    Diagnostic,
    Figure,
    Heading,
    Issue,
    ItemKind,
    Jump,
    Page,
    Paragraph,
    Part,
    Role,
    Severity,
    Story,
)
from .parser import parse
from .plugins import get_plugin_manager

try:
    __version__ = version("newsissue")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0"

__all__ = [
    "Article",
    "BatchResult",
    "Block",
    "Byline",
    "Dateline",
    "Diagnostic",
    "ExportError",
    "Exporter",
    "Figure",
    "Heading",
    "Issue",
    "ItemKind",
    "Jump",
    "NewsIssueError",
    "NoOptions",
    "Page",
    "Paragraph",
    "ParseError",
    "Part",
    "PluginError",
    "Reader",
    "Role",
    "Severity",
    "Story",
    "UnknownFormatError",
    "__version__",
    "convert_many",
    "export",
    "get_plugin_manager",
    "hookimpl",
    "parse",
    "render",
]
