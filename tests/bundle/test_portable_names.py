"""Bundles hold only names every desktop OS can store (issue #13 item 18).

Export maps scene ids that are Windows device names to portable poster names;
import refuses entries and file-table paths that are not portable, with one line.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from studio.bundle import BundleImportError, ExportError
from studio.bundle.export import export_project
from studio.bundle.importer import import_bundle
from studio.model import Project, load, save
from studio.model.portable import path_problem
from tests.bundle.conftest import make_player, snapshot
from tests.bundle.test_malicious import _relist
from tests.bundle.zipcraft import Item, manifest_of, read_items, replace_manifest, write_items


def _rename_scenes(folder: Path, names: dict[str, str]) -> None:
    raw = json.loads((folder / "drama.json").read_text())
    for s in raw["scenes"]:
        s["id"] = names.get(s["id"], s["id"])
        for o in (s.get("choice") or {}).get("options", []):
            o["target"] = names.get(o["target"], o["target"])
    raw["start"] = names.get(raw["start"], raw["start"])
    save(Project.model_validate(raw), folder, keep_backup=False)


def test_device_name_scene_ids_get_portable_posters(project_dir: Path, tmp_path: Path) -> None:
    _rename_scenes(project_dir, {"intro": "con", "good": "_con", "bad": "Com1.b"})
    out = tmp_path / "x.drama.zip"
    export_project(project_dir, out, web_player=True, player_dir=make_player(tmp_path / "pl"))
    with zipfile.ZipFile(out) as zf:
        names = zf.namelist()
        manifest = json.loads(zf.read("manifest.json"))
    assert sorted(n for n in names if n.startswith("posters/")) == [
        "posters/_Com1.b.jpg", "posters/__con.jpg", "posters/_con.jpg"
    ]
    assert manifest["posters"] == {
        "con": "posters/_con.jpg", "_con": "posters/__con.jpg", "Com1.b": "posters/_Com1.b.jpg"
    }
    assert all(path_problem(n) is None for n in names)
    project = import_bundle(out, tmp_path / "p")
    assert sorted(p.name for p in (project / "posters").iterdir()) == [
        "_Com1.b.jpg", "__con.jpg", "_con.jpg"
    ]
    assert [s.id for s in load(project).project.scenes] == ["con", "_con", "Com1.b"]


def test_ordinary_scene_ids_keep_their_poster_names(good_bundle: Path) -> None:
    with zipfile.ZipFile(good_bundle) as zf:
        posters = json.loads(zf.read("manifest.json"))["posters"]
    assert posters == {s: f"posters/{s}.jpg" for s in ("intro", "good", "bad")}


def test_player_file_with_a_device_name_stops_the_export(project_dir: Path, tmp_path: Path) -> None:
    player = make_player(tmp_path / "pl")
    (player / "lib" / "aux.js").write_text("//\n")
    out = tmp_path / "x.drama.zip"
    with pytest.raises(ExportError, match=r"web player file 'lib/aux.js': not portable: 'AUX' is a"):
        export_project(project_dir, out, web_player=True, player_dir=player)
    assert not out.exists()


@pytest.fixture(scope="module")
def good_items(good_bundle: Path) -> list[Item]:
    return read_items(good_bundle)


def _refused(bundle: Path, tmp_path: Path) -> str:
    parent = tmp_path / "parent"
    parent.mkdir()
    with pytest.raises(BundleImportError) as exc:
        import_bundle(bundle, parent / "project")
    assert snapshot(parent) == {}
    message = str(exc.value)
    assert "\n" not in message
    return message


@pytest.mark.parametrize(
    ("name", "component", "reason"),
    [
        ("posters/con.jpg", "con.jpg", "'CON' is a reserved device name on Windows"),
        ("posters/NUL.x.jpg", "NUL.x.jpg", "'NUL' is a reserved device name on Windows"),
        ("player/aux/app.js", "aux", "'AUX' is a reserved device name on Windows"),
        ("player/lpt1", "lpt1", "'LPT1' is a reserved device name on Windows"),
        ("player/app.", "app.", "ends with a dot, which Windows drops"),
        ("player/a:b.js", "a:b.js", "contains ':', which Windows does not allow in file names"),
        ("player/what?.js", "what?.js", "contains '?'"),
    ],
)
def test_entry_names_windows_cannot_store_are_refused(
    good_items: list[Item], tmp_path: Path, name: str, component: str, reason: str
) -> None:
    bundle = write_items(tmp_path / "evil.zip", _relist([*good_items, Item(name, b"\xff\xd8\xff")]))
    message = _refused(bundle, tmp_path)
    assert f"entry '{name}': file name '{component}' is not portable: {reason}" in message


def test_file_table_paths_windows_cannot_store_are_refused(
    good_items: list[Item], tmp_path: Path
) -> None:
    """A listed player/ path need not be in the zip (player entries are skipped), but it must
    be portable all the same."""
    manifest = manifest_of(good_items)
    manifest["files"] = sorted(
        [*manifest["files"], {"path": "player/con.js", "sha256": "0" * 64, "size": 1}],
        key=lambda f: f["path"],
    )
    bundle = write_items(tmp_path / "evil.zip", replace_manifest(good_items, manifest))
    message = _refused(bundle, tmp_path)
    assert message.endswith(
        "entry 'manifest.json': files: 'player/con.js': file name 'con.js' is not portable: "
        "'CON' is a reserved device name on Windows"
    )
