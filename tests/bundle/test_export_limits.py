"""Export never writes a bundle that import would refuse for its size or number of files."""

from __future__ import annotations

import json
import os
from pathlib import Path

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
