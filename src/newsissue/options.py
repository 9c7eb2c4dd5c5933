"""Exporter options from keyword values, and issue fields from ``key=value`` overrides."""

from __future__ import annotations

import datetime as _dt
import functools
import types
import typing
from collections.abc import Mapping
from typing import Any

import attrs

from .errors import ExportError, ParseError, quoted
from .model import Issue
from .tags import ascii_digits, country_code, language_tag

__all__ = ["build_options", "override_issue"]

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}


def _convert(value: Any, kind: Any, name: str) -> Any:
    """Convert a string to a field's type (str, int, bool, date, enums, Optional of those)."""
    if not isinstance(value, str):
        return value
    args = typing.get_args(kind)
    if typing.get_origin(kind) in (typing.Union, types.UnionType):
        if value.strip().lower() in ("", "none", "null") and type(None) in args:
            return None
        kinds = [arg for arg in args if arg is not type(None)]
        kind = kinds[0] if len(kinds) == 1 else str
    if kind is bool:
        lowered = value.strip().lower()
        if lowered in _TRUE | _FALSE:
            return lowered in _TRUE
        raise ValueError(f"{name} takes true or false, not {quoted(value)}")
    if kind is int:
        return int(value)
    if kind is _dt.date:
        return _dt.date.fromisoformat(value.strip())
    if isinstance(kind, type) and kind is not str:
        return kind(value)
    return value


@functools.cache
def _fields(cls: type) -> tuple[dict[str, Any], frozenset[str]]:
    """A class's resolved type hints and field names, worked out once (a batch renders thousands of issues)."""
    return typing.get_type_hints(cls), frozenset(field.name for field in attrs.fields(cls))


def _typed(cls: type, values: Mapping[str, Any], error: type[Exception], what: str) -> dict[str, Any]:
    if not values:
        return {}
    hints, fields = _fields(cls)
    converted: dict[str, Any] = {}
    for key, value in values.items():
        name = key.replace("-", "_")
        if name not in fields:
            known = ", ".join(sorted(fields)) or "none"
            raise error(f"unknown {what} {quoted(key)} (known: {known})")
        try:
            converted[name] = _convert(value, hints[name], key)
        except ValueError as exc:
            raise error(f"bad value for {what} {quoted(key)}: {exc}") from None
    return converted


def build_options(options_type: type, values: Mapping[str, Any]) -> Any:
    """An exporter's options object; raises ExportError for unknown keys or bad values."""
    try:
        return options_type(**_typed(options_type, values, ExportError, "option"))
    except (TypeError, ValueError) as exc:
        raise ExportError(f"bad options: {exc}") from None


_SETTABLE = (
    "title",
    "date",
    "number",
    "lunar_date",
    "page_count",
    "publisher",
    "serial_number",
    "issn",
    "language",
    "country",
    "source",
)


# Settable fields read into the form exporters need: BCP 47, ISO 3166, ASCII digits.
_NORMALISE = {
    "language": language_tag,
    "country": country_code,
    "issn": ascii_digits,
    "serial_number": ascii_digits,
}


def override_issue(issue: Issue, values: Mapping[str, Any]) -> Issue:
    """The issue with metadata fields set by the caller (``--set key=value``)."""
    unknown = sorted(set(values) - set(_SETTABLE))
    if unknown:
        raise ParseError(f"cannot set {', '.join(unknown)}: settable issue fields are {', '.join(_SETTABLE)}")
    fields = _typed(Issue, values, ParseError, "issue field")
    try:
        for name, normalise in _NORMALISE.items():
            if isinstance(fields.get(name), str):
                fields[name] = normalise(fields[name])
        return attrs.evolve(issue, **fields)
    except (TypeError, ValueError) as exc:
        raise ParseError(f"bad issue field: {exc}") from None
