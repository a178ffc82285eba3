"""A creator's first hour, as a newcomer does it (#15 proof): from the start screen, with only
what the window shows, build a six-scene savings drama with a deposit option, a savings
prompt, a product tag and two endings, check it, play it and save it.

Every step goes through the widgets a creator uses (template card, the empty graph's button,
F2/Ctrl+Enter on the canvas, scene menus, Inspector buttons and fields, timeline buttons),
each edit one undo step.  With ``STUDIO_WALKTHROUGH_SHOTS=DIR`` every step leaves a screenshot
in DIR (the note of #15 lists what they showed).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QApplication, QMenu, QPushButton
from pytestqt.qtbot import QtBot

from studio.graph import validate
from studio.l10n.vocabulary import word
from studio.model import load_project
from studio.ui import dialogs
from studio.ui.graph.style import NODE_H, NODE_W
from studio.ui.inspector.fields import ComboField, LineField, MoneyField
from studio.ui.playthrough.widgets import OptionButton
from tests.ui.conftest import Answers

pytestmark = pytest.mark.gui


class Walk:
    def __init__(self, window: Any, qtbot: QtBot) -> None:
        self.window, self.qtbot = window, qtbot
        self.shots = Path(os.environ["STUDIO_WALKTHROUGH_SHOTS"]) if os.environ.get(
            "STUDIO_WALKTHROUGH_SHOTS") else None
        self.step = 0

    def shot(self, name: str) -> None:
        QApplication.processEvents()
        self.step += 1
        if self.shots is not None:
            self.shots.mkdir(parents=True, exist_ok=True)
            self.window.grab().save(str(self.shots / f"{self.step:02d}_{name}.png"))

    @property
    def project(self) -> Any:
        return self.window.doc.project

    def scene(self, title: str) -> Any:
        return next(s for s in self.project.scenes if s.title == title)

    def key(self, k: Qt.Key, mods: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        self.qtbot.keyClick(self.window.graph.view, k, mods)

    def type_name(self, title: str) -> None:
        editor = self.window.graph.view.flow.renamer.editor
        assert editor is not None, "the new scene is not in rename"
        self.qtbot.keyClicks(editor, title)
        self.qtbot.keyClick(editor, Qt.Key.Key_Return)

    def select(self, title: str) -> None:
        self.window.selection.set([self.scene(title).id])
        self.window.graph.view.setFocus()

    def branch(self, source: str, title: str) -> None:
        """Select ``source``, Ctrl+Enter (branch into a new scene), type its title."""
        self.select(source)
        self.key(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        self.type_name(title)

    def scene_menu(self, title: str) -> QMenu:
        view = self.window.graph.view
        node = self.window.graph.graph.items_by_id[self.scene(title).id]
        centre = node.pos() + QPointF(NODE_W / 2, NODE_H / 2)
        view.centerOn(centre)
        menu = self.window.graph.context_menu(view.mapFromScene(centre))
        assert menu is not None
        return menu

    def menu_entry(self, menu: QMenu, text: str) -> Any:
        for action in menu.actions():
            if action.text().split("\t")[0] == text:
                return action
        raise AssertionError(f"no '{text}' in {[a.text() for a in menu.actions()]}")

    def continue_to(self, source: str, target: str) -> None:
        """The scene menu's "Continue automatically to…", then a click on the target."""
        self.menu_entry(self.scene_menu(source), "Continue automatically to…").trigger()
        view = self.window.graph.view
        node = self.window.graph.graph.items_by_id[self.scene(target).id]
        centre = node.pos() + QPointF(NODE_W / 2, NODE_H / 2)
        view.centerOn(centre)
        self.qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.mapFromScene(centre))

    def inspector(self) -> Any:
        return self.window.panels["inspector"]

    def button(self, parent: Any, text: str) -> QPushButton:
        for b in parent.findChildren(QPushButton):
            if b.text() == text and b.isVisibleTo(parent):
                return b
        raise AssertionError(f"no button '{text}'")

    def type_into(self, field: LineField, text: str) -> None:
        field.edit.setFocus()
        field.edit.selectAll()
        self.qtbot.keyClicks(field.edit, text)
        self.qtbot.keyClick(field.edit, Qt.Key.Key_Return)


def test_a_newcomer_builds_a_six_scene_savings_drama(
    blank_window: Any, qtbot: QtBot, answers: Answers, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    walk = Walk(blank_window, qtbot)
    window = walk.window
    walk.shot("start_screen")

    # 1. Blank template; the empty graph says what to do.
    window.start_page.template_cards["blank"].click()
    assert window.graph.empty_hint.isVisible()
    walk.shot("blank_project")
    window.graph.empty_hint.placeholder_button.click()
    walk.type_name("Payday")
    assert walk.project.start == walk.scene("Payday").id
    walk.shot("first_scene")

    # 2. Branch with Ctrl+Enter: the first branch continues automatically, the second makes a choice.
    walk.branch("Payday", "Saving it")
    assert walk.scene("Payday").next == walk.scene("Saving it").id
    walk.branch("Payday", "Spending it")
    payday = walk.scene("Payday")
    assert payday.next is None and payday.choice is not None and len(payday.choice.options) == 2
    walk.branch("Saving it", "Month end")
    walk.continue_to("Spending it", "Month end")
    assert walk.scene("Spending it").next == walk.scene("Month end").id
    walk.branch("Month end", "Dream trip")
    walk.branch("Month end", "Broke again")
    assert len(walk.project.scenes) == 6
    # the options were labelled "New scene" when drawn; naming the scenes relabelled them
    month_end = walk.scene("Month end").choice
    assert [o.label for o in month_end.options] == ["Dream trip", "Broke again"]
    walk.shot("six_scenes")

    # 3. Two endings from the scene menu.
    walk.menu_entry(walk.scene_menu("Dream trip"), "Mark ending: good").trigger()
    walk.menu_entry(walk.scene_menu("Broke again"), "Mark ending: bad").trigger()
    assert walk.scene("Dream trip").ending and walk.scene("Broke again").ending_kind == "bad"

    # 4. A savings goal and a product in the Project tab.
    inspector = walk.inspector()
    inspector.tabs.setCurrentIndex(1)
    walk.button(inspector, "+ Savings goal").click()
    walk.button(inspector, "+ Product").click()
    goal = walk.project.goals[0]
    assert walk.project.products
    walk.shot("goal_and_product")

    # 5. The option that saves: Payday's "Saving it" option gets a deposit towards the goal.
    option = payday.choice.options[0]
    window.selection.set([payday.id], current=("scene", payday.id, "option", option.id))
    QApplication.processEvents()
    form = inspector.form
    goal_field = next(w for w in form.findChildren(ComboField) if w.path[-1] == "deposit")
    index = goal_field.combo.findData(goal.id)
    goal_field.combo.setCurrentIndex(index)
    goal_field.combo.activated.emit(index)  # what picking it in the open list does
    amount = next(w for w in form.findChildren(MoneyField) if w.path[-1] == "amount")
    walk.type_into(amount, "200")
    label = form.part("scene", payday.id, "option", option.id, "label")
    walk.type_into(label, "Save {amount} for the trip")
    spend = payday.choice.options[1]
    window.selection.set([payday.id], current=("scene", payday.id, "option", spend.id))
    QApplication.processEvents()
    walk.type_into(inspector.form.part("scene", payday.id, "option", spend.id, "label"), "Buy the new phone")
    saved = walk.scene("Payday").choice.options[0]
    assert saved.deposit is not None and saved.deposit.amount == 20000 and saved.deposit.goal == goal.id
    assert saved.show_amount
    walk.shot("deposit_option")

    # 6. A savings prompt on Payday and a product tag on Spending it, from the timeline.
    timeline = window.panels["timeline"]
    window.selection.set([payday.id])
    QApplication.processEvents()
    timeline.buttons["prompt"].click()
    assert walk.scene("Payday").prompts
    walk.shot("prompt")
    window.selection.set([walk.scene("Spending it").id])
    QApplication.processEvents()
    timeline.buttons["tag"].click()
    assert walk.scene("Spending it").tags
    walk.shot("product_tag")

    # 7. Problems: no errors; the prompt's text says {amount}, never a literal amount.
    project = walk.project
    problems = validate(project, window.doc.path.parent if window.doc.path else None)
    assert [str(p) for p in problems if p.severity == "error"] == []
    assert "{amount}" in walk.scene("Payday").prompts[0].text

    warnings = [str(p) for p in problems if p.severity == "warning"]
    # what is left is what the creator has not written yet: Month end's labels, the product's price
    assert len(warnings) == 3, warnings
    assert sum("is still labelled with its target's title" in w for w in warnings) == 2
    assert any("has no price" in w for w in warnings)
    month_end = walk.scene("Month end")
    for option, label in zip(month_end.choice.options, ("Book the trip", "One more party"), strict=True):
        window.selection.set([month_end.id], current=("scene", month_end.id, "option", option.id))
        QApplication.processEvents()
        walk.type_into(inspector.form.part("scene", month_end.id, "option", option.id, "label"), label)
    inspector.tabs.setCurrentIndex(1)
    price = next(w for w in inspector.findChildren(MoneyField) if w.path[-1] == "price")
    walk.type_into(price, "129")
    assert walk.project.products[0].price == 12900
    problems = validate(walk.project, None)
    assert [str(p) for p in problems] == []
    walk.shot("no_problems")

    # 8. Play story: accept the prompt, choose to save (the button shows what it saves), let
    # Month end's timer pick the default: the good ending, with the deposits counted.
    dock = window.docks["playthrough"]
    dock.show()
    dock.raise_()
    panel = window.panels["playthrough"]
    assert panel.play_story()
    ctrl = panel.controller

    def until(done: Any, limit: int = 60_000) -> None:
        start = ctrl.engine.clock
        while not done() and ctrl.running and ctrl.engine.clock - start < limit:
            ctrl.tick(20)
            QApplication.processEvents()
        assert done(), f"not reached by clock {ctrl.engine.clock}"

    card = panel.overlay.prompt_card
    until(card.isVisible)
    locale = panel.controller.words_locale  # the viewer's words in the drama's locale
    assert (card.accept.text(), card.decline.text()) == (word("prompt.accept", locale),
                                                         word("prompt.decline", locale))
    walk.shot("play_prompt")
    card.accept.click()
    until(lambda: bool(panel.overlay.options))
    first = panel.overlay.options[0]
    assert first.label == "Save ¥200.00 for the trip" and first.badge == "+¥200.00"
    walk.shot("play_choice")
    first.click()
    ending = panel.overlay.ending_card
    until(ending.isVisible)
    assert ending.kind.text() == word("ending.title", locale) and "good" in ending.kicker.text().lower()
    # no choice left under the card (removed buttons are hidden at once, not when Qt deletes them)
    assert [b.label for b in panel.overlay.findChildren(OptionButton) if b.isVisible()] == []
    walk.shot("play_ending")

    # 9. Every edit was one undo step; Save As puts the project in a folder of the creator's.
    assert window.doc.undo_stack.count() >= 14
    target = tmp_path / "my-first-drama"
    monkeypatch.setattr(dialogs, "save_project_folder", lambda *_args: str(target))
    assert window.trigger("file.save") and window.doc.path == target / "drama.json"  # Save asks where
    assert not window.doc.untitled and not window.doc.dirty
    walk.shot("saved")
    again = load_project(target / "drama.json")
    assert [s.title for s in again.scenes] == [s.title for s in project.scenes]
