"""The ``newsissue`` command line: convert, inspect, formats, plugins."""

from __future__ import annotations

import argparse
import os
import sys
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import attrs

from . import __name__ as _package
from .errors import NewsIssueError
from .export import export, render
from .inspect import describe
from .model import Issue
from .parser import parse
from .plugins import default_registry

__all__ = ["main"]


def _pairs(values: Sequence[str] | None, flag: str) -> dict[str, str]:
    pairs: dict[str, str] = {}
    for value in values or ():
        key, sep, rest = value.partition("=")
        if not sep or not key.strip():
            raise NewsIssueError(f"{flag} takes key=value, not {value!r}")
        pairs[key.strip()] = rest
    return pairs


def _read(args: argparse.Namespace) -> Issue:
    inputs: list[str] = args.input
    overrides = _pairs(args.set, "--set")
    options: dict[str, Any] = {"language": args.language, "encoding": args.encoding, "overrides": overrides}
    if inputs == ["-"]:
        return parse(sys.stdin.buffer.read(), **options)
    if "-" in inputs:
        raise NewsIssueError("'-' (standard input) cannot be mixed with files")
    for name in inputs:
        if not os.path.exists(name):
            raise NewsIssueError(f"{name}: no such file or directory")
    paths = [Path(name) for name in inputs]
    return parse(paths[0] if len(paths) == 1 else paths, **options)


def _convert(args: argparse.Namespace) -> int:
    issue = _read(args)
    options = _pairs(args.option, "--option")
    exporter = default_registry().exporter(args.to)
    if args.output is None or args.output == "-":
        if exporter.binary:
            raise NewsIssueError(f"{args.to} is a binary format: give -o PATH")
        data = render(issue, args.to, **options)
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    else:
        export(issue, args.to, args.output, **options)
    return 0


def _inspect(args: argparse.Namespace) -> int:
    sys.stdout.write(describe(_read(args)))
    return 0


def _formats(_args: argparse.Namespace) -> int:
    exporters = sorted(default_registry().exporters.items())
    name_width = max((len(name) for name, _ in exporters), default=0)
    type_width = max((len(exporter.media_type) for _, exporter in exporters), default=0)
    for name, exporter in exporters:
        print(f"{name:<{name_width}}  {exporter.media_type:<{type_width}}  {exporter.suffix:<6} {exporter.description}")
        for field in attrs.fields(exporter.Options):
            print(f"{'':<{name_width}}  --option {field.name}={field.default!r}")
    return 0


def _plugins(_args: argparse.Namespace) -> int:
    plugins = default_registry().plugins
    width = max((len(info.name) for info in plugins), default=0)
    for info in plugins:
        version = f" {info.version}" if info.version else ""
        print(f"{info.name:<{width}}  {info.module}{version}  ({', '.join(info.hooks)})")
    return 0


def _parser() -> argparse.ArgumentParser:
    from importlib.metadata import version

    parser = argparse.ArgumentParser(prog="newsissue", description="Read a digitized newspaper issue and export it.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {version(_package)}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def reading(command: argparse.ArgumentParser) -> None:
        command.add_argument("input", nargs="+", metavar="INPUT", help="page files, a folder of pages, or - for stdin")
        command.add_argument("--language", help="BCP 47 tag of the paper's language (default: detected)")
        command.add_argument("--encoding", help="encoding of the input (default: detected)")
        command.add_argument(
            "--set", action="append", metavar="KEY=VALUE", help="set an issue field, e.g. --set title=株洲日报"
        )

    convert = commands.add_parser("convert", help="convert an issue to a format")
    reading(convert)
    convert.add_argument("--to", required=True, metavar="FORMAT", help="output format (see: newsissue formats)")
    convert.add_argument("-o", "--output", metavar="PATH", help="output file (default: stdout, for text formats)")
    convert.add_argument("--option", action="append", metavar="KEY=VALUE", help="an exporter option")
    convert.set_defaults(run=_convert)

    inspect = commands.add_parser("inspect", help="show the issue's structure and the parser's diagnostics")
    reading(inspect)
    inspect.set_defaults(run=_inspect)

    commands.add_parser("formats", help="list the installed output formats").set_defaults(run=_formats)
    commands.add_parser("plugins", help="list the installed plugins").set_defaults(run=_plugins)
    return parser


def _warning(message: Warning | str, category: type[Warning], *_args: Any, **_kwargs: Any) -> None:
    sys.stderr.write(f"newsissue: warning: {message}\n")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = _parser().parse_args(argv)
    warnings.showwarning = _warning
    try:
        return int(args.run(args))
    except NewsIssueError as exc:
        sys.stderr.write(f"newsissue: error: {exc}\n")
        return 1
    except BrokenPipeError:
        sys.stderr.close()
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
