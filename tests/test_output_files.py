"""The output-file rules of docs/cli.md: regular files replaced whole with their mode kept, symbolic
links followed, hard links, devices and FIFOs written in place, read-only files refused, and no
temporary file left behind after SIGTERM, nor visible after SIGKILL. As root and as an ordinary user."""

from __future__ import annotations

import os
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from newsissue.cli import main

ROOT = os.geteuid() == 0
NOBODY = 65534
SOURCE = Path(__file__).resolve().parents[1] / "examples" / "qingxi-daily" / "01.md"

# Runs the command line with the write slowed down: some bytes, a line on stderr, then a long
# wait, so a test can send a signal while the output is being written.
SLOW_WRITE = """
import os, sys, time
import newsissue.atomic as atomic
if os.environ.get("NAMED_ONLY"):
    atomic._open_unnamed = lambda folder: None
def slow(fd, data, old):
    os.write(fd, b'{"format": "newsissue/1", "title": "half wr')
    sys.stderr.write("writing\\n"); sys.stderr.flush()
    time.sleep(60)
atomic._fill = slow
from newsissue.cli import main
sys.exit(main(sys.argv[1:]))
"""


@pytest.fixture
def folder() -> Iterator[Path]:
    """A folder anyone may use (pytest's own tmp_path is private to root)."""
    path = Path(tempfile.mkdtemp(prefix="newsissue-out-"))
    path.chmod(0o777)
    shutil.copy(SOURCE, path / "page.md")
    (path / "page.md").chmod(0o644)
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


def convert(out: Path, *, user: int | None = None, umask: int | None = None) -> subprocess.CompletedProcess[bytes]:
    """``newsissue convert page.md --to json -o OUT``, as this user or as ``user``."""
    argv = ["convert", str(out.parent / "page.md"), "--to", "json", "-o", str(out)]
    if user is not None:
        return _as_user(user, argv, umask)
    extra: dict[str, Any] = {"umask": umask} if umask is not None else {}
    return subprocess.run([sys.executable, "-m", "newsissue.cli", *argv], capture_output=True, check=False, **extra)


def _as_user(user: int, argv: list[str], umask: int | None) -> subprocess.CompletedProcess[bytes]:
    """Run the command line in a forked child that has given up root for ``user``.

    A fork, not a new interpreter: the interpreter may live where an ordinary user cannot read
    (``/root/.pyenv``), and a child of this process needs nothing more from the disk.
    """
    with tempfile.TemporaryDirectory() as warm:  # import every module and codec the run needs, before the fork
        assert main([*argv[:-1], os.path.join(warm, "warm.json")]) == 0
    reader, writer = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        code = 99
        try:
            os.close(reader)
            os.dup2(writer, 2)
            sys.stderr = open(2, "w", closefd=False)  # noqa: SIM115 - not pytest's capture
            os.setgroups([])
            os.setgid(user)
            os.setuid(user)
            if umask is not None:
                os.umask(umask)
            code = main(argv)
            sys.stderr.flush()
        except BaseException as exc:
            os.write(2, repr(exc).encode())
        finally:
            os._exit(code)
    os.close(writer)
    with os.fdopen(reader, "rb") as stream:
        stderr = stream.read()
    status = os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])
    return subprocess.CompletedProcess(argv, status, b"", stderr)


def leftovers(folder: Path) -> list[str]:
    return sorted(name for name in os.listdir(folder) if name.endswith(".tmp"))


def written(path: Path) -> bool:
    return path.read_bytes().startswith(b'{"format": "newsissue/1"')


def users() -> list[int | None]:
    """The current user, and an ordinary one too when the tests run as root."""
    return [None, NOBODY] if ROOT else [None]


@pytest.fixture(params=users(), ids=lambda user: "nobody" if user else "me")
def user(request: pytest.FixtureRequest) -> int | None:
    return request.param


def own(path: Path, user: int | None) -> None:
    if user is not None:
        os.chown(path, user, user)


@pytest.mark.parametrize("mode", [0o600, 0o640, 0o664])
def test_an_existing_file_keeps_its_mode(mode: int, folder: Path, user: int | None) -> None:
    out = folder / "issue.json"
    out.write_text("old")
    own(out, user)
    out.chmod(mode)
    result = convert(out, user=user)
    assert result.returncode == 0, result.stderr
    assert written(out) and stat.S_IMODE(out.stat().st_mode) == mode
    if user is not None:
        assert out.stat().st_uid == user
    assert leftovers(folder) == []


@pytest.mark.parametrize("umask", [0o022, 0o077])
def test_a_new_file_gets_the_umask(umask: int, folder: Path, user: int | None) -> None:
    out = folder / "issue.json"
    assert convert(out, user=user, umask=umask).returncode == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o666 & ~umask


def test_a_symbolic_link_is_followed(folder: Path, user: int | None) -> None:
    target = folder / "target.json"
    target.write_text("old")
    own(target, user)
    link = folder / "issue.json"
    link.symlink_to("target.json")
    assert convert(link, user=user).returncode == 0
    assert link.is_symlink() and os.readlink(link) == "target.json"
    assert written(target)
    dangling = folder / "new.json"
    dangling.symlink_to("made-by-link.json")
    assert convert(dangling, user=user).returncode == 0
    assert dangling.is_symlink() and written(folder / "made-by-link.json")


def test_a_hard_link_is_written_in_place(folder: Path, user: int | None) -> None:
    first = folder / "issue.json"
    first.write_text("old")
    own(first, user)
    second = folder / "other-name.json"
    os.link(first, second)
    assert convert(second, user=user).returncode == 0
    assert written(first) and first.stat().st_ino == second.stat().st_ino and first.stat().st_nlink == 2


def test_a_read_only_file_is_refused_to_who_may_not_write_it(folder: Path, user: int | None) -> None:
    out = folder / "issue.json"
    out.write_text("old")
    own(out, user)
    out.chmod(0o444)
    result = convert(out, user=user)
    if user is None and ROOT:  # root may write any file: it is replaced, its mode kept
        assert result.returncode == 0 and written(out) and stat.S_IMODE(out.stat().st_mode) == 0o444
        return
    assert result.returncode == 1
    assert result.stderr.decode() == f"newsissue: error: cannot write {out}: the file is read-only to you\n"
    assert out.read_text() == "old" and leftovers(folder) == []


@pytest.mark.skipif(not ROOT, reason="needs an ordinary user beside root")
def test_a_file_in_a_folder_that_refuses_new_files_is_written_in_place(folder: Path) -> None:
    locked = folder / "locked"
    locked.mkdir()
    shutil.copy(folder / "page.md", locked / "page.md")
    out = locked / "issue.json"
    out.write_text("old")
    out.chmod(0o666)
    locked.chmod(0o755)  # root's folder: nobody may not add a file, may write this one
    result = convert(out, user=NOBODY)
    assert result.returncode == 0, result.stderr
    assert written(out) and leftovers(locked) == []
    fresh = convert(locked / "new.json", user=NOBODY)
    assert fresh.returncode == 1 and b"Permission denied" in fresh.stderr


def test_a_folder_is_refused(folder: Path) -> None:
    (folder / "out").mkdir()
    result = convert(folder / "out")
    assert result.returncode == 1 and result.stderr.decode().endswith("is a folder\n")


@pytest.mark.skipif(not ROOT, reason="only root makes device nodes")
def test_a_device_node_is_written_in_place_never_replaced(folder: Path) -> None:
    null, full = folder / "null", folder / "full"
    try:
        os.mknod(null, stat.S_IFCHR | 0o666, os.makedev(1, 3))
        os.mknod(full, stat.S_IFCHR | 0o666, os.makedev(1, 7))
    except PermissionError:
        pytest.skip("this system does not let root make device nodes")
    assert convert(null).returncode == 0
    result = convert(full)
    assert result.returncode == 1 and b"No space left on device" in result.stderr
    for node in (null, full):
        assert stat.S_ISCHR(node.lstat().st_mode)
    assert leftovers(folder) == []


def test_a_fifo_is_written_in_place(folder: Path) -> None:
    fifo = folder / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    result = convert(fifo)
    reader.join(timeout=30)
    assert result.returncode == 0, result.stderr
    assert received and received[0].startswith(b'{"format"') and stat.S_ISFIFO(fifo.lstat().st_mode)


def start_slow_write(out: Path, *, named_only: bool) -> subprocess.Popen[bytes]:
    env = {**os.environ, "NAMED_ONLY": "1" if named_only else ""}
    args = ["convert", str(out.parent / "page.md"), "--to", "json", "-o", str(out)]
    process = subprocess.Popen([sys.executable, "-c", SLOW_WRITE, *args], stderr=subprocess.PIPE, env=env)
    assert process.stderr is not None
    assert process.stderr.readline() == b"writing\n"
    return process


@pytest.mark.parametrize("named_only", [False, True], ids=["unnamed", "named"])
def test_sigterm_during_the_write_leaves_the_old_file_and_no_temporary(folder: Path, named_only: bool) -> None:
    out = folder / "issue.json"
    out.write_text("old")
    process = start_slow_write(out, named_only=named_only)
    if named_only:
        assert len(leftovers(folder)) == 1  # the named temporary exists while it is written
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=30) == 130
    assert out.read_text() == "old" and leftovers(folder) == []


def test_sigkill_during_the_write_leaves_nothing_visible(folder: Path) -> None:
    out = folder / "issue.json"
    out.write_text("old")
    process = start_slow_write(out, named_only=False)
    process.kill()
    process.wait(timeout=30)
    assert out.read_text() == "old" and leftovers(folder) == []


def test_the_next_run_removes_what_a_killed_run_left(folder: Path) -> None:
    out = folder / "issue.json"
    out.write_text("old")
    process = start_slow_write(out, named_only=True)  # a file system with no unnamed files
    process.kill()
    process.wait(timeout=30)
    assert len(leftovers(folder)) == 1 and out.read_text() == "old"
    other = folder / f".issue.json.{os.getpid()}.0badc0de.tmp"  # a live process's: kept
    other.write_text("busy")
    assert convert(out).returncode == 0
    assert written(out) and leftovers(folder) == [other.name]
