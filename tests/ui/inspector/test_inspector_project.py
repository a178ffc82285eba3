"""The Project tab: goals, product catalog and variables, refusals with reasons, undo."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from studio.ui.inspector.fields import LineField
from studio.ui.inspector.forms import OpButton
from studio.ui.inspector.panel import InspectorPanel
from studio.ui.inspector.project_form import NewVariable, ProjectForm
from tests.ui.inspector.conftest import make_inspector
from tests.ui.timeline.support import Env

pytestmark = pytest.mark.gui


def project_form(panel: InspectorPanel) -> ProjectForm:
    panel.tabs.setCurrentIndex(1)
    assert panel.project_form is not None
    return panel.project_form


def buttons(form: ProjectForm, text: str) -> list[OpButton]:
    return [b for b in form.findChildren(OpButton) if b.button.text() == text]


def enter(qtbot: QtBot, field: LineField, text: str) -> None:
    field.edit.setFocus()
    field.edit.selectAll()
    qtbot.keyClick(field.edit, Qt.Key.Key_Backspace)
    qtbot.keyClicks(field.edit, text)
    qtbot.keyClick(field.edit, Qt.Key.Key_Return)


def test_goals_money_and_refused_removal(qtbot: QtBot, savings: Env) -> None:
    panel = make_inspector(qtbot, savings)
    form = project_form(panel)
    project = savings.doc.project
    target = form.part("goal", "trip", "target")
    assert target.prefix.text() == "¥" and target.edit.text() == "3,000.00"
    enter(qtbot, target, "3,500.25")
    assert project.goal_map()["trip"].target == 350025
    cap = form.part("goal", "trip", "cap")
    enter(qtbot, cap, "")
    assert project.goal_map()["trip"].cap is None
    # 'trip' is used by prompts and deposits: removal is refused, the reason shown
    remove = buttons(form, "Remove goal")[0]
    assert not remove.click()
    assert "still in use" in remove.error.text()
    assert "trip" in project.goal_map()
    buttons(form, "+ Savings goal")[0].click()
    assert len(project.goals) == 2
    form = project_form(panel)  # rebuilt with the new goal
    new_id = project.goals[1].id
    assert form.part("goal", new_id, "name").edit.text() == "New goal"
    buttons(form, "Remove goal")[1].click()
    assert [g.id for g in project.goals] == ["trip"]
    stack = savings.doc.undo_stack
    for _ in range(4):
        stack.undo()
    assert project.goal_map()["trip"].target == 300000 and project.goal_map()["trip"].cap == 264400


def test_products_price_currency_and_url(qtbot: QtBot, shoppable: Env) -> None:
    panel = make_inspector(qtbot, shoppable)
    form = project_form(panel)
    project = shoppable.doc.project
    price = form.part("product", "serum", "price")
    enter(qtbot, price, "abc")
    assert "not an amount" in price.error_text and project.product_map()["serum"].price == 29900
    enter(qtbot, price, "")
    assert project.product_map()["serum"].price is None  # optional: empty is "no price"
    form.part("product", "serum", "currency").pick("JPY")
    assert project.product_map()["serum"].currency == "JPY"
    price = form.part("product", "serum", "price")
    assert price.prefix.text() == "¥"
    enter(qtbot, price, "1.5")
    assert "more than 0 decimal places for JPY" in price.error_text
    enter(qtbot, price, "2400")
    assert project.product_map()["serum"].price == 2400
    url = form.part("product", "serum", "url")
    enter(qtbot, url, "http://shop.example.com/serum")
    assert "https://" in url.error_text
    assert project.product_map()["serum"].url == "https://shop.example.com/glow/serum"
    # in use by a tag: cannot be removed
    remove = buttons(form, "Remove product")[0]
    assert not remove.click() and "still in use" in remove.error.text()
    buttons(form, "+ Product")[0].click()
    assert project.products[-1].currency == project.currency


def test_variables_add_retype_and_refusals(qtbot: QtBot, savings: Env) -> None:
    panel = make_inspector(qtbot, savings)
    form = project_form(panel)
    project = savings.doc.project
    new = form.findChildren(NewVariable)[0]
    qtbot.keyClicks(new.name, "9 lives")
    assert "is not an id" in new.error.text() and new.error.isVisible()
    assert not new.submit()
    new.name.clear()
    qtbot.keyClicks(new.name, "discipline")
    assert "already exists" in new.error.text()
    new.name.clear()
    qtbot.keyClicks(new.name, "courage")
    new.type_box.setCurrentText("int")
    assert new.submit()
    assert [v.id for v in project.variables][-1] == "courage"
    form = project_form(panel)
    # 'discipline' is added to by effects: it cannot become a bool
    kind = form.part("variable", "discipline")
    kind.pick("bool")
    assert "needs an int variable" in kind.error_text
    assert next(v for v in project.variables if v.id == "discipline").type == "int"
    form.part("variable", "courage").pick("bool")
    courage = next(v for v in project.variables if v.id == "courage")
    assert courage.type == "bool" and courage.default is False
    form = project_form(panel)
    default = form.part("variable", "discipline", "default")
    enter(qtbot, default, "two")
    assert "not a whole number" in default.error_text
    enter(qtbot, default, "2")
    assert next(v for v in project.variables if v.id == "discipline").default == 2
    stack = savings.doc.undo_stack
    for _ in range(3):
        stack.undo()
    assert [v.id for v in project.variables] == ["discipline", "splurged"]
    assert next(v for v in project.variables if v.id == "discipline").default == 0


def test_project_settings(qtbot: QtBot, savings: Env) -> None:
    panel = make_inspector(qtbot, savings, ("scene", "payday", "prompt", "round_up"))
    form = project_form(panel)
    enter(qtbot, form.part("project", "locale"), "zh_CN")
    assert "string should match pattern" in form.part("project", "locale").error_text.lower()
    form.part("project", "currency").pick("USD")
    assert savings.doc.project.currency == "USD"
    # money fields elsewhere follow the project currency
    panel.tabs.setCurrentIndex(0)
    assert panel.form is not None
    amount = panel.form.part("scene", "payday", "prompt", "round_up", "amount")
    assert amount.prefix.text() == "$" and amount.edit.text() == "50.00"


def test_replay_deposits_checkbox_is_one_undoable_edit(qtbot: QtBot, savings: Env) -> None:
    from studio.ui.inspector.fields import CheckField

    panel = make_inspector(qtbot, savings)
    form = project_form(panel)
    project = savings.doc.project
    field = form.part("project", "replay_deposits")
    assert isinstance(field, CheckField)
    box = field.box
    assert box.text() == "Deposits on replays are real" and box.isVisibleTo(panel)
    assert "no money moves" in box.toolTip() and "Watch again" in box.toolTip()
    assert not box.isChecked() and project.replay_deposits is False
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    assert project.replay_deposits is True and savings.doc.dirty
    stack = savings.doc.undo_stack
    assert stack.undoText() != ""
    stack.undo()
    assert project.replay_deposits is False and not box.isChecked()
    stack.redo()
    assert project.replay_deposits is True and box.isChecked()
