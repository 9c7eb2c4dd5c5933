"""An issue and its diagnostics for people: a readable tree (``newsissue inspect``) or its JSON summary (``--json``)."""

from __future__ import annotations

import collections
from typing import Any

from .model import Article, Figure, Heading, Issue, ItemKind, Jump, Paragraph

__all__ = ["describe", "summary"]

# Items read with less confidence than this are flagged in the tree.
_DOUBTFUL = 0.6


def _jump(jump: Jump) -> str:
    where = f"page {jump.page}" + (f" {jump.marker}" if jump.marker else "")
    return where + (f" → item {jump.item}" if jump.item is not None else "  (not linked)")


def _item(index: int, item: Article) -> list[str]:
    title = item.headline or (item.body[0].text[:30] if item.body and isinstance(item.body[0], Paragraph) else "")
    lines = [f"  [{index}] {item.kind.value:<13} {title}"]
    pad = " " * 6
    if item.confidence is not None and item.confidence < _DOUBTFUL:
        lines.append(f"{pad}confidence:  {item.confidence:.2f}  (a doubtful reading)")
    if item.kicker:
        lines.append(f"{pad}kicker:      {item.kicker}")
    if item.subheadline:
        lines.append(f"{pad}subheadline: {item.subheadline}")
    if item.bylines:
        people = ", ".join(f"{b.name} ({b.role.value})" for b in item.bylines)
        lines.append(f"{pad}bylines:     {people}")
    if item.dateline is not None:
        d = item.dateline
        parts = [p for p in (d.agency, d.place, d.date.isoformat() if d.date else None) if p]
        lines.append(f"{pad}dateline:    {' '.join(parts) or '-'}  [{d.text}]")
    counts = collections.Counter(
        {Paragraph: "paragraph", Heading: "crosshead", Figure: "figure"}[type(block)] for block in item.body
    )
    if counts:
        lines.append(
            f"{pad}body:        " + ", ".join(f"{n} {kind}{'s' if n > 1 else ''}" for kind, n in counts.items())
        )
    if item.continued_from is not None:
        lines.append(f"{pad}from:        {_jump(item.continued_from)}")
    if item.continued_on is not None:
        lines.append(f"{pad}continues:   {_jump(item.continued_on)}")
    return lines


def describe(issue: Issue) -> str:
    """The issue as an indented text tree, diagnostics last."""
    head = " ".join(
        part
        for part in (
            issue.title or "(untitled)",
            issue.date.isoformat() if issue.date else None,
            f"No. {issue.number}" if issue.number is not None else None,
        )
        if part
    )
    meta = [
        f"{label} {value}"
        for label, value in (
            ("language", issue.language),
            ("pages", issue.page_count),
            ("publisher", issue.publisher),
            ("serial", issue.serial_number),
            ("ISSN", issue.issn),
            ("lunar", issue.lunar_date),
        )
        if value is not None
    ]
    lines = [head, "  " + " · ".join(meta)] if meta else [head]
    for page in issue.pages:
        kinds = collections.Counter(item.kind for item in page.items)
        summary = ", ".join(f"{n} {kind.value}{'s' if n > 1 else ''}" for kind, n in kinds.items())
        section = f" {page.section}" if page.section else ""
        source = ", ".join(part for part in (page.source, page.source_format) if part)
        lines.append(f"page {page.number}{section} ({summary or 'empty'})" + (f"  <{source}>" if source else ""))
        if page.editors:
            lines.append("  editors: " + ", ".join(editor.name for editor in page.editors))
        for index, item in enumerate(page.items, 1):
            lines.extend(_item(index, item))
    stories = [story for story in issue.stories() if story.first.kind is ItemKind.ARTICLE]
    joined = sum(1 for story in stories if len(story.parts) > 1)
    lines.append(f"{len(stories)} articles on {len(issue.pages)} page(s), {joined} continued across pages")
    lines.append(f"diagnostics ({len(issue.diagnostics)})")
    for diagnostic in issue.diagnostics:
        where = ":".join(str(part) for part in (diagnostic.source, diagnostic.line) if part is not None)
        text = f"  «{diagnostic.text}»" if diagnostic.text else ""
        lines.append(
            f"  {diagnostic.severity.value:<7} {where or '-':<12} {diagnostic.code}: {diagnostic.message}{text}"
        )
    return "\n".join(lines) + "\n"


def _jump_summary(jump: Jump | None) -> dict[str, Any] | None:
    return None if jump is None else {"page": jump.page, "marker": jump.marker, "item": jump.item, "text": jump.text}


def _item_summary(index: int, item: Article) -> dict[str, Any]:
    counts = collections.Counter(type(block).__name__.lower() for block in item.body)
    dateline = item.dateline
    return {
        "index": index,
        "kind": item.kind.value,
        "kicker": item.kicker,
        "headline": item.headline,
        "subheadline": item.subheadline,
        "bylines": [{"name": byline.name, "role": byline.role.value} for byline in item.bylines],
        "dateline": None if dateline is None else dateline.text,
        "paragraphs": counts["paragraph"],
        "crossheads": counts["heading"],
        "figures": counts["figure"],
        "confidence": item.confidence,
        "doubtful": item.confidence is not None and item.confidence < _DOUBTFUL,
        "continued_from": _jump_summary(item.continued_from),
        "continued_on": _jump_summary(item.continued_on),
    }


def summary(issue: Issue) -> dict[str, Any]:
    """What :func:`describe` shows, as JSON-ready data (``newsissue inspect --json``).

    The whole model is ``convert --to json``; this is the reading at a glance: metadata, each
    page's items with their confidence, the stories, and every diagnostic.
    """
    stories = [story for story in issue.stories() if story.first.kind is ItemKind.ARTICLE]
    return {
        "title": issue.title,
        "date": issue.date.isoformat() if issue.date else None,
        "number": issue.number,
        "language": issue.language,
        "page_count": issue.page_count,
        "publisher": issue.publisher,
        "pages": [
            {
                "number": page.number,
                "section": page.section,
                "source": page.source,
                "source_format": page.source_format,
                "items": [_item_summary(index, item) for index, item in enumerate(page.items, 1)],
            }
            for page in issue.pages
        ],
        "articles": len(stories),
        "continued": sum(1 for story in stories if len(story.parts) > 1),
        "diagnostics": [
            {
                "severity": diagnostic.severity.value,
                "code": diagnostic.code,
                "message": diagnostic.message,
                "source": diagnostic.source,
                "line": diagnostic.line,
                "page": diagnostic.page,
                "text": diagnostic.text,
            }
            for diagnostic in issue.diagnostics
        ],
    }
