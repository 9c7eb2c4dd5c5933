"""What the IPTC formats (NewsML-G2, ninjs) share: identifiers, time stamps, vocabularies."""

from __future__ import annotations

import datetime as _dt
import os
import re

import attrs

from ..errors import ExportError, quoted
from ..model import Article, Issue, ItemKind, Page, Paragraph, Part, Role, Story
from ..plugins import labels_for
from ..tags import ascii_digits

__all__ = [
    "CPP_ROLES",
    "HEADLINE_ROLES",
    "SCHEMES",
    "IptcOptions",
    "Naming",
    "exported_stories",
    "item_id_at",
    "page_id",
    "parts_by_page",
    "slugline",
]

#: Our own vocabularies, declared in every document that uses them. URNs: no web host is implied.
SCHEMES: dict[str, str] = {
    "nihl": "urn:newsissue:cv:headlinerole:",
    "nijob": "urn:newsissue:cv:jobtitle:",
    "niprop": "urn:newsissue:cv:property:",
    "nigroup": "urn:newsissue:cv:grouprole:",
    "niid": "urn:newsissue:cv:idtype:",
}
#: Headline roles: kicker (引题), main headline (主题), subheadline (副题).
HEADLINE_ROLES = ("kicker", "main", "subhead")
#: The order headlines are written in: the main one first, which readers that take the first
#: ``headline`` (Superdesk's ingest, AFP-style converters) take as the item's headline.
HEADLINE_ORDER = ("main", "kicker", "subhead")
#: Byline roles as IPTC content-production-party roles, and whether the person is a creator.
CPP_ROLES: dict[Role, tuple[str, bool]] = {
    Role.REPORTER: ("author", True),
    Role.PHOTOGRAPHER: ("author", True),
    Role.AUTHOR: ("author", True),
    Role.CORRESPONDENT: ("correspondent", False),
    Role.EDITOR: ("editor", False),
}
CPP_URI = "http://cv.iptc.org/newscodes/contentprodpartyrole/"
#: An agency named in a dateline originated the content.
AGENCY_ROLE = "origcont"

# UTC offsets of the countries whose papers we read, for time stamps of a date-only issue.
_COUNTRY_OFFSETS = {
    "CN": "+08:00",
    "HK": "+08:00",
    "MO": "+08:00",
    "TW": "+08:00",
    "SG": "+08:00",
    "MY": "+08:00",
    "JP": "+09:00",
    "KR": "+09:00",
    "GB": "+00:00",
    "IE": "+00:00",
    "IN": "+05:30",
    "AU": "+10:00",
    "NZ": "+12:00",
    "US": "-05:00",
    "CA": "-05:00",
}
_LANGUAGE_OFFSETS = {"zh": "+08:00", "ja": "+09:00", "ko": "+09:00"}
_OFFSET = re.compile(r"^(?:Z|[+-](?:0\d|1[0-4]):[0-5]\d)$")
_TOKEN = re.compile(r"[^A-Za-z0-9.-]+")


@attrs.frozen(kw_only=True)
class IptcOptions:
    """Options shared by the NewsML-G2 and ninjs exporters.

    ``provider`` is the token in every guid (``urn:newsml:{provider}:{date}:{id}``),
    by default derived from the ISSN or CN serial number; ``timezone`` an offset
    such as ``+08:00`` (default: from the issue's country or language, else UTC).
    """

    provider: str | None = None
    provider_name: str | None = None
    provider_uri: str | None = None
    timezone: str | None = None
    copyright_holder: str | None = None
    copyright_notice: str | None = None
    advertisements: bool = False


@attrs.frozen(kw_only=True)
class Naming:
    """Identifiers and time stamps of one export, fixed by the issue and the options."""

    provider: str
    provider_name: str | None
    provider_uri: str | None
    offset: str
    date: str
    created: str
    copyright_holder: str | None
    copyright_notice: str | None

    @classmethod
    def of(cls, issue: Issue, options: IptcOptions) -> Naming:
        """The naming for ``issue``; raises ExportError for a malformed option."""
        offset = options.timezone or _default_offset(issue)
        if not _OFFSET.match(offset):
            raise ExportError(f"timezone must be an offset such as +08:00 or Z, not {quoted(offset)}")
        provider = options.provider or _default_provider(issue)
        if not provider or _TOKEN.search(provider):
            raise ExportError(f"provider must be letters, digits, dots and hyphens, not {quoted(provider)}")
        day = issue.date or _fallback_date()
        holder = options.copyright_holder or issue.title or issue.publisher
        return cls(
            provider=provider,
            provider_name=options.provider_name or issue.title or issue.publisher,
            provider_uri=options.provider_uri,
            offset=offset,
            date=day.isoformat(),
            created=f"{day.isoformat()}T00:00:00{offset}",
            copyright_holder=holder,
            copyright_notice=options.copyright_notice,
        )

    def guid(self, local: str) -> str:
        """``urn:newsml:{provider}:{yyyymmdd}:{local}``."""
        return f"urn:newsml:{self.provider}:{self.date.replace('-', '')}:{local}"


def _default_offset(issue: Issue) -> str:
    if issue.country in _COUNTRY_OFFSETS:
        return _COUNTRY_OFFSETS[issue.country]
    language = (issue.language or "").split("-")[0].lower()
    return _LANGUAGE_OFFSETS.get(language, "+00:00")


def _default_provider(issue: Issue) -> str:
    """``issn-1234-5678``, else the CN serial as a token, else ``newsissue``; always a valid token."""
    for prefix, value in (("issn-", issue.issn), ("", issue.serial_number)):
        token = _TOKEN.sub("-", ascii_digits(value or "").lower()).strip("-.")
        if token:
            return prefix + token
    return "newsissue"


def _fallback_date() -> _dt.date:
    """SOURCE_DATE_EPOCH's day for an undated issue, else 1970-01-01: never the clock."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "0")
    try:
        return _dt.datetime.fromtimestamp(int(epoch), _dt.UTC).date()
    except (ValueError, OverflowError, OSError):
        raise ExportError(f"SOURCE_DATE_EPOCH must be a number of seconds, not {quoted(epoch)}") from None


def page_id(page: Page) -> str:
    """A page's id within the issue: ``p01``."""
    return f"p{page.number:02d}"


def item_id_at(page: int, index: int) -> str:
    """An item's id within the issue from its page number and place on the page: ``p01-03``."""
    return f"p{page:02d}-{index:02d}"


def exported_stories(issue: Issue, options: IptcOptions) -> list[Story]:
    """The stories to export: articles, and other items only when asked (a story's kind is its first part's)."""
    return [story for story in issue.stories() if story.first.kind is ItemKind.ARTICLE or options.advertisements]


def parts_by_page(stories: list[Story]) -> dict[int, list[tuple[Story, Part]]]:
    """Each page's printed parts of ``stories``, in their places on the page."""
    pages: dict[int, list[tuple[Story, Part]]] = {}
    for story in stories:
        for part in story.parts:
            pages.setdefault(part.page, []).append((story, part))
    for parts in pages.values():
        parts.sort(key=lambda pair: pair[1].index)
    return pages


def page_title(issue: Issue, page: Page) -> str:
    """A page's display title: ``01版`` or ``01版 要闻``; ``Page A6 Sports`` for a lettered page."""
    label = labels_for(issue.language).page_label(page.number, page.label)
    return label + (f" {page.section}" if page.section else "")


def issue_title(issue: Issue) -> str:
    """The issue's display title: ``株洲日报 2023-12-07 第23501期``."""
    parts = [issue.title or "newsissue", issue.date.isoformat() if issue.date else None]
    if issue.number is not None:
        parts.append(labels_for(issue.language).issue_label(issue.number))
    return " ".join(part for part in parts if part)


_SLUG_WORD = re.compile(r"[^\W_]+")
#: The longest slugline, in characters.
SLUGLINE_LENGTH = 24


def slugline(item: Article) -> str | None:
    """A short working name for an item from its headline (or first words): ``FERRY-LINE-NIGHT``, ``青溪港新航线首航``.

    Words of Latin script: the first three of four or more letters (else the first three), in
    capitals, joined by hyphens; text without spaces (Chinese): its first eight characters.
    """
    text = item.headline or next((block.text for block in item.body if isinstance(block, Paragraph)), "")
    words = _SLUG_WORD.findall(text)
    if not words:
        return None
    if any("\u3040" <= character <= "\u9fff" or "\uac00" <= character <= "\ud7af" for character in words[0]):
        return "".join(words)[:8]  # Chinese, Japanese, Korean: no spaces between words
    chosen = [word for word in words if len(word) >= 4][:3] or words[:3]
    return "-".join(chosen).upper()[:SLUGLINE_LENGTH]
