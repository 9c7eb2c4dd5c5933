"""``parse``: page text (or a file, or several) to an :class:`~newsissue.model.Issue`."""

from __future__ import annotations

import collections
import functools
import itertools
import os
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs
import pluggy

from .decoding import decode
from .errors import NewsIssueError, ParseError
from .evidence import REMOVED_MESSAGES, IssueEvidence
from .languages.base import Conventions, Masthead, PageHeader
from .linking import link_jumps
from .long_pages import join_parts, parts
from .model import Article, Diagnostic, Issue, ItemKind, Page, Severity
from .notes import Notes
from .options import override_issue
from .pagenames import page_in_name, print_order
from .plugins import Registry, registry_for
from .readers.text import read_lines
from .segment import PageStyle, Segmentation, Unit, segment_lines
from .segment.assemble import PageLayout, read_layout
from .tags import ascii_digits, language_tag

__all__ = ["Source", "parse"]

Source = str | bytes | os.PathLike[str] | Sequence[os.PathLike[str]]

# A line of up to 80 characters standing alone: a blank line (or the text's edge) above and below.
# (The pattern opens with a newline, which lets the regex engine skip to each one; the text's
# first line is tried on its own.)
_ALONE_LINE = r"(?P<line>[^\n]{1,80}+)(?=\n[^\S\n]*+(?:\n|\Z)|\Z)"


@functools.cache
def _alone(start: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The patterns of a line standing alone (the text's first, and any other) whose text opens with ``start``.

    ``start`` is the language's ``page_header_start``, tried past the line's spaces and heading marks.
    """
    lead = rf"(?=[^\S\n]*#*[^\S\n]*(?:{start}))" if start else ""
    return re.compile(lead + _ALONE_LINE), re.compile(r"\n[^\S\n]*+\n" + lead + _ALONE_LINE)


_TEXT_SUFFIXES = {".md", ".markdown", ".txt", ".text", ""}


@attrs.frozen
class _Text:
    text: str
    source: str | None
    first_line: int
    notes: tuple[Diagnostic, ...] = ()
    number_from_name: int | None = None
    #: The section letter a file name gives with its page number (``A06.md``).
    section_from_name: str | None = None


_HEAD = 4096
# Stray bytes are said one by one up to this many, then counted.
_STRAY_NOTES = 10


def _read_file(path: Path, registry: Registry) -> bytes:
    """The file's bytes; one a reader recognises but would refuse for its size is refused unread."""
    limits = [reader for reader in registry.readers.values() if reader.max_bytes is not None]
    try:
        with path.open("rb") as stream:
            size = os.fstat(stream.fileno()).st_size
            if limits and size > min(reader.max_bytes or 0 for reader in limits):
                head = stream.read(_HEAD)
                sample = head.decode("utf-8", "replace")
                for reader in limits:
                    if size > (reader.max_bytes or 0) and reader.recognises(sample):
                        raise ParseError(
                            f"{path.name} is {size:,} bytes: the {reader.name} reader reads at most"
                            f" {reader.max_bytes:,}"
                        )
                stream.seek(0)  # read whole once: no copy of a large file joined from two reads
            return stream.read()
    except OSError as exc:
        raise ParseError(f"cannot read {path}: {exc.strerror or exc}") from None


def _decode(data: bytes, source: str | None, encoding: str | None) -> tuple[str, tuple[Diagnostic, ...]]:
    if not data or data.isspace():
        raise ParseError(f"{source or 'input'} is empty")
    decoded = decode(data, encoding=encoding)
    notes: list[Diagnostic] = []
    if decoded.detected:
        notes.append(Diagnostic(code="encoding-detected", message=f"read as {decoded.encoding}", source=source))
    for stray in decoded.stray[:_STRAY_NOTES]:
        notes.append(
            Diagnostic(
                code="stray-bytes",
                message=f"bytes {stray.data.hex(' ')[:40]} at byte {stray.offset} of the line are not UTF-8:"
                " replaced by U+FFFD",
                severity=Severity.WARNING,
                source=source,
                line=stray.line,
            )
        )
    if len(decoded.stray) > _STRAY_NOTES:
        notes.append(
            Diagnostic(
                code="stray-bytes",
                message=f"{len(decoded.stray) - _STRAY_NOTES} more runs of bytes that are not UTF-8 replaced",
                severity=Severity.WARNING,
                source=source,
            )
        )
    return decoded.text, tuple(notes)


def _texts(source: Source, encoding: str | None, registry: Registry) -> list[_Text]:
    if isinstance(source, bytearray | memoryview):
        source = bytes(source)
    if not isinstance(source, str | bytes | os.PathLike) and not (
        isinstance(source, Sequence) and all(isinstance(path, str | os.PathLike) for path in source)
    ):
        raise ParseError(f"cannot read a {type(source).__name__}: give text, bytes, a path or a list of paths")
    if isinstance(source, str):
        return [_Text(source, None, 1)]
    if isinstance(source, bytes):
        text, notes = _decode(source, None, encoding)
        return [_Text(text, None, 1, notes)]
    paths: list[Path]
    if isinstance(source, os.PathLike):
        path = Path(source)
        if path.is_dir():
            paths = [p for p in path.iterdir() if p.is_file() and p.suffix.lower() in _TEXT_SUFFIXES]
            if not paths:
                raise ParseError(f"{path} holds no page files (.md or .txt)")
        else:
            paths = [path]
    else:
        paths = [Path(p) for p in source]
        if not paths:
            raise ParseError("no input given")
    # The issue must not depend on the order the files are named in: pages in the order of the
    # numbers in their names (02.md before 10.md), then of the names.
    paths = sorted(paths, key=print_order)
    texts = []
    for path in paths:
        text, notes = _decode(_read_file(path, registry), path.name, encoding)
        section, number = page_in_name(path.stem) or (None, None)
        if len(paths) == 1:
            section, number = None, None
        texts.append(_Text(text, path.name, 1, notes, number, section))
    return texts


def _split_pages(texts: list[_Text]) -> list[_Text]:
    """One _Text per page: form feeds separate pages within a text."""
    pages = []
    for text in texts:
        line = text.first_line
        whole = text.text
        if "\r" in whole:  # one-character searches first: most texts have neither
            whole = whole.replace("\r\n", "\n").replace("\r", "\n")
        if whole is text.text and "\f" not in whole:
            pages.append(text)  # one page, its text as given
            continue
        parts = whole.split("\f")
        for index, part in enumerate(parts):
            if (part and not part.isspace()) or len(parts) == 1:
                single = len(parts) == 1
                pages.append(
                    attrs.evolve(
                        text,
                        text=part,
                        first_line=line,
                        number_from_name=text.number_from_name if single else None,
                        section_from_name=text.section_from_name if single else None,
                        notes=text.notes if index == 0 else (),
                    )
                )
            line += part.count("\n")
    return pages


def _split_at_headers(pages: list[_Text], conventions: Conventions) -> list[_Text]:
    """Split a text that holds several pages at their header lines (``第02版：要闻``, ``PAGE 2 · LOCAL``).

    A header line splits only where it stands alone between blank lines, past the
    text's first lines, and names a page after the last one seen in the text.
    """
    result = []
    for page in pages:
        text = page.text
        cuts: list[tuple[int, int]] = []  # (line index, offset) of each header line that starts a page
        last: tuple[str, int] = ("", 0)
        index, counted = 0, 0
        first_alone, alone = _alone(conventions.page_header_start)
        first = first_alone.match(text)
        for match in itertools.chain((first,) if first else (), alone.finditer(text)):
            line = match["line"].strip().lstrip("#").strip()
            header = conventions.match_page_header(line) if line else None
            # A database record is no page.
            if header is None or conventions.match_record(line) is not None or not _follows(header, last):
                continue
            offset = match.start("line")
            index += text.count("\n", counted, offset)
            counted = offset
            if index > 8:
                cuts.append((index, offset))
            last = (header.label[:1] if header.label else "", header.number)
        if not cuts:
            result.append(page)
            continue
        bounds = [(0, 0), *cuts, (None, len(text) + 1)]
        for number, ((first, begin), (_, end)) in enumerate(itertools.pairwise(bounds)):
            result.append(
                attrs.evolve(
                    page,
                    text=text[begin : end - 1],
                    first_line=page.first_line + (first or 0),
                    number_from_name=None,
                    section_from_name=None,
                    notes=page.notes if number == 0 else (),
                )
            )
    return result


def _follows(header: PageHeader, last: tuple[str, int]) -> bool:
    """Whether a page header names a page after the last one seen: a later section (``B1`` after
    ``A8``), else a higher number (``A3`` and ``4`` after ``PAGE 2``)."""
    letter = header.label[:1] if header.label else ""
    if letter and last[0] and letter != last[0]:
        return letter > last[0]
    return header.number > last[1]


def _pick_language(registry: Registry, language: str | None, sample: str) -> tuple[Conventions, str, bool]:
    if language is not None:
        try:
            tag = language_tag(language)
        except ValueError as exc:
            raise ParseError(f"--language: {exc}") from None
        return registry.language(tag), tag, False
    if not registry.languages:
        raise ParseError("no language plugin is installed")
    best = max(sorted(registry.languages.values(), key=lambda c: c.code), key=lambda c: c.score(sample))
    return best, best.code, True


@attrs.frozen
class _PageUnits:
    text: _Text
    header: tuple[Unit, ...]
    body: tuple[Unit, ...]
    removed: tuple[Diagnostic, ...]
    furniture: tuple[str, ...]
    style: PageStyle
    measure: float
    records: bool
    doubtful: tuple[int, ...]
    #: The page's characters but spaces and newlines, and its lines.
    characters: int = 0
    line_count: int = 0
    #: The text of each further part of a long page and its first line, taken as each is read.
    rest: list[tuple[str, int]] = attrs.field(factory=list)


def _header(units: Sequence[Unit], conventions: Conventions, style: PageStyle) -> int:
    """How many leading units are the page's header (masthead or page header line).

    On OCR column text the ears and weather boxes printed beside the nameplate come first:
    the header reaches to the last masthead line among the first units.
    """
    count = 0
    for index, unit in enumerate(units[:10] if style is PageStyle.COLUMNS else units[:8]):
        text = unit.text
        if unit.record:
            break  # a database record opens: the page's own lines are above it
        if conventions.is_masthead_line(text) or conventions.match_page_header(text) is not None:
            count = index + 1
        elif style is PageStyle.COLUMNS:
            if len(text) > 160:
                break
        elif not (conventions.is_title_like(text) and len(text) <= 16):
            break
    return count


def _segment(
    text: str, first_line: int, source: str | None, conventions: Conventions
) -> tuple[Segmentation, list[Diagnostic]]:
    """One page's (or part's) text segmented, and the notes of what reading its lines left out."""
    lines, removed = read_lines(text, first_line=first_line)
    segmented = segment_lines(lines, conventions)
    removed.extend(segmented.removed)
    notes = [
        Diagnostic(
            code="removed-" + item.what,
            message=REMOVED_MESSAGES[item.what],
            severity=Severity.WARNING if item.what == "control" else Severity.INFO,
            source=source,
            line=item.line,
            text=item.text,
        )
        for item in removed
    ]
    return segmented, notes


def _units(page: _Text, conventions: Conventions) -> _PageUnits:
    """The page's first part segmented, its header told from its body; the text of further parts kept."""
    text = page.text
    first, *rest = parts(text, conventions, page.first_line)
    newlines = text.count("\n")
    characters = len(text) - text.count(" ") - newlines
    line_count = newlines + 1
    # Each part's own text, so that it can go once read: the page's whole text is not kept.
    further = [(text[part.start : part.end], part.first_line) for part in rest]
    page = attrs.evolve(page, text=text[first.start : first.end]) if rest else page
    segmented, notes = _segment(page.text, first.first_line, page.source, conventions)
    units = segmented.units
    count = _header(units, conventions, segmented.style)
    return _PageUnits(
        page,
        units[:count],
        units[count:],
        tuple(notes),
        segmented.furniture,
        segmented.style,
        segmented.measure,
        segmented.records,
        segmented.doubtful,
        characters,
        line_count,
        further,
    )


def _layout(
    units: _PageUnits,
    conventions: Conventions,
    notes: Notes,
    fields: dict[str, Any],
    number: int,
    *,
    page_labels: Mapping[str, int],
) -> Layout:
    """The page's items, its first part's then each further part's (read, assembled and dropped in turn).

    ``page_labels`` gives the number of each page printed with a section letter (``B2``), for jumps.
    """
    source = units.text.source

    def layout(body: Sequence[Unit], segmented_records: bool, style: PageStyle) -> PageLayout:
        return read_layout(
            body,
            conventions,
            issue_date=fields.get("date"),
            source=source,
            page=number,
            records=segmented_records,
            columns=style is PageStyle.COLUMNS,
            page_labels=page_labels,
        )

    first = layout(units.body, units.records, units.style)
    notes.extend(first.diagnostics)
    items = list(first.items)
    papers = list(first.papers)
    furniture = list(units.furniture)
    doubtful = list(units.doubtful)
    read_parts = len(units.rest) + 1
    while units.rest:
        text, first_line = units.rest.pop(0)
        segmented, removed = _segment(text, first_line, source, conventions)
        del text
        notes.extend(removed)
        read = layout(segmented.units, segmented.records, segmented.style)
        notes.extend(read.diagnostics)
        join_parts(items, read.items)
        papers.extend(read.papers)
        furniture.extend(segmented.furniture)
        doubtful.extend(segmented.doubtful)
    if read_parts > 1:
        notes.append(
            Diagnostic(
                code="page-read-in-parts",
                message=f"page {number} is long ({units.line_count:,} lines): read in {read_parts} parts",
                source=source,
                page=number,
            )
        )
    return Layout(tuple(items), tuple(papers), tuple(furniture), tuple(doubtful))


@attrs.frozen
class Layout:
    """A whole page's items, the papers its bylines name, its furniture and its doubtful title lines."""

    items: tuple[Article, ...]
    papers: tuple[str, ...]
    furniture: tuple[str, ...]
    doubtful: tuple[int, ...]


def _masthead_fields(masthead: Masthead) -> dict[str, Any]:
    names = ("title", "date", "number", "lunar_date", "page_count", "publisher", "serial_number", "issn", "country")
    fields = {name: getattr(masthead, name) for name in names if getattr(masthead, name) is not None}
    for name in ("serial_number", "issn"):  # identifiers in ASCII digits, as OCR of CJK pages may not give them
        if name in fields:
            fields[name] = ascii_digits(fields[name])
    return fields


def parse(
    source: Source,
    *,
    language: str | None = None,
    encoding: str | None = None,
    overrides: Mapping[str, Any] | None = None,
    plugins: pluggy.PluginManager | None = None,
    structure: bool = True,
) -> Issue:
    """Read a newspaper issue.

    ``source`` is page text (``str``), its bytes (encoding detected), a file path,
    a folder of page files, or a sequence of page files. Pages within one text
    are separated by form feeds. ``language`` (a BCP 47 tag) skips detection;
    ``overrides`` sets issue fields (``{"title": "…", "date": "2023-12-07"}``).

    An archive's issue (a folder or files of ALTO pages, a METS or DIDL issue file, an NDNP
    batch folder holding one issue) is read from its lines' geometry; where the archive has its
    own article map, ``structure`` says whether to take its items (the default) or segment afresh.

    Raises :class:`~newsissue.ParseError`, and nothing else, for input that is
    not a newspaper issue. What was repaired or guessed is in ``issue.diagnostics``.
    """
    try:
        return _parse(source, language, encoding, overrides, plugins, structure=structure)
    except NewsIssueError as exc:
        if isinstance(exc, ParseError):
            raise
        raise ParseError(str(exc)) from None
    except RecursionError:
        raise ParseError("input is nested too deeply to read") from None


def _parse(
    source: Source,
    language: str | None,
    encoding: str | None,
    overrides: Mapping[str, Any] | None,
    plugins: pluggy.PluginManager | None,
    *,
    structure: bool = True,
) -> Issue:
    registry = registry_for(plugins)
    paths = _paths(source)
    if paths:
        for reader in registry.readers.values():
            if reader.takes(paths):
                return _read(reader.read_files(paths), registry, language, overrides, structure)
    texts = _texts(source, encoding, registry)
    if len(texts) == 1:
        for reader in registry.readers.values():
            if reader.recognises(texts[0].text):
                read = reader.read(texts[0].text, source=texts[0].source)
                return _read(read, registry, language, overrides, structure)
    pages_text = _split_pages(texts)
    source, read_notes = texts[0].source, [note for text in texts for note in text.notes]
    del texts  # the pages hold the text now: one copy of it, not two
    if not any(page.text and not page.text.isspace() for page in pages_text):
        raise ParseError("input holds no text")
    sample = "".join(page.text[:4000] for page in pages_text[:4])
    conventions, code, detected = _pick_language(registry, language, sample)
    pages_text = _split_at_headers(pages_text, conventions)
    diagnostics = Notes(read_notes)
    if detected:
        diagnostics.append(Diagnostic(code="language-detected", message=f"language detected as {code}"))
    read = [_units(page, conventions) for page in pages_text]
    del pages_text  # a long page's parts hold its text now, each let go once read
    front = conventions.read_masthead(tuple(unit.text for unit in read[0].header))
    fields = _masthead_fields(front)
    if front.date is not None and front.weekday is not None and front.date.weekday() != front.weekday:
        diagnostics.append(
            Diagnostic(
                code="weekday-mismatch",
                message=f"the masthead's weekday does not match {front.date.isoformat()}",
                severity=Severity.WARNING,
                source=read[0].text.source,
                line=read[0].header[0].line if read[0].header else None,
            )
        )
    labels = _page_labels(read, conventions)
    page_labels: dict[str, int] = {}
    if any(labels):
        # A paper of lettered sections (A1 … A8, B1 …): the pages are numbered in print order.
        numbers = list(range(1, len(read) + 1))
        page_labels = {label: number for label, number in zip(labels, numbers, strict=True) if label}
    else:
        numbers = _page_numbers(read, conventions, diagnostics)
    pages: list[Page] = []
    papers: list[str] = []
    for index, (units, number) in enumerate(zip(read, numbers, strict=True)):
        diagnostics.extend(units.removed)
        layout = _layout(units, conventions, diagnostics, fields, number, page_labels=page_labels)
        read[index] = attrs.evolve(units, body=(), doubtful=layout.doubtful)  # the units are read: let them go
        diagnostics.extend(_reading_notes(read[index], layout.items, number))
        papers.extend(layout.papers)
        header = conventions.match_page_header(units.header[0].text) if units.header else None
        if header is not None and header.date is not None and "date" in fields and header.date != fields["date"]:
            diagnostics.append(
                Diagnostic(
                    code="page-date-mismatch",
                    message=f"page {number} is dated {header.date.isoformat()}, the issue {fields['date'].isoformat()}",
                    severity=Severity.WARNING,
                    source=units.text.source,
                    line=units.header[0].line,
                    page=number,
                )
            )
        pages.append(
            Page(
                number=number,
                label=labels[index],
                section=header.section if header is not None else None,
                header=tuple(unit.text for unit in units.header) + layout.furniture,
                editors=header.editors if header is not None else (),
                items=layout.items,
                source=units.text.source,
            )
        )
    if "title" not in fields:
        titles = collections.Counter(paper for paper in papers if paper.endswith("报") and paper != "本报")
        if titles:
            fields["title"] = titles.most_common(1)[0][0]
            diagnostics.append(
                Diagnostic(code="title-inferred", message=f"title {fields['title']} inferred from the bylines")
            )
    del read, units  # the pages' text is read: only the model is kept
    pages, unlinked = link_jumps(sorted(pages, key=lambda page: page.number))
    diagnostics.extend(unlinked)
    issue = Issue(
        language=code,
        source=source,
        pages=pages,
        diagnostics=diagnostics.result(),
        **fields,
    )
    return override_issue(issue, overrides) if overrides else issue


def _paths(source: Source) -> list[Path]:
    """The paths a source names (none for text or bytes)."""
    if isinstance(source, os.PathLike):
        return [Path(source)]
    if isinstance(source, str | bytes | bytearray | memoryview) or not isinstance(source, Sequence):
        return []
    if all(isinstance(path, str | os.PathLike) for path in source):
        return [Path(path) for path in source]
    return []


def _read(
    read: Issue | IssueEvidence,
    registry: Registry,
    language: str | None,
    overrides: Mapping[str, Any] | None,
    structure: bool,
) -> Issue:
    """A reader's issue, or the issue its evidence holds, read by the segmenter."""
    if isinstance(read, IssueEvidence):
        from .archive import build_issue

        sample = " ".join(line.text for page in read.pages[:4] for line in page.lines[:200])
        if not sample.strip():
            raise ParseError(f"{read.source or 'input'} holds no text")
        conventions, code, detected = _pick_language(registry, language, sample)
        notes = [Diagnostic(code="language-detected", message=f"language detected as {code}")] if detected else []
        read = build_issue(read, conventions, code, structure=structure, notes=notes)
    return override_issue(read, overrides) if overrides else read


_STYLE_NOTES = {
    PageStyle.LINES: "read as database text: one title or paragraph a line",
    PageStyle.COLUMNS: "read as OCR column lines, a full line about {measure:.0f} characters",
}
# A page with this much text and at most one article was probably read badly.
_MANY_CHARACTERS = 3000
_LOW_CONFIDENCE = 0.4


def _listed(numbers: Sequence[int]) -> str:
    """A few numbers as a readable list: ``3, 8, 12 …``."""
    return ", ".join(str(number) for number in numbers[:8]) + (" …" if len(numbers) > 8 else "")


def _reading_notes(units: _PageUnits, items: Sequence[Article], number: int) -> list[Diagnostic]:
    """What the segmenter saw of a page, and loud warnings where it was read badly."""
    notes = []

    def note(code: str, message: str, *, warn: bool = True, line: int | None = None) -> None:
        severity = Severity.WARNING if warn else Severity.INFO
        notes.append(
            Diagnostic(code=code, message=message, severity=severity, source=units.text.source, line=line, page=number)
        )

    if units.style in _STYLE_NOTES:
        note("page-style", f"page {number} " + _STYLE_NOTES[units.style].format(measure=units.measure), warn=False)
    articles = [item for item in items if item.kind is ItemKind.ARTICLE]
    size = units.characters
    if size >= _MANY_CHARACTERS and len(articles) <= 1:
        untitled = " with no headline" if articles and articles[0].headline is None else ""
        count = f"{len(articles)} article{'' if len(articles) == 1 else 's'}{untitled}"
        note("page-read-badly", f"page {number}: {size:,} characters read as {count}")
    if len(units.doubtful) >= 3:
        lines = _listed(units.doubtful)
        note(
            "titles-read-as-body",
            f"{len(units.doubtful)} title-like lines read as body (lines {lines})",
            line=units.doubtful[0],
        )
    doubtful = [index for index, item in enumerate(items, 1) if (item.confidence or 1.0) < _LOW_CONFIDENCE]
    if doubtful:
        shown = f"items {_listed(doubtful)}"
        note(
            "items-uncertain",
            f"page {number}: {len(doubtful)} of {len(items)} items read with low confidence ({shown})",
        )
    return notes


def _page_labels(read: list[_PageUnits], conventions: Conventions) -> list[str | None]:
    """Each page's printed label where it has a section letter (``A6``), from its header or file name."""
    labels: list[str | None] = []
    for units in read:
        header = next((h for unit in units.header if (h := conventions.match_page_header(unit.text)) is not None), None)
        if header is not None and header.label:
            labels.append(header.label)
        elif units.text.section_from_name and units.text.number_from_name is not None:
            labels.append(f"{units.text.section_from_name}{units.text.number_from_name}")
        else:
            labels.append(None)
    # The front page of a lettered paper seldom prints its label: before A2 it is A1.
    if len(labels) > 1 and labels[0] is None and labels[1] is not None and labels[1][1:] == "2":
        labels[0] = f"{labels[1][0]}1"
    return labels


def _page_numbers(read: list[_PageUnits], conventions: Conventions, diagnostics: Notes) -> list[int]:
    numbers: list[int] = []
    taken: set[int] = set()  # the numbers given so far, and the highest: linear in the pages
    highest = 0
    for index, units in enumerate(read):
        header = next((h for unit in units.header if (h := conventions.match_page_header(unit.text)) is not None), None)
        if header is not None:
            number = header.number
        elif units.text.number_from_name is not None:
            number = units.text.number_from_name
        elif any(conventions.is_masthead_line(unit.text) for unit in units.header):
            number = 1  # a masthead and no page header: the front page
        else:
            number = (numbers[-1] + 1) if numbers else 1
            if len(read) > 1 or index:
                diagnostics.append(
                    Diagnostic(
                        code="page-number-assumed",
                        message=f"no page number found; taken as page {number}",
                        source=units.text.source,
                    )
                )
        if number < 1 or number in taken:
            fresh = highest + 1
            diagnostics.append(
                Diagnostic(
                    code="page-number-taken",
                    message=f"page {number} appears twice; this one is numbered {fresh}",
                    severity=Severity.WARNING,
                    source=units.text.source,
                )
            )
            number = fresh
        numbers.append(number)
        taken.add(number)
        highest = max(highest, number)
    return numbers
