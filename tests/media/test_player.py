"""The player interface helpers (frame arithmetic, file checks) and the deterministic FakePlayer."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from studio.app.playback.player import (
    FakePlayer,
    PlayerState,
    frame_index,
    frame_start_ms,
    last_frame_ms,
    missing_file_message,
)


@pytest.mark.parametrize("fps", [12.0, 23.976, 24.0, 25.0, 29.97, 30.0, 50.0, 59.94, 60.0, 120.0])
def test_frame_start_maps_back_to_its_frame(fps: float) -> None:
    for index in range(0, 5000, 7):
        start = frame_start_ms(index, fps)
        assert frame_index(start, fps) == index
        # every whole ms inside the frame maps to it, the next frame's start does not
        nxt = frame_start_ms(index + 1, fps)
        assert all(frame_index(ms, fps) == index for ms in range(start, nxt))
        assert frame_index(nxt, fps) == index + 1


def test_frame_index_examples() -> None:
    assert frame_index(0, 24) == 0
    assert frame_index(41, 24) == 0  # frame 1 starts at 41.67 ms, shown as 42
    assert frame_index(42, 24) == 1
    assert frame_index(1000, 24) == 24
    assert frame_start_ms(1, 24) == 42
    assert frame_index(-50, 24) == 0


@pytest.mark.parametrize(
    ("out_ms", "fps", "expected"),
    [(1000, 24.0, 958), (1001, 24.0, 1000), (6000, 24.0, 5958), (1000, 25.0, 960), (40, 25.0, 0)],
)
def test_last_frame_starts_before_the_out_point(out_ms: int, fps: float, expected: int) -> None:
    assert last_frame_ms(out_ms, fps) == expected
    assert last_frame_ms(out_ms, fps) < out_ms


def test_missing_file_messages(tmp_path: Path) -> None:
    clip = tmp_path / "clip.mp4"
    assert missing_file_message(str(clip)) == f"Cannot play {clip}: file not found"
    assert missing_file_message(str(tmp_path)) == f"Cannot play {tmp_path}: not a file"
    clip.write_bytes(b"x")
    assert missing_file_message(str(clip)) is None


class Recorder:
    def __init__(self, player: FakePlayer) -> None:
        self.frames: list[QImage] = []
        self.positions: list[int] = []
        self.states: list[PlayerState] = []
        self.errors: list[str] = []
        self.outs = 0
        player.frame_ready.connect(self.frames.append)
        player.position_changed.connect(self.positions.append)
        player.state_changed.connect(self.states.append)
        player.error.connect(self.errors.append)
        player.reached_out_point.connect(self._out)

    def _out(self) -> None:
        self.outs += 1


@pytest.fixture
def clip(tmp_path: Path) -> str:
    path = tmp_path / "clip.mp4"
    path.write_bytes(b"not really decoded by the fake")
    return str(path)


def test_fake_load_shows_the_in_frame(clip: str) -> None:
    fake = FakePlayer(duration=6000, fps=24.0)
    rec = Recorder(fake)
    fake.load(clip, 1000, 3000)
    assert fake.state is PlayerState.PAUSED
    assert rec.states == [PlayerState.LOADING, PlayerState.PAUSED]
    assert rec.positions == [1000]
    assert rec.frames[-1].pixelColor(1, 1) == FakePlayer.colour_at(1000)
    assert (fake.in_ms, fake.out_ms, fake.fps) == (1000, 3000, 24.0)


def test_fake_plays_to_the_out_point_and_pauses(clip: str) -> None:
    fake = FakePlayer(duration=6000, fps=24.0)
    rec = Recorder(fake)
    fake.load(clip, 1000, 2000)
    fake.play()
    assert fake.state is PlayerState.PLAYING
    for _ in range(100):
        fake.advance(10)
    assert fake.state is PlayerState.PAUSED
    assert rec.outs == 1
    assert fake.position_ms() == last_frame_ms(2000, 24.0) == 1958
    assert rec.positions == sorted(rec.positions)
    assert all(1000 <= p <= 1958 for p in rec.positions)
    assert all(frame_start_ms(frame_index(p, 24.0), 24.0) == p for p in rec.positions)
    # playing again from the out point restarts at the in point
    fake.play()
    assert fake.position_ms() == 1000


def test_fake_seek_step_rate_and_audio(clip: str) -> None:
    fake = FakePlayer(duration=6000, fps=25.0)
    fake.load(clip, 400, 2000)
    fake.seek_ms(100)
    assert fake.position_ms() == 400  # clamped to the trim
    fake.seek_ms(9999)
    assert fake.position_ms() == last_frame_ms(2000, 25.0)
    fake.seek_ms(1000)
    fake.step_frame(1)
    assert fake.position_ms() == 1040
    fake.step_frame(-2)
    assert fake.position_ms() == 960
    fake.set_rate(2.0)
    fake.play()
    fake.advance(200)
    assert fake.position_ms() == 1360
    fake.set_volume(150)
    fake.set_muted(True)
    assert (fake.volume, fake.muted) == (100, True)
    assert ("set_volume", (150,)) in fake.calls


def test_fake_reports_a_missing_file(tmp_path: Path) -> None:
    fake = FakePlayer()
    rec = Recorder(fake)
    fake.load(str(tmp_path / "media" / "x.mp4"))
    assert fake.state is PlayerState.ERROR
    assert rec.errors == [f"Cannot play {tmp_path / 'media' / 'x.mp4'}: file not found"]
    fake.play()
    assert fake.state is PlayerState.ERROR
