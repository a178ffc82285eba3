"""libVLC's messages go to a bounded log with levels, never to the console (#15 defect 15)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from studio.app.playback.vlc_log import DEBUG, ERROR, NOTICE, WARNING, VlcLog, level_from_env
from tests.support import ROOT, SAMPLES, require


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def _text(path: Path) -> list[str]:
    return [line.split(" ", 2)[2] for line in path.read_text("utf-8").splitlines()]


def test_errors_and_warnings_by_default_debug_on_request(tmp_path: Path) -> None:
    log = VlcLog(tmp_path / "vlc.log")
    for level, text in ((DEBUG, "d"), (NOTICE, "n"), (WARNING, "w"), (ERROR, "e")):
        log.emit(level, text)
    assert _text(tmp_path / "vlc.log") == ["warning: w", "error: e"]
    assert level_from_env({}) == WARNING
    assert level_from_env({"STUDIO_VLC_LOG": "debug"}) == DEBUG
    assert level_from_env({"STUDIO_VLC_LOG": "Error"}) == ERROR
    assert level_from_env({"STUDIO_VLC_LOG": "nonsense"}) == WARNING


def test_repeats_are_collapsed_and_counted(tmp_path: Path) -> None:
    clock = Clock()
    log = VlcLog(tmp_path / "vlc.log", window=10.0, clock=clock)
    for n in range(1235):
        clock.now = n * 0.005  # ~200 a second, like a failing audio output
        log.emit(ERROR, "cannot write to the audio device")
        if n == 600:
            log.emit(WARNING, "buffer too late")
    assert len(_text(tmp_path / "vlc.log")) == 2  # each message once, so far
    clock.now = 11.0
    log.emit(ERROR, "cannot write to the audio device")  # the window passed: the count is written
    log.flush()
    assert _text(tmp_path / "vlc.log") == [
        "error: cannot write to the audio device",
        "warning: buffer too late",
        "error: cannot write to the audio device (repeated 1,235 times in 11 s)",
    ]
    assert log.lines()[-1].endswith("(repeated 1,235 times in 11 s)")


def test_memory_and_disk_are_bounded(tmp_path: Path) -> None:
    path = tmp_path / "logs" / "vlc.log"
    log = VlcLog(path, ring=50, max_bytes=4000)
    for n in range(2000):
        log.emit(ERROR, f"distinct message {n:05d} " + "x" * 40)
    lines = log.lines()
    assert len(lines) == 50 and lines[-1].endswith("distinct message 01999 " + "x" * 40)
    assert path.stat().st_size <= 4000
    assert path.with_name("vlc.log.1").stat().st_size <= 4000
    assert sorted(p.name for p in path.parent.iterdir()) == ["vlc.log", "vlc.log.1"]


def test_an_unwritable_log_folder_does_not_fail(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    log = VlcLog(blocker / "vlc.log")
    log.emit(ERROR, "still kept in memory")
    assert log.lines()[-1].endswith("error: still kept in memory")


@pytest.mark.vlc
def test_real_libvlc_logs_to_the_file_and_prints_nothing(tmp_path: Path) -> None:
    from studio.app.playback.vlc_player import vlc_problem

    problem = vlc_problem()
    if problem and os.environ.get("CI") == "true":
        pytest.fail(problem)
    require(problem is None, "libVLC")
    clip = SAMPLES / "savings" / "media" / "payday.mp4"
    script = textwrap.dedent(f"""
        import time
        from studio.app.playback import vlc_log
        from studio.app.playback.sound_device import sound_output_problem
        from studio.app.playback.vlc_player import _Instances, instance_args

        args = tuple(instance_args(audio=sound_output_problem() is None) + ["--vout=dummy"])
        inst = _Instances.acquire(args)
        player = inst.media_player_new()
        for path in ({str(tmp_path / "missing.mp4")!r}, {str(clip)!r}):
            player.set_media(inst.media_new_path(path))
            player.play()
            time.sleep(1.5)
        print(player.get_time() > 0)
        player.stop()
        player.release()
        _Instances.release(inst)
        vlc_log.shared_log().flush()
    """)
    data = tmp_path / "data"
    runtime = tmp_path / "runtime"  # as on any desktop session: a library libVLC loads (not libVLC
    runtime.mkdir(mode=0o700)  # itself) prints "XDG_RUNTIME_DIR is invalid" to stderr without one
    env = {**os.environ, "DRAMA_STUDIO_DATA_DIR": str(data), "QT_QPA_PLATFORM": "offscreen",
           "XDG_RUNTIME_DIR": str(runtime)}
    run = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True,
                         timeout=120, env=env, check=True)
    assert run.stdout.strip() == "True"  # the clip played
    assert run.stderr == ""  # not one line of libVLC on the console
    lines = (data / "logs" / "vlc.log").read_text("utf-8").splitlines()
    assert any("error: " in line and "missing.mp4" in line for line in lines), lines
    assert all(" debug: " not in line for line in lines)
