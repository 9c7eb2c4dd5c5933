"""Regular expressions compiled on first use.

A language module holds dozens of patterns; compiling them all at import cost the command line
tens of milliseconds for languages the page is not in. ``lazy(...)`` stands for ``re.compile(...)``:
the first call of a method compiles the pattern and puts the compiled pattern's bound methods in
place, so later calls cost what a compiled pattern's do.
"""

from __future__ import annotations

import re
from typing import Any, cast

__all__ = ["lazy", "word"]

_METHODS = ("match", "fullmatch", "search", "sub", "subn", "split", "findall", "finditer")


class _LazyPattern:
    __slots__ = ("_compiled", "_flags", "_source", *_METHODS)

    def __init__(self, source: str, flags: int) -> None:
        self._source = source
        self._flags = flags
        self._compiled: re.Pattern[str] | None = None

    def __getattr__(self, name: str) -> Any:  # only for what is not set yet: the first use
        if name.startswith("__"):  # a protocol look-up (abc asks every class attribute for one): no pattern's
            raise AttributeError(name)
        compiled = self._compiled
        if compiled is None:
            compiled = self._compiled = re.compile(self._source, self._flags)
            for method in _METHODS:
                setattr(self, method, getattr(compiled, method))
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"lazy({self._source!r})"


def lazy(source: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(source, flags)``, done when the pattern is first used."""
    return cast("re.Pattern[str]", _LazyPattern(source, flags))


def word(literal: str) -> str:
    r"""``\b`` + ``literal`` (a pattern opening with a letter or digit), written so a search can skip ahead.

    Python's ``re`` searches an alternation quickly, jumping to the characters its alternatives
    open with, only when every alternative opens with a literal character. ``\bNr\.`` opens with
    a word boundary; ``N(?<!\wN)r\.`` opens with ``N`` and matches the same text in the same
    places: an ``N`` with no letter or digit before it. On a masthead-word test run on every line
    that is five times as fast.
    """
    first = literal[0]
    if not first.isalnum():
        raise ValueError(f"word() needs a pattern opening with a letter or digit, not {literal!r}")
    return f"{first}(?<!\\w{first}){literal[1:]}"
