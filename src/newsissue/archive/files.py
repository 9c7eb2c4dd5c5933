"""Finding and reading an archive issue: batch, issue file (METS, DIDL) or layout pages, into evidence."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import attrs

from ..errors import ParseError
from ..evidence import IssueEvidence, PageEvidence
from ..pagenames import print_order
from ..readers.alto import read_alto
from ..readers.mets import IssueFile, batch_issues, read_issue_file
from ..readers.sniff import layout_files, sniff

__all__ = ["read_archive"]


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
        issues = [(read_issue_file(path), path) for path in issue_files]
        if len(issues) > 1:
            # A reel or title METS beside an issue's: the issue is the one with the most pages.
            issues = sorted(issues, key=lambda pair: -len(pair[0].pages))[:1]
            folder = issues[0][0].pages[0].path.parent.name
            notes.append(("archive-files", f"{len(issue_files)} issue files: the issue in {folder} read"))
        issue, path = issues[0]
        return _from_issue_file(issue, path, notes)
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
    from ..readers.hocr import read_hocr

    return [read_hocr(path, source=path.name)]


def _page_xml_pages(path: Path) -> list[PageEvidence]:
    from ..readers.pagexml import read_page_xml

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
    from ..readers.pagetools import read_mineru

    return read_mineru(text, source=source)


def _docling(text: str, *, source: str | None) -> IssueEvidence:
    from ..readers.pagetools import read_docling

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
        kind = sniff(page.path)
        if kind not in ("alto", "page", "hocr"):
            raise ParseError(f"{path.name} names {page.path.name} as a page, which is not ALTO, PAGE-XML or hOCR")
        (read,) = _PAGE_READERS[kind](page.path)
        read = attrs.evolve(read, source=source)
        pages.append(attrs.evolve(read, number=page.number, label=page.label or read.label))
    return attrs.evolve(issue.issue, pages=tuple(pages), source=path.name, notes=(*issue.issue.notes, *notes))
