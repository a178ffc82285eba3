"""No import circle between the modules of studio/, and the declared architecture holds.

The contracts themselves (layers, no Qt/libVLC below the app layer, engine and graph
independent, no circle between the sub-packages of a package) are in pyproject.toml and
checked by ``lint-imports`` (tests/test_lint.py).  This test reads the same import graph
(grimp, import-linter's library) at module level, so a circle is named module by module;
imports inside functions and under ``if TYPE_CHECKING:`` count: a circle of type-only
imports is still two modules that cannot be understood one without the other.
"""

from __future__ import annotations

from pathlib import Path

import grimp
import networkx as nx
import pytest

from tests.support import ROOT


@pytest.fixture(scope="module")
def graph() -> grimp.ImportGraph:
    return grimp.build_graph("studio", cache_dir=None, include_external_packages=True)


def module_graph(graph: grimp.ImportGraph) -> nx.DiGraph:
    out = nx.DiGraph()
    for module in graph.modules:
        if module.split(".")[0] != "studio":
            continue
        out.add_node(module)
        for imported in graph.find_modules_directly_imported_by(module):
            if imported.split(".")[0] == "studio":
                out.add_edge(module, imported)
    return out


def test_the_graph_is_the_checkout_studio(graph: grimp.ImportGraph) -> None:
    assert "studio.model.project" in graph.modules and "studio.app.services" in graph.modules
    import studio

    assert studio.__file__ is not None and ROOT in Path(studio.__file__).parents


def test_no_import_circle_between_modules(graph: grimp.ImportGraph) -> None:
    modules = module_graph(graph)
    circles = []
    for component in nx.strongly_connected_components(modules):
        if len(component) > 1:
            cycle = nx.find_cycle(modules.subgraph(component))
            circles.append(" -> ".join([a for a, _ in cycle] + [cycle[0][0]]))
    assert not circles, "import circles:\n" + "\n".join(sorted(circles))


def test_the_circle_check_finds_a_type_only_circle(tmp_path: Path) -> None:
    """The check above would have caught the old circles: a TYPE_CHECKING import is an edge."""
    pkg = tmp_path / "circle_pkg"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("")
    (pkg / "owner.py").write_text("from circle_pkg.service import Service\n")
    (pkg / "service.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from circle_pkg.owner import Owner\n"
    )
    with pytest.MonkeyPatch.context() as mp:
        mp.syspath_prepend(str(tmp_path))
        found = grimp.build_graph("circle_pkg", cache_dir=None)
    modules = nx.DiGraph(
        (module, imported)
        for module in found.modules
        for imported in found.find_modules_directly_imported_by(module)
    )
    assert {"circle_pkg.owner", "circle_pkg.service"} in map(set, nx.strongly_connected_components(modules))


def test_nothing_below_the_app_layer_imports_qt_or_vlc(graph: grimp.ImportGraph) -> None:
    below = ("studio.model", "studio.engine", "studio.graph", "studio.media", "studio.bundle",
             "studio.hashcache", "studio.resources")
    for external in ("PySide6", "shiboken6", "vlc"):
        users = graph.find_modules_that_directly_import(external) if external in graph.modules else set()
        assert not [m for m in users if m.startswith(below)], external
    assert graph.find_modules_that_directly_import("vlc") == {"studio.app.playback.vlc_player"}
