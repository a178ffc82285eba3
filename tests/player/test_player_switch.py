"""Scene switches in real Chromium: the known next clip starts early, hidden; the cut is clean.

Recorded in the page (no wall-clock thresholds): every presented frame of both
<video> elements (requestVideoFrameCallback), every play() call with the state
of both elements at that moment, and the state of both elements each time one
is brought on top. Clips play at 2x so that the window between the outgoing
last frame and the cut (about 60 ms) is shorter than any real start latency:
the early start is then the only way to a clean cut, whatever the machine.
Each test also runs on a busy page (the main thread blocked half of every
100 ms, a slow phone or a loaded CI machine): frame callbacks then run late,
and the cut must still be clean (frames.js watches the trim end further ahead).
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.player.conftest import PageKit
from tests.player.playthrough import (
    host_events,
    inputs_from_events,
    open_player,
    trace_start,
    wait_event,
)
from tests.player.support import assemble_bundle, sample_drama, serve
from tests.support import SAMPLES

pytestmark = pytest.mark.browser

RATE = 2.0

RECORDER = """(() => {
  window.__frames = [];
  window.__plays = [];
  window.__tops = [];
  const last = new Map();
  const state = (v) => v ? {el: v.id, src: v.currentSrc, paused: v.paused, t: v.currentTime,
                            ready: v.readyState, seeking: v.seeking, frame: last.get(v.id) || null} : null;
  const play = HTMLMediaElement.prototype.play;
  HTMLMediaElement.prototype.play = function () {
    const hidden = !this.classList.contains('is-active');
    window.__plays.push({el: this.id, src: this.currentSrc, t: this.currentTime, hidden,
                         top: state(document.querySelector('video.is-active'))});
    const pick = window.__pickOnHiddenPlay;
    if (pick && hidden && this.currentSrc.endsWith(pick.src)) {
      // The viewer picks another option right after the speculative start.
      window.__pickOnHiddenPlay = null;
      queueMicrotask(() => document.dispatchEvent(
        new KeyboardEvent('keydown', {key: pick.key, bubbles: true})));
    }
    return play.call(this);
  };
  document.addEventListener('DOMContentLoaded', () => {
    const videos = [...document.querySelectorAll('video')];
    for (const v of videos) {
      const cb = (now, m) => {
        const frame = {el: v.id, src: v.currentSrc, media: m.mediaTime,
                       top: v.classList.contains('is-active')};
        last.set(v.id, frame);
        window.__frames.push(frame);
        v.requestVideoFrameCallback(cb);
      };
      v.requestVideoFrameCallback(cb);
    }
    new MutationObserver((records) => {
      for (const r of records) {
        if (r.target.classList.contains('is-active') && !(r.oldValue || '').includes('is-active')) {
          const out = videos.find((v) => v !== r.target);
          window.__tops.push({incoming: state(r.target), outgoing: state(out)});
        }
      }
    }).observe(document.body, {attributes: true, attributeFilter: ['class'],
                               attributeOldValue: true, subtree: true});
  });
})();
"""


def _media(*ids: str) -> list[dict[str, Any]]:
    assets = {m["id"]: m for m in sample_drama("savings")["media"]}
    return [dict(assets[i]) for i in ids]


def _choice(in_ms: int, decision_ms: int, options: list[tuple[str, str, bool]]) -> dict[str, Any]:
    return {
        "appear_ms": in_ms + 100,
        "decision_ms": decision_ms,
        "timeout": "default",
        "mode": "play_to_end",
        "show_countdown": False,
        "options": [{"id": o, "label": o.title(), "target": t, "default": d} for o, t, d in options],
    }


def known_drama() -> dict[str, Any]:
    """Four trimmed scenes; each choice times out early, so the next scene is known early."""
    chain = [
        ("k1", "payday", 2000, 3500),
        ("k2", "save_path", 1000, 2500),
        ("k3", "month_end", 0, 1500),
        ("k4", "temptation", 3000, 4000),
    ]
    scenes: list[dict[str, Any]] = []
    for i, (sid, media, start, out) in enumerate(chain):
        scene: dict[str, Any] = {"id": sid, "title": sid, "media": media, "in_ms": start, "out_ms": out}
        if i + 1 < len(chain):
            scene["choice"] = _choice(start, start + 300, [("next", chain[i + 1][0], True)])
        else:
            scene.update(ending=True, ending_kind="good")
        scenes.append(scene)
    return {
        "title": "Known next",
        "currency": "CNY",
        "start": "k1",
        "scenes": scenes,
        "media": _media("payday", "save_path", "month_end", "temptation"),
    }


def late_pick_drama() -> dict[str, Any]:
    """The choice stays open to the trim end and times out into 'stay' unless the viewer picks."""
    return {
        "title": "Late pick",
        "currency": "CNY",
        "start": "c1",
        "media": _media("payday", "save_path", "month_end"),
        "scenes": [
            {
                "id": "c1",
                "title": "c1",
                "media": "payday",
                "in_ms": 2000,
                "out_ms": 3500,
                "choice": _choice(2000, 3500, [("stay", "c2", True), ("other", "c3", False)]),
            },
            {
                "id": "c2",
                "title": "c2",
                "media": "save_path",
                "in_ms": 1000,
                "out_ms": 2000,
                "ending": True,
                "ending_kind": "good",
            },
            {
                "id": "c3",
                "title": "c3",
                "media": "month_end",
                "in_ms": 0,
                "out_ms": 1000,
                "ending": True,
                "ending_kind": "bad",
            },
        ],
    }


@pytest.fixture(scope="module")
def switch_web(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    root = tmp_path_factory.mktemp("switch-web")
    assemble_bundle(known_drama(), SAMPLES / "savings", root / "known")
    assemble_bundle(late_pick_drama(), SAMPLES / "savings", root / "late")
    with serve(root) as base:
        yield base, root


def _paths(root: Path, name: str) -> tuple[dict[str, Any], dict[str, str]]:
    manifest: dict[str, Any] = json.loads((root / name / "manifest.json").read_text("utf-8"))
    drama: dict[str, Any] = manifest["drama"]
    return drama, {m["id"]: m["path"] for m in drama["media"]}


def _python_trace(drama: dict[str, Any], events: list[dict[str, Any]]) -> list[Any]:
    from studio.engine import run_trace
    from studio.model.io import project_from_raw

    project, _ = project_from_raw(drama)
    return run_trace(project, inputs=inputs_from_events(events), **trace_start(events))


def _record(page: Any) -> dict[str, Any]:
    data: dict[str, Any] = page.evaluate(
        "() => ({frames: window.__frames, plays: window.__plays, tops: window.__tops,"
        " switches: window.dramaPlayer.deck.switches})"
    )
    return data


def _src(path: str) -> Any:
    return lambda state: state is not None and state["src"].endswith(path)


def _assert_clean_cut(
    rec: dict[str, Any], a: dict[str, Any], b: dict[str, Any], paths: dict[str, str]
) -> None:
    """A's frames never reach its trim end; B is on top only with a picture of B ready."""
    of_a = [f["media"] * 1000 for f in rec["frames"] if f["src"].endswith(paths[a["media"]])]
    assert of_a and max(of_a) < a["out_ms"] - 0.5, f"{a['id']}: a frame at/after out was shown: {of_a[-8:]}"
    is_b = _src(paths[b["media"]])
    tops = [t for t in rec["tops"] if is_b(t["incoming"])]
    assert len(tops) == 1, f"{b['id']}: brought on top {len(tops)} times"
    incoming, outgoing = tops[0]["incoming"], tops[0]["outgoing"]
    # No black frame: the element brought on top already holds a decoded frame of B's trim.
    assert incoming["ready"] >= 2 and not incoming["seeking"], incoming
    frame = incoming["frame"]
    assert is_b(frame), f"{b['id']}: on top without a frame of its clip: {frame}"
    assert b["in_ms"] - 1 <= frame["media"] * 1000 < b["out_ms"], frame
    # One clip heard at a time: A is paused (on a frame inside its trim) before B is on top.
    assert _src(paths[a["media"]])(outgoing) and outgoing["paused"], outgoing
    assert outgoing["frame"]["media"] * 1000 < a["out_ms"] - 0.5


JANK = """(() => {
  // A slow phone: the page's main thread is busy %d ms of every 100 ms.
  setInterval(() => { const end = performance.now() + %d; while (performance.now() < end) {} }, 100);
})();"""


@pytest.fixture(params=[0, 50], ids=["idle", "busy-main-thread"])
def jank(request: pytest.FixtureRequest) -> int:
    busy: int = request.param
    return busy


def test_known_next_scene_starts_early_and_cuts_clean(
    phone: PageKit, switch_web: tuple[str, Path], jank: int
) -> None:
    base, root = switch_web
    phone.page.add_init_script(RECORDER)
    if jank:
        phone.page.add_init_script(JANK % (jank, jank))
    page = open_player(phone, f"{base}/known/player/index.html", rate=RATE)
    wait_event(page, "ending_reached")
    events = host_events(page)
    drama, paths = _paths(root, "known")
    assert events == _python_trace(drama, events)  # the video followed the engine
    rec = _record(page)
    scenes = drama["scenes"]
    assert [e["scene"] for e in events if e["type"] == "scene_started"] == [s["id"] for s in scenes]
    assert len(rec["switches"]) == len(scenes) - 1
    # On a busy page a start can come too late to be early (it is then made at the
    # switch); the cut must be clean either way.
    assert jank or all(s["early"] for s in rec["switches"]), rec["switches"]
    assert all(s["presented"] for s in rec["switches"]), rec["switches"]
    for a, b in itertools.pairwise(scenes):
        _assert_clean_cut(rec, a, b, paths)
        if jank:
            continue
        # Started early: play() on B while it was hidden, with A still playing inside its trim.
        starts = [p for p in rec["plays"] if p["src"].endswith(paths[b["media"]])]
        assert starts, f"{b['id']} was never started"
        first = starts[0]
        assert first["hidden"], first
        assert first["top"]["src"].endswith(paths[a["media"]]), first
        assert not first["top"]["paused"], first
        assert first["top"]["t"] * 1000 < a["out_ms"], first
        assert abs(first["t"] * 1000 - b["in_ms"]) < 30, first  # pre-rolled at its trim start
    assert phone.problems.errors == []


def test_speculative_start_follows_a_late_viewer_choice(
    phone: PageKit, switch_web: tuple[str, Path], jank: int
) -> None:
    base, root = switch_web
    drama, paths = _paths(root, "late")
    phone.page.add_init_script(RECORDER)
    if jank:
        phone.page.add_init_script(JANK % (jank, jank))
    # When the default's clip is started early (hidden), the viewer picks option 2 at once.
    pick = json.dumps({"src": paths["save_path"], "key": "2"})
    phone.page.add_init_script(f"window.__pickOnHiddenPlay = {pick};")
    page = open_player(phone, f"{base}/late/player/index.html", rate=RATE)
    wait_event(page, "ending_reached")
    events = host_events(page)
    assert [e["option"] for e in events if e["type"] == "choice_made"] == ["other"]
    assert events == _python_trace(drama, events)
    assert [e["scene"] for e in events if e["type"] == "scene_started"] == ["c1", "c3"]
    rec = _record(page)
    spec = [p for p in rec["plays"] if p["src"].endswith(paths["save_path"])]
    assert spec and all(p["hidden"] for p in spec), spec  # the speculation did start, hidden
    assert not [f for f in rec["frames"] if f["src"].endswith(paths["save_path"]) and f["top"]]
    assert not [t for t in rec["tops"] if _src(paths["save_path"])(t["incoming"])]
    scenes = {s["id"]: s for s in drama["scenes"]}
    _assert_clean_cut(rec, scenes["c1"], scenes["c3"], paths)
    assert len(rec["switches"]) == 1  # the one switch, to the chosen scene
    assert rec["switches"][0]["presented"], rec["switches"]  # went on top once its frame was presented
    assert phone.problems.errors == []
