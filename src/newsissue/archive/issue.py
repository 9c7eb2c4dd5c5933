"""The issue an archive's evidence holds: segmented afresh, or as the archive's own map gives it."""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from ..evidence import IssueEvidence
from ..languages.base import Conventions
from ..linking import link_jumps
from ..model import Diagnostic, Issue, Severity
from .pages import join_pages, read_page
from .structure import structured

__all__ = ["build_issue"]


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
        pages = structured(evidence, numbers, conv, diagnostics)
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
            if page.ordered:
                diagnostics.append(
                    Diagnostic(
                        code="reading-order-recorded",
                        message=f"page {number}: read in the reading order the file records, not one found"
                        " from the boxes",
                        source=page.source,
                        page=number,
                    )
                )
            read = read_page(page, number, conv, evidence.date)
            diagnostics.extend(read.notes)
            reads.append(read)
        # Printed jump lines first; then untitled text at the top of a page joins the page before.
        linked, unlinked = link_jumps([read.page for read in reads])
        reads = [attrs.evolve(read, page=page) for read, page in zip(reads, linked, strict=True)]
        pages, joined = join_pages(reads)
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
