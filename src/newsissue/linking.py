"""Jumps to items: an article continued on another page is linked to its continuation.

An outgoing jump (下转02版①, "Continued on Page A6") on page P is paired with an
item on the page it names whose incoming jump (上接01版①, "Continued from Page 1")
names P. Several candidates are told apart by the jump's marker, then by how much
their headlines share; what cannot be paired is reported, never guessed silently.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence

import attrs

from .model import Article, Diagnostic, Jump, Page, Severity

__all__ = ["link_jumps"]

#: How alike two headlines must be (difflib ratio) to pair jumps that carry no marker.
HEADLINE_LIKENESS = 0.5


def _likeness(left: Article, right: Article) -> float:
    a = " ".join(part for part in (left.kicker, left.headline, left.subheadline) if part)
    b = right.headline or ""
    if not a or not b:
        return 0.0
    if b in a or a in b:
        return 1.0
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def _pick(source: Article, jump: Jump, candidates: list[tuple[int, Article, Jump]]) -> tuple[int | None, str | None]:
    """The place of the continuation among ``candidates`` (place, item, its incoming jump), or why there is none.

    A marker picks the item with the same marker; items with no marker stand in only when their
    headline agrees. Several candidates left are told apart by headline.
    """
    by_headline = False
    if jump.marker is not None:
        same = [candidate for candidate in candidates if candidate[2].marker == jump.marker]
        by_headline = not same
        candidates = same or [candidate for candidate in candidates if candidate[2].marker is None]
    if not candidates:
        return None, "no item there continues from this page" + (f" with marker {jump.marker}" if jump.marker else "")
    if len(candidates) == 1 and not by_headline:
        return candidates[0][0], None
    scored = sorted(((_likeness(source, item), place) for place, item, _ in candidates), reverse=True)
    best, place = scored[0]
    if best >= HEADLINE_LIKENESS and (len(scored) == 1 or scored[1][0] < best):
        return place, None
    return None, f"{len(candidates)} items there continue from this page and none is told apart by its headline"


def link_jumps(pages: Sequence[Page]) -> tuple[list[Page], list[Diagnostic]]:
    """The pages with every pair of matching jumps linked (``Jump.item``), and what could not be."""
    diagnostics: list[Diagnostic] = []
    source_of = {page.number: page.source for page in pages}
    numbers = {page.number for page in pages}
    items = {page.number: list(page.items) for page in pages}
    claimed: set[tuple[int, int]] = set()
    changed: set[int] = set()  # the pages with a jump linked: the others are kept as they are

    def note(code: str, message: str, page: int) -> None:
        diagnostics.append(
            Diagnostic(code=code, message=message, severity=Severity.WARNING, source=source_of.get(page), page=page)
        )

    for page in pages:
        for index in range(1, len(page.items) + 1):
            item = items[page.number][index - 1]  # the current version: its incoming jump may be linked
            jump = item.continued_on
            if jump is None:
                continue
            where = f"page {page.number} item {index} ({item.headline or item.kind.value})"
            if jump.page not in numbers:
                note(
                    "jump-page-missing",
                    f"{where} continues on page {jump.page}, which is not in this issue",
                    page.number,
                )
                continue
            if jump.page <= page.number:
                note("jump-backwards", f"{where} continues on page {jump.page}, not a later page", page.number)
                continue
            candidates = [
                (place, other, incoming)
                for place, other in enumerate(items[jump.page], 1)
                if (incoming := other.continued_from) is not None
                and incoming.page == page.number
                and (jump.page, place) not in claimed
            ]
            place, reason = _pick(item, jump, candidates)
            if place is None:
                note("jump-unresolved", f"{where} continues on page {jump.page}, but {reason}", page.number)
                continue
            claimed.add((jump.page, place))
            other = items[jump.page][place - 1]
            items[page.number][index - 1] = attrs.evolve(item, continued_on=attrs.evolve(jump, item=place))
            back = attrs.evolve(other.continued_from, item=index)  # type: ignore[arg-type]
            items[jump.page][place - 1] = attrs.evolve(other, continued_from=back)
            changed.update((page.number, jump.page))
    for page in pages:
        for place, item in enumerate(items[page.number], 1):
            jump = item.continued_from
            if jump is not None and (page.number, place) not in claimed:
                where = f"page {page.number} item {place} ({item.headline or item.kind.value})"
                missing = " (not in this issue)" if jump.page not in numbers else ""
                note(
                    "jump-unresolved",
                    f"{where} continues from page {jump.page}{missing}, but no jump there leads here",
                    page.number,
                )
    linked = [attrs.evolve(page, items=items[page.number]) if page.number in changed else page for page in pages]
    return linked, diagnostics
