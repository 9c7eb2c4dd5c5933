"""German newspaper conventions (Fraktur OCR of the 19th and early 20th century included).

Headlines of one line, often ending in a period (``Bismarck's Pläne.``), under section
headings (``Ausland.``, ``Vermischtes.``); bylines ``Von unserem Korrespondenten``,
``(Eigener Bericht)``, ``Von A. v. R.``; datelines ``Berlin, 5. Jan.``,
``München, 28. März.`` (a correspondent's sign may stand before them: ``XX München, 28. März.``);
jump lines ``Fortsetzung Seite 16``, ``Fortsetzung von Seite 1``, ``(Schluß von Seite 2)``;
mastheads with ``Jahrgang``, ``Nr.`` and a date ``Donnerstag, den 3. Januar 1878``. Fraktur
OCR keeps ``ſ`` as printed; a word hyphenated at the line end (``-``, ``=``, ``⸗``) is joined.
"""

from __future__ import annotations

import datetime as _dt

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
from .latin import LatinScript, capitals, dated_masthead, is_masthead_line
from .patterns import lazy, word

hookimpl = pluggy.HookimplMarker("newsissue")

__all__ = ["German"]

_STOPWORDS = frozenset(
    "der die das und nicht ist den dem des ein eine einer eines einem zu von mit sich auf für im auch als"
    " aus bei nach wird wurde werden sind war hat haben dass daß wie oder aber nur noch schon wir ihr sie"
    " er es ich über unter durch gegen vom zum zur".split()
)
_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mär": 3,
    "mar": 3,
    "apr": 4,
    "mai": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "okt": 10,
    "oct": 10,
    "nov": 11,
    "dez": 12,
    "dec": 12,
}
_MONTH = (
    r"(?:Jan(?:uar)?|Febr?(?:uar)?|März|Mär|Apr(?:il)?|Mai|Juni?|Juli?|Aug(?:ust)?|Sept?(?:ember)?"
    r"|Okt(?:ober)?|Oct(?:ober)?|Nov(?:ember)?|Dez(?:ember)?|Dec(?:ember)?)"
)
_CLOSERS = "\"'”’“«»)]"
_CONTINUES = ",;:-–=⸗("
_HYPHENS = "-=⸗¬"
_UPPER = "A-ZÄÖÜ"
_LOWER = "a-zäöüßſ"
_PLACE = rf"[{_UPPER}][{_LOWER}]+(?:[ -][{_UPPER}][{_LOWER}]+){{0,2}}"
# A correspondent's sign before the dateline: ``XX``, ``*``, ``§``, ``+``, ``△``.
_SIGN = r"(?P<sign>[A-Z]{1,3}|[*†+§△○□=]{1,3})\s+"
_DATELINE = lazy(
    rf"^(?:{_SIGN})?(?P<place>{_PLACE}),\s*(?P<day>\d{{1,2}})\.\s*(?P<month>{_MONTH})\.?"
    r"(?:,\s*(?:Mgs|Abds|Morgens|Abends|Nachm|Vorm)\.?)?\s*(?:[—–-]\s*)?"
)
# A letter-spaced place name that OCR broke up: ``st a I, 27. Dez.``, ``N k, 27. Dez.``.
_BROKEN_DATELINE = lazy(
    rf"^(?P<place>(?:\S{{1,3}}\s+){{0,4}}\S{{1,3}}),\s*(?P<day>\d{{1,2}})\.\s*(?P<month>{_MONTH})\.?,?\s*(?:[—–-]\s*)?"
)
_BY = lazy(
    rf"^\(?\s*(?:Von\s+unserem\s+(?:[{_LOWER}]+\s+)?(?:Korrespondenten|Berichterstatter|Mitarbeiter)"
    rf"|Eigener\s+Bericht|Original-Korrespondenz|Privat-Telegramm)(?:\s+(?:in|aus)\s+(?P<place>{_PLACE}))?\s*\.?\s*\)?\.?$"
)
_BY_NAME = lazy(
    rf"^\(?\s*Von\s+(?P<name>(?:[{_UPPER}][{_LOWER}]*\.?\s*){{1,4}}(?:v\.\s*[{_UPPER}][{_LOWER}]*\.?)?)\s*\)?\.?$"
)
_JUMP_OUT = lazy(r"(?P<text>\(?\s*(?:Fortsetzung|Forts\.)\s+(?:auf\s+)?Seite\s+(?P<page>\d{1,4})\s*\.?\s*\)?)$")
_JUMP_IN = lazy(
    r"^(?P<text>\(?\s*(?:Fortsetzung|Forts\.|Schlu(?:ß|ss|h))\s+von\s+(?:der\s+)?Seite\s+(?P<page>\d{1,4})\s*\.?\s*\)?\.?)$"
)
_CREDIT = lazy(r"(?:Phot(?:o|ographie)\.?|Aufnahme|Bild)\s*:\s*\S.{1,50}$")
_DATE = lazy(
    rf"(?:(?P<wd>Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Sonnabend|Samstag|Sonntag),?\s+(?:den\s+)?)?"
    rf"(?P<d>\d{{1,2}})\.\s*(?P<m>{_MONTH})\.?,?\s+(?P<y>\d{{4}})"
)
_WEEKDAYS = ("montag", "dienstag", "mittwoch", "donnerstag", "freitag", "sonnabend", "sonntag")
# Searched in every line: each alternative opens with a letter, so the search skips to those (see word()).
_MASTHEAD_FEATURES = lazy(
    "|".join((word(r"Jahrgang\b"), word(r"Jahrg\."), word(r"Nr\.\s*\d+"), word(r"Nummer\s+\d+")))
    + r"|Abonnement|Erstes Blatt|Zweites Blatt|Herausgegeben|herausgegeben"
    r"|erscheint\s+(?:jeden|täglich|wöchentlich)|Redaktion|Redakteur|Expedition|Insertions"
    r"|Druck\s+und\s+Verlag|verantwortlich"
)
_NUMBER = lazy(r"\bNr\.\s*(?P<n>\d+)")
_PAGE_HEADER = lazy(r"^(?:Seite\s+(?P<n1>\d{1,4})\b|(?P<n2>\d{1,4})\s*$)")
_AD_WORDS = lazy(
    r"\bMk\.|\bMark\b|\bPf\.|\bPfennig|\$\s?\d|\bbillig|\bPreis|\bzu\s+verkaufen|\bzu\s+haben\b|\bempfiehlt\b|Anzeige"
)
_NOTICE_WORDS = lazy(r"Bekanntmachung|Todesanzeige|Verlobungsanzeige|\bAufruf\b|Amtlich")


def _weekday(name: str) -> int:
    return _WEEKDAYS.index(name.replace("samstag", "sonnabend"))


def _month(name: str) -> int:
    return _MONTHS[name[:3].lower()]


class German(LatinScript):
    """Conventions of German-language newspapers."""

    code = "de"
    name = "German"
    labels = Labels(
        page="Seite {number}",
        issue_number="Nr. {number}",
        contents="Inhalt",
        previous="Zurück",
        next="Weiter",
        cover="Titelseite",
        pages="Seiten",
        advertisement="Anzeige",
        notice="Bekanntmachung",
        other="Sonstiges",
        navigation="Artikelnavigation",
        front_page="Titelseite",
        continued="Fortsetzung",
        picture="Bild",
    )
    dateline_starts_article = False
    notice_words = _NOTICE_WORDS
    advertisement_words = _AD_WORDS
    closers = _CLOSERS
    stopwords = _STOPWORDS
    #: Headlines are single lines: what stands above one in a title run is a section heading.
    max_stack = 2
    page_header_start = "Seite"  # match_page_header: Seite 2 (a bare number is no header)
    section_words = lazy(
        r"Ausland|Inland|Telegraph(?:isches)?|Telegramme|Verm[iſ]s?[sſ]chtes|Lokales|Politi[sſ]ches|Deut[sſ]chland"
        r"|Amerika|Europa|Feuilleton|Handel und Verkehr|Aus der Stadt|Staat \w+|Neue[sſ]te Nachrichten"
    )

    def join(self, left: str, right: str) -> str:
        # ``Abon-`` + ``nement``; a compound's first part keeps its hyphen before ``und``: ``Handels- und``.
        hyphenated = len(left) > 1 and left[-1] in _HYPHENS and left[-2].isalpha() and right[:1].islower()
        if hyphenated and not right.startswith(("und ", "oder ")):
            return left[:-1] + right
        return f"{left} {right}"

    def is_title_like(self, text: str) -> bool:
        if not 1 <= len(text) <= 90 or not any(ch.isalpha() for ch in text):
            return False
        words = len(text.split())
        if text[-1] in _CONTINUES or words > 10:
            return False
        if self.ends_sentence(text):
            return words <= 7 and "," not in text[:-1] and text[:1].isupper()
        return text[:1].isupper() or text[:1] in '„"(»'

    def is_prose(self, text: str) -> bool:
        # A column line going on in lower case: no title or byline opens so; no jump at its end, no
        # masthead words, no dateline whose place OCR broke into lower-case letters (``st a I, 27. Dez.``).
        return (
            text[:1].islower()
            and "eite" not in text[-40:]
            and _BROKEN_DATELINE.match(text) is None
            and _MASTHEAD_FEATURES.search(text) is None
        )

    def title_look(self, text: str) -> float:
        share = capitals(text)
        if share is None:
            return 0.0
        if share >= 0.85:
            return 1.0
        if text[:1].islower():
            return -1.0
        words = text.split()
        if " " in text and all(len(word) == 1 for word in words[:4]):
            return 0.8  # letter-spaced (Sperrsatz): ``T e l e g r a p h``
        if len(words) <= 6 and "," not in text:
            return 0.5 if self.ends_sentence(text) else 0.3
        return 0.0

    def section_heads(self, lines: tuple[str, ...]) -> int:
        # One headline a story, perhaps with a line in brackets under it; what stands above is a section heading.
        keep = 2 if len(lines) >= 2 and lines[-1].startswith(("(", "—", "–")) else 1
        return max(0, len(lines) - keep)

    def headline_index(self, lines: tuple[str, ...]) -> int:
        # A headline and the line in brackets under it: ``Die Demokratin.`` / ``(Frei nach …)``.
        if len(lines) == 2 and lines[1].startswith(("(", "—", "–")):
            return 0
        return len(lines) - 1

    def strip_subheadline(self, text: str) -> str:
        return text.lstrip("—–- ").strip() or text

    def match_byline(self, text: str, *, whole: bool) -> BylineMatch | None:
        if not whole or len(text) > 80:
            return None
        text = text.strip()
        if (match := _BY.match(text)) is not None:
            return BylineMatch(bylines=(), text=text)
        if (match := _BY_NAME.match(text)) is not None:
            name = match["name"].strip()
            return BylineMatch(bylines=(Byline(name=name, role=Role.AUTHOR),), text=text)
        return None

    def match_dateline(self, text: str, issue_date: _dt.date | None) -> DatelineMatch | None:
        if "," not in text[:40]:
            return None
        match = _DATELINE.match(text) or _BROKEN_DATELINE.match(text)
        if match is None:
            return None
        date = resolve_date(issue_date, _month(match["month"]), int(match["day"]))
        sign = match.groupdict().get("sign")
        bylines = (Byline(name=sign, role=Role.CORRESPONDENT),) if sign else ()
        start = match.start("place")
        dateline = Dateline(place=match["place"], date=date, text=text[start : match.end()].strip())
        return DatelineMatch(dateline=dateline, rest=text[match.end() :].strip(), bylines=bylines)

    def match_jump(self, text: str) -> JumpMatch | None:
        tail = text[-60:]
        if "Seite" not in tail:
            return None
        whole = text.strip()
        if (match := _JUMP_IN.match(whole)) is not None:
            return JumpMatch(jump=Jump(page=max(1, int(match["page"])), text=match["text"].strip()), outgoing=False)
        match = _JUMP_OUT.search(text, max(0, len(text) - 60))
        if match is not None and (match.start() == 0 or text[match.start() - 1] in " ("):
            jump = Jump(page=max(1, int(match["page"])), text=match["text"].strip())
            return JumpMatch(jump=jump, outgoing=True, rest=text[: match.start()].rstrip())
        return None

    def match_caption(self, text: str) -> CaptionMatch | None:
        if len(text) > 300:
            return None
        match = _CREDIT.search(text)
        if match is None:
            return None
        return CaptionMatch(caption=text[: match.start()].strip(" —-") or None, credit=match.group(0).strip())

    def is_masthead_line(self, text: str) -> bool:
        return is_masthead_line(text, _MASTHEAD_FEATURES, _DATE)

    def read_masthead(self, lines: tuple[str, ...]) -> Masthead:
        return dated_masthead(
            lines,
            date=_DATE,
            number=_NUMBER,
            month=_month,
            weekday=lambda name: _WEEKDAYS.index(name.replace("samstag", "sonnabend")),
        )

    def match_page_header(self, text: str) -> PageHeader | None:
        if len(text) > 80:
            return None
        match = _PAGE_HEADER.match(text)
        if match is None or not match["n1"]:
            return None
        date = self.read_masthead((text,)).date
        return PageHeader(number=max(1, int(match["n1"])), date=date)


@hookimpl
def newsissue_languages() -> tuple[Conventions, ...]:
    """German is built in."""
    return (German(),)
