"""The native JSON plugin (``newsissue/1``): its exporter and reader.

Light on purpose: cattrs and the codec (:mod:`newsissue.formats.json_codec`) load when JSON is
written or read, not when the plugin is registered.
"""

from __future__ import annotations

import re
from typing import BinaryIO

import attrs

from ..hookspecs import hookimpl
from ..interfaces import Exporter, Reader
from ..model import Issue

__all__ = ["FORMAT", "JsonExporter", "JsonOptions", "JsonReader"]

#: The value of the top-level ``format`` key; the number changes when a key changes meaning.
FORMAT = "newsissue/1"
# Pieces are written to the stream in batches of about this many characters.
_BATCH = 1 << 16
_SNIFF = re.compile(r'^\ufeff?\s*\{\s*"format"\s*:\s*"newsissue/')


@attrs.frozen(kw_only=True)
class JsonOptions:
    """Options of the JSON exporter: ``indent`` (none: one line, the fastest), ``diagnostics``."""

    indent: int | None = None
    diagnostics: bool = True


class JsonExporter(Exporter):
    """The model as JSON, every field kept."""

    name = "json"
    media_type = "application/json"
    suffix = ".json"
    description = "newsissue's native JSON (newsissue/1), lossless"
    Options = JsonOptions

    def render(self, issue: Issue, options: JsonOptions) -> bytes:
        from .json_codec import dumps

        return dumps(issue, indent=options.indent, diagnostics=options.diagnostics).encode("utf-8")

    def write(self, issue: Issue, options: JsonOptions, stream: BinaryIO) -> None:
        from .json_codec import pieces

        batch: list[str] = []
        size = 0
        for piece in pieces(issue, indent=options.indent, diagnostics=options.diagnostics):
            batch.append(piece)
            size += len(piece)
            if size >= _BATCH:
                stream.write("".join(batch).encode("utf-8"))
                batch, size = [], 0
        stream.write("".join(batch).encode("utf-8"))


class JsonReader(Reader):
    """Reads ``newsissue/1`` JSON back."""

    name = "json"
    description = "newsissue's native JSON (newsissue/1), as convert --to json writes it"

    def recognises(self, text: str) -> bool:
        return _SNIFF.match(text[:200]) is not None

    def read(self, text: str, *, source: str | None) -> Issue:
        from .json_codec import loads

        return loads(text)


@hookimpl
def newsissue_exporters() -> tuple[Exporter, ...]:
    """The native JSON exporter."""
    return (JsonExporter(),)


@hookimpl
def newsissue_readers() -> tuple[Reader, ...]:
    """The native JSON reader."""
    return (JsonReader(),)
