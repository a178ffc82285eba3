"""The preview site: laid out like an unzipped bundle, rebuilt after an edit without copying clips again."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from studio.bundle.errors import Cancelled, ExportError
from studio.preview_web.site import PLAYER_PAGE, Site


def _edit_title(project: Path, title: str) -> None:
    path = project / "drama.json"
    data = json.loads(path.read_text("utf-8"))
    data["title"] = title
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), "utf-8")


def _media(root: Path) -> dict[str, int]:
    return {p.name: p.stat().st_ino for p in (root / "media").iterdir()}


def test_site_holds_what_the_bundle_would(savings: Path, media_cache: Path) -> None:
    with Site() as site:
        result = site.build(savings)
        manifest = json.loads((site.root / "manifest.json").read_text("utf-8"))
        for entry in manifest["files"]:
            assert (site.root / entry["path"]).stat().st_size == entry["size"], entry["path"]
        assert (site.root / PLAYER_PAGE).is_file()
        assert result.media == len(list((site.root / "media").iterdir())) > 0
        assert result.reused == 0
        assert not list(site.root.rglob(".*"))  # no temporary file left
        root = site.root
    assert not root.exists()


def test_rebuild_after_an_edit_reuses_every_clip(savings: Path, media_cache: Path) -> None:
    with Site() as site:
        first = site.build(savings)
        before = _media(site.root)
        _edit_title(savings, "A new title")
        second = site.build(savings)
        assert second.reused == second.media == first.media
        media_bytes = sum(p.stat().st_size for p in (site.root / "media").iterdir())
        assert second.copied_bytes < first.copied_bytes - media_bytes + 1  # not one clip byte again
        assert _media(site.root) == before  # the very same files (inodes), not copies
        manifest = json.loads((site.root / "manifest.json").read_text("utf-8"))
        assert manifest["drama"]["title"] == "A new title"


def test_known_clips_are_copied_without_hashing_and_sources_untouched(
    savings: Path, media_cache: Path, no_racy_window: None
) -> None:
    from studio.hashcache import default_store

    before = {p.name: p.stat() for p in (savings / "media").iterdir()}
    with Site() as first:
        first.build(savings)  # hashes every clip and records its fingerprint
    hashed = default_store().hashed
    with Site() as site:
        result = site.build(savings)
        assert result.reused == 0
        assert default_store().hashed == hashed  # no clip read to hash it again
        sources = {p.stat().st_ino for p in (savings / "media").iterdir()}
        assert not set(_media(site.root).values()) & sources  # copies, never links
    after = {p.name: p.stat() for p in (savings / "media").iterdir()}
    assert {n: (s.st_ctime_ns, s.st_nlink) for n, s in after.items()} == {
        n: (s.st_ctime_ns, s.st_nlink) for n, s in before.items()
    }


def test_a_clip_no_longer_used_is_removed(savings: Path, media_cache: Path) -> None:
    with Site() as site:
        site.build(savings)
        path = savings / "drama.json"
        data = json.loads(path.read_text("utf-8"))
        used = {s["media"] for s in data["scenes"]}
        unused = [m for m in data["media"] if m["id"] not in used]
        assert unused == []  # the samples use every clip: drop a scene's clip by merging two
        count = len(_media(site.root))
        first, second = data["scenes"][0], data["scenes"][1]
        gone = next(m for m in data["media"] if m["id"] == second["media"])
        if sum(s["media"] == gone["id"] for s in data["scenes"]) > 1 or gone["id"] == first["media"]:
            pytest.skip("the second scene's clip is shared")
        second["media"] = first["media"]
        second["in_ms"], second["out_ms"] = first["in_ms"], first["out_ms"]
        data["media"] = [m for m in data["media"] if m["id"] != gone["id"]]
        path.write_text(json.dumps(data, ensure_ascii=False, indent=2), "utf-8")
        site.build(savings)
        assert len(_media(site.root)) == count - 1
        assert not (site.root / "media" / f"{gone['sha256']}.{gone['container']}").exists()


def test_cancel_keeps_the_previous_build(savings: Path, media_cache: Path) -> None:
    with Site() as site:
        site.build(savings)
        manifest = (site.root / "manifest.json").read_bytes()
        _edit_title(savings, "Edited")
        with pytest.raises(Cancelled):
            site.build(savings, cancel=lambda: True)
        assert (site.root / "manifest.json").read_bytes() == manifest
        assert not list(site.root.rglob(".*"))


def test_a_changed_clip_is_refused_in_one_line(savings: Path, media_cache: Path) -> None:
    clip = sorted((savings / "media").iterdir())[0]
    data = bytearray(clip.read_bytes())
    data[-1] ^= 0xFF  # same size, other content
    clip.write_bytes(bytes(data))
    with Site() as site:
        with pytest.raises(ExportError) as caught:
            site.build(savings)
        assert "changed since it was added" in str(caught.value)
        assert "\n" not in str(caught.value)
        assert not (site.root / "manifest.json").exists()  # no build to serve
        assert not list(site.root.rglob(".*"))  # no partial file
        # verified clips placed before the refusal stay, named by content: the next build keeps them
