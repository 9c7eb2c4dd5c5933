"""The plugin manager and the registry of what the installed plugins provide.

Built-in plugins (``DEFAULT_PLUGINS``) and third-party ones (entry-point group
``newsissue``) are registered by the same function. A plugin that fails to import
is skipped with a :class:`PluginWarning`; the rest still work.
"""

from __future__ import annotations

import functools
import importlib
import sys
import types
import warnings
from collections.abc import Callable
from typing import Any, TypeVar

import attrs
import pluggy

from . import hookspecs
from ._version import __version__
from .errors import PluginError, UnknownFormatError, quoted
from .interfaces import Exporter, Reader
from .languages.base import Conventions, Labels

__all__ = [
    "DEFAULT_PLUGINS",
    "ENTRY_POINT_GROUP",
    "PluginInfo",
    "PluginWarning",
    "Registry",
    "cli_value",
    "default_registry",
    "get_plugin_manager",
    "labels_for",
]

ENTRY_POINT_GROUP = "newsissue"

#: The built-in plugins, registered like any third-party one.
DEFAULT_PLUGINS: tuple[str, ...] = (
    "newsissue.languages.zh",
    "newsissue.languages.en",
    "newsissue.languages.de",
    "newsissue.languages.fr",
    "newsissue.formats.json",
    "newsissue.formats.newsml",
    "newsissue.formats.ninjs",
    "newsissue.formats.layout",
    "newsissue.formats.mets",
)


class PluginWarning(UserWarning):
    """A plugin could not be loaded and was skipped."""


def _register(pm: pluggy.PluginManager, name: str, load: Callable[[], object], origin: str) -> None:
    try:
        plugin = load()
    except Exception as exc:  # a broken plugin must not break the others
        warnings.warn(f"newsissue plugin {name!r} ({origin}) failed to load: {exc}", PluginWarning, stacklevel=3)
        return
    if pm.is_registered(plugin) or pm.get_plugin(name) is not None:
        return
    pm.register(plugin, name=name)


def get_plugin_manager(*, entry_points: bool = True) -> pluggy.PluginManager:
    """A new plugin manager with the built-in plugins and, unless told not to, the installed ones."""
    pm = pluggy.PluginManager("newsissue")
    pm.add_hookspecs(hookspecs)
    for name in DEFAULT_PLUGINS:
        _register(pm, name, functools.partial(importlib.import_module, name), "built in")
    if entry_points:
        from importlib import metadata  # only here: it costs start-up time

        for entry_point in sorted(metadata.entry_points(group=ENTRY_POINT_GROUP), key=lambda ep: ep.name):
            if entry_point.value in DEFAULT_PLUGINS:
                continue
            dist = entry_point.dist.name if entry_point.dist is not None else "unknown distribution"
            _register(pm, entry_point.name, entry_point.load, dist)
    return pm


@attrs.frozen(kw_only=True)
class PluginInfo:
    """A registered plugin and what it provides, for ``newsissue plugins``."""

    name: str
    module: str
    hooks: tuple[str, ...]
    #: The version of the distribution that ships it (editable installs too), or its module's ``__version__``.
    version: str | None = None


def _version_of(name: str, module: str) -> str | None:
    """The version of the plugin registered as ``name`` from ``module``."""
    if module == __package__ or module.startswith(f"{__package__}."):
        return __version__
    from importlib import metadata

    for entry_point in metadata.entry_points(group=ENTRY_POINT_GROUP, name=name):
        if entry_point.dist is not None:
            return entry_point.dist.version
    found = getattr(sys.modules.get(module.split(".", maxsplit=1)[0]), "__version__", None)
    return found if isinstance(found, str) else None


T = TypeVar("T")


def _collect(pm: pluggy.PluginManager, hook: str, kind: type[T]) -> list[tuple[str, T]]:
    found: list[tuple[str, T]] = []
    for impl in reversed(getattr(pm.hook, hook).get_hookimpls()):
        try:
            provided = impl.function()
        except Exception as exc:
            raise PluginError(f"plugin {impl.plugin_name!r} failed in {hook}: {exc}") from exc
        for obj in provided or ():
            if not isinstance(obj, kind):
                raise PluginError(f"plugin {impl.plugin_name!r} returned {obj!r} from {hook}, not a {kind.__name__}")
            found.append((impl.plugin_name, obj))
    return found


def _unique(found: list[tuple[str, T]], key: Callable[[T], str], what: str) -> dict[str, T]:
    table: dict[str, T] = {}
    owner: dict[str, str] = {}
    for plugin, obj in found:
        name = key(obj)
        if name in table:
            raise PluginError(f"{what} {name!r} is claimed by two plugins: {owner[name]!r} and {plugin!r}")
        table[name], owner[name] = obj, plugin
    return table


@attrs.frozen(kw_only=True)
class Registry:
    """What a plugin manager's plugins provide, checked for conflicts."""

    exporters: dict[str, Exporter]
    readers: dict[str, Reader]
    languages: dict[str, Conventions]
    manager: pluggy.PluginManager

    @classmethod
    def from_plugin_manager(cls, pm: pluggy.PluginManager) -> Registry:
        """Ask every plugin for its exporters, readers and languages; raise PluginError on conflicts."""
        exporters = _unique(_collect(pm, "newsissue_exporters", Exporter), lambda e: e.name, "format")
        readers = _unique(_collect(pm, "newsissue_readers", Reader), lambda r: r.name, "reader")
        languages = _unique(_collect(pm, "newsissue_languages", Conventions), lambda c: c.code, "language")
        return cls(exporters=exporters, readers=readers, languages=languages, manager=pm)

    @property
    def plugins(self) -> tuple[PluginInfo, ...]:
        """Every registered plugin: its name, module, hooks and version (for ``newsissue plugins``)."""
        infos = []
        for name, plugin in self.manager.list_name_plugin():
            module = plugin.__name__ if isinstance(plugin, types.ModuleType) else type(plugin).__module__
            hooks = tuple(sorted(caller.name for caller in self.manager.get_hookcallers(plugin) or ()))
            infos.append(PluginInfo(name=name, module=module, hooks=hooks, version=_version_of(name, module)))
        return tuple(infos)

    def describe_exporter(self, name: str) -> dict[str, Any]:
        """A format's name, media type, suffix, description and options, defaults as the CLI writes them."""
        exporter = self.exporter(name)
        return {
            "name": exporter.name,
            "media_type": exporter.media_type,
            "suffix": exporter.suffix,
            "binary": exporter.binary,
            "description": exporter.description,
            "options": [
                {"name": field.name, "type": str(field.type), "default": cli_value(field.default)}
                for field in attrs.fields(exporter.Options)
            ],
        }

    def input_formats(self) -> list[dict[str, str]]:
        """What ``parse`` reads: page text, then every installed reader, each recognised by its content."""
        text = {
            "name": "text",
            "description": "page text (.md, .txt): Markdown-ish, plain OCR column lines or database records;"
            " UTF-8/16, GB18030 or a detected legacy encoding",
        }
        readers = [{"name": reader.name, "description": reader.description} for reader in self.readers.values()]
        return [text, *sorted(readers, key=lambda entry: entry["name"])]

    def exporter(self, name: str) -> Exporter:
        """The exporter of a format (its name in any case: ``EPUB``), or UnknownFormatError listing the known ones."""
        try:
            return self.exporters[name] if name in self.exporters else self.exporters[name.lower()]
        except KeyError:
            known = ", ".join(sorted(self.exporters)) or "none"
            raise UnknownFormatError(f"unknown format {quoted(name)} (installed: {known})") from None

    def language(self, code: str) -> Conventions:
        """The conventions of a language by its BCP 47 tag (``zh``, ``zh-CN`` …)."""
        primary = code.split("-", maxsplit=1)[0].lower()
        try:
            return self.languages[primary]
        except KeyError:
            known = ", ".join(sorted(self.languages)) or "none"
            raise UnknownFormatError(f"no plugin reads language {quoted(code)} (installed: {known})") from None


@functools.cache
def default_registry() -> Registry:
    """The registry of the installed plugins, built once per process for the convenience API.

    Pass ``plugins=get_plugin_manager()`` (or your own manager) to :func:`newsissue.parse`
    and :func:`newsissue.export` to use another set.
    """
    return Registry.from_plugin_manager(get_plugin_manager())


def cli_value(value: object) -> str:
    """An option value as the command line writes it: ``true``, ``false``, ``none``, ``1``, ``+08:00``."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return "none" if value is None else str(value)


def labels_for(language: str | None) -> Labels:
    """The reader-facing words of a language from the installed plugins (English if none reads it)."""
    primary = (language or "").split("-")[0].lower()
    conventions = default_registry().languages.get(primary)
    return conventions.labels if conventions is not None else Labels()


def registry_for(plugins: pluggy.PluginManager | None) -> Registry:
    """The registry of ``plugins``, or the default one."""
    return default_registry() if plugins is None else Registry.from_plugin_manager(plugins)
