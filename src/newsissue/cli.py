"""The ``newsissue`` command line: convert, inspect, formats, plugins.

Only what a command uses is imported, when it runs: ``--help`` loads argparse and this module.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ._version import __version__
from .errors import NewsIssueError, quoted

if TYPE_CHECKING:
    from .model import Diagnostic, Issue

__all__ = ["EXIT_ERROR", "EXIT_INTERRUPTED", "EXIT_OK", "EXIT_PIPE", "EXIT_USAGE", "EXIT_WARNINGS", "main"]

#: The exit statuses (docs/cli.md, "Errors and exit status").
EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_WARNINGS = 3
EXIT_INTERRUPTED = 130
EXIT_PIPE = 141

#: The longest message line the command line prints; longer ones are cut with an ellipsis.
MESSAGE_LIMIT = 400


def _pairs(values: Sequence[str] | None, flag: str) -> dict[str, str]:
    pairs: dict[str, str] = {}
    for value in values or ():
        key, sep, rest = value.partition("=")
        if not sep or not key.strip():
            raise NewsIssueError(f"{flag} takes key=value, not {quoted(value)}")
        pairs[key.strip()] = rest
    return pairs


def _read(args: argparse.Namespace) -> Issue:
    from pathlib import Path

    from .parser import parse

    inputs: list[str] = args.input
    overrides = _pairs(args.set, "--set")
    options: dict[str, Any] = {
        "language": args.language,
        "encoding": args.encoding,
        "overrides": overrides,
        "structure": not args.segment,
    }
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
    """``--to``, else the format whose suffix the output file has (``.epub``; ``.json`` is native JSON;
    the longest suffix wins: ``.mets.xml`` is METS, ``.xml`` NewsML-G2)."""
    from .plugins import default_registry

    registry = default_registry()
    if args.to:
        return registry.exporter(args.to).name
    name = args.output.lower() if args.output and args.output != "-" and not args.batch else ""
    suffix = (
        max((e.suffix for e in registry.exporters.values() if name.endswith(e.suffix)), key=len, default="")
        or os.path.splitext(name)[1]
    )
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
    from .exporting import export, render
    from .plugins import default_registry

    issue = _read(args)
    options = _pairs(args.option, "--option")
    exporter = default_registry().exporter(args.to)
    if args.output is None or args.output == "-":
        if exporter.binary:
            raise NewsIssueError(f"{args.to} is a binary format: give -o PATH")
        _emit(render(issue, args.to, **options))
    else:
        export(issue, args.to, args.output, **options)
    _report(issue.diagnostics, args.verbosity)  # once the output is written: a failure says only its error
    return _status(issue.diagnostics, args.fail_on)


#: How many of the parser's diagnostics ``convert`` says; the rest are counted (``inspect`` shows all).
REPORT_LIMIT = 20


def _report(diagnostics: Sequence[Diagnostic], verbosity: int) -> None:
    """The parser's warnings on standard error (``-q``: none; ``-v``: its notes too), up to REPORT_LIMIT."""
    if verbosity < 0:
        return
    said = [diagnostic for diagnostic in diagnostics if diagnostic.severity == "warning" or verbosity > 0]
    for diagnostic in said[:REPORT_LIMIT]:
        where = ":".join(str(part) for part in (diagnostic.source, diagnostic.line) if part is not None)
        _say(diagnostic.severity.value, f"{where + ': ' if where else ''}{diagnostic.code}: {diagnostic.message}")
    if len(said) > REPORT_LIMIT:
        _say("note", f"{len(said) - REPORT_LIMIT:,} more not shown: newsissue inspect shows every diagnostic")


def _status(diagnostics: Sequence[Diagnostic], fail_on: str | None) -> int:
    if fail_on == "warning" and any(diagnostic.severity == "warning" for diagnostic in diagnostics):
        return EXIT_WARNINGS
    return EXIT_OK


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


def _emit_json(document: object) -> None:
    import json

    _emit(json.dumps(document, ensure_ascii=False, indent=2) + "\n")


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
        scheduler=args.scheduler,
        force=args.force,
        language=args.language,
        encoding=args.encoding,
        overrides=_pairs(args.set, "--set"),
        structure=not args.segment,
        **_pairs(args.option, "--option"),
    )
    failed = warned = 0
    bar = _progress(len(inputs)) if args.verbosity >= 0 else None
    for result in results:
        warned += result.warnings > 0
        if result.status == "failed":
            failed += 1
            _say("error", f"{result.input}: {result.error}")
        elif bar is None and args.verbosity >= 0:
            _say(result.status, f"{result.input} -> {result.output}")
        if result.warnings and args.verbosity > 0:
            _say("warning", f"{result.input}: {result.warnings} warning(s); see the report")
        if bar is not None:
            bar.update(1)
    if bar is not None:
        bar.close()
    done = len(inputs) - failed
    if args.verbosity >= 0 or failed:
        _say("batch", f"{done} of {len(inputs)} issues converted or up to date, {failed} failed")
    if failed:
        return EXIT_ERROR
    return EXIT_WARNINGS if args.fail_on == "warning" and warned else EXIT_OK


def _progress(total: int) -> Any:
    """A progress bar on a terminal (tqdm), None elsewhere (plain lines instead)."""
    if not sys.stderr.isatty():
        return None
    from tqdm import tqdm

    return tqdm(total=total, unit="issue", file=sys.stderr, leave=True)


def _inspect(args: argparse.Namespace) -> int:
    from .inspect import describe, summary

    issue = _read(args)
    if args.json:
        _emit_json(summary(issue))
    else:
        _emit(describe(issue))
    return _status(issue.diagnostics, args.fail_on)


def _formats(args: argparse.Namespace) -> int:
    from .plugins import default_registry

    registry = default_registry()
    outputs = [registry.describe_exporter(name) for name in sorted(registry.exporters)]
    inputs = registry.input_formats()
    if args.json:
        _emit_json({"outputs": outputs, "inputs": inputs})
        return EXIT_OK
    name_width = max((len(entry["name"]) for entry in [*outputs, *inputs]), default=0)
    type_width = max((len(entry["media_type"]) for entry in outputs), default=0)
    lines = ["output formats (convert --to NAME):"]
    for entry in outputs:
        lines.append(
            f"  {entry['name']:<{name_width}}  {entry['media_type']:<{type_width}}  {entry['suffix']:<6}"
            f" {entry['description']}"
        )
        lines.extend(
            f"  {'':<{name_width}}    --option {option['name']}={option['default']}" for option in entry["options"]
        )
    lines.append("input formats (read by parse and convert, recognised by content):")
    lines.extend(f"  {entry['name']:<{name_width}}  {entry['description']}" for entry in inputs)
    _emit("".join(line + "\n" for line in lines))
    return EXIT_OK


def _plugins(args: argparse.Namespace) -> int:
    import attrs

    from .plugins import default_registry

    plugins = default_registry().plugins
    if args.json:
        _emit_json([attrs.asdict(info) for info in plugins])
        return EXIT_OK
    width = max((len(info.name) for info in plugins), default=0)
    lines = []
    for info in plugins:
        version = f" {info.version}" if info.version else ""
        lines.append(f"{info.name:<{width}}  {info.module}{version}  ({', '.join(info.hooks)})\n")
    _emit("".join(lines))
    return EXIT_OK


class _ArgumentParser(argparse.ArgumentParser):
    """argparse, but a help or usage text that cannot be written is an error, not silence."""

    def _print_message(self, message: str, file: Any = None) -> None:
        if message:
            (file or sys.stderr).write(message)


def _parser() -> argparse.ArgumentParser:
    parser = _ArgumentParser(prog="newsissue", description="Read a digitized newspaper issue and export it.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def reading(command: argparse.ArgumentParser) -> None:
        command.add_argument(
            "input",
            nargs="+",
            metavar="INPUT",
            help="page files, a folder of pages, an archive's issue (ALTO/METS …), or - for stdin",
        )
        command.add_argument("--language", help="BCP 47 tag of the paper's language (default: detected)")
        command.add_argument("--encoding", help="encoding of the input (default: detected)")
        command.add_argument(
            "--segment",
            action="store_true",
            help="segment an archive's pages afresh, setting aside its own article map (METS, DIDL)",
        )
        command.add_argument(
            "--set", action="append", metavar="KEY=VALUE", help="set an issue field, e.g. --set title=株洲日报"
        )
        command.add_argument(
            "--fail-on",
            choices=["warning"],
            help="exit with status 3 when the parser gave a warning (the output is still written)",
        )

    convert = commands.add_parser("convert", help="convert an issue to a format")
    reading(convert)
    convert.add_argument(
        "-t", "--to", metavar="FORMAT", help="output format (see: newsissue formats); default: from -o's suffix"
    )
    convert.add_argument("-o", "--output", metavar="PATH", help="output file (default: stdout, for text formats)")
    convert.add_argument("--option", action="append", metavar="KEY=VALUE", help="an exporter option")
    loudness = convert.add_mutually_exclusive_group()
    loudness.add_argument(
        "-q", "--quiet", dest="verbosity", action="store_const", const=-1, help="say nothing but errors"
    )
    loudness.add_argument(
        "-v", "--verbose", dest="verbosity", action="store_const", const=1, help="say the parser's notes too"
    )
    convert.set_defaults(verbosity=0)
    convert.add_argument(
        "--batch", action="store_true", help="many issues: each INPUT folder of pages is one, -o is a folder"
    )
    convert.add_argument("--jobs", type=int, metavar="N", help="--batch: worker processes (default: the cores)")
    convert.add_argument(
        "--scheduler", metavar="ADDRESS", help="--batch: run on a Dask cluster (tcp://HOST:PORT; needs newsissue[dask])"
    )
    convert.add_argument("--force", action="store_true", help="--batch: convert issues whose output is up to date")
    convert.set_defaults(run=_convert)

    inspect = commands.add_parser("inspect", help="show the issue's structure and the parser's diagnostics")
    reading(inspect)
    inspect.add_argument("--json", action="store_true", help="the same as one JSON document")
    inspect.set_defaults(run=_inspect)

    formats = commands.add_parser("formats", help="list the output formats and the input formats read")
    formats.add_argument("--json", action="store_true", help="as one JSON document")
    formats.set_defaults(run=_formats)
    plugins = commands.add_parser("plugins", help="list the installed plugins")
    plugins.add_argument("--json", action="store_true", help="as one JSON document")
    plugins.set_defaults(run=_plugins)
    return parser


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
        return EXIT_PIPE
    _say("error", f"cannot write to standard output: {exc.strerror or exc}")
    return EXIT_ERROR


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (docs/cli.md: 0, 1, 2, 3, 130, 141)."""
    import warnings

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
        return done.code if isinstance(done.code, int) else EXIT_ERROR
    except OSError as exc:  # the help or usage text could not be written
        return _stdout_failed(exc)
    warnings.showwarning = _warning
    previous = signal.signal(signal.SIGTERM, _terminate)
    try:
        return int(args.run(args))
    except NewsIssueError as exc:
        _say("error", exc)
        return EXIT_ERROR
    except _OutputError as exc:
        _say("error", f"cannot write to standard output: {exc}")
        return EXIT_ERROR
    except BrokenPipeError as exc:
        return _stdout_failed(exc)
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    finally:
        signal.signal(signal.SIGTERM, previous)


if __name__ == "__main__":
    sys.exit(main())
