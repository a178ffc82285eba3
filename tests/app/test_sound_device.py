"""No sound device: the preview plays silently instead of flooding stderr (#15 defect 15)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from studio.app.playback.sound_device import NO_SOUND, sound_output_problem
from tests.support import ROOT, SAMPLES, require

LINUX = sys.platform.startswith("linux")


def _root(tmp_path: Path, cards: str | None) -> Path:
    if cards is not None:
        (tmp_path / "proc" / "asound").mkdir(parents=True)
        (tmp_path / "proc" / "asound" / "cards").write_text(cards)
    return tmp_path


@pytest.mark.skipif(not LINUX, reason="only Linux machines are checked")
def test_sound_is_found_from_a_server_or_a_card(tmp_path: Path) -> None:
    bare = _root(tmp_path / "bare", None)
    assert sound_output_problem({}, bare) == NO_SOUND
    assert sound_output_problem({}, _root(tmp_path / "none", "--- no soundcards ---\n")) == NO_SOUND
    card = _root(tmp_path / "card", " 0 [PCH            ]: HDA-Intel - HDA Intel PCH\n")
    assert sound_output_problem({}, card) is None
    assert sound_output_problem({"PULSE_SERVER": "unix:/run/pulse"}, bare) is None
    runtime = tmp_path / "run"
    (runtime / "pulse").mkdir(parents=True)
    assert sound_output_problem({"XDG_RUNTIME_DIR": str(runtime)}, bare) == NO_SOUND
    (runtime / "pulse" / "native").touch()
    assert sound_output_problem({"XDG_RUNTIME_DIR": str(runtime)}, bare) is None
    (tmp_path / "pw").mkdir()
    (tmp_path / "pw" / "pipewire-0").touch()
    assert sound_output_problem({"XDG_RUNTIME_DIR": str(tmp_path / "pw")}, bare) is None


@pytest.mark.vlc
@pytest.mark.skipif(not LINUX, reason="ALSA")
def test_libvlc_on_a_machine_without_sound_prints_nothing() -> None:
    from studio.app.playback.vlc_player import vlc_problem

    problem = vlc_problem()
    if problem and os.environ.get("CI") == "true":
        pytest.fail(problem)
    require(problem is None, "libVLC")
    require(sound_output_problem() is not None, "a machine without a sound device")
    script = textwrap.dedent(f"""
        import time, vlc
        from studio.app.playback.sound_device import sound_output_problem
        from studio.app.playback.vlc_player import instance_args
        inst = vlc.Instance(instance_args(audio=sound_output_problem() is None) + ["--vout=dummy"])
        player = inst.media_player_new()
        player.set_media(inst.media_new({str(SAMPLES / "savings" / "media" / "payday.mp4")!r}))
        player.play()
        time.sleep(2)
        print(player.get_time() > 0)
        player.stop()
    """)
    run = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True,
                         timeout=60, check=True)
    assert run.stdout.strip() == "True"  # it played
    assert "ALSA" not in run.stderr and len(run.stderr.splitlines()) < 5, run.stderr[-2000:]
