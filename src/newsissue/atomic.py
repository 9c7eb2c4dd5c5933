"""Write an output file whole or not at all, as ``cp`` would treat what is already there.

The rules (docs/cli.md, "Output files"):

* a symbolic link is followed: its target is written, the link stays;
* a regular file is replaced atomically: the new bytes go to a temporary file in the same
  folder, which is renamed over it; the file keeps its mode (and owner, where we may set it);
  a new file gets ``0666`` less the umask;
* a file the user may not write is refused (``PermissionError``), whatever its folder allows;
* what is not a regular file (a device, a FIFO), a file with other hard links, and a file in a
  folder that refuses new files are written in place, like ``cp`` does: the old content is
  overwritten, nothing is replaced;
* a folder is refused (``IsADirectoryError``);
* the temporary file is unnamed (``O_TMPFILE``) where the system has it, so a killed process
  leaves nothing behind; where it has not, temporaries are named ``.NAME.PID.XXXX.tmp``, removed on
  any error or interrupt, and removed by the next write of the same file if their process is gone.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import secrets
import stat
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

__all__ = ["Content", "remove_stale_temporaries", "write_atomic"]

#: What is written: the bytes, or a function that writes them to a binary stream.
Content = bytes | Callable[[BinaryIO], None]


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def _in_place(path: Path, data: bytes) -> None:
    """Overwrite the file's content where it is (devices, FIFOs, hard links)."""
    fd = os.open(path, os.O_WRONLY | os.O_TRUNC | getattr(os, "O_CLOEXEC", 0))
    try:
        _write_all(fd, data)
        with contextlib.suppress(OSError):  # a device or FIFO cannot be synced
            os.fsync(fd)
    finally:
        os.close(fd)


def _temporary_name(target: Path) -> Path:
    return target.with_name(f".{target.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")


def remove_stale_temporaries(folder: str | os.PathLike[str], name: str | None = None) -> None:
    """Remove the temporaries that earlier, killed runs left in ``folder`` (beside ``name`` only, if given).

    :func:`write_atomic` does it for the file it writes; a batch that writes many files into one
    folder does it once for the folder and writes with ``sweep=False``.
    """
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            found = entry.name
            if not (found.startswith(".") and found.endswith(".tmp")):
                continue
            stem, _, rest = found[1 : -len(".tmp")].rpartition(".")  # NAME.PID . XXXXXXXX
            target, _, pid = stem.rpartition(".")
            if (name is not None and target != name) or not pid.isdigit() or len(rest) != 8 or not _hex(rest):
                continue
            try:
                os.kill(int(pid), 0)
            except ProcessLookupError:
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)
            except (PermissionError, OverflowError):
                continue


def _hex(text: str) -> bool:
    return all(character in "0123456789abcdef" for character in text)


def _open_unnamed(folder: Path) -> int | None:
    """An unnamed file in ``folder`` (Linux ``O_TMPFILE``), or None where the system has none."""
    flag = getattr(os, "O_TMPFILE", 0)
    if not flag or not os.path.isdir("/proc/self/fd"):  # an unnamed file is named through /proc
        return None
    try:
        return os.open(folder, flag | os.O_WRONLY | getattr(os, "O_CLOEXEC", 0), 0o666)
    except OSError as exc:
        if exc.errno in (errno.EOPNOTSUPP, errno.EISDIR, errno.EINVAL, errno.ENOENT):
            return None  # the file system has no unnamed files
        raise


def _fill(fd: int, data: Content, old: os.stat_result | None) -> None:
    """Write ``data``, give the file the old one's owner and mode, and sync it."""
    if callable(data):
        with os.fdopen(fd, "wb", closefd=False) as stream:
            data(stream)
    else:
        _write_all(fd, data)
    if old is not None:
        with contextlib.suppress(OSError):  # only root may give a file to someone else
            os.fchown(fd, old.st_uid, old.st_gid)
        os.fchmod(fd, stat.S_IMODE(old.st_mode))
    os.fsync(fd)


def _link_unnamed(fd: int, temporary: Path) -> bool:
    """Give an unnamed file its temporary name; False where the file system cannot."""
    folder = os.open(temporary.parent, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:  # a folder descriptor makes os.link call linkat, which can follow the /proc link
        os.link(f"/proc/self/fd/{fd}", temporary.name, dst_dir_fd=folder, follow_symlinks=True)
    except OSError as exc:
        if exc.errno in (errno.EXDEV, errno.EPERM, errno.ENOENT, errno.EOPNOTSUPP):
            return False
        raise
    finally:
        os.close(folder)
    return True


def _write_temporary(target: Path, data: Content, old: os.stat_result | None) -> Path:
    """A temporary file beside ``target`` holding ``data``; unnamed until it is whole, where possible."""
    temporary = _temporary_name(target)
    fd = _open_unnamed(target.parent)
    if fd is not None:
        try:
            _fill(fd, data, old)
            if _link_unnamed(fd, temporary):
                return temporary
        finally:
            os.close(fd)
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), 0o666)
    try:
        try:
            _fill(fd, data, old)
        finally:
            os.close(fd)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    return temporary


def _replace(target: Path, data: Content, old: os.stat_result | None, sweep: bool) -> None:
    if sweep:
        remove_stale_temporaries(target.parent, target.name)
    temporary = _write_temporary(target, data, old)
    try:
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def write_atomic(path: str | os.PathLike[str], data: Content, *, sweep: bool = True) -> None:
    """Write ``data`` to ``path`` by the rules above; raises ``OSError`` with what went wrong.

    ``data`` is the bytes, or a function that writes them to a binary stream (an exporter writing
    piece by piece). A failure leaves any old file as it was and no temporary file behind.
    ``sweep=False`` skips looking for what killed runs left (the caller swept the folder).
    """
    target = Path(os.path.realpath(path))
    try:
        old: os.stat_result | None = os.stat(target)
    except FileNotFoundError:
        old = None
    if old is not None:
        if stat.S_ISDIR(old.st_mode):
            raise IsADirectoryError(errno.EISDIR, "is a folder", os.fspath(path))
        if not os.access(target, os.W_OK):
            raise PermissionError(errno.EACCES, "the file is read-only to you", os.fspath(path))
        if not stat.S_ISREG(old.st_mode) or old.st_nlink > 1:
            _in_place(target, _whole(data))
            return
    try:
        _replace(target, data, old, sweep)
    except PermissionError:
        if old is None:
            raise
        _in_place(target, _whole(data))  # the folder refuses new files, the file takes writes


def _whole(data: Content) -> bytes:
    """All the bytes before anything is overwritten in place: a failing writer damages nothing."""
    if not callable(data):
        return data
    buffer = io.BytesIO()
    data(buffer)
    return buffer.getvalue()
