"""Bytes to text: byte-order marks, UTF-16 without one, UTF-8 (with stray bytes), GB18030, then a guess."""

from __future__ import annotations

import codecs
import re

import attrs

from .errors import ParseError

__all__ = ["Decoded", "Stray", "decode"]

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
_BAD_CONTROLS = re.compile("[\x00-\x08\x0e-\x1a\x1c-\x1f]")
# Single-byte Western code pages charset-normalizer confuses with one another.
_WESTERN = re.compile(r"^(cp125\d|latin_\d+|iso8859_\d+|mac_.*)$")


# A page is UTF-8 with stray bytes when its valid non-ASCII characters outnumber the runs of
# bytes that are not UTF-8 this many times (a legacy code page read as UTF-8 gives next to none,
# GBK or Big5 one in three or fewer).
_STRAY_SHARE = 2
_STRAY_BYTE = re.compile("[\udc80-\udcff]+")


@attrs.frozen(kw_only=True)
class Stray:
    """Bytes that were not UTF-8 in a UTF-8 page, replaced by U+FFFD: where they were."""

    line: int
    offset: int
    data: bytes


@attrs.frozen(kw_only=True)
class Decoded:
    """Decoded text and the encoding it was read as; ``detected`` when it was a guess.

    ``stray`` lists the runs of bytes a UTF-8 page held that are not UTF-8 (replaced by U+FFFD).
    """

    text: str
    encoding: str
    detected: bool = False
    stray: tuple[Stray, ...] = ()


def _text_codec(encoding: str) -> str:
    """The codec's name; ParseError for an unknown codec or one that does not decode bytes to text."""
    try:
        info = codecs.lookup(encoding)
    except (LookupError, TypeError, ValueError):
        raise ParseError(f"unknown encoding {encoding[:40]!r}") from None
    if not getattr(info, "_is_text_encoding", True):
        raise ParseError(f"{encoding[:40]!r} is not a text encoding")
    return info.name


def _utf16_without_bom(data: bytes) -> Decoded | None:
    """UTF-16 text with no byte-order mark: NUL bytes mostly at one parity, and the text decodes clean."""
    if len(data) % 2:
        return None
    even, odd = data[0::2].count(0), data[1::2].count(0)
    if max(even, odd) < 4 * min(even, odd):
        return None
    name = "utf-16-le" if odd > even else "utf-16-be"
    try:
        text = data.decode(name)
    except UnicodeDecodeError:
        return None
    if _BAD_CONTROLS.search(text) or "\x00" in text:
        return None
    return Decoded(text=text, encoding=name, detected=True)


def _mostly_utf8(data: bytes) -> Decoded | None:
    """A UTF-8 page but for a few stray bytes: the text with them replaced, and where they were."""
    text = data.decode("utf-8", "surrogateescape")
    runs = _STRAY_BYTE.findall(text)
    wide = len(text) - len(text.encode("ascii", "ignore")) - sum(len(run) for run in runs)
    if wide < len(runs) * _STRAY_SHARE:
        return None
    stray = []
    line, last = 1, 0
    for match in _STRAY_BYTE.finditer(text):
        start = match.start()
        line += text.count("\n", last, start)
        last = start
        line_start = text.rfind("\n", 0, start) + 1
        stray.append(
            Stray(
                line=line,
                offset=len(text[line_start:start].encode("utf-8", "surrogateescape")),
                data=match[0].encode("utf-8", "surrogateescape"),
            )
        )
    return Decoded(text=_STRAY_BYTE.sub("\ufffd", text), encoding="utf-8", stray=tuple(stray))


def decode(data: bytes, *, encoding: str | None = None) -> Decoded:
    """Decode page bytes, detecting the encoding unless one is given.

    Raises :class:`ParseError` for binary or undecodable data.
    """
    if encoding is not None:
        codec = _text_codec(encoding)
        try:
            return Decoded(text=data.decode(codec), encoding=codec)
        except (LookupError, UnicodeError, ValueError, TypeError) as exc:
            raise ParseError(f"cannot decode input as {codec}: {exc}") from None
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(text=data[len(bom) :].decode(name), encoding=name)
            except UnicodeDecodeError:
                raise ParseError(f"input starts with a {name} byte-order mark but is not {name}") from None
    if b"\x00" in data:
        if (utf16 := _utf16_without_bom(data)) is None:
            raise ParseError("input is binary (it holds NUL bytes), not page text")
        return utf16
    try:
        return Decoded(text=data.decode("utf-8"), encoding="utf-8")
    except UnicodeDecodeError:
        pass
    if (mostly := _mostly_utf8(data)) is not None:
        return mostly
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        pass
    else:
        if len(_CJK.findall(text)) * 3 >= len(text.strip()):
            return Decoded(text=text, encoding="gb18030", detected=True)
    import charset_normalizer  # only for legacy encodings: loading it costs start-up time and memory

    best = charset_normalizer.from_bytes(data).best()
    if best is None or _BAD_CONTROLS.search(str(best)):
        raise ParseError("input is not text in any encoding newsissue can detect (binary or damaged)")
    name = best.encoding
    if _WESTERN.match(name):
        try:
            return Decoded(text=data.decode("cp1252"), encoding="cp1252", detected=True)
        except UnicodeDecodeError:
            pass
    return Decoded(text=str(best), encoding=name, detected=True)
