"""Crash-safe file writing: temp file in the same folder, fsync, ``os.replace``.

A failure at any point (exception, full disk, read-only folder, the process
killed) leaves the previous file byte-identical; only a fully written and
synced file is ever renamed into place.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def fsync_dir(folder: Path) -> None:
    """Make a rename inside ``folder`` durable (best effort where unsupported)."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes, backup: str | None = None) -> None:
    """Write ``data`` to ``path`` atomically.

    If ``backup`` is a file name and ``path`` exists, the previous contents
    are first copied (atomically too) to that name in the same folder.
    Raises OSError with the original cause; the old file is untouched.
    """
    target = Path(path)
    folder = target.parent
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if backup is not None and target.exists():
            atomic_write_bytes(folder / backup, target.read_bytes())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    fsync_dir(folder)
