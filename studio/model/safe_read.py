"""Read a file the way every loader must: regular files only, size checked first, bounded read.

A FIFO would block forever, ``/dev/zero`` never ends, and a huge file must be
refused before a byte is read.  The file is opened non-blocking (so a FIFO
cannot hang the open), checked with ``fstat`` on the open descriptor (so a
swap between check and read cannot fool it) and read with a bound one byte
past the limit (so a file that grows while read is still caught).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path


class ReadRefused(OSError):
    """A file that must not be read (not regular, too big); ``str()`` is one line, no path."""


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def _mib(n: int) -> str:
    return f"{n // (1024 * 1024)} MiB" if n >= 1024 * 1024 else f"{n} bytes"


def _not_regular(mode: int) -> ReadRefused:
    kind = _kind(mode)
    return ReadRefused(f"is {kind}, not a regular file" if kind != "not a regular file" else kind)


def _refuse_kind(path: str | os.PathLike[str], exc: OSError) -> None:
    """Raise ``ReadRefused`` naming the kind of ``path`` when it exists and is not a regular file."""
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError):
        return
    if not stat.S_ISREG(mode):
        raise _not_regular(mode) from exc


def read_regular(path: str | os.PathLike[str], max_bytes: int) -> bytes:
    """The bytes of the regular file ``path`` (symlinks followed), at most ``max_bytes``.

    Raises ``ReadRefused`` for a non-regular or oversize file and ``OSError``
    (FileNotFoundError, PermissionError, ...) when it cannot be opened."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(
        os, "O_BINARY", 0
    )
    try:
        fd = os.open(Path(path), flags)
    except OSError as exc:
        _refuse_kind(path, exc)  # a socket cannot be opened at all (ENXIO): say what it is
        raise
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise _not_regular(st.st_mode)
        if st.st_size > max_bytes:
            raise ReadRefused(f"is larger than {_mib(max_bytes)}")
        chunks: list[bytes] = []
        left = max_bytes + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        if left <= 0:
            raise ReadRefused(f"is larger than {_mib(max_bytes)}")
        return b"".join(chunks)
    finally:
        os.close(fd)
