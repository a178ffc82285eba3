"""Probing has a cost bound and can be cancelled (issue #13 item 15).

Real clips (conftest.py) with real trailing data: huge boxes are appended as *sparse*
files (seek + truncate), so an 8 GiB file costs no disk.  No wall-clock assertions: the
work done is observed through the ``check`` / ``progress`` callbacks instead.
"""

from __future__ import annotations

import struct
from collections.abc import Callable
from pathlib import Path

import pytest

from studio.cli import main
from studio.hashcache import CHUNK
from studio.media import containers
from studio.media.containers import (
    CHECK_EVERY,
    MAX_BOXES,
    MAX_SAMPLE_DESCRIPTION_BYTES,
    MAX_SIDE_BYTES,
    LimitError,
    walk_isobmff,
)
from studio.media.probe import MAX_MEDIA_BYTES, ProbeError, probe

from .conftest import Expected
from .sparse import GIB, MIB, Calls, Stop, box, sha256_of, with_sparse_box, with_sparse_tail

Clips = dict[str, tuple[Path, Expected]]


def one_line_error(path: Path, **kwargs: object) -> str:
    with pytest.raises(ProbeError) as info:
        probe(path, **kwargs)  # type: ignore[arg-type]
    text = str(info.value)
    assert "\n" not in text and text.startswith(f"{path}: ")
    return text


# --- (a) a valid clip followed by a huge sparse box ------------------------------------------


def test_clip_with_8_gib_trailing_box_is_refused_before_reading(good_clips: Clips, tmp_path: Path) -> None:
    big = with_sparse_box(good_clips["mp4"][0], tmp_path / "big.mp4", b"free", 8 * GIB)
    assert big.stat().st_size > 8 * GIB
    check, hashed = Calls(), []
    text = one_line_error(big, check=check, progress=lambda d, t: hashed.append(d))
    assert text == f"{big}: file is 8 GiB (the limit for a clip is 4 GiB)"
    assert check.count == 0 and hashed == []  # refused from stat alone: nothing was read


def test_cli_probe_refuses_the_8_gib_clip_with_one_line(
    good_clips: Clips, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    big = with_sparse_box(good_clips["mp4"][0], tmp_path / "big.mp4", b"free", 8 * GIB)
    good = good_clips["mp4"][0]
    assert main(["probe", str(big), str(good)]) == 2
    out, err = capsys.readouterr()
    assert err == f"studio: {big}: file is 8 GiB (the limit for a clip is 4 GiB)\n"
    assert len(out.splitlines()) == 1 and str(good) in out  # the good file is still probed


def test_huge_side_box_is_refused_by_the_walk_even_with_a_larger_size_limit(
    good_clips: Clips, tmp_path: Path
) -> None:
    big = with_sparse_box(good_clips["mp4"][0], tmp_path / "big.mp4", b"free", 8 * GIB)
    hashed: list[int] = []
    text = one_line_error(big, max_bytes=16 * GIB, progress=lambda d, t: hashed.append(d))
    assert text == f"{big}: box 'free' is 8 GiB (the limit for boxes other than 'mdat' is 64 MiB)"
    assert hashed == []


@pytest.mark.parametrize("kind", [b"free", b"skip", b"uuid", b"moov"])
def test_side_boxes_above_the_limit_are_refused(kind: bytes, good_clips: Clips, tmp_path: Path) -> None:
    path = with_sparse_box(good_clips["mp4"][0], tmp_path / "side.mp4", kind, MAX_SIDE_BYTES + 1)
    text = one_line_error(path)
    assert f"box '{kind.decode()}' is 64 MiB (the limit for boxes other than 'mdat' is 64 MiB)" in text


def test_side_box_at_the_limit_is_accepted_and_hashed(good_clips: Clips, tmp_path: Path) -> None:
    path = with_sparse_box(good_clips["mp4"][0], tmp_path / "padded.mp4", b"free", MAX_SIDE_BYTES)
    progress: list[tuple[int, int]] = []
    result = probe(path, progress=lambda d, t: progress.append((d, t)))
    size = path.stat().st_size
    assert result.size == size and result.sha256 == sha256_of(path)
    assert progress[-1] == (size, size)
    assert [d for d, _ in progress] == sorted(d for d, _ in progress)
    assert len(progress) == -(-size // CHUNK)  # one report per 1 MiB chunk


def test_size_limit_is_exact(good_clips: Clips, tmp_path: Path) -> None:
    path = with_sparse_box(good_clips["mp4"][0], tmp_path / "mdat.mp4", b"mdat", 3 * MIB)
    size = path.stat().st_size
    assert probe(path, max_bytes=size).size == size
    text = one_line_error(path, max_bytes=size - 1)  # both round to the same MiB: exact counts
    assert text.endswith(f": file is {size:,} bytes (the limit for a clip is {size - 1:,} bytes)")
    assert MAX_MEDIA_BYTES == 4 * GIB


def test_webm_with_huge_tail_is_refused_small_tail_accepted(good_clips: Clips, tmp_path: Path) -> None:
    clip = good_clips["webm"][0]
    huge = with_sparse_tail(clip, tmp_path / "huge.webm", MAX_SIDE_BYTES + 1)
    assert one_line_error(huge).endswith(
        ": 64 MiB follow the Matroska segment (the limit is 64 MiB)"
    )
    small = with_sparse_tail(clip, tmp_path / "small.webm", MIB)
    assert probe(small).sha256 == sha256_of(small)


def test_hashing_a_big_clip_is_cancelled_within_a_chunk(good_clips: Clips, tmp_path: Path) -> None:
    """A clip under every limit but with 1 GiB of media data: the cancel callback stops it."""
    path = with_sparse_box(good_clips["mp4"][0], tmp_path / "long.mp4", b"mdat", GIB)
    check = Calls(stop_at=6)
    hashed: list[int] = []
    with pytest.raises(Stop):  # the callback's own exception, not a ProbeError
        probe(path, check=check, progress=lambda d, t: hashed.append(d))
    assert check.count == 6
    assert hashed and max(hashed) <= 6 * CHUNK  # stopped after a few MiB of 1 GiB


# --- (b) millions of tiny boxes ----------------------------------------------------------------


def test_two_million_tiny_top_level_boxes_are_refused_after_the_limit(
    good_clips: Clips, tmp_path: Path
) -> None:
    path = tmp_path / "tiny.mp4"
    path.write_bytes(good_clips["mp4"][0].read_bytes() + box(b"free") * 2_000_000)
    check = Calls()
    text = one_line_error(path, check=check)
    assert text == f"{path}: has more than 100,000 boxes (the limit)"
    assert check.count == MAX_BOXES // CHECK_EVERY  # the walk stopped at the limit


def test_millions_of_boxes_inside_moov_are_counted(good_clips: Clips, tmp_path: Path) -> None:
    """FFmpeg walks the boxes inside 'moov' too: they count against the same limit."""
    data = good_clips["mp4"][0].read_bytes()
    at = data.rindex(b"moov") - 4
    size = struct.unpack(">I", data[at : at + 4])[0]
    assert at + size == len(data), "the fixture clip must end with its moov"
    extra = box(b"free") * 2_000_000
    path = tmp_path / "nested.mp4"
    path.write_bytes(data[:at] + struct.pack(">I", size + len(extra)) + data[at + 4 :] + extra)
    assert one_line_error(path) == f"{path}: has more than 100,000 boxes (the limit)"


def _walk(path: Path, check: Callable[[], None] | None = None) -> frozenset[bytes]:
    with open(path, "rb") as fh:
        return walk_isobmff(fh, path.stat().st_size, check)


def test_walk_accepts_exactly_the_box_limit(tmp_path: Path) -> None:
    head = box(b"ftyp", b"isom\0\0\0\0") + box(b"moov", box(b"udta"))  # 3 boxes
    path = tmp_path / "at_limit.mp4"
    path.write_bytes(head + box(b"free") * (MAX_BOXES - 3))
    assert _walk(path) == {b"ftyp", b"moov", b"free"}
    path.write_bytes(head + box(b"free") * (MAX_BOXES - 2))
    with pytest.raises(LimitError, match="more than 100,000 boxes"):
        _walk(path)


def test_walk_calls_check_every_few_thousand_boxes(tmp_path: Path) -> None:
    path = tmp_path / "many.mp4"
    path.write_bytes(box(b"moov") + box(b"free") * (3 * CHECK_EVERY))
    with pytest.raises(Stop):
        _walk(path, Calls(stop_at=2))
    calls = Calls()
    _walk(path, calls)
    assert calls.count == 3


def _stbl_with_stsd(stsd_size: int) -> bytes:
    stsd = struct.pack(">I4s", stsd_size, b"stsd") + bytes(stsd_size - 8)
    return box(b"moov", box(b"trak", box(b"mdia", box(b"minf", box(b"stbl", stsd)))))


def test_sample_description_is_bounded(tmp_path: Path) -> None:
    path = tmp_path / "stsd.mp4"
    path.write_bytes(_stbl_with_stsd(MAX_SAMPLE_DESCRIPTION_BYTES))
    assert _walk(path) == {b"moov"}
    path.write_bytes(_stbl_with_stsd(MAX_SAMPLE_DESCRIPTION_BYTES + 1))
    with pytest.raises(LimitError, match=r"sample description 'stsd' is 1 MiB \(the limit is 1 MiB\)"):
        _walk(path)


def test_broken_nested_boxes_end_their_container_only(tmp_path: Path) -> None:
    """A child running past its parent is tolerated (as FFmpeg does); top level is strict."""
    broken_child = struct.pack(">I4s", 1000, b"trak")
    path = tmp_path / "nested.mp4"
    path.write_bytes(box(b"moov", broken_child + box(b"free")) + box(b"mdat", b"x"))
    assert _walk(path) == {b"moov", b"mdat"}
    path.write_bytes(box(b"moov") + struct.pack(">I4s", 1000, b"mdat"))
    with pytest.raises(containers.StructureError, match="box 'mdat' is missing 992 bytes"):
        _walk(path)


def test_deep_nesting_is_walked_only_to_the_demuxer_depth(tmp_path: Path) -> None:
    inner = box(b"free") * 10
    for _ in range(200):
        inner = box(b"udta", inner)
    path = tmp_path / "deep.mp4"
    path.write_bytes(box(b"moov", inner))
    assert _walk(path) == {b"moov"}


def test_box_names_are_escaped_in_messages(tmp_path: Path) -> None:
    path = tmp_path / "odd.mp4"
    path.write_bytes(box(b"moov") + struct.pack(">I4sQ", 1, b"a\nb'", MAX_SIDE_BYTES + 16))
    with open(path, "r+b") as fh:
        fh.truncate(8 + MAX_SIDE_BYTES + 16)
    with pytest.raises(LimitError) as info:
        _walk(path)
    assert "\n" not in str(info.value) and repr("a\nb'") in str(info.value)
