"""Kairntech's NewsML-G2 converter (``pyconverters-newsml`` 0.7.4, from PyPI) run on its own.

It is installed with ``pip install --no-deps`` beside ``inscriptis==1.2`` and pydantic, which it
uses to make text of the XHTML body and to declare its parameters. Its other imports belong to the
pymultirole plugin framework it runs in (and pins pandas ≤ 1.3.5, which has no wheel for our
Python), so they are stubbed:

* ``pymultirole_plugins``: ``ConverterBase``, ``ConverterParameters`` (a pydantic model),
  ``Document`` and ``Category`` (what ``convert`` returns: identifier, title, text, metadata,
  categories), ``comma_separated_to_list``;
* ``starlette.datastructures.UploadFile``: the uploaded file (``.file``, ``.filename``);
* ``pandas``: read only to load IPTC media topics, which ``convert`` asks for only when told to
  (our documents carry none).

Real, unchanged: ``pyconverters_newsml/newsml.py`` and ``NewsMLConverter.convert`` (items, title
from the headlines, the body's text), ElementTree, inscriptis.
"""

from __future__ import annotations

import functools
import io
import types
from typing import Any

import pydantic

from tests.stubs import module, stubbed


class _Document(pydantic.BaseModel):
    identifier: str | None = None
    title: str | None = None
    text: str = ""
    metadata: dict[str, Any] = {}
    categories: list[Any] = []
    properties: dict[str, Any] | None = None


class _Category(pydantic.BaseModel):
    label: str
    labelName: str | None = None  # noqa: N815


@functools.cache
def _converter() -> Any:
    stubs = {
        "pandas": module("pandas"),
        "pymultirole_plugins": module("pymultirole_plugins"),
        "pymultirole_plugins.util": module(
            "pymultirole_plugins.util", comma_separated_to_list=lambda text: [part.strip() for part in text.split(",")]
        ),
        "pymultirole_plugins.v1": module("pymultirole_plugins.v1"),
        "pymultirole_plugins.v1.converter": module(
            "pymultirole_plugins.v1.converter",
            ConverterParameters=type("ConverterParameters", (pydantic.BaseModel,), {}),
            ConverterBase=type("ConverterBase", (), {}),
        ),
        "pymultirole_plugins.v1.schema": module(
            "pymultirole_plugins.v1.schema", Document=_Document, Category=_Category
        ),
        "starlette": module("starlette"),
        "starlette.datastructures": module("starlette.datastructures", UploadFile=object),
    }
    with stubbed(stubs):
        from pyconverters_newsml.newsml import NewsMLConverter, NewsMLParameters
    return NewsMLConverter(), NewsMLParameters()


def convert(data: bytes) -> list[_Document]:
    """The documents the converter makes of a NewsML-G2 newsMessage: one a news item."""
    converter, parameters = _converter()
    upload = types.SimpleNamespace(file=io.BytesIO(data), filename="issue.xml")
    return converter.convert(upload, parameters)
