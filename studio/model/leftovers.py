"""Sweep what killed writes leave behind: only our own temp names, only when stale.

A save writes ``.<name>.<random>.tmp``, an export ``.<name>.<random>.part`` and an
import stages into the folder ``.<name>.import-<random>``, all beside their
target (``tempfile.mkstemp``/``mkdtemp`` make the 8-character random part).
If the process is killed they stay there, possibly hundreds of MB.  The next
save, import or export in the same folder removes those that match our exact
patterns, belong to this user (POSIX) and have not been touched for ``STALE_AFTER_S``
(a write still in progress keeps touching its file, so a live one is never taken).  Errors are
ignored: sweeping is housekeeping, never a reason for a write to fail.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import stat
import time
from pathlib import Path

STALE_AFTER_S = 6 * 3600.0
_RANDOM = r"[A-Za-z0-9_]{8}"
TEMP_FILE = re.compile(rf"^\..+\.{_RANDOM}\.tmp$")
PART_FILE = re.compile(rf"^\..+\.{_RANDOM}\.part$")
IMPORT_DIR = re.compile(rf"^\..+\.import-{_RANDOM}$")
_SCAN_LIMIT = 10_000  # entries looked at per folder and per staging tree
_OWNER = os.geteuid() if hasattr(os, "geteuid") else None  # what we create is ours (POSIX)


def _newest_mtime(path: Path, st: os.stat_result) -> float:
    """Latest modification inside a staging folder (a file being extracted keeps it fresh)."""
    newest = st.st_mtime
    if not stat.S_ISDIR(st.st_mode):
        return newest
    seen = 0
    for root, dirs, files in os.walk(path, followlinks=False):
        for name in (*dirs, *files):
            seen += 1
            if seen > _SCAN_LIMIT:
                return time.time()  # too big to judge cheaply: treat as fresh, leave it
            with contextlib.suppress(OSError):
                newest = max(newest, os.lstat(os.path.join(root, name)).st_mtime)
    return newest


def sweep(folder: Path, patterns: tuple[re.Pattern[str], ...], now: float | None = None,
          stale_after_s: float = STALE_AFTER_S) -> list[Path]:
    """Remove stale entries of ``folder`` whose names match ``patterns``; returns what went."""
    now = time.time() if now is None else now
    removed: list[Path] = []
    try:
        entries = os.scandir(folder)
    except OSError:
        return removed
    with entries:
        for count, entry in enumerate(entries):
            if count >= _SCAN_LIMIT:
                break
            matched = [p for p in patterns if p.match(entry.name)]
            if not matched:
                continue
            folder_kind = any(p is IMPORT_DIR for p in matched)  # only staging folders are folders
            file_kind = any(p is not IMPORT_DIR for p in matched)
            path = Path(entry.path)
            try:
                st = os.lstat(path)
                if stat.S_ISLNK(st.st_mode):
                    continue  # never ours: mkstemp/mkdtemp make real files and folders
                if _OWNER is not None and st.st_uid != _OWNER:
                    continue  # another user's (a colleague's save in a shared folder): theirs to sweep
                is_dir = stat.S_ISDIR(st.st_mode)
                if not (folder_kind if is_dir else file_kind and stat.S_ISREG(st.st_mode)):
                    continue  # a folder named like a temp file, a FIFO...: not something we made
                if now - _newest_mtime(path, st) < stale_after_s:
                    continue
                if is_dir:
                    shutil.rmtree(path)
                else:
                    path.unlink()
            except OSError:
                continue
            removed.append(path)
    return removed


def sweep_temp_files(folder: Path) -> list[Path]:
    """Stale ``.name.XXXXXXXX.tmp`` files of killed saves."""
    return sweep(folder, (TEMP_FILE,))


def sweep_all(folder: Path) -> list[Path]:
    """Stale save temp files, export ``.part`` files and import staging folders."""
    return sweep(folder, (TEMP_FILE, PART_FILE, IMPORT_DIR))
