"""The dynamic programme behind ``studio.graph.stats`` (definitions are there).

``run`` restricts the graph to *useful* scenes (reachable from the start and
able to reach an ending), orders their strongly connected components
topologically and pulls, for every scene, from its predecessors:

- ``count``: the number of paths (exact ints; loops are flagged afterwards);
- the value vector on arrival (layout in ``net``): one componentwise minimum
  over ``ex[u] (+ deposit of the edge)`` of the predecessors ``u``, where
  ``ex[u]`` (stored) is the value on leaving ``u``: its value on arrival plus
  its weight ``nw[u]``.

Vectors are packed into one int each (``studio.graph.packed``): adding a
weight is one big-int addition and the componentwise minimum a few more.

Inside a loop (a component with several scenes or a self-loop) each
dimension is settled on its own: a negative weight (a positive gain of a
negated maximum) inside the loop makes it ``-INF`` (unbounded); all-zero
weights give every scene the best value entering the loop; otherwise
Dijkstra from the entering values (weights are then never negative).
"""

from __future__ import annotations

import functools
from bisect import bisect_right
from collections import deque
from dataclasses import dataclass
from itertools import compress

from studio.graph.index import Reach, reach, reachability, tarjan
from studio.graph.net import INF, Net, Vec
from studio.graph.packed import Packing


def packing_for(net: Net) -> Packing:
    """A packing wide enough for every value the programme can reach on ``net``.

    Every value is a sum of scene weights and deposits along a path without a
    repeated scene (longer walks only arise through loops, settled apart), so
    ``n * (largest weight + largest deposit)`` bounds them all.
    """
    weights = [abs(x) for t in net.interned.values() for x in t]
    deposits = [abs(x) for t in net.deposits.values() if t is not None for x in t]
    largest = int(max(weights, default=0) + max(deposits, default=0))
    return Packing(net.dims, len(net.ids) * largest + 1)


class Graph:
    """Predecessors of every scene, with deposit edges kept apart.

    Predecessors that are not useful are unreachable from the start (a
    reachable predecessor of a useful scene is useful), so they hold neutral
    values (0 paths, +INF) and need no filtering.
    """

    def __init__(self, net: Net, preds: list[list[int]], pk: Packing) -> None:
        self.pu = preds  # every edge
        self.packed: dict[int, list[tuple[int, int]]] = {}  # deposit edges into a scene
        self.plain: dict[int, list[int]] = {}  # the other edges, for those scenes only
        packed = self.packed
        memo: dict[int, int] = {}
        succ = net.succ
        for u, xs in net.extra.items():
            for v, x in zip(succ[u], xs, strict=True):
                if x is not None:
                    px = memo.get(id(x))
                    if px is None:
                        px = memo[id(x)] = pk.weight(x)
                    if v in packed:
                        packed[v].append((u, px))
                    else:
                        packed[v] = [(u, px)]
        for v, edges in packed.items():
            if len(preds[v]) > len(edges):  # the predecessors less one entry per deposit edge
                drop: dict[int, int] = {}
                for u, _ in edges:
                    drop[u] = drop.get(u, 0) + 1
                rest = []
                for u in preds[v]:
                    if drop.get(u):
                        drop[u] -= 1
                    else:
                        rest.append(u)
                self.plain[v] = rest
            else:
                self.plain[v] = []

    def packed_edges(self, v: int) -> list[tuple[int, int]]:
        """Every edge into ``v`` with its deposit, packed as a weight (0: none)."""
        if v not in self.packed:
            return [(u, 0) for u in self.pu[v]]
        return [(u, 0) for u in self.plain[v]] + self.packed[v]


@dataclass
class Dp:
    """Values per scene (meaningful for useful scenes only), packed (``packed.Packing``)."""

    pk: Packing
    useful: bytearray
    reachable: int
    count: list[int]
    ex: list[int]  # value vector on leaving: on arrival + nw
    nw: list[int]  # net.nw, packed
    cyclic: bytearray  # inside a loop of useful scenes
    count_unbounded: bytearray
    unbounded_paths: bool = False
    graph: Graph | None = None

    def value(self, v: int) -> Vec:
        """The value vector on arrival at ``v``."""
        return self.pk.unpack(self.ex[v] - self.nw[v])

    def entry(self, v: int, d: int) -> float:
        """Entry ``d`` of the value on arrival at ``v``."""
        return self.pk.entry(self.ex[v] - self.nw[v], d)


def run(net: Net, r: Reach | None = None) -> Dp:
    """Run the dynamic programme (``r``: reachability of ``net.succ`` if known)."""
    n = len(net.ids)
    r = r if r is not None else reachability(net.succ, net.start, net.ending)
    fw, preds, co = r.fw, r.preds, r.co
    useful = bytearray((int.from_bytes(fw, "little") & int.from_bytes(co, "little"))
                       .to_bytes(n, "little")) if n else bytearray()
    pk = packing_for(net)
    none = pk.value((INF,) * net.dims)
    dp = Dp(pk, useful, fw.count(1), [0] * n, [none] * n, [], bytearray(n),
            bytearray(n))
    if net.start is None or not useful[net.start]:
        return dp
    known = {id(t): pk.weight(t) for t in net.interned.values()}
    try:
        dp.nw = list(map(known.__getitem__, map(id, net.nw)))
    except KeyError:  # a weight not made by ``Net.node_weight``
        dp.nw = [pk.weight(t) for t in net.nw]
    g = dp.graph = Graph(net, preds, pk)
    order, loops = schedule(net.succ, useful)
    _pull(net, dp, g, order, loops, releases(net, order, loops))
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


def releases(net: Net, order: list[int], loops: list[list[int]]) -> list[tuple[int, int]]:
    """``(position, scene)``, sorted: after ``order[position]`` nothing reads that scene's count.

    Path counts grow exponentially with branching (a chain of n scenes with two options each
    has 2**n paths): holding every scene's count to the end would take O(n**2) bits, 650 MB
    for 100,000 scenes.  Only the endings' counts are read afterwards; the others are dropped
    once their last successor has pulled them, so the live counts stay a few.
    """
    at = [-1] * len(net.ids)  # position in ``order`` (a loop's scenes share the loop's)
    for p, v in enumerate(order):
        if v >= 0:
            at[v] = p
        else:
            for w in loops[-1 - v]:
                at[w] = p
    out: list[tuple[int, int]] = []
    get, succ, ending = at.__getitem__, net.succ, net.ending
    for u, p in enumerate(at):
        if p >= 0 and not ending[u]:
            row = succ[u]
            out.append((max(p, *map(get, row)) if row else p, u))
    out.sort()
    return out


def _pull(
    net: Net, dp: Dp, g: Graph, order: list[int], loops: list[list[int]],
    free: list[tuple[int, int]] | None = None,
) -> None:
    """Counts and values in ``order``; ``free`` (``releases``): counts to drop on the way."""
    free = [*(free or ()), (len(order), -1)]  # (the sentinel is never passed)
    k, due = 0, free[0][0]
    count, ex, nw = dp.count, dp.ex, dp.nw
    cget, xget = count.__getitem__, ex.__getitem__
    pu, heavy, plain = g.pu, g.packed, g.plain
    guard, shift = dp.pk.guard, dp.pk.shift
    start = net.start
    zero = dp.pk.biases
    _sum, _map = sum, map
    for p, v in enumerate(order):
        if due < p:  # counts no longer read by any scene still to come
            while free[k][0] < p:
                count[free[k][1]] = 0
                k += 1
            due = free[k][0]
        if v < 0:
            _loop(net, dp, g, loops[-1 - v])
            continue
        ps = pu[v]
        if v == start:  # outside a loop: no useful predecessor
            count[v] = 1
            low = zero
        elif v not in heavy and len(ps) < 3:
            if len(ps) == 1:
                u = ps[0]
                count[v] = count[u]
                low = ex[u]
            else:
                a, b = ps
                count[v] = count[a] + count[b]
                low, hi = ex[a], ex[b]
                m = ((low | guard) - hi) & guard  # inline ``Packing.vmin`` (the hot loop)
                low ^= (low ^ hi) & (m - (m >> shift))
        else:
            count[v] = _sum(_map(cget, ps))
            if v in heavy:
                cands = [ex[u] for u in plain[v]]
                cands += [ex[u] + x for u, x in heavy[v]]
            else:
                cands = list(_map(xget, ps))
            low = cands[0]
            for b in cands[1:]:  # componentwise minimum (see ``Packing.vmin``)
                m = ((low | guard) - b) & guard
                low ^= (low ^ b) & (m - (m >> shift))
        ex[v] = low + nw[v]


def _loop(net: Net, dp: Dp, g: Graph, comp: list[int]) -> None:
    """Settle the scenes of one loop (see the module docstring), all dimensions at once.

    Dimensions with a negative weight inside the loop become ``-INF`` (entering
    values forced to it, weights zeroed there); every other weight is then
    non-negative, so relaxing packed vectors from the entering values until
    nothing improves gives, per dimension, the shortest distance (all-zero
    dimensions: the best entering value).
    """
    local = {v: j for j, v in enumerate(comp)}
    pk, pnw, ex = dp.pk, dp.nw, dp.ex
    guard, shift, biases, vmin = pk.guard, pk.shift, pk.biases, pk.vmin
    size = len(comp)
    adj: list[list[tuple[int, int]]] = [[] for _ in comp]  # inner edges by local index
    best: list[int] = []
    seeded: list[int] = []
    low_w = pk.value((INF,) * pk.dims)  # smallest inner weight per dimension (biased)
    for j, v in enumerate(comp):
        dp.cyclic[v] = 1
        dp.count[v] = 0  # paths through a loop are unbounded: flagged after the pass
        seeds = [biases] if v == net.start else []
        for u, x in g.packed_edges(v):
            k = local.get(u)
            if k is not None:
                w = pnw[u] + x
                adj[k].append((j, w))
                low_w = vmin(low_w, w + biases)
            else:
                seeds.append(ex[u] + x)
        if not seeds:
            best.append(ex[v])  # +INF until settled
            continue
        seeded.append(j)
        best.append(functools.reduce(vmin, seeds))
    negative = [d for d, w in enumerate(pk.unpack(low_w)) if w < 0]
    if negative:
        keep, zero = ~pk.fields(negative), pk.fields(negative, pk.bias)
        force = pk.fields(negative, pk.bias - pk.inf)  # -INF
        adj = [[(k, (((w + biases) & keep) | zero) - biases) for k, w in row] for row in adj]
        best = [(b & keep) | force for b in best]
    queue = deque(seeded)
    queued = bytearray(size)
    for j in queue:
        queued[j] = 1
    while queue:
        j = queue.popleft()
        queued[j] = 0
        here = best[j]
        for k, w in adj[j]:
            old, b = best[k], here + w  # inline ``Packing.vmin`` (the hot loop)
            m = ((old | guard) - b) & guard
            new = old ^ ((old ^ b) & (m - (m >> shift)))
            if new != old:
                best[k] = new
                if not queued[k]:
                    queued[k] = 1
                    queue.append(k)
    for v, here in zip(comp, best, strict=True):
        ex[v] = here + pnw[v]


def tight_path(net: Net, dp: Dp, d: int, end: int) -> list[int]:
    """Scenes of a start-to-``end`` path achieving dimension ``d`` of ``dp.value(end)``.

    Walks back along edges where the value is exactly achieved (any edge
    into an unbounded value) until the start is found; breadth first, so the
    path is simple.
    """
    g = dp.graph
    assert g is not None
    entry, pk, ex, useful = dp.entry, dp.pk, dp.ex, dp.useful
    start = net.start
    nxt: dict[int, int] = {end: end}
    queue = [end]
    for v in queue:
        if v == start:
            break
        target = entry(v, d)
        for u, x in g.packed_edges(v):
            if u in nxt or not useful[u]:
                continue
            if target == -INF or pk.entry(ex[u] + x, d) == target:
                nxt[u] = v
                queue.append(u)
    path = [start] if start is not None and start in nxt else []
    while path and path[-1] != end:
        path.append(nxt[path[-1]])
    return path
