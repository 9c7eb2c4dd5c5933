"""Plugins: third-party exporters take the built-ins' path; conflicts and breakage are handled."""

from __future__ import annotations

import importlib.metadata
import warnings
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import attrs
import pytest

import newsissue
from newsissue.plugins import DEFAULT_PLUGINS, PluginWarning, Registry, get_plugin_manager


@attrs.frozen(kw_only=True)
class ShoutOptions:
    exclaim: bool = False
    repeat: int = 1


class Shout(newsissue.Exporter):
    """A third-party exporter: headlines in capitals."""

    name = "shout"
    media_type = "text/plain"
    suffix = ".txt"
    description = "headlines, loudly"
    Options = ShoutOptions

    def render(self, issue: newsissue.Issue, options: ShoutOptions) -> bytes:
        mark = "!" if options.exclaim else ""
        lines = [f"{a.headline}{mark}" for a in issue.articles() for _ in range(options.repeat)]
        return "\n".join(lines).encode()


class ShoutPlugin:
    @newsissue.hookimpl
    def newsissue_exporters(self) -> tuple[newsissue.Exporter, ...]:
        return (Shout(),)


def test_builtins_are_registered_as_plugins() -> None:
    pm = get_plugin_manager(entry_points=False)
    assert [name for name, _ in pm.list_name_plugin()] == list(DEFAULT_PLUGINS)
    registry = Registry.from_plugin_manager(pm)
    assert "json" in registry.exporters and "zh" in registry.languages and "json" in registry.readers


def test_third_party_exporter_takes_the_same_path(example_issue: Path, tmp_path: Path) -> None:
    pm = get_plugin_manager(entry_points=False)
    pm.register(ShoutPlugin(), name="shout")
    issue = newsissue.parse(example_issue, plugins=pm)
    out = tmp_path / "headlines.txt"
    newsissue.export(issue, "shout", out, plugins=pm, exclaim="true", repeat=2)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[:2] == ["青溪港新航线首航!", "青溪港新航线首航!"]
    with pytest.raises(newsissue.UnknownFormatError):
        newsissue.render(issue, "shout", plugins=get_plugin_manager(entry_points=False))


def test_two_plugins_claiming_one_name_is_an_error_naming_both() -> None:
    class Impostor:
        @newsissue.hookimpl
        def newsissue_exporters(self) -> tuple[newsissue.Exporter, ...]:
            return (Shout(),)

    pm = get_plugin_manager(entry_points=False)
    pm.register(ShoutPlugin(), name="first-shout")
    pm.register(Impostor(), name="second-shout")
    with pytest.raises(newsissue.PluginError, match=r"'shout' is claimed by two plugins: '.*-shout' and '.*-shout'"):
        Registry.from_plugin_manager(pm)


def test_a_hook_returning_the_wrong_type_is_a_plugin_error() -> None:
    class Sloppy:
        @newsissue.hookimpl
        def newsissue_exporters(self) -> Any:
            return ({"name": "dict"},)

    pm = get_plugin_manager(entry_points=False)
    pm.register(Sloppy(), name="sloppy")
    with pytest.raises(newsissue.PluginError, match=r"'sloppy' returned .* not a Exporter"):
        Registry.from_plugin_manager(pm)


def test_a_plugin_that_fails_to_import_warns_and_the_rest_work(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken() -> None:
        raise ImportError("No module named 'missing_dependency'")

    fake = SimpleNamespace(name="broken", value="broken_plugin", load=broken, dist=SimpleNamespace(name="broken-dist"))
    monkeypatch.setattr(importlib.metadata, "entry_points", lambda group: [fake] if group == "newsissue" else [])
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        pm = get_plugin_manager()
    assert any(issubclass(w.category, PluginWarning) and "broken" in str(w.message) for w in caught)
    assert "json" in Registry.from_plugin_manager(pm).exporters
