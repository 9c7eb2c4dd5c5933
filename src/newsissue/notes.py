"""The diagnostics of one parse, gathered as they are found, with a bound on repeats.

A page can repeat one repair thousands of times (every hyphen of a 50 MB OCR dump): past
:data:`LIMIT` diagnostics of one code on one page, the rest are counted, not kept, and one more
diagnostic of that code says how many were left out.
"""

from __future__ import annotations

from collections.abc import Iterable

from .model import Diagnostic

__all__ = ["LIMIT", "Notes"]

#: Diagnostics kept of one code on one page (of one source).
LIMIT = 500


class Notes:
    """A list of diagnostics that keeps LIMIT of each code per page and counts the rest."""

    def __init__(self, notes: Iterable[Diagnostic] = ()) -> None:
        self._kept: list[Diagnostic] = []
        self._counts: dict[tuple[str | None, int | None, str], int] = {}
        self._first: dict[tuple[str | None, int | None, str], Diagnostic] = {}
        self.extend(notes)

    def append(self, note: Diagnostic) -> None:
        """Keep ``note``, or count it if its page has LIMIT of its code already."""
        self.extend((note,))

    def extend(self, notes: Iterable[Diagnostic]) -> None:
        """Append every one of ``notes``."""
        counts, kept, first = self._counts, self._kept, self._first
        for note in notes:
            key = (note.source, note.page, note.code)
            count = counts[key] = counts.get(key, 0) + 1
            if count <= LIMIT:
                kept.append(note)
                if count == 1:
                    first[key] = note

    def result(self) -> tuple[Diagnostic, ...]:
        """The kept diagnostics in the order found, then one for each code whose repeats were left out."""
        more = []
        for key, count in self._counts.items():
            if count > LIMIT:
                first = self._first[key]
                where = f" on page {first.page}" if first.page is not None else ""
                more.append(
                    Diagnostic(
                        code=first.code,
                        message=f"{count - LIMIT:,} more {first.code}{where} not listed ({count:,} in all)",
                        severity=first.severity,
                        source=first.source,
                        page=first.page,
                    )
                )
        return (*self._kept, *more)
