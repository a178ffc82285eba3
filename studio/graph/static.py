"""Best-effort static truth of conditions: always true, always false, or unknown.

A tiny abstract interpreter over the JsonLogic subset of
``studio.model.conditions``.  Sub-expressions without variables are evaluated
with the real evaluator, so constants follow the engine's semantics exactly.
Variables are abstracted by what a project guarantees:

- ``saved.<goal>`` is an int in ``[0, cap]`` (``[0, +inf)`` without a cap);
- an ``int`` variable is an int of unknown value; ``bool``/``string`` variables
  have a known type, so ``==`` against a value of another type is always false.

Anything the interpreter cannot decide is ``None`` (unknown): a ``True`` or
``False`` answer is never wrong, but many decidable cases stay unknown.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from studio.model import conditions


@dataclass(frozen=True, slots=True)
class Const:
    """A value known exactly."""

    value: Any


@dataclass(frozen=True, slots=True)
class IntRange:
    """An int somewhere in ``[lo, hi]`` (``None`` = unbounded)."""

    lo: int | None = None
    hi: int | None = None


@dataclass(frozen=True, slots=True)
class Typed:
    """A value of a known JSON type (``bool`` or ``str``) but unknown value."""

    kind: type


@dataclass(frozen=True, slots=True)
class Truth:
    """A value whose truthiness is known but whose value is not."""

    truth: bool


Abstract = Const | IntRange | Typed | Truth | None  # None: nothing known


def bounds_for(variables: Mapping[str, str], caps: Mapping[str, int | None]) -> dict[str, Abstract]:
    """Abstract values of declared variables (name -> type) and ``saved.<goal>`` totals."""
    out: dict[str, Abstract] = {}
    for name, kind in variables.items():
        out[name] = IntRange() if kind == "int" else Typed(bool if kind == "bool" else str)
    for goal, cap in caps.items():
        out["saved." + goal] = IntRange(0, cap)
    return out


def truth_of(value: Abstract) -> bool | None:
    """Known truthiness of an abstract value, else None."""
    if isinstance(value, Const):
        return conditions.truthy(value.value)
    if isinstance(value, Truth):
        return value.truth
    if isinstance(value, IntRange):
        if (value.lo is not None and value.lo > 0) or (value.hi is not None and value.hi < 0):
            return True
        if value.lo == 0 and value.hi == 0:
            return False
    return None


def static_truth(expr: Any, bounds: Mapping[str, Abstract]) -> bool | None:
    """True/False if ``expr`` always/never holds, None when unknown."""
    if expr is None:
        return True  # no condition: always visible
    try:
        return truth_of(_eval(expr, bounds))
    except (conditions.ConditionError, RecursionError, TypeError, ValueError):
        return None


def _eval(expr: Any, bounds: Mapping[str, Abstract]) -> Abstract:
    if not conditions.variables_used(expr):
        try:
            return Const(conditions.evaluate(expr, {}))
        except conditions.ConditionError:
            return None  # fails at run time too: leave it to the engine
    if isinstance(expr, list):
        return None
    if not isinstance(expr, Mapping) or len(expr) != 1:
        return None
    ((op, raw),) = expr.items()
    args = raw if isinstance(raw, list) else [raw]
    if op == "var":
        name = args[0] if args else None
        return bounds.get(name) if isinstance(name, str) else None
    if op in ("and", "or", "!"):
        return _logic(op, [_eval(a, bounds) for a in args])
    if op == "if":
        return _if(args, bounds)
    values = [_eval(a, bounds) for a in args]
    if op in ("==", "!="):
        same = _equal(values[0], values[1]) if len(values) == 2 else None
        if same is None:
            return None
        return Const(same if op == "==" else not same)
    if op in ("<", "<=", ">", ">="):
        return _compare(op, values)
    if op in ("+", "-"):
        return _arith(op, values)
    return None


def _logic(op: str, values: list[Abstract]) -> Abstract:
    truths = [truth_of(v) for v in values]
    if op == "!":
        return None if truths[0] is None else Const(not truths[0])
    decisive = op == "or"  # 'or' stops at a truthy arm, 'and' at a falsy one
    if decisive in truths:
        first = truths.index(decisive)
        if all(t is not None for t in truths[:first]):
            return values[first]
        return Truth(decisive)
    if None in truths:
        return None
    return values[-1]


def _if(args: list[Any], bounds: Mapping[str, Abstract]) -> Abstract:
    for i in range(0, len(args) - 1, 2):
        truth = truth_of(_eval(args[i], bounds))
        if truth is None:
            return None
        if truth:
            return _eval(args[i + 1], bounds)
    return _eval(args[-1], bounds) if len(args) % 2 else Const(None)


def _kind(value: Abstract) -> type | None:
    if isinstance(value, Const):
        return type(value.value)
    if isinstance(value, IntRange):
        return int
    if isinstance(value, Typed):
        return value.kind
    return None


def _equal(a: Abstract, b: Abstract) -> bool | None:
    ka, kb = _kind(a), _kind(b)
    if ka is not None and kb is not None and ka is not kb:
        return False  # the engine's == also compares types
    ra, rb = _range(a), _range(b)
    if ra is not None and rb is not None:
        if ra[0] == ra[1] == rb[0] == rb[1] and ra[0] is not None:
            return True
        if _below(ra[1], rb[0]) or _below(rb[1], ra[0]):
            return False
    return None


def _range(value: Abstract) -> tuple[int | None, int | None] | None:
    if isinstance(value, IntRange):
        return value.lo, value.hi
    if isinstance(value, Const) and type(value.value) is int:
        return value.value, value.value
    return None


def _below(hi: int | None, lo: int | None) -> bool:
    """Is every value up to ``hi`` strictly below every value from ``lo``?"""
    return hi is not None and lo is not None and hi < lo


def _compare(op: str, values: list[Abstract]) -> Abstract:
    ranges = [_range(v) for v in values]
    if any(r is None for r in ranges) or (len(ranges) == 3 and op not in ("<", "<=")):
        return None
    results = []
    for left, right in itertools.pairwise(ranges):
        assert left is not None and right is not None
        if op in (">", ">="):
            left, right = right, left
        strict = op in ("<", ">")
        # left < right always / never (strict), or left <= right always / never.
        if strict:
            always, never = _below(left[1], right[0]), not _below(left[0], right[1]) and (
                left[0] is not None and right[1] is not None
            )
        else:
            always = left[1] is not None and right[0] is not None and left[1] <= right[0]
            never = _below(right[1], left[0])
        results.append(True if always else False if never else None)
    if False in results:
        return Const(False)
    return Const(True) if all(r is True for r in results) else None


def _arith(op: str, values: list[Abstract]) -> Abstract:
    ranges = [_range(v) for v in values]
    if any(r is None for r in ranges):
        return None
    lo: int | None
    hi: int | None
    if op == "+":
        lo = hi = 0
        for r in ranges:
            assert r is not None
            lo = None if lo is None or r[0] is None else lo + r[0]
            hi = None if hi is None or r[1] is None else hi + r[1]
        return IntRange(lo, hi)
    first = ranges[0]
    assert first is not None
    if len(ranges) == 1:
        return IntRange(None if first[1] is None else -first[1], None if first[0] is None else -first[0])
    second = ranges[1]
    assert second is not None
    lo = None if first[0] is None or second[1] is None else first[0] - second[1]
    hi = None if first[1] is None or second[0] is None else first[1] - second[0]
    return IntRange(lo, hi)
