"""French newspaper conventions.

Headlines in capitals or of one line ending in a period; bylines ``De notre correspondant
particulier``, ``(De notre envoyé spécial)``, ``Par Jean Dupont``; datelines ``PARIS,
31 juillet.``, ``Londres, 5 janvier. —``; jump lines ``(Suite page 2)``, ``(Voir la suite en
2e page)``, ``(Suite de la première page)``; mastheads with ``N°``, ``…e année`` and a date
``Mardi 31 juillet 1906``.
"""

from __future__ import annotations

import datetime as _dt
import re

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
from .patterns import lazy

hookimpl = pluggy.HookimplMarker("newsissue")

__all__ = ["French"]

_STOPWORDS = frozenset(
    "le la les des du de et est un une dans pour qui que sur au aux par pas ne se ce il elle ont sont été"
    " à avec plus son sa ses leur nous vous ils elles cette mais ou où été être fait".split()
)
_MONTHS = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)
_MONTH = (
    r"(?:janv(?:ier|\.)|févr(?:ier|\.)|fevrier|mars|avril|mai|juin|juil(?:let|\.)|ao[uû]t"
    r"|sept(?:embre|\.)|oct(?:obre|\.)|nov(?:embre|\.)|déc(?:embre|\.)|decembre)"
)
_CLOSERS = "\"'”’»)]"
_CONTINUES = ",;:-–("
_UPPER = "A-ZÀÂÇÉÈÊËÎÏÔÛÙÜ"
_LOWER = "a-zàâçéèêëîïôûùüÿœæ"
_PLACE = rf"[{_UPPER}][{_UPPER}{_LOWER}'’-]+(?:[ -][{_UPPER}][{_UPPER}{_LOWER}'’-]+){{0,2}}"
_DATELINE = lazy(
    rf"^(?P<place>{_PLACE}),\s*(?P<day>\d{{1,2}})(?:er)?\s+(?P<month>{_MONTH})\.?\s*(?:[—–-]\s*)?", re.IGNORECASE
)
_BY = lazy(
    r"^\(?\s*(?:De\s+notre\s+(?:correspondant|envoyé|envoye|rédacteur)(?:\s+(?:particulier|spécial|special))?"
    rf"(?:\s+(?:à|a|en)\s+(?P<place>{_PLACE}))?)\s*\.?\s*\)?\.?$"
)
_BY_NAME = lazy(rf"^(?:Par|PAR)\s+(?P<name>[{_UPPER}][\w.'’-]*(?:\s+(?:de\s+)?[{_UPPER}][\w.'’-]*){{0,3}})\.?$")
_ORDINAL = r"(?P<page>\d{1,4})(?:e|ème|eme|re)?"
_WORD_PAGES = {"première": 1, "premiere": 1, "deuxième": 2, "deuxieme": 2, "troisième": 3, "troisieme": 3}
_JUMP_OUT = lazy(
    rf"(?P<text>\(?\s*(?:Voir\s+la\s+)?[Ss]uite\s+(?:en\s+|à\s+la\s+|page\s+)?(?:{_ORDINAL})\s*(?:page)?\s*\.?\s*\)?)$"
)
_JUMP_IN = lazy(
    r"^(?P<text>\(?\s*[Ss]uite\s+de\s+la\s+(?:(?P<word>première|premiere|deuxième|deuxieme|troisième|troisieme)"
    rf"|(?:{_ORDINAL}))\s*page\s*\.?\s*\)?\.?)$"
)
_CREDIT = lazy(r"(?:\((?:Photo|Cliché)\s+[^()]{2,50}\)|(?:Photo|Cliché)\s*:?\s+[^()]{2,50})$")
_DATE = lazy(
    rf"(?:(?P<wd>lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s+)?(?P<d>\d{{1,2}})(?:er)?\s+(?P<m>{_MONTH})\s+(?P<y>\d{{4}})",
    re.IGNORECASE,
)
_WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
_MASTHEAD_FEATURES = lazy(r"\bN[°o]\s*\d+|\b\d+e\s+[Aa]nnée|ABONNEMENTS|Abonnements|\bcentimes\b", re.IGNORECASE)
_NUMBER = lazy(r"\bN[°o]\s*(?P<n>\d+)")
_AD_WORDS = lazy(r"\bfr\.|\bfrancs?\b|\bcentimes\b|\bprix\b|\bà\s+vendre\b|\bà\s+louer\b|\bannonce", re.IGNORECASE)
_NOTICE_WORDS = lazy(r"\bAVIS\b|\bAvis\b|\bNécrologie\b|\bCOMMUNIQUÉ\b")


def _month(name: str) -> int:
    name = name.lower().replace("fevrier", "février").replace("aout", "août").replace("decembre", "décembre")
    return next(index for index, month in enumerate(_MONTHS, 1) if month.startswith(name.rstrip(".")[:4]))


class French(LatinScript):
    """Conventions of French-language newspapers."""

    code = "fr"
    name = "French"
    labels = Labels(
        page="Page {number}",
        issue_number="N° {number}",
        contents="Sommaire",
        previous="Précédent",
        next="Suivant",
        cover="Couverture",
        pages="Pages",
        advertisement="Annonce",
        notice="Avis",
        other="Divers",
        navigation="Navigation de l'article",
        front_page="Une",
        continued="suite",
        picture="Illustration",
    )
    dateline_starts_article = False
    notice_words = _NOTICE_WORDS
    advertisement_words = _AD_WORDS
    closers = _CLOSERS
    stopwords = _STOPWORDS
    max_stack = 4
    page_header_start = r"(?!)"  # no page header is read (match_page_header)
    section_words = lazy(
        r"DÉPARTEMENTS|[ÀA] L'ÉTRANGER|ÉTRANGER|DERNIÈRE HEURE|FAITS DIVERS|TRIBUNAUX|CHRONIQUE(?: LOCALE)?"
        r"|NOUVELLES(?: DIVERSES)?|INFORMATIONS|THÉÂTRES|SPORTS|BOURSE|NÉCROLOGIE|LA POLITIQUE",
        re.IGNORECASE,
    )

    def join(self, left: str, right: str) -> str:
        if len(left) > 1 and left[-1] == "-" and left[-2].isalpha() and right[:1].islower():
            return left[:-1] + right
        return f"{left} {right}"

    def is_title_like(self, text: str) -> bool:
        if not 1 <= len(text) <= 100 or not any(ch.isalpha() for ch in text):
            return False
        words = len(text.split())
        if text[-1] in _CONTINUES or words > 14:
            return False
        if self.ends_sentence(text):
            return words <= 8 and text[:1].isupper() and "," not in text[:-1]
        return not text[:1].islower()

    def is_prose(self, text: str) -> bool:
        # A column line going on in lower case: no title, dateline or byline opens so; no jump at its end
        # and no masthead words.
        return text[:1].islower() and "uite" not in text[-40:] and _MASTHEAD_FEATURES.search(text) is None

    def title_look(self, text: str) -> float:
        share = capitals(text)
        if share is None:
            return 0.0
        if share >= 0.85:
            return 1.0
        if text[:1].islower():
            return -1.0
        return 0.3 if len(text.split()) <= 6 and "," not in text else 0.0

    def headline_index(self, lines: tuple[str, ...]) -> int:
        # A headline in capitals and a deck under it: ``LA FOIRE DE SAINT-MARC`` / ``Une affluence …``.
        if lines[0].isupper() and not lines[1].isupper():
            return 0
        return super().headline_index(lines)

    def match_byline(self, text: str, *, whole: bool) -> BylineMatch | None:
        if not whole or len(text) > 80:
            return None
        text = text.strip()
        if _BY.match(text) is not None:
            return BylineMatch(bylines=(), text=text)
        if (match := _BY_NAME.match(text)) is not None:
            return BylineMatch(bylines=(Byline(name=match["name"], role=Role.AUTHOR),), text=text)
        return None

    def match_dateline(self, text: str, issue_date: _dt.date | None) -> DatelineMatch | None:
        if "," not in text[:40]:
            return None
        match = _DATELINE.match(text)
        if match is None:
            return None
        date = resolve_date(issue_date, _month(match["month"]), int(match["day"]))
        dateline = Dateline(place=match["place"], date=date, text=match.group(0).strip())
        return DatelineMatch(dateline=dateline, rest=text[match.end() :].strip())

    def match_jump(self, text: str) -> JumpMatch | None:
        tail = text[-60:]
        if "uite" not in tail:
            return None
        whole = text.strip()
        if (match := _JUMP_IN.match(whole)) is not None:
            page = _WORD_PAGES[match["word"]] if match["word"] else max(1, int(match["page"]))
            return JumpMatch(jump=Jump(page=page, text=match["text"].strip()), outgoing=False)
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
        return CaptionMatch(caption=text[: match.start()].strip(" —-") or None, credit=match.group(0).strip(" ()"))

    def is_masthead_line(self, text: str) -> bool:
        return is_masthead_line(text, _MASTHEAD_FEATURES, _DATE)

    def read_masthead(self, lines: tuple[str, ...]) -> Masthead:
        return dated_masthead(lines, date=_DATE, number=_NUMBER, month=_month, weekday=_WEEKDAYS.index)

    def match_page_header(self, text: str) -> PageHeader | None:
        return None


@hookimpl
def newsissue_languages() -> tuple[Conventions, ...]:
    """French is built in."""
    return (French(),)
