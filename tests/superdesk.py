"""Superdesk's own NewsML-G2 and ninjs feed parsers (superdesk-core 2.5.3, from PyPI), run without a Superdesk server.

superdesk-core is installed with ``pip install --no-deps`` (its dependencies pin Flask 1.1, Eve,
Celery, Elasticsearch, lxml < 4.7 …: a whole newsroom server). Its package ``__init__`` starts that
server's machinery, so it is not imported; the files below are executed from the installed wheel.

Real code, unchanged:

* ``superdesk/io/feed_parsers/newsml_2_0.py``: ``NewsMLTwoFeedParser``, all of it: headers, item and
  content metadata, groups and item references, the XHTML body (``parse_inline_content``);
* ``superdesk/io/feed_parsers/ninjs.py``: ``NINJSFeedParser``, all of it (ninjs 1.x: the object's
  properties, associations as an object, time stamps);
* ``superdesk/io/feed_parsers/__init__.py`` up to the imports that register Superdesk's twenty
  other parsers (its last lines, left out): ``FeedParser``, ``XMLFeedParser`` (``qname``,
  ``map_priority``) that the NewsML-G2 parser inherits;
* ``superdesk/etree.py`` (``clean_html`` and friends);
* lxml and arrow, the libraries the parser uses.

Stubbed framework imports, and why each is not parsing code:

* ``flask.current_app``: the running Flask application; the parser reads ``app.config`` for
  ``QCODE_MISSING_VOC`` (left at its default, ``continue``) and ``app.subjects`` (IPTC subject
  codes, empty: our subjects carry literals, not ``subj:`` codes);
* ``superdesk`` (the package itself): ``config``, ``app`` and ``get_resource_service`` (the
  database services; called only for controlled vocabularies, which our documents do not use);
* ``superdesk.errors.ParserError``: a server error class built on Eve and Werkzeug; the stub keeps
  its ``newsmlTwoParserError`` constructor and keeps the cause;
* ``superdesk.io.registry.register_feed_parser``: records the parser in the server's registry;
* ``superdesk.metadata.item``: ``ITEM_TYPE``, ``CONTENT_TYPE`` and ``Priority``, constants copied
  from the module (which imports Eve's resource schemas);
* ``superdesk.metadata.utils.is_normal_package``, ``generate_tag_from_url``: a line each, copied
  (their module imports Flask);
* ``superdesk.utc.utc``: the UTC time zone (the module builds on pytz).
"""

from __future__ import annotations

import datetime
import enum
import functools
import importlib.metadata
import importlib.util
import sys
import types
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NamedTuple

from lxml import etree

from tests.stubs import module, stubbed

VERSION = "2.5.3"
# feed_parsers/__init__.py: the line from which it imports the other parsers to register them.
_REGISTRATIONS = "# must be imported for registration"


class _ContentTypes(NamedTuple):
    TEXT: str
    PREFORMATTED: str
    AUDIO: str
    VIDEO: str
    PICTURE: str
    GRAPHIC: str
    COMPOSITE: str
    EVENT: str


class _Priority(enum.Enum):
    Flash = 1
    Urgent = 2
    Three_Paragraph = 3
    Screen_Finance = 4
    Continuous_News = 5
    Ordinary = 6

    @classmethod
    def values(cls) -> list[int]:
        return [member.value for member in cls]


class _SkipValueError(Exception):
    """``superdesk.errors.SkipValue``."""


class ParserError(Exception):
    """Superdesk's ``superdesk.errors.ParserError``, as far as the feed parser uses it."""

    @classmethod
    def newsmlTwoParserError(cls, exception: BaseException, provider: object = None) -> ParserError:  # noqa: N802
        error = cls(f"ParserError 1005: {exception!r}")
        error.__cause__ = exception
        return error


def _wheel_file(relative: str) -> Path:
    distribution = importlib.metadata.distribution("superdesk-core")
    if distribution.version != VERSION:
        raise RuntimeError(f"superdesk-core {distribution.version} is installed, the tests read {VERSION}")
    return Path(str(distribution.locate_file(relative)))


def _execute(name: str, relative: str, *, stop_at: str | None = None) -> types.ModuleType:
    source = _wheel_file(relative).read_text(encoding="utf-8")
    if stop_at is not None:
        source = source[: source.index(stop_at)]
    loaded = types.ModuleType(name)
    loaded.__file__ = str(_wheel_file(relative))
    sys.modules[name] = loaded
    exec(compile(source, loaded.__file__, "exec"), loaded.__dict__)
    return loaded


@contextmanager
def _framework_stubs() -> Iterator[None]:
    app = types.SimpleNamespace(config={}, subjects={})

    def get_resource_service(name: str) -> None:
        raise AssertionError(f"the parser asked Superdesk's database for {name}")

    stubs = {
        "flask": module("flask", current_app=app),
        "superdesk": module("superdesk", config=types.SimpleNamespace(), app=app),
        "superdesk.errors": module(
            "superdesk.errors", ParserError=ParserError, SkipValue=type("SkipValue", (Exception,), {})
        ),
        "superdesk.io": module("superdesk.io"),
        "superdesk.io.registry": module("superdesk.io.registry", register_feed_parser=lambda name, parser: None),
        "superdesk.metadata": module("superdesk.metadata"),
        "superdesk.metadata.item": module(
            "superdesk.metadata.item",
            ITEM_TYPE="type",
            CONTENT_TYPE=_ContentTypes(
                "text", "preformatted", "audio", "video", "picture", "graphic", "composite", "event"
            ),
            Priority=_Priority,
        ),
        "superdesk.metadata.utils": module(
            "superdesk.metadata.utils",
            is_normal_package=lambda doc: doc["type"] == "composite",
            generate_tag_from_url=_generate_tag_from_url,
        ),
        "superdesk.utc": module("superdesk.utc", utc=datetime.UTC),
    }
    stubs["superdesk"].get_resource_service = get_resource_service
    with stubbed(stubs, restore=["superdesk.etree", "superdesk.io.feed_parsers"]):
        yield


def _generate_tag_from_url(url: str, prefix: str = "tag") -> str:
    parsed = urllib.parse.urlparse(url)
    return "{}:{}:{}".format(prefix, parsed.netloc, parsed.path.lstrip("/").replace("/", ":"))


@functools.cache
def _parsers() -> types.SimpleNamespace:
    """Superdesk's parser modules, loaded from its own files (the stubs above serve only while they load)."""
    if importlib.util.find_spec("arrow") is None:
        raise RuntimeError("arrow is not installed")
    with _framework_stubs():
        sys.modules["superdesk"].etree = _execute("superdesk.etree", "superdesk/etree.py")
        _execute("superdesk.io.feed_parsers", "superdesk/io/feed_parsers/__init__.py", stop_at=_REGISTRATIONS)
        newsml = _execute("superdesk.io.feed_parsers.newsml_2_0", "superdesk/io/feed_parsers/newsml_2_0.py")
        ninjs = _execute("superdesk.io.feed_parsers.ninjs", "superdesk/io/feed_parsers/ninjs.py")
    return types.SimpleNamespace(newsml=newsml.NewsMLTwoFeedParser, ninjs=ninjs.NINJSFeedParser)


def ingest(data: bytes) -> list[dict[str, Any]]:
    """What Superdesk's ingest makes of a NewsML-G2 document: one dict per item, package first."""
    parser = _parsers().newsml()
    root = etree.fromstring(data)
    assert parser.can_parse(root)
    return parser.parse(root)


def ingest_ninjs(path: Path) -> list[dict[str, Any]]:
    """What Superdesk's ingest makes of a ninjs file: one dict per object, the top one first."""
    parser = _parsers().ninjs()
    assert parser.can_parse(str(path))
    return parser.parse(str(path))
