"""``studio subtitles import|export|list`` and ``studio dubs add|remove`` (#16 part 3)."""

from __future__ import annotations

import array
import math
import re
import shutil
import subprocess
import sys
from pathlib import Path

import av
import pytest

from studio.cli import main
from studio.model import PROJECT_FILE, load_project, save
from tests.support import ROOT, SAMPLES

VTT = "WEBVTT\n\n00:00.500 --> 00:02.000\n发工资了！\n\n00:02.500 --> 00:04.000\n存一点吧\n"


@pytest.fixture
def drama(tmp_path: Path) -> Path:
    """A copy of the savings sample without subtitles or dubs (the tests add their own)."""
    folder = tmp_path / "drama"
    shutil.copytree(SAMPLES / "savings", folder)
    project = load_project(folder)
    bare = [s.model_copy(update={"subtitles": [], "dubs": []}) for s in project.scenes]
    save(project.model_copy(update={"scenes": bare, "audio": []}), folder, keep_backup=False)
    return folder


def subs(action: str, drama: Path, scene: str, locale: str, *rest: str) -> int:
    return main(["subtitles", action, str(drama), "--scene", scene, "--locale", locale, *rest])


def write_audio(path: Path, seconds: float = 2.0) -> Path:
    """A real AAC file (a sine) written with PyAV."""
    with av.open(str(path), "w") as out:
        stream = out.add_stream("aac", rate=48000)
        stream.layout = "mono"
        pts = 0
        while pts < seconds * 48000:
            frame = av.AudioFrame(format="s16", layout="mono", samples=1024)
            frame.planes[0].update(array.array("h", [int(6000 * math.sin((pts + k) * 0.05))
                                                     for k in range(1024)]).tobytes())
            frame.sample_rate, frame.pts = 48000, pts
            pts += 1024
            for packet in stream.encode(frame):
                out.mux(packet)
        for packet in stream.encode(None):
            out.mux(packet)
    return path


def test_import_list_export_subtitles(drama: Path, tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    vtt = tmp_path / "payday.zh.vtt"
    vtt.write_text(VTT, encoding="utf-8")
    assert subs("import", drama, "payday", "zh-CN", str(vtt)) == 0
    assert "payday: added zh-CN subtitles, 2 cues" in capsys.readouterr().out
    (track,) = load_project(drama).scene_map()["payday"].subtitles
    assert track.locale == "zh-CN" and [(c.start_ms, c.text) for c in track.cues] == [(500, "发工资了！"),
                                                                                        (2500, "存一点吧")]
    assert main(["subtitles", "list", str(drama)]) == 0
    assert capsys.readouterr().out == "payday: zh-CN (2 cues)\n"
    out = tmp_path / "out.srt"
    assert subs("export", drama, "payday", "zh-CN", "-o", str(out)) == 0
    assert out.read_text(encoding="utf-8").startswith("1\n00:00:00,500 --> 00:00:02,000\n发工资了！\n")
    again = tmp_path / "again.vtt"
    assert subs("export", drama, "payday", "zh-CN", "-o", str(again)) == 0
    before = (drama / PROJECT_FILE).read_bytes()
    assert subs("import", drama, "payday", "zh-CN", str(again)) == 0
    assert "replaced zh-CN subtitles" in capsys.readouterr().out
    assert (drama / PROJECT_FILE).read_bytes() == before  # the same cues: the same file


def test_times_from_the_in_point_are_shifted_to_clip_time(drama: Path, tmp_path: Path) -> None:
    project = load_project(drama)
    trimmed = next(s for s in project.scenes if s.media and s.in_ms > 0) if any(
        s.in_ms > 0 for s in project.scenes) else None
    scene = trimmed.id if trimmed else "payday"
    if trimmed is None:  # trim payday so that the shift shows
        raw = (drama / PROJECT_FILE).read_text(encoding="utf-8")
        (drama / PROJECT_FILE).write_text(raw.replace('"in_ms": 0', '"in_ms": 1000', 1), encoding="utf-8")
    in_ms = load_project(drama).scene_map()[scene].in_ms
    vtt = tmp_path / "a.vtt"
    vtt.write_text("WEBVTT\n\n00:00.000 --> 00:01.000\nfirst\n", encoding="utf-8")
    assert subs("import", drama, scene, "en", "--times", "in", str(vtt)) == 0
    (track,) = load_project(drama).scene_map()[scene].subtitles
    assert track.cues[0].start_ms == in_ms > 0


@pytest.mark.parametrize(("body", "args", "expected"), [
    ("WEBVTT\n\n00:01.000 --> 00:00.500\nx\n", [], r"a\.vtt:3: the cue ends before it starts"),
    ("WEBVTT\n\n09:00.000 --> 09:01.000\nx\n", [], r"scene “[^”]+” \(payday\): a cue starts at 540000 ms, "
                                                   r"after the clip ends \(6000 ms\)"),
    (VTT, ["--locale", "english"], r"--locale 'english' is not a locale tag"),
    (VTT, ["--scene", "nowhere"], r"no scene 'nowhere'"),
])
def test_a_refused_import_writes_nothing(drama: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                         body: str, args: list[str], expected: str) -> None:
    vtt = tmp_path / "a.vtt"
    vtt.write_text(body, encoding="utf-8")
    opts = {"--scene": "payday", "--locale": "en"}
    opts.update(dict(zip(args[::2], args[1::2], strict=True)))
    before = (drama / PROJECT_FILE).read_bytes()
    argv = ["subtitles", "import", str(drama), *[x for kv in opts.items() for x in kv], str(vtt)]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("studio: ")
    assert re.search(expected, err), err
    assert (drama / PROJECT_FILE).read_bytes() == before


def test_dubs_add_copy_and_remove(drama: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    audio = write_audio(tmp_path / "payday_en.m4a")
    assert main(["dubs", "add", str(drama), "--scene", "payday", "--locale", "en", str(audio)]) == 0
    assert (drama / "media" / "payday_en.m4a").read_bytes() == audio.read_bytes()
    project = load_project(drama)
    (asset,) = project.audio
    assert asset.path == "media/payday_en.m4a" and asset.codec == "aac" and 1900 <= asset.duration_ms <= 2200
    assert [(d.locale, d.audio) for d in project.scene_map()["payday"].dubs] == [("en", asset.id)]
    assert main(["dubs", "remove", str(drama), "--scene", "payday", "--locale", "en"]) == 0
    project = load_project(drama)
    assert project.audio == [] and project.scene_map()["payday"].dubs == []
    bad = tmp_path / "clip.mp4"
    shutil.copyfile(drama / "media" / "payday.mp4", bad)
    before = (drama / PROJECT_FILE).read_bytes()
    capsys.readouterr()
    assert main(["dubs", "add", str(drama), "--scene", "payday", "--locale", "en", str(bad)]) == 2
    assert "clip.mp4: holds video: a dub is an audio file" in capsys.readouterr().err
    assert (drama / PROJECT_FILE).read_bytes() == before and not (drama / "media" / "clip.mp4").exists()


def test_the_commands_exit_2_as_processes(drama: Path) -> None:
    args = ["subtitles", "export", str(drama), "--scene", "payday", "--locale", "ja", "-o", "x.vtt"]
    done = subprocess.run([sys.executable, "-m", "studio", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=120, check=False)
    assert done.returncode == 2 and done.stderr == "studio: scene 'payday' has no ja subtitles\n"
