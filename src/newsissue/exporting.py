"""``export`` and ``render``: an issue in a format, through its exporter plugin."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from typing import Any, BinaryIO

import pluggy

from .atomic import write_atomic
from .errors import ExportError, NewsIssueError
from .model import Issue
from .options import build_options
from .plugins import registry_for

__all__ = ["export", "render"]


def render(issue: Issue, format: str, *, plugins: pluggy.PluginManager | None = None, **options: Any) -> bytes:
    """The issue in ``format`` as bytes; ``options`` are the exporter's (see ``newsissue formats``)."""
    exporter = registry_for(plugins).exporter(format)
    settings = build_options(exporter.Options, options)
    with _failures(format):
        return exporter.render(issue, settings)


def export(
    issue: Issue,
    format: str,
    path: str | os.PathLike[str],
    *,
    plugins: pluggy.PluginManager | None = None,
    **options: Any,
) -> None:
    """Write the issue in ``format`` to ``path``, atomically: whole or not at all (docs/cli.md, "Output files")."""
    exporter = registry_for(plugins).exporter(format)
    settings = build_options(exporter.Options, options)

    def write(stream: BinaryIO) -> None:
        with _failures(format):
            exporter.write(issue, settings, stream)

    try:
        write_atomic(path, write)
    except OSError as exc:
        raise ExportError(f"cannot write {os.fspath(path)}: {exc.strerror or exc}") from None


@contextlib.contextmanager
def _failures(format: str) -> Iterator[None]:
    """An exporter's own errors pass; anything else it raises becomes an ExportError naming the format."""
    try:
        yield
    except (NewsIssueError, OSError):
        raise
    except Exception as exc:
        raise ExportError(f"{format} exporter failed: {type(exc).__name__}: {exc}") from exc
