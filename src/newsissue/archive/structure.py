"""The archive's own article map (a METS logical structMap, the KB's DIDL articles) as the issue's items."""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from ..evidence import IssueEvidence, Line, LineKind, StructureItem
from ..languages.base import Conventions
from ..model import Article, Block, Diagnostic, Figure, ItemKind, Jump, Page, Paragraph
from .regions import regions

__all__ = ["structured"]


def structured(
    evidence: IssueEvidence, numbers: list[int], conv: Conventions, diagnostics: list[Diagnostic]
) -> list[Page]:
    """The archive's own items: each one's title blocks as its title stack, its other blocks as its body."""
    assert evidence.structure is not None
    lines_of: dict[tuple[int, str], list[Line]] = {}
    for page, number in zip(evidence.pages, numbers, strict=True):
        for line in page.lines:
            for key in {line.block, line.group} - {None}:
                lines_of.setdefault((number, key), []).append(line)  # type: ignore[arg-type]
    items: dict[int, list[Article]] = {number: [] for number in numbers}
    links: list[tuple[tuple[int, int], tuple[int, int]]] = []
    for entry in evidence.structure:
        parts = _structure_parts(entry, lines_of, conv)
        previous = None
        for number, article in parts:
            if number not in items:
                continue
            items[number].append(article)
            here = (number, len(items[number]))
            if previous is not None:
                links.append((previous, here))
            previous = here
    for (a, i), (b, j) in links:
        items[a][i - 1] = attrs.evolve(items[a][i - 1], continued_on=Jump(page=b, item=j))
        items[b][j - 1] = attrs.evolve(items[b][j - 1], continued_from=Jump(page=a, item=i))
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
    entry: StructureItem, lines_of: dict[tuple[int, str], list[Line]], conv: Conventions
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
            if role in fields and first:
                # A byline block the map counts in the title stack (as our own METS writes it) is the byline.
                found = conv.match_byline(text, whole=True) if byline is None and fields["title"] else None
                if found is not None:
                    byline = found
                else:
                    fields[role].append(text)
                head.extend(lines)
            else:
                body.append(Paragraph(text=text, regions=regions(lines)))
        article = Article(
            kind=kind,
            kicker=" ".join(fields["overline"]) or None,
            headline=" ".join(fields["title"]) or (entry.label if first and kind is ItemKind.ARTICLE else None),
            subheadline=" ".join(fields["subheadline"]) or None,
            byline_text=byline.text if byline is not None else None,
            bylines=byline.bylines if byline is not None else (),
            body=tuple(body),
            regions=regions(head),
        )
        parts.append((number, article))
        first = False
    return parts


def _joined(lines: Sequence[Line], conv: Conventions) -> str:
    text = lines[0].text
    for line in lines[1:]:
        text = conv.join(text, line.text)
    return text
