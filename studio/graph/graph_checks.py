"""Checks on the whole scene graph: start, dangling options, reachability, traps.

These depend on the structure only (scene ids, option targets, endings and
the start scene), so incremental revalidation reruns them only when the
structure changed.  Results are in a fixed order: project-wide findings,
then per-scene findings in scene order, then cycles by their first scene.
"""

from __future__ import annotations

from collections.abc import Sequence

from studio.graph.index import Index, Reach, is_cycle, reachability, tarjan
from studio.model import Problem, Scene

_FLIP = bytes.maketrans(b"\x00\x01", b"\x01\x00")


def _names(ids: list[str], limit: int = 8) -> str:
    shown = ", ".join(f"'{i}'" for i in ids[:limit])
    return shown + (f" and {len(ids) - limit} more" if len(ids) > limit else "")


def graph_checks(ix: Index, scenes: Sequence[Scene], r: Reach | None = None) -> list[Problem]:
    """Structural findings for the snapshot ``ix`` of ``scenes`` (``r``: its reachability)."""
    out: list[Problem] = []
    ids = ix.ids
    if not ids:
        out.append(Problem("warning", "no-scenes", "the project has no scenes yet"))
        return out
    if ix.start_id is None:
        out.append(Problem("error", "start-missing", "no start scene is set"))
    elif ix.start is None:
        out.append(Problem("error", "start-missing",
                           f"the start scene '{ix.start_id}' does not exist"))
    for sid in ix.duplicates:
        out.append(Problem("error", "duplicate-scene", "more than one scene has this id", sid))
    for i, k, target in ix.dangling:
        choice = scenes[i].choice
        option = choice.options[k].id if choice is not None else "?"
        out.append(Problem("error", "dangling-target", f"points to '{target}', which is not a scene",
                           ids[i], f"option '{option}'"))
    succ = ix.succ
    r = r if r is not None else reachability(succ, ix.start, ix.ending)
    if ix.start is not None:
        seen = r.fw
        start = ids[ix.start]
        duplicates = set(ix.duplicates)
        i = seen.find(0)
        while i >= 0:
            if ids[i] not in duplicates:  # a second scene with an id is never entered
                out.append(Problem("warning", "unreachable",
                                   f"cannot be reached from the start scene '{start}'", ids[i]))
            i = seen.find(0, i + 1)
    to_end = r.co
    if to_end.find(0) >= 0:
        stuck = bytearray(to_end.translate(_FLIP))
        traps = [sorted(c) for c in tarjan(succ, stuck) if is_cycle(c, succ)]
        for comp in sorted(traps):
            names = [ids[i] for i in comp]
            out.append(Problem(
                "error", "no-way-out",
                f"scenes {_names(names)} loop with no way out to an ending", names[0],
            ))
    return out
