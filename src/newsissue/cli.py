"""The ``newsissue`` command line: convert, inspect, formats, plugins."""

from __future__ import annotations

import argparse
import os
import signal
import sys
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import attrs

from . import __name__ as _package
from .errors import NewsIssueError, quoted
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
            raise NewsIssueError(f"{flag} takes key=value, not {quoted(value)}")
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


def _format_of(args: argparse.Namespace) -> str:
    """``--to``, else the format whose suffix the output file has (``.epub``; ``.json`` is native JSON)."""
    registry = default_registry()
    if args.to:
        return registry.exporter(args.to).name
    suffix = Path(args.output).suffix.lower() if args.output and args.output != "-" and not args.batch else ""
    named = sorted(name for name, exporter in registry.exporters.items() if exporter.suffix == suffix)
    if suffix == ".json" and "json" in named:  # ninjs shares the suffix: native JSON unless -t ninjs
        named = ["json"]
    if len(named) == 1:
        return named[0]
    found = f" (the suffix {suffix} is {' and '.join(named) if named else 'no format'}'s)" if suffix else ""
    raise NewsIssueError(f"give the output format with --to FORMAT{found}")


def _convert(args: argparse.Namespace) -> int:
    args.to = _format_of(args)
    if args.batch:
        return _batch(args)
    issue = _read(args)
    options = _pairs(args.option, "--option")
    exporter = default_registry().exporter(args.to)
    if args.output is None or args.output == "-":
        if exporter.binary:
            raise NewsIssueError(f"{args.to} is a binary format: give -o PATH")
        _emit(render(issue, args.to, **options))
    else:
        export(issue, args.to, args.output, **options)
    return 0


class _OutputError(Exception):
    """Standard output could not be written (a full disk, a closed pipe)."""


def _emit(data: bytes | str) -> None:
    """Write to standard output; text in the terminal's encoding, with escapes for what it cannot show."""
    stream = sys.stdout
    if isinstance(data, str):
        data = data.encode(stream.encoding or "utf-8", "backslashreplace")
    try:
        stream.buffer.write(data)
        stream.buffer.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise _OutputError(exc.strerror or str(exc)) from None


def _batch(args: argparse.Namespace) -> int:
    """``convert --batch``: every issue the inputs name, one output each in the -o folder."""
    from .batch import convert_many, issue_inputs

    if not args.output or args.output == "-":
        raise NewsIssueError("--batch writes one file per issue: give -o FOLDER")
    inputs = issue_inputs(args.input)
    results = convert_many(
        inputs,
        args.to,
        args.output,
        jobs=args.jobs,
        force=args.force,
        language=args.language,
        encoding=args.encoding,
        overrides=_pairs(args.set, "--set"),
        **_pairs(args.option, "--option"),
    )
    failed = 0
    bar = _progress(len(inputs))
    for result in results:
        if result.status == "failed":
            failed += 1
            _say("error", f"{result.input}: {result.error}")
        elif bar is None:
            _say(result.status, f"{result.input} -> {result.output}")
        if bar is not None:
            bar.update(1)
    if bar is not None:
        bar.close()
    done = len(inputs) - failed
    _say("batch", f"{done} of {len(inputs)} issues converted or up to date, {failed} failed")
    return 1 if failed else 0


def _progress(total: int) -> Any:
    """A progress bar on a terminal (tqdm), None elsewhere (plain lines instead)."""
    if not sys.stderr.isatty():
        return None
    from tqdm import tqdm

    return tqdm(total=total, unit="issue", file=sys.stderr, leave=True)


def _inspect(args: argparse.Namespace) -> int:
    _emit(describe(_read(args)))
    return 0


def _formats(_args: argparse.Namespace) -> int:
    exporters = sorted(default_registry().exporters.items())
    name_width = max((len(name) for name, _ in exporters), default=0)
    type_width = max((len(exporter.media_type) for _, exporter in exporters), default=0)
    lines = []
    for name, exporter in exporters:
        lines.append(
            f"{name:<{name_width}}  {exporter.media_type:<{type_width}}  {exporter.suffix:<6} {exporter.description}"
        )
        lines.extend(
            f"{'':<{name_width}}  --option {field.name}={field.default!r}" for field in attrs.fields(exporter.Options)
        )
    _emit("".join(line + "\n" for line in lines))
    return 0


def _plugins(_args: argparse.Namespace) -> int:
    plugins = default_registry().plugins
    width = max((len(info.name) for info in plugins), default=0)
    lines = []
    for info in plugins:
        version = f" {info.version}" if info.version else ""
        lines.append(f"{info.name:<{width}}  {info.module}{version}  ({', '.join(info.hooks)})\n")
    _emit("".join(lines))
    return 0


class _ArgumentParser(argparse.ArgumentParser):
    """argparse, but a help or usage text that cannot be written is an error, not silence."""

    def _print_message(self, message: str, file: Any = None) -> None:
        if message:
            (file or sys.stderr).write(message)


def _parser() -> argparse.ArgumentParser:
    from importlib.metadata import version

    parser = _ArgumentParser(prog="newsissue", description="Read a digitized newspaper issue and export it.")
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
    convert.add_argument(
        "-t", "--to", metavar="FORMAT", help="output format (see: newsissue formats); default: from -o's suffix"
    )
    convert.add_argument("-o", "--output", metavar="PATH", help="output file (default: stdout, for text formats)")
    convert.add_argument("--option", action="append", metavar="KEY=VALUE", help="an exporter option")
    convert.add_argument(
        "--batch", action="store_true", help="many issues: each INPUT folder of pages is one, -o is a folder"
    )
    convert.add_argument("--jobs", type=int, metavar="N", help="--batch: worker processes (default: the cores)")
    convert.add_argument("--force", action="store_true", help="--batch: convert issues whose output is up to date")
    convert.set_defaults(run=_convert)

    inspect = commands.add_parser("inspect", help="show the issue's structure and the parser's diagnostics")
    reading(inspect)
    inspect.set_defaults(run=_inspect)

    commands.add_parser("formats", help="list the installed output formats").set_defaults(run=_formats)
    commands.add_parser("plugins", help="list the installed plugins").set_defaults(run=_plugins)
    return parser


#: The longest message line the command line prints; longer ones are cut with an ellipsis.
MESSAGE_LIMIT = 400


def _say(kind: str, message: object) -> None:
    """One line on standard error, whatever the message holds and whatever the terminal can show."""
    text = " ".join(str(message).split())
    if len(text) > MESSAGE_LIMIT:
        text = text[: MESSAGE_LIMIT - 1] + "…"
    line = f"newsissue: {kind}: {text}\n"
    try:
        sys.stderr.buffer.write(line.encode(sys.stderr.encoding or "utf-8", "backslashreplace"))
        sys.stderr.buffer.flush()
    except (OSError, ValueError):
        pass  # nowhere left to say it


def _warning(message: Warning | str, category: type[Warning], *_args: Any, **_kwargs: Any) -> None:
    _say("warning", message)


def _terminate(signum: int, _frame: object) -> None:
    """SIGTERM unwinds like Ctrl-C, so a half-written output file is removed on the way out."""
    raise KeyboardInterrupt


def _quiet_stdout() -> None:
    """After a closed pipe: send what is left of standard output nowhere, so the exit is quiet."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


def _stdout_failed(exc: OSError) -> int:
    """The exit for output that could not be written: quiet after a closed pipe, one error line else."""
    if isinstance(exc, BrokenPipeError):
        _quiet_stdout()
        return 141
    _say("error", f"cannot write to standard output: {exc.strerror or exc}")
    return 1


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (0, 1 for an error, 130 interrupted, 141 closed pipe)."""
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    try:
        args = _parser().parse_args(argv)
    except SystemExit as done:  # --help, --version, or a usage error argparse has reported
        try:
            sys.stdout.flush()
        except OSError as exc:
            return _stdout_failed(exc)
        return done.code if isinstance(done.code, int) else 1
    except OSError as exc:  # the help or usage text could not be written
        return _stdout_failed(exc)
    warnings.showwarning = _warning
    previous = signal.signal(signal.SIGTERM, _terminate)
    try:
        return int(args.run(args))
    except NewsIssueError as exc:
        _say("error", exc)
        return 1
    except _OutputError as exc:
        _say("error", f"cannot write to standard output: {exc}")
        return 1
    except BrokenPipeError as exc:
        return _stdout_failed(exc)
    except KeyboardInterrupt:
        return 130
    finally:
        signal.signal(signal.SIGTERM, previous)


if __name__ == "__main__":
    sys.exit(main())
