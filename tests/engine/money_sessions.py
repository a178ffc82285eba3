"""Money sessions: a viewer, a player, a message network and a host, for the money property test.

A *session* is plain JSON (so the same one runs in Python here and in Chromium
with ``tests/player/money_session.js``)::

    {"project": <project JSON>, "timers": "normal", "host": {"balance": int | None, "refuse_mask": int},
     "steps": [{"op": ...}, ...]}

Steps are relative to the state they meet, so any list is valid: ``advance {ms}``,
``choose {k}`` (wait a little for a choice, then take option ``k`` modulo its visible options), ``accept``,
``decline``, ``back``, ``timers {timers}``, ``watch_again`` (``abandon()`` then a new
playthrough with ``replay=True``), ``reload`` (the page reloads: answers in flight to it are
lost; each playthrough gets a new engine with the same id that replays its recorded inputs,
then every ``pending_requests()`` is sent again: duplicated deliveries), ``to_host {k, dup}`` /
``to_player {k, dup}`` (deliver message ``k`` modulo the queue, out of order (Python's modulo:
``-1`` is the newest); ``dup`` keeps a
copy in the queue: a repeated delivery), ``sync`` (every message in flight arrives, in
order, with the answers they cause). Inputs meeting nothing (no open choice...) do
nothing. The player keeps (and persists across a reload) every playthrough's engine and
inputs, so a late host answer still reaches an abandoned playthrough.

After the steps the viewer finishes the story (accepts prompts, takes default options;
abandons a story that does not end) and every message is delivered in order.

``HostLedger`` is the reference host: the rules of the team brief and
``docs/host-integration.md`` written out again here (not ``SimulatedWallet``), so the
test checks the engine against the documented rules. ``run_session`` returns the full
log and the final state; ``money_problems`` lists what breaks the money invariant.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from typing import Any

from studio.engine import Engine
from studio.engine.runner import apply_input, parse_inputs
from studio.model.io import project_from_raw
from tests.support import SAMPLES

Draw = Callable[[int, int], int]  # an int in [lo, hi]
Json = dict[str, Any]
FINISH_STEPS = 60
WAIT_STEPS = 8
OPS = ["advance"] * 5 + ["choose"] * 5 + ["accept"] * 3 + ["decline"] + ["back"] * 5 + [
    "watch_again", "reload", "reload", "timers", "sync"] + ["to_host"] * 6 + ["to_player"] * 5
ADVANCE_MS = [100, 400, 1500, 3000, 6000]
BALANCES: list[int | None] = [None, None, 0, 250, 700, 30000, 80000]
SHA = "0" * 64


def savings_project() -> Json:
    raw: Json = json.loads((SAMPLES / "savings" / "drama.json").read_text(encoding="utf-8"))
    return raw


def _pick(draw: Draw, items: list[Any]) -> Any:
    return items[draw(0, len(items) - 1)]


def money_project(draw: Draw) -> Json:
    """A small random project full of deposits: two goals with caps, prompts, loops in the graph."""
    n = draw(2, 5)
    ids = [f"s{i}" for i in range(n)]
    media, scenes = [], []
    for i, sid in enumerate(ids):
        dur = draw(20, 60) * 100
        media.append({"id": f"m{i}", "path": f"media/{sid}.mp4", "sha256": SHA, "size": 1,
                      "duration_ms": dur, "width": 360, "height": 640, "fps": 24.0,
                      "video_codec": "h264", "container": "mp4"})
        scene: Json = {"id": sid, "title": sid, "media": f"m{i}", "prompts": [
            {"id": f"q{k}", "at_ms": draw(0, dur // 100) * 100, "goal": _pick(draw, ["g", "h"]),
             "amount": _pick(draw, [100, 250, 400]), "text": "save?", "pause": draw(0, 1) == 1}
            for k in range(draw(0, 2))]}
        if i > 0 and draw(0, 3) == 0:
            scene["ending"] = True
        else:
            appear = draw(5, dur // 100 - 5) * 100
            options: list[Json] = []
            for k in range(draw(1, 3)):
                option: Json = {"id": f"o{k}", "label": f"O{k}", "target": _pick(draw, ids)}
                if draw(0, 9) < 6:
                    option["deposit"] = {"goal": _pick(draw, ["g", "g", "h"]),
                                         "amount": _pick(draw, [100, 200, 300])}
                if draw(0, 5) == 0:
                    option["condition"] = {">=": [{"var": "saved.g"}, 200]}
                options.append(option)
            timeout = _pick(draw, ["default", "default", "pause", "loop"])
            options[0]["default"] = timeout == "default" or draw(0, 1) == 1
            scene["choice"] = {"appear_ms": appear,
                               "decision_ms": min(dur, appear + draw(5, 30) * 100),
                               "timeout": timeout, "mode": _pick(draw, ["cut", "play_to_end"]),
                               "options": options}
        scenes.append(scene)
    return {"title": "money", "currency": "CNY", "replay_deposits": draw(0, 2) == 0,
            "goals": [{"id": "g", "name": "G", "target": 100000, "cap": _pick(draw, [None, 300, 500, 800])},
                      {"id": "h", "name": "H", "target": 100000, "cap": _pick(draw, [None, 300])}],
            "media": media, "scenes": scenes, "start": "s0"}


def generate_session(draw: Draw) -> Json:
    """One session; ``draw`` is hypothesis' ``draw(st.integers(lo, hi))`` or ``random.randint``."""
    project = savings_project() if draw(0, 2) == 0 else money_project(draw)
    steps: list[Json] = []
    for _ in range(draw(0, 70)):
        op = _pick(draw, OPS)
        step: Json = {"op": op}
        if op == "advance":
            step["ms"] = _pick(draw, ADVANCE_MS)
        elif op == "choose":
            step["k"] = draw(0, 5)
        elif op == "timers":
            step["timers"] = _pick(draw, ["normal", "x2", "off"])
        elif op in ("to_host", "to_player"):
            step["k"] = draw(-4, 7)  # negative: counted from the newest message
            step["dup"] = draw(0, 3) == 0
        steps.append(step)
        if op == "back" and draw(0, 1) == 1:  # Back then a choice (maybe another option) at once
            steps.append({"op": "choose", "k": draw(0, 5)})
    mask = draw(0, 255) if draw(0, 3) == 0 else 0
    return {"project": project, "timers": _pick(draw, ["normal", "normal", "x2", "off"]),
            "host": {"balance": _pick(draw, BALANCES), "refuse_mask": mask}, "steps": steps}


class HostLedger:
    """The documented host rules over a ledger keyed by deposit_id (a wallet with a balance)."""

    def __init__(self, policy: Json) -> None:
        self.balance: int | None = policy["balance"]
        self.mask: int = policy["refuse_mask"]
        self.new = 0  # new deposits seen (bit i of the mask refuses the i-th)
        self.entries: dict[str, Json] = {}
        self.violations: list[str] = []

    def handle(self, msg: Json) -> Json | None:
        """One player->host event; the host's deposit_result command, if it answers."""
        deposit_id: str = msg["deposit_id"]
        if msg["type"] == "deposit_requested":
            entry = self.entries.get(deposit_id)
            if entry is None:
                entry = {"goal": msg["goal"], "amount": msg["amount"], "state": "executed",
                         "reason": None, "money": False}
                if (self.mask >> min(self.new, 31)) & 1:
                    entry.update(state="refused", reason="daily_limit")
                elif self.balance is not None and msg["amount"] > self.balance:
                    entry.update(state="refused", reason="insufficient_balance")
                else:
                    entry["money"] = True
                    if self.balance is not None:
                        self.balance -= msg["amount"]
                self.new += 1
                self.entries[deposit_id] = entry
            elif entry["state"] == "cancelled":
                return None
            elif (entry["goal"], entry["amount"]) != (msg["goal"], msg["amount"]):
                self.violations.append(f"{deposit_id} requested again with another goal or amount")
            return {"type": "deposit_result", "deposit_id": deposit_id,
                    "ok": entry["state"] == "executed", "reason": entry["reason"]}
        if msg["type"] == "deposit_cancelled":
            entry = self.entries.get(deposit_id)
            if entry is None:  # reordered: the request may still come, and must then be ignored
                self.entries[deposit_id] = {"goal": msg["goal"], "amount": msg["amount"],
                                            "state": "cancelled", "reason": None, "money": False}
                return None
            if entry["money"]:
                entry["money"] = False
                if self.balance is not None:
                    self.balance += entry["amount"]
            entry["state"] = "cancelled"
        return None

    def net(self) -> dict[str, dict[str, int]]:
        """Playthrough -> goal -> money held (keys sorted)."""
        out: dict[str, dict[str, int]] = {}
        for deposit_id in sorted(self.entries):
            entry = self.entries[deposit_id]
            if entry["money"]:
                goals = out.setdefault(deposit_id.split(":", 1)[0], {})
                goals[entry["goal"]] = goals.get(entry["goal"], 0) + entry["amount"]
        return {pt: {g: goals[g] for g in sorted(goals)} for pt, goals in out.items()}


def shown_saved(goals: list[str], events: list[Json]) -> dict[str, int]:
    """What the viewer was last told was saved: endings/Back replace it, confirmations update it."""
    shown = dict.fromkeys(sorted(goals), 0)
    for e in events:
        if e["type"] in ("ending_reached", "went_back"):
            shown = dict(e["saved"])
        elif e["type"] in ("deposit_confirmed", "deposit_simulated"):
            shown[e["goal"]] = e["saved"]
    return shown


class Session:
    """The player (an engine per playthrough, the current one's recorded inputs) and the network."""

    def __init__(self, session: Json) -> None:
        self.project, _ = project_from_raw(session["project"])
        self.goals = [g.id for g in self.project.goals]
        self.host = HostLedger(session["host"])
        self.to_host: list[Json] = []
        self.to_player: list[Json] = []
        self.log: list[Any] = []
        self.engines: dict[str, Engine] = {}
        self.events: dict[str, list[Json]] = {}
        self.inputs: dict[str, list[Json]] = {}
        self.setup: dict[str, tuple[str, bool]] = {}  # playthrough -> (timers at start, replay)
        self.violations: list[str] = []
        self.current = ""
        self._begin(session["timers"], replay=False)

    @property
    def engine(self) -> Engine:
        return self.engines[self.current]

    def _begin(self, timers: str, replay: bool) -> None:
        pt = f"pt{len(self.engines)}"
        self.current = pt
        self.engines[pt] = Engine(self.project, timers)  # type: ignore[arg-type]
        self.events[pt], self.inputs[pt], self.setup[pt] = [], [], (timers, replay)
        self._took(pt, [e.to_json() for e in self.engine.start(None, None, pt, replay)])

    def _took(self, pt: str, events: list[Json]) -> None:
        for e in events:
            self.events[pt].append(e)
            self.log.append(["event", pt, e])
            if e["type"].startswith("deposit_"):
                self.to_host.append(e)

    def _input(self, action: str, pt: str | None = None, **fields: Any) -> None:
        """An input to a playthrough's engine (default: the current one): recorded, applied, sent."""
        pt = self.current if pt is None else pt
        raw = {"at": self.engines[pt].clock, "action": action, **fields}
        self.inputs[pt].append(raw)
        self._took(pt, [e.to_json() for e in apply_input(self.engines[pt], parse_inputs([raw])[0])])

    def _wait_for_choice(self) -> None:
        """The viewer waits (a few scheduled instants at most) for a choice to open."""
        eng = self.engine
        for _ in range(WAIT_STEPS):
            wake = eng.next_wake_clock()
            if eng.ended or eng.open_choice is not None or wake is None:
                return
            self._took(self.current, [e.to_json() for e in eng.advance(wake - eng.clock)])

    def step(self, step: Json) -> None:
        op, eng = step["op"], self.engine
        if op == "choose":
            self._wait_for_choice()
        live = not eng.ended
        choice = eng.open_choice if live else None
        if op == "advance" and live:
            self._took(self.current, [e.to_json() for e in eng.advance(step["ms"])])
        elif op == "choose" and choice is not None:
            self._input("choose", option=choice.options[step["k"] % len(choice.options)].id)
        elif op in ("accept", "decline") and live and eng.open_prompts:
            self._input(f"{op}_prompt")
        elif op == "back" and eng.can_go_back:
            self._input("back")
        elif op == "timers":
            self._input("set_timers", timers=step["timers"])
        elif op == "watch_again":
            self._input("abandon")
            self._begin(eng.timers, replay=True)
        elif op == "reload":
            self._reload()
        elif op == "to_host" and self.to_host:
            self._deliver_to_host(step["k"] % len(self.to_host), step["dup"])
        elif op == "to_player" and self.to_player:
            self._deliver_to_player(step["k"] % len(self.to_player), step["dup"])
        elif op == "sync":
            self._sync()

    def _sync(self) -> None:
        while self.to_host or self.to_player:
            if self.to_host:
                self._deliver_to_host(0, False)
            else:
                self._deliver_to_player(0, False)

    def _reload(self) -> None:
        lost, self.to_player = self.to_player, []
        resent: list[Json] = []
        for pt, old in self.engines.items():
            timers, replay = self.setup[pt]
            new = Engine(self.project, timers)  # type: ignore[arg-type]
            again = [e.to_json() for e in new.start(None, None, pt, replay)]
            for inp in parse_inputs(self.inputs[pt]):
                again += [e.to_json() for e in new.advance(inp.at - new.clock)]
                again += [e.to_json() for e in apply_input(new, inp)]
            again += [e.to_json() for e in new.advance(old.clock - new.clock)]
            if again != self.events[pt]:
                self.violations.append(f"reload of {pt}: the replayed inputs gave other events")
            self.engines[pt] = new
            resent += new.pending_requests()
        self.log.append(["reload", len(lost), [r["deposit_id"] for r in resent]])
        self.to_host += resent

    def _deliver_to_host(self, i: int, dup: bool) -> None:
        msg = self.to_host[i] if dup else self.to_host.pop(i)
        reply = self.host.handle(msg)
        self.log.append(["host", msg["type"], msg["deposit_id"], reply])
        if reply is not None:
            self.to_player.append(reply)

    def _deliver_to_player(self, i: int, dup: bool) -> None:
        msg = self.to_player[i] if dup else self.to_player.pop(i)
        pt = msg["deposit_id"].split(":", 1)[0]
        self.log.append(["player", msg["deposit_id"], msg["ok"]])
        # An earlier playthrough's engine still takes its late answers.
        self._input("deposit_result", pt, deposit_id=msg["deposit_id"], ok=msg["ok"], reason=msg["reason"])

    def finish(self) -> None:
        """The viewer plays the story to its end (or abandons it), then every message arrives."""
        for _ in range(FINISH_STEPS):
            eng = self.engine
            choice = eng.open_choice
            if eng.ended:
                break
            if eng.open_prompts:
                self._input("accept_prompt")
            elif choice is not None:
                self._input("choose", option=next((o for o in choice.options if o.default),
                                                  choice.options[0]).id)
            else:
                wake = eng.next_wake_clock()
                if wake is None:
                    break
                self._took(self.current, [e.to_json() for e in eng.advance(wake - eng.clock)])
        if not self.engine.ended:
            self._input("abandon")
        self._sync()

    def final(self) -> Json:
        playthroughs = [{
            "playthrough": pt, "real_deposits": eng.real_deposits, "ended": eng.ended,
            "saved": eng.saved, "pending": eng.pending, "pending_requests": eng.pending_requests(),
            "shown": shown_saved(self.goals, self.events[pt]),
        } for pt, eng in self.engines.items()]
        ledger = [[i, self.host.entries[i]] for i in sorted(self.host.entries)]
        return {"playthroughs": playthroughs, "ledger": ledger, "balance": self.host.balance,
                "net": self.host.net(), "violations": self.violations + self.host.violations}


def run_session(session: Json) -> Json:
    """Play one session; ``{"log": [...], "final": {...}}`` (what the JS driver must reproduce)."""
    s = Session(session)
    for step in session["steps"]:
        s.step(step)
    s.finish()
    return {"log": s.log, "final": s.final()}


def money_problems(session: Json, result: Json) -> list[str]:
    """Everything in a finished session that breaks the money invariant (empty: it holds)."""
    project, _ = project_from_raw(session["project"])
    caps = {g.id: g.cap for g in project.goals}
    final = result["final"]
    out = list(final["violations"])
    for p in final["playthroughs"]:
        pt, saved = p["playthrough"], p["saved"]
        held = final["net"].get(pt, {})
        if any(p["pending"].values()) or p["pending_requests"]:
            out.append(f"{pt}: deposits still pending after every answer arrived: {p['pending']}")
        if p["shown"] != saved:
            out.append(f"{pt}: the viewer was last shown {p['shown']}, the engine's confirmed saved is "
                       f"{saved}")
        if not p["real_deposits"]:
            if held or any(i.startswith(f"{pt}:") for i, _ in final["ledger"]):
                out.append(f"{pt}: deposits of a replay without real deposits reached the host: {held}")
            continue
        if {g: held.get(g, 0) for g in saved} != saved or set(held) - set(saved):
            out.append(f"{pt}: the host holds {held}, the engine's confirmed saved is {saved}")
        for goal, amount in held.items():
            cap = caps.get(goal)
            if cap is not None and amount > cap:
                out.append(f"{pt}: the host holds {amount} for goal '{goal}' above its cap {cap}")
    return out


def seeded_sessions(count: int, seed: int) -> list[Json]:
    """``count`` sessions from a fixed seed (the browser test runs exactly these in both engines)."""
    rng = random.Random(seed)
    return [generate_session(rng.randint) for _ in range(count)]


def issue_session() -> Json:
    """Issue #12's story on the savings sample, every message delivered at once (``sync``): accept
    the prompt, choose "save", Back, choose "save" again, play to the ending, Watch again, accept
    the prompt again (then the replay plays to its end)."""
    sync: Json = {"op": "sync"}
    first = {"op": "choose", "k": 0}  # the first visible option: save, save_more, then book
    steps = [{"op": "advance", "ms": 1600}, {"op": "accept"}, sync, first, sync, {"op": "back"}, sync,
             first, sync, first, sync, first, sync, {"op": "advance", "ms": 6000}, sync,
             {"op": "watch_again"}, {"op": "advance", "ms": 1600}, {"op": "accept"}, sync]
    return {"project": savings_project(), "timers": "normal",
            "host": {"balance": None, "refuse_mask": 0}, "steps": steps}
