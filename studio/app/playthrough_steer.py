"""Steering a playthrough to a branch not watched yet (review mode's "Play next unwatched branch").

The review asks for a decision ``(scene, option)`` that leads to something
nobody has watched (:meth:`studio.app.review_session.ReviewSession.next_branch`).
Steering gets the viewer there by itself and stops where the new material begins:

* **From the start, timers off.**  A new playthrough from the project start
  (variables at their defaults, the wallet as set in Play story) with the
  choice timers off, so no countdown decides anything on the way.
* **Decisions on the way are made for the reviewer.**  At every choice the
  option nearest to the branch's scene is taken; every savings prompt that would
  hold the video is declined (steering puts no money in), unless only accepting
  one reveals the branch's option (e.g. its condition needs a saved total).
  The route is found by simulating the engine (:func:`plan`, at most
  :data:`MAX_TRIES` playthroughs, each at most :data:`LIMIT_MS` of story), so
  option conditions are honoured.
* **At once.**  The story jumps along the route without showing the video on
  the way (:meth:`PlaythroughController.fast`) and the review records none of
  it (the caller suspends recording): only what the reviewer then watches
  counts as watched.
* **The stop.**  The first scene on the way that was not watched yet stops the
  jump at its first frame, paused: the new material begins there.  Else the
  story waits at the branch's decision with its choice open (timers off: it
  waits for the reviewer), the new option to take named in the result.  A
  scene no decision leads to is played from its first frame, paused.  When no
  route from the start shows the option (the paths tried never meet its
  condition), the story starts at the branch's scene instead.

:func:`to_decision` is shared by the simulation and the real playthrough, so
both meet the same stops and the recorded inputs reproduce the log with
``run_trace`` (``timers="off"``).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from studio.app.play_wallet import StudioWallet, WalletSetting
from studio.engine import Engine, EngineError
from studio.model import Project

if TYPE_CHECKING:
    from studio.app.playthrough import PlaythroughController

MAX_TRIES = 300  # simulated playthroughs while searching a route
LIMIT_MS = 3_600_000  # story clock one simulated playthrough may use
Stop = Literal["choice", "prompt", "ended", "stuck", "limit", "halt"]
Step = tuple[Literal["choose", "accept_prompt", "decline_prompt"], str | None]


@dataclass(frozen=True)
class SteerResult:
    """Where steering stopped: ``how`` is ``decision`` (waiting at the branch's choice),
    ``from_scene`` (started at the branch's scene: no route from the start shows the option),
    ``unwatched`` (paused at the first frame of ``scene``, an unwatched scene on the way),
    ``scene`` (an unwatched scene played on its own, paused) or ``failed`` (``reason`` says why)."""

    how: Literal["decision", "from_scene", "unwatched", "scene", "failed"]
    scene: str
    option: str | None = None
    decisions: int = 0  # decisions made on the way
    reason: str = ""


def distances(project: Project, goal: str) -> dict[str, int]:
    """Scene -> number of moves to ``goal`` (choice options and automatic continuations)."""
    into: dict[str, set[str]] = {}
    for scene in project.scenes:
        targets = {o.target for o in scene.choice.options} if scene.choice is not None else set()
        follow = getattr(scene, "next", None)
        if isinstance(follow, str):
            targets.add(follow)
        for target in targets:
            into.setdefault(target, set()).add(scene.id)
    found = {goal: 0}
    queue = deque([goal])
    while queue:
        here = queue.popleft()
        for source in into.get(here, ()):
            if source not in found:
                found[source] = found[here] + 1
                queue.append(source)
    return found


def to_decision(
    engine: Engine,
    advance: Callable[[int], object],
    limit: int = LIMIT_MS,
    halt: Callable[[], bool] | None = None,
) -> Stop:
    """Let the story play (through ``advance``) until it needs a decision, ends or is stuck
    (or ``halt()`` is true after a step: ``halt``)."""
    while True:
        if halt is not None and halt():
            return "halt"
        if engine.ended:
            return "ended"
        if engine.pausing_prompt_open:
            return "prompt"
        if engine.open_choice is not None:
            return "choice"
        wake = engine.next_wake_clock()
        if wake is None:
            return "stuck"
        if wake > limit:
            return "limit"
        advance(max(0, wake - engine.clock))


def settle(engine: Engine, advance: Callable[[int], object], decline: Callable[[], object]) -> None:
    """At the branch's choice: play on to the decision instant, where the story waits (timers
    off); prompts that would hold the video on the way there are declined."""
    for _ in range(10_000):
        if engine.ended:
            return
        if engine.pausing_prompt_open:
            decline()
            continue
        wake = engine.next_wake_clock()
        if wake is None:
            return
        advance(max(0, wake - engine.clock))


def _apply(engine: Engine, step: Step) -> None:
    action, arg = step
    if action == "choose":
        assert arg is not None
        engine.choose(arg)
    elif action == "accept_prompt":
        engine.accept_prompt()
    else:
        engine.decline_prompt()


def _engine(project: Project, wallet: WalletSetting) -> Engine:
    host = StudioWallet(wallet)
    return Engine(project, "off", None if host.by_hand else host)


def plan(
    project: Project, scene: str, option: str, wallet: WalletSetting | None = None, tries: int = MAX_TRIES
) -> list[Step] | None:
    """The decisions that bring a playthrough from the start to ``scene``'s choice with
    ``option`` shown (None: none found within ``tries`` simulated playthroughs)."""
    if project.start is None:
        return None
    near = distances(project, scene)
    if project.start not in near:
        return None
    max_steps = min(400, 4 * len(project.scenes) + 8)
    stack: list[list[Step]] = [[]]
    seen: set[object] = set()
    for _ in range(tries):
        if not stack:
            return None
        steps = stack.pop()
        engine = _engine(project, wallet or WalletSetting())
        try:
            engine.start(None, None, "p1", False)
            for step in steps:
                to_decision(engine, engine.advance)
                _apply(engine, step)
            stop = to_decision(engine, engine.advance)
        except EngineError:
            continue
        choice = engine.open_choice
        shown = [o.id for o in choice.options] if choice is not None and choice.scene == scene else []
        if stop == "choice" and option in shown:
            return steps
        key = (stop, engine.scene_id, engine.t, tuple(sorted(engine.variables.items())),
               tuple(sorted(engine.saved.items())), tuple(engine.open_prompts))
        if key in seen or len(steps) >= max_steps:
            continue
        seen.add(key)
        if stop == "prompt":
            stack.append([*steps, ("accept_prompt", None)])
            stack.append([*steps, ("decline_prompt", None)])  # tried first
        elif stop == "choice" and choice is not None:
            onward = [o for o in choice.options if o.target in near]
            onward.sort(key=lambda o: near[o.target], reverse=True)  # the nearest is tried first
            stack.extend([*steps, ("choose", o.id)] for o in onward)
    return None


def steer(
    controller: PlaythroughController,
    scene: str,
    option: str | None,
    watched: Collection[str] | None = None,
    tries: int = MAX_TRIES,
) -> SteerResult:
    """Play ``controller`` to the branch ``(scene, option)`` and stop there (see the module).

    ``watched``: scenes already watched; the first scene on the way that is not stops the
    jump at its first frame (paused): the new material begins there."""
    project = controller.document.project
    if scene not in project.scene_map():
        return SteerResult("failed", scene, option, reason="the scene no longer exists")
    if option is None:
        if not controller.start(scene, timers="off"):
            return SteerResult("failed", scene, None, reason="it cannot be played")
        controller.set_paused(True)
        return SteerResult("scene", scene)
    route = plan(project, scene, option, controller.wallet_setting, tries)
    with controller.fast():
        if not controller.start(None if route is not None else scene, timers="off"):
            return SteerResult("failed", scene, option, reason="it cannot be played")
        engine = controller.engine
        assert engine is not None

        def fresh() -> bool:
            return watched is not None and engine.scene_id not in watched

        done = 0
        for action, arg in route or []:
            if fresh() or to_decision(engine, controller.skip, halt=fresh) == "halt":
                break
            ok = controller.choose(arg) if action == "choose" and arg else (
                controller.accept_prompt() if action == "accept_prompt" else controller.decline_prompt()
            )
            if not ok:
                return SteerResult("failed", scene, option, done, reason="the route changed while playing")
            done += 1
        stop = "halt" if fresh() else to_decision(engine, controller.skip, halt=fresh)
        while stop == "prompt" and controller.decline_prompt():  # only when started at the scene
            stop = to_decision(engine, controller.skip, halt=fresh)
        if stop == "halt":
            controller.set_paused(True)
            return SteerResult("unwatched", str(engine.scene_id), option, done)
        choice = engine.open_choice
        if choice is None or choice.scene != scene:
            return SteerResult("failed", scene, option, done, reason="the story did not get there")
        if all(o.id != option for o in choice.options):
            return SteerResult("failed", scene, option, done, reason="the option is hidden by its condition")
        settle(engine, controller.skip, controller.decline_prompt)
    return SteerResult("decision" if route is not None else "from_scene", scene, option, done)
