"""The archive's own article map (a METS logical structMap, the KB's DIDL articles) as the issue's items."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence

import attrs

from ..evidence import IssueEvidence, Line, LineKind, StructureItem
from ..languages.base import BylineMatch, Conventions, DatelineMatch
from ..model import Article, Block, Diagnostic, Figure, ItemKind, Jump, Page, Paragraph, Region
from .regions import regions

__all__ = ["structured"]


def structured(
    evidence: IssueEvidence, numbers: list[int], conv: Conventions, diagnostics: list[Diagnostic]
) -> list[Page]:
    """The archive's own items: each one's title blocks as its title stack, its other blocks as its body.

    Inside the blocks, what the segmenter would read is read the same way: a title block that is wholly
    a byline is the byline, the lead's dateline is the dateline, a part's printed jump lines its jumps.
    """
    assert evidence.structure is not None
    lines_of: dict[tuple[int, str], list[Line]] = {}
    for page, number in zip(evidence.pages, numbers, strict=True):
        for line in page.lines:
            for key in {line.block, line.group} - {None}:
                lines_of.setdefault((number, key), []).append(line)  # type: ignore[arg-type]
    items: dict[int, list[Article]] = {number: [] for number in numbers}
    links: list[tuple[tuple[int, int], tuple[int, int]]] = []
    for entry in evidence.structure:
        parts = _structure_parts(entry, lines_of, conv, evidence.date)
        previous = None
        for number, article in parts:
            if number not in items:
                continue
            items[number].append(article)
            here = (number, len(items[number]))
            if previous is not None:
                links.append((previous, here))
            previous = here
    linked: dict[tuple[int, int, bool], Jump] = {}
    for (a, i), (b, j) in links:
        linked[(a, i, True)], linked[(b, j, False)] = Jump(page=b, item=j), Jump(page=a, item=i)
    for number, page_items in items.items():
        for index, item in enumerate(page_items):
            page_items[index] = _with_jumps(
                item, conv, linked.get((number, index + 1, True)), linked.get((number, index + 1, False))
            )
    diagnostics.append(
        Diagnostic(
            code="structure-trusted",
            message=f"the archive's own article map gives the items ({len(evidence.structure)})",
            source=evidence.source,
        )
    )
    read = dict(zip(numbers, evidence.pages, strict=True))
    return [
        Page(number=number, items=tuple(items[number]), source=read[number].source, source_format=read[number].format)
        for number in numbers
    ]


_KINDS = {"advertisement": ItemKind.ADVERTISEMENT, "notice": ItemKind.NOTICE, "other": ItemKind.OTHER}


def _structure_parts(
    entry: StructureItem, lines_of: dict[tuple[int, str], list[Line]], conv: Conventions, date: _dt.date | None
) -> list[tuple[int, Article]]:
    roles = dict(entry.roles)
    kind = _KINDS.get(entry.kind, ItemKind.ARTICLE)
    by_page: dict[int, list[tuple[int, str]]] = {}
    for block in entry.blocks:
        by_page.setdefault(block[0], []).append(block)
    parts = []
    first = True
    for number, blocks in by_page.items():
        fields: dict[str, list[str]] = {"title": [], "overline": [], "subheadline": []}
        byline = None
        head: list[Line] = []
        body: list[Block] = []
        for block in blocks:
            lines = lines_of.get(block, [])
            if not lines:
                continue
            if all(line.kind is LineKind.IMAGE for line in lines):  # a picture's block
                body.append(Figure(regions=regions(lines)))
                continue
            lines = [line for line in lines if line.kind is not LineKind.IMAGE]
            text = _joined(lines, conv)
            role = roles.get(block)
            if role in fields:  # on a later page, the title printed over the continuation
                # A byline block the map counts in the title stack (as our own METS writes it) is the byline.
                found = conv.match_byline(text, whole=True) if byline is None and fields["title"] else None
                if found is not None:
                    byline = found
                else:
                    fields[role].append(text)
                head.extend(lines)
            else:
                body.append(Paragraph(text=text, regions=regions(lines)))
        lead = conv.match_dateline(body[0].text, date) if first and body and isinstance(body[0], Paragraph) else None
        printed = _take_dateline(body, lead) if lead is not None else ()
        if byline is None and lead is not None and lead.bylines:
            byline = BylineMatch(bylines=lead.bylines, text=lead.byline_text or "")
        article = Article(
            kind=kind,
            kicker=" ".join(fields["overline"]) or None,
            headline=" ".join(fields["title"]) or (entry.label if first and kind is ItemKind.ARTICLE else None),
            subheadline=" ".join(fields["subheadline"]) or None,
            byline_text=(byline.text or None) if byline is not None else None,
            bylines=byline.bylines if byline is not None else (),
            dateline=lead.dateline if lead is not None else None,
            body=tuple(body),
            regions=(*regions(head), *printed),
        )
        parts.append((number, article))
        first = False
    return parts


def _take_dateline(body: list[Block], lead: DatelineMatch) -> tuple[Region, ...]:
    """Take the lead's dateline out of the first paragraph, as the segmenter does (unless it is part of
    the prose); a block of the dateline alone leaves the body, and its regions are returned: where the
    item's dateline was printed."""
    if lead.keep:
        return ()
    if lead.rest:
        body[0] = attrs.evolve(body[0], text=lead.rest)
        return ()
    return body.pop(0).regions


def _with_jumps(item: Article, conv: Conventions, on: Jump | None, come: Jump | None) -> Article:
    """The item with the jumps the map makes (``on``, ``come``: to and from its other parts) and the
    jump lines printed at the end and start of its body, as the segmenter reads them: the printed line
    (``Continued on Page 2``) is the jump's text, and its block stays with the paragraph beside it; one
    the map does not link is the jump it names, unresolved."""
    body = item.body
    jumps = []
    for outgoing, linked in ((True, on), (False, come)):
        at, beside = (-1, -2) if outgoing else (0, 1)
        found = None
        if len(body) >= 2 and isinstance(body[at], Paragraph) and isinstance(body[beside], Paragraph):
            found = conv.match_jump(body[at].text)
        if found is None or found.rest or found.outgoing is not outgoing:
            jumps.append(linked)
            continue
        line, neighbour = body[at], body[beside]
        regions = (*neighbour.regions, *line.regions) if outgoing else (*line.regions, *neighbour.regions)
        kept = attrs.evolve(neighbour, regions=regions)
        body = (*body[:-2], kept) if outgoing else (kept, *body[2:])
        jumps.append(attrs.evolve(linked or found.jump, text=line.text))
    return attrs.evolve(item, body=body, continued_on=jumps[0], continued_from=jumps[1])


def _joined(lines: Sequence[Line], conv: Conventions) -> str:
    text = lines[0].text
    for line in lines[1:]:
        text = conv.join(text, line.text)
    return text
