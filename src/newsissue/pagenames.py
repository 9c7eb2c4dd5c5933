"""Page numbers in file names: ``02.md`` before ``10.md``, ``A06.md`` (section A, page 6) before ``B02.md``."""

from __future__ import annotations

import re
from pathlib import Path

__all__ = ["page_in_name", "print_order"]

_NUMBER = re.compile(r"(\d{1,4})(?!.*\d)")


def page_in_name(stem: str) -> tuple[str | None, int] | None:
    """The section letter (or None) and page number a file name's last number gives; None if it has none.

    A capital letter standing right before the number, after no other letter, is a section: ``A06``,
    ``page-B2``; ``p01`` and ``PAGE06`` are page 1 and 6 of no section.
    """
    match = _NUMBER.search(stem)
    if match is None:
        return None
    start = match.start()
    letter = stem[start - 1] if start else ""
    section = letter if letter.isupper() and letter.isascii() and not stem[start - 2 : start - 1].isalpha() else None
    return section, int(match.group(1))


def print_order(path: Path) -> tuple[str, int, str, str]:
    """A sort key putting page files in print order: section, number, then name."""
    found = page_in_name(path.stem)
    if found is None:
        return ("", 10**9, path.name, str(path))
    section, number = found
    return (section or "", number, path.name, str(path))
