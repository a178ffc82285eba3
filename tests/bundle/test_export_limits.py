"""Export never writes a bundle that import would refuse for its size or number of files."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from studio.bundle.entries import GIB, Limits
from studio.bundle.errors import ExportError
from studio.bundle.export import export_project
from studio.bundle.sources import too_big_for_import
from tests.media.sparse import with_sparse_box


def test_limits_of_import_apply_to_the_planned_sizes() -> None:
    small = Limits(max_entries=3, max_total_bytes=100)
    assert too_big_for_import([10, 20, 30], small) is None
    assert too_big_for_import([10, 20, 30, 1], small) == (
        "the bundle would hold 4 files; import accepts at most 3"
    )
    reason = too_big_for_import([60, 41], small)
    assert reason is not None and "(101 bytes)" in reason and "import accepts at most" in reason


def test_export_of_more_than_4_gib_is_refused_before_writing(project_dir: Path, tmp_path: Path) -> None:
    """Each clip may be up to 4 GiB, but together they must fit what import accepts."""
    drama = json.loads((project_dir / "drama.json").read_text(encoding="utf-8"))
    media = drama["media"][0]
    first = project_dir / media["path"]
    big = with_sparse_box(first, project_dir / "media" / "long_take.mp4", b"mdat",
                          4 * GIB - first.stat().st_size)
    media["path"], media["size"] = "media/long_take.mp4", big.stat().st_size
    (project_dir / "drama.json").write_text(json.dumps(drama), encoding="utf-8")
    out = tmp_path / "out" / "drama.zip"
    out.parent.mkdir()
    with pytest.raises(ExportError) as caught:
        export_project(project_dir, out)
    message = str(caught.value)
    assert message.startswith(f"{project_dir}: not exported: the bundle would hold 4.00 GiB")
    assert "import accepts at most 4 GiB in total" in message and "\n" not in message
    assert os.listdir(out.parent) == []  # no bundle, no .part left


def test_the_exact_check_counts_posters_and_manifest(project_dir: Path, tmp_path: Path) -> None:
    """Planned sizes 10 bytes under the limit: the manifest and posters, known only while writing,
    push it over; refused before any media is written."""
    from studio.bundle.export import plan_bundle
    from studio.model import load_project

    drama = json.loads((project_dir / "drama.json").read_text(encoding="utf-8"))
    media = drama["media"][0]
    first = project_dir / media["path"]
    big = project_dir / "media" / "long_take.mp4"

    def make(box: int) -> int:
        with_sparse_box(first, big, b"mdat", box)
        media["path"], media["size"] = "media/long_take.mp4", big.stat().st_size
        (project_dir / "drama.json").write_text(json.dumps(drama), encoding="utf-8")
        plan = plan_bundle(load_project(project_dir), project_dir)
        return sum(f.size for f in plan.media) + sum(len(f.data) for f in plan.extras)

    known = make(GIB)
    assert make(GIB + (4 * GIB - known) - 10) == 4 * GIB - 10
    out = tmp_path / "drama.zip"
    with pytest.raises(ExportError, match=r"drama\.zip: not exported: the bundle would hold 4\.00 GiB"):
        export_project(project_dir, out)
    assert sorted(os.listdir(tmp_path)) == ["project"]


def _deepest_condition(var: str) -> dict[str, object]:
    """The deepest condition the model accepts: ``!`` around ``!`` ... around ``==``."""
    from studio.model.conditions import ConditionError, check

    depth, cond = 0, {"==": [{"var": var}, 1]}
    while True:
        deeper = {"!": [cond]}
        try:
            check(deeper, {var})
        except ConditionError:
            return cond
        depth, cond = depth + 1, deeper


def test_the_deepest_project_the_model_accepts_exports_and_imports(project_dir: Path, tmp_path: Path) -> None:
    """Import's manifest limits (size, depth) take every project load accepts (it was 64 levels)."""
    from studio.bundle.importer import import_bundle
    from studio.model import load_project

    drama = json.loads((project_dir / "drama.json").read_text(encoding="utf-8"))
    drama["variables"].append({"id": "deep", "type": "int", "default": 1})
    scene = next(s for s in drama["scenes"] if s.get("choice"))
    scene["choice"]["options"][0]["condition"] = _deepest_condition("deep")
    (project_dir / "drama.json").write_text(json.dumps(drama), encoding="utf-8")
    before = load_project(project_dir)
    out = tmp_path / "deep.drama.zip"
    export_project(project_dir, out)
    import_bundle(out, tmp_path / "imported")
    after = load_project(tmp_path / "imported")

    def condition(project: Any) -> object:
        return project.scene_map()[scene["id"]].choice.options[0].condition

    assert condition(after) == condition(before) == _deepest_condition("deep")


def test_a_manifest_import_would_refuse_is_never_written(project_dir: Path, tmp_path: Path) -> None:
    assert too_big_for_import([10], Limits(max_manifest_bytes=100), manifest=101) == (
        "its manifest would be 101 bytes; import accepts at most 100"
    )
    assert too_big_for_import([10], Limits(max_manifest_bytes=100), manifest=100) is None
