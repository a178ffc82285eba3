"""Schema v5 dramas with subtitles and dubs for the player's track tests, and their bundles.

They reuse the savings sample's clips (6 s, 24 fps, with sound) and go through the real exporter
(``studio export --web-player``), which ships a dub's audio file as ``media/<sha256>.<ext>`` like a
clip (docs/bundle-format.md).
"""

from __future__ import annotations

import array
import math
import shutil
from pathlib import Path
from typing import Any

import av

from studio.media.audio import probe_audio
from studio.model.io import dumps, project_from_raw
from tests.player.support import _try_exporter, sample_drama
from tests.support import SAMPLES

MARKUP = '<img src=x onerror="window.__xss=1"><b>粗体</b>'

# Cue texts per locale of the "subs" drama's first scene (clip time, trimmed to 1000..5000 ms).
ZH = {"early": "剪掉的开头", "one": "第一句话", "two": MARKUP + "\n第二行", "ask": "你会怎么选？"}
EN = {"early": "Trimmed away", "one": "The first line", "two": MARKUP + "\nSecond line",
      "ask": "What would you do?"}
CUE_TIMES = {"early": (0, 900), "one": (1000, 2000), "two": (2000, 3000), "ask": (3300, 6000)}
IN_MS, OUT_MS = 1000, 5000
APPEAR_MS, DECISION_MS = 3400, 4600


def _media(*ids: str) -> list[dict[str, Any]]:
    assets = {m["id"]: m for m in sample_drama("savings")["media"]}
    return [dict(assets[i]) for i in ids]


def _track(locale: str, texts: dict[str, str]) -> dict[str, Any]:
    cues = [{"start_ms": CUE_TIMES[k][0], "end_ms": CUE_TIMES[k][1], "text": texts[k]} for k in CUE_TIMES]
    return {"locale": locale, "cues": cues}


def _drama(title: str, scenes: list[dict[str, Any]], media: list[str], **extra: Any) -> dict[str, Any]:
    drama: dict[str, Any] = {
        "format": "drama-studio-project", "schema_version": 5, "min_reader_version": 5,
        "title": title, "aspect": "9:16", "locale": "zh-CN", "currency": "CNY",
        "goals": [{"id": "trip", "name": "旅行", "target": 300000}],
        "products": [{"id": "serum", "sku": "SER-1", "name": "精华", "price": 19900, "currency": "CNY",
                      "url": "https://shop.example.com/serum"}],
        "media": _media(*media), "scenes": scenes, "start": scenes[0]["id"],
    }
    drama.update(extra)
    return drama


def subs_drama(tracks: tuple[str, ...] = ("zh-CN", "en")) -> dict[str, Any]:
    """A trimmed scene (1000..5000 ms of payday) with a cue before the in-point, two cues in a row
    (the second with markup and two lines), one under the choice that waits (timeout "pause"), a
    product tag near the bottom of the frame; its options lead to an ending without subtitles."""
    texts = {"zh-CN": ZH, "en": EN}
    options = [{"id": "save", "label": "存下来", "target": "end"},
               {"id": "spend", "label": "花掉", "target": "end"}]
    return _drama("字幕", [
        {"id": "s1", "title": "发薪日", "media": "payday", "in_ms": IN_MS, "out_ms": OUT_MS,
         "subtitles": [_track(loc, texts[loc]) for loc in tracks],
         "tags": [{"id": "t", "product": "serum", "start_ms": IN_MS, "end_ms": OUT_MS, "cta": "去看看",
                   "hotspot": {"x": 0.1, "y": 0.62, "w": 0.3, "h": 0.1}}],
         "choice": {"appear_ms": APPEAR_MS, "decision_ms": DECISION_MS, "timeout": "pause", "mode": "cut",
                    "show_countdown": True, "options": options}},
        {"id": "end", "title": "结束", "media": "ending_dream", "out_ms": 1500, "ending": True,
         "ending_kind": "good"},
    ], ["payday", "ending_dream"])


def card_drama() -> dict[str, Any]:
    """A storyboard card (2400 ms) with two cues on its own clock, then an ending clip."""
    cues = [{"start_ms": 0, "end_ms": 1200, "text": "卡片第一句"},
            {"start_ms": 1200, "end_ms": 2400, "text": "卡片第二句"}]
    return _drama("卡片字幕", [
        {"id": "c1", "title": "绘本", "placeholder": {"colour": "#2a9d8f", "duration_ms": 2400},
         "subtitles": [{"locale": "zh-CN", "cues": cues}], "next": "end"},
        {"id": "end", "title": "结束", "media": "ending_dream", "out_ms": 1500, "ending": True},
    ], ["ending_dream"])


def dub_drama(audio: dict[str, Any], loop: bool = False) -> dict[str, Any]:
    """payday trimmed to 1500..5500 ms, dubbed in en (``audio``: an AudioAsset), continuing into an
    undubbed trimmed save_path ending. ``loop``: payday ends at 4000 ms with a choice (2000..3500 ms)
    that loops the scene when it times out; its option "go" leads to the ending."""
    first: dict[str, Any] = {"id": "d1", "title": "Payday", "media": "payday", "in_ms": 1500, "out_ms": 5500,
                             "dubs": [{"locale": "en", "audio": audio["id"]}], "next": "d2"}
    if loop:
        first.update(out_ms=4000, next=None, choice={
            "appear_ms": 2000, "decision_ms": 3500, "timeout": "loop", "mode": "cut", "show_countdown": False,
            "options": [{"id": "go", "label": "Go on", "target": "d2"}]})
    return _drama("Dub", [
        first,
        {"id": "d2", "title": "Saved", "media": "save_path", "in_ms": 0, "out_ms": 2500, "ending": True},
    ], ["payday", "save_path"], audio=[audio])


def write_audio(path: Path, seconds: float = 7.0) -> Path:
    """A real AAC .m4a file (a sine) written with PyAV."""
    with av.open(str(path), "w", format="mp4") as out:
        stream = out.add_stream("aac", rate=48000)
        stream.layout = "mono"
        pts = 0
        while pts < seconds * 48000:
            frame = av.AudioFrame(format="s16", layout="mono", samples=1024)
            samples = [int(5000 * math.sin((pts + k) * 0.06)) for k in range(1024)]
            frame.planes[0].update(array.array("h", samples).tobytes())
            frame.sample_rate, frame.pts = 48000, pts
            pts += 1024
            for packet in stream.encode(frame):
                out.mux(packet)
        for packet in stream.encode(None):
            out.mux(packet)
    return path


def exported(drama: dict[str, Any], web_root: Path, name: str, dub: Path | None = None) -> str:
    """Export the drama with the real exporter (``studio export --web-player``) into a served folder
    (``dub``: an audio file to lay in the project as audio/dub_en.m4a first); its player's path."""
    src = web_root / (name + "-src")
    shutil.rmtree(src, ignore_errors=True)
    shutil.copytree(SAMPLES / "savings" / "media", src / "media")
    if dub is not None:
        (src / "audio").mkdir()
        shutil.copy(dub, src / "audio" / "dub_en.m4a")
    project, _ = project_from_raw(drama)
    (src / "drama.json").write_bytes(dumps(project))
    dest = web_root / name
    shutil.rmtree(dest, ignore_errors=True)
    assert _try_exporter(src, dest)
    return f"{name}/player/index.html"


def dubbed_bundle(web_root: Path, name: str, loop: bool = False) -> str:
    """The dubbed drama exported with its en dub (a real AAC file, probed as the studio does)."""
    tone = write_audio(web_root / (name + "-dub.m4a"))
    probe = probe_audio(tone)
    audio = {"id": "dub_en", "path": "audio/dub_en.m4a", "sha256": probe.sha256, "size": probe.size,
             "duration_ms": probe.duration_ms, "codec": probe.codec, "container": probe.container}
    return exported(dub_drama(audio, loop), web_root, name, dub=tone)
