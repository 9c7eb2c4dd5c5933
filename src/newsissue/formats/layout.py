"""The layout plugin: pages whose files record where each line was printed, and the archives that hold them.

ALTO (1.x–4.x) with METS or DIDL issue files and NDNP batch folders; hOCR; PAGE-XML; the JSON of
MinerU (``content_list.json``) and docling. Each reader gives page evidence with the lines' boxes,
which the segmenter reads (:mod:`newsissue.segment.layout`), and :mod:`newsissue.archive` builds
the issue. Light on purpose: lxml and the readers load when such a file is read.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from ..evidence import IssueEvidence, PageEvidence
from ..hookspecs import hookimpl
from ..interfaces import Reader
from ..readers.sniff import is_alto, is_hocr, is_page_xml, opens_with, takes

__all__ = ["AltoReader", "DoclingReader", "HocrReader", "MinerUReader", "PageXmlReader"]

# The XML declaration of a text already decoded: its encoding no longer holds.
_DECLARATION = re.compile(r"^\ufeff?\s*<\?xml[^>]*\?>")


def _bytes(text: str) -> bytes:
    return _DECLARATION.sub("", text, count=1).encode("utf-8")


class _XmlPageReader(Reader):
    """A reader of one XML page format: text that opens with ``<`` and shows the format's root."""

    def recognises(self, text: str) -> bool:
        return opens_with(text, "<") and self._looks(text[:4000])

    def read(self, text: str, *, source: str | None) -> IssueEvidence:
        return IssueEvidence(pages=(self._page(_bytes(text), source),), source=source)

    @staticmethod
    def _looks(head: str) -> bool:
        raise NotImplementedError

    @staticmethod
    def _page(data: bytes, source: str | None) -> PageEvidence:
        raise NotImplementedError


class AltoReader(_XmlPageReader):
    """ALTO pages; and, given files or folders, whole archive issues (METS, DIDL, NDNP batch) in any layout format."""

    name = "alto"
    description = "ALTO 1.x–4.x pages, METS/ALTO and DIDL issues, NDNP batch folders (lines with their boxes)"
    _looks = staticmethod(is_alto)

    @staticmethod
    def _page(data: bytes, source: str | None) -> PageEvidence:
        from ..readers.alto import read_alto

        return read_alto(data, source=source)

    def takes(self, paths: Sequence[Path]) -> bool:
        return takes(paths)

    def read_files(self, paths: Sequence[Path]) -> IssueEvidence:
        from ..archive import read_archive

        return read_archive(paths)


class HocrReader(_XmlPageReader):
    """hOCR pages (Tesseract, Kraken)."""

    name = "hocr"
    description = "hOCR pages: ocr_line boxes, x_size, x_wconf, paragraphs as blocks"
    _looks = staticmethod(is_hocr)

    @staticmethod
    def _page(data: bytes, source: str | None) -> PageEvidence:
        from ..readers.hocr import read_hocr

        return read_hocr(data, source=source)


class PageXmlReader(_XmlPageReader):
    """PAGE-XML pages (Transkribus, eScriptorium, OCR-D)."""

    name = "page-xml"
    description = "PAGE-XML 2013/2019 pages: TextRegion types, TextLine coordinates, ReadingOrder"
    _looks = staticmethod(is_page_xml)

    @staticmethod
    def _page(data: bytes, source: str | None) -> PageEvidence:
        from ..readers.pagexml import read_page_xml

        return read_page_xml(data, source=source)


class MinerUReader(Reader):
    """MinerU's content_list.json."""

    name = "mineru"
    description = "MinerU content_list.json: blocks in reading order with text_level, bbox, page_idx"

    def recognises(self, text: str) -> bool:
        if not opens_with(text, "["):
            return False
        from ..readers.pagetools import is_mineru

        return is_mineru(text[:4000])

    def read(self, text: str, *, source: str | None) -> IssueEvidence:
        from ..readers.pagetools import read_mineru

        return read_mineru(text, source=source)


class DoclingReader(Reader):
    """docling's DoclingDocument JSON."""

    name = "docling"
    description = "docling DoclingDocument JSON: texts with labels, levels and page boxes"

    def recognises(self, text: str) -> bool:
        if not opens_with(text, "{"):
            return False
        from ..readers.pagetools import is_docling

        return is_docling(text[:4000])

    def read(self, text: str, *, source: str | None) -> IssueEvidence:
        from ..readers.pagetools import read_docling

        return read_docling(text, source=source)


@hookimpl
def newsissue_readers() -> tuple[Reader, ...]:
    """The layout readers."""
    return (AltoReader(), HocrReader(), PageXmlReader(), MinerUReader(), DoclingReader())
