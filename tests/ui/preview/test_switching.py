"""SwitchingPlayer: pre-rolled clips switch in with their first frame held, never black.

Unit tests run on FakePlayers; the last test plays real clips through libVLC and
captures every frame shown across several switches.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from studio.app.playback.player import FakePlayer, PlayerBackend, PlayerState
from studio.ui.preview.switching import ClipKey, SwitchingPlayer
from tests.ui.preview.conftest import COLOURS

pytestmark = pytest.mark.gui


@pytest.fixture
def clips(tmp_path: Path) -> list[str]:
    paths = []
    for name in ("a", "b", "c"):
        path = tmp_path / f"{name}.mp4"
        path.write_bytes(b"fake")
        paths.append(str(path))
    return paths


@pytest.fixture
def fakes() -> list[FakePlayer]:
    return []


@pytest.fixture
def switching(fakes: list[FakePlayer]) -> SwitchingPlayer:
    def factory() -> PlayerBackend:
        fakes.append(FakePlayer(duration=6000, fps=24.0))
        return fakes[-1]

    return SwitchingPlayer(factory, players=3)


def test_preloaded_clip_switches_in_with_its_first_frame(switching: SwitchingPlayer,
                                                         fakes: list[FakePlayer],
                                                         clips: list[str]) -> None:
    shown: list[QImage] = []
    states: list[object] = []
    switching.frame_ready.connect(shown.append)
    switching.state_changed.connect(states.append)
    switching.load(clips[0], 0, 3000, 24.0)
    switching.play()
    first = switching.current
    assert isinstance(first, FakePlayer)
    first.advance(500)
    switching.preload(clips[1], 2000, None, 24.0)
    assert switching.preloaded() == [ClipKey(clips[1], 2000, None)]
    count = len(shown)
    first.advance(100)  # frames of the current clip still pass
    assert len(shown) > count
    count = len(shown)
    switching.load(clips[1], 2000, None, 24.0)  # what a playthrough does
    assert switching.switches == 1
    assert switching.current is not first
    assert len(shown) == count + 1  # the held first frame, at once
    assert shown[-1].pixelColor(0, 0) == FakePlayer.colour_at(2000)
    assert switching.position_ms() == 2000 and switching.state is PlayerState.PAUSED
    assert first.state is PlayerState.PAUSED
    switching.play()
    assert switching.state is PlayerState.PLAYING
    first_count = len(shown)
    first.advance(1000)  # the old player is silent now
    assert len(shown) == first_count


def test_clip_not_preloaded_loads_in_the_current_player(switching: SwitchingPlayer,
                                                        clips: list[str]) -> None:
    switching.load(clips[0])
    current = switching.current
    switching.load(clips[2], 1000)
    assert switching.current is current and switching.switches == 0
    assert switching.position_ms() == 1000
    assert not switching.switch()  # nothing preloaded


def test_spares_are_reused_and_settings_reach_every_player(switching: SwitchingPlayer,
                                                           fakes: list[FakePlayer],
                                                           clips: list[str]) -> None:
    switching.load(clips[0])
    switching.preload(clips[1])
    switching.preload(clips[2])
    switching.preload(clips[1])  # already there: no reload
    assert sorted(k.path for k in switching.preloaded()) == sorted(clips[1:])
    switching.preload(clips[0], 500)  # both spares busy: the oldest is reused
    assert len(switching.preloaded()) == 2
    assert ClipKey(clips[0], 500, None) in switching.preloaded()
    switching.set_volume(20)
    switching.set_muted(True)
    switching.set_rate(2.0)
    assert all(f.volume == 20 and f.muted and f.rate == 2.0 for f in fakes)
    assert switching.switch(ClipKey(clips[0], 500, None), play=True)
    assert switching.state is PlayerState.PLAYING and switching.in_ms == 500
    switching.close()
    switching.close()
    assert all(("close", ()) in f.calls for f in fakes)


def test_a_broken_preload_is_not_switched_to(switching: SwitchingPlayer, clips: list[str],
                                             tmp_path: Path) -> None:
    errors: list[str] = []
    switching.error.connect(errors.append)
    switching.load(clips[0])
    missing = str(tmp_path / "gone.mp4")
    switching.preload(missing)
    assert errors == []  # a spare's error is not the viewer's problem yet
    switching.load(missing)
    assert errors == [f"Cannot play {missing}: file not found"]


def is_blank(image: QImage) -> bool:
    w, h = image.width(), image.height()
    points = [(w // 2, h // 2), (w // 4, 3 * h // 4), (3 * w // 4, h // 4)]
    return all(max(image.pixelColor(x, y).getRgb()[:3]) < 24 for x, y in points)


def colour_name(image: QImage) -> str | None:
    colour = image.pixelColor(image.width() // 2, image.height() // 2)
    rgb = (colour.red(), colour.green(), colour.blue())
    for name, target in COLOURS.items():
        if all(abs(a - b) <= 48 for a, b in zip(rgb, target, strict=True)):
            return name
    return None


@pytest.mark.vlc
def test_real_switches_show_no_blank_frame(qtbot: QtBot, need_vlc: None,
                                           preview_clips: dict[str, Path]) -> None:
    from studio.app.playback.vlc_player import VlcPlayer

    player = SwitchingPlayer(lambda: VlcPlayer(audio=False))
    frames: list[tuple[float, bool, str | None]] = []  # (time, blank?, colour)
    player.frame_ready.connect(
        lambda image: frames.append((time.perf_counter(), is_blank(image), colour_name(image)))
    )
    order = ["red", "green", "blue", "red", "blue", "green"]
    try:
        player.load(str(preview_clips[order[0]]), 0, None, 24.0)
        qtbot.waitUntil(lambda: player.ready, timeout=8000)
        player.play()
        switch_marks: list[tuple[float, str]] = []
        for name in order[1:]:
            player.preload(str(preview_clips[name]), 0, None, 24.0)
            qtbot.wait(450)
            switch_marks.append((time.perf_counter(), name))
            player.load(str(preview_clips[name]), 0, None, 24.0)
            player.play()
        qtbot.wait(300)
    finally:
        player.close()
    assert player.switches == len(order) - 1  # every switch used a pre-rolled player
    assert frames and not any(blank for _t, blank, _c in frames)
    assert all(c is not None for _t, _b, c in frames)
    for at, name in switch_marks:
        after = [c for t, _b, c in frames if t > at]
        assert after and all(c == name for c in after[:5])
