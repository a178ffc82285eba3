"""Crash-safe file writing: temp file in the same folder, fsync, ``os.replace``.

A failure at any point (exception, full disk, read-only folder, the process
killed) leaves the previous file byte-identical; only a fully written and
synced file is ever renamed into place.

Attributes survive a save: the new file gets the old file's permission bits
(a new file follows the umask, like ``open()``), and a path that is a symlink
is written *through* the link, atomically beside its target, so the link
stays a link.  Temp files of killed writes are swept at the next write in
the same folder (``studio.model.leftovers``).
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from studio.model import leftovers

TEMP_SUFFIX = ".tmp"


def fsync_dir(folder: Path) -> None:
    """Make a rename inside ``folder`` durable (best effort where unsupported)."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def current_umask() -> int:
    """The process umask (read without changing it where /proc allows)."""
    with contextlib.suppress(OSError, ValueError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def new_file_mode() -> int:
    """What ``open(path, 'w')`` would give a new file: 0666 minus the umask."""
    return 0o666 & ~current_umask()


def mode_for(target: Path) -> int:
    """Permission bits a replacement of ``target`` should carry."""
    try:
        st = target.stat()
    except OSError:
        return new_file_mode()
    return stat.S_IMODE(st.st_mode) if stat.S_ISREG(st.st_mode) else new_file_mode()


def write_target(path: str | os.PathLike[str]) -> Path:
    """The file a write to ``path`` must replace: the final target of a symlink chain."""
    p = Path(path)
    if p.is_symlink():
        return Path(os.path.realpath(p))
    return p


def finish_replace(tmp: Path, target: Path, mode: int | None = None) -> None:
    """Give ``tmp`` the permission bits ``target`` has (or a new file's) and rename it over it."""
    os.chmod(tmp, mode_for(target) if mode is None else mode)
    os.replace(tmp, target)


def _refuse_loop(target: Path, path: str | os.PathLike[str]) -> None:
    """A target that is still a symlink after resolving is a loop: replacing it would silently turn
    the link into a plain file, so the write is refused instead."""
    if target.is_symlink():
        raise OSError(errno.ELOOP, os.strerror(errno.ELOOP), str(path))


def _write_temp(folder: Path, name: str, fill: Callable[[BinaryIO], None]) -> Path:
    """A synced temp file ``.NAME.XXXXXXXX.tmp`` in ``folder`` written by ``fill`` (removed on error)."""
    fd, tmp_name = tempfile.mkstemp(prefix=f".{name}.", suffix=TEMP_SUFFIX, dir=folder)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as fh:
            fill(fh)
            fh.flush()
            os.fsync(fh.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    return tmp


def _copy_backup(source: Path, backup: Path, mode: int) -> None:
    """``source`` copied (streamed, never read whole) atomically to ``backup`` with ``mode``.

    The backup carries the saved file's permission bits, not its own or the umask's: a private
    (0600) project never leaves a world-readable copy beside it."""
    target = write_target(backup)
    _refuse_loop(target, backup)

    def fill(fh: BinaryIO) -> None:
        with source.open("rb") as src:
            shutil.copyfileobj(src, fh, 1 << 20)

    tmp = _write_temp(target.parent, target.name, fill)
    try:
        finish_replace(tmp, target, mode)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes, backup: str | None = None) -> None:
    """Write ``data`` to ``path`` atomically, keeping its mode and writing through a symlink.

    If ``backup`` is a file name and the file exists, the previous contents
    are first copied (atomically too, with the file's mode) to that name beside the real file.
    A symlink loop is refused (OSError ELOOP).
    Raises OSError with the original cause; the old file is untouched.
    """
    target = write_target(path)
    _refuse_loop(target, path)
    folder = target.parent
    leftovers.sweep_temp_files(folder)
    mode = mode_for(target)

    def fill(fh: BinaryIO) -> None:
        fh.write(data)

    tmp = _write_temp(folder, target.name, fill)
    try:
        if backup is not None and target.is_file():
            _copy_backup(target, folder / backup, mode)
        finish_replace(tmp, target, mode)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    fsync_dir(folder)
