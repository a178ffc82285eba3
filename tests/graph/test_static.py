"""Static truth of conditions: decided cases are right, and never wrong (hypothesis)."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from studio.graph.static import bounds_for, static_truth
from studio.model import conditions

VARIABLES = {"n": "int", "flag": "bool", "name": "string"}
CAPS: dict[str, int | None] = {"trip": 500, "open": None}
BOUNDS = bounds_for(VARIABLES, CAPS)


def var(name: str) -> dict[str, Any]:
    return {"var": name}


@pytest.mark.parametrize(
    ("expr", "expected"),
    [
        (None, True),
        (True, True),
        (0, False),
        ({"==": [1, 1]}, True),
        ({"<": [2, 1]}, False),
        ({">=": [var("saved.trip"), 501]}, False),
        ({">=": [var("saved.trip"), 500]}, None),
        ({"<=": [var("saved.trip"), 500]}, True),
        ({"<": [var("saved.trip"), 0]}, False),
        ({">=": [var("saved.open"), 0]}, True),
        ({">=": [var("saved.open"), 10**9]}, None),
        ({"<": [0, var("saved.trip"), 501]}, None),
        ({"<=": [0, var("saved.trip"), 500]}, True),
        ({"==": [var("flag"), 1]}, False),
        ({"!=": [var("flag"), "yes"]}, True),
        ({"==": [var("flag"), True]}, None),
        ({"==": [var("saved.trip"), 600]}, False),
        ({"==": [var("n"), 3]}, None),
        ({"and": [False, var("flag")]}, False),
        ({"and": [var("flag"), False]}, False),
        ({"or": [var("flag"), True]}, True),
        ({"or": [var("flag"), False]}, None),
        ({"!": {">": [var("saved.trip"), 500]}}, True),
        ({"if": [True, var("flag"), False]}, None),
        ({"if": [False, var("flag"), False]}, False),
        ({">": [{"+": [var("saved.trip"), 1]}, 0]}, True),
        ({">": [{"-": [var("saved.trip"), 501]}, 0]}, False),
        ({"in": ["a", ["a", "b"]]}, True),
        ({"in": [var("name"), ["a"]]}, None),
        ({"<": ["a", 1]}, None),  # an evaluation error: left to the engine
    ],
)
def test_decided_cases(expr: Any, expected: bool | None) -> None:
    assert static_truth(expr, BOUNDS) is expected


def exprs() -> st.SearchStrategy[Any]:
    leaves = st.one_of(
        st.integers(-3, 600),
        st.booleans(),
        st.sampled_from(["a", "b", ""]),
        st.sampled_from([var("n"), var("flag"), var("name"), var("saved.trip"), var("saved.open")]),
    )

    def grow(inner: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
        two = st.lists(inner, min_size=2, max_size=2)
        return st.one_of(
            st.builds(lambda op, a: {op: a}, st.sampled_from(["==", "!=", "<", "<=", ">", ">=",
                                                              "+", "-", "in"]), two),
            st.builds(lambda a: {"<": a}, st.lists(inner, min_size=3, max_size=3)),
            st.builds(lambda op, a: {op: a}, st.sampled_from(["and", "or", "+"]),
                      st.lists(inner, min_size=1, max_size=3)),
            st.builds(lambda a: {"!": [a]}, inner),
            st.builds(lambda a: {"if": a}, st.lists(inner, min_size=2, max_size=4)),
        )

    return st.recursive(leaves, grow, max_leaves=8)


envs = st.fixed_dictionaries({
    "n": st.integers(-5, 5),
    "flag": st.booleans(),
    "name": st.sampled_from(["a", "b", ""]),
    "saved.trip": st.integers(0, 500),
    "saved.open": st.integers(0, 10**6),
})


@settings(max_examples=400, deadline=None)
@given(exprs(), st.lists(envs, min_size=1, max_size=4))
def test_static_answer_is_never_wrong(expr: Any, samples: list[dict[str, Any]]) -> None:
    decided = static_truth(expr, BOUNDS)
    if decided is None:
        return
    for env in samples:
        try:
            value = conditions.evaluate(expr, env)
        except conditions.ConditionError:
            continue  # the engine fails here: nothing to compare
        assert conditions.truthy(value) is decided, (expr, env)
