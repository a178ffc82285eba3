"""Where the keyboard goes on the canvas (pure Python, no Qt).

:func:`nearest` picks the scene an arrow key moves to: the closest node whose centre lies in
that direction (within 60 degrees either side of it), a node straight ahead counting as
nearer than one off to the side.  :func:`story_order` is the order Tab walks through: from
the start, depth first along the options (in their order) and automatic continuations, then
every scene the start does not reach, in project order.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from studio.model.project import Project, Scene

Point = tuple[float, float]
SIDEWAYS = 2.0  # a step to the side costs this many steps ahead
CONE = math.tan(math.radians(60))  # how far off the direction a node may be (tan of the angle)


def nearest(centres: Mapping[str, Point], current: str, direction: Point) -> str | None:
    """The scene an arrow in ``direction`` ((1, 0) is right, (0, 1) is down) moves to from
    ``current``, or None when nothing lies that way."""
    if current not in centres:
        return None
    cx, cy = centres[current]
    dx, dy = direction
    best: tuple[float, str] | None = None
    for sid, (x, y) in centres.items():
        if sid == current:
            continue
        ahead = (x - cx) * dx + (y - cy) * dy
        side = abs((x - cx) * dy - (y - cy) * dx)
        if ahead <= 0 or side > ahead * CONE:
            continue
        score = (ahead + SIDEWAYS * side, sid)
        if best is None or score < best:
            best = score
    return None if best is None else best[1]


def _followers(scene: Scene) -> list[str]:
    out = [o.target for o in scene.choice.options] if scene.choice is not None else []
    nxt = getattr(scene, "next", None)
    if nxt is not None:
        out.append(nxt)
    return out


def story_order(project: Project) -> list[str]:
    """Every scene id once: the story from the start first (depth first), then the rest."""
    scenes = project.scene_map()
    seen: dict[str, None] = {}
    roots = ([project.start] if project.start in scenes else []) + [s.id for s in project.scenes]
    for root in roots:
        stack = [root]
        while stack:
            sid = stack.pop()
            if sid in seen or sid not in scenes:
                continue
            seen[sid] = None
            stack.extend(reversed(_followers(scenes[sid])))
    return list(seen)


def cycle(order: list[str], current: str | None, step: int) -> str | None:
    """The scene ``step`` places after ``current`` in ``order`` (wrapping); the first (or last,
    going back) when nothing is current."""
    if not order:
        return None
    if current not in order:
        return order[0] if step > 0 else order[-1]
    return order[(order.index(current) + step) % len(order)]
