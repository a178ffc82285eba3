"""engine.js must replay every vector, and random playthroughs, exactly like the Python engine.

The JavaScript engine runs inside headless Chromium (loaded into a blank page
of the served web root, as the player loads it). Traces are compared as JSON:
same events, same values, same key order.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest

from tests.player.conftest import Web, engine_script_page
from tests.player.randomized import adaptive_inputs, random_project, random_start
from tests.player.support import VECTORS_DIR, load_json, sample_drama

pytestmark = pytest.mark.browser

VECTORS = sorted(VECTORS_DIR.glob("*.json"))
RANDOM_CASES = 200

# Arguments and trace cross as JSON text, as a host exchanges them (Playwright's own serializer
# drops a "__proto__" key).
RUN_ONE = """(args) => {
  const [project, start, inputs, limit] = JSON.parse(args);
  try {
    return JSON.stringify({events: DramaEngine.runTrace(project, start, inputs, limit)});
  } catch (err) {
    return JSON.stringify({error: err.name, message: err.message});
  }
}"""


def python_trace(project: Any, start: dict[str, Any], inputs: list[Any],
                 limit: int | None) -> dict[str, Any]:
    from studio.engine import EngineError, run_trace

    try:
        events = run_trace(project, start_from=start.get("from"),
                           variables=start.get("variables") or {},
                           timers=start.get("timers", "normal"), inputs=inputs, limit_ms=limit,
                           playthrough=start.get("playthrough", "p1"),
                           replay=start.get("replay", False), wallet=start.get("wallet", "accept"))
    except EngineError as exc:
        return {"error": type(exc).__name__, "message": str(exc)}
    return {"events": events}


def ordered(value: Any) -> Any:
    """Nested (key, value) lists: equality that also checks key order."""
    if isinstance(value, dict):
        return [(k, ordered(v)) for k, v in value.items()]
    if isinstance(value, list):
        return [ordered(v) for v in value]
    return value


@pytest.fixture(scope="module")
def engine_page(browser: Any, web: Web) -> Iterator[Any]:
    with engine_script_page(browser, web) as page:
        assert page.evaluate("typeof DramaEngine.runTrace") == "function"
        yield page


def vector_project(vector: dict[str, Any]) -> Any:
    raw = vector["project"]
    if isinstance(raw, dict) and set(raw) == {"sample"}:
        return sample_drama(raw["sample"])
    return raw


def test_there_are_vectors() -> None:
    assert VECTORS, f"no vectors in {VECTORS_DIR}"


@pytest.mark.parametrize("path", VECTORS, ids=[p.stem for p in VECTORS])
def test_vector_in_chromium(engine_page: Any, path: Path) -> None:
    vector = load_json(path)
    project = vector_project(vector)
    got = json.loads(engine_page.evaluate(
        RUN_ONE, json.dumps([project, vector["start"], vector["inputs"], vector["limit_ms"]])
    ))
    assert "error" not in got, got
    assert ordered(got["events"]) == ordered(vector["expected"])


@pytest.mark.parametrize("path", VECTORS, ids=[p.stem for p in VECTORS])
def test_vector_matches_python_engine(path: Path) -> None:
    """The expected trace is also what studio.engine produces today (vectors are current)."""
    pytest.importorskip("studio.engine.runner")
    from studio.model import load
    from studio.model.io import project_from_raw
    from tests.support import SAMPLES

    vector = load_json(path)
    raw = vector["project"]
    if isinstance(raw, dict) and set(raw) == {"sample"}:
        project = load(SAMPLES / raw["sample"]).project
    else:
        project, _ = project_from_raw(raw)
    got = python_trace(project, vector["start"], vector["inputs"], vector["limit_ms"])
    assert got == {"events": vector["expected"]}


CANDIDATES_JS = """(args) => {
  const [project, timers] = JSON.parse(args);
  const engine = new DramaEngine.Engine(project, timers, DramaEngine.SimulatedWallet.fromJson("accept"));
  engine.start(null, {}, "p1", false);
  const seen = [[engine.sceneId, engine.nextSceneCandidates()]];
  for (let step = 0; step < 200 && !engine.ended; step += 1) {
    if (engine.waiting) {
      if (engine.pausingPromptOpen) engine.acceptPrompt();
      else engine.choose(engine.openChoice.options[engine.openChoice.options.length - 1].id);
    } else {
      engine.advance(engine.nextWakeClock() - engine.clock);
    }
    seen.push([engine.sceneId, engine.nextSceneCandidates()]);
  }
  return JSON.stringify(seen);
}"""


def python_candidates(project: Any, timers: str) -> list[list[Any]]:
    """What CANDIDATES_JS does, with studio.engine: (scene, pre-roll candidates) after every step."""
    from studio.engine import Engine, SimulatedWallet

    engine = Engine(project, timers, SimulatedWallet.from_json("accept"))  # type: ignore[arg-type]
    engine.start(None, {}, "p1", False)
    seen: list[list[Any]] = [[engine.scene_id, engine.next_scene_candidates()]]
    for _ in range(200):
        if engine.ended:
            break
        if engine.waiting:
            if engine.pausing_prompt_open:
                engine.accept_prompt()
            else:
                view = engine.open_choice
                assert view is not None
                engine.choose(view.options[-1].id)
        else:
            wake = engine.next_wake_clock()
            assert wake is not None
            engine.advance(wake - engine.clock)
        seen.append([engine.scene_id, engine.next_scene_candidates()])
    return seen


@pytest.mark.parametrize("name", ["next_continues", "placeholder_scenes", "next_loop_timers", "play_to_end"])
@pytest.mark.parametrize("timers", ["normal", "off"])
def test_pre_roll_candidates_match_python(engine_page: Any, name: str, timers: str) -> None:
    """nextSceneCandidates() (the player's pre-roll) follows `next` like next_scene_candidates()."""
    from studio.model.io import project_from_raw

    raw = load_json(VECTORS_DIR / f"{name}.json")["project"]
    project, _ = project_from_raw(raw)
    want = python_candidates(project, timers)
    got = json.loads(engine_page.evaluate(CANDIDATES_JS, json.dumps([raw, timers])))
    assert got == want
    assert len(want) > 3
    assert want[-1][1] == [] or len(want) == 201  # ended, or (a loop policy, timers on) still looping


def test_zero_time_next_cycle_is_refused_alike(engine_page: Any) -> None:
    """A `next` cycle through clips whose in_ms is past their end never lets time pass: both
    engines refuse it with the same error (the contract's zero-time loop rule)."""
    from studio.model.io import project_from_raw

    media = {"id": "m", "path": "media/a.mp4", "sha256": "0" * 64, "size": 1, "duration_ms": 500,
             "width": 360, "height": 640, "fps": 24.0, "video_codec": "h264", "container": "mp4"}
    raw = {"schema_version": 3, "title": "t", "media": [media], "start": "a", "scenes": [
        {"id": "a", "title": "A", "media": "m", "in_ms": 800, "next": "b"},
        {"id": "b", "title": "B", "media": "m", "in_ms": 900, "next": "a"}]}
    project, _ = project_from_raw(raw)
    want = python_trace(project, {}, [], None)
    got = json.loads(engine_page.evaluate(RUN_ONE, json.dumps([raw, {}, [], None])))
    assert want["error"] == "ZeroTimeLoopError" and "without time passing" in want["message"]
    assert got == want


def _random_cases() -> list[dict[str, Any]]:
    from studio.model import ProjectError
    from studio.model.io import project_from_raw

    cases: list[dict[str, Any]] = []
    seed = 0
    while len(cases) < RANDOM_CASES:
        rng = random.Random(seed)
        seed += 1
        raw = random_project(rng)
        try:
            project, _ = project_from_raw(raw)
        except ProjectError:
            continue
        start = random_start(rng, raw)
        inputs = adaptive_inputs(rng, project, start)
        limit = rng.choice([4000, 15000, 30000, 30000])
        expected = python_trace(project, start, inputs, limit)
        cases.append({"seed": seed - 1, "project": raw, "start": start, "inputs": inputs,
                      "limit": limit, "expected": expected})
    return cases


def test_random_playthroughs_match_python(engine_page: Any) -> None:
    pytest.importorskip("studio.engine.runner")
    cases = _random_cases()
    results = engine_page.evaluate(
        """(cases) => cases.map((c) => {
          try {
            return {events: DramaEngine.runTrace(c.project, c.start, c.inputs, c.limit)};
          } catch (err) {
            return {error: err.name, message: err.message};
          }
        })""",
        [{k: c[k] for k in ("project", "start", "inputs", "limit")} for c in cases],
    )
    kinds = {"events": 0, "error": 0}
    for case, got in zip(cases, results, strict=True):
        kinds["error" if "error" in case["expected"] else "events"] += 1
        assert ordered(got) == ordered(case["expected"]), f"seed {case['seed']}"
    # The generator must exercise both finished playthroughs and refused inputs.
    assert kinds["events"] > RANDOM_CASES // 2
    assert kinds["error"] > 0
    traces = [c["expected"]["events"] for c in cases if "events" in c["expected"]]
    event_types = {e["type"] for events in traces for e in events}
    assert {"scene_looped", "went_back", "deposit_requested", "product_clicked",
            "paused_for_choice", "stopped", "prompt_declined", "deposit_confirmed",
            "deposit_refused", "deposit_cancelled", "deposit_simulated", "timers_changed"} <= event_types
    # ... and the money paths that need several steps: a deposit revived by Back then the same
    # decision (its id requested twice), an answer that changed nothing, a replay with real deposits.
    assert any(revived(events) for events in traces)
    assert any(e["type"] == "playthrough_started" and e["replay"] and e["real_deposits"]
               for events in traces for e in events)
    # ... and the storyboard: placeholder scenes (media null) and automatic continuations (next).
    assert any(e["type"] == "scene_started" and e["media"] is None for events in traces for e in events)
    assert any(continued(c["project"], c["expected"]["events"]) for c in cases if "events" in c["expected"])
    wallets = {json.dumps(c["start"].get("wallet", "accept")) for c in cases}
    assert {'"accept"', '"refuse"', '"none"', '{"balance": 450}'} <= wallets


def continued(project: dict[str, Any], events: list[dict[str, Any]]) -> bool:
    """Whether the trace enters a scene through the ``next`` of the scene it leaves."""
    following = {s["id"]: s.get("next") for s in project["scenes"]}
    return any(e["type"] == "scene_started" and before["type"] != "playthrough_started"
               and following.get(before["scene"]) == e["scene"]
               for before, e in pairwise(events))


def revived(events: list[dict[str, Any]]) -> bool:
    ids = [e["deposit_id"] for e in events if e["type"] == "deposit_requested"]
    return len(ids) != len(set(ids))


WALLET_SCRIPT: list[dict[str, Any]] = [
    {"type": "deposit_requested", "deposit_id": "p1:0:a:option:o:0", "goal": "g", "amount": 100},
    {"type": "deposit_requested", "deposit_id": "p1:0:a:option:o:0", "goal": "g", "amount": 100},
    {"type": "deposit_requested", "deposit_id": "p1:1:b:prompt:q:0", "goal": "g", "amount": 200},
    {"type": "deposit_requested", "deposit_id": "p1:0:a:option:o:0", "goal": "g", "amount": 999},
    {"type": "deposit_confirmed", "deposit_id": "p1:0:a:option:o:0", "goal": "g", "amount": 100,
     "saved": 100},
    {"type": "deposit_cancelled", "deposit_id": "p1:0:a:option:o:0", "goal": "g", "amount": 100},
    {"type": "deposit_requested", "deposit_id": "p1:0:a:option:o:0", "goal": "g", "amount": 100},
    {"type": "deposit_cancelled", "deposit_id": "p1:2:c:option:x:0", "goal": "h", "amount": 50},
    {"type": "deposit_requested", "deposit_id": "p1:2:c:option:x:0", "goal": "h", "amount": 50},
    {"type": "deposit_requested", "deposit_id": "p2:0:a:option:o:0", "goal": "g", "amount": 150},
    {"type": "deposit_simulated", "deposit_id": "p3:0:a:option:o:0", "goal": "g", "amount": 150},
]


@pytest.mark.parametrize("policy", ["accept", "refuse", "none", {"balance": 250}],
                         ids=["accept", "refuse", "none", "balance"])
def test_simulated_wallet_matches_python(engine_page: Any, policy: Any) -> None:
    """The JS SimulatedWallet follows the host rules exactly like studio.engine.wallet's."""
    from dataclasses import asdict

    from studio.engine import SimulatedWallet

    wallet = SimulatedWallet.from_json(policy)
    answers = [wallet.on_event(e) for e in WALLET_SCRIPT]
    want = {"answers": [None if a is None else {"ok": a[0], "reason": a[1]} for a in answers],
            "balance": wallet.balance, "net": wallet.net(), "by": wallet.net_by_playthrough(),
            "ledger": [[k, asdict(v)] for k, v in wallet.ledger.items()], "json": wallet.to_json()}
    got = engine_page.evaluate(
        """([policy, script]) => {
          const wallet = DramaEngine.SimulatedWallet.fromJson(policy);
          const answers = script.map((e) => wallet.onEvent(e));
          return {answers, balance: wallet.balance, net: wallet.net(), by: wallet.netByPlaythrough(),
                  ledger: Array.from(wallet.ledger), json: wallet.toJson()};
        }""",
        [policy, WALLET_SCRIPT],
    )
    assert ordered(got) == ordered(want)
    assert any(a is not None for a in answers) or policy == "none"
