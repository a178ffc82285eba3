"""Value vectors packed into one Python int, for the statistics' dynamic programme.

A vector ``(x_0, ..., x_{D-1})`` is stored as ``sum((x_i + bias) << (F * i))``:
one field of ``F`` bits per dimension, each holding ``x_i + bias`` below
``2 ** (F - 1)`` so that the top bit of every field is free as a guard.
Then, on whole ints:

- adding a *weight* (packed without bias, negative entries included: the
  packing is linear) adds componentwise, with no carry between fields;
- ``vmin`` takes the componentwise minimum with a handful of big-int
  operations (compare every field at once through the guard bits).

That is several times faster than tuples of ints for the 8-number vectors
of a drama with two goals.  ``F`` is chosen from a bound on every value the
programme can hold (``bound``), so nothing can overflow into the next
field.  ``+INF``/``-INF`` are stored as ``+-2 ** (F - 3)``; any field beyond
``+-2 ** (F - 4)`` decodes as infinite (finite values stay below the bound,
and adding weights to an infinite value keeps it far above that line).
"""

from __future__ import annotations

import struct
from collections.abc import Iterable

INF = float("inf")
Number = int | float


class Packing:
    """The field layout for vectors of ``dims`` numbers of magnitude at most ``bound``."""

    def __init__(self, dims: int, bound: int) -> None:
        self.dims = dims
        need = abs(bound).bit_length() + 5
        f = self.field = 64 if need <= 64 else need  # 64: fields are machine words (struct)
        self._words = struct.Struct(f"<{dims}Q") if f == 64 else None
        self.bias = 1 << (f - 2)
        self.inf = 1 << (f - 3)
        self.cut = 1 << (f - 4)
        self.mask = (1 << f) - 1
        self.shift = f - 1  # guard bit -> lowest bit of its field
        self.guard = sum(1 << (f * i + f - 1) for i in range(dims))
        self.biases = sum(self.bias << (f * i) for i in range(dims))

    def weight(self, vec: Iterable[Number]) -> int:
        """A vector to add (no bias); entries must be finite ints."""
        f = self.field
        return sum(int(x) << (f * i) for i, x in enumerate(vec))

    def value(self, vec: Iterable[Number]) -> int:
        """A value vector (biased); ``INF``/``-INF`` entries allowed."""
        inf, bias = self.inf, self.bias
        fields = [bias + (inf if x == INF else -inf if x == -INF else int(x)) for x in vec]
        if self._words is not None:
            return int.from_bytes(self._words.pack(*fields), "little")
        f = self.field
        return sum(x << (f * i) for i, x in enumerate(fields))

    def entry(self, packed: int, d: int) -> Number:
        """Entry ``d`` of a packed value (``INF``/``-INF`` when infinite)."""
        x = ((packed >> (self.field * d)) & self.mask) - self.bias
        if x >= self.cut:
            return INF
        if x <= -self.cut:
            return -INF
        return x

    def unpack(self, packed: int) -> tuple[Number, ...]:
        """All entries of a packed value."""
        if self._words is None:
            return tuple(self.entry(packed, d) for d in range(self.dims))
        bias, cut = self.bias, self.cut
        out = [x - bias for x in self._words.unpack(packed.to_bytes(8 * self.dims, "little"))]
        if max(out) < cut and min(out) > -cut:
            return tuple(out)
        return tuple([INF if x >= cut else -INF if x <= -cut else x for x in out])

    def fields(self, dims: Iterable[int], value: int | None = None) -> int:
        """``value`` (default: all ones) in the fields of ``dims``, zero elsewhere."""
        x, f = self.mask if value is None else value, self.field
        return sum(x << (f * d) for d in dims)

    def vmin(self, a: int, b: int) -> int:
        """Componentwise minimum of two packed values."""
        g = ((a | self.guard) - b) & self.guard  # guard set where a >= b
        return a ^ ((a ^ b) & (g - (g >> self.shift)))
