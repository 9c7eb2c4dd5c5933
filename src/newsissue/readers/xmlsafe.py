"""Untrusted XML, read safely and streamed: no DTD, no entities, no network, libxml2's depth limit.

Archive files (ALTO pages, METS issues, hOCR, PAGE-XML) come from anywhere. Pages are read with
:func:`stream`, which hands each element to a parser target and builds no tree (ALTO), or with
:func:`events`, which streams the document as ``iterparse`` does (elements are cleared by the
caller once read): a large page is never held whole as a tree. A small issue file is read whole
with :func:`parse_tree`.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from io import BytesIO
from pathlib import Path
from typing import Protocol

from lxml import etree

from ..errors import ParseError

__all__ = ["Target", "events", "local", "parse_tree", "stream"]

_SAFE = {"resolve_entities": False, "no_network": True, "load_dtd": False, "huge_tree": False, "remove_comments": True}


def local(tag: object) -> str:
    """An element's name without its namespace (``{ns}TextLine`` → ``TextLine``); '' for comments."""
    if not isinstance(tag, str):
        return ""
    return tag.rpartition("}")[2]


def _source(data: bytes | Path) -> BytesIO | str:
    return str(data) if isinstance(data, Path) else BytesIO(data)


_PROLOGUE = 64 * 1024


def _refuse_entities(data: bytes | Path, name: str) -> None:
    """Entity declarations are refused: an archive file has no need of them, and they can expand without end."""
    if isinstance(data, Path):
        try:
            with data.open("rb") as stream:
                head = stream.read(_PROLOGUE)
        except OSError as exc:
            raise ParseError(f"cannot read {name}: {exc.strerror or exc}") from None
    else:
        head = data[:_PROLOGUE]
    if b"<!ENTITY" in head:
        raise ParseError(f"{name} declares XML entities, which an archive file has no need of: not read")


def _utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def events(
    data: bytes | Path, name: str, *, html: bool = False, tags: tuple[str, ...] | None = None
) -> Iterator[tuple[str, etree._Element]]:
    """``start`` and ``end`` events of a document, streamed; a malformed one raises ParseError naming ``name``.

    ``html`` reads it with libxml2's HTML parser (an hOCR file that is not XHTML): forgiving of
    markup, and it neither loads a DTD nor expands entities. ``tags`` (``{*}TextLine`` …) are the
    only elements whose events come back: the rest is parsed in C and never seen in Python.
    """
    _refuse_entities(data, name)
    options: dict[str, object] = dict(_SAFE)
    if html:
        # libxml2's HTML parser takes bytes with no declared charset for Latin-1: UTF-8 is said.
        head = data.read_bytes() if isinstance(data, Path) else data
        options = {"html": True, "no_network": True, "remove_comments": True}
        if b"<?xml" not in head[:100] and _utf8(head):
            options["encoding"] = "utf-8"
        data = head
    try:
        yield from etree.iterparse(_source(data), events=("start", "end"), tag=tags, **options)
    except etree.XMLSyntaxError as exc:
        raise ParseError(f"{name} is not well-formed XML: {exc.msg or exc}") from None
    except OSError as exc:
        raise ParseError(f"cannot read {name}: {exc.strerror or exc}") from None


class Target(Protocol):
    """What :func:`stream` calls as the parser meets each element (lxml's parser target interface)."""

    def start(self, tag: str, attrib: Mapping[str, str]) -> None: ...

    def end(self, tag: str) -> None: ...

    def close(self) -> object: ...


_CHUNK = 256 * 1024


def stream(data: bytes | Path, name: str, target: Target) -> None:
    """Feed a document to ``target`` element by element, with no tree built; malformed raises ParseError.

    The parser calls ``target.start(tag, attributes)`` and ``target.end(tag)`` from C as it reads,
    so a reader sees each element's attributes as one dict and nothing is kept in memory but what
    the target keeps. An exception the target raises (a ParseError) comes out as it is.
    """
    _refuse_entities(data, name)
    # A parser target is handed attribute values as libxml2 gives them: only with the predefined
    # entities resolved is ``&amp;`` an ``&`` there. External entities are still never loaded.
    parser = etree.XMLParser(target=target, **{**_SAFE, "resolve_entities": "internal"})
    try:
        if isinstance(data, Path):
            with data.open("rb") as source:
                while chunk := source.read(_CHUNK):
                    parser.feed(chunk)
        else:
            parser.feed(data)
        parser.close()
    except etree.XMLSyntaxError as exc:
        raise ParseError(f"{name} is not well-formed XML: {exc.msg or exc}") from None
    except OSError as exc:
        raise ParseError(f"cannot read {name}: {exc.strerror or exc}") from None


def _forgiving(data: bytes | Path) -> etree._Element | None:
    parser = etree.XMLParser(recover=True, **_SAFE)
    try:
        tree = etree.parse(_source(data), parser)
    except (etree.XMLSyntaxError, OSError):
        return None
    errors = [error for error in parser.error_log if "Namespace prefix" not in error.message]
    return tree.getroot() if not errors and tree.getroot() is not None else None


def parse_tree(data: bytes | Path, name: str) -> etree._Element:
    """A small document (a METS issue file, a batch file) as a tree, read safely.

    An undeclared namespace prefix (the KB's DIDL files use ``xsi:`` without declaring it) is
    forgiven; any other error is not.
    """
    _refuse_entities(data, name)
    parser = etree.XMLParser(**_SAFE)
    try:
        return etree.parse(_source(data), parser).getroot()
    except etree.XMLSyntaxError as exc:
        if "Namespace prefix" in str(exc.msg) and (root := _forgiving(data)) is not None:
            return root
        raise ParseError(f"{name} is not well-formed XML: {exc.msg or exc}") from None
    except OSError as exc:
        raise ParseError(f"cannot read {name}: {exc.strerror or exc}") from None
