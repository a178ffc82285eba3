"""Checks on the whole scene graph: start, dangling options, reachability, traps.

These depend on the structure (scene ids, option targets and ``next`` scenes,
endings and the start scene) and on the titles the messages quote
(``names.SceneNames``), so incremental revalidation reruns them only when the
structure or a title changed.  Results are in a fixed order: project-wide
findings, then per-scene findings in scene order, then cycles by their first
scene.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from studio.graph.index import Index, Reach, is_cycle, reachability, tarjan
from studio.graph.names import SceneNames
from studio.model import Problem, Scene
from studio.model.checks import problem
from studio.model.messages import QT_TRANSLATE_NOOP

_FLIP = bytes.maketrans(b"\x00\x01", b"\x01\x00")


def graph_checks(ix: Index, scenes: Sequence[Scene], r: Reach | None = None,
                 titles: Mapping[str, str] | None = None) -> list[Problem]:
    """Structural findings for the snapshot ``ix`` of ``scenes`` (``r``: its reachability,
    ``titles``: scene id -> title if known)."""
    out: list[Problem] = []
    ids = ix.ids
    if not ids:
        out.append(problem("warning", "no-scenes",
            QT_TRANSLATE_NOOP("Problems",
                "the project has no scenes yet")))
        return out
    if ix.start_id is None:
        out.append(problem("error", "start-missing", QT_TRANSLATE_NOOP("Problems", "no start scene is set")))
    elif ix.start is None:
        out.append(problem("error", "start-missing",
                           QT_TRANSLATE_NOOP("Problems",
                               "the start scene '{start}' does not exist"), start=ix.start_id))
    for sid in ix.duplicates:
        out.append(problem("error", "duplicate-scene",
            QT_TRANSLATE_NOOP("Problems",
                "more than one scene has this id"), sid))
    for i, k, target in ix.dangling:
        choice = scenes[i].choice
        if choice is not None and k < len(choice.options):
            out.append(problem("error", "dangling-target",
                QT_TRANSLATE_NOOP("Problems",
                    "points to '{target}', which is not a scene"),
                               ids[i], f"option '{choice.options[k].id}'", target=target))
        else:
            out.append(problem("error", "dangling-target",
                               QT_TRANSLATE_NOOP("Problems",
                                   "continues automatically to '{target}', which is not a scene"),
                               ids[i], "next", target=target))
    names = SceneNames(scenes, titles)
    succ = ix.succ
    r = r if r is not None else reachability(succ, ix.start, ix.ending)
    if ix.start is not None:
        seen = r.fw
        start = names(ids[ix.start]) if seen.find(0) >= 0 else ""
        duplicates = set(ix.duplicates)
        i = seen.find(0)
        while i >= 0:
            if ids[i] not in duplicates:  # a second scene with an id is never entered
                out.append(problem("warning", "unreachable",
                                   QT_TRANSLATE_NOOP("Problems",
                                       "cannot be reached from the start scene {start}"), ids[i],
                                   start=start))
            i = seen.find(0, i + 1)
    to_end = r.co
    if to_end.find(0) >= 0:
        stuck = bytearray(to_end.translate(_FLIP))
        traps = [sorted(c) for c in tarjan(succ, stuck) if is_cycle(c, succ)]
        for comp in sorted(traps):
            loop = [ids[i] for i in comp]
            out.append(problem(
                "error", "no-way-out",
                QT_TRANSLATE_NOOP("Problems", "scenes {scenes} loop with no way out to an ending"), loop[0],
                scenes=names.some(loop),
            ))
    return out
