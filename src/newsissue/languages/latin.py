"""What the Latin-script languages share: detection by function words, sentence ends, capitals."""

from __future__ import annotations

from typing import ClassVar

from .base import Conventions, script_counts, stopword_share

__all__ = ["LatinScript", "capitals"]

_SENTENCE_END = ".!?…"


def capitals(text: str) -> float | None:
    """The share of ``text``'s letters in capitals; None for text of fewer than three letters."""
    letters = sum(map(str.isalpha, text))
    if letters < 3:
        return None
    return 1.0 if text.isupper() else sum(map(str.isupper, text)) / letters


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
