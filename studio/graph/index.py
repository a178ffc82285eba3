"""A plain-Python snapshot of a project's scene graph, plus the graph algorithms.

Scenes become integer indices in model order; ``succ[i]`` lists the targets of
scene ``i``'s options (one entry per option, so two options to the same scene
are two edges).  The per-scene rows are filled by ``scan.scan_scenes`` (one
pass that also runs the scene checks); ``resolve`` then links targets.  All
algorithms are iterative (no recursion limit on long chains).
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import chain
from typing import Any


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector around an analysis.

    The analysis allocates many small lists and tuples while the project holds
    hundreds of thousands of pydantic objects: each automatic collection would
    walk them all.  Nothing the analysis allocates forms a reference cycle.
    Callers should let their working data go *inside* the block (return from
    a helper there): what is still alive when the collector is enabled again
    counts as new objects, and the next allocation collects them all.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@dataclass(slots=True)
class Index:
    """Scene ids, option targets and endings of one project, by scene index."""

    ids: list[str] = field(default_factory=list)
    pos: dict[str, int] = field(default_factory=dict)
    targets: list[tuple[str, ...]] = field(default_factory=list)  # raw option targets
    ending: list[bool] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)  # scene ids used more than once
    succ: list[list[int]] = field(default_factory=list)  # resolved targets only
    dangling: list[tuple[int, int, str]] = field(default_factory=list)  # scene, option #, target
    start_id: str | None = None
    start: int | None = None  # index of the start scene, None if missing

    @property
    def n(self) -> int:
        return len(self.ids)

    def row(self, i: int) -> tuple[str, bool, tuple[str, ...]]:
        """What the graph checks read from scene ``i``: id, ending flag, option targets."""
        return self.ids[i], self.ending[i], self.targets[i]


def resolve(ix: Index, start: str | None) -> None:
    """Fill ``pos``, ``succ``, ``dangling``, ``duplicates`` and ``start`` from the rows."""
    ids = ix.ids
    pos = ix.pos = dict(zip(ids, range(len(ids)), strict=True))
    ix.duplicates = []
    if len(pos) != len(ids):  # a duplicated id names its first scene
        pos = ix.pos = dict(zip(reversed(ids), range(len(ids) - 1, -1, -1), strict=True))
        seen: set[str] = set()
        dupes: set[str] = set()
        for i in ids:
            (dupes if i in seen else seen).add(i)
        ix.duplicates = sorted(dupes)
    ix.succ, ix.dangling = link(ix.targets, pos)
    ix.start_id = start
    ix.start = pos.get(start) if start is not None else None


def link(
    targets: list[tuple[str, ...]], pos: dict[str, int]
) -> tuple[list[list[int]], list[tuple[int, int, str]]]:
    """Resolve target ids to indices; unknown targets are left out and reported."""
    get = pos.get
    succ: list[list[Any]] = [list(map(get, tg)) for tg in targets]
    if None not in chain.from_iterable(succ):
        return succ, []
    dangling: list[tuple[int, int, str]] = []
    for i, row in enumerate(succ):
        if None in row:
            dangling.extend((i, k, targets[i][k]) for k, v in enumerate(row) if v is None)
            succ[i] = [v for v in row if v is not None]
    return succ, dangling


def relink(ix: Index, rows: list[int]) -> None:
    """Resolve again the targets of scenes ``rows`` (their ``targets`` changed)."""
    drop = set(rows)
    ix.dangling = [d for d in ix.dangling if d[0] not in drop]
    get = ix.pos.get
    for i in rows:
        row = list(map(get, ix.targets[i]))
        if None in row:
            ix.dangling.extend((i, k, t) for k, t in enumerate(ix.targets[i]) if row[k] is None)
            row = [v for v in row if v is not None]
        ix.succ[i] = row  # type: ignore[assignment]
    ix.dangling.sort()


def predecessors(succ: list[list[int]]) -> list[list[int]]:
    """Reverse adjacency (one entry per edge)."""
    preds: list[list[int]] = [[] for _ in succ]
    for u, vs in enumerate(succ):
        for v in vs:
            preds[v].append(u)
    return preds


def reach(adj: list[list[int]], sources: Iterable[int]) -> bytearray:
    """Mask of nodes reachable from ``sources`` (sources included)."""
    seen = bytearray(len(adj))
    stack = []
    for s in sources:
        if not seen[s]:
            seen[s] = 1
            stack.append(s)
    while stack:
        for v in adj[stack.pop()]:
            if not seen[v]:
                seen[v] = 1
                stack.append(v)
    return seen


def tarjan(
    succ: list[list[int]], mask: bytearray | None = None, roots: Iterable[int] | None = None
) -> list[list[int]]:
    """Strongly connected components, sinks first (reverse topological order).

    Only nodes with ``mask[v]`` set take part (all nodes when mask is None);
    ``roots`` (default: every node) are where searches start.
    """
    n = len(succ)
    index = [-1] * n
    low = [0] * n
    on_stack = bytearray(n)
    stack: list[int] = []
    out: list[list[int]] = []
    counter = 0
    for root in range(n) if roots is None else roots:
        if index[root] >= 0 or (mask is not None and not mask[root]):
            continue
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack[root] = 1
        work = [(root, iter(succ[root]))]
        while work:
            v, it = work[-1]
            pushed = False
            for w in it:
                if mask is not None and not mask[w]:
                    continue
                if index[w] < 0:
                    index[w] = low[w] = counter
                    counter += 1
                    stack.append(w)
                    on_stack[w] = 1
                    work.append((w, iter(succ[w])))
                    pushed = True
                    break
                if on_stack[w] and index[w] < low[v]:
                    low[v] = index[w]
            if pushed:
                continue
            work.pop()
            if work:
                u = work[-1][0]
                if low[v] < low[u]:
                    low[u] = low[v]
            if low[v] == index[v]:
                comp = []
                while True:
                    w = stack.pop()
                    on_stack[w] = 0
                    comp.append(w)
                    if w == v:
                        break
                out.append(comp)
    return out


@dataclass(slots=True)
class Reach:
    """Who is reachable from the start, who reaches an ending, and the predecessors."""

    fw: bytearray
    preds: list[list[int]]
    co: bytearray


def reachability(succ: list[list[int]], start: int | None, ending: list[bool]) -> Reach:
    fw = reach(succ, (start,)) if start is not None else bytearray(len(succ))
    preds = predecessors(succ)
    return Reach(fw, preds, reach(preds, [i for i, e in enumerate(ending) if e]))


def is_cycle(comp: list[int], succ: list[list[int]]) -> bool:
    """A component is a cycle if it has several scenes or a self-loop."""
    return len(comp) > 1 or comp[0] in succ[comp[0]]
