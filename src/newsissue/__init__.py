"""newsissue: a digitized newspaper issue as one structured model, exported through plugins.

>>> import newsissue
>>> issue = newsissue.parse(Path("page01.md"))          # doctest: +SKIP
>>> newsissue.export(issue, "epub", "issue.epub")       # doctest: +SKIP

The names below load on first use (PEP 562), so ``import newsissue`` and the command line's
start-up pay only for what they touch.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from ._version import __version__

if TYPE_CHECKING:
    from .batch import BatchResult, convert_many
    from .errors import ExportError, NewsIssueError, ParseError, PluginError, UnknownFormatError
    from .exporting import export, render
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
        Region,
        Role,
        Severity,
        Story,
    )
    from .parser import parse
    from .plugins import get_plugin_manager

#: Where each public name lives.
_HOMES = {
    "BatchResult": "batch",
    "convert_many": "batch",
    "ExportError": "errors",
    "NewsIssueError": "errors",
    "ParseError": "errors",
    "PluginError": "errors",
    "UnknownFormatError": "errors",
    "export": "exporting",
    "render": "exporting",
    "hookimpl": "hookspecs",
    "Exporter": "interfaces",
    "NoOptions": "interfaces",
    "Reader": "interfaces",
    **dict.fromkeys(
        (
            "Article Block Byline Dateline Diagnostic Figure Heading Issue ItemKind Jump Page Paragraph Part Region"
            " Role Severity Story"
        ).split(),
        "model",
    ),
    "parse": "parser",
    "get_plugin_manager": "plugins",
}

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
    "Region",
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


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'newsissue' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{home}", __name__), name)
    globals()[name] = value  # once loaded, an ordinary attribute
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_HOMES})
