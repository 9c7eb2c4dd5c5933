"""What the Latin-script languages share: detection by function words, sentence ends, capitals."""

from __future__ import annotations

import contextlib
import datetime as _dt
import re
from collections.abc import Callable
from typing import ClassVar

from .base import Conventions, Masthead, script_counts, stopword_share

__all__ = ["LatinScript", "capitals", "dated_masthead", "is_masthead_line"]

_SENTENCE_END = ".!?…"


def capitals(text: str) -> float | None:
    """The share of ``text``'s letters in capitals; None for text of fewer than three letters."""
    letters = sum(map(str.isalpha, text))
    if letters < 3:
        return None
    return 1.0 if text.isupper() else sum(map(str.isupper, text)) / letters


def is_masthead_line(text: str, features: re.Pattern[str], date: re.Pattern[str]) -> bool:
    """A masthead line by its words (``features``) or a full date in a short line."""
    if len(text) > 140:
        return False
    return features.search(text) is not None or (date.search(text) is not None and len(text) < 90)


def dated_masthead(
    lines: tuple[str, ...],
    *,
    date: re.Pattern[str],
    number: re.Pattern[str],
    month: Callable[[str], int],
    weekday: Callable[[str], int],
) -> Masthead:
    """Issue date, weekday and number from masthead lines: ``date`` has groups y, m, d and wd, ``number`` n."""
    text = " · ".join(lines)
    fields: dict[str, object] = {}
    if (match := date.search(text)) is not None:
        with contextlib.suppress(ValueError, StopIteration):
            fields["date"] = _dt.date(int(match["y"]), month(match["m"]), int(match["d"]))
        if match["wd"]:
            fields["weekday"] = weekday(match["wd"].lower())
    if (match := number.search(text)) is not None:
        fields["number"] = int(match["n"])
    return Masthead(**fields)  # type: ignore[arg-type]


class LatinScript(Conventions):
    """A base for the conventions of a language in Latin script (English, German, French).

    Subclasses set ``stopwords`` (function words frequent in the language and rare in
    the others) and ``closers``; ``tie_break`` lifts the language that should win when
    the words decide nothing.
    """

    stopwords: ClassVar[frozenset[str]] = frozenset()
    tie_break: ClassVar[float] = 0.0

    def score(self, text: str) -> float:
        han, latin = script_counts(text[:1000])
        if not latin:
            return 0.0
        share = latin / (latin + 4 * han)
        if 4 * han >= latin:
            return share / 2  # mostly Han: no need to weigh the words
        return share * (0.5 + self.tie_break + stopword_share(text[:4000], self.stopwords))

    def ends_sentence(self, text: str) -> bool:
        stripped = text.rstrip().rstrip(self.closers).rstrip()
        return bool(stripped) and stripped[-1] in _SENTENCE_END

    def title_rank(self, text: str) -> int:
        # Capitals above the rest: a run of decks under a headline in capitals reads as one stack.
        return 2 if self.title_look(text) >= 1.0 else 3
