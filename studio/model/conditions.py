"""A small JsonLogic subset: one checker and one evaluator for conditions.

Supported operators: ``var == != < <= > >= and or ! if + - in``.  Values are
JSON scalars (int, bool, string) and lists; floats are refused so that money
comparisons stay exact.  Variables are the project's declared variables plus
``saved.<goal_id>``, the running total (minor units) deposited into a goal.

``check(expr, known)`` is used at load time and raises ``ConditionError`` naming
the offending operator or variable.  ``evaluate(expr, env)`` is what the story
engine (and, mirrored in JavaScript, the web player) runs.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Set
from typing import Any

from studio.model.errors import one_line, quote, show_int
from studio.model.types import MAX_SAFE_INT

OPERATORS = frozenset(
    {"var", "==", "!=", "<", "<=", ">", ">=", "and", "or", "!", "if", "+", "-", "in"}
)
_ARITY: dict[str, tuple[int, int | None]] = {
    "var": (1, 1),
    "==": (2, 2),
    "!=": (2, 2),
    "<": (2, 3),
    "<=": (2, 3),
    ">": (2, 2),
    ">=": (2, 2),
    "and": (1, None),
    "or": (1, None),
    "!": (1, 1),
    "if": (2, None),
    "+": (1, None),
    "-": (1, 2),
    "in": (2, 2),
}
MAX_DEPTH = 32
MAX_NODES = 5000  # operators, values and list items in one condition (docs/project-format.md)

Value = int | bool | str | list[Any] | None


class ConditionError(ValueError):
    """A condition that cannot be checked or evaluated (one-line message)."""


def _args(node: Mapping[str, Any]) -> tuple[str, list[Any]]:
    if len(node) != 1:
        got = one_line(repr(sorted(node)))[:120]
        raise ConditionError(f"an operation must have exactly one operator, got {got}")
    ((op, args),) = node.items()
    if not isinstance(args, list):
        args = [args]
    return op, args


def check(expr: Any, known: Set[str]) -> None:
    """Raise ConditionError if ``expr`` is too big or deep, or uses an unknown operator or variable.

    Size (``MAX_NODES``) and depth (``MAX_DEPTH``) are checked as the walk goes, so a hostile
    condition costs at most ``MAX_NODES`` steps here and in every later (linear) evaluation."""
    budget = [MAX_NODES]
    _check(expr, known, 0, budget)


def _check(expr: Any, known: Set[str], depth: int, budget: list[int]) -> None:
    if depth > MAX_DEPTH:
        raise ConditionError(f"condition nested deeper than {MAX_DEPTH} levels")
    budget[0] -= 1
    if budget[0] < 0:
        raise ConditionError(f"condition has more than {MAX_NODES} parts")
    if isinstance(expr, bool | str) or expr is None:
        return
    if isinstance(expr, int):
        if not -MAX_SAFE_INT <= expr <= MAX_SAFE_INT:
            what = show_int(expr)
            what = f"integer {what}" if what.lstrip("-").isdigit() else what
            raise ConditionError(f"{what} is outside ±{MAX_SAFE_INT} (2**53 - 1)")
        return
    if isinstance(expr, float):
        raise ConditionError(f"non-integer number {expr!r} (use integers, money in minor units)")
    if isinstance(expr, list):
        for item in expr:
            _check(item, known, depth + 1, budget)
        return
    if not isinstance(expr, Mapping):
        raise ConditionError(f"unsupported value {one_line(repr(expr))[:80]}")
    op, args = _args(expr)
    if op not in OPERATORS:
        raise ConditionError(f"unknown operator {quote(op)}")
    low, high = _ARITY[op]
    if len(args) < low or (high is not None and len(args) > high):
        raise ConditionError(f"operator '{op}' takes {low}..{high or 'n'} arguments")
    if op == "var":
        name = args[0]
        if not isinstance(name, str):
            raise ConditionError("'var' needs a variable name")
        if name not in known:
            raise ConditionError(f"unknown variable {quote(name)}")
        return
    for arg in args:
        _check(arg, known, depth + 1, budget)


def saturate(value: int) -> int:
    """``value`` clamped to ±MAX_SAFE_INT: what both engines do with every integer result."""
    return MAX_SAFE_INT if value > MAX_SAFE_INT else -MAX_SAFE_INT if value < -MAX_SAFE_INT else value


def variables_used(expr: Any) -> set[str]:
    """Names read by ``var`` anywhere in ``expr``."""
    found: set[str] = set()
    stack = [expr]
    while stack:
        node = stack.pop()
        if isinstance(node, list):
            stack.extend(node)
        elif isinstance(node, Mapping) and len(node) == 1:
            ((op, args),) = node.items()
            if op == "var":
                name = args[0] if isinstance(args, list) and args else args
                if isinstance(name, str):
                    found.add(name)
            else:
                stack.append(args)
    return found


def truthy(value: Any) -> bool:
    """JsonLogic truthiness: 0, '', [], false and null are false."""
    if isinstance(value, list):
        return len(value) > 0
    return bool(value)


def _num(value: Any, op: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ConditionError(f"operator '{op}' needs integers, got {value!r}")
    return value


def evaluate(expr: Any, env: Mapping[str, Any]) -> Any:
    """Evaluate ``expr`` against variable values ``env`` (already checked)."""
    if not isinstance(expr, Mapping):
        if isinstance(expr, list):
            return [evaluate(item, env) for item in expr]
        return expr
    op, raw = _args(expr)
    if op == "var":
        if raw[0] not in env:
            raise ConditionError(f"unknown variable '{raw[0]}'")
        return env[raw[0]]
    if op == "if":
        for i in range(0, len(raw) - 1, 2):
            if truthy(evaluate(raw[i], env)):
                return evaluate(raw[i + 1], env)
        return evaluate(raw[-1], env) if len(raw) % 2 else None
    if op == "and":
        value: Any = True
        for arg in raw:
            value = evaluate(arg, env)
            if not truthy(value):
                return value
        return value
    if op == "or":
        value = False
        for arg in raw:
            value = evaluate(arg, env)
            if truthy(value):
                return value
        return value
    args = [evaluate(arg, env) for arg in raw]
    if op == "!":
        return not truthy(args[0])
    if op == "==":
        return args[0] == args[1] and type(args[0]) is type(args[1])
    if op == "!=":
        return not (args[0] == args[1] and type(args[0]) is type(args[1]))
    if op in ("<", "<=", ">", ">="):
        nums = [_num(a, op) for a in args]
        pairs = itertools.pairwise(nums)
        if op == "<":
            return all(a < b for a, b in pairs)
        if op == "<=":
            return all(a <= b for a, b in pairs)
        if op == ">":
            return nums[0] > nums[1]
        return nums[0] >= nums[1]
    if op == "+":
        total = 0
        for a in args:
            total = saturate(total + _num(a, op))
        return total
    if op == "-":
        nums = [_num(a, op) for a in args]
        return -nums[0] if len(nums) == 1 else saturate(nums[0] - nums[1])
    if op == "in":
        needle, hay = args
        if isinstance(hay, str):
            return isinstance(needle, str) and needle in hay
        if isinstance(hay, list):
            return any(needle == h and type(needle) is type(h) for h in hay)
        raise ConditionError("operator 'in' needs a list or a string")
    raise ConditionError(f"unknown operator '{op}'")
