"""Identifiers as exporters need them: BCP 47 language tags, ISO 3166 country codes, ASCII digits."""

from __future__ import annotations

import re
import unicodedata

__all__ = ["ascii_digits", "country_code", "is_country_code", "is_language_tag", "language_tag"]

# RFC 5646 well-formed language tags (no grandfathered irregular tags), case-insensitive.
_LANGUAGE_TAG = re.compile(
    r"(?:[a-z]{2,3}(?:-[a-z]{3}){0,3}"  # primary language: 2 or 3 letters (longer ones are reserved)
    r"(?:-[a-z]{4})?"
    r"(?:-(?:[a-z]{2}|[0-9]{3}))?"
    r"(?:-(?:[a-z0-9]{5,8}|[0-9][a-z0-9]{3}))*"
    r"(?:-[a-wyz0-9](?:-[a-z0-9]{2,8})+)*"
    r"(?:-x(?:-[a-z0-9]{1,8})+)?"
    r"|x(?:-[a-z0-9]{1,8})+)",
    re.IGNORECASE | re.ASCII,
)
_COUNTRY = re.compile(r"[A-Z]{2}", re.ASCII)
_OTHER_DIGIT = re.compile(r"(?![0-9])\d")


def is_language_tag(value: str) -> bool:
    """True for a well-formed BCP 47 tag (``zh``, ``en-US``, ``zh-Hant-TW``)."""
    return _LANGUAGE_TAG.fullmatch(value) is not None


def language_tag(value: str) -> str:
    """``value`` as a BCP 47 tag in its conventional case: ``en_us`` → ``en-US``; ValueError if it is none."""
    tag = value.strip().replace("_", "-")
    if not is_language_tag(tag):
        raise ValueError(f"not a BCP 47 language tag such as zh, en-US or zh-Hant-TW: {value[:40]!r}")
    subtags = tag.split("-")
    canonical = [subtags[0].lower()]
    for index, subtag in enumerate(subtags[1:], 1):
        if len(subtags[index - 1]) == 1:  # the first subtag of an extension or private use keeps lower case
            canonical.extend(part.lower() for part in subtags[index:])
            break
        if len(subtag) == 4 and subtag.isalpha():
            canonical.append(subtag.title())
        elif len(subtag) == 2 and subtag.isalpha():
            canonical.append(subtag.upper())
        else:
            canonical.append(subtag.lower())
    return "-".join(canonical)


def is_country_code(value: str) -> bool:
    """True for an ISO 3166-1 alpha-2 code in capitals (``CN``)."""
    return _COUNTRY.fullmatch(value) is not None


def country_code(value: str) -> str:
    """``value`` as an ISO 3166-1 alpha-2 code: ``cn`` → ``CN``; ValueError if it is none."""
    code = value.strip().upper()
    if not is_country_code(code):
        raise ValueError(f"not a two-letter ISO 3166 country code such as CN or US: {value[:40]!r}")
    return code


def ascii_digits(text: str) -> str:
    """Every decimal digit of any script as its ASCII digit: ``１２３４`` and ``١٢٣٤`` → ``1234``."""
    if text.isascii():
        return text
    return _OTHER_DIGIT.sub(lambda match: str(unicodedata.decimal(match[0])), text)
