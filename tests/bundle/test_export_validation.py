"""Export validates with studio.graph.validate, called by its real signature (#14 item 3)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from studio.bundle.errors import ExportError
from studio.bundle.export import export_project, validation_errors
from studio.graph.validate import validate
from studio.model import check_timing, load


def test_graph_level_errors_block_the_export(project_dir: Path, tmp_path: Path) -> None:
    """A problem only the graph finds (a loop with no way out), not the model's timing checks."""
    file = project_dir / "drama.json"
    raw = json.loads(file.read_text(encoding="utf-8"))
    bad = next(s for s in raw["scenes"] if s["id"] == "bad")
    bad.update(ending=False, ending_kind=None)
    bad["choice"] = {"appear_ms": 500, "decision_ms": 800, "options": [
        {"id": "again", "label": "Again", "target": "bad", "default": True},
    ]}
    file.write_text(json.dumps(raw), encoding="utf-8")
    project = load(project_dir).project
    assert not [p for p in check_timing(project) if p.severity == "error"]
    errors = validation_errors(project, project_dir)
    expected = [str(p) for p in validate(project, project_dir, check_media=False) if p.severity == "error"]
    assert errors == expected and len(errors) == 1 and "no way out" in errors[0]
    with pytest.raises(ExportError, match="no way out"):
        export_project(project_dir, tmp_path / "o.zip")
    assert not (tmp_path / "o.zip").exists()


def test_validation_leaves_media_to_the_copy(project_dir: Path) -> None:
    """check_media=False: a missing clip is named by the export's own media check, not here."""
    (project_dir / "media" / "b.mp4").unlink()
    project = load(project_dir).project
    assert any(p.severity == "error" for p in validate(project, project_dir))  # with media checks
    assert validation_errors(project, project_dir) == []
