"""The dynamic programme behind ``studio.graph.stats`` (definitions are there).

``run`` restricts the graph to *useful* scenes (reachable from the start and
able to reach an ending), orders their strongly connected components
topologically and pulls, for every scene, from its predecessors:

- ``count``: the number of paths (exact ints; loops are flagged afterwards);
- ``val``: the value vector on arrival (layout in ``net``): one
  componentwise minimum over ``ex[u] (+ deposit of the edge)`` of the
  predecessors ``u``, where ``ex[u] = val[u] + nw[u]`` is the value on leaving.

Scenes with several predecessors or a deposit edge in do not store their
value on arrival (``val[v]`` is None): ``Dp.value`` gives it, exactly, as
``ex[v] - nw[v]``.  Vectors all have ``net.dims`` entries, so the hot loops
zip them unchecked.

Inside a loop (a component with several scenes or a self-loop) each
dimension is settled on its own: a negative weight (a positive gain of a
negated maximum) inside the loop makes it ``-INF`` (unbounded); all-zero
weights give every scene the best value entering the loop; otherwise
Dijkstra from the entering values (weights are then never negative).
"""

from __future__ import annotations

import heapq
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import compress
from operator import add, sub

from studio.graph.index import Reach, reach, reachability, tarjan
from studio.graph.net import INF, Net, Vec


def _vmin(vecs: list[Vec]) -> Vec:
    return vecs[0] if len(vecs) == 1 else tuple(map(min, *vecs))


class Graph:
    """Predecessors of every scene, with deposit edges kept apart.

    Predecessors that are not useful are unreachable from the start (a
    reachable predecessor of a useful scene is useful), so they hold neutral
    values (0 paths, +INF) and need no filtering.
    """

    def __init__(self, net: Net, preds: list[list[int]]) -> None:
        self.pu = preds  # every edge
        self.heavy: dict[int, list[tuple[int, Vec]]] = {}  # deposit edges into a scene
        self.plain: dict[int, list[int]] = {}  # the other edges, for heavy scenes only
        heavy = self.heavy
        for u, xs in net.extra.items():
            for v, x in zip(net.succ[u], xs, strict=True):
                if x is not None:
                    heavy.setdefault(v, []).append((u, x))
        for v, edges in heavy.items():
            rest = list(preds[v])
            for u, _ in edges:
                rest.remove(u)
            self.plain[v] = rest

    def edges(self, v: int) -> list[tuple[int, Vec | None]]:
        """Every edge into ``v`` with its deposit vector (None: no deposit)."""
        if v not in self.heavy:
            return [(u, None) for u in self.pu[v]]
        return [(u, None) for u in self.plain[v]] + list(self.heavy[v])


@dataclass
class Dp:
    """Values per scene (meaningful for useful scenes only)."""

    useful: bytearray
    reachable: int
    count: list[int]
    val: list[Vec | None]  # None: see ``value``
    ex: list[Vec]
    nw: list[Vec]
    cyclic: bytearray  # inside a loop of useful scenes
    count_unbounded: bytearray
    unbounded_paths: bool = False
    graph: Graph | None = None

    def value(self, v: int) -> Vec:
        """The value vector on arrival at ``v`` (``ex[v] - nw[v]``, exact, when not stored)."""
        here = self.val[v]
        return tuple(map(sub, self.ex[v], self.nw[v])) if here is None else here


def run(net: Net, r: Reach | None = None) -> Dp:
    """Run the dynamic programme (``r``: reachability of ``net.succ`` if known)."""
    n = len(net.ids)
    r = r if r is not None else reachability(net.succ, net.start, net.ending)
    fw, preds, co = r.fw, r.preds, r.co
    useful = bytearray((int.from_bytes(fw, "little") & int.from_bytes(co, "little"))
                       .to_bytes(n, "little")) if n else bytearray()
    none: Vec = (INF,) * net.dims
    dp = Dp(useful, fw.count(1), [0] * n, [none] * n, [none] * n, net.nw, bytearray(n),
            bytearray(n))
    if net.start is None or not useful[net.start]:
        return dp
    g = dp.graph = Graph(net, preds)
    _pull(net, dp, g, *schedule(net.succ, useful))
    if any(dp.cyclic):
        dp.count_unbounded = reach(net.succ, compress(range(n), dp.cyclic))
        dp.unbounded_paths = any(
            dp.count_unbounded[i] for i in range(n) if net.ending[i] and useful[i])
    return dp


def schedule(succ: list[list[int]], useful: bytearray) -> tuple[list[int], list[list[int]]]:
    """A topological order of the useful scenes' components: ``(order, loops)``.

    ``order`` lists a scene, or ``-1-k`` for the loop ``loops[k]``.  Scene
    order is topological but for *back edges* (to an earlier scene or itself);
    a cycle's scenes lie within the merged spans ``[target, source]`` of its
    back edges, and no edge enters or leaves such a block backwards, so only
    the blocks need Tarjan's algorithm.
    """
    spans: list[tuple[int, int]] = []
    for u, row in enumerate(succ):
        if row and min(row) <= u and useful[u]:
            low = min([v for v in row if v <= u and useful[v]], default=-1)
            if low >= 0:
                spans.append((low, u))
    order: list[int] = []
    loops: list[list[int]] = []
    if not spans:
        order.extend(compress(range(len(succ)), useful))
        return order, loops
    spans.sort()
    blocks: list[list[int]] = []
    for a, b in spans:
        if blocks and a <= blocks[-1][1]:
            if b > blocks[-1][1]:
                blocks[-1][1] = b
        else:
            blocks.append([a, b])
    mask = bytearray(len(succ))
    inner: list[int] = []
    for a, b in blocks:
        mask[a:b + 1] = useful[a:b + 1]
        inner.extend(compress(range(a, b + 1), useful[a:b + 1]))
    comps = tarjan(succ, mask, inner)
    comps.reverse()
    by_block: dict[int, list[list[int]]] = {a: [] for a, _ in blocks}
    starts = [a for a, _ in blocks]
    for c in comps:
        by_block[starts[bisect_right(starts, c[0]) - 1]].append(c)
    done = 0
    for a, b in blocks:
        order.extend(compress(range(done, a), useful[done:a]))
        for c in by_block[a]:
            if len(c) > 1 or c[0] in succ[c[0]]:
                loops.append(c)
                order.append(-len(loops))
            else:
                order.append(c[0])
        done = b + 1
    order.extend(compress(range(done, len(succ)), useful[done:]))
    return order, loops


def _pull(net: Net, dp: Dp, g: Graph, order: list[int], loops: list[list[int]]) -> None:
    count, val, ex, nw = dp.count, dp.val, dp.ex, net.nw
    cget, xget = count.__getitem__, ex.__getitem__
    pu, heavy, plain = g.pu, g.heavy, g.plain
    special = set(heavy)
    if net.start is not None:
        special.add(net.start)
    zero: Vec = (0,) * net.dims
    _tuple, _map, _min, _sum, _add = tuple, map, min, sum, add
    for v in order:
        if v < 0:
            _loop(net, dp, g, loops[-1 - v])
            continue
        ps = pu[v]
        if v in special:
            if v == net.start:
                count[v] = 1
                here = zero
            else:
                count[v] = _sum(_map(cget, ps))
                cands = [ex[u] for u in plain[v]]
                for u, x in heavy[v]:
                    cands.append(_tuple(_map(_add, ex[u], x)))
                val[v] = None
                ex[v] = _leave(cands, nw[v])
                continue
        elif len(ps) == 1:
            u = ps[0]
            count[v] = count[u]
            here = ex[u]
        elif len(ps) == 2:  # the value on arrival is left to ``Dp.value``
            a, b = ps
            count[v] = count[a] + count[b]
            val[v] = None
            ex[v] = _tuple([(x if x < y else y) + z
                            for x, y, z in zip(ex[a], ex[b], nw[v], strict=False)])
            continue
        else:
            count[v] = _sum(_map(cget, ps))
            val[v] = None
            ex[v] = _leave(list(_map(xget, ps)), nw[v])
            continue
        val[v] = here
        ex[v] = _tuple(_map(_add, here, nw[v]))


def _leave(cands: list[Vec], weight: Vec) -> Vec:
    """``min(cands) + weight``, componentwise (the value on leaving a scene)."""
    if len(cands) == 1:
        return tuple(map(add, cands[0], weight))
    if len(cands) > 3:
        return tuple(map(add, map(min, *cands), weight))
    low: Sequence[float] = cands[0]
    if len(cands) == 3:
        low = [x if x < y else y for x, y in zip(low, cands[1], strict=False)]
    return tuple([(x if x < y else y) + z for x, y, z in zip(low, cands[-1], weight, strict=False)])


def _dijkstra(best: list[float], adj: list[list[tuple[int, Vec]]], d: int) -> list[float]:
    """Shortest distances in dimension ``d`` from the entering values ``best`` (updated)."""
    heap = [(x, j) for j, x in enumerate(best) if x < INF]
    heapq.heapify(heap)
    pop, push = heapq.heappop, heapq.heappush
    while heap:
        x, u = pop(heap)
        if x > best[u]:
            continue
        for v, w in adj[u]:
            y = x + w[d]
            if y < best[v]:
                best[v] = y
                push(heap, (y, v))
    return best


def _loop(net: Net, dp: Dp, g: Graph, comp: list[int]) -> None:
    local = {v: j for j, v in enumerate(comp)}
    nw, ex, dims, size = net.nw, dp.ex, net.dims, len(comp)
    entry: list[Vec] = []
    adj: list[list[tuple[int, Vec]]] = [[] for _ in comp]  # inner edges by local index
    weights: list[Vec] = []
    for j, v in enumerate(comp):
        dp.cyclic[v] = 1
        dp.count[v] = 0  # paths through a loop are unbounded: flagged after the pass
        seeds: list[Vec] = [(0,) * dims] if v == net.start else []
        for u, x in g.edges(v):
            k = local.get(u)
            if k is not None:
                w = nw[u] if x is None else tuple(map(add, nw[u], x))
                adj[k].append((j, w))
                weights.append(w)
            else:
                seeds.append(ex[u] if x is None else tuple(map(add, ex[u], x)))
        entry.append(_vmin(seeds) if seeds else (INF,) * dims)
    low = _vmin(weights)
    high = weights[0] if len(weights) == 1 else tuple(map(max, *weights))
    columns = list(zip(*entry, strict=True))
    out: list[list[float]] = []
    for d in range(dims):
        if low[d] < 0:
            out.append([-INF] * size)
        elif high[d] > 0:
            out.append(_dijkstra(list(columns[d]), adj, d))
        else:
            out.append([min(columns[d])] * size)
    for v, here in zip(comp, zip(*out, strict=True), strict=True):
        dp.val[v] = here
        ex[v] = tuple(map(add, here, nw[v]))


def tight_path(net: Net, dp: Dp, d: int, end: int) -> list[int]:
    """Scenes of a start-to-``end`` path achieving dimension ``d`` of ``dp.val[end]``.

    Walks back along edges where the value is exactly achieved (any edge
    into an unbounded value) until the start is found; breadth first, so the
    path is simple.
    """
    g = dp.graph
    assert g is not None
    value, ex, useful = dp.value, dp.ex, dp.useful
    start = net.start
    nxt: dict[int, int] = {end: end}
    queue = [end]
    for v in queue:
        if v == start:
            break
        target = value(v)[d]
        for u, x in g.edges(v):
            if u in nxt or not useful[u]:
                continue
            if target == -INF or ex[u][d] + (x[d] if x else 0) == target:
                nxt[u] = v
                queue.append(u)
    path = [start] if start is not None and start in nxt else []
    while path and path[-1] != end:
        path.append(nxt[path[-1]])
    return path
