"""Items being read (drafts) and how a finished draft becomes a page item, with its confidence."""

from __future__ import annotations

import math
from collections.abc import Sequence

import attrs

from ..languages.base import Conventions
from ..model import Article, Block, Byline, Dateline, Figure, ItemKind, Jump, Paragraph

__all__ = ["Draft", "item_of", "sureness"]

# Enum members looked up once: on Python 3.11 an enum attribute lookup costs many times a global's.
_ARTICLE, _OTHER = ItemKind.ARTICLE, ItemKind.OTHER


@attrs.define
class Draft:
    """An item as the assembly reads it: its fields so far and the paragraph still open."""

    kind: ItemKind = ItemKind.ARTICLE
    #: The source line the item starts on.
    first: int = 0
    kicker: str | None = None
    headline: str | None = None
    subheadline: str | None = None
    rank: int = 7
    byline_parts: list[str] = attrs.Factory(list)
    bylines: list[Byline] = attrs.Factory(list)
    dateline: Dateline | None = None
    body: list[Block] = attrs.Factory(list)
    continued_from: Jump | None = None
    continued_on: Jump | None = None
    closed: bool = False
    #: The paragraph being read (the next text may continue it), its first and last line,
    #: and whether it ends a sentence.
    pending: str | None = None
    pending_first: int = 0
    pending_last: int = 0
    pending_finished: bool = True
    deferred: list[Figure] = attrs.Factory(list)
    #: The decoder's margins for the lines that made the item: its title lines and its first text.
    margins: list[float] = attrs.Factory(list)

    @property
    def started(self) -> bool:
        return bool(self.body) or self.pending is not None


def item_of(draft: Draft, conv: Conventions, *, columns: bool) -> tuple[Article, tuple[str, str] | None]:
    """The finished item, and the diagnostic (code, message) when its kind was changed by what it holds.

    A title over one picture caption is a picture; on an OCR page a short item with a masthead
    line, an imprint or too little text for a story is the paper's furniture.
    """
    body: list[Block] = draft.body
    kind = draft.kind
    note = None
    if (
        kind is _ARTICLE
        and len(body) == 1
        and isinstance(body[0], Paragraph)
        and draft.dateline is None
        and not draft.bylines
        and conv.is_picture_text(body[0].text)
    ):
        kind, body = _OTHER, [Figure(caption=body[0].text)]
        note = ("picture-item", "a title over one picture caption read as a picture, not an article")
    elif kind is _ARTICLE and columns and _is_furniture(draft, conv):
        kind = _OTHER
        note = ("furniture-item", "a masthead, issue line or running head inside the page read apart")
    item = Article(
        kind=kind,
        kicker=draft.kicker,
        headline=draft.headline,
        subheadline=draft.subheadline,
        byline_text=" ".join(draft.byline_parts) or None,
        bylines=tuple(draft.bylines),
        dateline=draft.dateline,
        body=tuple(body),
        continued_from=draft.continued_from,
        continued_on=draft.continued_on,
        confidence=_confidence(draft, kind),
    )
    return item, note


def _is_furniture(draft: Draft, conv: Conventions) -> bool:
    """Whether a short item with no dateline or byline is the paper's furniture (an issue line, an imprint)."""
    if draft.dateline is not None or draft.bylines or draft.continued_from is not None:
        return False
    texts = [block.text for block in draft.body[:2] if isinstance(block, Paragraph)]
    if draft.headline is not None and len(draft.headline) > 30:
        return False
    if any(conv.is_masthead_line(text) for text in [draft.headline or "", *texts]):
        return True
    # Text with no headline, too short for a story.
    return draft.headline is None and sum(len(text) for text in texts) < 80


def _confidence(draft: Draft, kind: ItemKind) -> float:
    """How sure the reading of an item is, from 0 to 1: its least certain deciding line.

    A decoder margin ``m`` (log-odds between the chosen label and the next best) counts as
    ``m / (m + 2)``; a line the markup or a convention fixed counts 1. An article with no
    headline is doubtful whatever its lines say.
    """
    sure = sureness(draft.margins)
    return min(sure, 0.3) if kind is _ARTICLE and draft.headline is None else sure


def sureness(margins: Sequence[float]) -> float:
    """The least sure of some decoder margins, each ``m`` as ``m / (m + 2)`` (a fixed line, ``inf``, as 1)."""
    least = min(margins) if margins else math.inf  # m / (m + 2) grows with m: the least margin is the least sure
    return 1.0 if least == math.inf else round(least / (least + 2.0), 2)
