"""VlcPlayer on real libVLC and real clips: colours at known times, exact seeks, trims, errors.

Clips are made with ffmpeg.  The "index" clip encodes its frame number in two
grey blocks (lossless H.264), so a decoded QImage tells which frame is shown.
Without libVLC these tests skip locally and fail in CI.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from studio.app.playback.player import PlayerState, frame_index, frame_start_ms
from studio.app.playback.vlc_player import INSTALL_HINT, VlcPlayer, vlc_problem
from tests.media.conftest import RunFfmpeg
from tests.support import require

pytestmark = [pytest.mark.vlc, pytest.mark.gui]

FPS = 24.0
WAIT = 8000  # generous ms for libVLC on a loaded machine; never a speed assertion


def index_filter(seconds: float) -> str:
    """Left block grey (N mod 8)*28+20, right block (N div 8)*20+20: frames 0..95."""
    return (
        f"color=black:s=64x64:r={FPS:g}:d={seconds},format=gray,"
        r"geq=lum='if(lt(X\,32)\,mod(N\,8)*28+20\,floor(N/8)*20+20)',format=yuv420p"
    )


def frame_number(image: QImage) -> int:
    left = image.pixelColor(image.width() // 4, image.height() // 2).red()
    right = image.pixelColor(3 * image.width() // 4, image.height() // 2).red()
    return round((left - 19) / 28.0) + 8 * round((right - 19) / 20.0)


def rgb(image: QImage) -> tuple[int, int, int]:
    colour = image.pixelColor(image.width() // 2, image.height() // 2)
    return colour.red(), colour.green(), colour.blue()


def near(colour: tuple[int, int, int], target: tuple[int, int, int], tol: int = 48) -> bool:
    return all(abs(a - b) <= tol for a, b in zip(colour, target, strict=True))


@pytest.fixture(scope="module")
def clips(media_dir: Path, run_ffmpeg: RunFfmpeg) -> dict[str, Path]:
    out = {"red_green": media_dir / "vlc_red_green.mp4", "index": media_dir / "vlc_index.mp4",
           "index_b": media_dir / "vlc_index_b.mp4"}
    graph = (  # a small box moving along the top edge makes every frame different
        f"color=c=red:s=96x160:r={FPS:g}:d=1[a];color=c=lime:s=96x160:r={FPS:g}:d=1[b];"
        f"[a][b]concat=n=2:v=1:a=0[bg];color=c=white:s=8x8:r={FPS:g}:d=2[box];"
        "[bg][box]overlay=x=n*1.5:y=0"
    )
    h264 = ["-c:v", "libx264", "-preset", "veryfast", "-g", "12", "-pix_fmt", "yuv420p"]
    run_ffmpeg("-f", "lavfi", "-i", graph, *h264, str(out["red_green"]))
    run_ffmpeg("-f", "lavfi", "-i", index_filter(4.0), "-c:v", "libx264", "-qp", "0",
               "-g", "24", "-pix_fmt", "yuv420p", str(out["index"]))
    # like the sample clips: main profile with B-frames, which libVLC seeks inexactly
    run_ffmpeg("-f", "lavfi", "-i", index_filter(4.0), "-c:v", "libx264", "-profile:v", "main",
               "-preset", "medium", "-crf", "16", "-g", "24", "-pix_fmt", "yuv420p",
               str(out["index_b"]))
    return out


Shown = list[tuple[int, int, QImage, float]]  # (position label, frame number, image, time)
_SHOWN: dict[int, Shown] = {}


@pytest.fixture
def player(qtbot: QtBot) -> Iterator[VlcPlayer]:
    """A libVLC player without audio; every frame it shows is recorded (frames_of)."""
    require(vlc_problem() is None, f"libVLC ({INSTALL_HINT})")
    vp = VlcPlayer(audio=False)
    shown: Shown = []
    _SHOWN[id(vp)] = shown
    vp.frame_ready.connect(lambda image: shown.append(
        (vp.position_ms(), frame_number(image), image, time.perf_counter())
    ))
    yield vp
    vp.close()
    del _SHOWN[id(vp)]


def frames_of(vp: VlcPlayer) -> Shown:
    return _SHOWN[id(vp)]


def lasting(shown: Shown) -> list[tuple[int, int]]:
    """(label, frame number) of frames not replaced within 5 ms.

    Right after a seek libVLC shows a neighbouring frame of a B-frame clip and
    replaces it within ~1 ms by the frame asked for: the first is never seen.
    """
    return [(label, n) for i, (label, n, _image, t) in enumerate(shown)
            if i + 1 == len(shown) or shown[i + 1][3] - t > 0.005]


def load(qtbot: QtBot, vp: VlcPlayer, path: Path, in_ms: int = 0, out_ms: int | None = None
         ) -> None:
    vp.load(str(path), in_ms, out_ms, FPS)
    qtbot.waitUntil(lambda: vp.ready, timeout=WAIT)


def settle(qtbot: QtBot, vp: VlcPlayer, expected_ms: int) -> QImage:
    """Wait until paused and settled on ``expected_ms``; return the last frame shown."""
    qtbot.waitUntil(lambda: vp.ready and vp.position_ms() == expected_ms, timeout=WAIT)
    qtbot.wait(vp._settle_timer.interval() + 60)  # let a late frame show, if any
    assert vp.ready and vp.position_ms() == expected_ms
    return frames_of(vp)[-1][2]


def test_colours_at_known_times(qtbot: QtBot, player: VlcPlayer, clips: dict[str, Path]) -> None:
    red, green = (255, 0, 0), (0, 255, 0)
    load(qtbot, player, clips["red_green"])
    assert near(rgb(frames_of(player)[-1][2]), red)
    for at, colour in ((1500, green), (500, red), (1958, green), (958, red), (1000, green)):
        player.seek_ms(at)
        image = settle(qtbot, player, frame_start_ms(frame_index(at, FPS), FPS))
        assert near(rgb(image), colour), (at, rgb(image))
    # play through: every frame is red before 1 s and green after (one frame of slack)
    player.seek_ms(0)
    settle(qtbot, player, 0)
    start = len(frames_of(player))
    player.play()
    with qtbot.waitSignal(player.reached_out_point, timeout=WAIT):
        pass
    shown = frames_of(player)[start:]
    assert len(shown) > 20
    for label, _n, image, _t in shown:
        if label <= 1000 - 42:
            assert near(rgb(image), red), (label, rgb(image))
        elif label >= 1000 + 42:
            assert near(rgb(image), green), (label, rgb(image))
        else:
            assert near(rgb(image), red) or near(rgb(image), green)


@pytest.mark.parametrize("clip", ["index", "index_b"])
def test_seek_and_frame_step_are_frame_exact(qtbot: QtBot, player: VlcPlayer,
                                             clips: dict[str, Path], clip: str) -> None:
    load(qtbot, player, clips[clip])
    assert frame_number(frames_of(player)[-1][2]) == 0
    for target in (500, 1521, 2980, 1000, 42, 3958):
        player.seek_ms(target)
        expected = frame_index(target, FPS)
        image = settle(qtbot, player, frame_start_ms(expected, FPS))
        assert frame_number(image) == expected, target
    for step, expected in ((-1, 94), (-3, 91), (2, 93), (5, 95)):
        player.step_frame(step)
        image = settle(qtbot, player, frame_start_ms(expected, FPS))
        assert frame_number(image) == expected


@pytest.mark.parametrize("clip", ["index", "index_b"])
def test_playback_respects_the_trim(qtbot: QtBot, player: VlcPlayer,
                                    clips: dict[str, Path], clip: str) -> None:
    load(qtbot, player, clips[clip], 500, 1500)  # frames 12..35
    assert frame_number(frames_of(player)[-1][2]) == 12
    assert player.position_ms() == 500
    start = len(frames_of(player))
    player.play()
    assert player.state is PlayerState.PLAYING
    with qtbot.waitSignal(player.reached_out_point, timeout=WAIT):
        pass
    image = settle(qtbot, player, frame_start_ms(35, FPS))
    assert frame_number(image) == 35
    played = frames_of(player)[start:]
    numbers = [n for _label, n in lasting(played)]
    assert max(numbers) == 35 and min(numbers) >= 12  # nothing past the out point
    assert len(set(numbers)) >= 15  # it really played (frames may drop under load)
    # the label of every frame that stays on screen names it (within one frame)
    assert all(abs(frame_index(label, FPS) - n) <= 1 for label, n in lasting(played))
    # playing at the out point restarts from the in point
    player.play()
    qtbot.waitUntil(lambda: any(n > 14 for _l, n, _i, _t in frames_of(player)[len(played) + start:]),
                    timeout=WAIT)
    player.pause()
    position = player.position_ms()
    image = settle(qtbot, player, position)
    assert frame_number(image) == frame_index(position, FPS)


@pytest.mark.parametrize("clip", ["index", "index_b"])
def test_pause_lands_on_the_frame_it_reports(qtbot: QtBot, player: VlcPlayer,
                                             clips: dict[str, Path], clip: str) -> None:
    load(qtbot, player, clips[clip])
    for _ in range(3):
        player.play()
        begin = player.position_ms()
        qtbot.waitUntil(lambda b=begin: player.position_ms() >= b + 300, timeout=WAIT)
        player.pause()
        qtbot.waitUntil(lambda: player.ready, timeout=WAIT)
        image = settle(qtbot, player, player.position_ms())
        assert frame_number(image) == frame_index(player.position_ms(), FPS)


@pytest.mark.parametrize("clip", ["index", "index_b"])
def test_seek_while_playing_keeps_playing(qtbot: QtBot, player: VlcPlayer,
                                          clips: dict[str, Path], clip: str) -> None:
    load(qtbot, player, clips[clip])
    player.play()
    qtbot.waitUntil(lambda: player.position_ms() >= 200, timeout=WAIT)
    player.seek_ms(2500)
    assert player.position_ms() == frame_start_ms(frame_index(2500, FPS), FPS)
    qtbot.waitUntil(lambda: player.position_ms() >= 2800, timeout=WAIT)
    assert player.state is PlayerState.PLAYING
    later = [(label, n) for label, n in lasting(frames_of(player)) if label >= 2700]
    assert later and all(abs(frame_index(label, FPS) - n) <= 1 for label, n in later)


@pytest.mark.parametrize("clip", ["index", "index_b"])
def test_end_of_an_untrimmed_clip_and_seeking_after_it(qtbot: QtBot, player: VlcPlayer,
                                                       clips: dict[str, Path], clip: str) -> None:
    load(qtbot, player, clips[clip], 3000)
    assert player.out_ms == 4000 and player.duration_ms() == 4000
    player.play()
    with qtbot.waitSignal(player.reached_out_point, timeout=WAIT):
        pass
    image = settle(qtbot, player, frame_start_ms(95, FPS))
    assert frame_number(image) == 95
    player.seek_ms(3500)
    image = settle(qtbot, player, frame_start_ms(84, FPS))
    assert frame_number(image) == 84
    player.step_frame(-1)
    image = settle(qtbot, player, frame_start_ms(83, FPS))
    assert frame_number(image) == 83


def test_missing_and_unplayable_files_report_one_line(qtbot: QtBot, player: VlcPlayer,
                                                      tmp_path: Path,
                                                      clips: dict[str, Path]) -> None:
    missing = tmp_path / "media" / "x.mp4"
    with qtbot.waitSignal(player.error, timeout=WAIT) as blocker:
        player.load(str(missing))
    assert blocker.args == [f"Cannot play {missing}: file not found"]
    assert player.state is PlayerState.ERROR
    notes = tmp_path / "notes.mp4"
    notes.write_text("These are my notes, not a video.\n")
    with qtbot.waitSignal(player.error, timeout=WAIT) as blocker:
        player.load(str(notes))
    message = str(blocker.args[0])
    assert message.startswith(f"Cannot play {notes}: ") and "\n" not in message
    player.play()  # harmless
    assert player.state is PlayerState.ERROR
    load(qtbot, player, clips["index"], 1000)  # the player still works afterwards
    assert frame_number(frames_of(player)[-1][2]) == 24


def test_rotated_phone_clip_is_shown_upright(qtbot: QtBot, player: VlcPlayer,
                                             rotated_clips: dict[int, Path]) -> None:
    load(qtbot, player, rotated_clips[90])
    image = frames_of(player)[-1][2]
    assert (image.width(), image.height()) == (180, 320)
    # coded picture: red top-left, green top-right, blue bottom-left; turned 90° clockwise
    top_left = image.pixelColor(20, 20)
    top_right = image.pixelColor(160, 20)
    assert near((top_left.red(), top_left.green(), top_left.blue()), (0, 0, 255))
    assert near((top_right.red(), top_right.green(), top_right.blue()), (255, 0, 0))


def test_volume_mute_rate_and_close(qtbot: QtBot, player: VlcPlayer,
                                    clips: dict[str, Path]) -> None:
    load(qtbot, player, clips["index"])
    player.set_volume(40)
    player.set_muted(True)
    player.set_rate(2.0)
    assert (player.volume, player.muted, player.rate) == (40, True, 2.0)
    player.set_volume(250)
    assert player.volume == 100
    player.play()
    qtbot.waitUntil(lambda: player.position_ms() >= 1000, timeout=WAIT)
    player.close()
    player.close()  # idempotent
    player.play()  # no effect, no crash
    assert player.state is PlayerState.EMPTY
