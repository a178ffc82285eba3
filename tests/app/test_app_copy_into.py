"""Copying a clip into the project: the copy is the probed content, or nothing is left."""

from __future__ import annotations

import hashlib
import os
import time
from pathlib import Path

import pytest

from studio.app.media_import import copy_into
from studio.app.workers import CancelToken
from studio.model.leftovers import STALE_AFTER_S


@pytest.fixture
def clip(tmp_path: Path) -> tuple[Path, bytes]:
    data = os.urandom(200_000)
    src = tmp_path / "outside" / "take 1.mp4"
    src.parent.mkdir()
    src.write_bytes(data)
    return src, data


def test_copy_matches_the_probed_content(tmp_path: Path, clip: tuple[Path, bytes]) -> None:
    src, data = clip
    project = tmp_path / "project"
    rel, copied = copy_into(src, project, hashlib.sha256(data).hexdigest(), CancelToken(), size=len(data))
    assert (rel, copied) == ("media/take 1.mp4", True)
    assert (project / rel).read_bytes() == data
    assert os.listdir(project / "media") == ["take 1.mp4"]


@pytest.mark.parametrize("change", ["content", "grown"])
def test_a_clip_changed_since_probing_is_refused_and_nothing_is_left(
    tmp_path: Path, clip: tuple[Path, bytes], change: str
) -> None:
    src, data = clip
    probed = hashlib.sha256(data).hexdigest()
    if change == "content":
        src.write_bytes(bytes([data[0] ^ 0xFF]) + data[1:])  # same size, other bytes (never the same)
    else:
        with open(src, "ab") as fh:
            fh.write(b"more")
    project = tmp_path / "project"
    with pytest.raises(ValueError) as caught:
        copy_into(src, project, probed, CancelToken(), size=len(data))
    assert str(caught.value) == f"{src}: changed while it was imported; import it again"
    assert os.listdir(project / "media") == []


def test_stale_part_files_of_a_killed_copy_are_swept(tmp_path: Path, clip: tuple[Path, bytes]) -> None:
    src, data = clip
    media = tmp_path / "project" / "media"
    media.mkdir(parents=True)
    stale, fresh = media / ".old.mp4.k3j4h5g6.part", media / ".new.mp4.a1b2c3d4.part"
    for f in (stale, fresh):
        f.write_bytes(b"partial")
    old = time.time() - STALE_AFTER_S - 60
    os.utime(stale, (old, old))
    copy_into(src, tmp_path / "project", hashlib.sha256(data).hexdigest(), CancelToken())
    assert sorted(os.listdir(media)) == [fresh.name, "take 1.mp4"]


def test_copy_follows_the_umask(tmp_path: Path, clip: tuple[Path, bytes]) -> None:
    src, data = clip
    src.chmod(0o600)
    old = os.umask(0o027)
    try:
        rel, _ = copy_into(src, tmp_path / "project", hashlib.sha256(data).hexdigest(), CancelToken())
    finally:
        os.umask(old)
    assert (tmp_path / "project" / rel).stat().st_mode & 0o777 == 0o640
