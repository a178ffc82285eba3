"""Names portable to every desktop OS (issue #13 item 18): the shared rule and the media warning."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from studio.graph import validate
from studio.model import Project
from studio.model.portable import (
    DEVICE_NAMES,
    device_name,
    path_problem,
    portable_stem,
    windows_problem,
)
from studio.model.types import ID_PATTERN
from tests.graph.helpers import asset, project, scene

REFUSED = {
    "CON": "'CON' is a reserved device name",
    "con": "'CON' is a reserved device name",
    "Aux.mp4": "'AUX' is a reserved device name",
    "nul.tar.gz": "'NUL' is a reserved device name",
    "NUL .txt": "'NUL' is a reserved device name",
    "prn": "'PRN' is a reserved device name",
    "com1": "'COM1' is a reserved device name",
    "COM9.jpg": "'COM9' is a reserved device name",
    "lpt0": "'LPT0' is a reserved device name",
    "LPT\u00b9.x": "'LPT\u00b9' is a reserved device name",
    "conin$": "'CONIN$' is a reserved device name",
    "clip.": "ends with a dot",
    "clip..": "ends with a dot",
    "clip ": "ends with a space",
    "a:b.mp4": "contains ':'",
    "a<b": "contains '<'",
    "a>b": "contains '>'",
    'a"b': "contains '\"'",
    "a|b": "contains '|'",
    "what?": "contains '?'",
    "a*": "contains '*'",
    "a\\b": "contains '\\'",
    "a\nb": "control character",
    "a\x7fb": "control character",
}
ACCEPTED = ["console.mp4", "_con.jpg", "con_", "com10", "lpt", "COM", "xcon", "a.con", "clip.mp4",
            ".hidden", "a b.mp4", "caf\u00e9.mov", "\u4e2d\u6587.mp4", "a..mp4", "nul-1"]  # fmt: skip


@pytest.mark.parametrize("name", sorted(REFUSED), ids=repr)
def test_refused_names(name: str) -> None:
    reason = windows_problem(name)
    assert reason is not None and REFUSED[name] in reason and "\n" not in reason


@pytest.mark.parametrize("name", ACCEPTED)
def test_accepted_names(name: str) -> None:
    assert windows_problem(name) is None


def test_every_device_name_in_any_case_and_with_extensions() -> None:
    assert len(DEVICE_NAMES) == 4 + 2 + 2 * 13
    for dev in DEVICE_NAMES:
        for name in (dev, dev.lower(), dev.title(), f"{dev}.mp4", f"{dev.lower()}.a.b", f"{dev}  .x"):
            assert device_name(name) == dev, name


def test_path_problem_names_the_component() -> None:
    assert path_problem("media/aux/clip.mp4") == ("aux", "'AUX' is a reserved device name on Windows")
    assert path_problem("media/clip./x.mp4") == ("clip.", "ends with a dot, which Windows drops")
    assert path_problem("media/x.mp4") is None


def test_portable_stem_examples() -> None:
    assert [portable_stem(s) for s in ("con", "_con", "__CON", "COM1.a", "intro", "_x", "console")] \
        == ["_con", "__con", "___CON", "_COM1.a", "intro", "_x", "console"]


DEVICE_IDS = [f"{u}{d}{e}" for u in ("", "_", "__") for d in ("con", "NUL", "Com3", "lpt9", "aux")
              for e in ("", ".x", "..")]  # fmt: skip
ids = st.from_regex(ID_PATTERN, fullmatch=True) | st.sampled_from(DEVICE_IDS)


@given(ids)
def test_portable_stem_gives_portable_poster_names(scene_id: str) -> None:
    name = portable_stem(scene_id) + ".jpg"
    assert windows_problem(name) is None
    if windows_problem(scene_id + ".jpg") is None and device_name(scene_id.lstrip("_")) is None:
        assert portable_stem(scene_id) == scene_id  # ordinary ids keep their file names


@given(ids, ids)
def test_portable_stem_is_injective_ignoring_case(a: str, b: str) -> None:
    if a.casefold() != b.casefold():
        assert portable_stem(a).casefold() != portable_stem(b).casefold()


def _clip_project(path: str) -> Project:
    media = asset("clip")
    media["path"] = path
    return project(scene("a", "end"), scene("end", ending=True), media=[media])


def test_validation_warns_about_a_media_path_windows_cannot_store(tmp_path: Path) -> None:
    path = "media/AUX.mp4"
    (tmp_path / "media").mkdir()
    (tmp_path / path).write_bytes(b"clip bytes")
    found = validate(_clip_project(path), tmp_path)
    assert [(p.severity, p.code, p.scene, p.item) for p in found] == [
        ("warning", "media-path-not-portable", "a", "media 'clip'")
    ]
    message = found[0].message
    assert "path 'media/AUX.mp4': file name 'AUX.mp4' is not portable ('AUX' is a reserved" in message
    assert "used by scenes “a”, “end”" in message


def test_the_warning_comes_with_the_file_error_and_escapes_newlines(tmp_path: Path) -> None:
    found = validate(_clip_project("media/a\nb./x.mp4"), tmp_path)
    assert [(p.severity, p.code) for p in found] == [
        ("warning", "media-path-not-portable"), ("error", "media-missing")
    ]
    assert "\n" not in found[0].message
    assert "file name 'a\\nb.' is not portable (contains a control character" in found[0].message


def test_portable_paths_give_no_warning(tmp_path: Path) -> None:
    (tmp_path / "media").mkdir()
    (tmp_path / "media" / "console.mp4").write_bytes(b"clip bytes")
    assert validate(_clip_project("media/console.mp4"), tmp_path) == []
