"""studio.model.names: texts made with ids, said with the names a person knows (#15 defect 11)."""

from __future__ import annotations

from studio.model import load_project
from studio.model.names import models_in, readable
from studio.model.ops import OptionRef, RemoveItem
from tests.support import SAMPLES


def test_readable_names_scenes_items_and_fields() -> None:
    project = load_project(SAMPLES / "savings")
    project.scene_map()["month_end"].title = "The reckoning"
    assert readable("Move scene 'month_end'", project) == "Move scene “The reckoning”"
    assert readable("Set scene 'month_end' > out_ms", project) == "Set scene “The reckoning” › out"
    assert readable("Set scene 'payday' > option 'save' > label", project) == (
        "Set scene “发薪日” › option “存下¥200.00去旅行” › label"
    )
    assert readable("Set goal 'trip' > cap", project) == "Set goal “云南梦想之旅” › cap"
    # unknown ids stay (they are all there is); texts without ids are left alone
    assert readable("points to 'nowhere', which is not a scene", project) == (
        "points to 'nowhere', which is not a scene"
    )
    assert readable("Give scene 'gone' a clip", project) == "Give scene 'gone' a clip"
    assert readable("Rename 'Month end' to 'Half way'", project) == "Rename 'Month end' to 'Half way'"


def test_a_removed_item_is_named_from_the_edit_that_removed_it() -> None:
    project = load_project(SAMPLES / "savings")
    op = RemoveItem(OptionRef("payday", "save"))
    applied = op.apply(project)
    assert "save" not in {o.id for o in project.scene_map()["payday"].choice.options}
    assert readable(op.text, project) == "Remove scene “发薪日” › choice › option 'save'"
    assert readable(op.text, project, models_in((op, applied.inverse))) == (
        "Remove scene “发薪日” › choice › option “存下¥200.00去旅行”"
    )
