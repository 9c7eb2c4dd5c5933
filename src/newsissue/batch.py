"""Many issues in one run: each input parsed and exported in a pool of worker processes.

``convert_many`` takes issue inputs (a folder of page files is one issue; a folder of such
folders, a list file ``@issues.txt`` or a glob gives many), writes one output per issue into an
output folder, named from the issue (paper, date, number), and yields a :class:`BatchResult` per
issue in input order as each is ready. A failing issue is a result with ``status="failed"``, never
an exception that stops the run. An issue whose output is newer than all of its input files
(found through the report of the earlier run) is skipped unless ``force``.

The issues run in a pool of worker processes, or as tasks on a Dask cluster (``scheduler`` or
``client``; the ``dask`` extra): a task gets the issue's path and options and returns the
output's name and bytes, which this process writes. Nothing else is shared.
"""

from __future__ import annotations

import collections
import concurrent.futures
import contextlib
import glob
import json
import os
import re
import time
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import attrs

from .atomic import remove_stale_temporaries, write_atomic
from .errors import NewsIssueError, ParseError
from .exporting import render
from .model import Issue, Severity
from .parser import parse
from .plugins import default_registry

if TYPE_CHECKING:
    from distributed import Client

__all__ = ["REPORT_NAME", "BatchResult", "convert_many", "issue_inputs"]

#: The report ``convert_many`` keeps in the output folder: one JSON object a line, one line per issue.
REPORT_NAME = "newsissue-report.jsonl"
#: Seconds to wait for a Dask scheduler named by address before the run is refused.
DASK_CONNECT_TIMEOUT = 20
_PAGE_SUFFIXES = {".md", ".markdown", ".txt", ".text", ".json", ".xml"}


@attrs.frozen(kw_only=True)
class BatchResult:
    """What became of one issue: ``done``, ``skipped`` (its output is up to date) or ``failed``."""

    input: str
    output: str | None
    status: Literal["done", "skipped", "failed"]
    warnings: int = 0
    seconds: float = 0.0
    error: str | None = None

    def to_json(self) -> str:
        """The result as one line of the JSON Lines report."""
        return json.dumps(attrs.asdict(self), ensure_ascii=False, sort_keys=True)


def _holds_pages(folder: Path) -> bool:
    return any(path.is_file() and path.suffix.lower() in _PAGE_SUFFIXES for path in folder.iterdir())


def _ndnp_batch(folder: Path) -> list[Path]:
    """The issue files an NDNP batch folder's ``batch*.xml`` lists; none for any other folder."""
    from .readers.sniff import sniff

    for path in sorted(folder.glob("batch*.xml")):
        if sniff(path) == "batch":
            from .readers.mets import batch_issues

            return batch_issues(path)
    return []


def issue_inputs(sources: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """The issues the sources name, each a page file or a folder of page files, sorted and distinct.

    A folder of page files is one issue; a folder with none is searched for such folders (an
    archive of issue folders, a batch of reels); a folder holding an NDNP ``batch.xml`` is the
    issues it lists (their METS files); ``@FILE`` reads one source a line; a source with ``*``,
    ``?`` or ``[`` is a glob.
    """
    found: set[Path] = set()

    def add(source: str) -> None:
        if source.startswith("@"):
            try:
                lines = Path(source[1:]).read_text(encoding="utf-8").splitlines()
            except OSError as exc:
                raise ParseError(f"cannot read the list {source[1:]}: {exc.strerror or exc}") from None
            for line in lines:
                if line.strip() and not line.lstrip().startswith("#"):
                    add(line.strip())
            return
        if any(mark in source for mark in "*?["):
            matches = sorted(glob.glob(source, recursive=True))
            if not matches:
                raise ParseError(f"{source}: no file or folder matches")
            for match in matches:
                add(match)
            return
        path = Path(source)
        if path.is_file():
            found.add(path)
        elif path.is_dir():
            if listed := _ndnp_batch(path):
                found.update(listed)
            elif _holds_pages(path):
                found.add(path)
            else:
                issues: list[Path] = []
                for root, dirs, _files in os.walk(path):
                    dirs.sort()
                    if listed := _ndnp_batch(Path(root)):
                        issues.extend(listed)
                    elif _holds_pages(Path(root)):
                        issues.append(Path(root))
                    else:
                        continue
                    dirs.clear()  # an issue's own folders (an archive's text/, images/) are not issues
                if not issues:
                    raise ParseError(f"{path} holds no issues (no folder of page files)")
                found.update(issues)
        else:
            raise ParseError(f"{source}: no such file or folder")

    for source in sources:
        add(os.fspath(source))
    return sorted(found)


def _slug(text: str) -> str:
    """A file-name-safe form that keeps letters of any script: ``The Evening Star`` → ``the-evening-star``."""
    normal = unicodedata.normalize("NFKC", text).lower()
    return re.sub(r"[^\w]+", "-", normal).strip("-_")[:60]


def output_name(issue: Issue, source: Path, suffix: str) -> str:
    """The output's file name from the issue: paper, date and number (the input's name where none)."""
    paper = _slug(issue.title or issue.publisher or "") or _slug(source.stem) or "issue"
    parts = [paper, issue.date.isoformat() if issue.date else "undated"]
    if issue.number is not None:
        parts.append(f"no{issue.number}")
    return "-".join(parts) + suffix


@attrs.frozen
class _Task:
    source: str
    format: str
    options: Mapping[str, Any]
    parse_options: Mapping[str, Any]


@attrs.frozen
class _Done:
    source: str
    name: str | None
    data: bytes | None
    warnings: int
    seconds: float
    error: str | None


def _convert(task: _Task) -> _Done:
    """Parse and render one issue (in a worker process); every error becomes part of the result."""
    start = time.process_time()
    source = Path(task.source)
    try:
        issue = parse(source, **task.parse_options)
        exporter = default_registry().exporter(task.format)
        data = render(issue, task.format, **task.options)
        warnings = sum(1 for note in issue.diagnostics if note.severity is Severity.WARNING)
        name = output_name(issue, source, exporter.suffix)
        return _Done(task.source, name, data, warnings, time.process_time() - start, None)
    except NewsIssueError as exc:
        return _Done(task.source, None, None, 0, time.process_time() - start, str(exc))
    except Exception as exc:  # a defect: reported for this issue, the run goes on
        return _Done(task.source, None, None, 0, time.process_time() - start, f"{type(exc).__name__}: {exc}")


def _previous(report: Path) -> dict[str, str]:
    """Input → output of the earlier run's report, for resumption."""
    outputs: dict[str, str] = {}
    try:
        lines = report.read_text(encoding="utf-8").splitlines()
    except OSError:
        return outputs
    for line in lines:
        try:
            entry = json.loads(line)
        except ValueError:
            continue
        if isinstance(entry, dict) and entry.get("status") in ("done", "skipped") and entry.get("output"):
            outputs[str(entry.get("input"))] = str(entry["output"])
    return outputs


def _newest_input(source: Path) -> float:
    files = [path for path in source.iterdir() if path.is_file()] if source.is_dir() else [source]
    return max((path.stat().st_mtime for path in files), default=0.0)


def _up_to_date(source: Path, output: Path) -> bool:
    try:
        return output.stat().st_mtime >= _newest_input(source)
    except OSError:
        return False


def convert_many(
    sources: Sequence[str | os.PathLike[str]],
    format: str,
    output_dir: str | os.PathLike[str],
    *,
    jobs: int | None = None,
    scheduler: str | None = None,
    client: Client | None = None,
    force: bool = False,
    language: str | None = None,
    encoding: str | None = None,
    overrides: Mapping[str, Any] | None = None,
    structure: bool = True,
    **options: Any,
) -> Iterator[BatchResult]:
    """Convert every issue the sources name to ``format`` in ``output_dir``; a result per issue, in input order.

    ``jobs`` worker processes (default: the machine's cores; 1 runs in this process); or, with the
    ``dask`` extra, the issues as tasks on a Dask cluster: ``scheduler`` (``tcp://HOST:PORT``) or a
    ``distributed.Client``. The outputs are the same bytes either way. ``structure`` is
    :func:`newsissue.parse`'s: whether an archive's own article map gives the items. Outputs are written
    atomically; the report ``newsissue-report.jsonl`` in ``output_dir`` gets a line per issue.
    Raises :class:`~newsissue.NewsIssueError` only for what stops the whole run (no inputs, an
    unknown format, an output folder that cannot be made).
    """
    exporter = default_registry().exporter(format)  # an unknown format stops the run before it starts
    inputs = issue_inputs(sources)
    if not inputs:
        raise ParseError("no issues given")
    folder = Path(output_dir)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise NewsIssueError(f"cannot make the output folder {folder}: {exc.strerror or exc}") from None
    remove_stale_temporaries(folder)  # once for the folder, not once a file
    report_path = folder / REPORT_NAME
    previous = {} if force else _previous(report_path)
    parse_options = {
        "language": language,
        "encoding": encoding,
        "overrides": dict(overrides or {}),
        "structure": structure,
    }
    pending: list[Path] = []
    skipped: dict[str, BatchResult] = {}
    for source in inputs:
        earlier = previous.get(str(source))
        if earlier is not None and _up_to_date(source, folder / earlier):
            skipped[str(source)] = BatchResult(input=str(source), output=earlier, status="skipped")
        else:
            pending.append(source)
    tasks = [_Task(str(source), exporter.name, dict(options), parse_options) for source in pending]
    taken: set[str] = set(previous.values()) - {previous[str(s)] for s in pending if str(s) in previous}
    workers = max(1, jobs if jobs is not None else (os.cpu_count() or 1))
    lines: list[str] = []
    with contextlib.ExitStack() as stack:
        if scheduler is not None or client is not None:
            done = _on_dask(tasks, scheduler, client, stack)
        elif workers > 1 and len(tasks) > 1:
            pool = stack.enter_context(concurrent.futures.ProcessPoolExecutor(max_workers=workers))
            # Tasks go in chunks (fewer messages between processes), small enough to keep both busy.
            done = pool.map(_convert, tasks, chunksize=max(1, min(16, len(tasks) // (workers * 8))))
        else:
            done = map(_convert, tasks)  # one job: in this process, no pool to start
        # Files are written (and synced) by a few threads while the workers go on; the results
        # still come in input order, each once its file is written.
        writers = stack.enter_context(concurrent.futures.ThreadPoolExecutor(max_workers=_WRITERS))
        window: collections.deque[BatchResult | concurrent.futures.Future[BatchResult]] = collections.deque()
        for source in inputs:
            if str(source) in skipped:
                window.append(skipped[str(source)])
            else:
                named = _named(next(done), taken)
                window.append(named if isinstance(named, BatchResult) else writers.submit(_write, *named, folder))
            while window and (len(window) > 4 * _WRITERS or _ready(window[0])):
                yield _recorded(window.popleft(), lines)
        while window:
            yield _recorded(window.popleft(), lines)
    _write_report(report_path, lines)


#: Threads that write the outputs of a batch.
_WRITERS = 4


def _ready(entry: BatchResult | concurrent.futures.Future[BatchResult]) -> bool:
    return isinstance(entry, BatchResult) or entry.done()


def _recorded(entry: BatchResult | concurrent.futures.Future[BatchResult], lines: list[str]) -> BatchResult:
    result = entry if isinstance(entry, BatchResult) else entry.result()
    lines.append(result.to_json())
    return result


def _on_dask(
    tasks: list[_Task], scheduler: str | None, client: Client | None, stack: contextlib.ExitStack
) -> Iterator[_Done]:
    """The tasks' results, in order, from a Dask cluster (a client made for ``scheduler`` is closed at the end)."""
    try:
        import distributed
    except ImportError:
        raise NewsIssueError("running on a Dask cluster needs the dask extra: pip install 'newsissue[dask]'") from None
    if client is None:
        try:
            client = stack.enter_context(
                distributed.Client(scheduler, set_as_default=False, timeout=DASK_CONNECT_TIMEOUT)
            )
        except (OSError, TimeoutError, ValueError) as exc:
            raise NewsIssueError(f"cannot reach the Dask scheduler {scheduler}: {exc}") from None
    futures = client.map(_convert, tasks, pure=False)
    return (future.result() for future in futures)


def _named(done: _Done, taken: set[str]) -> BatchResult | tuple[_Done, str]:
    """A finished issue and a name no other issue of the run has taken (``-2``, ``-3`` …); or its failure."""
    if done.error is not None or done.name is None or done.data is None:
        return BatchResult(input=done.source, output=None, status="failed", seconds=done.seconds, error=done.error)
    name, count = done.name, 1
    stem, dot, suffix = done.name.rpartition(".")
    while name in taken:
        count += 1
        name = f"{stem}-{count}{dot}{suffix}"
    taken.add(name)
    return done, name


def _write(done: _Done, name: str, folder: Path) -> BatchResult:
    """Write a finished issue's output; a failure to write is the issue's result."""
    assert done.data is not None
    try:
        write_atomic(folder / name, done.data, sweep=False)
    except OSError as exc:
        error = f"cannot write {folder / name}: {exc.strerror or exc}"
        return BatchResult(input=done.source, output=None, status="failed", seconds=done.seconds, error=error)
    return BatchResult(
        input=done.source, output=name, status="done", warnings=done.warnings, seconds=round(done.seconds, 3)
    )


def _write_report(path: Path, lines: list[str]) -> None:
    """This run's lines, and the earlier run's lines for inputs this run did not name."""
    named = {json.loads(line)["input"] for line in lines}
    kept = []
    try:
        for line in path.read_text(encoding="utf-8").splitlines():
            try:
                entry = json.loads(line)
            except ValueError:
                continue
            if isinstance(entry, dict) and entry.get("input") not in named:
                kept.append(line)
    except OSError:
        pass
    write_atomic(path, "".join(line + "\n" for line in (*kept, *lines)).encode("utf-8"))
