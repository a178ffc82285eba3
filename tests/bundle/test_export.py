"""Export: contents, dedup, compression, hashes, refusals, atomicity, determinism."""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path
from typing import Any

import pytest

from studio.bundle import Cancelled, ExportError
from studio.bundle.export import export_project, plan_bundle, write_bundle
from studio.engine import EVENT_CONTRACT_VERSION
from studio.model import load, save
from tests.bundle.conftest import snapshot


def _manifest(zf: zipfile.ZipFile) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(zf.read("manifest.json"))
    return data


def test_export_contents(project_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.drama.zip"
    result = export_project(project_dir, out)
    assert result.path == out and result.bytes == out.stat().st_size
    project = load(project_dir).project
    with zipfile.ZipFile(out) as zf:
        names = zf.namelist()
        assert names == sorted(names)
        assert result.files == len(names)
        manifest = _manifest(zf)
        drama = manifest["drama"]
        assert isinstance(drama, dict)
        # Three assets but two distinct clips: a and a2 share their content.
        media_names = [n for n in names if n.startswith("media/")]
        assert len(media_names) == 2
        shas = {m.sha256 for m in project.media}
        assert {n.split("/")[1].split(".")[0] for n in media_names} == shas
        assert [m["id"] for m in drama["media"]] == ["a", "b"]
        assert {m["path"] for m in drama["media"]} == set(media_names)
        scene_media = {s["id"]: s["media"] for s in drama["scenes"]}
        assert scene_media == {"intro": "a", "good": "b", "bad": "a"}
        # Product image rewritten to images/<sha>.jpg
        image = drama["products"][0]["image"]
        assert image.startswith("images/") and image.endswith(".jpg") and image in names
        # One poster per scene, JPEG, stored.
        assert manifest["posters"] == {s: f"posters/{s}.jpg" for s in ("intro", "good", "bad")}
        for scene in ("intro", "good", "bad"):
            assert zf.read(f"posters/{scene}.jpg")[:3] == b"\xff\xd8\xff"
        for info in zf.infolist():
            stored = info.filename.split("/")[0] in ("media", "posters", "images")
            expected = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
            assert info.compress_type == expected, info.filename
            assert info.date_time == (1980, 1, 1, 0, 0, 0)
        # The file table: every entry but manifest.json, sorted, with true hashes and sizes.
        files = manifest["files"]
        assert isinstance(files, list)
        assert [f["path"] for f in files] == sorted(set(names) - {"manifest.json"})
        for f in files:
            data = zf.read(f["path"])
            assert f["size"] == len(data)
            assert f["sha256"] == hashlib.sha256(data).hexdigest()
        for m in project.media:
            assert hashlib.sha256(zf.read(f"media/{m.sha256}.mp4")).hexdigest() == m.sha256
        assert json.loads(zf.read("manifest.schema.json"))["title"] == "Manifest"
    raw = out.read_bytes()
    assert raw.count(b"PK\x03\x04") == len(names)


def test_manifest_is_canonical(project_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.zip"
    export_project(project_dir, out)
    with zipfile.ZipFile(out) as zf:
        text = zf.read("manifest.json").decode("utf-8")
    assert text.endswith("}\n")
    assert text == json.dumps(json.loads(text), ensure_ascii=False, indent=2) + "\n"
    manifest = json.loads(text)
    assert list(manifest) == [
        "format", "bundle_version", "min_reader_version", "event_contract_version",
        "written_by", "host_origins", "drama", "posters", "files",
    ]  # fmt: skip
    assert manifest["bundle_version"] == 2 and manifest["min_reader_version"] == 2
    assert manifest["event_contract_version"] == EVENT_CONTRACT_VERSION == 2
    assert manifest["host_origins"] == []


def test_host_origins_are_normalised_into_the_manifest(project_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.zip"
    typed = ["https://wallet.example.com:443/", "http://localhost:8000", "HTTPS://Wallet.example.com"]
    export_project(project_dir, out, host_origins=typed)  # no web player: still written
    with zipfile.ZipFile(out) as zf:
        origins = _manifest(zf)["host_origins"]
    assert origins == ["http://localhost:8000", "https://wallet.example.com"]


def test_bad_host_origin_is_refused_before_anything_is_written(
    project_dir: Path, tmp_path: Path
) -> None:
    before = snapshot(tmp_path)
    with pytest.raises(ExportError) as exc:
        export_project(
            project_dir, tmp_path / "o.zip", web_player=True,
            host_origins=["https://ok.example.com", "http://wallet.example.com"],
        )  # fmt: skip
    message = str(exc.value)
    assert message == (
        f"{project_dir}: not exported: host origin 'http://wallet.example.com': http is only "
        "allowed for localhost, 127.0.0.1 and [::1]: use https"
    )
    assert snapshot(tmp_path) == before


def test_export_is_deterministic(project_dir: Path, tmp_path: Path) -> None:
    first, second = tmp_path / "1.zip", tmp_path / "2.zip"
    export_project(project_dir, first)
    export_project(project_dir, second)
    assert first.read_bytes() == second.read_bytes()


def test_web_player(project_dir: Path, player_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.zip"
    export_project(project_dir, out, web_player=True, player_dir=player_dir)
    with zipfile.ZipFile(out) as zf:
        player = sorted(n for n in zf.namelist() if n.startswith("player/"))
        assert player == ["player/app.js", "player/index.html", "player/lib/style.css"]
        assert zf.read("player/index.html") == (player_dir / "index.html").read_bytes()
        assert zf.getinfo("player/app.js").compress_type == zipfile.ZIP_DEFLATED
        listed = {f["path"] for f in _manifest(zf)["files"]}
        assert set(player) <= listed


def test_missing_player_is_refused(project_dir: Path, tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="web player not found"):
        export_project(project_dir, tmp_path / "o.zip", web_player=True, player_dir=tmp_path / "x")
    assert not (tmp_path / "o.zip").exists()


def test_default_player_dir_is_in_resources() -> None:
    from studio.bundle.export import PLAYER_DIR

    assert PLAYER_DIR.parts[-2:] == ("resources", "player")
    assert (PLAYER_DIR.parent.parent / "studio" / "__init__.py").is_file()


def _one_line_error(exc: pytest.ExceptionInfo[ExportError]) -> str:
    text = str(exc.value)
    assert "\n" not in text
    return text


def test_refuses_validation_errors(project_dir: Path, tmp_path: Path) -> None:
    loaded = load(project_dir)
    loaded.project.scenes[0].tags[0].end_ms = 5000  # beyond the 1 s clip
    save(loaded.project, project_dir)
    with pytest.raises(ExportError) as exc:
        export_project(project_dir, tmp_path / "o.zip")
    text = _one_line_error(exc)
    assert "not exported" in text and "intro" in text and "t1" in text
    assert not (tmp_path / "o.zip").exists()


def test_refuses_missing_media(project_dir: Path, tmp_path: Path) -> None:
    (project_dir / "media" / "b.mp4").unlink()
    with pytest.raises(ExportError) as exc:
        export_project(project_dir, tmp_path / "o.zip")
    text = _one_line_error(exc)
    assert "media/b.mp4" in text and "'good'" in text and "missing" in text


def test_refuses_media_with_changed_size(project_dir: Path, tmp_path: Path) -> None:
    with open(project_dir / "media" / "b.mp4", "ab") as fh:
        fh.write(b"more")
    with pytest.raises(ExportError) as exc:
        export_project(project_dir, tmp_path / "o.zip")
    text = _one_line_error(exc)
    assert "media/b.mp4" in text and "'good'" in text and "changed" in text


def test_refuses_media_with_changed_content(project_dir: Path, tmp_path: Path) -> None:
    path = project_dir / "media" / "b.mp4"
    data = bytearray(path.read_bytes())
    data[-10] ^= 0xFF  # same size, different bytes: only the hash can tell
    path.write_bytes(bytes(data))
    before = snapshot(tmp_path)
    with pytest.raises(ExportError) as exc:
        export_project(project_dir, tmp_path / "o.zip")
    text = _one_line_error(exc)
    assert "media/b.mp4" in text and "'good'" in text and "changed" in text
    assert snapshot(tmp_path) == before


def test_refuses_case_colliding_scene_ids(project_dir: Path, tmp_path: Path) -> None:
    loaded = load(project_dir)
    loaded.project.scenes[1].id = "Bad"
    loaded.project.scenes[0].choice.options[0].target = "Bad"  # type: ignore[union-attr]
    save(loaded.project, project_dir)
    with pytest.raises(ExportError, match="differ only in letter case"):
        export_project(project_dir, tmp_path / "o.zip")


def test_cancel_leaves_nothing(project_dir: Path, tmp_path: Path) -> None:
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    out = out_dir / "o.zip"
    out.write_bytes(b"previous export")
    before = snapshot(out_dir)
    calls = [0]

    def cancel() -> bool:
        calls[0] += 1
        return calls[0] > 4  # after the posters, in the middle of the zip

    with pytest.raises(Cancelled):
        export_project(project_dir, out, cancel=cancel)
    assert calls[0] == 5
    assert snapshot(out_dir) == before
    assert out.read_bytes() == b"previous export"


@pytest.mark.parametrize("fail_at", [1, 3, 6])
def test_exception_midway_leaves_nothing(project_dir: Path, tmp_path: Path, fail_at: int) -> None:
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    out = out_dir / "o.zip"
    out.write_bytes(b"previous export")
    before = snapshot(out_dir)
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> None:
        seen.append((done, total))
        if len(seen) == fail_at:
            raise RuntimeError("disk on fire")

    with pytest.raises(RuntimeError, match="disk on fire"):
        export_project(project_dir, out, progress=progress)
    assert snapshot(out_dir) == before
    assert out.read_bytes() == b"previous export"


def test_progress_reaches_total(project_dir: Path, tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    export_project(project_dir, tmp_path / "o.zip", progress=lambda d, t: seen.append((d, t)))
    assert seen[-1][0] == seen[-1][1]
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_plan_then_write(project_dir: Path, tmp_path: Path) -> None:
    loaded = load(project_dir)
    plan = plan_bundle(loaded.project, project_dir)
    assert [f.arcname.split("/")[0] for f in plan.media] == ["images", "media", "media"]
    assert [p.scene_id for p in plan.posters] == ["intro", "good", "bad"]
    result = write_bundle(plan, tmp_path / "o.zip")
    assert result.files == 1 + 1 + 3 + 3  # manifest, schema, media+image, posters


def test_output_folder_must_exist(project_dir: Path, tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="does not exist"):
        export_project(project_dir, tmp_path / "nope" / "o.zip")


def test_export_samples(sample_project: Path, tmp_path: Path) -> None:
    out = tmp_path / "sample.drama.zip"
    result = export_project(sample_project, out)
    project = load(sample_project).project
    with zipfile.ZipFile(out) as zf:
        posters = [n for n in zf.namelist() if n.startswith("posters/")]
        assert len(posters) == len(project.scenes)
        assert zf.testzip() is None
    assert result.files == 2 + len({m.sha256 for m in project.media}) + len(posters) + len(
        {p.image for p in project.products if p.image}
    )


def test_timing_errors_block_an_export(project_dir: Path, tmp_path: Path) -> None:
    """The model's timing checks block an export (a tag ending past its clip)."""
    loaded = load(project_dir)
    loaded.project.scenes[0].tags[0].end_ms = 5000
    save(loaded.project, project_dir)
    with pytest.raises(ExportError, match="t1"):
        export_project(project_dir, tmp_path / "o.zip")
