"""The media hash cache and the networkx graph."""

from __future__ import annotations

import os
from pathlib import Path

from studio.graph import MediaHashCache, build_graph, validate
from tests.graph.helpers import asset, opt, project, scene


def test_hash_cache_reads_a_file_only_when_it_changed(tmp_path: Path) -> None:
    clip = tmp_path / "clip.mp4"
    clip.write_bytes(b"one")
    cache = MediaHashCache()
    first = cache.sha256(clip)
    assert cache.sha256(clip) == first
    assert cache.hashed == 1
    clip.write_bytes(b"two")  # same size
    st = clip.stat()
    os.utime(clip, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000))
    assert cache.sha256(clip) != first
    assert cache.hashed == 2


def test_validation_with_a_warm_cache_does_not_hash_again(tmp_path: Path) -> None:
    data = b"clip bytes"
    p = project(scene("a", "end"), scene("end", ending=True), media=[asset("clip", data)])
    (tmp_path / "media").mkdir()
    (tmp_path / "media" / "clip.mp4").write_bytes(data)
    cache = MediaHashCache()
    assert validate(p, tmp_path, cache=cache) == []
    assert validate(p, tmp_path, cache=cache) == []
    assert cache.hashed == 1


def test_size_mismatch_is_reported_without_hashing(tmp_path: Path) -> None:
    p = project(scene("a", "end"), scene("end", ending=True), media=[asset("clip", b"12345")])
    (tmp_path / "media").mkdir()
    (tmp_path / "media" / "clip.mp4").write_bytes(b"123")
    cache = MediaHashCache()
    (found,) = validate(p, tmp_path, cache=cache)
    assert found.code == "media-size-changed" and cache.hashed == 0


def test_unused_missing_media_names_no_scene(tmp_path: Path) -> None:
    p = project(scene("a", "end"), scene("end", ending=True),
                media=[asset("clip"), asset("spare", b"x")])
    (tmp_path / "media").mkdir()
    (tmp_path / "media" / "clip.mp4").write_bytes(b"clip bytes")
    (found,) = validate(p, tmp_path)
    assert (found.code, found.scene, found.item) == ("media-missing", None, "media 'spare'")
    assert "not used by any scene" in found.message


def test_build_graph_gathers_options_sharing_a_target() -> None:
    p = project(scene("a", opt("x", "b", default=True), opt("y", "b"), opt("z", "end")),
                scene("b", "end"), scene("end", ending=True))
    g = build_graph(p)
    assert sorted(g.nodes) == ["a", "b", "end"]
    assert g.edges["a", "b"]["options"] == ["x", "y"]
    assert g.edges["a", "end"]["options"] == ["z"]
    assert g.nodes["a"]["start"] and g.nodes["end"]["ending"]
    choice = p.scenes[0].choice
    assert choice is not None
    choice.options[2].target = "ghost"
    assert not build_graph(p).has_edge("a", "ghost")
