"""An archive's pages segmented from their lines' geometry, and continuations joined across pages."""

from __future__ import annotations

import datetime as _dt

import attrs

from ..evidence import LineKind, PageEvidence
from ..languages.base import Conventions
from ..model import Article, Diagnostic, ItemKind, Jump, Page, Paragraph
from ..segment import segment_lines
from ..segment.assemble import read_layout
from ..segment.units import Unit
from .regions import placed, texts

__all__ = ["PageRead", "join_pages", "read_page"]


@attrs.frozen
class PageRead:
    page: Page
    #: For each item: the top of its band (a share of the page's height), and whether it ends its band.
    tops: tuple[float, ...]
    ends: tuple[bool, ...]
    notes: tuple[Diagnostic, ...]


def read_page(evidence: PageEvidence, number: int, conv: Conventions, date: _dt.date | None) -> PageRead:
    segmented = segment_lines(evidence.lines, conv, recorded=evidence.ordered, rules=evidence.rules)
    lines = segmented.lines
    units = list(segmented.units)
    bottom = max((line.box[3] for line in lines if line.box is not None), default=1) or 1
    band_of: list[int] = []
    tops: list[float] = []
    bands = set(segmented.bands)
    for unit in units:
        if unit.line in bands or not tops:
            box = lines[unit.line - 1].box if lines else None
            tops.append(box[1] / bottom if box is not None else 0.0)
        band_of.append(len(tops) - 1)
    header: list[str] = []
    taken = read = 0
    while read < len(units) and len(header) < 6:
        if units[read].kind is LineKind.IMAGE:  # a vignette among the header lines is the header's
            read += 1
            continue
        if not _is_header(units[read], conv):
            break
        header.append(units[read].text)
        read += 1
        taken = read
    del units[:taken], band_of[:taken]
    # Advertisements the archive marks (an ALTO ComposedBlock of type Advertisement) are items of their
    # own; a table goes with the item it follows.
    runs: list[tuple[str | None, list[Unit]]] = []
    for unit in units:
        line = lines[unit.line - 1] if lines else None
        zone = line.zone if line is not None and line.zone in ("advertisement", "table") else None
        key = f"{zone}:{line.group or line.block}" if zone is not None and line is not None else None
        if runs and runs[-1][0] == key and (key is not None or not unit.record):
            runs[-1][1].append(unit)
        else:
            runs.append((key, [unit]))
    items: list[Article] = []
    starts: list[int] = []
    notes: list[Diagnostic] = []
    after_table = False
    for key, run in runs:
        if key is not None and key.startswith("table:") and items:
            text = " ".join(unit.text for unit in run)
            items[-1] = attrs.evolve(items[-1], body=(*items[-1].body, Paragraph(text=text)))
            after_table = True
            continue
        layout = read_layout(
            [unit._replace(record=False) for unit in run],
            conv,
            issue_date=date,
            source=evidence.source,
            page=number,
            columns=True,
        )
        notes.extend(layout.diagnostics)
        if key is not None and layout.items:
            first = layout.items[0]
            body = tuple(block for item in layout.items for block in item.body)
            kind = ItemKind.ADVERTISEMENT if key.startswith("advertisement:") else first.kind
            items.append(attrs.evolve(first, kind=kind, body=body))
            starts.append(run[0].line)
        else:
            found = list(zip(layout.items, layout.starts, strict=True))
            # Untitled text right after a table goes on with the table's item.
            while after_table and items and found and found[0][0].headline is None and not run[0].record:
                items[-1] = attrs.evolve(items[-1], body=(*items[-1].body, *found.pop(0)[0].body))
            items.extend(item for item, _ in found)
            starts.extend(start for _, start in found)
        after_table = False
    ends = [*starts[1:], len(lines) + 1] if starts else []
    traced = tuple(
        placed(item, lines[start - 1 : end - 1]) for item, start, end in zip(items, starts, ends, strict=True)
    )
    line_band = {unit.line: band for unit, band in zip(units, band_of, strict=True)}
    bands = [line_band.get(start, 0) for start in starts]
    page = Page(
        number=number, header=tuple(header), items=traced, source=evidence.source, source_format=evidence.format
    )
    return PageRead(
        page=page,
        tops=tuple(tops[band] if tops else 0.0 for band in bands),
        ends=tuple(index + 1 == len(bands) or bands[index + 1] != band for index, band in enumerate(bands)),
        notes=tuple(notes),
    )


def _is_header(unit: Unit, conv: Conventions) -> bool:
    text = unit.text
    return (
        conv.is_masthead_line(text)
        or conv.match_page_header(text) is not None
        or (len(text) <= 4 and text.strip(".-– ").isdigit())
    )


# What an untitled continuation may have been read as.
_RUNS_ON = (ItemKind.ARTICLE, ItemKind.OTHER)
# A band opening within this share of the page's height is at its top: the main columns run on there.
_PAGE_TOP = 0.15
# Bands this close in height (a share of the page's) stand level: a feuilleton's below its rule.
_SAME_HEIGHT = 0.1
# The least body text of an item that a next page's untitled text may continue.
_CONTINUED = 300


def join_pages(reads: list[PageRead]) -> tuple[list[Page], list[Diagnostic]]:
    """Join an untitled item opening a band to a story ending a band of the page before.

    A story runs on where the next page's band stands at the same height: the main columns at the
    top, a feuilleton below its rule at the bottom.
    """
    pages = [read.page for read in reads]
    notes: list[Diagnostic] = []
    for index in range(1, len(reads)):
        before, after = reads[index - 1], reads[index]
        first_items, second_items = list(pages[index - 1].items), list(pages[index].items)
        enders = [
            place
            for place, item in enumerate(first_items, 1)
            if before.ends[place - 1]
            and item.kind is ItemKind.ARTICLE
            and item.continued_on is None
            and (item.headline is not None or item.continued_from is not None)
            and sum(len(texts(block)) for block in item.body) >= _CONTINUED
        ]
        for place, item in enumerate(second_items, 1):
            opens = place == 1 or after.tops[place - 1] != after.tops[place - 2] or after.ends[place - 2]
            if not enders or not opens or item.kind not in _RUNS_ON or item.headline is not None:
                continue
            if item.continued_from is not None:
                continue
            top = after.tops[place - 1]
            source = min(enders, key=lambda ender: abs(before.tops[ender - 1] - top))
            if top > _PAGE_TOP and abs(before.tops[source - 1] - top) > _SAME_HEIGHT:
                continue  # a band lower down that no band of the page before stands level with
            enders.remove(source)
            a, b = pages[index - 1].number, pages[index].number
            first_items[source - 1] = attrs.evolve(first_items[source - 1], continued_on=Jump(page=b, item=place))
            second_items[place - 1] = attrs.evolve(
                item, kind=ItemKind.ARTICLE, continued_from=Jump(page=a, item=source)
            )
            notes.append(
                Diagnostic(
                    code="continuation-assumed",
                    message=f"an untitled item at the top of a band on page {b} read as the continuation of"
                    f" page {a} item {source}",
                    page=b,
                    source=pages[index].source,
                )
            )
        pages[index - 1] = attrs.evolve(pages[index - 1], items=tuple(first_items))
        pages[index] = attrs.evolve(pages[index], items=tuple(second_items))
        reads[index] = attrs.evolve(after, page=pages[index])
    return pages, notes
