"""The plain per-scene lists that ``stats_dp`` works on (filled by ``scan``).

Every scene gets a *value vector* layout of ``D = 2 + 2W`` numbers: ``W``
is one entry per goal, plus the all-goals total when there are several goals
(with one goal, that goal's entry is the total; with none, ``W = 0``)::

    (time min, -time max, deposits min (W), -deposits max (W))

Maxima are stored negated so that one componentwise minimum serves every
quantity.  ``nw[u]`` is what leaving scene ``u`` by an option adds (its
playing time and, for the maxima, its accepted prompts); ``extra[u][k]`` is
what option ``k`` of scene ``u`` adds on top (its deposit), or None.  The
sparse data (``extra``, ``kept``, ``final``) is keyed by scene index.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

INF = float("inf")
Vec = tuple[float, ...]


@dataclass
class Net:
    """Per-scene data for the statistics (index = scene position)."""

    ids: list[str] = field(default_factory=list)
    ending: list[bool] = field(default_factory=list)
    length: list[int] = field(default_factory=list)  # whole trim, ms
    nw: list[Vec] = field(default_factory=list)  # added when leaving by any option
    succ: list[list[int]] = field(default_factory=list)
    extra: dict[int, list[Vec | None]] = field(default_factory=dict)  # option deposits
    final: dict[int, Vec] = field(default_factory=dict)  # accepted prompts of an ending (W)
    kept: dict[int, list[str]] = field(default_factory=dict)  # targets, if some never show
    scenes: Sequence[Any] = ()  # the project's scenes (for products along a path)
    goals: list[str] = field(default_factory=list)
    caps: list[int | None] = field(default_factory=list)
    start: int | None = None
    width: int = field(init=False)
    dims: int = field(init=False)
    interned: dict[tuple[int, int, Vec | None], Vec] = field(default_factory=dict)
    deposits: dict[tuple[str, int], Vec | None] = field(default_factory=dict)

    @cached_property
    def gix(self) -> dict[str, int]:
        return {g: k for k, g in enumerate(self.goals)}

    def deposit_vector(self, goal: str, amount: int) -> Vec | None:
        """The (shared) vector an option deposit adds; None if it adds nothing."""
        key = (goal, amount)
        if key not in self.deposits:
            gix = self.gix
            if amount <= 0 or goal not in gix:
                self.deposits[key] = None
            else:
                dep = [0] * self.width
                dep[gix[goal]] = dep[-1] = amount  # (the same entry for a single goal)
                self.deposits[key] = (0, 0, *dep, *(-a for a in dep))
        return self.deposits[key]

    def __post_init__(self) -> None:
        self.width = len(self.goals) + (len(self.goals) > 1)  # W (see the module docstring)
        self.dims = 2 + 2 * self.width  # D

    def node_weight(self, fast: int, slow: int, accepted: Vec | None) -> Vec:
        """The (shared) vector added when leaving a scene by an option."""
        key = (fast, slow, accepted)
        found = self.interned.get(key)
        if found is None:
            zeros = (0,) * self.width
            found = self.interned[key] = (fast, -slow, *zeros,
                                          *(-a for a in accepted or zeros))
        return found


def option_deposits(options: Sequence[Any], truths: list[bool | None] | None, net: Net
                    ) -> list[Vec | None] | None:
    """Deposit vectors of the options kept by the statistics (see ``net``)."""
    table, make = net.deposits, net.deposit_vector
    out: list[Vec | None] = [
        None if (d := o.deposit) is None else table.get((d.goal, d.amount)) or make(d.goal, d.amount)
        for o in options
    ]
    if truths is not None:
        out = [x for x, t in zip(out, truths, strict=True) if t is not False]
    return None if out.count(None) == len(out) else out


def accepted(prompts: list[Any], end: int | None, gix: dict[str, int], width: int) -> Vec | None:
    """Amounts of the prompts shown before the scene is left (``end``), per goal and in all."""
    vec = [0] * width
    total = width > len(gix)  # a separate all-goals entry
    for p in prompts:
        k = gix.get(p.goal)
        if k is not None and p.amount > 0 and (end is None or p.at_ms <= end):
            vec[k] += p.amount
            if total:
                vec[-1] += p.amount
    return tuple(vec) if any(vec) else None
