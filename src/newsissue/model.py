"""The newspaper issue model: frozen attrs classes, no I/O, no format knowledge.

An :class:`Issue` holds :class:`Page` objects in print order; a page holds items
(:class:`Article`, whose ``kind`` tells a news article from an advertisement or a
notice) in reading order. Change a model with :func:`attrs.evolve`.
"""

from __future__ import annotations

import datetime as _dt
import enum
import re
from typing import Any

import attrs

from .errors import quoted
from .tags import is_country_code, is_language_tag

__all__ = [
    "Article",
    "Block",
    "Byline",
    "Dateline",
    "Diagnostic",
    "Figure",
    "Heading",
    "Issue",
    "ItemKind",
    "Jump",
    "Page",
    "Paragraph",
    "Part",
    "Region",
    "Role",
    "Severity",
    "Story",
]

# Characters no exporter can carry: C0/C1 controls (tab and newline included:
# model text is single-line), surrogates and the non-characters U+FFFE/U+FFFF.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def _checked_text(value: str, field: attrs.Attribute[Any]) -> str:
    """``value``, refused if it holds a character no exporter can carry.

    A converter, not a validator, so that a text field costs one call where a converter and a
    validator cost two.
    """
    # Printable text holds none of them; isprintable is the cheaper test.
    if value is not None and not str.isprintable(value) and _UNSAFE.search(value):
        raise ValueError(f"{field.name} holds a control character: {quoted(value)}")
    return value


def _optional_text(value: str | None, field: attrs.Attribute[Any]) -> str | None:
    """None for None or empty text; other text checked as :func:`_checked_text` checks it."""
    return _checked_text(value, field) if value else None


def _safe_text(_inst: object, attribute: attrs.Attribute[Any], value: str) -> None:
    """:func:`_checked_text` as a validator."""
    _checked_text(value, attribute)


def _positive(_inst: object, attribute: attrs.Attribute[Any], value: int | None) -> None:
    if value is not None and value < 1:
        raise ValueError(f"{attribute.name} must be 1 or more, not {value}")


def _unit_interval(_inst: object, attribute: attrs.Attribute[Any], value: float | None) -> None:
    if value is not None and not 0.0 <= value <= 1.0:
        raise ValueError(f"{attribute.name} must be between 0 and 1, not {value}")


def _checked_name(value: str, field: attrs.Attribute[Any]) -> str:
    """``value``, refused unless it is non-empty text that :func:`_checked_text` takes."""
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{field.name} must be non-empty text, not {quoted(value)}")
    return _checked_text(value, field)


def _language(_inst: object, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if value is not None and not is_language_tag(value):
        raise ValueError(f"{attribute.name} must be a BCP 47 tag such as zh or en-US, not {quoted(value)}")


def _country(_inst: object, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if value is not None and not is_country_code(value):
        raise ValueError(f"{attribute.name} must be an ISO 3166 code in capitals such as CN, not {quoted(value)}")


def _none_if_empty(value: str | None) -> str | None:
    return value or None


def _text(default: str | None = None) -> Any:
    """A text field; an optional one (default None) holds None or non-empty text."""
    if default is None:
        return attrs.field(default=None, converter=attrs.Converter(_optional_text, takes_field=True))
    return attrs.field(default=default, converter=attrs.Converter(_checked_text, takes_field=True))


class Role(enum.StrEnum):
    """What a person named in a byline did."""

    REPORTER = "reporter"
    CORRESPONDENT = "correspondent"
    PHOTOGRAPHER = "photographer"
    EDITOR = "editor"
    AUTHOR = "author"


class ItemKind(enum.StrEnum):
    """What a page item is."""

    ARTICLE = "article"
    ADVERTISEMENT = "advertisement"
    NOTICE = "notice"
    OTHER = "other"


class Severity(enum.StrEnum):
    """How much a diagnostic matters: a repair or guess (info) or a doubt (warning)."""

    INFO = "info"
    WARNING = "warning"


@attrs.frozen(kw_only=True)
class Byline:
    """A person credited for an item, with the role the byline gives them."""

    name: str = attrs.field(converter=attrs.Converter(_checked_name, takes_field=True))
    role: Role = Role.AUTHOR


@attrs.frozen(kw_only=True)
class Dateline:
    """Where and when a story was filed, as printed (``新华社福州12月6日电``).

    ``date`` is resolved against the issue date; ``text`` keeps the printed form.
    """

    agency: str | None = _text()
    place: str | None = _text()
    date: _dt.date | None = None
    text: str | None = _text()


@attrs.frozen(kw_only=True)
class Jump:
    """A jump line: the item continues on (or comes from) another print page.

    ``item`` is the 1-based place, on that page, of the item at the jump's other
    end, once the parser has linked the two; None while it is unresolved.
    """

    page: int = attrs.field(validator=_positive)
    marker: str | None = _text()
    text: str | None = _text()
    item: int | None = attrs.field(default=None, validator=_positive)


@attrs.frozen(kw_only=True)
class Region:
    """Where some text was printed, as the source records it: a block and its lines, or a box.

    ``block`` and ``lines`` are the source's ids (an ALTO ``TextBlock`` and its ``TextLine`` s,
    a PAGE-XML ``TextRegion``, an hOCR ``ocr_par``); ``box`` is (left, top, right, bottom) in the
    source's units; ``page`` is the print page, when it is not the enclosing page.
    """

    block: str | None = _text()
    lines: tuple[str, ...] = ()
    box: tuple[int, int, int, int] | None = None
    page: int | None = attrs.field(default=None, validator=_positive)


@attrs.frozen(kw_only=True)
class Paragraph:
    """A paragraph of body text; ``regions`` say where it was printed, where the source tells."""

    text: str = _text("")
    regions: tuple[Region, ...] = ()


@attrs.frozen(kw_only=True)
class Heading:
    """A crosshead (小标题) inside a body."""

    text: str = _text("")
    regions: tuple[Region, ...] = ()


@attrs.frozen(kw_only=True)
class Figure:
    """A picture with its caption and credit; ``image`` is the source's reference, if any."""

    caption: str | None = _text()
    credit: str | None = _text()
    image: str | None = _text()
    regions: tuple[Region, ...] = ()


Block = Paragraph | Heading | Figure


@attrs.frozen(kw_only=True)
class Article:
    """An item on a page. ``kind`` tells a news article from an advertisement or notice.

    ``byline_text`` keeps the byline as printed; ``bylines`` are the people in it.
    ``continued_on`` / ``continued_from`` are the item's jump lines. ``confidence`` (0–1) is
    how sure the parser was of the item's reading; it is not content, so equality ignores it.
    ``regions`` say where the item's title stack, byline and dateline were printed (each body
    block has its own), where the source tells.
    """

    kind: ItemKind = ItemKind.ARTICLE
    kicker: str | None = _text()
    headline: str | None = _text()
    subheadline: str | None = _text()
    byline_text: str | None = _text()
    bylines: tuple[Byline, ...] = attrs.field(default=(), converter=tuple)
    dateline: Dateline | None = None
    body: tuple[Block, ...] = attrs.field(default=(), converter=tuple)
    continued_from: Jump | None = None
    continued_on: Jump | None = None
    confidence: float | None = attrs.field(default=None, eq=False, validator=_unit_interval)
    regions: tuple[Region, ...] = ()


def _ascending_pages(_inst: object, _attribute: attrs.Attribute[Any], pages: tuple[Page, ...]) -> None:
    numbers = [page.number for page in pages]
    if numbers != sorted(set(numbers)):
        raise ValueError(f"pages must have distinct numbers in print order, not {numbers}")
    _check_links(pages)


def _check_links(pages: tuple[Page, ...]) -> None:
    """Linked jumps come in pairs: A continues on B exactly when B continues from A, on a later page."""
    places = {(page.number, index): item for page in pages for index, item in enumerate(page.items, 1)}
    for (number, index), item in places.items():
        for jump, back, later in (
            (item.continued_on, "continued_from", True),
            (item.continued_from, "continued_on", False),
        ):
            if jump is None or jump.item is None:
                continue
            other = places.get((jump.page, jump.item))
            reverse = getattr(other, back) if other is not None else None
            if reverse is None or (reverse.page, reverse.item) != (number, index) or (jump.page > number) != later:
                raise ValueError(
                    f"page {number} item {index}: its jump to page {jump.page} item {jump.item} is not linked back"
                )


@attrs.frozen(kw_only=True)
class Page:
    """A print page: its number, section, header lines as printed, editors, and items in reading order.

    ``number`` is the page's place in print order; ``label`` the page as printed where that is not
    its number (``A6``, ``B2`` in a paper of lettered sections). ``editors`` are the people the
    page header credits (责任编辑, 美编, 校对), as editors. ``source`` is the file the page was read
    from; ``source_format`` the input format that file is in, as ``newsissue formats`` names it
    (``alto``, ``page-xml``, ``hocr``, ``mineru``, ``docling``), where a layout reader read it.
    """

    number: int = attrs.field(default=1, validator=_positive)
    label: str | None = _text()
    section: str | None = _text()
    header: tuple[str, ...] = attrs.field(
        default=(), converter=tuple, validator=attrs.validators.deep_iterable(_safe_text)
    )
    editors: tuple[Byline, ...] = attrs.field(default=(), converter=tuple)
    items: tuple[Article, ...] = attrs.field(default=(), converter=tuple)
    source: str | None = _text()
    source_format: str | None = _text()


@attrs.frozen(kw_only=True)
class Diagnostic:
    """Something the parser repaired, guessed or could not place, with where it was."""

    code: str = _text("")
    message: str = _text("")
    severity: Severity = Severity.INFO
    source: str | None = _text()
    line: int | None = None
    page: int | None = None
    text: str | None = _text()


@attrs.frozen(kw_only=True)
class Part:
    """One printed part of a story: its page, its 1-based place on the page, and the item."""

    page: int
    index: int
    item: Article


@attrs.frozen(kw_only=True)
class Story:
    """A logical article: its printed parts in reading order (one, or several joined by jumps)."""

    parts: tuple[Part, ...]

    @property
    def first(self) -> Article:
        """The part that carries the story's headlines, bylines and dateline."""
        return self.parts[0].item

    @property
    def body(self) -> tuple[Block, ...]:
        """The body of every part, in order."""
        return tuple(block for part in self.parts for block in part.item.body)


@attrs.frozen(kw_only=True)
class Issue:
    """One newspaper issue: metadata, pages in print order, and the parser's diagnostics.

    ``language`` is a BCP 47 tag; ``country`` an ISO 3166 code where the issue shows it.
    """

    title: str | None = _text()
    date: _dt.date | None = None
    number: int | None = attrs.field(default=None, validator=_positive)
    lunar_date: str | None = _text()
    page_count: int | None = attrs.field(default=None, validator=_positive)
    publisher: str | None = _text()
    serial_number: str | None = _text()
    issn: str | None = _text()
    language: str | None = attrs.field(default=None, converter=_none_if_empty, validator=_language)
    country: str | None = attrs.field(default=None, converter=_none_if_empty, validator=_country)
    source: str | None = _text()
    pages: tuple[Page, ...] = attrs.field(default=(), converter=tuple, validator=_ascending_pages)
    diagnostics: tuple[Diagnostic, ...] = attrs.field(default=(), converter=tuple)

    def locale(self) -> str | None:
        """The language tag with the country as region where it has none: ``zh`` + ``CN`` → ``zh-CN``."""
        if self.language is None:
            return None
        if self.country is None or "-" in self.language:
            return self.language
        return f"{self.language}-{self.country}"

    def stories(self) -> tuple[Story, ...]:
        """Every item with its continuations: one story per item that does not continue a linked one."""
        places = {(page.number, index): item for page in self.pages for index, item in enumerate(page.items, 1)}
        stories = []
        for page in self.pages:
            for index, item in enumerate(page.items, 1):
                if item.continued_from is not None and item.continued_from.item is not None:
                    continue
                parts = [Part(page=page.number, index=index, item=item)]
                while (jump := parts[-1].item.continued_on) is not None and jump.item is not None:
                    parts.append(Part(page=jump.page, index=jump.item, item=places[(jump.page, jump.item)]))
                stories.append(Story(parts=tuple(parts)))
        return tuple(stories)

    def articles(self) -> tuple[Article, ...]:
        """Every item of kind ``article``, page by page in reading order."""
        return tuple(item for page in self.pages for item in page.items if item.kind is ItemKind.ARTICLE)
