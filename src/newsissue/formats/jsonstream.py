"""JSON text in pieces, for documents too large to hold whole: exactly ``json.dumps``'s text.

A document is plain JSON-ready data in which some lists are :class:`Lazy`: their members are
made one at a time as the text is written, so only one member (a page, an article) is ever in
memory as data. Dicts holding a Lazy value are written key by key; everything else is written by
``json.dumps`` itself, so the text is byte for byte ``json.dumps(document, ensure_ascii=False,
indent=indent)`` of the same document made whole.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from typing import Any

__all__ = ["Lazy", "pieces", "whole"]


class Lazy:
    """A list whose members are made as they are written: ``Lazy(items, shape)`` writes ``shape(item)``."""

    __slots__ = ("items", "shape")

    def __init__(self, items: Iterable[Any], shape: Callable[[Any], Any] = lambda item: item) -> None:
        self.items = items
        self.shape = shape


def pieces(document: Any, *, indent: int | None) -> Iterator[str]:
    """The text of ``json.dumps(document, ensure_ascii=False, indent=indent)``, Lazy lists made as written."""
    separator = ", " if indent is None else ","

    def newline(level: int) -> str:
        return "" if indent is None else "\n" + " " * (indent * level)

    def leaf(value: Any, level: int) -> str:
        text = json.dumps(value, ensure_ascii=False, indent=indent)
        return text.replace("\n", newline(level)) if indent is not None and level else text

    def container(open_: str, close: str, members: Iterator[Iterator[str]], level: int) -> Iterator[str]:
        first = True
        for member in members:
            yield (open_ if first else separator) + newline(level + 1)
            first = False
            yield from member
        yield open_ + close if first else newline(level) + close

    def value(data: Any, level: int) -> Iterator[str]:
        if isinstance(data, Lazy):
            shape = data.shape
            yield from container("[", "]", (value(shape(item), level + 1) for item in data.items), level)
        elif isinstance(data, dict) and any(isinstance(item, Lazy) for item in data.values()):
            members = (entry(key, item, level + 1) for key, item in data.items())
            yield from container("{", "}", members, level)
        else:
            yield leaf(data, level)

    def entry(key: str, item: Any, level: int) -> Iterator[str]:
        yield json.dumps(key, ensure_ascii=False) + ": "
        yield from value(item, level)

    yield from value(document, 0)
    yield "\n"


def _made(data: Any) -> list[Any]:
    if isinstance(data, Lazy):
        return [data.shape(item) for item in data.items]
    raise TypeError(f"{type(data).__name__} is not JSON")


def whole(document: Any, *, indent: int | None) -> str:
    """The text :func:`pieces` gives, at once: one ``json.dumps`` (its C encoder where ``indent`` is none).

    For output that is held whole anyway (``render``); a large issue is written by :func:`pieces`.
    """
    return json.dumps(document, ensure_ascii=False, indent=indent, default=_made) + "\n"
