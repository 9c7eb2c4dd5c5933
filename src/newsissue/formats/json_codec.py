"""Native JSON (``newsissue/1``) to and from the model, by cattrs: lossless, loads back into an equal model.

The plugin (:mod:`newsissue.formats.json`) loads this module only when JSON is written or read.
"""

from __future__ import annotations

import datetime as _dt
import enum
import json
from collections.abc import Callable, Iterator
from typing import Any

import attrs
import cattrs
from cattrs.gen import make_dict_unstructure_fn, override
from cattrs.strategies import configure_tagged_union

from ..errors import ParseError, quoted
from ..model import Article, Block, Figure, Heading, Issue, Page, Paragraph, Region
from . import jsonstream
from .json import FORMAT
from .jsonstream import Lazy

__all__ = ["FORMAT", "converter", "dumps", "loads", "pieces"]


def _strict(kind: type, *accepted: type) -> Callable[[Any, Any], Any]:
    """A structure hook that takes JSON values of the field's own type only (no ``"123"`` for 123)."""
    names = " or ".join(sorted({_JSON_NAMES[t] for t in accepted}))

    def structure(value: Any, _: Any) -> Any:
        if type(value) not in accepted:  # bool is an int to isinstance, not to JSON
            raise TypeError(f"expected {names}, not {_json_type(value)}")
        return kind(value)

    return structure


_JSON_NAMES = {bool: "a boolean", int: "an integer", float: "a number", str: "a string", list: "an array"}


def _json_type(value: Any) -> str:
    if isinstance(value, float):
        return "a number with a fraction" if not value.is_integer() else "a number with a fraction part .0"
    return "null" if value is None else _JSON_NAMES.get(type(value), "an object")


def _enum(value: Any, kind: type[enum.StrEnum]) -> enum.StrEnum:
    if not isinstance(value, str):
        raise TypeError(f"expected a string, not {_json_type(value)}")
    return kind(value)


def _date(value: Any, _: Any) -> _dt.date:
    if not isinstance(value, str):
        raise TypeError(f"expected a date string (YYYY-MM-DD), not {_json_type(value)}")
    return _dt.date.fromisoformat(value)


def _type_first(tag: str, hook: Callable[[Any], dict[str, Any]]) -> Callable[[Any], dict[str, Any]]:
    """A block's hook with its ``type`` key first, for people reading the file (the tagged union's hook
    sets the key again, where it already stands)."""
    return lambda value: {"type": tag, **hook(value)}


def _make_converter() -> cattrs.Converter:
    conv = cattrs.Converter(forbid_extra_keys=True)
    conv.register_unstructure_hook(_dt.date, lambda value: value.isoformat())
    conv.register_structure_hook(_dt.date, _date)
    for kind, accepted in ((str, (str,)), (int, (int,)), (float, (int, float)), (bool, (bool,))):
        conv.register_structure_hook(kind, _strict(kind, *accepted))
    conv.register_structure_hook(enum.StrEnum, _enum)  # before str in the enums' MRO
    # Where text was printed is written only where the source told it (an archive's pages).
    conv.register_unstructure_hook(Region, make_dict_unstructure_fn(Region, conv, _cattrs_omit_if_default=True))
    for kind in (Paragraph, Heading, Figure):
        hook = make_dict_unstructure_fn(kind, conv, regions=override(omit_if_default=True))
        conv.register_unstructure_hook(kind, _type_first(kind.__name__.lower(), hook))
    configure_tagged_union(Block, conv, tag_generator=lambda cls: cls.__name__.lower(), tag_name="type")
    conv.register_unstructure_hook(
        Article, make_dict_unstructure_fn(Article, conv, regions=override(omit_if_default=True))
    )
    # A page's source format likewise, only where a layout reader read the page (``_page`` writes the same).
    conv.register_unstructure_hook(
        Page, make_dict_unstructure_fn(Page, conv, source_format=override(omit_if_default=True))
    )
    return conv


#: The cattrs converter between the model and JSON-ready Python data.
converter = _make_converter()


def dumps(issue: Issue, *, indent: int | None = None, diagnostics: bool = True) -> str:
    """The issue as ``newsissue/1`` JSON text."""
    return jsonstream.whole(_document(issue, diagnostics), indent=indent)


def pieces(issue: Issue, *, indent: int | None = None, diagnostics: bool = True) -> Iterator[str]:
    """The JSON text of :func:`dumps` in pieces, item by item: a large issue is never one tree in memory.

    The text is exactly ``json.dumps`` of the whole document, with ``ensure_ascii=False``.
    """
    return jsonstream.pieces(_document(issue, diagnostics), indent=indent)


def _document(issue: Issue, diagnostics: bool) -> dict[str, Any]:
    """The document, its pages and diagnostics as lists made as they are written."""
    document: dict[str, Any] = {"format": FORMAT}
    for field in attrs.fields(Issue):
        if field.name == "pages":
            document["pages"] = Lazy(issue.pages, _page)
        elif field.name == "diagnostics":
            document["diagnostics"] = Lazy(issue.diagnostics if diagnostics else (), converter.unstructure)
        else:
            document[field.name] = converter.unstructure(getattr(issue, field.name))
    return document


def _page(page: Page) -> dict[str, Any]:
    """The converter's page, with its items made as they are written (their key keeps its place)."""
    data: dict[str, Any] = converter.unstructure(attrs.evolve(page, items=()))
    data["items"] = Lazy(page.items, _article)
    return data


def _article(item: Article) -> Any:
    return converter.unstructure(item)


def loads(text: str | bytes) -> Issue:
    """An issue from ``newsissue/1`` JSON; raises ParseError if it is not that."""
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise ParseError(f"not JSON: {exc}") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        found = data.get("format") if isinstance(data, dict) else None
        raise ParseError(f"not a {FORMAT} document (format: {quoted(found)})")
    data = {key: value for key, value in data.items() if key != "format"}
    try:
        return converter.structure(data, Issue)
    except Exception as exc:  # cattrs raises grouped validation errors
        messages = (
            cattrs.transform_error(exc, format_exception=_message)
            if isinstance(exc, cattrs.BaseValidationError)
            else [str(exc)]
        )
        raise ParseError(f"malformed {FORMAT} document: {'; '.join(messages[:3])}") from None


def _message(exc: BaseException, _type: Any) -> str:
    """What was wrong with one value, for the error naming its field."""
    if isinstance(exc, KeyError):
        return "required field missing"
    if isinstance(exc, cattrs.ForbiddenExtraKeysError):
        return f"unknown field {', '.join(sorted(exc.extra_fields))}"
    return str(exc)
