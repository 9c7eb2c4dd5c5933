"""What a language plugin provides: the printing conventions of its newspapers."""

from __future__ import annotations

import abc
import collections
import datetime as _dt
import functools
import re
import string
from typing import ClassVar

import attrs

from ..model import Byline, Dateline, ItemKind, Jump

__all__ = [
    "BylineMatch",
    "CaptionMatch",
    "Conventions",
    "DatelineMatch",
    "JumpMatch",
    "Labels",
    "Masthead",
    "PageHeader",
    "RecordMatch",
    "resolve_date",
    "script_counts",
    "stopword_share",
]


@attrs.frozen(kw_only=True)
class Labels:
    """Words an exporter shows readers, in the paper's language (English by default)."""

    page: str = "Page {number}"
    issue_number: str = "No. {number}"
    contents: str = "Contents"
    previous: str = "Previous"
    next: str = "Next"
    cover: str = "Cover"
    pages: str = "Pages"
    advertisement: str = "Advertisement"
    notice: str = "Notice"
    other: str = "Other"
    navigation: str = "Article navigation"
    front_page: str = "Front page"
    continued: str = "continued"
    #: Where a picture was printed that the reader shows without an image or caption.
    picture: str = "Picture"

    def page_label(self, number: int, label: str | None = None) -> str:
        """A print page as the paper names it: ``Page 1``, ``01版``; ``Page A6`` for a lettered one."""
        if label:
            return re.sub(r"\{number(?::[^}]*)?\}", lambda _: label, self.page)
        return self.page.format(number=number)

    def issue_label(self, number: int) -> str:
        """An issue number as the paper prints it: ``No. 23501``, ``第23501期``."""
        return self.issue_number.format(number=number)


@attrs.frozen(kw_only=True)
class BylineMatch:
    """A byline found at the start of a text: the people, the printed form, and what follows."""

    bylines: tuple[Byline, ...]
    text: str
    rest: str = ""
    paper: str | None = None
    #: A credit that may stand at the end of an item, after its body (``(新华社)``).
    closing: bool = False


@attrs.frozen(kw_only=True)
class DatelineMatch:
    """A dateline found at the start of a text.

    ``keep`` says the printed dateline is part of the prose (a lead opening with a
    date) and stays in the body; otherwise it is moved out and ``rest`` follows it.
    """

    dateline: Dateline
    rest: str
    keep: bool = False
    bylines: tuple[Byline, ...] = ()
    #: The byline printed with the dateline, as printed: ``（记者 葛青）`` after ``本报讯``.
    byline_text: str | None = None


@attrs.frozen(kw_only=True)
class JumpMatch:
    """A jump line at the end of a text (or the whole text): where the item goes or comes from."""

    jump: Jump
    outgoing: bool
    rest: str = ""
    #: The page as the jump names it where a section letter comes with its number (``B2``): the
    #: parser gives the jump the number of the page printed so.
    label: str | None = None


@attrs.frozen(kw_only=True)
class CaptionMatch:
    """A photo caption line split into caption and credit."""

    caption: str | None
    credit: str | None


@attrs.frozen(kw_only=True)
class RecordMatch:
    """A database record header (人民日报 ``第1版()专栏:``) and the record's text on the same line, in pieces."""

    header: str
    pieces: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class Masthead:
    """Issue metadata read off a front-page masthead; ``None`` where the masthead is silent."""

    date: _dt.date | None = None
    weekday: int | None = None
    number: int | None = None
    lunar_date: str | None = None
    page_count: int | None = None
    publisher: str | None = None
    serial_number: str | None = None
    issn: str | None = None
    country: str | None = None
    title: str | None = None


@attrs.frozen(kw_only=True)
class PageHeader:
    """An inner page's header line: its number (``label`` too where a section letter comes with it:
    ``A6``), section, date and the page's editors."""

    number: int
    label: str | None = None
    section: str | None = None
    date: _dt.date | None = None
    editors: tuple[Byline, ...] = ()


class Conventions(abc.ABC):
    """A language's newspaper conventions, as the parser asks for them.

    Subclass it in a plugin and return an instance from the
    ``newsissue_languages`` hook. Every method works on one line or paragraph of
    text, already stripped of markup.
    """

    #: BCP 47 primary language tag, e.g. ``"zh"``.
    code: ClassVar[str]
    #: English name shown by ``newsissue plugins``.
    name: ClassVar[str]
    #: Words exporters show readers.
    labels: ClassVar[Labels] = Labels()
    #: Whether a dateline lead inside a body starts a new article whose title was missed
    #: (Chinese papers) or is a second dispatch within the same article (English papers).
    dateline_starts_article: ClassVar[bool] = True
    #: Words that make a block of short lines with no body a notice, or an advertisement.
    notice_words: ClassVar[re.Pattern[str] | None] = None
    advertisement_words: ClassVar[re.Pattern[str] | None] = None
    #: A regular expression every page header line (``match_page_header``) opens with, past its spaces
    #: and heading marks: the parser asks ``match_page_header`` only of the lines that match it when it
    #: looks for pages inside a text. Empty: every line may be one.
    page_header_start: ClassVar[str] = ""
    #: Whether a title is set on several lines that continue one another (column papers);
    #: where it is not, each title line is a deck of its own.
    title_wraps: ClassVar[bool] = True
    #: How many title lines at most stand above an article's body (kicker, headline, decks).
    max_stack: ClassVar[int] = 3
    #: Words of the standing section headings (``Ausland.``, ``FAITS DIVERS``), matched on the whole line.
    section_words: ClassVar[re.Pattern[str] | None] = None
    #: Characters that close a sentence after its final punctuation (quotes, brackets).
    closers: ClassVar[str] = "\"'”’)]"

    @abc.abstractmethod
    def score(self, text: str) -> float:
        """How well ``text`` fits this language, from 0 to 1."""

    @abc.abstractmethod
    def ends_sentence(self, text: str) -> bool:
        """Whether ``text`` ends a sentence, so that a paragraph may end after it."""

    @abc.abstractmethod
    def join(self, left: str, right: str) -> str:
        """Join two pieces of one paragraph broken by layout (line end, column, picture)."""

    @abc.abstractmethod
    def is_title_like(self, text: str) -> bool:
        """Whether ``text`` could be a headline, kicker or crosshead line."""

    def strip_subheadline(self, text: str) -> str:
        """A subheadline without its typographic lead (a dash)."""
        return text.lstrip("—–-－ ").strip() or text

    @abc.abstractmethod
    def match_byline(self, text: str, *, whole: bool) -> BylineMatch | None:
        """A byline at the start of ``text`` (the whole of it when ``whole``)."""

    @abc.abstractmethod
    def match_dateline(self, text: str, issue_date: _dt.date | None) -> DatelineMatch | None:
        """A dateline at the start of ``text``, its date resolved against ``issue_date``."""

    def has_dateline(self, text: str) -> bool:
        """Whether ``text`` opens with a dateline that needs no issue date to be found.

        The same answer as ``match_dateline(text, None) is not None``; a language may answer it
        more cheaply (the segmenter asks it of many lines and needs no match).
        """
        return self.match_dateline(text, None) is not None

    @abc.abstractmethod
    def match_jump(self, text: str) -> JumpMatch | None:
        """A jump line at the end of ``text``."""

    @abc.abstractmethod
    def match_caption(self, text: str) -> CaptionMatch | None:
        """``text`` as a photo caption with its credit, if it is one."""

    @abc.abstractmethod
    def is_masthead_line(self, text: str) -> bool:
        """Whether ``text`` belongs to a front-page masthead (date, issue number …)."""

    @abc.abstractmethod
    def read_masthead(self, lines: tuple[str, ...]) -> Masthead:
        """Issue metadata from the masthead lines."""

    def match_page_header(self, text: str) -> PageHeader | None:
        """An inner page's header line (page number, section), if ``text`` is one."""
        return None

    def classify(self, lines: tuple[str, ...]) -> ItemKind:
        """The kind of a block of short lines that has no body: a notice or an advertisement by its words."""
        text = " ".join(lines)
        if self.notice_words is not None and self.notice_words.search(text):
            return ItemKind.NOTICE
        if self.advertisement_words is not None and self.advertisement_words.search(text):
            return ItemKind.ADVERTISEMENT
        return ItemKind.OTHER

    def title_look(self, text: str) -> float:
        """How much ``text`` looks like a title by its print alone (capitals, Title Case), from -1 to 1."""
        return 0.0

    def title_rank(self, text: str) -> int:
        """An unmarked title line's rank, as a heading level would give it (7: no rank)."""
        return 7

    def match_record(self, text: str) -> RecordMatch | None:
        """A database record header opening ``text``, with the record's text that follows on the line."""
        return None

    def is_record_label(self, text: str) -> bool:
        """Whether ``text`` is a database's label for the record below it (an index entry ``1. …``)."""
        return False

    def is_section_heading(self, text: str) -> bool:
        """Whether ``text`` is one of the paper's standing section headings (by ``section_words``)."""
        return self.section_words is not None and self.section_words.fullmatch(text.strip(" .:")) is not None

    def section_heads(self, lines: tuple[str, ...]) -> int:
        """How many leading lines of a title run are section headings (``Ausland.``) above the headline."""
        count = 0
        while count < len(lines) - 1 and self.is_section_heading(lines[count]):
            count += 1
        return count

    def is_promotion(self, lines: tuple[str, ...]) -> bool:
        """Whether a title run with text under it promotes other content (a feature list), not an article."""
        return False

    def is_picture_text(self, text: str) -> bool:
        """Whether an item's only paragraph describes a picture (a photo with its caption, no article)."""
        return False

    def match_debris(self, text: str) -> bool:
        """Whether ``text`` is layout debris: a rule, a stray mark, a bare folio, OCR specks at a column edge."""
        return len(text) <= 12 and _DEBRIS.match(text) is not None

    def is_prose(self, text: str) -> bool:
        """A cheap test that ``text`` can only be body prose (no byline, dateline, jump, caption or title).

        The parser skips the other tests when it says so; the default never does.
        """
        return False

    def starts_title(self, text: str) -> bool:
        """Whether ``text`` opens a title stack by its look alone (e.g. a dash-led subheadline)."""
        return False

    def headline_index(self, lines: tuple[str, ...]) -> int:
        """Which of two or three unmarked title lines is the headline (kicker above, subheadline below).

        The default reads two lines as kicker + headline, or headline + subheadline when
        the second opens with a dash, and three as kicker, headline, subheadline.
        """
        if len(lines) == 2:
            return 0 if self.starts_title(lines[1]) else 1
        return 1


# Layout debris: no letter or digit (rules, stray marks), a bare folio (- 2 -), or one or two
# Latin letters or digits with marks, up to three such (OCR specks at a column's edge: ``a``, ``3?``, ``2 7``).
_DEBRIS = re.compile(r"^(?:[\W_]+|[-–—\s]*\d{1,3}[-–—\s]*|(?:[\W_]*\b[A-Za-z0-9]{1,2}\b[\W_]*){1,3})$")

# Han ideographs (U+3400–U+4DBF, U+4E00–U+9FFF, U+F900–U+FAFF) by the high byte of their UTF-16 code unit;
# the block U+4D00–U+4DFF also holds non-Han symbols, so a text with it is counted by the regex.
_HAN_HIGH_BYTES = bytes(range(0x34, 0x4D)) + bytes(range(0x4E, 0xA0)) + b"\xf9\xfa"
_NOT_HAN_HIGH_BYTES = bytes(value for value in range(256) if value not in _HAN_HIGH_BYTES)
_NOT_LETTER_BYTES = bytes(range(256)).translate(None, string.ascii_letters.encode())
_NOT_HAN = re.compile(r"[^\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


@functools.lru_cache(maxsize=8)
def script_counts(text: str) -> tuple[int, int]:
    """How many Han ideographs and how many Latin letters (A–Z, a–z) ``text`` holds; for ``score``.

    Every language scores the same sample, so its scripts are counted once.
    """
    ascii_part = text.encode("ascii", "ignore")
    latin = len(ascii_part.translate(None, _NOT_LETTER_BYTES))
    if len(ascii_part) == len(text):
        return 0, latin
    high = text.encode("utf-16-le", "surrogatepass")[1::2]
    if b"\x4d" in high:
        return len(_NOT_HAN.sub("", text)), latin
    return len(high.translate(None, _NOT_HAN_HIGH_BYTES)), latin


_WORDS = re.compile(r"[^\W\d_]+")


@functools.lru_cache(maxsize=8)
def _word_counts(text: str) -> tuple[collections.Counter[str], int]:
    words = _WORDS.findall(text.lower().replace("ſ", "s"))
    return collections.Counter(words), len(words)


def stopword_share(text: str, stopwords: frozenset[str]) -> float:
    """The share of ``text``'s words that are in ``stopwords`` (lower-cased; ``ſ`` read as ``s``); for ``score``.

    Every language scores the same sample, so its words are counted once.
    """
    counts, total = _word_counts(text)
    if not total:
        return 0.0
    return sum(counts[word] for word in stopwords if word in counts) / total


def resolve_date(issue_date: _dt.date | None, month: int | None, day: int) -> _dt.date | None:
    """The latest date on or before the issue date with this month (or the latest such month) and day.

    Datelines print a day (and often a month) but no year: ``12月6日``, ``June 10``.
    """
    if issue_date is None:
        return None
    year, mon = issue_date.year, month or issue_date.month
    for _ in range(13):
        try:
            candidate = _dt.date(year, mon, day)
        except ValueError:
            candidate = None
        if candidate is not None and candidate <= issue_date:
            return candidate
        if month is None:
            year, mon = (year, mon - 1) if mon > 1 else (year - 1, 12)
        else:
            year -= 1
    return None
