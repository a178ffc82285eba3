"""The playthrough's video follows the engine (mixed into ``PlaythroughController``).

After every advance or input the controller calls :meth:`VideoFollower._sync`:
another clip/trim -> ``load``; engine paused -> ``pause`` and show the exact
frame of ``t``; playing -> ``play``; drift between ``t`` and the video beyond
~2 frames -> ``seek_ms``.  A seek or resume of a real player takes effect some
time later, so seeks while the story plays aim *ahead* by a learnt lead: each
is followed, :data:`CHECK_AFTER_MS` later, by a drift measurement that adjusts
the lead (and no other seek happens before it).  A player with a
``preload(path, in_ms, out_ms, fps)`` method (a pre-rolling switching player) is
told the clips of ``engine.next_scene_candidates()``.  The video never drives
the story, with one exception, as in the web player: while the current clip
is opening (the player is ``LOADING``) the story waits for its first frame,
at most :data:`LOAD_WAIT_MS` (then it goes on and the video shows late; a
missing clip is an error at once and never waits).  A storyboard placeholder scene has no
clip: the video pauses and the UI draws its card at the engine's ``t``
(:meth:`~studio.app.playthrough_view.PlaythroughView.placeholder`).
"""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

from studio.app.playback.player import PlayerBackend, PlayerState, frame_index, last_frame_ms
from studio.engine import Engine
from studio.model import MediaAsset, Scene

CHECK_AFTER_MS = 500  # wall time from a seek/resume to its drift measurement
MAX_LEAD_MS = 600  # the learnt command latency (wall ms) stays within [0, this]
TOLERANCE_FRAMES = 2
NS_PER_MS = 1_000_000
LOAD_WAIT_MS = 3000  # wall time the story waits at most for a clip to open


class VideoFollower:
    """Keeps ``_player`` in step with ``_engine`` (state owned by the controller)."""

    _player: PlayerBackend | None
    _engine: Engine | None
    _scenes: dict[str, Scene]
    _media: dict[str, MediaAsset]
    _folder: Path | None
    _speed: Fraction
    _tick_ms: int
    _running: bool
    _wall_ns: int
    _loaded: tuple[str, int, int | None] | None
    _preloaded: tuple[str, ...]
    _lead_ms: float  # learnt latency of a seek/resume command (wall ms)
    _check: tuple[int, bool] | None  # (wall ms, after a seek) of the next drift check
    _load_wait_ns: int  # wall time the story has waited for the current clip to open
    _fast: bool  # steering jumps through the story: no video until it stops

    def _video_opening(self, gap_ns: int) -> bool:
        """True while the story waits for the current clip to open (``gap_ns`` more of waiting)."""
        player = self._player
        if player is None or self._loaded is None or player.state is not PlayerState.LOADING:
            self._load_wait_ns = 0
            return False
        self._load_wait_ns += gap_ns
        return self._load_wait_ns <= LOAD_WAIT_MS * NS_PER_MS

    def _clip_of(self, scene_id: str) -> tuple[str, int, int | None, float] | None:
        scene = self._scenes.get(scene_id)
        asset = self._media.get(scene.media) if scene and scene.media is not None else None
        if scene is None or asset is None or self._folder is None:
            return None
        return str(self._folder / asset.path), scene.in_ms, scene.out_ms, asset.fps

    def _sync(self) -> None:
        """Bring the video in step with the engine (see the module docstring)."""
        player, eng = self._player, self._engine
        if player is None or eng is None or eng.scene_id is None or self._fast:
            return
        clip = self._clip_of(eng.scene_id)
        if clip is None:
            scene = self._scenes.get(eng.scene_id)
            if scene is not None and scene.placeholder is not None:
                # A storyboard card (drawn by the UI on the engine clock): no video plays.
                if player.state is PlayerState.PLAYING:
                    player.pause()
                self._loaded = None
                self._preload()
            return
        key = clip[:3]
        if key != self._loaded:
            self._loaded = key
            player.load(clip[0], clip[1], clip[2], clip[3])
            if self._speed != 1:
                player.set_rate(float(self._speed))
        self._preload()
        state = player.state
        if state not in (PlayerState.PAUSED, PlayerState.PLAYING):
            return  # loading (the next tick syncs), error or unloaded
        fps = player.fps or clip[3]
        frame_ms = 1000.0 / fps
        last = last_frame_ms(player.out_ms, fps) if player.out_ms > 0 else eng.t
        target = min(eng.t, last)
        pos = player.position_ms()
        if eng.paused or eng.ended or not self._running:  # held by the story or the viewer
            if state is PlayerState.PLAYING:
                player.pause()
            if frame_index(pos, fps) != frame_index(target, fps):
                player.seek_ms(target)
            return
        speed = float(self._speed)
        tolerance = (TOLERANCE_FRAMES * frame_ms + self._tick_ms) * speed
        now = self._wall_ns // NS_PER_MS  # wall time played (ticks), not the engine's
        # Where a seek aims: the frame nearest to where the engine is once it takes effect.
        ahead = min(last, target + round(self._lead_ms * speed + frame_ms / 2))
        if state is PlayerState.PAUSED:
            if pos >= last and target >= last - tolerance:
                return  # the video waits at its out point for the engine
            seek = frame_index(pos, fps) != frame_index(ahead, fps)
            if seek:
                player.seek_ms(ahead)
            player.play()
            self._check = (now + CHECK_AFTER_MS, seek)
            return
        if self._check is not None:
            if now < self._check[0]:
                return  # a command is taking effect
            if self._check[1]:  # the lead is the latency of seeks (a bare resume may be quicker)
                drift = pos + frame_ms / 2 - target  # pos is the start of the frame shown
                self._lead_ms = max(0.0, min(MAX_LEAD_MS, self._lead_ms - drift / speed))
                ahead = min(last, target + round(self._lead_ms * speed + frame_ms / 2))
            self._check = None
        if abs(pos - target) > tolerance:
            player.seek_ms(ahead)
            self._check = (now + CHECK_AFTER_MS, True)

    def _preload(self) -> None:
        player, eng = self._player, self._engine
        preload = getattr(player, "preload", None)
        if eng is None or not callable(preload):
            return
        candidates = tuple(eng.next_scene_candidates())
        if candidates == self._preloaded:
            return
        self._preloaded = candidates
        for scene_id in candidates:
            clip = self._clip_of(scene_id)
            if clip is not None:
                preload(*clip)
