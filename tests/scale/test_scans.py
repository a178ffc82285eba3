"""No membership test scans a list that grows with the project, once per scene (#13 item 14).

``x in some_list`` runs in C, so neither the lines run nor the memory show it;
the ids here are a ``str`` whose ``==`` counts its calls, which is what such a
scan does once per element.  A set answers with a hash and (almost) no ``==``.
Before: the unreachable-scene check looked every scene up in the list of
duplicated ids, and the products shown along the richest path were collected
in a list searched for every tag on the path.
"""

from __future__ import annotations

from typing import Any

from studio.graph import stats, validate
from studio.model import Project
from tests.graph.helpers import bench_module

big = bench_module("bigproject")
SMALL, LARGE = 200, 800
LINEAR = 1.2


class Counted(str):
    """A str counting the ``==`` comparisons made with it."""

    calls = 0

    def __eq__(self, other: object) -> bool:
        Counted.calls += 1
        return str.__eq__(self, other)

    __hash__ = str.__hash__


def comparisons(job: Any) -> int:
    Counted.calls = 0
    job()
    return Counted.calls


def with_lost_and_duplicated_scenes(n: int) -> Project:
    """A short chain, then ``n`` scenes nothing leads to, the second half of them twice."""
    project = Project.model_validate(big.chain_raw(10))
    ending = project.scenes[-1]
    lost = [ending.model_copy(update={"id": Counted(f"lost{i}")}) for i in range(n)]
    twins = [s.model_copy(update={"id": Counted(s.id)}) for s in lost[n // 2:]]
    project.scenes.extend(lost + twins)  # (in place, as an edit in progress: not validated)
    return project


def test_unreachable_scenes_are_told_apart_from_duplicates_without_a_scan() -> None:
    found = validate(with_lost_and_duplicated_scenes(SMALL), check_media=False)
    assert sum(p.code == "unreachable" for p in found) == SMALL // 2
    assert sum(p.code == "duplicate-scene" for p in found) == SMALL // 2
    small, large = (comparisons(lambda n=n: validate(with_lost_and_duplicated_scenes(n), check_media=False))
                    for n in (SMALL, LARGE))
    assert large / small / (LARGE / SMALL) < LINEAR


def with_a_product_per_scene(n: int) -> Project:
    """A chain whose every scene tags a product of its own."""
    raw = big.chain_raw(n)
    raw["products"] = [{"id": f"prod{i}", "sku": f"S{i}", "name": f"P{i}", "price": 100} for i in range(n)]
    for i, scene in enumerate(raw["scenes"]):
        scene["tags"] = [{"id": "t", "product": f"prod{i}", "start_ms": 500, "end_ms": 2500,
                          "hotspot": {"x": 0.1, "y": 0.1, "w": 0.3, "h": 0.2}}]
    project = Project.model_validate(raw)
    for scene in project.scenes:
        scene.tags[0].__dict__["product"] = Counted(scene.tags[0].product)
    return project


def test_products_along_the_richest_path_are_gathered_without_a_scan() -> None:
    projects = {n: with_a_product_per_scene(n) for n in (SMALL, LARGE)}
    st = stats(projects[SMALL])
    assert st.richest is not None and st.richest.products == [f"prod{i}" for i in range(SMALL)]
    small, large = (comparisons(lambda n=n: stats(projects[n])) for n in (SMALL, LARGE))
    assert large / small / (LARGE / SMALL) < LINEAR
