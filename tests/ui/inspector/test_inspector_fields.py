"""Inspector forms: routing, typed fields, strict refusal with reasons, merged undo."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from studio.ui.inspector.fields import ComboField, LineField, MoneyField
from studio.ui.inspector.item_forms import OptionForm, PromptForm, TagForm
from studio.ui.inspector.scene_forms import ChoiceForm, SceneForm
from tests.ui.inspector.conftest import make_inspector
from tests.ui.timeline.support import Env

pytestmark = pytest.mark.gui
PROMPT = ("scene", "payday", "prompt", "round_up")


def type_into(qtbot: QtBot, field: LineField, text: str, enter: bool = True) -> None:
    field.edit.setFocus()
    field.edit.selectAll()
    qtbot.keyClicks(field.edit, text)
    if enter:
        qtbot.keyClick(field.edit, Qt.Key.Key_Return)


def prompt_of(env: Env) -> object:
    return next(p for p in env.doc.project.scene_map()["payday"].prompts if p.id == "round_up")


def test_routes_selection_to_forms(qtbot: QtBot, savings: Env, shoppable: Env) -> None:
    panel = make_inspector(qtbot, savings)
    hint = panel.item_scroll.widget()
    assert panel.form is None and isinstance(hint, QLabel) and "Select a scene" in hint.text()
    cases = [
        (("scene", "payday"), SceneForm),
        (("scene", "payday", "choice"), ChoiceForm),
        (("scene", "payday", "option", "save"), OptionForm),
        (PROMPT, PromptForm),
    ]
    for path, cls in cases:
        savings.selection.set([path[1]], current=path)
        assert type(panel.form) is cls and panel.form.path == path
    # a graph selection of one scene without a current item shows the scene
    savings.selection.set(["save_path"])
    assert type(panel.form) is SceneForm and panel.form.path == ("scene", "save_path")
    savings.selection.set(["payday"], current=("scene", "payday", "option", "save"))
    assert panel.crumb.full_text == "Scene “发薪日”  ›  Option “存下{amount}去旅行”"  # the sample's text
    savings.selection.set(["payday"], current=("scene", "payday", "choice"))
    goes = [b.text() for b in panel.form.findChildren(QPushButton) if "→" in b.text()]
    assert goes == ["存下{amount}去旅行  →  “把钱存起来”  ★ default", "买新手机  →  “把钱花掉”"]
    other = make_inspector(qtbot, shoppable, ("scene", "office", "tag", "cream_desk"))
    assert type(other.form) is TagForm
    # names, not ids
    assert other.crumb.full_text == "Scene “At the office”  ›  Product tag “Hydra Cream 50ml”"


def test_typing_a_title_merges_into_one_undo_step(qtbot: QtBot, savings: Env) -> None:
    panel = make_inspector(qtbot, savings, ("scene", "payday"))
    assert panel.form is not None
    title = panel.form.part("scene", "payday", "title")
    stack = savings.doc.undo_stack
    before = stack.count()
    title.edit.setFocus()
    title.edit.end(False)
    qtbot.keyClicks(title.edit, " at la")
    qtbot.waitUntil(lambda: savings.doc.project.scene_map()["payday"].title == "发薪日 at la", timeout=3000)
    qtbot.keyClicks(title.edit, "st")
    qtbot.keyClick(title.edit, Qt.Key.Key_Return)
    assert savings.doc.project.scene_map()["payday"].title == "发薪日 at last"
    assert stack.count() == before + 1
    stack.undo()
    assert savings.doc.project.scene_map()["payday"].title == "发薪日"
    assert title.edit.text() == "发薪日"
    stack.redo()
    assert title.edit.text() == "发薪日 at last"


def test_money_is_typed_in_the_currency_and_stored_as_minor_units(qtbot: QtBot, savings: Env) -> None:
    panel = make_inspector(qtbot, savings, PROMPT)
    assert panel.form is not None
    amount = panel.form.part(*PROMPT, "amount")
    assert isinstance(amount, MoneyField)
    assert amount.prefix.text() == "¥" and amount.edit.text() == "50.00"
    type_into(qtbot, amount, "75.5")
    assert prompt_of(savings).amount == 7550  # type: ignore[attr-defined]
    assert amount.edit.text() == "75.50" or amount.edit.hasFocus()
    for bad, reason in [
        ("12.345", "decimal places"),
        ("abc", "not an amount"),
        ("-3", "at least"),
        ("0", "at least ¥0.01"),
    ]:
        type_into(qtbot, amount, bad)
        assert reason in amount.error_text, (bad, amount.error_text)
        assert prompt_of(savings).amount == 7550  # type: ignore[attr-defined]
    qtbot.keyClick(amount.edit, Qt.Key.Key_Escape)
    assert amount.edit.text() == "75.50" and not amount.error_text
    savings.doc.undo_stack.undo()
    assert prompt_of(savings).amount == 5000  # type: ignore[attr-defined]


def test_milliseconds_are_strict_and_model_rules_show_inline(qtbot: QtBot, savings: Env) -> None:
    panel = make_inspector(qtbot, savings, ("scene", "payday", "choice"))
    assert panel.form is not None
    appear = panel.form.part("scene", "payday", "choice", "appear_ms")
    type_into(qtbot, appear, "3.5s", enter=False)
    assert "whole number of milliseconds" in appear.error_text  # live, while typing
    qtbot.keyClick(appear.edit, Qt.Key.Key_Return)
    choice = savings.doc.project.scene_map()["payday"].choice
    assert choice is not None and choice.appear_ms == 3000
    type_into(qtbot, appear, "6000")  # after the deadline: the model refuses
    assert "decision_ms must be after appear_ms" in appear.error_text
    assert savings.doc.project.scene_map()["payday"].choice.appear_ms == 3000  # type: ignore[union-attr]
    type_into(qtbot, appear, "2500")
    assert savings.doc.project.scene_map()["payday"].choice.appear_ms == 2500  # type: ignore[union-attr]
    assert not appear.error_text


def test_text_longer_than_allowed_is_refused_not_cut(qtbot: QtBot, savings: Env) -> None:
    panel = make_inspector(qtbot, savings, ("scene", "payday"))
    assert panel.form is not None
    title = panel.form.part("scene", "payday", "title")
    title.edit.setText("x" * 201)
    title._dirty = True
    assert not title.commit()
    assert "200 characters" in title.error_text
    assert savings.doc.project.scene_map()["payday"].title == "发薪日"


def test_combos_and_checks_push_one_step_each(qtbot: QtBot, savings: Env) -> None:
    panel = make_inspector(qtbot, savings, ("scene", "payday", "option", "spend"))
    assert panel.form is not None
    target = panel.form.part("scene", "payday", "option", "spend", "target")
    assert isinstance(target, ComboField)
    target.pick("month_end")
    choice = savings.doc.project.scene_map()["payday"].choice
    assert choice is not None and choice.options[1].target == "month_end"
    # making 'spend' the default takes it from 'save' (one op on the choice)
    default = panel.form.part("scene", "payday", "option", "spend", "default")
    default.box.click()
    choice = savings.doc.project.scene_map()["payday"].choice
    assert choice is not None and [o.default for o in choice.options] == [False, True]
    # un-marking the only default is refused: timeout 'default' needs one
    default.box.click()
    assert "needs an option marked default" in default.error_text
    assert default.box.isChecked()
    savings.doc.undo_stack.undo()
    savings.doc.undo_stack.undo()
    choice = savings.doc.project.scene_map()["payday"].choice
    assert choice is not None and choice.options[1].target == "spend_path" and choice.options[0].default


def test_marking_an_ending_is_undoable(qtbot: QtBot, savings: Env) -> None:
    panel = make_inspector(qtbot, savings, ("scene", "payday"))
    assert panel.form is not None
    ending = panel.form.part("scene", "payday", "ending")
    ending.pick("good")
    scene = savings.doc.project.scene_map()["payday"]
    assert scene.ending and scene.ending_kind == "good" and scene.choice is None
    savings.doc.undo_stack.undo()
    scene = savings.doc.project.scene_map()["payday"]
    assert not scene.ending and scene.choice is not None
    QApplication.processEvents()
    assert panel.form.part("scene", "payday", "ending").combo.currentText() == "Not an ending"


def test_deposit_goal_and_amount(qtbot: QtBot, savings: Env) -> None:
    panel = make_inspector(qtbot, savings, ("scene", "payday", "option", "spend"))
    assert panel.form is not None
    base = ("scene", "payday", "option", "spend", "deposit")
    amount = panel.form.part(*base, "amount")
    assert not amount.isEnabled()
    panel.form.part(*base).pick("trip")
    assert amount.isEnabled()
    type_into(qtbot, amount, "1,000")
    choice = savings.doc.project.scene_map()["payday"].choice
    assert choice is not None and choice.options[1].deposit is not None
    assert choice.options[1].deposit.amount == 100_000


def test_removing_an_item_falls_back_to_its_scene(qtbot: QtBot, savings: Env) -> None:
    panel = make_inspector(qtbot, savings, PROMPT)
    assert isinstance(panel.form, PromptForm)
    savings.doc.undo_stack.clear()
    from studio.model.ops import PromptRef, RemoveItem

    assert savings.doc.push(RemoveItem(PromptRef("payday", "round_up")))
    assert isinstance(panel.form, SceneForm)
    savings.doc.undo_stack.undo()
    savings.selection.set(["payday"], current=PROMPT)
    assert isinstance(panel.form, PromptForm)


def test_typed_text_is_applied_when_the_selection_moves_on(qtbot: QtBot, savings: Env) -> None:
    panel = make_inspector(qtbot, savings, PROMPT)
    assert panel.form is not None
    text = panel.form.part(*PROMPT, "text")
    text.edit.setFocus()
    text.edit.end(False)
    qtbot.keyClicks(text.edit, " Yes!")  # no Enter, debounce still pending
    savings.selection.set(["payday"], current=("scene", "payday", "choice"))
    assert isinstance(panel.form, ChoiceForm)
    assert prompt_of(savings).text.endswith("存进旅行基金？ Yes!")  # type: ignore[attr-defined]
    savings.doc.undo_stack.undo()
    assert prompt_of(savings).text.endswith("存进旅行基金？")  # type: ignore[attr-defined]
