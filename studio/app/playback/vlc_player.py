"""The libVLC preview player (:class:`VlcPlayer`): the ONLY module of the studio that imports ``vlc``.

Rendering: libVLC decodes into our own RV32 buffer through the "vmem" video callbacks
(``libvlc_video_set_format_callbacks`` + ``libvlc_video_set_callbacks``), so no native
window is ever created; this works offscreen, under Xvfb, X11 and Wayland alike.  The
display callback (a libVLC thread) copies the buffer into a ``QImage`` and emits a
*queued* Qt signal; everything else happens on the GUI thread.  libVLC is never called
from its own callbacks or event handlers (libVLC is not re-entrant): event handlers
only emit queued signals too.  Frames identical to the previous one (the vout
re-displays a paused picture every ~60 ms) are dropped in the callback.

This module holds only what touches libVLC: instances, media and media player
objects, the video callbacks and events (:class:`_VlcCore`, the :class:`Engine` the
player drives).  The libVLC-independent rest of :class:`VlcPlayer` lives beside it:
the seek-and-run protocol, settling and frame timing in :mod:`studio.app.playback.vlc_control`
(whose docstring explains the positioning), the public commands in
:mod:`studio.app.playback.vlc_commands`, position and out-point bookkeeping in
:mod:`studio.app.playback.vlc_position`, timing maths in :mod:`studio.app.playback.vlc_timing`,
probing and exact paused frames (PyAV) in :mod:`studio.app.playback.paused_frames` and the
error texts in :mod:`studio.app.playback.vlc_messages`.

Resources: the ctypes callback objects are kept referenced by their :class:`_FrameSink`
for the player's whole life (a collected callback crashes the process); one libVLC
``Instance`` per option set is shared by reference count; :meth:`VlcPlayer.close`
stops (which joins libVLC's threads), detaches and releases, and an ``atexit`` hook
closes players that are still open so the interpreter never exits under a running
vout thread.
"""

from __future__ import annotations

import atexit
import ctypes
import time
from collections.abc import Callable
from typing import Any, ClassVar

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QImage

from studio.app.playback import vlc_log
from studio.app.playback import vlc_messages as msg
from studio.app.playback.vlc_commands import SeekRunPlayer
from studio.app.playback.vlc_control import Engine, EngineFactory
from studio.app.playback.vlc_messages import INSTALL_HINT
from studio.app.playback.vlc_timing import BURST_MS as BURST_MS
from studio.app.playback.vlc_timing import MAX_SIDE as MAX_SIDE
from studio.app.playback.vlc_timing import OPEN_TIMEOUT_MS as OPEN_TIMEOUT_MS
from studio.app.playback.vlc_timing import SETTLE_MS as SETTLE_MS
from studio.app.playback.vlc_timing import SHOW_TIMEOUT_MS as SHOW_TIMEOUT_MS
from studio.app.playback.vlc_timing import fit_size

try:  # pragma: no cover - depends on the system
    import vlc

    _IMPORT_PROBLEM: str | None = None
except Exception as exc:  # python-vlc raises OSError/NotImplementedError without libvlc.so
    vlc = None
    _IMPORT_PROBLEM = f"{type(exc).__name__}: {exc}"

__all__ = [
    "INSTALL_HINT",
    "VlcBaseline",
    "VlcPlayer",
    "instance_args",
    "vlc_problem",
]

_FormatCb = ctypes.CFUNCTYPE(
    ctypes.c_uint,
    ctypes.POINTER(ctypes.c_void_p),
    ctypes.c_void_p,  # char[4] chroma, written in place (python-vlc declares c_char_p)
    ctypes.POINTER(ctypes.c_uint),
    ctypes.POINTER(ctypes.c_uint),
    ctypes.POINTER(ctypes.c_uint),
    ctypes.POINTER(ctypes.c_uint),
)
_CleanupCb = ctypes.CFUNCTYPE(None, ctypes.c_void_p)
_LockCb = ctypes.CFUNCTYPE(ctypes.c_void_p, ctypes.c_void_p, ctypes.POINTER(ctypes.c_void_p))
_UnlockCb = ctypes.CFUNCTYPE(
    None, ctypes.c_void_p, ctypes.c_void_p, ctypes.POINTER(ctypes.c_void_p)
)
_DisplayCb = ctypes.CFUNCTYPE(None, ctypes.c_void_p, ctypes.c_void_p)

def instance_args(audio: bool) -> list[str]:
    """libVLC instance options: quiet, no title/OSD text in frames, audio on or off."""
    args = ["--quiet", "--no-video-title-show", "--no-osd", "--no-spu", "--no-stats"]
    args += ["--no-xlib", "--no-snapshot-preview", "--no-sub-autodetect-file"]
    if not audio:
        args += ["--no-audio", "--aout=adummy"]
    return args


def vlc_problem() -> str | None:
    """Why libVLC cannot be used here (one line with the install hint), or None."""
    if vlc is None:
        return msg.not_available(_IMPORT_PROBLEM)
    try:
        instance = _Instances.acquire(tuple(instance_args(False)))
    except RuntimeError as exc:
        return str(exc)
    _Instances.release(instance)
    return None


class _Instances:
    """One shared libVLC Instance per option set, released with its last user."""

    _pool: ClassVar[dict[tuple[str, ...], list[Any]]] = {}
    _log_cb: ClassVar[list[Any]] = []  # the ctypes log callback, kept for the process's life

    @classmethod
    def acquire(cls, args: tuple[str, ...]) -> Any:
        if vlc is None:
            raise RuntimeError(msg.NOT_AVAILABLE)
        entry = cls._pool.get(args)
        if entry is None:
            instance = vlc.Instance(list(args))
            if instance is None:
                raise RuntimeError(msg.COULD_NOT_START)
            if not cls._log_cb:
                cls._log_cb.append(vlc.CallbackDecorators.LogCb(vlc_log.on_message))
            instance.log_set(cls._log_cb[0], None)  # its messages go to vlc_log, not the console
            entry = cls._pool[args] = [instance, 0]
        entry[1] += 1
        return entry[0]

    @classmethod
    def release(cls, instance: Any) -> None:
        for args, entry in list(cls._pool.items()):
            if entry[0] is instance:
                entry[1] -= 1
                if entry[1] <= 0:
                    del cls._pool[args]
                    instance.log_unset()  # waits for a callback in progress: none runs after this
                    instance.release()
                return


class _Bridge(QObject):
    """Carries libVLC-thread notifications to the GUI thread (always queued)."""

    frame = Signal(int, QImage, float)  # generation, image, perf_counter at display
    vlc_event = Signal(int, str)  # generation, event name


class _FrameSink:
    """The vmem callbacks of one libVLC media player.  Runs on libVLC's vout thread."""

    def __init__(self, player: Any, bridge: _Bridge) -> None:
        self.bridge = bridge
        self.generation = 0
        self.force_next = False  # deliver the next frame even if unchanged (after a seek)
        self.enabled = True
        self.want: tuple[int, int] | None = None  # display size of the clip (probed)
        self._buf: ctypes.Array[ctypes.c_char] | None = None
        self._addr = 0
        self._size = 0
        self._w = self._h = self._pitch = 0
        self._last: bytes | None = None
        # Referenced for the player's whole life: libVLC holds the raw pointers.
        self._callbacks = (
            _FormatCb(self._setup),
            _CleanupCb(self._cleanup),
            _LockCb(self._lock),
            _UnlockCb(self._unlock),
            _DisplayCb(self._display),
        )
        ptr = ctypes.c_void_p(player._as_parameter_.value)
        dll = vlc.dll
        dll.libvlc_video_set_format_callbacks(ptr, self._callbacks[0], self._callbacks[1])
        dll.libvlc_video_set_callbacks(
            ptr, self._callbacks[2], self._callbacks[3], self._callbacks[4], None
        )

    def forget_last(self) -> None:
        self._last = None

    def _setup(
        self, _opaque: Any, chroma: int, width: Any, height: Any, pitches: Any, lines: Any
    ) -> int:
        # libVLC offers the decoder's padded size (e.g. 368x642 for 360x640): ask for
        # the display size instead; libVLC crops, rotates and scales to it.
        w, h = self.want or (int(width[0]), int(height[0]))
        if w <= 0 or h <= 0:
            return 0
        w, h = fit_size(w, h)
        ctypes.memmove(chroma, b"RV32", 4)
        width[0], height[0] = w, h
        pitch = w * 4
        pitches[0], lines[0] = pitch, h
        self._w, self._h, self._pitch, self._size = w, h, pitch, pitch * h
        self._buf = ctypes.create_string_buffer(self._size + 64)
        base = ctypes.addressof(self._buf)
        self._addr = (base + 31) & ~31  # planes must be 32-byte aligned
        self._last = None
        return 1

    def _cleanup(self, _opaque: Any) -> None:
        self._last = None

    def _lock(self, _opaque: Any, planes: Any) -> None:
        planes[0] = self._addr

    def _unlock(self, _opaque: Any, _picture: Any, _planes: Any) -> None:
        return None

    def _display(self, _opaque: Any, _picture: Any) -> None:
        if not self.enabled or not self._addr:
            return
        shown = time.perf_counter()
        data = ctypes.string_at(self._addr, self._size)
        if data == self._last and not self.force_next:
            return
        self.force_next = False
        self._last = data
        image = QImage(data, self._w, self._h, self._pitch, QImage.Format.Format_RGB32).copy()
        self.bridge.frame.emit(self.generation, image, shown)


# Strong references: a player is never garbage-collected while libVLC may still call
# its callbacks; close() (or the exit hook) releases it.
_OPEN: set[VlcPlayer | VlcBaseline] = set()


@atexit.register
def _close_all() -> None:  # pragma: no cover - safety net at interpreter exit
    for player in list(_OPEN):
        player.close()


class _VlcCore(QObject):
    """A libVLC media player with the frame sink and queued events attached."""

    def __init__(self, audio: bool, on_frame: Callable[..., None],
                 on_event: Callable[[int, str], None]) -> None:
        super().__init__()
        self._instance = _Instances.acquire(tuple(instance_args(audio)))
        self.player = self._instance.media_player_new()
        self.bridge = _Bridge()
        self.bridge.frame.connect(on_frame, Qt.ConnectionType.QueuedConnection)
        self.bridge.vlc_event.connect(on_event, Qt.ConnectionType.QueuedConnection)
        self.sink = _FrameSink(self.player, self.bridge)
        self._events = self.player.event_manager()
        self._attached: list[Any] = []
        for kind in ("MediaPlayerEndReached", "MediaPlayerEncounteredError"):
            event_type = getattr(vlc.EventType, kind)
            self._events.event_attach(event_type, self._on_vlc_event, kind)
            self._attached.append(event_type)

    def _on_vlc_event(self, _event: Any, kind: str) -> None:
        # libVLC thread: never call libVLC here, only hand over to the GUI thread.
        self.bridge.vlc_event.emit(self.sink.generation, kind)

    def media(self, path: str, options: list[str]) -> Any:
        media = self._instance.media_new_path(path)
        for option in options:
            media.add_option(option)
        return media

    def release(self) -> None:
        self.sink.enabled = False
        self.player.stop()  # joins the input and vout threads: no callback after this
        for event_type in self._attached:
            self._events.event_detach(event_type)
        self._attached.clear()
        self.bridge.frame.disconnect()
        self.bridge.vlc_event.disconnect()
        self.player.release()
        _Instances.release(self._instance)

    # -- the Engine of studio.app.playback.vlc_control: one libVLC call each ----------------
    @property
    def generation(self) -> int:
        return self.sink.generation

    def new_generation(self) -> None:
        self.sink.generation += 1

    def want_size(self, size: tuple[int, int]) -> None:
        self.sink.want = size

    def force_next_frame(self) -> None:
        self.sink.force_next = True

    def set_media(self, path: str, options: list[str]) -> None:
        self.player.set_media(self.media(path, options))

    def play(self) -> int:
        return int(self.player.play())

    def stop(self) -> None:
        self.player.stop()

    def set_time(self, ms: int) -> None:
        self.player.set_time(ms)

    def set_pause(self, pause: int) -> None:
        self.player.set_pause(pause)

    def set_rate(self, rate: float) -> None:
        self.player.set_rate(rate)

    def get_length(self) -> int:
        return self.player.get_length()  # type: ignore[no-any-return]

    def audio_set_mute(self, muted: bool) -> None:
        self.player.audio_set_mute(muted)

    def audio_set_volume(self, volume: int) -> None:
        self.player.audio_set_volume(volume)


def _open_core(audio: bool) -> EngineFactory:
    """The engine factory of a :class:`VlcPlayer` (RuntimeError when libVLC is missing)."""

    def make(on_frame: Callable[..., None], on_event: Callable[[int, str], None]) -> Engine:
        problem = None if vlc is not None else vlc_problem()
        if problem:
            raise RuntimeError(problem)
        return _VlcCore(audio, on_frame, on_event)

    return make


class VlcPlayer(SeekRunPlayer):
    """:class:`PlayerBackend` on libVLC with callback rendering (see the module docstring).

    ``audio=False`` starts libVLC with ``--no-audio`` (tests, benchmarks).  Raises
    RuntimeError (with :data:`INSTALL_HINT`) when libVLC is missing.
    """

    def __init__(self, audio: bool = True, parent: QObject | None = None) -> None:
        super().__init__(_open_core(audio), parent)
        _OPEN.add(self)

    def close(self) -> None:
        super().close()
        _OPEN.discard(self)


class VlcBaseline(QObject):
    """Benchmark baselines on the same callback path as :class:`VlcPlayer`.

    ``mode="naive"``: one media player, a switch is ``stop(); set_media(); play()``.
    ``mode="list"``: a libVLC ``MediaListPlayer`` over ``paths``; a switch is ``next()``.
    """

    frame_ready = Signal(QImage)

    def __init__(self, mode: str, paths: list[str], audio: bool = False) -> None:
        super().__init__()
        if mode not in ("naive", "list"):
            raise ValueError(f"unknown baseline mode {mode!r}")
        self._mode = mode
        self._paths = paths
        self._core = _VlcCore(audio, self._on_frame, self._on_event)
        self._list_player: Any = None
        self._closed = False
        if mode == "list":
            media_list = self._core._instance.media_list_new(paths)
            self._list_player = self._core._instance.media_list_player_new()
            self._list_player.set_media_player(self._core.player)
            self._list_player.set_media_list(media_list)
            self._media_list = media_list
        _OPEN.add(self)

    def start(self, index: int = 0) -> None:
        if self._list_player is not None:
            self._list_player.play_item_at_index(index)
        else:
            self._core.player.set_media(self._core.media(self._paths[index], []))
            self._core.player.play()

    def switch(self, index: int) -> None:
        """Show clip ``index`` next (for "list", the list's next item must be it)."""
        if self._list_player is not None:
            self._list_player.next()
        else:
            self._core.player.stop()
            self._core.player.set_media(self._core.media(self._paths[index], []))
            self._core.player.play()

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        if self._list_player is not None:
            self._list_player.stop()
        self._core.release()
        if self._list_player is not None:
            self._list_player.release()
            self._media_list.release()
        _OPEN.discard(self)

    def _on_frame(self, _generation: int, image: QImage, _shown: float) -> None:
        if not self._closed:
            self.frame_ready.emit(image)

    def _on_event(self, _generation: int, _kind: str) -> None:
        return None
