"""Import of good bundles: layout, round trip, target folder rules, cancel."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from studio.bundle import BundleImportError, Cancelled
from studio.bundle.export import export_project
from studio.bundle.importer import import_bundle
from studio.bundle.manifest import BUNDLE_VERSION, MIN_READER_VERSION, READER_VERSION
from studio.engine import EVENT_CONTRACT_VERSION
from studio.media.probe import sha256_file
from studio.model import load
from tests.bundle.conftest import snapshot
from tests.bundle.zipcraft import manifest_of, read_items, replace_manifest, write_items


def test_import_layout(good_bundle: Path, tmp_path: Path) -> None:
    target = tmp_path / "imported"
    assert import_bundle(good_bundle, target) == target
    loaded = load(target)
    project = loaded.project
    assert loaded.migrated_from is None
    assert sorted(p.name for p in target.iterdir()) == ["drama.json", "images", "media", "posters"]
    for asset in project.media:
        path = target / asset.path
        assert asset.path == f"media/{asset.sha256}.{asset.container}"
        assert path.stat().st_size == asset.size and sha256_file(path) == asset.sha256
    for product in project.products:
        assert product.image is not None and (target / product.image).is_file()
    assert not (target / "player").exists()  # the player is never extracted
    assert not (target / "manifest.json").exists()
    assert sorted(p.name for p in (target / "posters").iterdir()) == [
        f"{s.id}.jpg" for s in sorted(project.scenes, key=lambda s: s.id)
    ]
    assert not list(tmp_path.glob(".imported.import-*"))


def test_round_trip_manifest_is_identical(
    good_bundle: Path, player_dir: Path, tmp_path: Path
) -> None:
    target = tmp_path / "imported"
    import_bundle(good_bundle, target)
    again = tmp_path / "again.drama.zip"
    export_project(target, again, web_player=True, player_dir=player_dir)  # same player files
    with zipfile.ZipFile(good_bundle) as a, zipfile.ZipFile(again) as b:
        assert a.read("manifest.json") != b"" and a.read("manifest.json") == b.read("manifest.json")


def test_round_trip_without_player_is_byte_identical(project_dir: Path, tmp_path: Path) -> None:
    first = tmp_path / "first.zip"
    export_project(project_dir, first)
    import_bundle(first, tmp_path / "imported")
    second = tmp_path / "second.zip"
    export_project(tmp_path / "imported", second)
    assert first.read_bytes() == second.read_bytes()


def test_import_samples(sample_project: Path, tmp_path: Path) -> None:
    bundle = tmp_path / "s.zip"
    export_project(sample_project, bundle)
    target = import_bundle(bundle, tmp_path / "p")
    original, imported = load(sample_project).project, load(target).project
    assert [s.id for s in imported.scenes] == [s.id for s in original.scenes]
    assert imported.title == original.title


def test_empty_target_folder_is_fine(good_bundle: Path, tmp_path: Path) -> None:
    target = tmp_path / "empty"
    target.mkdir()
    import_bundle(good_bundle, target)
    assert (target / "drama.json").is_file()


@pytest.mark.parametrize("kind", ["non-empty", "file", "no-parent"])
def test_bad_target_is_refused(good_bundle: Path, tmp_path: Path, kind: str) -> None:
    target = tmp_path / "target"
    if kind == "non-empty":
        target.mkdir()
        (target / "keep.txt").write_text("mine")
    elif kind == "file":
        target.write_text("mine")
    else:
        target = tmp_path / "missing" / "target"
    before = snapshot(tmp_path)
    with pytest.raises(BundleImportError) as exc:
        import_bundle(good_bundle, target)
    assert "\n" not in str(exc.value) and "not imported" in str(exc.value)
    assert snapshot(tmp_path) == before


def test_cancel_leaves_nothing(good_bundle: Path, tmp_path: Path) -> None:
    parent = tmp_path / "parent"
    parent.mkdir()
    calls = [0]

    def cancel() -> bool:
        calls[0] += 1
        return calls[0] > 6

    with pytest.raises(Cancelled):
        import_bundle(good_bundle, parent / "p", cancel=cancel)
    assert snapshot(parent) == {}


def test_progress(good_bundle: Path, tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    import_bundle(good_bundle, tmp_path / "p", progress=lambda d, t: seen.append((d, t)))
    assert seen and seen[-1][0] == seen[-1][1] > 1000


def test_event_contract_version_matches_engine() -> None:
    from studio.engine.events import EVENT_CONTRACT_VERSION as ENGINE_VERSION

    assert EVENT_CONTRACT_VERSION == ENGINE_VERSION == 2
    assert (BUNDLE_VERSION, MIN_READER_VERSION, READER_VERSION) == (2, 2, 2)


def _as_version_1(good: Path, out: Path) -> Path:
    """The good bundle as bundle format 1 wrote it: no host_origins, a schema v1 drama."""
    items = read_items(good)
    manifest = manifest_of(items)
    assert manifest.pop("host_origins") == []
    manifest.update(bundle_version=1, min_reader_version=1, event_contract_version=1)
    drama = manifest["drama"]
    assert drama.pop("replay_deposits") is False
    drama.update(schema_version=1, min_reader_version=1)
    return write_items(out, replace_manifest(items, manifest))


def test_version_1_bundles_import(good_bundle: Path, tmp_path: Path) -> None:
    v1 = _as_version_1(good_bundle, tmp_path / "v1.drama.zip")
    target = import_bundle(v1, tmp_path / "from-v1")
    loaded = load(target)
    assert loaded.migrated_from is None  # written as the current schema: nothing left to migrate
    assert loaded.project.replay_deposits is False  # a replay moves no money
    current = load(import_bundle(good_bundle, tmp_path / "from-v2")).project
    assert loaded.project == current
    # Exported again it is a version 2 bundle, with no host origins until some are given.
    again = tmp_path / "again.zip"
    export_project(target, again)
    with zipfile.ZipFile(again) as zf:
        manifest = json.loads(zf.read("manifest.json"))
    assert (manifest["bundle_version"], manifest["min_reader_version"]) == (2, 2)
    assert manifest["event_contract_version"] == 2 and manifest["host_origins"] == []


def test_host_origins_are_not_imported(project_dir: Path, tmp_path: Path) -> None:
    """Import reads and checks them, but they are an export setting: a bundle from
    elsewhere never decides where this studio's exports may be embedded."""
    bundle = tmp_path / "b.zip"
    export_project(project_dir, bundle, host_origins=["https://wallet.example.com"])
    target = import_bundle(bundle, tmp_path / "p")
    assert "wallet.example.com" not in (target / "drama.json").read_text(encoding="utf-8")
    again = tmp_path / "again.zip"
    export_project(target, again)
    with zipfile.ZipFile(again) as zf:
        assert json.loads(zf.read("manifest.json"))["host_origins"] == []
