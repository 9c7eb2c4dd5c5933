"""Archive issues: find what a folder or file list holds (an NDNP batch, a METS or DIDL issue, ALTO
pages), read it into evidence, and build the issue from it: each page segmented from its lines'
geometry, every item and body block told where it was printed, continuations across pages joined.

Where the archive has its own article map (a METS logical structMap, the KB's DIDL articles) and
the caller trusts it, the items are the archive's, and the diagnostics say so.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable, Sequence
from pathlib import Path

import attrs

from .errors import ParseError
from .evidence import IssueEvidence, Line, PageEvidence, StructureItem
from .languages.base import Conventions
from .linking import link_jumps
from .model import Article, Diagnostic, Figure, Issue, ItemKind, Jump, Page, Paragraph, Region, Severity
from .pagenames import print_order
from .readers.alto import read_alto
from .readers.mets import IssueFile, batch_issues, read_issue_file
from .readers.sniff import layout_files, sniff
from .segment import segment_lines
from .segment.assemble import read_layout
from .segment.units import Unit

__all__ = ["build_issue", "read_archive"]


def _archive_files(paths: Sequence[Path]) -> list[tuple[Path, str]]:
    found: list[tuple[Path, str]] = []
    for path in paths:
        if path.is_dir():
            for child in layout_files(path):
                kind = sniff(child)
                if kind is not None:
                    found.append((child, kind))
        elif (kind := sniff(path)) is not None:
            found.append((path, kind))
    return found


def read_archive(paths: Sequence[Path]) -> IssueEvidence:
    """The evidence of the one issue the paths hold. Raises :class:`~newsissue.ParseError` otherwise."""
    found = _archive_files(paths)
    batches = [path for path, kind in found if kind == "batch"]
    issue_files = [path for path, kind in found if kind in ("mets", "didl")]
    if batches:
        listed = sorted({issue for batch in batches for issue in batch_issues(batch)})
        if len(listed) != 1:
            raise ParseError(f"the NDNP batch holds {len(listed)} issues: convert it with --batch")
        issue_files = listed
    notes: list[tuple[str, str]] = []
    if issue_files:
        issues = [read_issue_file(path) for path in issue_files]
        issues = [issue for issue in issues if issue.pages] or issues
        if len(issues) > 1:
            # A reel or title METS beside an issue's: the issue is the one with pages.
            issues = sorted(issues, key=lambda issue: -len(issue.pages))[:1]
            folder = issues[0].pages[0].path.parent.name
            notes.append(("archive-files", f"{len(issue_files)} issue files: the issue in {folder} read"))
        return _from_issue_file(issues[0], issue_files[0], notes)
    files = sorted(((path, kind) for path, kind in found if kind in _PAGE_READERS), key=lambda f: print_order(f[0]))
    if not files:
        raise ParseError("no ALTO, hOCR or PAGE-XML page, page-tool JSON, METS or DIDL issue file found")
    folders = [path for path in paths if path.is_dir()]
    base = folders[0] if len(folders) == 1 and len(paths) == 1 else None
    evidence: list[PageEvidence] = []
    for path, kind in files:
        for page in _PAGE_READERS[kind](path):
            # A page's source is its path from the folder read: a METS file written there finds it.
            source = path.relative_to(base).as_posix() if base is not None else path.name
            evidence.append(attrs.evolve(page, number=len(evidence) + 1, source=source))
    return IssueEvidence(pages=tuple(evidence), source=files[0][0].name, notes=tuple(notes))


def _alto_pages(path: Path) -> list[PageEvidence]:
    return [read_alto(path, source=path.name)]


def _hocr_pages(path: Path) -> list[PageEvidence]:
    from .readers.hocr import read_hocr

    return [read_hocr(path, source=path.name)]


def _page_xml_pages(path: Path) -> list[PageEvidence]:
    from .readers.pagexml import read_page_xml

    return [read_page_xml(path, source=path.name)]


def _tool_pages(read: Callable[..., IssueEvidence]) -> Callable[[Path], list[PageEvidence]]:
    def pages(path: Path) -> list[PageEvidence]:
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise ParseError(f"cannot read {path.name}: {exc}") from None
        return list(read(text, source=path.name).pages)

    return pages


def _mineru(text: str, *, source: str | None) -> IssueEvidence:
    from .readers.pagetools import read_mineru

    return read_mineru(text, source=source)


def _docling(text: str, *, source: str | None) -> IssueEvidence:
    from .readers.pagetools import read_docling

    return read_docling(text, source=source)


#: How each kind of page file is read: to its pages' evidence (a page-tool file may hold several).
_PAGE_READERS: dict[str, Callable[[Path], list[PageEvidence]]] = {
    "alto": _alto_pages,
    "hocr": _hocr_pages,
    "page": _page_xml_pages,
    "mineru": _tool_pages(_mineru),
    "docling": _tool_pages(_docling),
}


def _from_issue_file(issue: IssueFile, path: Path, notes: list[tuple[str, str]]) -> IssueEvidence:
    pages = []
    for page in issue.pages:
        if not page.path.is_file():
            raise ParseError(f"{path.name} names {page.path.name}, which is not there")
        try:
            source = page.path.relative_to(path.parent.resolve()).as_posix()
        except ValueError:
            source = page.path.name
        read = read_alto(page.path, source=source)
        pages.append(attrs.evolve(read, number=page.number, label=page.label or read.label))
    return attrs.evolve(issue.issue, pages=tuple(pages), source=path.name, notes=tuple(notes))


# --- building the issue ---------------------------------------------------------------------------


_NOT_ALNUM = re.compile(r"[\W_]+")


def _weight(text: str) -> int:
    """How many letters and digits a text has: what a line and a block share however they were joined."""
    return len(_NOT_ALNUM.sub("", text))


def _regions(lines: Sequence[Line], page: int | None = None) -> tuple[Region, ...]:
    """Lines as regions: one for each run of lines in one block."""
    out: list[Region] = []
    run: list[Line] = []
    for line in [*lines, None]:
        if run and (line is None or line.block != run[0].block):
            boxes = [member.box for member in run if member.box is not None]
            box = (
                (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))
                if boxes
                else None
            )
            refs = tuple(member.ref for member in run if member.ref)
            out.append(Region(block=run[0].block, lines=refs, box=box, page=page))
            run = []
        if line is not None:
            run.append(line)
    return tuple(out)


def _texts(block: object) -> str:
    if isinstance(block, Figure):
        return " ".join(part for part in (block.caption, block.credit) if part)
    return getattr(block, "text", "")


def _placed(item: Article, lines: Sequence[Line]) -> Article:
    """The item with regions: its lines shared out over its title stack and body blocks by their text."""
    head = _weight(" ".join(part for part in (item.kicker, item.headline, item.subheadline, item.byline_text) if part))
    sizes = [head] + [_weight(_texts(block)) for block in item.body]
    total = sum(sizes) or 1
    keys = [_weight(line.text) for line in lines]
    scale = total / (sum(keys) or 1)
    owners: list[list[Line]] = [[] for _ in sizes]
    bounds = []
    running = 0
    for size in sizes:
        running += size
        bounds.append(running)
    position = 0.0
    target = 0
    for line, size in zip(lines, keys, strict=True):
        middle = position + scale * size / 2
        while target < len(bounds) - 1 and middle >= bounds[target]:
            target += 1
        owners[target].append(line)
        position += scale * size
    body = tuple(
        attrs.evolve(block, regions=_regions(owned)) if owned else block
        for block, owned in zip(item.body, owners[1:], strict=True)
    )
    return attrs.evolve(item, regions=_regions(owners[0]), body=body)


@attrs.frozen
class _PageRead:
    page: Page
    #: For each item: the top of its band (a share of the page's height), and whether it ends its band.
    tops: tuple[float, ...]
    ends: tuple[bool, ...]
    notes: tuple[Diagnostic, ...]


def _read_page(evidence: PageEvidence, number: int, conv: Conventions, date: _dt.date | None) -> _PageRead:
    segmented = segment_lines(evidence.lines, conv)
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
    while units and len(header) < 6 and _is_header(units[0], conv):
        header.append(units.pop(0).text)
        band_of.pop(0)
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
    placed = tuple(
        _placed(item, lines[start - 1 : end - 1]) for item, start, end in zip(items, starts, ends, strict=True)
    )
    line_band = {unit.line: band for unit, band in zip(units, band_of, strict=True)}
    bands = [line_band.get(start, 0) for start in starts]
    page = Page(number=number, header=tuple(header), items=placed, source=evidence.source)
    return _PageRead(
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


def _join_pages(reads: list[_PageRead]) -> tuple[list[Page], list[Diagnostic]]:
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
            and sum(len(_texts(block)) for block in item.body) >= _CONTINUED
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


def build_issue(
    evidence: IssueEvidence, conv: Conventions, code: str, *, structure: bool = True, notes: Sequence[Diagnostic] = ()
) -> Issue:
    """The issue an archive's evidence holds, segmented by ``conv`` (or by the archive's own map)."""
    diagnostics = list(notes)
    diagnostics.extend(Diagnostic(code=c, message=m, source=evidence.source) for c, m in evidence.notes)
    numbers = [page.number or index for index, page in enumerate(evidence.pages, 1)]
    if len(set(numbers)) != len(numbers):
        numbers = list(range(1, len(numbers) + 1))
    if structure and evidence.structure:
        pages = _structured(evidence, numbers, conv, diagnostics)
    else:
        if evidence.structure:
            diagnostics.append(
                Diagnostic(
                    code="structure-ignored",
                    message=f"the archive's own article map ({len(evidence.structure)} items) was set aside:"
                    " the pages were segmented afresh",
                    source=evidence.source,
                )
            )
        reads = []
        for page, number in zip(evidence.pages, numbers, strict=True):
            read = _read_page(page, number, conv, evidence.date)
            diagnostics.extend(read.notes)
            reads.append(read)
        # Printed jump lines first; then untitled text at the top of a page joins the page before.
        linked, unlinked = link_jumps([read.page for read in reads])
        reads = [attrs.evolve(read, page=page) for read, page in zip(reads, linked, strict=True)]
        pages, joined = _join_pages(reads)
        diagnostics.extend(unlinked)
        diagnostics.extend(joined)
    for page, number in zip(evidence.pages, numbers, strict=True):
        confidences = [line.confidence for line in page.lines if line.confidence is not None]
        if confidences and (mean := sum(confidences) / len(confidences)) < 0.5:
            diagnostics.append(
                Diagnostic(
                    code="ocr-confidence-low",
                    message=f"page {number}: the OCR's mean word confidence is {mean:.2f}",
                    severity=Severity.WARNING,
                    source=page.source,
                    page=number,
                )
            )
    return Issue(
        title=evidence.title,
        date=evidence.date,
        number=evidence.number if evidence.number and evidence.number > 0 else None,
        publisher=evidence.publisher,
        language=code,
        source=evidence.source,
        pages=tuple(pages),
        diagnostics=tuple(diagnostics),
    )


def _structured(
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
    sources = {number: page.source for page, number in zip(evidence.pages, numbers, strict=True)}
    return [Page(number=number, items=tuple(items[number]), source=sources[number]) for number in numbers]


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
        head: list[Line] = []
        body = []
        for block in blocks:
            lines = lines_of.get(block, [])
            if not lines:
                continue
            text = _joined(lines, conv)
            role = roles.get(block)
            if role in fields and first:
                fields[role].append(text)
                head.extend(lines)
            else:
                body.append(Paragraph(text=text, regions=_regions(lines)))
        article = Article(
            kind=kind,
            kicker=" ".join(fields["overline"]) or None,
            headline=" ".join(fields["title"]) or (entry.label if first and kind is ItemKind.ARTICLE else None),
            subheadline=" ".join(fields["subheadline"]) or None,
            body=tuple(body),
            regions=_regions(head),
        )
        parts.append((number, article))
        first = False
    return parts


def _joined(lines: Sequence[Line], conv: Conventions) -> str:
    text = lines[0].text
    for line in lines[1:]:
        text = conv.join(text, line.text)
    return text
