"""Shapes that crashed the loader, and messages that broke lines (issue #13 items 7, 8 and 11).

* ``schema_version: 0`` with scenes, choices, options or deposits that are not
  objects (strings, numbers, null, lists): the v0 migration passes them on and
  validation names them; never a traceback, from load, every command and import.
* Nesting 300, 5,000 and 100,000 deep (lists, conditions, scenes) in a v0 file:
  one line, no ``RecursionError``; the depth limit holds before any recursion,
  proven under a recursion limit far below the nesting limit.
* The depth pre-scan itself: exact on every JSON text (property test against
  the parsed value) and linear on hostile text (an unterminated string of
  escaped quotes was quadratic).
* Ids, keys and paths holding ``\\n``, ``\\r``, ``\\t``, ESC, U+2028 or a bidi
  override: every error printed by every command is one escaped line, in
  process and through a real process's stderr.
"""

from __future__ import annotations

import copy
import json
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from studio.model import ProjectError, load
from studio.model.io import parse_json, project_from_raw
from studio.model.migrations import migrate
from studio.model.project import SCHEMA_VERSION
from studio.model.strict_json import MAX_DEPTH, check_depth
from tests.fuzz.cli_run import check, run, watchdog
from tests.fuzz.seeds import TREES
from tests.model.hardening import (
    RAW_FORBIDDEN,
    READERS,
    SAMPLE_TEXT,
    assert_clean_line,
    bundle_with_manifest,
    export_sample,
    import_refused,
    project_copy,
    refused_as_process,
    refused_everywhere,
)
from tests.support import ROOT

V0: dict[str, Any] = TREES["v0"]


def _v0() -> dict[str, Any]:
    tree = copy.deepcopy(V0)
    assert tree["schema_version"] == 0 and "start_scene" in tree
    return tree


@pytest.fixture(scope="module")
def sample_bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return export_sample(tmp_path_factory.mktemp("bundle"))


def _bundle_with_drama(good: Path, out: Path, drama_text: str) -> Path:
    """``good`` whose manifest's drama is replaced by ``drama_text`` (any JSON text)."""

    def edit(text: str) -> str:
        manifest = json.loads(text)
        manifest["drama"] = "@@DRAMA@@"
        return json.dumps(manifest, indent=2).replace('"@@DRAMA@@"', drama_text)

    return bundle_with_manifest(good, out, edit)


# -- item 7: v0 shapes ------------------------------------------------------------------------

ODD_VALUES = {"string": "s", "number": 7, "float": 1.5, "null": None, "list": [1, "x"], "empty list": [],
              "true": True, "empty object": {}}
PLACES = {  # where an odd value goes in the v0 draft
    "scenes": lambda t, v: t.__setitem__("scenes", v),
    "a scene": lambda t, v: t["scenes"].__setitem__(0, v),
    "a choice": lambda t, v: t["scenes"][0].__setitem__("choice", v),
    "options": lambda t, v: t["scenes"][0]["choice"].__setitem__("options", v),
    "an option": lambda t, v: t["scenes"][0]["choice"]["options"].__setitem__(0, v),
    "a deposit": lambda t, v: t["scenes"][0]["choice"]["options"][0].__setitem__("deposit", v),
    "amount_fen": lambda t, v: t["scenes"][0]["choice"]["options"][0]["deposit"].__setitem__(
        "amount_fen", v),
    "end": lambda t, v: t["scenes"][1].__setitem__("end", v),
    "start_scene": lambda t, v: t.__setitem__("start_scene", v),
}


@pytest.mark.parametrize("value", sorted(ODD_VALUES))
@pytest.mark.parametrize("place", sorted(PLACES))
def test_v0_with_non_object_parts_migrates_or_names_the_part(place: str, value: str) -> None:
    tree = _v0()
    PLACES[place](tree, copy.deepcopy(ODD_VALUES[value]))
    original = copy.deepcopy(tree)
    migrated, version = migrate(tree)
    assert version == 0 and migrated["schema_version"] == SCHEMA_VERSION
    assert tree == original, "the migration changed the caller's data"
    try:
        project, _ = project_from_raw(tree)
    except ProjectError as exc:
        message = str(exc)
        assert "\n" not in message and message
        return
    assert project.schema_version == SCHEMA_VERSION  # accepted: a valid migrated project


@pytest.mark.parametrize("place", sorted(PLACES))
def test_v0_with_non_object_parts_through_every_command(place: str, tmp_path: Path) -> None:
    tree = _v0()
    PLACES[place](tree, "not an object")
    folder = project_copy(tmp_path, json.dumps(tree, indent=2))
    (folder / "media" / "clip.mp4").hardlink_to(folder / "media" / "payday.mp4")
    refused_everywhere(folder, tmp_path, (str(folder / "drama.json"),))


def test_v0_with_a_string_scene_as_a_real_process(tmp_path: Path) -> None:
    tree = _v0()
    tree["scenes"][1] = "the end"
    folder = project_copy(tmp_path, json.dumps(tree))
    refused_as_process(folder, tmp_path, "validate", ("scene 2", "valid dictionary"))


@pytest.mark.parametrize("place", ["scenes", "an option", "a deposit"])
def test_import_of_a_v0_drama_with_non_object_parts(sample_bundle: Path, tmp_path: Path, place: str) -> None:
    tree = _v0()
    PLACES[place](tree, ["not", "an", "object"])
    bundle = _bundle_with_drama(sample_bundle, tmp_path / "v0.drama.zip", json.dumps(tree))
    import_refused(bundle, tmp_path, ("manifest.json", "drama: "))


# -- item 8: deep nesting ---------------------------------------------------------------------

DEPTHS = [300, 5000, 100_000]
NESTS = {  # where a deep list goes in the v0 draft (as JSON text)
    "a scene": lambda t, deep: t["scenes"].append(deep),
    "a condition": lambda t, deep: t["scenes"][0]["choice"]["options"][0].__setitem__(
        "condition", {"!": deep}),
    "an option": lambda t, deep: t["scenes"][0]["choice"]["options"].append(deep),
    "an unknown key": lambda t, deep: t.__setitem__("legacy", {"notes": deep}),
}


def _deep_text(place: str, depth: int) -> str:
    tree = _v0()
    NESTS[place](tree, "@@DEEP@@")
    return json.dumps(tree).replace('"@@DEEP@@"', "[" * depth + "]" * depth)


def _deep_list(depth: int) -> list[Any]:
    deep: list[Any] = []
    for _ in range(depth):
        deep = [deep]
    return deep


@pytest.mark.parametrize("depth", DEPTHS)
@pytest.mark.parametrize("place", sorted(NESTS))
def test_deep_v0_file_is_refused_in_one_line(place: str, depth: int, tmp_path: Path) -> None:
    folder = project_copy(tmp_path, _deep_text(place, depth))
    with pytest.raises(ProjectError) as exc:
        load(folder)
    message = str(exc.value)
    assert "\n" not in message and f"nested deeper than {MAX_DEPTH} levels at line 1 column " in message


@pytest.mark.parametrize("depth", DEPTHS)
def test_deep_v0_file_through_every_command(depth: int, tmp_path: Path) -> None:
    folder = project_copy(tmp_path, _deep_text("a condition", depth))
    refused_everywhere(folder, tmp_path, (f"nested deeper than {MAX_DEPTH} levels",))


def test_deep_manifest_drama_is_refused_by_import(sample_bundle: Path, tmp_path: Path) -> None:
    bundle = _bundle_with_drama(sample_bundle, tmp_path / "deep.drama.zip", _deep_text("a scene", 5000))
    import_refused(bundle, tmp_path, ("manifest.json", "nested deeper than"))


@pytest.mark.parametrize("depth", DEPTHS)
@pytest.mark.parametrize("place", sorted(NESTS))
def test_deep_v0_data_in_memory_is_refused_in_one_short_line(place: str, depth: int) -> None:
    """Data built in memory skips the parser's depth check: the migration must still not recurse,
    and validation names the place in one line of bounded length."""
    tree = _v0()
    NESTS[place](tree, _deep_list(depth))
    with pytest.raises(ProjectError) as exc:
        project_from_raw(tree)
    message = str(exc.value)
    assert "\n" not in message and len(message) < 500, message[:600]


_LOW_LIMIT_CHILD = textwrap.dedent(
    """
    import json, sys
    sys.path.insert(0, {root!r})
    from studio.model import ProjectError, load
    from studio.model.migrations import migrate
    folder, depth = sys.argv[1], int(sys.argv[2])
    deep = []
    for _ in range(depth):
        deep = [deep]
    tree = json.loads(open(sys.argv[3]).read())
    tree["scenes"].append(deep)
    sys.setrecursionlimit({limit})  # far below the nesting limit: any recursive step would fail
    migrate(tree)  # the v0 -> v1 -> v2 steps never recurse
    try:
        load(folder)
    except ProjectError as exc:
        print(exc)
    """
)


@pytest.mark.parametrize("depth", DEPTHS)
def test_depth_limit_holds_before_any_recursion(depth: int, tmp_path: Path) -> None:
    folder = project_copy(tmp_path, _deep_text("a condition", depth))
    v0 = tmp_path / "v0.json"
    v0.write_text(json.dumps(V0))
    script = tmp_path / "child.py"
    script.write_text(_LOW_LIMIT_CHILD.format(root=str(ROOT), limit=MAX_DEPTH // 2))
    done = subprocess.run([sys.executable, str(script), str(folder), str(depth), str(v0)],
                          capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "Recursion" not in done.stdout + done.stderr
    assert f"nested deeper than {MAX_DEPTH} levels at line 1 column" in done.stdout, done.stdout


# -- the depth pre-scan -----------------------------------------------------------------------

_TRICKY = "[]{}\"\\/ab\n\t\u2028é☃𝄞"


def _depth(value: Any) -> int:
    if isinstance(value, list):
        return 1 + max(map(_depth, value), default=0)
    if isinstance(value, dict):
        return 1 + max(map(_depth, value.values()), default=0)
    return 0


_values = st.recursive(
    st.text(_TRICKY, max_size=8) | st.integers() | st.booleans() | st.none(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(_TRICKY, max_size=6), inner,
                                                                  max_size=4),
    max_leaves=40,
)


@settings(max_examples=150, deadline=None)
@given(value=_values, ascii_only=st.booleans(), indent=st.sampled_from([None, 2]))
def test_depth_prescan_agrees_with_the_parsed_value(value: Any, ascii_only: bool, indent: int | None) -> None:
    """Brackets, quotes and backslashes inside strings (escaped or raw UTF-8) never count."""
    text = json.dumps(value, ensure_ascii=ascii_only, indent=indent)
    depth = _depth(value)
    check_depth(text, limit=depth)
    if depth > 0:
        with pytest.raises(ProjectError, match=f"nested deeper than {depth - 1} levels"):
            check_depth(text, limit=depth - 1)


@pytest.mark.parametrize(
    "text",
    [
        '{"a": "' + "[" * 150 + '", "b": [1]}',
        '["\\\\", "\\"[[[[", ' + '"]]]]\\\\\\"" ]',
        '{"k\\"[": [[["\\\\\\\\"]]]}',
        json.dumps(["[" * 200, {"x": "{" * 200}]),
    ],
)
def test_brackets_in_strings_never_count(text: str) -> None:
    depth = _depth(json.loads(text))
    check_depth(text, limit=depth)
    with pytest.raises(ProjectError):
        check_depth(text, limit=depth - 1)
    assert _depth(parse_json(text.encode())) == depth


@pytest.mark.parametrize(
    "text",
    [
        "[" * (MAX_DEPTH + 1) + '"' + '\\"' * 200_000,  # an unterminated string of escaped quotes
        '"' + '\\"' * 200_000,
        "[" * (MAX_DEPTH + 1) + '"\\' * 200_000,
        '{"a": "' + "\\\\" * 200_000 + "[" * 200,
    ],
    ids=["deep-then-escaped-quotes", "escaped-quotes", "quote-backslash", "escaped-backslashes"],
)
def test_hostile_text_is_refused_without_a_quadratic_scan(text: str, tmp_path: Path) -> None:
    """The old pre-scan restarted at every escaped quote of an unterminated string: 40 s for
    80 KB. These 400 KB cases run under the per-command watchdog."""
    folder = project_copy(tmp_path, text)
    with watchdog(10.0), pytest.raises(ProjectError) as exc:
        load(folder)
    assert "\n" not in str(exc.value)
    refused_everywhere(folder, tmp_path, commands=("validate",))


# -- item 11: one line whatever the values hold ------------------------------------------------

NASTY = {
    "newline": "a\nb",
    "carriage return": "a\rb",
    "tab": "a\tb",
    "escape": "a\x1b[31mb",
    "line separator": "a\u2028b",
    "bidi override": "a\u202eb",
    "nul": "a\x00b",
    "all": "a\nb\r\t\x1b[2J\u2028\u2029\x85\x0c\u202e",
}
TARGETS = {  # a place in the sample that quotes a value in its error
    "scene id": ('"id": "payday",\n      "title"', '"id": {},\n      "title"'),
    "option target": ('"target": "save_path"', '"target": {}'),
    "media id": ('"id": "payday",\n      "path"', '"id": {},\n      "path"'),
    "scene media": ('"media": "payday"', '"media": {}'),
    "media path": ('"path": "media/payday.mp4"', '"path": {}'),
    "variable in a condition": ('"var": "saved.trip"', '"var": {}'),
    "variable in an effect": ('"var": "discipline"', '"var": {}'),
    "variable id": ('"id": "discipline"', '"id": {}'),
    "operator": ('">="', "{}"),
    "unknown key": ('"condition": null', '"condition": null, {}: 1'),
    "start": ('"start": "payday"', '"start": {}'),
}


def _nasty_text(target: str, nasty: str) -> str:
    old, new = TARGETS[target]
    assert old in SAMPLE_TEXT, old
    return SAMPLE_TEXT.replace(old, new.format(json.dumps(NASTY[nasty])), 1)


@pytest.mark.parametrize(
    ("target", "nasty"),
    [(t, n) for t in sorted(TARGETS) for n in sorted(NASTY)],
)
def test_errors_quoting_nasty_values_are_one_line(target: str, nasty: str, tmp_path: Path) -> None:
    folder = project_copy(tmp_path, _nasty_text(target, nasty))
    before = run(["validate", str(folder)])
    if before.code == 2:
        # One line each, nothing raw in it: every command for the mix of all, two printers else.
        refused_everywhere(folder, tmp_path, commands=READERS if nasty == "all" else ("validate", "play"))
        return
    # Accepted (a media path may hold control characters on Linux): then nothing printed holds
    # them raw either, and every problem is one line.
    check(before, (0, 1))
    for line in before.stdout.splitlines():
        assert not set(line) & set(RAW_FORBIDDEN), repr(line)


@pytest.mark.parametrize("target", ["scene id", "unknown key", "variable in a condition", "operator"])
def test_nasty_values_name_the_place_escaped(target: str, tmp_path: Path) -> None:
    folder = project_copy(tmp_path, _nasty_text(target, "all"))
    with pytest.raises(ProjectError) as exc:
        load(folder)
    message = str(exc.value)
    assert "\n" not in message
    assert "a\\nb\\r\\t\\x1b[2J\\u2028\\u2029\\x85\\x0c\\u202e" in message, message


@pytest.mark.parametrize("target", ["option target", "variable in a condition"])
def test_nasty_values_through_a_real_process(target: str, tmp_path: Path) -> None:
    folder = project_copy(tmp_path, _nasty_text(target, "all"))
    o = refused_as_process(folder, tmp_path, "play")
    assert "\\u2028" in o.stderr or "should match pattern" in o.stderr


@pytest.mark.parametrize("target", ["scene id", "unknown key", "variable in a condition"])
def test_import_errors_quoting_nasty_values_are_one_line(
    sample_bundle: Path, tmp_path: Path, target: str
) -> None:
    text = _nasty_text(target, "all")
    bundle = _bundle_with_drama(sample_bundle, tmp_path / "nasty.drama.zip", text)
    o = import_refused(bundle, tmp_path, ("manifest.json",))
    assert_clean_line(o.stderr)
