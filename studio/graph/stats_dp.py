"""The dynamic programme behind ``studio.graph.stats`` (definitions are there).

``run`` restricts the graph to *useful* scenes (reachable from the start and
able to reach an ending), orders their strongly connected components
topologically and pulls, for every scene, from its predecessors:

- ``count``: the number of paths (exact ints; loops are flagged afterwards);
- ``val``: the value vector on arrival (layout in ``stats_scan``): one
  componentwise minimum over ``ex[u] (+ deposit of the edge)`` of the
  predecessors ``u``, where ``ex[u] = val[u] + nw[u]`` is the value on leaving.

Inside a loop (a component with several scenes or a self-loop) each
dimension is settled on its own: a negative weight (a positive gain of a
negated maximum) inside the loop makes it ``-INF`` (unbounded); all-zero
weights give every scene the best value entering the loop; otherwise
Dijkstra from the entering values (weights are then never negative).
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass
from itertools import compress
from operator import add

from studio.graph.index import Reach, reach, reachability, tarjan
from studio.graph.net import INF, Net, Vec


def _vmin(vecs: list[Vec]) -> Vec:
    return vecs[0] if len(vecs) == 1 else tuple(map(min, *vecs))


def _vadd(a: Vec, b: Vec | None) -> Vec:
    return a if b is None else tuple(map(add, a, b))


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
    val: list[Vec]
    ex: list[Vec]
    cyclic: bytearray  # inside a loop of useful scenes
    count_unbounded: bytearray
    unbounded_paths: bool = False
    graph: Graph | None = None


def run(net: Net, r: Reach | None = None) -> Dp:
    """Run the dynamic programme (``r``: reachability of ``net.succ`` if known)."""
    n = len(net.ids)
    r = r if r is not None else reachability(net.succ, net.start, net.ending)
    fw, preds, co = r.fw, r.preds, r.co
    useful = bytearray((int.from_bytes(fw, "little") & int.from_bytes(co, "little"))
                       .to_bytes(n, "little")) if n else bytearray()
    none: Vec = (INF,) * net.dims
    dp = Dp(useful, fw.count(1), [0] * n, [none] * n, [none] * n, bytearray(n), bytearray(n))
    if net.start is None or not useful[net.start]:
        return dp
    g = dp.graph = Graph(net, preds)
    comps = tarjan(net.succ, useful)
    comps.reverse()
    _pull(net, dp, g, comps)
    if any(dp.cyclic):
        dp.count_unbounded = reach(net.succ, compress(range(n), dp.cyclic))
        dp.unbounded_paths = any(
            dp.count_unbounded[i] for i in range(n) if net.ending[i] and useful[i])
    return dp


def _pull(net: Net, dp: Dp, g: Graph, comps: list[list[int]]) -> None:
    count, val, ex, nw = dp.count, dp.val, dp.ex, net.nw
    cget, xget = count.__getitem__, ex.__getitem__
    pu, heavy, succ = g.pu, g.heavy, net.succ
    loops = [c for c in comps if len(c) > 1 or c[0] in succ[c[0]]]
    marks = {id(c): -1 - k for k, c in enumerate(loops)}
    order = [marks.get(id(c), c[0]) for c in comps]  # a scene, or -1-k for loops[k]
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
                here = _vmin([ex[u] for u in g.plain[v]] + [_vadd(ex[u], x) for u, x in heavy[v]])
        elif len(ps) == 1:
            u = ps[0]
            count[v] = count[u]
            here = ex[u]
        else:
            count[v] = _sum(_map(cget, ps))
            here = _tuple(_map(_min, *_map(xget, ps)))
        val[v] = here
        ex[v] = _tuple(_map(_add, here, nw[v]))


def _dijkstra(entry: dict[int, float], inner: list[tuple[int, int, float]]) -> dict[int, float]:
    adj: dict[int, list[tuple[int, float]]] = {}
    for u, v, w in inner:
        adj.setdefault(u, []).append((v, w))
    best = dict(entry)
    heap = [(d, v) for v, d in entry.items() if d < INF]
    heapq.heapify(heap)
    while heap:
        d, u = heapq.heappop(heap)
        if d > best[u]:
            continue
        for v, w in adj.get(u, ()):
            if d + w < best[v]:
                best[v] = d + w
                heapq.heappush(heap, (d + w, v))
    return best


def _loop(net: Net, dp: Dp, g: Graph, comp: list[int]) -> None:
    inside = set(comp)
    entry: dict[int, Vec] = {}
    inner: list[tuple[int, int, Vec]] = []
    for v in comp:
        dp.cyclic[v] = 1
        dp.count[v] = 0  # paths through a loop are unbounded: flagged after the pass
        seeds: list[Vec] = [(0,) * net.dims] if v == net.start else []
        for u, x in g.edges(v):
            if u in inside:
                inner.append((u, v, _vadd(net.nw[u], x)))
            else:
                seeds.append(_vadd(dp.ex[u], x))
        entry[v] = _vmin(seeds) if seeds else (INF,) * net.dims
    dims: list[dict[int, float]] = []
    nodes = list(entry)
    columns = list(zip(*entry.values(), strict=True))
    weights = list(zip(*[w for _, _, w in inner], strict=True))
    for d in range(net.dims):
        column = weights[d]
        if min(column) < 0:
            dims.append(dict.fromkeys(nodes, -INF))
        elif max(column) > 0:
            pairs = [(u, v) for u, v, _ in inner]
            dims.append(_dijkstra(dict(zip(nodes, columns[d], strict=True)),
                                  [(u, v, w) for (u, v), w in zip(pairs, column, strict=True)]))
        else:
            dims.append(dict.fromkeys(nodes, min(columns[d])))
    for v in comp:
        dp.val[v] = tuple([values[v] for values in dims])
        dp.ex[v] = tuple(map(add, dp.val[v], net.nw[v]))


def tight_path(net: Net, dp: Dp, d: int, end: int) -> list[int]:
    """Scenes of a start-to-``end`` path achieving dimension ``d`` of ``dp.val[end]``.

    Walks back along edges where the value is exactly achieved (any edge
    into an unbounded value) until the start is found; breadth first, so the
    path is simple.
    """
    g = dp.graph
    assert g is not None
    val, ex, useful = dp.val, dp.ex, dp.useful
    start = net.start
    nxt: dict[int, int] = {end: end}
    queue = [end]
    for v in queue:
        if v == start:
            break
        target = val[v][d]
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
