"""English newspaper conventions (American and British).

Bylines ``By MARIA ALVAREZ and TOM BRENNAN`` (with a role line such as ``Staff
Writers`` under it), ``Priya Natarajan, Staff Writer``, agency credits ``(By the
Associated Press)``; datelines ``WASHINGTON —``, ``BOSTON (AP) —``, ``LONDON,
June 10 (Reuters) -``, ``CHICAGO, Sept. 16.—``; jump lines ``Continued on Page A6``,
``Continued from Page 1`` (OCR-damaged spellings too), ``See TAX, Page 4`` with its
``TAX, From Page 1``; captions ending in a photo credit; mastheads with the
nameplate, date, volume and number, page count and ISSN; inner-page headers
``PAGE 2 · LOCAL · Tuesday, March 18, 2025``. Words hyphenated at line ends are joined.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import difflib
import functools
import re
import string

import pluggy

from ..model import Byline, Dateline, Jump, Role
from .base import (
    BylineMatch,
    CaptionMatch,
    Conventions,
    DatelineMatch,
    JumpMatch,
    Labels,
    Masthead,
    PageHeader,
    resolve_date,
)
from .latin import LatinScript, capitals
from .patterns import lazy

hookimpl = pluggy.HookimplMarker("newsissue")

__all__ = ["English"]

_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH = (
    r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?"
    r"|Sep(?:t(?:ember|\.)?|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_SENTENCE_END = ".!?…"
_CLOSERS = "\"'”’)]"
_CONTINUES = ",;:-–—&/("
_LATIN = lazy(r"[A-Za-z]")

# People: capitalised words (O'NEILL, McDonald, Jean-Luc), two to four of them, no function words.
_WORD = r"(?!(?:And|The|Of|In|On|For|To|At|With|From)\b)[A-Z][A-Za-z.'’-]*"
_NAME = rf"{_WORD}(?:\s+{_WORD}){{1,3}}"
_NAMES = rf"{_NAME}(?:\s*,\s*{_NAME})*(?:\s*,?\s+and\s+{_NAME})?"
_ROLE_WORDS = (
    r"(?:Senior\s+|Chief\s+|Special\s+|Contributing\s+|Associated\s+Press\s+|Staff\s+|Sports\s+|City\s+|Political\s+"
    r"|Foreign\s+|Business\s+|Science\s+|Education\s+|Arts\s+)*"
    r"(?:Writers?|Reporters?|Correspondents?|Photographers?|Editors?|Columnists?|Critic|Contributor)"
)
_BY_ROLE = lazy(rf"^By\s+(?P<names>{_NAMES})\s*,\s*(?P<role>{_ROLE_WORDS})$")
_BY = lazy(rf"^By\s+(?P<names>{_NAMES})(?P<role>)$")
_NAME_ROLE = lazy(rf"^(?P<names>{_NAMES})\s*,\s*(?P<role>{_ROLE_WORDS})$")
_ROLE_LINE = lazy(rf"^(?:The\s+)?{_ROLE_WORDS}$")
# An agency credit: in parentheses, or with "the": ``(By the Associated Press)``, ``By the Reuters staff``.
_AGENCY_CREDIT = lazy(
    rf"^\(\s*By\s+(?:the\s+)?(?P<a>{_WORD}(?:\s+{_WORD}){{0,3}})\s*\)$|^By\s+the\s+(?P<b>{_WORD}(?:\s+{_WORD}){{0,3}})$"
)
# Wire and special credits of 1850–1930, on lines of their own: ``By Associated Press.``, ``(By the
# Associated Press.)``, ``By Leased Wire to The Tribune.``, ``[BY CABLE TO THE TRIBUNE.]``, ``Special to The Tribune.``
_WIRE_CREDIT = lazy(
    r"^[\[(]?\s*(?:By\s+(?:the\s+)?(?:(?P<agency>Associated\s+Press|United\s+Press|Press\s+Association|Reuters?)"
    r"|(?:Leased\s+Wire|Cable|Telegraph|Wireless)(?:\s+to\s+[^\])]{2,40}?)?)|Special\s+(?:Dispatch\s+)?to\s+[^\])]{2,40}?)"
    r"\s*\.?\s*[\])]?\s*\.?$",
    re.IGNORECASE,
)
_SPLIT_NAMES = lazy(r"\s*,\s*and\s+|\s*,\s*|\s+and\s+")

_DATELINE = lazy(
    r"^(?P<place>[A-Z][A-Z.'’-]+(?:\s[A-Z][A-Z.'’-]+){0,3})"
    r"(?:,\s(?P<region>[A-Z][a-z]+\.?(?:\s[A-Z][a-z]+\.?)?))?"
    rf"(?:,\s(?P<month>{_MONTH})\s(?P<day>\d{{1,2}}))?"
    r"\.?\s*(?:\((?P<agency>[A-Z][A-Za-z.&' -]{0,30})\))?\s*\.?\s*(?:—|–|--|-)\s*"
)

# Datelines of 1850–1930: ``LONDON. August 26.—``, ``NEW BRUNSWICK, N. J., August 26.``, ``PITTSBURGH, August 26.``;
# OCR often reads the dash as ``?`` and damages the month (``An crust 26``).
_OLD_DATELINE = lazy(
    r"^(?P<place>[A-Z][A-Z.'’-]+(?:\s[A-Z][A-Z.'’-]+){0,3})"
    r"(?:,\s*(?P<region>[A-Z][A-Za-z]{0,5}\.?(?:\s?[A-Z][a-z]{0,4}\.?)?))?"
    r"[.,]\s*(?P<month>[A-Z][a-z]{1,9}\.?(?:\s[a-z]{2,6})?)\s(?P<day>\d{1,2})"
    r"(?:,\s*\d{1,2}(?::\d{2})?\s*[ap]\.\s?m\.)?\s*(?:\((?P<agency>[A-Z][A-Za-z.&' -]{0,30})\))?[.,]?"
    r"\s*(?:—|–|--|-|\?)?\s*"
)
_MONTH_NAME = lazy(rf"^{_MONTH}$")

_CONTINUED = r"C[o0]n[\s-]*t[i1l!|][nmr][nmu]?[e3co]d|Cont(?:'d|\.|d\.?)"
_PAGE = r"(?:Page|Pg\.?|P\.)?\s*(?P<section>[A-Z])?(?P<page>\d{1,4})"
_JUMP_OUT = lazy(rf"(?P<text>\(?\s*(?:Please\s+)?(?:{_CONTINUED})\s+(?:on|to)\s+{_PAGE}\s*\)?\.?)$", re.IGNORECASE)
# ``Continued on Second Page``, OCR-damaged: ``(Continued on 8*cond Fa?e.)``, ``Continued on Pago Three.``
_JUMP_WORDS = lazy(
    rf"(?P<text>\(?\s*(?:{_CONTINUED})\s+(?P<dir>on|to|from)\s+(?:(?:P|F)a\S{{1,3}}\s+(?P<after>[\w*?$]{{3,12}})"
    rf"|(?P<before>[\w*?$]{{3,12}})\s+(?:P|F)a\S{{1,3}})\s*\)?\.?\s*\)?)$",
    re.IGNORECASE,
)
_PAGE_WORDS = [
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
]
_NUMBER_WORDS = [
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
]
_JUMP_IN = lazy(rf"^(?P<text>\(?\s*(?:{_CONTINUED})\s+from\s+{_PAGE}\s*\)?\.?)$", re.IGNORECASE)
_SEE = lazy(
    r"(?P<text>\(?\s*(?:Please\s+)?[Ss]ee\s+(?P<marker>[A-Z][A-Z'’&-]+(?:\s[A-Z][A-Z'’&-]+)?)\s*,\s*(?:on\s+)?"
    r"(?:Page|PAGE|Pg\.?)\s*(?P<section>[A-Z])?(?P<page>\d{1,4})\s*\)?\.?)$"
)
_FROM = lazy(
    r"^(?P<text>(?P<marker>[A-Z][A-Z'’&-]+(?:\s[A-Z][A-Z'’&-]+)?)\s*,?\s*(?:from|From|FROM)\s+(?:Page|PAGE|Pg\.?)\s*"
    r"(?P<section>[A-Z])?(?P<page>\d{1,4})\.?)$"
)

_CREDIT = lazy(
    r"(?:\((?:(?:AP|Staff|File|Courtesy)\s+)?[Pp]hoto(?:graph)?s?\s+(?:by|courtesy\s+of)\s+[^()]{2,60}\)"
    r"|(?:(?:AP|Reuters|AFP|Getty\s+Images|Staff|File)\s+)?[Pp]hoto(?:graph)?s?(?:\s+by\s+|\s*/\s*)[^()]{2,60}"
    r"|[A-Z][A-Z.'’-]+(?:\s[A-Z][A-Z.'’-]+){1,3}\s*/\s*(?:[A-Z][A-Z&'’-]+)(?:\s[A-Z][A-Z&'’-]+){0,3})$"
)

_NAMEPLATE = lazy(
    r"^(?:THE\s+)?(?:[A-Z][A-Z.'’&-]*\s+){0,4}(?:HERALD|GAZETTE|TIMES|POST|TRIBUNE|CHRONICLE|COURIER|JOURNAL|NEWS"
    r"|STAR|TELEGRAPH|GUARDIAN|OBSERVER|MAIL|EXPRESS|RECORD|REGISTER|SENTINEL|EXAMINER|INQUIRER|DISPATCH|REVIEW"
    r"|BULLETIN|STANDARD|GLOBE|ADVERTISER|DEMOCRAT|REPUBLICAN|LEADER|PRESS|MERCURY|INDEPENDENT|ECHO|ARGUS)(?=\s|$)"
)
_FULL_DATE = lazy(
    rf"(?:(?P<wd>Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?(?:(?P<m1>{_MONTH})\s+(?P<d1>\d{{1,2}}),?\s+(?P<y1>\d{{4}})"
    rf"|(?P<d2>\d{{1,2}})\s+(?P<m2>{_MONTH})\s+(?P<y2>\d{{4}}))",
    re.IGNORECASE,
)
_MASTHEAD_FEATURES = lazy(
    r"\bVol(?:\.|ume)\s*[IVXLC\d]+|\bNo\.\s*\d+|\b\d+\s+Pages\b|\bISSN\s*\d{4}-\d{3}[\dX]|\bEdition\b|\bEst\.\s*\d{4}"
    r"|^(?:PRICE\s+)?(?:ONE|TWO|THREE|FIVE|\d{1,2})\s+CENTS?\.?$",  # the price by the nameplate: ONE CENT.
    re.IGNORECASE,
)
_MASTHEAD_HINT = lazy(r"vol|no\.|pages|issn|edition|est\.|cent", re.IGNORECASE)
_YEAR = lazy(r"\d{4}")
_NUMBER = lazy(r"\bNo\.\s*(?P<n>\d{1,3}(?:,\d{3})+|\d+)", re.IGNORECASE)
_PAGES = lazy(r"\b(?P<n>\d+)\s+Pages\b", re.IGNORECASE)
_ISSN = lazy(r"\bISSN\s*(?P<a>\d{4})-(?P<b>\d{3}[\dXx])")
_PAGE_HEADER = lazy(
    r"^(?:PAGE|Page)\s+(?P<n1>\d{1,4})\b|^(?P<section>[A-Z])(?P<n2>\d{1,4})\b|^(?P<n3>\d{1,3})\s+(?=[A-Z][A-Z&' -]+\b)"
)
_JUMP_HINT = lazy(r"age|AGE|Pg|P\.|from|\d\s*\)?\.?$")
_SEPARATORS = lazy(r"\s*[|·•]\s*")
_AD_WORDS = lazy(
    r"\$\s?\d|£\s?\d|\d+\s?%\s+off|\bSALE\b|\bCall\b|\d{3}-\d{4}|www\.|https?://|\bOpen\s+daily\b|\bdiscount\b"
    r"|\bAdvertisement\b|\bADVERTISEMENT\b",
    re.IGNORECASE,
)
_NOTICE_WORDS = lazy(r"\bNOTICE\b|\bNotice\b|\bObituar|\bIn Memoriam\b|\bPublic Hearing\b|\bLegal\b")


_STOPWORDS = frozenset(
    "the of and to a in is that for it on was with as by at from be this have are were his her which or"
    " an not but has had they their there been will would said who".split()
)
# A feature's title quoted in capitals, perhaps under a word: ``TOMORROW "SHALL WE BUILD OR PAY RENT?"``.
_QUOTED_CAPS = lazy(r"^(?:[A-Z]+\s)?[\"“][A-Z]")
_LOOK_WORDS = lazy(r"[A-Za-z][A-Za-z'’-]*")
_SMALL_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "be",
        "but",
        "by",
        "for",
        "from",
        "in",
        "into",
        "is",
        "it",
        "its",
        "of",
        "on",
        "or",
        "the",
        "to",
        "up",
        "with",
        "vs",
        "via",
        "over",
        "than",
        "that",
    ]
)


# A line's look is asked for by the title test and again by the decoder: the last lines are kept.
@functools.lru_cache(maxsize=64)
def _title_look(text: str) -> float:
    """Capitals 1, Title Case 0.6, mostly lower case -0.6, starting in lower case -1 (0 when unclear)."""
    share = capitals(text)
    if share is None:
        return 0.0
    if share >= 0.85:
        return 1.0
    if text[0].islower():
        return -1.0
    words = [word for word in _LOOK_WORDS.findall(text) if word.lower() not in _SMALL_WORDS]
    if not words:
        return 0.0
    capitalised = sum(word[0].isupper() for word in words) / len(words)
    if capitalised >= 0.8 and len(words) >= 2:
        return 0.6
    return -0.6 if capitalised <= 0.5 else 0.0


@functools.lru_cache(maxsize=512)
def _page_word(word: str) -> int | None:
    """A page named in words, read through OCR damage: ``Second``, ``8*cond``, ``Three``."""
    word = word.lower()
    if word.isdigit():
        return int(word) or None
    for names in (_PAGE_WORDS, _NUMBER_WORDS):
        found = difflib.get_close_matches(word, names, n=1, cutoff=0.6)
        if found:
            return names.index(found[0]) + 1
    return None


def _is_nameplate(text: str) -> bool:
    """A whole line that names a paper: ``THE HARBOUR GAZETTE``, ``DAILY NEWS`` (two words at least)."""
    match = _NAMEPLATE.match(text)
    return match is not None and match.end() == len(text) and " " in text


def _role(label: str | None) -> Role:
    """What a byline's person did for the item, from the words after the name.

    A job title is not a role: "By LUIS ORTEGA, Sports Editor" wrote the story (a reporter); only
    a correspondent, a photographer, and a columnist, critic or contributor (an author) differ.
    """
    label = (label or "").lower()
    if "correspondent" in label:
        return Role.CORRESPONDENT
    if "photographer" in label:
        return Role.PHOTOGRAPHER
    if "columnist" in label or "critic" in label or "contributor" in label:
        return Role.AUTHOR
    return Role.REPORTER


def _people(names: str, label: str | None) -> tuple[Byline, ...]:
    role = _role(label)
    return tuple(Byline(name=name, role=role) for name in _SPLIT_NAMES.split(names.strip()) if name)


def _month(name: str) -> int:
    return _MONTHS[name[:3].lower()]


def _page(match: re.Match[str]) -> int:
    return max(1, int(match["page"]))


def _label(match: re.Match[str]) -> str | None:
    """``B2`` where the jump names a page with its section letter."""
    section = match.groupdict().get("section")
    return f"{section.upper()}{_page(match)}" if section else None


class English(LatinScript):
    """Conventions of English-language newspapers."""

    code = "en"
    name = "English"
    labels = Labels(continued="continued")
    dateline_starts_article = False
    max_stack = 8
    page_header_start = r"[A-Z\d]"  # _PAGE_HEADER: PAGE 2, Page 2, A2, 2 LOCAL
    closers = _CLOSERS
    stopwords = _STOPWORDS
    tie_break = 0.01  # English wins when the function words decide nothing
    notice_words = _NOTICE_WORDS
    advertisement_words = _AD_WORDS

    def ends_sentence(self, text: str) -> bool:
        if text.endswith(" ?"):
            return False  # OCR reads a dash as "?": ``Claim They Are Not Getting ?``
        stripped = text.rstrip().rstrip(_CLOSERS).rstrip()  # as LatinScript's, without the call: a hot path
        return bool(stripped) and stripped[-1] in _SENTENCE_END

    def join(self, left: str, right: str) -> str:
        # A word hyphenated at the line end: ``mil-`` + ``lion``; a compound keeps its capital (``Anglo-`` + ``Saxon``).
        if len(left) > 1 and left[-1] == "-" and left[-2].isalpha() and right[:1].islower():
            return left[:-1] + right
        return f"{left} {right}"

    def is_title_like(self, text: str) -> bool:
        if not 1 <= len(text) <= 110 or _LATIN.search(text) is None:
            return False
        if self.ends_sentence(text) and not text.rstrip(_CLOSERS).endswith(("?", "!")):
            # Headlines of 1850–1930 end with a period: ``RIOTOUS STUDENTS.``, ``Venice Faces Economic Crisis.``
            return len(text.split()) <= 12 and self.title_look(text) >= 0.5
        if text[-1] in _CONTINUES:
            # A deck hyphenated at its line end (``Teutons Able to Make No Advance at Fleury and Thiau-``), or
            # a headline in capitals going on to its next line (``IN RAILROAD ISSUE;``).
            look = self.title_look(text)
            return len(text.split()) <= 12 and (
                (text[-1] == "-" and look >= 0.5) or (text[-1] in ",;:" and look >= 1.0)
            )
        return len(text.split()) <= 16

    def is_promotion(self, lines: tuple[str, ...]) -> bool:
        # A feature in next Sunday's paper: ``"SHALL WE BUILD OR PAY RENT?"—An able discussion…``
        return any(line.isupper() and _QUOTED_CAPS.search(line) is not None for line in lines)

    def title_look(self, text: str) -> float:
        return _title_look(text)

    def title_rank(self, text: str) -> int:
        look = self.title_look(text)
        return 2 if look >= 1.0 else 3 if look > 0 else 7

    def is_prose(self, text: str) -> bool:
        # Too long for a title (110) or a byline (100), or a column line going on in lower case (no title,
        # dateline or byline opens so); and no jump or credit words at the end.
        if not (len(text) > 110 and not text[:2].isupper()) and not text[:1].islower():
            return False
        tail = text[-80:]
        return "hoto" not in tail and "/" not in tail and _JUMP_HINT.search(text, len(text) - 48) is None

    def strip_subheadline(self, text: str) -> str:
        return text.lstrip("—–- ").strip() or text

    def starts_title(self, text: str) -> bool:
        return text.startswith(("—", "–", "-- ")) and len(text) <= 110

    def headline_index(self, lines: tuple[str, ...]) -> int:
        if len(lines) >= 3 and any(line.isupper() for line in lines[1:]) and any(not line.isupper() for line in lines):
            return 0  # decks alternating capitals and Title Case (1850–1930): the first is the headline
        if len(lines) == 2:
            # A short first line over a longer one is a kicker; otherwise headline and deck.
            first, second = lines
            return 1 if len(first.split()) <= 3 and len(second) > len(first) and not first.isupper() else 0
        return 1

    def match_byline(self, text: str, *, whole: bool) -> BylineMatch | None:
        if not whole or len(text) > 100:
            return None
        text = text.strip()
        if (wire := _WIRE_CREDIT.match(text)) is not None:
            agency = wire["agency"]
            people = (Byline(name=string.capwords(re.sub(r"\s+", " ", agency)), role=Role.AUTHOR),) if agency else ()
            return BylineMatch(bylines=people, text=text)
        if text.startswith(("By ", "(By ", "BY ")):
            byline = "By " + text[3:] if text.startswith("BY ") else text
            match = _BY_ROLE.match(byline) or _BY.match(byline)
            if match is not None:
                return BylineMatch(bylines=_people(match["names"], match["role"]), text=text)
            agency = _AGENCY_CREDIT.match(text)
            if agency is not None:
                name = (agency["a"] or agency["b"]).strip()
                return BylineMatch(bylines=(Byline(name=name, role=Role.AUTHOR),), text=text)
            return None
        if text[:1].isupper() and "," in text:
            match = _NAME_ROLE.match(text)
            if match is not None:
                return BylineMatch(bylines=_people(match["names"], match["role"]), text=text)
        if _ROLE_LINE.match(text) is not None:
            return BylineMatch(bylines=(), text=text)
        return None

    def match_dateline(self, text: str, issue_date: _dt.date | None) -> DatelineMatch | None:
        if not text[:2].isupper():
            return None
        match = _DATELINE.match(text)
        if match is None or len(match["place"].replace(".", "")) < 3 or not text[match.end() : match.end() + 1]:
            return self._old_dateline(text, issue_date)
        place = match["place"] + (f", {match['region']}" if match["region"] else "")
        date = None
        if match["day"]:
            date = resolve_date(issue_date, _month(match["month"]), int(match["day"]))
        dateline = Dateline(agency=match["agency"], place=place, date=date, text=match.group(0).strip())
        return DatelineMatch(dateline=dateline, rest=text[match.end() :].strip())

    def _old_dateline(self, text: str, issue_date: _dt.date | None) -> DatelineMatch | None:
        match = _OLD_DATELINE.match(text)
        if match is None or len(match["place"].replace(".", "")) < 3 or match["place"].endswith("."):
            return None
        month = match["month"]
        date = None
        if _MONTH_NAME.match(month.rstrip(".")) or _MONTH_NAME.match(month):
            with contextlib.suppress(KeyError):
                date = resolve_date(issue_date, _month(month), int(match["day"]))
        elif text[match.end(2) : match.end(2) + 1] not in "., " or (" " in month and len(month) > 9):
            return None
        place = match["place"] + (f", {match['region']}" if match["region"] else "")
        printed = match.group(0).strip()
        dateline = Dateline(agency=match["agency"], place=place, date=date, text=printed)
        return DatelineMatch(dateline=dateline, rest=text[match.end() :].strip())

    def match_jump(self, text: str) -> JumpMatch | None:
        words = _JUMP_WORDS.search(text, max(0, len(text) - 60)) if "ontin" in text[-60:] else None
        if words is not None and (words.start() == 0 or text[words.start() - 1] in " ("):
            page = _page_word(words["after"] or words["before"])
            if page is not None:
                jump = Jump(page=page, text=words["text"].strip())
                outgoing = words["dir"].lower() != "from"
                return JumpMatch(jump=jump, outgoing=outgoing, rest=text[: words.start()].rstrip() if outgoing else "")
        tail_start = max(0, len(text) - 48)
        tail = text[tail_start:]
        if _JUMP_HINT.search(tail) is None:
            return None
        whole = text.strip()
        for pattern in (_JUMP_IN, _FROM):  # incoming jumps stand alone on their line
            match = pattern.match(whole)
            if match is not None:
                marker = match.groupdict().get("marker")
                jump = Jump(page=_page(match), marker=marker, text=match["text"].strip())
                return JumpMatch(jump=jump, outgoing=False, rest="", label=_label(match))
        for pattern in (_JUMP_OUT, _SEE):
            match = pattern.search(text, tail_start)
            if match is not None and (match.start() == 0 or text[match.start() - 1] in " (\u00a0"):
                marker = match.groupdict().get("marker")
                jump = Jump(page=_page(match), marker=marker, text=match["text"].strip())
                return JumpMatch(jump=jump, outgoing=True, rest=text[: match.start()].rstrip(), label=_label(match))
        return None

    def match_caption(self, text: str) -> CaptionMatch | None:
        tail = text[-80:]
        if len(text) > 400 or ("hoto" not in tail and "/" not in tail):  # every credit has one of them
            return None
        text = text.strip()
        match = _CREDIT.search(text, max(0, len(text) - 80))
        while match is not None:
            start = match.start()
            before = text[:start].rstrip()
            if not before or before[-1] in _SENTENCE_END + _CLOSERS + "—-–":
                return CaptionMatch(caption=before.rstrip("—-– ") or None, credit=text[start:].strip())
            match = _CREDIT.search(text, start + 1)
        return None

    def is_masthead_line(self, text: str) -> bool:
        if len(text) > 140:
            return False
        if _is_nameplate(text):
            return True
        # A quick test first: most lines have none of the words.
        if _MASTHEAD_HINT.search(text) is not None and _MASTHEAD_FEATURES.search(text) is not None:
            return True
        return (
            len(text) < 80
            and _YEAR.search(text) is not None
            and _FULL_DATE.search(text) is not None
            and (not self.ends_sentence(text) or text.isupper())
        )

    def read_masthead(self, lines: tuple[str, ...]) -> Masthead:
        fields: dict[str, object] = {}
        for line in lines:
            if "title" not in fields and (plate := _NAMEPLATE.match(line)) is not None:
                name = plate.group(0)
                fields["title"] = string.capwords(name) if name.isupper() else name
        text = " · ".join(lines)
        if (match := _FULL_DATE.search(text)) is not None:
            year, month, day = (
                (match["y1"], match["m1"], match["d1"]) if match["y1"] else (match["y2"], match["m2"], match["d2"])
            )
            with contextlib.suppress(ValueError):
                fields["date"] = _dt.date(int(year), _month(month), int(day))
            if match["wd"]:
                fields["weekday"] = next(i for i, name in enumerate(_WEEKDAYS) if name.startswith(match["wd"].lower()))
        if (match := _NUMBER.search(text)) is not None:
            fields["number"] = int(match["n"].replace(",", ""))
        if (match := _PAGES.search(text)) is not None:
            fields["page_count"] = int(match["n"])
        if (match := _ISSN.search(text)) is not None:
            fields["issn"] = f"{match['a']}-{match['b'].upper()}"
        return Masthead(**fields)  # type: ignore[arg-type]

    def match_page_header(self, text: str) -> PageHeader | None:
        if len(text) > 120:
            return None
        match = _PAGE_HEADER.match(text)
        if match is None:
            return None
        number = int(match["n1"] or match["n2"] or match["n3"])
        rest = text[match.end() :]
        date_match = _FULL_DATE.search(rest)
        date = None
        if date_match is not None:
            y, m, d = (
                (date_match["y1"], date_match["m1"], date_match["d1"])
                if date_match["y1"]
                else (date_match["y2"], date_match["m2"], date_match["d2"])
            )
            try:
                date = _dt.date(int(y), _month(m), int(d))
            except ValueError:
                date = None
            rest = rest[: date_match.start()]
        pieces = [piece for piece in _SEPARATORS.split(rest) if piece.strip()]
        section = next(
            (
                piece.strip()
                for piece in pieces
                if not _is_nameplate(piece.strip()) and not any(ch.isdigit() for ch in piece)
            ),
            None,
        )
        if match["n3"] and section is None:
            return None
        if section is not None:
            section = section.strip(" ,·|-")
        label = f"{match['section']}{number}" if match["section"] else None
        return PageHeader(number=number, label=label, section=section or None, date=date) if number >= 1 else None


@hookimpl
def newsissue_languages() -> tuple[Conventions, ...]:
    """English is built in."""
    return (English(),)
