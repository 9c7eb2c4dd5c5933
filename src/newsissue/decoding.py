"""Bytes to text: byte-order marks, UTF-8, GB18030, then charset-normalizer's guess."""

from __future__ import annotations

import codecs
import re

import attrs
import charset_normalizer

from .errors import ParseError

__all__ = ["Decoded", "decode"]

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


@attrs.frozen(kw_only=True)
class Decoded:
    """Decoded text and the encoding it was read as; ``detected`` when it was a guess."""

    text: str
    encoding: str
    detected: bool = False


def decode(data: bytes, *, encoding: str | None = None) -> Decoded:
    """Decode page bytes, detecting the encoding unless one is given.

    Raises :class:`ParseError` for binary or undecodable data.
    """
    if encoding is not None:
        try:
            return Decoded(text=data.decode(encoding), encoding=encoding)
        except (LookupError, UnicodeDecodeError) as exc:
            raise ParseError(f"cannot decode input as {encoding}: {exc}") from None
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(text=data[len(bom) :].decode(name), encoding=name)
            except UnicodeDecodeError:
                raise ParseError(f"input starts with a {name} byte-order mark but is not {name}") from None
    if b"\x00" in data:
        raise ParseError("input is binary (it holds NUL bytes), not page text")
    try:
        return Decoded(text=data.decode("utf-8"), encoding="utf-8")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        pass
    else:
        if len(_CJK.findall(text)) * 3 >= len(text.strip()):
            return Decoded(text=text, encoding="gb18030", detected=True)
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
