"""libVLC's own messages in a bounded log with levels, never on the console (no ``vlc`` import).

:mod:`studio.app.playback.vlc_player` hands every libVLC instance's messages here
(``libvlc_log_set``; the instances also run ``--quiet``, so nothing reaches stderr).
:func:`on_message` is that callback's body: it runs on libVLC's threads, so it
formats the message with the C library's ``vsnprintf`` (never a libVLC call),
keeps it only at or above the level asked for, and returns at once.

:class:`VlcLog` keeps:

- the last ``ring`` lines in memory (:meth:`VlcLog.lines`, for a diagnostics view or a
  bug report);
- a file of at most ``max_bytes`` (``vlc.log`` under the studio's data folder, then
  renamed ``vlc.log.1`` when full: at most twice that on disk);
- repeats collapsed: a message already written in the last ``window`` seconds is only
  counted, and written again once the window has passed (or at :meth:`VlcLog.flush`)
  as ``... (repeated 1,234 times in 10 s)``: a machine whose audio output fails on
  every buffer writes a line every 10 s instead of hundreds a second.

The level is ``warning`` (errors and warnings) unless ``$STUDIO_VLC_LOG`` says
``debug``, ``notice``, ``warning`` or ``error``.
"""

from __future__ import annotations

import atexit
import contextlib
import ctypes
import os
import threading
import time
from collections import OrderedDict, deque
from collections.abc import Callable
from pathlib import Path
from typing import Any

DEBUG, NOTICE, WARNING, ERROR = 0, 2, 3, 4  # libvlc_log_level
NAMES = {DEBUG: "debug", NOTICE: "notice", WARNING: "warning", ERROR: "error"}
ENV_LEVEL = "STUDIO_VLC_LOG"
RING = 500
MAX_BYTES = 1 << 20
WINDOW_S = 10.0
MAX_KEYS = 256
LOG_NAME = "vlc.log"
_TEXT_MAX = 2048

_Key = tuple[int, str]


def level_from_env(env: dict[str, str] | None = None) -> int:
    value = (os.environ if env is None else env).get(ENV_LEVEL, "").strip().lower()
    return {name: level for level, name in NAMES.items()}.get(value, WARNING)


class VlcLog:
    """Ring, bounded file and repeat collapsing (see the module doc); thread-safe."""

    def __init__(
        self, path: Path | None, level: int = WARNING, ring: int = RING, max_bytes: int = MAX_BYTES,
        window: float = WINDOW_S, clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.path = path
        self.level = level
        self.max_bytes = max_bytes
        self.window = window
        self._clock = clock
        self._ring: deque[str] = deque(maxlen=ring)
        self._seen: OrderedDict[_Key, list[float]] = OrderedDict()  # key -> [written at, repeats since]
        self._lock = threading.Lock()

    def wants(self, level: int) -> bool:
        return level >= self.level

    def emit(self, level: int, text: str) -> None:
        """One message from libVLC (any thread)."""
        if level < self.level:
            return
        text = " ".join(text.split())[:_TEXT_MAX]
        key = (level, text)
        now = self._clock()
        with self._lock:
            seen = self._seen.get(key)
            if seen is not None:
                self._seen.move_to_end(key)
                seen[1] += 1
                if now - seen[0] < self.window:
                    return
                self._summary(key, seen, now)  # this one included
                seen[0], seen[1] = now, 0
                return
            self._seen[key] = [now, 0]
            if len(self._seen) > MAX_KEYS:
                old, old_seen = self._seen.popitem(last=False)
                self._summary(old, old_seen, now)
            self._write(f"{NAMES.get(level, str(level))}: {text}")

    def _summary(self, key: _Key, seen: list[float], now: float) -> None:
        count = int(seen[1])
        if count:
            span = max(now - seen[0], 0.0)
            name = NAMES.get(key[0], str(key[0]))
            self._write(f"{name}: {key[1]} (repeated {count:,} times in {span:.0f} s)")

    def _write(self, line: str) -> None:
        stamped = f"{time.strftime('%Y-%m-%d %H:%M:%S')} {line}"
        self._ring.append(stamped)
        if self.path is None:
            return
        data = (stamped + "\n").encode("utf-8", "replace")
        with contextlib.suppress(OSError):  # the log is a diagnostic: never fail playback for it
            self.path.parent.mkdir(parents=True, exist_ok=True)
            try:
                size = self.path.stat().st_size
            except FileNotFoundError:
                size = 0
            if size + len(data) > self.max_bytes:
                os.replace(self.path, self.path.with_name(self.path.name + ".1"))
            with open(self.path, "ab") as fh:
                fh.write(data)

    def lines(self) -> list[str]:
        """The last lines written (oldest first)."""
        with self._lock:
            return list(self._ring)

    def flush(self) -> None:
        """Write the pending repeat counts now."""
        now = self._clock()
        with self._lock:
            for key, seen in self._seen.items():
                self._summary(key, seen, now)
                seen[0], seen[1] = now, 0


_LOG: VlcLog | None = None
_LOG_LOCK = threading.Lock()


def shared_log() -> VlcLog:
    """The studio's libVLC log (``vlc.log`` in the data folder), made on first use."""
    global _LOG
    with _LOG_LOCK:
        if _LOG is None:
            from studio.app.paths import data_dir

            try:
                path: Path | None = data_dir() / "logs" / LOG_NAME
            except OSError:
                path = None
            _LOG = VlcLog(path, level_from_env())
            atexit.register(_LOG.flush)
        return _LOG


_libc: Any = None


def _vsnprintf() -> Any:
    global _libc
    if _libc is None:
        libc = ctypes.CDLL(None)
        fn = libc.vsnprintf
        fn.argtypes = [ctypes.c_char_p, ctypes.c_size_t, ctypes.c_char_p, ctypes.c_void_p]
        fn.restype = ctypes.c_int
        _libc = fn
    return _libc


def format_message(fmt: bytes | None, args: int | None) -> str:
    """A libVLC message's printf format and va_list as text (the format itself if that fails)."""
    if fmt is None:
        return ""
    try:
        buf = ctypes.create_string_buffer(_TEXT_MAX)
        _vsnprintf()(buf, _TEXT_MAX, fmt, args)
        return buf.value.decode("utf-8", "replace")
    except (OSError, AttributeError, ctypes.ArgumentError):
        return fmt.decode("utf-8", "replace")


def on_message(_data: Any, level: int, _ctx: Any, fmt: bytes | None, args: int | None) -> None:
    """The ``libvlc_log_set`` callback's body (libVLC's threads; never raises, never calls libVLC)."""
    try:
        log = shared_log()
        if log.wants(level):
            log.emit(level, format_message(fmt, args))
    except Exception:  # an exception must not cross into C: the message is dropped
        return
