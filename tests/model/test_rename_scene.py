"""Renaming a scene takes along the option labels that still read its old title (one edit)."""

from __future__ import annotations

import pytest

from studio.model import dumps, load
from studio.model.ops import OpError, links
from studio.model.ops.rename import rename_scene, unedited_labels
from tests.support import SAMPLES


def test_unedited_labels_follow_the_rename_and_edited_ones_stay() -> None:
    project = load(SAMPLES / "savings").project
    before = dumps(project)
    # A link from month_end to save_path labels the new option with its target's title.
    links.connect("month_end", "save_path").apply(project)
    new = project.scene_map()["month_end"].choice.options[-1]  # type: ignore[union-attr]
    assert new.label == "把钱存起来" and new.target == "save_path"
    assert [r.option for r in unedited_labels(project, "save_path", "把钱存起来")] == [new.id]
    applied = rename_scene("save_path", "Putting it aside").apply(project)
    scenes = project.scene_map()
    assert scenes["save_path"].title == "Putting it aside"
    options = {o.id: o for o in scenes["month_end"].choice.options}  # type: ignore[union-attr]
    assert options[new.id].label == "Putting it aside"
    # payday's option to save_path was written by the author: untouched
    payday = {o.id: o.label for o in scenes["payday"].choice.options}  # type: ignore[union-attr]
    assert payday["save"] == "存下{amount}去旅行"
    applied.inverse.apply(project)  # one undo puts title and label back
    assert project.scene_map()["save_path"].title == "把钱存起来"
    assert {o.id: o.label for o in project.scene_map()["month_end"].choice.options}[new.id] == "把钱存起来"
    assert dumps(project) != before  # the connect itself is still there


def test_rename_of_a_missing_scene_is_refused() -> None:
    project = load(SAMPLES / "savings").project
    with pytest.raises(OpError, match="unknown scene 'nope'"):
        rename_scene("nope", "X").apply(project)
    assert rename_scene("payday", "Pay").text == "Rename scene"
