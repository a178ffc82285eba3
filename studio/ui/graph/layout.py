"""Automatic layered layout, left to right (pure Python, no Qt).

Scenes are placed in columns by their longest distance from the start
(back edges of cycles are ignored), then ordered inside each column by the
average row of their predecessors to reduce crossings.  Scenes that the
start does not reach form further components below.  Only the scenes asked
for move; everything else keeps its manual position.
"""

from __future__ import annotations

from collections.abc import Iterable

from studio.model.project import Project

COLUMN = 440.0  # node width + room for option labels
ROW = 130.0


def _successors(project: Project, ids: set[str]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {sid: [] for sid in ids}
    for s in project.scenes:
        if s.id in ids and s.choice is not None:
            out[s.id] = list(dict.fromkeys(o.target for o in s.choice.options if o.target in ids))
        nxt = getattr(s, "next", None)
        if s.id in ids and nxt in ids:
            out[s.id].append(nxt)
    return out


def _forward_edges(order: list[str], succ: dict[str, list[str]]) -> dict[str, list[str]]:
    """Drop back edges found by an iterative depth-first search."""
    state: dict[str, int] = {}  # 1 = on stack, 2 = done
    forward: dict[str, list[str]] = {sid: [] for sid in succ}
    for root in order:
        if root in state:
            continue
        state[root] = 1
        stack = [(root, iter(succ[root]))]
        while stack:
            node, it = stack[-1]
            nxt = next(it, None)
            if nxt is None:
                state[node] = 2
                stack.pop()
                continue
            if state.get(nxt) == 1:
                continue  # back edge: part of a cycle
            forward[node].append(nxt)
            if nxt not in state:
                state[nxt] = 1
                stack.append((nxt, iter(succ[nxt])))
    return forward


def layered_layout(
    project: Project,
    only: Iterable[str] | None = None,
    origin: tuple[float, float] = (0.0, 0.0),
    column: float = COLUMN,
) -> dict[str, tuple[float, float]]:
    """New positions for ``only`` (default: every scene), starting at ``origin``, ``column``
    apart (wide enough for the option labels between the columns)."""
    ids = {s.id for s in project.scenes} if only is None else set(only)
    order = [s.id for s in project.scenes if s.id in ids]
    if not order:
        return {}
    succ = _successors(project, ids)
    start = project.start if project.start in ids else order[0]
    roots = [start] + [sid for sid in order if sid != start]
    forward = _forward_edges(roots, succ)
    indegree = dict.fromkeys(order, 0)
    for targets in forward.values():
        for t in targets:
            indegree[t] += 1
    layer = dict.fromkeys(order, 0)
    queue = [sid for sid in roots if indegree[sid] == 0]
    head = 0
    while head < len(queue):
        node = queue[head]
        head += 1
        for t in forward[node]:
            layer[t] = max(layer[t], layer[node] + 1)
            indegree[t] -= 1
            if indegree[t] == 0:
                queue.append(t)
    columns: dict[int, list[str]] = {}
    for sid in queue:
        columns.setdefault(layer[sid], []).append(sid)
    preds: dict[str, list[str]] = {sid: [] for sid in order}
    for src, targets in forward.items():
        for t in targets:
            preds[t].append(src)
    row: dict[str, float] = {}
    for col in sorted(columns):
        members = columns[col]
        index = {sid: n for n, sid in enumerate(members)}

        def key(sid: str, index: dict[str, int] = index) -> tuple[float, int]:
            placed = [row[p] for p in preds[sid] if p in row]
            return (sum(placed) / len(placed) if placed else float(index[sid]), index[sid])

        members.sort(key=key)
        for n, sid in enumerate(members):
            row[sid] = float(n)
    x0, y0 = origin
    return {sid: (x0 + layer[sid] * column, y0 + row[sid] * ROW) for sid in queue}
