"""The libVLC preview player (:class:`VlcPlayer`): the ONLY module of the studio that imports ``vlc``.

Rendering: libVLC decodes into our own RV32 buffer through the "vmem" video callbacks
(``libvlc_video_set_format_callbacks`` + ``libvlc_video_set_callbacks``), so no native
window is ever created; this works offscreen, under Xvfb, X11 and Wayland alike.  The
display callback (a libVLC thread) copies the buffer into a ``QImage`` and emits a
*queued* Qt signal; everything else happens on the GUI thread.  libVLC is never called
from its own callbacks or event handlers (libVLC is not re-entrant): event handlers
only emit queued signals too.  Frames identical to the previous one (the vout
re-displays a paused picture every ~60 ms) are dropped in the callback.

Positioning (measured on libVLC 3.0.24): a seek while *paused* shows a neighbouring
frame (up to 3 off) in clips with B-frames, and ``:start-time`` may too, while a seek
followed at once by a resume (from a settled pause) shows exactly the frame asked
for first.  So every move is "seek and run": to show frame k while paused the
player seeks to the middle of k, resumes (muted), shows the first frame that comes
and pauses again.  libVLC still shows ~2 frames after ``set_pause(1)``, and a seek
issued meanwhile can be lost, so after each pause the player *settles* (drops
frames until none came for ``SETTLE_MS``) before the next command.  A pause from
playback re-shows the frame reported once settled, so a paused picture always is
the frame of the reported position.  A clip opens with ``:start-time`` in a muted
pre-roll that is then re-shown the same way.

While playing, libVLC 3 updates ``get_time()`` only every ~250 ms, so the frame's
clip time comes from the display callback's timestamp: the first frame after a
command is the anchor (its frame is known) and later ones are ``anchor +
elapsed * rate / frame interval`` (robust to dropped frames).  The out point is
enforced here (``:stop-time`` overshoots by frames): playback pauses on the last
frame that starts before ``out_ms``.

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
import enum
import logging
import math
import sys
import time
from collections import OrderedDict
from collections.abc import Callable
from fractions import Fraction
from typing import Any, ClassVar

from av.video.reformatter import Colorspace
from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QImage

from studio.media.frames import rotate_rgb
from studio.media.player import (
    PlayerBackend,
    PlayerState,
    frame_index,
    frame_start_ms,
    missing_file_message,
)
from studio.media.probe import (
    ProbeError,
    display_rotation,
    first_video_frame,
    media_duration_ms,
    open_video,
)

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

log = logging.getLogger(__name__)

INSTALL_HINT = "apt install libvlc5 vlc-plugin-base"
MAX_SIDE = 1280  # frames are scaled down to fit this box (preview only)
OPEN_TIMEOUT_MS = 10_000
BURST_MS = 12  # frames libVLC shows right after a seek-and-run come this close
SHOW_TIMEOUT_MS = 250  # no new frame after a seek-and-run: the frame looks the same
SETTLE_MS = 130  # quiet time after the last late frame (libVLC shows ~2 after a pause)
_TICK_MS = 33

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


def _fit(width: int, height: int) -> tuple[int, int]:
    """Frame size delivered for a clip of ``width`` x ``height`` (within MAX_SIDE, even)."""
    scale = min(1.0, MAX_SIDE / max(width, height, 1))
    return max(2, int(width * scale) // 2 * 2), max(2, int(height * scale) // 2 * 2)


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
        return f"libVLC is not available ({_IMPORT_PROBLEM}); install it: {INSTALL_HINT}"
    try:
        instance = _Instances.acquire(tuple(instance_args(False)))
    except RuntimeError as exc:
        return str(exc)
    _Instances.release(instance)
    return None


class _Instances:
    """One shared libVLC Instance per option set, released with its last user."""

    _pool: ClassVar[dict[tuple[str, ...], list[Any]]] = {}

    @classmethod
    def acquire(cls, args: tuple[str, ...]) -> Any:
        if vlc is None:
            raise RuntimeError(f"libVLC is not available; install it: {INSTALL_HINT}")
        entry = cls._pool.get(args)
        if entry is None:
            instance = vlc.Instance(list(args))
            if instance is None:
                raise RuntimeError(
                    f"libVLC could not start (plugins missing?); install: {INSTALL_HINT}"
                )
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
        w, h = _fit(w, h)
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


def _probe(path: str) -> tuple[int, int, float, int, bool]:
    """(display width, display height, fps, duration ms, has B-frames), or ProbeError."""
    with open_video(path) as (container, stream, _kind):
        try:
            first = first_video_frame(path, container, stream)
            rotation = display_rotation(first, stream)
            width = stream.codec_context.width or first.width
            height = stream.codec_context.height or first.height
            rate = stream.average_rate or stream.guessed_rate
            duration = media_duration_ms(container, stream)
            reordered = bool(stream.codec_context.has_b_frames)
        except ProbeError:
            raise
        except Exception as exc:
            raise ProbeError(path, f"truncated or corrupt ({exc})") from exc
    if rotation in (90, 270):
        width, height = height, width
    return width, height, float(rate) if rate else 0.0, duration, reordered


class _Stills:
    """Exact still frames decoded with PyAV, converted like libVLC does (BT.601).

    libVLC cannot show an exact frame while paused in clips with B-frames (see the
    module docstring), so paused pictures come from here.  BT.601 is what libVLC
    3's converter uses whatever the clip's tags, so stills match the playing frames.
    """

    def __init__(self, size: int = 24) -> None:
        self._cache: OrderedDict[tuple[str, int, int, int], QImage] = OrderedDict()
        self._size = size

    def get(self, path: str, index: int, fps: float, width: int, height: int) -> QImage | None:
        key = (path, index, width, height)
        image = self._cache.get(key)
        if image is None:
            try:
                image = self._decode(path, index, fps, width, height)
            except Exception:  # the libVLC frame is shown instead
                log.debug("no still for %s frame %d", path, index, exc_info=True)
                return None
            self._cache[key] = image
            while len(self._cache) > self._size:
                self._cache.popitem(last=False)
        self._cache.move_to_end(key)
        return image

    @staticmethod
    def _decode(path: str, index: int, fps: float, width: int, height: int) -> QImage:
        with open_video(path) as (container, stream, _kind):
            base = stream.time_base or Fraction(1, 1000)
            start = stream.start_time or 0
            threshold = start + (index - 0.5) / fps / base  # frame k starts after this
            container.seek(max(start, math.floor(threshold)), stream=stream, backward=True)
            chosen = None
            for frame in container.decode(stream):
                chosen = frame
                if frame.pts is not None and frame.pts >= threshold:
                    break
            if chosen is None:
                raise ProbeError(path, f"no frame decoded near frame {index}")
            rotation = display_rotation(chosen, stream)
            swap = rotation in (90, 270)
            coded_w, coded_h = (height, width) if swap else (width, height)
            rgb = chosen.reformat(width=coded_w, height=coded_h, format="rgb24",
                                  src_colorspace=Colorspace.ITU601)
            packed = bytes(rgb.planes[0])
            step = rgb.planes[0].line_size
            rows = b"".join(packed[y * step: y * step + coded_w * 3] for y in range(coded_h))
            data = rotate_rgb(rows, coded_w, coded_h, rotation)
        image = QImage(data, width, height, width * 3, QImage.Format.Format_RGB888)
        return image.convertToFormat(QImage.Format.Format_RGB32)


def _mid_seconds(index: int, fps: float) -> float:
    return (index + 0.5) / fps


class _Phase(enum.Enum):
    """What the libVLC player is doing for us (finer than :class:`PlayerState`)."""

    IDLE = "idle"  # nothing loaded, failed, or paused with nothing pending
    OPEN = "open"  # media opened (muted pre-roll), waiting for its first frame
    SHOW = "show"  # seek-and-play issued to show frame `_target`, waiting for it
    SETTLE = "settle"  # paused; libVLC may still show late frames (dropped)
    PLAY = "play"  # playing from `_anchor`


class VlcPlayer(PlayerBackend):
    """:class:`PlayerBackend` on libVLC with callback rendering (see the module docstring).

    ``audio=False`` starts libVLC with ``--no-audio`` (tests, benchmarks).  Raises
    RuntimeError (with :data:`INSTALL_HINT`) when libVLC is missing.
    """

    def __init__(self, audio: bool = True, parent: QObject | None = None) -> None:
        super().__init__(parent)
        problem = None if vlc is not None else vlc_problem()
        if problem:
            raise RuntimeError(problem)
        self._core = _VlcCore(audio, self._on_frame, self._on_event)
        self._closed = False
        self._state = PlayerState.EMPTY
        self._phase = _Phase.IDLE
        self._path = ""
        self._in_ms = 0
        self._out_req: int | None = None
        self._fps = 25.0
        self._length = 0
        self._index = 0  # frame reported (shown, or about to be shown)
        self._vlc_index = -1  # frame libVLC holds while paused (-1: unknown)
        self._target = 0  # frame a SHOW/PLAY command started from
        self._next: tuple[str, int] | None = None  # ("show"|"play", frame) after SETTLE
        self._anchor: tuple[float, int] | None = None  # (display time, frame index)
        self._command_at = 0.0
        self._eof = False
        self._rate = 1.0
        self._volume = 100
        self._muted = False
        self._stills = _Stills()
        self._still_index: int | None = None  # the still shown (None: a libVLC frame)
        self._show_forward = False  # show libVLC's frame of a SHOW (no still)
        self._exact_seek = True  # no B-frames: libVLC lands exactly where asked
        self._size = (0, 0)
        self._ticker = self._timer(_TICK_MS, self._tick, single=False)
        self._settle_timer = self._timer(SETTLE_MS, self._settled)
        self._watchdog = self._timer(OPEN_TIMEOUT_MS, self._timed_out)
        self._burst = self._timer(BURST_MS, self._burst_over)
        _OPEN.add(self)

    def _timer(self, ms: int, slot: Callable[[], None], single: bool = True) -> QTimer:
        timer = QTimer(self)
        timer.setInterval(ms)
        timer.setSingleShot(single)
        timer.setTimerType(Qt.TimerType.PreciseTimer)
        timer.timeout.connect(slot)
        return timer

    # -- queries --------------------------------------------------------------------
    @property
    def state(self) -> PlayerState:
        return self._state

    @property
    def fps(self) -> float:
        return self._fps

    @property
    def in_ms(self) -> int:
        return self._in_ms

    @property
    def out_ms(self) -> int:
        if self._out_req is not None:
            return min(self._out_req, self._length) if self._length else self._out_req
        return self._length

    @property
    def volume(self) -> int:
        return self._volume

    @property
    def muted(self) -> bool:
        return self._muted

    @property
    def rate(self) -> float:
        return self._rate

    @property
    def path(self) -> str:
        return self._path

    @property
    def ready(self) -> bool:
        """Paused on the frame reported, with nothing pending in libVLC."""
        return self._state is PlayerState.PAUSED and self._phase is _Phase.IDLE

    def position_ms(self) -> int:
        return max(self._in_ms, frame_start_ms(self._index, self._fps))

    def duration_ms(self) -> int:
        return self._length

    @property
    def first_index(self) -> int:
        return frame_index(self._in_ms, self._fps)

    @property
    def last_index(self) -> int:
        """Index of the last frame that starts before the out point."""
        out = self.out_ms
        if out <= 0:
            return sys.maxsize
        return max(self.first_index, math.ceil(out * self._fps / 1000.0 - 1e-6) - 1)

    def _clamp(self, index: int) -> int:
        return max(self.first_index, min(index, self.last_index))

    def _pending_index(self) -> int:
        """The frame the player is heading to (the last one asked for)."""
        if self._next is not None:
            return self._next[1]
        return self._index

    # -- commands -------------------------------------------------------------------
    def load(
        self, path: str, in_ms: int = 0, out_ms: int | None = None, fps: float | None = None
    ) -> None:
        if self._closed:
            return
        self._path = path
        self._in_ms = max(0, int(in_ms))
        self._out_req = int(out_ms) if out_ms is not None else None
        self._rate = 1.0
        problem = missing_file_message(path)
        if problem:
            self._fail(problem)
            return
        try:
            width, height, fps_probed, length, reordered = _probe(path)
        except ProbeError as exc:
            self._fail(f"Cannot play {path}: {exc.reason}")
            return
        self._core.sink.want = (width, height)
        self._size = _fit(width, height)
        self._exact_seek = not reordered
        self._fps = fps if fps and fps > 0 else (fps_probed if 0 < fps_probed <= 1000 else 25.0)
        self._length = length
        self._settle_timer.setInterval(max(SETTLE_MS, round(2500 / self._fps)))
        self._open(self.first_index, play=False)
        self._still_index = None
        self._picture(self.first_index)  # the exact first frame at once
        self.position_changed.emit(self.position_ms())

    def play(self) -> None:
        """Play from the frame after the one shown (from the in point at the out point)."""
        if self._closed or self._state not in (PlayerState.PAUSED, PlayerState.LOADING):
            return
        index = self._pending_index()
        if self._state is PlayerState.LOADING:
            start = index  # not shown yet: play from it
        else:
            start = self.first_index if index >= self.last_index else index + 1
        self._start(start)

    def resume_fast(self) -> None:
        """Like :meth:`play`; without a seek when libVLC holds exactly the frame shown."""
        exact = (self.ready and not self._eof and self._exact_seek
                 and self._vlc_index == self._index)
        if exact and self._index < self.last_index:
            self._set_state(PlayerState.PLAYING)
            self._begin_play(self._index + 1, seek=False)
        elif self._state is PlayerState.PAUSED and self._index < self.last_index:
            self._start(self._index)  # re-shows the frame on screen (~1 ms), then on
        else:
            self.play()

    def pause(self) -> None:
        if self._closed or self._state is not PlayerState.PLAYING:
            return
        self._set_state(PlayerState.PAUSED)
        if self._phase is _Phase.PLAY:
            self._pause_vlc(("show", self._index))  # re-show it exactly once settled
        elif self._next is not None:
            self._next = ("show", self._next[1])

    def seek_ms(self, ms: int) -> None:
        if self._closed or self._state not in (
            PlayerState.PAUSED, PlayerState.PLAYING, PlayerState.LOADING
        ):
            return
        self._go(self._clamp(frame_index(ms, self._fps)))

    def step_frame(self, frames: int = 1) -> None:
        if self._closed or self._state not in (
            PlayerState.PAUSED, PlayerState.PLAYING, PlayerState.LOADING
        ):
            return
        if self._state is PlayerState.PLAYING:
            self.pause()
        self._go(self._clamp(self._pending_index() + frames))

    def set_rate(self, rate: float) -> None:
        if self._closed or rate <= 0:
            return
        self._rate = rate
        self._core.player.set_rate(rate)
        if self._phase is _Phase.PLAY and self._anchor is not None:
            self._anchor = (time.perf_counter(), self._index)  # re-anchor at the new rate

    def set_volume(self, volume: int) -> None:
        self._volume = max(0, min(100, int(volume)))
        if not self._closed:
            self._core.player.audio_set_volume(self._volume)

    def set_muted(self, muted: bool) -> None:
        self._muted = bool(muted)
        if not self._closed:
            self._core.player.audio_set_mute(self._muted)

    def unload(self) -> None:
        if self._closed:
            return
        self._stop_vlc()
        self._path = ""
        self._set_state(PlayerState.EMPTY)

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        for timer in (self._ticker, self._settle_timer, self._watchdog, self._burst):
            timer.stop()
        self._core.release()
        _OPEN.discard(self)
        self._state = PlayerState.EMPTY

    # -- moving libVLC ----------------------------------------------------------------
    def _go(self, index: int) -> None:
        """Show frame ``index`` (keep playing from it if playing)."""
        mode = "play" if self._state is PlayerState.PLAYING else "show"
        self._set_index(index)
        if mode == "show":
            self._picture(index)
        if self._eof:
            self._open(index, play=mode == "play")
        elif self._phase in (_Phase.OPEN, _Phase.SHOW, _Phase.SETTLE):
            self._next = (mode, index)  # done once libVLC has settled
        elif self._phase is _Phase.PLAY:
            self._pause_vlc((mode, index))  # frames on their way would mislabel it
        else:
            self._show(index)

    def _start(self, index: int) -> None:
        if index < self._index:  # from the in point again
            self._set_index(index)
        self._set_state(PlayerState.PLAYING)
        if self._eof:
            self._open(index, play=True)
        elif self._phase is _Phase.IDLE:
            self._begin_play(index, seek=True)
        else:
            self._next = ("play", index)

    def _seek_and_run(self, index: int) -> None:
        """Seek while paused and resume at once: frame ``index`` is shown first.

        Without B-frames it is exactly the first frame shown; with B-frames libVLC
        first shows a neighbour and replaces it within ~1 ms (a seek while paused
        alone would stay on that neighbour).
        """
        self._target = index
        self._command_at = time.perf_counter()
        self._core.player.set_time(int(_mid_seconds(index, self._fps) * 1000))
        self._core.player.set_pause(0)

    def _picture(self, index: int) -> bool:
        """Show the exact still of frame ``index`` (False if it cannot be decoded)."""
        if self._still_index == index:
            return True
        image = self._stills.get(self._path, index, self._fps, *self._size)
        if image is None:
            return False
        self._still_index = index
        self.frame_ready.emit(image)
        return True

    def _show(self, index: int) -> None:
        self._show_forward = not self._picture(index)
        self._phase = _Phase.SHOW
        self._core.player.audio_set_mute(True)
        self._seek_and_run(index)
        self._watchdog.start(SHOW_TIMEOUT_MS)

    def _begin_play(self, index: int, seek: bool) -> None:
        self._phase = _Phase.PLAY
        self._next = None
        self._anchor = None
        self._apply_audio()
        if seek:
            # Deliver the first frame even if unchanged: it anchors the positions.
            self._core.sink.force_next = True
            self._seek_and_run(index)
        else:
            self._target, self._command_at = index, time.perf_counter()
            self._core.player.set_pause(0)
        self._ticker.start()

    def _burst_over(self) -> None:
        if self._phase is _Phase.SHOW:
            self._pause_vlc(self._next)

    def _pause_vlc(self, then: tuple[str, int] | None) -> None:
        self._core.player.set_pause(1)
        self._phase = _Phase.SETTLE
        self._next = then
        self._ticker.stop()
        self._watchdog.stop()
        self._burst.stop()
        self._settle_timer.start()

    def _settled(self) -> None:
        if self._closed or self._phase is not _Phase.SETTLE:
            return
        then, self._next = self._next, None
        self._phase = _Phase.IDLE
        if self._eof:  # libVLC is at the end: reopen only to play
            if then is not None and then[0] == "play":
                self._open(then[1], play=True)
                return
            if then is not None:
                self._picture(then[1])
            if self._state is PlayerState.LOADING:
                self._set_state(PlayerState.PAUSED)
            return
        if then is None or (then[0] == "show" and then[1] == self._vlc_index):
            if then is not None:
                self._picture(then[1])
            self._apply_audio()
            if self._state is PlayerState.LOADING:
                self._set_state(PlayerState.PAUSED)
        elif then[0] == "play":
            self._begin_play(then[1], seek=True)
        else:
            self._show(then[1])

    def _open(self, index: int, play: bool) -> None:
        self._stop_vlc()
        self._set_state(PlayerState.PLAYING if play else PlayerState.LOADING)
        self._phase = _Phase.OPEN
        self._next = ("play" if play else "show", index)
        self._index = index
        options = [f":start-time={_mid_seconds(index, self._fps):.4f}"]
        self._core.player.set_media(self._core.media(self._path, options))
        self._core.player.set_rate(self._rate)
        self._core.player.audio_set_mute(True)
        self._watchdog.start(OPEN_TIMEOUT_MS)
        if self._core.player.play() != 0:
            self._fail(f"Cannot play {self._path}: libVLC refused to open it")

    def _stop_vlc(self) -> None:
        for timer in (self._ticker, self._settle_timer, self._watchdog, self._burst):
            timer.stop()
        self._core.player.stop()
        self._core.sink.generation += 1
        self._phase, self._next, self._anchor = _Phase.IDLE, None, None
        self._eof, self._vlc_index = False, -1

    def _apply_audio(self) -> None:
        self._core.player.audio_set_volume(self._volume)
        self._core.player.audio_set_mute(self._muted)

    # -- libVLC feedback ------------------------------------------------------------
    def _on_frame(self, generation: int, image: QImage, shown: float) -> None:
        if self._closed or generation != self._core.sink.generation:
            return
        phase = self._phase
        if phase is _Phase.OPEN:  # the pre-roll's first frame (maybe not the exact one)
            self._watchdog.stop()
            if self._length <= 0:
                self._length = max(0, int(self._core.player.get_length() or 0))
            self._vlc_index = -1
            self._pause_vlc(self._next)
        elif phase is _Phase.SHOW:
            # With B-frames libVLC first shows a neighbour, then (within ~1 ms) the
            # frame asked for: the last frame of that burst is the one.
            self._watchdog.stop()
            self._vlc_index = self._target
            if self._show_forward:
                self._show_frame(image, self._target)
            elif self._state is PlayerState.LOADING:
                self._set_state(PlayerState.PAUSED)
            if not self._burst.isActive():
                self._burst.start()
        elif phase is _Phase.SETTLE:  # late frames: libVLC moves on, we do not show them
            if self._vlc_index >= 0:
                self._vlc_index += 1
            self._settle_timer.start()
        elif phase is _Phase.PLAY:
            if self._anchor is None:
                self._anchor = (shown, self._target)
            index = max(self._index, self._frame_at(shown))
            self._vlc_index = index
            if index <= self.last_index:
                self._show_frame(image, index)
            if index >= self.last_index:
                self._reach_out()

    def _frame_at(self, shown: float) -> int:
        """Frame shown at display time ``shown`` (anchored on the first frame shown).

        libVLC shows frames on a lattice ``t0 + k * interval`` or late, never early: a
        frame that looks early moves ``t0`` back, and up to 0.65 of an interval of
        lateness is tolerated.
        """
        assert self._anchor is not None
        t0, base = self._anchor
        interval = 1.0 / (self._fps * self._rate)  # seconds of wall time per frame
        rel = (shown - t0) / interval
        steps = math.floor(rel + 0.35)
        if rel < steps:
            self._anchor = (shown - steps * interval, base)
        return base + steps

    def _show_frame(self, image: QImage, index: int) -> None:
        changed = index != self._index or self._state is PlayerState.LOADING
        self._index = index
        self._still_index = None
        if self._state is PlayerState.LOADING:
            self._set_state(PlayerState.PAUSED)
        self.frame_ready.emit(image)
        if changed:
            self.position_changed.emit(self.position_ms())

    def _set_index(self, index: int) -> None:
        if index != self._index:
            self._index = index
            self.position_changed.emit(self.position_ms())

    def _tick(self) -> None:
        if self._phase is not _Phase.PLAY:
            return
        now = time.perf_counter()
        if self._anchor is None:
            if now - self._command_at < 2.5 / self._fps:
                return  # the first frame is still coming
            self._anchor = (self._command_at, self._target)  # unchanged frames (dropped)
        t0, base = self._anchor
        estimate = base + int((now - t0) * self._fps * self._rate)
        if estimate > self._index:
            self._set_index(min(estimate, self.last_index))
        if estimate >= self.last_index:
            self._reach_out()

    def _reach_out(self) -> None:
        if self._phase is not _Phase.PLAY:
            return
        self._set_index(self.last_index)
        self._set_state(PlayerState.PAUSED)
        self._pause_vlc(("show", self.last_index))
        self.reached_out_point.emit()

    def _on_event(self, generation: int, kind: str) -> None:
        if self._closed or generation != self._core.sink.generation:
            return
        near_end = self._next is not None and self._next[1] >= self._media_last_index() - 2
        if self._phase is _Phase.OPEN and kind == "MediaPlayerEndReached" and near_end:
            self._eof = True  # opened on one of the last frames, which it has shown
            self._pause_vlc(self._next)
        elif self._phase is _Phase.OPEN:
            what = "libVLC reported an error" if "Error" in kind else "no video frames"
            self._fail(f"Cannot play {self._path}: not a playable video ({what})")
        elif kind == "MediaPlayerEncounteredError":
            self._fail(f"Cannot play {self._path}: libVLC reported a decoding error")
        elif kind == "MediaPlayerEndReached":
            self._eof = True  # libVLC must reopen the clip to move again
            if self._phase is _Phase.PLAY:
                self._ticker.stop()
                self._phase = _Phase.IDLE
                self._set_index(min(self.last_index, self._media_last_index()))
                self._picture(self._index)
                self._set_state(PlayerState.PAUSED)
                self.reached_out_point.emit()
            elif self._phase is _Phase.SHOW:  # the still shows the frame asked for
                self._pause_vlc(self._next)

    def _media_last_index(self) -> int:
        if self._length <= 0:
            return sys.maxsize
        return max(0, math.ceil(self._length * self._fps / 1000.0 - 1e-6) - 1)

    def _timed_out(self) -> None:
        if self._phase is _Phase.OPEN:
            self._fail(f"Cannot play {self._path}: no video frame within "
                       f"{OPEN_TIMEOUT_MS // 1000} s")
        elif self._phase is _Phase.SHOW:
            # No new frame: it looks like the one shown (identical frames are not
            # delivered).  Take it as shown.
            self._vlc_index = self._target
            self._set_index(self._target)
            if self._state is PlayerState.LOADING:
                self._set_state(PlayerState.PAUSED)
            self._pause_vlc(self._next)

    def _fail(self, message: str) -> None:
        if not self._closed:
            self._stop_vlc()
        self._set_state(PlayerState.ERROR)
        self.error.emit(message)

    def _set_state(self, state: PlayerState) -> None:
        if state is not self._state:
            self._state = state
            self.state_changed.emit(state)


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
