"""The fast canonical writer gives exactly ``json.dumps(data, ensure_ascii=False, indent=2)``.

``studio.model.io`` writes every project with ``canonical_json.dumps_indented`` (the
standard library's indented encoder runs in pure Python: the slowest part of saving
100,000 scenes).  Any difference would change saved files, so the two are compared
on generated JSON (escapes, every kind of character, numbers at their edges, deep and
empty containers) and on values it hands back to the standard library.
"""

from __future__ import annotations

import json
import math
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from studio.model import dumps
from studio.model.canonical_json import dumps_indented
from tests.graph.helpers import bench_module
from tests.support import SAMPLES


def stdlib(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)


scalars = (
    st.none() | st.booleans() | st.integers() | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False, allow_infinity=False) | st.text()
    | st.text(alphabet=st.characters(codec="utf-8"))
    | st.sampled_from(["", "\\", '"', "\n\t\x00\x1f", "\u2028", "😀"])
)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=8), inner, max_size=5),
    max_leaves=40,
)


@given(values)
def test_same_text_as_the_standard_library(data: Any) -> None:
    assert dumps_indented(data) == stdlib(data)


@pytest.mark.parametrize("data", [
    {}, [], {"a": {}}, {"a": []}, [[]], [{}], [[[]]], 0, -0.0, 1e16, 1e-7, 5e-324, 1.7976931348623157e308,
    "x", None, True, {"": ""}, {"k": [1, [2, {"m": None}]]},
])
def test_edge_values(data: Any) -> None:
    assert dumps_indented(data) == stdlib(data)


@pytest.mark.parametrize("data", [
    {"x": math.inf}, [math.nan], -math.inf,  # written as the standard library writes them
    {1: "int key"}, {None: 1, True: 2},  # keys converted by the standard library
    {"t": (1, 2)}, [("a", "b")],  # tuples are lists there
])
def test_values_left_to_the_standard_library(data: Any) -> None:
    assert dumps_indented(data) == stdlib(data)


def test_subclasses_are_left_to_the_standard_library() -> None:
    class Text(str):
        pass

    class Number(int):
        pass

    class Mapping(dict[str, Any]):
        pass

    data = [Text("t"), Number(3), Mapping(k=[Text("v")])]
    assert dumps_indented(data) == stdlib(data)


def test_a_cycle_fails_as_in_the_standard_library() -> None:
    data: list[Any] = []
    data.append(data)
    with pytest.raises(ValueError, match="Circular reference"):
        dumps_indented(data)


@pytest.mark.parametrize("name", ["savings", "shoppable"])
def test_sample_projects_are_written_byte_for_byte(name: str) -> None:
    from studio.model import load

    file = SAMPLES / name / "drama.json"
    assert dumps(load(file).project) == file.read_bytes()


def test_big_projects_give_the_standard_library_text() -> None:
    from studio.model import Project

    big = bench_module("bigproject")
    for raw in (big.chain_raw(300, extra_options=2), big.fanout_raw(300, width=12)):
        project = Project.model_validate(raw)
        assert dumps(project) == (stdlib(project.model_dump(mode="json")) + "\n").encode()
