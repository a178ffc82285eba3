"""Pure edit operations: each op applies, its inverse restores, failures change nothing."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from studio.model import Project, dumps, load_project
from studio.model import gestures as edits
from studio.model.ids import unique_id
from studio.model.ops import (
    PROJECT,
    AddItem,
    AddScenes,
    Batch,
    ChangeSet,
    ChoiceRef,
    GoalRef,
    MediaRef,
    MoveScenes,
    Op,
    OpError,
    OptionRef,
    PromptRef,
    RemoveItem,
    RemoveScenes,
    SceneRef,
    SetField,
    VariableRef,
    parse_path,
    set_default_option,
)
from studio.model.project import Product, SavingsGoal, Variable
from tests.support import SAMPLES


def savings() -> Project:
    return load_project(SAMPLES / "savings")


def shoppable() -> Project:
    return load_project(SAMPLES / "shoppable")


def roundtrip(project: Project, op: Op) -> ChangeSet:
    """Apply op, check the project stays valid, undo, check byte-identical."""
    before = dumps(project)
    applied = op.apply(project)
    after = dumps(project)
    Project.model_validate_json(after)  # still a valid project
    applied.inverse.apply(project)
    assert dumps(project) == before
    redo = op.apply(project)
    assert dumps(project) == after
    redo.inverse.apply(project)
    return applied.changes


def test_set_field_on_nested_paths() -> None:
    p = savings()
    roundtrip(p, SetField(ChoiceRef("payday").appear_ms, 2000))
    roundtrip(p, SetField(OptionRef("payday", "save").label, "Keep it"))
    roundtrip(p, SetField(PromptRef("payday", "round_up").amount, 700))
    roundtrip(p, SetField(GoalRef("trip").target, 500000))
    roundtrip(p, SetField(PROJECT.title, "New title"))
    changes = roundtrip(p, SetField(PROJECT.start, "month_end"))
    assert changes.project and changes.scenes == {"payday", "month_end"}
    changes = roundtrip(p, SetField(SceneRef("payday").position, {"x": 5.0, "y": 6.0}))
    assert changes.moved == {"payday"} and changes.layout_only


def test_set_field_refuses_invalid_values_and_leaves_project_unchanged() -> None:
    p = savings()
    before = dumps(p)
    bad = [
        lambda: SetField(ChoiceRef("payday").appear_ms, 9000),  # after decision_ms
        lambda: SetField(OptionRef("payday", "save").target, "nowhere"),
        lambda: SetField(OptionRef("payday", "spend").default, True),  # 2 defaults
        lambda: SetField(SceneRef("payday").ending, True),  # ending with a choice point
        lambda: SetField(parse_path(("scene", "payday", "id")), "renamed"),  # no typed ref has one
        lambda: SetField(SceneRef("payday").media, "no_such_clip"),
        lambda: SetField(PROJECT.start, "nowhere"),
        lambda: SetField(SceneRef("nope").title, "x"),
        lambda: SetField(parse_path(("scene", "payday", "colour")), "red"),  # nor this field
        lambda: SetField(GoalRef("trip").target, "lots"),
    ]
    for build in bad:
        with pytest.raises(OpError) as info:
            build().apply(p)
        assert "\n" not in str(info.value)
        assert dumps(p) == before, build


def test_error_names_the_item() -> None:
    with pytest.raises(OpError, match=r"scene 'payday' > choice > option 'save' > target"):
        SetField(OptionRef("payday", "save").target, "x").apply(savings())


def test_remove_scene_removes_and_restores_incoming_options() -> None:
    p = savings()
    changes = roundtrip(p, RemoveScenes(("month_end",)))
    assert changes.structure
    assert {"save_path", "temptation", "month_end"} <= changes.scenes
    RemoveScenes(("month_end",)).apply(p)
    targets = [o.target for s in p.scenes if s.choice for o in s.choice.options]
    assert "month_end" not in targets
    # save_path's only options went to month_end: its choice point is gone.
    assert p.scene_map()["save_path"].choice is None


def test_removing_the_start_scene_moves_the_start() -> None:
    p = savings()
    roundtrip(p, RemoveScenes(("payday",)))
    RemoveScenes(("payday",)).apply(p)
    assert p.start == p.scenes[0].id


def test_add_first_scene_sets_start() -> None:
    p = savings()
    clip = p.media[0]
    empty = Project(title="Empty", media=[clip])
    op = edits.add_scenes_for_media(empty, [clip.id, clip.id], 10, 20)
    inverse = op.apply(empty).inverse
    assert empty.start == empty.scenes[0].id and len({s.id for s in empty.scenes}) == 2
    inverse.apply(empty)
    assert empty.start is None and not empty.scenes


def test_catalog_items_in_use_cannot_be_removed() -> None:
    p = savings()
    for ref in (GoalRef("trip"), VariableRef("discipline"), MediaRef("payday")):
        with pytest.raises(OpError, match="still in use"):
            RemoveItem(ref).apply(p)
    roundtrip(p, AddItem(PROJECT.goals, SavingsGoal(id="car", name="Car", target=100)))
    roundtrip(p, AddItem(PROJECT.variables, Variable(id="luck", type="int", default=0), 0))
    q = shoppable()
    roundtrip(q, AddItem(PROJECT.products, Product(id="lip", sku="L1", name="Lipstick")))
    with pytest.raises(OpError, match="id already exists"):
        AddItem(PROJECT.products, Product(id="serum", sku="x", name="x")).apply(q)


def test_remove_option_keeps_choice_valid() -> None:
    p = savings()
    roundtrip(p, edits.remove_option("payday", "save"))  # the default: passes to 'spend'
    edits.remove_option("payday", "save").apply(p)
    choice = p.scene_map()["payday"].choice
    assert choice is not None and [o.default for o in choice.options] == [True]
    roundtrip(p, edits.remove_option("payday", "spend"))
    edits.remove_option("payday", "spend").apply(p)
    assert p.scene_map()["payday"].choice is None


def test_connect_creates_choice_point_and_unmarks_endings() -> None:
    p = savings()
    changes = roundtrip(p, edits.connect("ending_dream", "payday"))
    assert changes.structure and "ending_dream" in changes.scenes
    edits.connect("ending_dream", "payday").apply(p)
    scene = p.scene_map()["ending_dream"]
    assert not scene.ending and scene.choice is not None
    assert scene.choice.options[0].target == "payday" and scene.choice.options[0].default
    duration = p.media_map()[scene.media].duration_ms
    assert scene.choice.decision_ms == duration
    roundtrip(p, edits.connect("payday", "ending_broke", "Gamble"))


def test_mark_ending_removes_choice_and_undo_restores() -> None:
    p = savings()
    roundtrip(p, edits.mark_ending("payday", True, "bad"))
    edits.mark_ending("payday", True, "bad").apply(p)
    assert p.scene_map()["payday"].ending_kind == "bad"
    roundtrip(p, edits.mark_ending("payday", False))


def test_move_duplicate_paste_and_delete() -> None:
    p = savings()
    assert roundtrip(p, MoveScenes((("payday", 1.0, 2.0), ("month_end", 3.0, 4.0)))).layout_only
    roundtrip(p, edits.duplicate(["payday", "save_path"]))
    applied = edits.duplicate(["payday", "save_path"]).apply(p)
    copy = p.scene_map()["payday_copy"]
    assert copy.choice is not None
    assert {o.target for o in copy.choice.options} == {"save_path_copy", "spend_path"}
    applied.inverse.apply(p)
    roundtrip(p, edits.paste(edits.copy_payload(p, ["month_end", "ending_dream"])))
    q = shoppable()
    roundtrip(q, edits.paste(edits.copy_payload(p, ["ending_dream"])))  # its clip is added
    with pytest.raises(OpError, match="unknown goal 'trip'"):
        edits.paste(edits.copy_payload(p, ["payday"])).apply(q)  # no 'trip' goal here
    roundtrip(p, edits.delete(["payday"], [("month_end", "party"), ("payday", "save")]))


def test_set_default_option_and_relink() -> None:
    p = savings()
    scene = p.scene_map()["payday"]
    roundtrip(p, SetField(SceneRef("payday").choice, set_default_option(scene, "spend")))
    asset = p.media_map()["payday"].model_copy(update={"path": "media/moved/payday.mp4"})
    changes = roundtrip(p, SetField(MediaRef("payday"), asset))
    assert changes.media and changes.scenes == {"payday"}
    with pytest.raises(OpError, match="replacement"):
        SetField(MediaRef("payday"), p.media_map()["save_path"]).apply(p)


def test_batch_is_all_or_nothing() -> None:
    p = savings()
    before = dumps(p)
    batch = Batch((SetField(PROJECT.title, "A"), SetField(PROJECT.start, "x")))
    with pytest.raises(OpError):
        batch.apply(p)
    assert dumps(p) == before


def test_unique_id() -> None:
    assert unique_id("My clip!", []) == "My_clip"
    assert unique_id("a", ["a", "a_2"]) == "a_3"
    assert unique_id("...", []) == "item"


# --- random edit sequences --------------------------------------------------------


def _pick(data: st.DataObject, items: list[Any], label: str) -> Any:
    return data.draw(st.sampled_from(items), label=label)


KINDS = [
    *("move", "add", "remove", "connect", "unlink", "title", "appear", "start", "ending"),
    *("unending", "duplicate", "paste", "goal", "ungoal", "amount", "default", "relink"),
]


def random_op(p: Project, data: st.DataObject) -> Op:
    scenes = [s.id for s in p.scenes] or ["none"]
    kind = data.draw(st.sampled_from(KINDS), label="kind")
    sid = _pick(data, scenes, "scene")
    other = _pick(data, scenes, "other")
    num = data.draw(st.integers(-10, 7000), label="num")
    if kind == "move":
        return MoveScenes(((sid, float(num), float(-num)),))
    if kind == "add":
        return edits.add_scenes_for_media(p, [_pick(data, [m.id for m in p.media], "m")], num, 0)
    if kind == "remove":
        return RemoveScenes(tuple(dict.fromkeys([sid, other])))
    if kind == "connect":
        return edits.connect(sid, other)
    if kind == "unlink":
        edges = [(s.id, o.id) for s in p.scenes if s.choice for o in s.choice.options]
        return edits.delete([], [_pick(data, edges, "edge")] if edges else [])
    if kind == "title":
        return SetField(SceneRef(sid).title, f"T{num}")
    if kind == "appear":
        return SetField(ChoiceRef(sid).appear_ms, num)
    if kind == "start":
        return edits.set_start(sid)
    if kind in ("ending", "unending"):
        return edits.mark_ending(sid, kind == "ending", "good" if num % 2 else None)
    if kind == "duplicate":
        return edits.duplicate([sid, other])
    if kind == "paste":
        return edits.paste(edits.copy_payload(p, [sid, other]), 10, 10)
    if kind == "goal":
        return AddItem(PROJECT.goals, SavingsGoal(id=f"g{num % 5}", name="G", target=num % 100 + 1))
    if kind == "ungoal":
        return RemoveItem(GoalRef(_pick(data, [g.id for g in p.goals] or ["x"], "goal")))
    if kind == "amount":
        return SetField(GoalRef("trip").target, num)
    if kind == "default":
        scene = p.scene_map().get(sid)
        if scene is None or scene.choice is None:
            return SetField(ChoiceRef(sid).timeout, "pause")
        oid = _pick(data, [o.id for o in scene.choice.options], "option")
        return SetField(SceneRef(sid).choice, set_default_option(scene, oid))
    asset = p.media[num % len(p.media)]
    return SetField(MediaRef(asset.id), asset.model_copy(update={"path": f"media/x{num}.mp4"}))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_random_sequences_undo_to_the_original(data: st.DataObject) -> None:
    p = savings()
    original = dumps(p)
    applied: list[tuple[Op, bytes]] = []
    inverses: list[Op] = []
    for _ in range(data.draw(st.integers(1, 25), label="length")):
        before = dumps(p)
        try:
            op = random_op(p, data)
            result = op.apply(p)
        except OpError:
            assert dumps(p) == before  # refused edits change nothing
            continue
        state = dumps(p)
        Project.model_validate_json(state)  # every accepted edit keeps the project valid
        applied.append((op, state))
        inverses.append(result.inverse)
    for inverse in reversed(inverses):
        inverse.apply(p)
    assert dumps(p) == original
    for op, state in applied:  # redo replays to the same states
        op.apply(p)
        assert dumps(p) == state


def test_add_scenes_refuses_duplicate_ids() -> None:
    p = savings()
    scene = p.scene_map()["payday"]
    with pytest.raises(OpError, match="already exists"):
        AddScenes((scene,)).apply(p)
