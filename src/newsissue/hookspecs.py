"""The hooks a newsissue plugin can implement.

A plugin is a module (or object) with functions marked ``@newsissue.hookimpl``,
registered through the ``newsissue`` entry-point group. Each hook returns typed
objects; none takes callbacks or dicts.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    from .interfaces import Exporter, Reader
    from .languages.base import Conventions

hookspec = pluggy.HookspecMarker("newsissue")
hookimpl = pluggy.HookimplMarker("newsissue")


@hookspec
def newsissue_exporters() -> Sequence[Exporter]:
    """Return the exporters (output formats) this plugin provides.

    Format names are unique across all installed plugins: two plugins claiming
    one name is an error naming both.
    """


@hookspec
def newsissue_readers() -> Sequence[Reader]:
    """Return readers for input formats other than page text (e.g. JSON, NewsML-G2).

    :func:`newsissue.parse` asks each reader whether it recognises the input and
    falls back to the page-text parser.
    """


@hookspec
def newsissue_languages() -> Sequence[Conventions]:
    """Return the newspaper conventions of the languages this plugin reads.

    One object per BCP 47 primary tag; the parser picks the best-scoring one
    unless the caller names a language.
    """
