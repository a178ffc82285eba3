"""Trims are respected frame by frame: clips start at in_ms, no frame at or past out_ms shows.

Every presented frame of both <video> elements is recorded with
requestVideoFrameCallback while a drama of three trimmed scenes plays at
normal speed; the story (all timeouts) must still be the Python trace.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.player.conftest import PageKit, Web
from tests.player.dramas import trim_drama
from tests.player.playthrough import (
    TIMEOUT_MS,
    count_events,
    host_events,
    open_player,
    trace_start,
    wait_event,
)

pytestmark = pytest.mark.browser

FRAME_RECORDER = """(() => {
  window.__frames = [];
  const hook = (v) => {
    const cb = (now, m) => {
      window.__frames.push({src: v.currentSrc, media: m.mediaTime, top: v.classList.contains('is-active')});
      v.requestVideoFrameCallback(cb);
    };
    v.requestVideoFrameCallback(cb);
  };
  document.addEventListener('DOMContentLoaded', () => document.querySelectorAll('video').forEach(hook));
})();
"""


def test_trims_and_replay(phone: PageKit, web: Web) -> None:
    from studio.engine import run_trace
    from studio.model.io import project_from_raw

    phone.page.add_init_script(FRAME_RECORDER)
    page = open_player(phone, f"{web.base}/trims/player/index.html")
    wait_event(page, "ending_reached")
    events = host_events(page)
    manifest: dict[str, Any] = json.loads((web.root / "trims" / "manifest.json").read_text("utf-8"))
    project, _ = project_from_raw(trim_drama())
    assert events == run_trace(project, **trace_start(events))  # no inputs: every choice timed out

    frames = page.evaluate("window.__frames")
    paths = {m["id"]: m["path"] for m in manifest["drama"]["media"]}
    for scene in manifest["drama"]["scenes"]:
        mine = [f for f in frames if f["src"].endswith(paths[scene["media"]])]
        shown = [f["media"] * 1000 for f in mine]
        on_top = [f["media"] * 1000 for f in mine if f["top"]]
        assert on_top, f"no frame of scene {scene['id']} was presented on top"
        out = scene.get("out_ms") or 6000
        # Chromium may present the frame at 0 of a new source in the hidden element before the
        # seek to in_ms lands: only what is on top counts for the start.
        assert scene["in_ms"] - 1 <= min(on_top), scene["id"]
        assert max(shown) < out - 1, f"scene {scene['id']}: frame at {max(shown)} ms >= out {out}"

    # Watch again: a fresh playthrough from the start scene.
    page.locator("#ending-replay").click(timeout=TIMEOUT_MS)
    wait_event(page, "scene_started", 4)
    assert host_events(page)[-1]["scene"] == "t1"
    assert count_events(page, "ending_reached") == 1
    assert page.locator("#ending").is_hidden()
    assert phone.problems.errors == []
