"""Every inspector field is bound to a typed target that resolves in the project it shows, and a
field shows the reason its push returned (the status bar gets the same line)."""

from __future__ import annotations

from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from studio.model.ops import Loc
from studio.ui.inspector.condition import ConditionEditor
from studio.ui.inspector.effects import EffectsEditor
from studio.ui.inspector.fields import Field, LineField
from studio.ui.inspector.forms import Form
from tests.ui.inspector.conftest import make_inspector
from tests.ui.timeline.support import Env, load_env

pytestmark = pytest.mark.gui

ITEMS = {
    "savings": [("scene", "payday"), ("scene", "payday", "choice"), ("scene", "payday", "option", "save"),
                ("scene", "payday", "prompt", "round_up")],
    "shoppable": [("scene", "office"), ("scene", "office", "tag", "cream_desk")],
}


def _bound(form: Form) -> list[Any]:
    found: list[Any] = []
    for kind in (Field, EffectsEditor, ConditionEditor):
        found += form.findChildren(kind)
    return found


@pytest.mark.parametrize("name", sorted(ITEMS))
def test_every_field_has_a_typed_target_that_resolves(qtbot: QtBot, name: str) -> None:
    env: Env = load_env(name)
    panel = make_inspector(qtbot, env)
    project = env.doc.project
    forms: list[Form] = []
    for path in ITEMS[name]:
        env.selection.set([path[1]], current=path)
        assert panel.form is not None and panel.form.path == path
        forms.append(panel.form)
        seen = _bound(panel.form)
        assert seen, path
        for widget in seen:
            target: Loc[Any] = widget.target
            assert isinstance(target, Loc)
            assert widget.path == target.id_path  # forms find their fields by this identity
            target.get(project)  # resolves (raises OpError if the binding were wrong)
    assert panel.project_form is not None
    for widget in _bound(panel.project_form):
        assert widget.path == widget.target.id_path
        widget.read(project)
    env.doc.close()


def test_a_refused_edit_is_shown_from_the_push_outcome(qtbot: QtBot) -> None:
    env: Env = load_env("savings")
    panel = make_inspector(qtbot, env, ("scene", "payday", "choice"))
    assert panel.form is not None
    appear = panel.form.part("scene", "payday", "choice", "appear_ms")
    assert isinstance(appear, LineField)
    said: list[str] = []
    env.doc.message.connect(said.append)
    appear.edit.setText("9000")
    appear._dirty = True
    assert not appear.commit()
    assert appear.error_text == "decision_ms must be after appear_ms"
    assert said == ["scene 'payday' > choice > appear_ms: decision_ms must be after appear_ms"]
    env.doc.close()
