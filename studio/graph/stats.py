"""Path statistics of a drama, by dynamic programming over the scene graph.

Paths are never enumerated.  A *path* is a sequence of options from the start
scene to a scene marked as an ending; two options to the same scene are two
paths.  A scene that continues automatically (``next``) has one way out, to its
next scene.  Definitions (all documented approximations):

- **Conditions are ignored** (every option counts as visible), except options
  whose condition is *statically* false (``static.static_truth``), which are
  dropped.  Counts and ranges are therefore an over-approximation.
- **Path count**: exact (Python ints).  If a loop lies on some path from the
  start to an ending, the count is unbounded (``paths=None``,
  ``paths_unbounded=True``).
- **Playing time** of a scene, on the way out through option O: ``cut`` mode
  ``appear_ms - in_ms`` (shortest: chosen as soon as it shows) to
  ``decision_ms - in_ms`` (longest: at the deadline); ``play_to_end`` mode the
  whole trim (``out - in_ms``).  An ending and a scene continuing automatically
  play their whole trim; a storyboard placeholder plays its planned duration.  Timeout
  loops and pauses are not counted.  The longest time is unbounded when a loop
  is on the way to that ending.
- **Deposits** per goal: the option deposits on the chosen edges plus the
  savings prompts of the scenes passed (only prompts shown before the scene is
  left: ``at_ms <= decision_ms`` in cut mode).  The minimum declines every
  prompt, the maximum accepts every prompt; totals are capped by the goal's
  ``cap`` (the engine caps each deposit, which caps the total the same way).
  A loop that deposits makes the maximum the cap, or unbounded without a cap.
- **Richest / poorest path**: the path with the largest total of all deposits
  (prompts accepted, uncapped, summed over goals) and the one with the
  smallest (prompts declined); ties go to the ending first in scene order.
  Products are those tagged on the scenes along the path.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from itertools import compress
from typing import Any

from studio.graph.context import make_context
from studio.graph.counts import json_count
from studio.graph.index import Index, paused_gc, resolve
from studio.graph.net import INF, Net
from studio.graph.scan import scan_scenes
from studio.graph.stats_dp import Dp, run, tight_path
from studio.model import Project


@dataclass
class EndingStats:
    """Reachable ending: how many paths lead there and how long they play."""

    scene: str
    kind: str | None
    paths: int | None
    paths_unbounded: bool
    shortest_ms: int
    longest_ms: int | None
    longest_unbounded: bool


@dataclass
class GoalStats:
    """Least and most one playthrough can deposit into a goal (after the cap)."""

    goal: str
    cap: int | None
    min_total: int
    max_total: int | None
    max_unbounded: bool  # a loop can deposit again and again


@dataclass
class PathStats:
    """One start-to-ending path and the products shown along it."""

    total: int | None  # uncapped deposits over all goals; None when unbounded
    unbounded: bool
    ending: str
    scenes: list[str]
    products: list[str]


@dataclass
class Stats:
    """Statistics of a project (see the module docstring for definitions)."""

    scenes: int
    reachable_scenes: int
    paths: int | None
    paths_unbounded: bool
    endings: list[EndingStats] = field(default_factory=list)
    unreachable_endings: list[str] = field(default_factory=list)
    goals: list[GoalStats] = field(default_factory=list)
    richest: PathStats | None = None
    poorest: PathStats | None = None

    def to_json(self) -> dict[str, Any]:
        """Plain JSON data; path counts stay exact integers, written as a string of digits only
        past the 4,300 digits Python's json reads back (``studio.graph.counts.json_count``)."""
        data = asdict(self)
        data["paths"] = json_count(self.paths)
        for ending in data["endings"]:
            ending["paths"] = json_count(ending["paths"])
        return data


def _finite(value: float) -> int | None:
    return None if value in (INF, -INF) else int(value)


def _path(net: Net, dp: Dp, richest: bool, end: int) -> PathStats:
    if not net.width:  # no goals: the shortest path, depositing nothing
        d, value, total = 0, 0.0, 0.0
    else:
        d = net.dims - 1 if richest else 1 + net.width  # all-goals total: max (negated), min
        value = dp.value(end)[d]
        total = -value + _final(net, end, net.width - 1) if richest else value
    scenes = tight_path(net, dp, d, end)
    products: list[str] = []
    shown: set[str] = set()
    for i in scenes:
        for tag in net.scenes[i].tags:
            if tag.product not in shown:
                shown.add(tag.product)
                products.append(tag.product)
    return PathStats(_finite(total), value == -INF, net.ids[end], [net.ids[i] for i in scenes],
                     products)


def stats(project: Project) -> Stats:
    """Path counts, playing times, deposit ranges and richest/poorest paths."""
    with paused_gc():
        return _stats(project)


def _stats(project: Project) -> Stats:
    ctx = make_context(project)
    ix = Index()
    net = new_net(project)
    scan_scenes(project.scenes, ctx, ix, net)
    resolve(ix, project.start)
    link_net(net, ix)
    return summarise(net, run(net))


def new_net(project: Project) -> Net:
    """An empty ``Net`` for ``scan.scan_scenes`` to fill."""
    return Net(goals=[g.id for g in project.goals], caps=[g.cap for g in project.goals],
               scenes=project.scenes)


def link_net(net: Net, ix: Index) -> bool:
    """Resolve the kept options to scene indices; True when ``net`` shares ``ix.succ``."""
    net.ids, net.ending, net.start = ix.ids, ix.ending, ix.start
    if not ix.dangling and not net.kept:
        net.succ = ix.succ
        return True
    get = ix.pos.get
    kept = net.kept
    for u, targets in enumerate(ix.targets):
        row = list(map(get, kept.get(u, targets)))
        if None in row:
            keep = [k for k, v in enumerate(row) if v is not None]
            row = [row[k] for k in keep]
            if u in net.extra:
                net.extra[u] = [net.extra[u][k] for k in keep]
        net.succ.append(row)  # type: ignore[arg-type]
    return False


def summarise(net: Net, dp: Dp) -> Stats:
    """Turn the programme's values into ``Stats``."""
    endings_all = list(compress(range(len(net.ending)), net.ending))
    reachable = [i for i in endings_all if dp.useful[i]]
    out = Stats(
        scenes=len(net.ids),
        reachable_scenes=dp.reachable,
        paths=None if dp.unbounded_paths else sum(dp.count[i] for i in reachable),
        paths_unbounded=dp.unbounded_paths,
        unreachable_endings=[net.ids[i] for i in endings_all if not dp.useful[i]],
    )
    val = {i: dp.value(i) for i in reachable}
    for i in reachable:
        tmin, neg_tmax = val[i][0], val[i][1]
        out.endings.append(EndingStats(
            scene=net.ids[i], kind=net.scenes[i].ending_kind,
            paths=None if dp.count_unbounded[i] else dp.count[i],
            paths_unbounded=bool(dp.count_unbounded[i]),
            shortest_ms=int(tmin + net.length[i]),
            longest_ms=_finite(net.length[i] - neg_tmax), longest_unbounded=neg_tmax == -INF,
        ))
    width = net.width
    for k, (goal, cap) in enumerate(zip(net.goals, net.caps, strict=True)):
        limit = INF if cap is None else cap
        if not reachable:
            out.goals.append(GoalStats(goal, cap, 0, 0, False))
            continue
        low = min(val[i][2 + k] for i in reachable)
        high = max(-val[i][2 + width + k] + _final(net, i, k) for i in reachable)
        out.goals.append(GoalStats(
            goal=goal, cap=cap, min_total=int(min(low, limit)),
            max_total=_finite(min(high, limit)), max_unbounded=high == INF,
        ))
    if reachable:
        top = net.dims - 1
        rich = poor = reachable[0]
        if width:
            rich = min(reachable, key=lambda i: val[i][top] - _final(net, i, width - 1))
            poor = min(reachable, key=lambda i: val[i][1 + width])
        out.richest = _path(net, dp, True, rich)
        out.poorest = _path(net, dp, False, poor)
    return out


def _final(net: Net, i: int, k: int) -> int:
    final = net.final.get(i)
    return int(final[k]) if final else 0
