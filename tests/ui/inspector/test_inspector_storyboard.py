"""Inspector for schema v3: a placeholder scene's card (colour, duration) and "Give this scene a
clip", "Continue automatically to", an ending's title and text, an option's "Show the amount on
the button", the placeholder Insert menu and "?" help of author text, the header after a rename.
Every edit is one undo step; nothing here changes with the wheel unless focused."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from studio.app.document import Document
from studio.app.playhead import Playhead
from studio.app.selection import Selection
from studio.l10n.vocabulary import word
from studio.model.io import dumps, load
from studio.model.ops import PROJECT, AddItem, SceneRef, SetField
from studio.templates import build
from studio.ui.inspector.author_text import AuthorTextField, help_text
from studio.ui.inspector.fields import CheckField, ComboField, LineField
from studio.ui.inspector.panel import InspectorPanel
from studio.ui.inspector.storyboard import ColourField, DurationField, GiveClipButton
from tests.support import SAMPLES
from tests.ui.inspector.conftest import make_inspector
from tests.ui.inspector.test_inspector_render import layout_problems
from tests.ui.test_wheel_guard import spin
from tests.ui.timeline.support import Env

pytestmark = pytest.mark.gui


def storyboard_env() -> Env:
    """The savings template (placeholder scenes) with the savings sample's 6 s clips in its library."""
    project = build("savings", "Storyboard")
    for asset in load(SAMPLES / "savings").project.media:
        AddItem(PROJECT.media, asset).apply(project)
    doc = Document()
    doc.set_project(project, Path(SAMPLES / "savings") / "drama.json")
    return Env(doc, Selection(doc), Playhead(doc))


@pytest.fixture
def board(qtbot: QtBot) -> Iterator[Env]:
    env = storyboard_env()
    yield env
    env.doc.close()


def scene_form(qtbot: QtBot, env: Env, sid: str) -> InspectorPanel:
    panel = make_inspector(qtbot, env, ("scene", sid))
    assert panel.form is not None and panel.form.path == ("scene", sid)
    return panel


def test_placeholder_card_colour_and_duration_are_one_undo_step_each(qtbot: QtBot, board: Env) -> None:
    panel = scene_form(qtbot, board, "saving_it")
    assert panel.form is not None
    colour = panel.form.part("scene", "saving_it", "placeholder", "colour")
    duration = panel.form.part("scene", "saving_it", "placeholder", "duration_ms")
    assert isinstance(colour, ColourField) and isinstance(duration, DurationField)
    with pytest.raises(KeyError):  # no clip, no trim for a card
        panel.form.part("scene", "saving_it", "in_ms")
    assert colour.button.text().strip() == "#2a9d8f" and duration.spin.value() == 8.0
    stack, before = board.doc.undo_stack, dumps(board.doc.project)
    steps = stack.count()
    assert colour.pick(QColor("#FFAA00"))
    card = board.doc.project.scene_map()["saving_it"].placeholder
    assert card is not None and (card.colour, card.duration_ms) == ("#ffaa00", 8000)
    assert stack.count() == steps + 1 and colour.button.text().strip() == "#ffaa00"
    # typed seconds, to the millisecond; steps in a row merge into one undo step
    duration.spin.setValue(12.345)
    duration.spin.stepUp()
    duration.spin.stepUp()
    card = board.doc.project.scene_map()["saving_it"].placeholder
    assert card is not None and card.duration_ms == 13_345 and card.colour == "#ffaa00"
    assert stack.count() == steps + 2
    assert board.doc.project.scene_out_ms(board.doc.project.scene_map()["saving_it"]) == 13_345
    stack.undo()
    stack.undo()
    assert dumps(board.doc.project) == before
    assert duration.spin.value() == 8.0 and colour.button.text().strip() == "#2a9d8f"
    # the wheel over the unfocused spin box scrolls the panel instead
    duration.spin.clearFocus()
    spin(duration.spin, 3)
    assert dumps(board.doc.project) == before and stack.index() == steps


def test_give_this_scene_a_clip_keeps_its_items_or_says_why_not(qtbot: QtBot, board: Env) -> None:
    panel = scene_form(qtbot, board, "payday")
    assert panel.form is not None
    give = panel.form.part("scene", "payday", "give_clip")
    assert isinstance(give, GiveClipButton)
    picker = give.open_picker()
    qtbot.addWidget(picker)
    assert picker.clips.count() == 8
    picker.select("payday")  # 6 s; the card's choice window ends at 11 s
    assert not picker.ok_button.isEnabled() and picker.reason.isVisibleTo(picker)
    assert picker.reason.text() == "payday.mp4 is 6 s long but the choice window ends at 11 s"
    before, steps = dumps(board.doc.project), board.doc.undo_stack.count()
    assert not picker.apply()
    assert dumps(board.doc.project) == before
    picker.reject()
    # fit the window and the prompt into the clip: then it takes the clip, keeping them
    choice = board.doc.project.scene_map()["payday"].choice
    assert choice is not None
    board.doc.push(SetField(SceneRef("payday").choice, choice.model_copy(update={"appear_ms": 2000,
                                                                              "decision_ms": 5500})))
    old = board.doc.project.scene_map()["payday"]
    picker = give.open_picker()
    qtbot.addWidget(picker)
    picker.select("payday")
    assert picker.ok_button.isEnabled() and not picker.reason.isVisibleTo(picker)
    steps = board.doc.undo_stack.count()
    assert picker.apply()
    scene = board.doc.project.scene_map()["payday"]
    assert scene.media == "payday" and scene.placeholder is None
    assert (scene.choice, scene.prompts) == (old.choice, old.prompts)
    assert board.doc.undo_stack.count() == steps + 1
    assert board.doc.undo_stack.undoText() == "Give “Payday” a clip"
    # the form is now a clip scene's
    QApplication.processEvents()
    assert panel.form is not None
    assert isinstance(panel.form.part("scene", "payday", "media"), ComboField)
    board.doc.undo_stack.undo()
    assert board.doc.project.scene_map()["payday"].placeholder == old.placeholder
    QApplication.processEvents()
    assert isinstance(panel.form.part("scene", "payday", "placeholder", "colour"), ColourField)


def test_an_empty_library_says_to_import_first(qtbot: QtBot) -> None:
    doc = Document()
    doc.set_project(build("savings", "Empty library"), None)
    env = Env(doc, Selection(doc), Playhead(doc))
    panel = scene_form(qtbot, env, "saving_it")
    assert panel.form is not None
    picker = panel.form.part("scene", "saving_it", "give_clip").open_picker()
    qtbot.addWidget(picker)
    assert not picker.ok_button.isEnabled()
    assert picker.reason.text().startswith("The library has no clips yet: import one")


def test_continue_automatically_to(qtbot: QtBot, board: Env) -> None:
    panel = scene_form(qtbot, board, "saving_it")
    assert panel.form is not None
    follow = panel.form.part("scene", "saving_it", "next")
    assert isinstance(follow, ComboField)
    assert follow.combo.currentText() == "Month end"  # no id: the titles differ
    assert "saving_it" not in follow._values and follow._values[0] is None
    steps = board.doc.undo_stack.count()
    follow.pick("spending_it")
    assert board.doc.project.scene_map()["saving_it"].next == "spending_it"
    follow.pick(None)
    assert board.doc.project.scene_map()["saving_it"].next is None
    assert board.doc.undo_stack.count() == steps + 2
    # a scene with a choice or an ending has no such field
    for sid in ("payday", "ending_trip"):
        board.selection.set([sid], current=("scene", sid))
        assert panel.form is not None and panel.form.path == ("scene", sid)
        with pytest.raises(KeyError):
            panel.form.part("scene", sid, "next")


def test_ending_title_and_text(qtbot: QtBot, board: Env) -> None:
    panel = scene_form(qtbot, board, "ending_trip")
    assert panel.form is not None
    title = panel.form.part("scene", "ending_trip", "ending_title")
    text = panel.form.part("scene", "ending_trip", "ending_text")
    assert isinstance(title, LineField) and isinstance(text, LineField)
    assert title.edit.text() == "Off to the coast"
    assert title.edit.placeholderText() == word("ending.title") == "The end"
    steps = board.doc.undo_stack.count()
    title.edit.selectAll()
    title.edit.del_()
    title._edited("")
    assert title.commit()
    assert board.doc.project.scene_map()["ending_trip"].ending_title is None  # the vocabulary's default
    text.edit.setText("A week by the sea.")
    text._edited("")
    assert text.commit()
    assert board.doc.project.scene_map()["ending_trip"].ending_text == "A week by the sea."
    assert board.doc.undo_stack.count() == steps + 2
    board.selection.set(["month_end"], current=("scene", "month_end"))
    with pytest.raises(KeyError):
        panel.form.part("scene", "month_end", "ending_title")  # not an ending


def test_option_show_amount_and_the_insert_menu(qtbot: QtBot, board: Env) -> None:
    panel = make_inspector(qtbot, board, ("scene", "payday", "option", "save"))
    assert panel.form is not None
    show = panel.form.part("scene", "payday", "option", "save", "show_amount")
    label = panel.form.part("scene", "payday", "option", "save", "label")
    assert isinstance(show, CheckField) and isinstance(label, AuthorTextField)
    assert show.isEnabled() and show.box.isChecked()
    assert label.tools.names() == ["amount", "goal"]
    assert [a.text().split()[0] for a in label.tools.menu.actions()] == ["{amount}", "{goal}"]
    steps = board.doc.undo_stack.count()
    show.box.click()
    option = board.doc.project.scene_map()["payday"].choice.options[0]
    assert option.show_amount is False and board.doc.undo_stack.count() == steps + 1
    # insert at the cursor: "Save {amount}" -> "Save {amount} towards {goal}"
    label.edit.setCursorPosition(len(label.edit.text()))
    label.edit.insert(" towards ")
    label._edited("")
    assert label.tools.insert("goal")
    assert board.doc.project.scene_map()["payday"].choice.options[0].label == "Save {amount} towards {goal}"
    label.edit.setCursorPosition(0)
    label.tools.menu.actions()[0].trigger()
    assert board.doc.project.scene_map()["payday"].choice.options[0].label.startswith("{amount}Save")
    # the option without a deposit: nothing to show, nothing to insert
    board.selection.set(["payday"], current=("scene", "payday", "option", "spend"))
    assert panel.form is not None
    show = panel.form.part("scene", "payday", "option", "spend", "show_amount")
    label = panel.form.part("scene", "payday", "option", "spend", "label")
    assert not show.isEnabled() and label.tools.names() == []
    assert [(a.text(), a.isEnabled()) for a in label.tools.menu.actions()] == [
        ("No placeholders in this text", False)]
    assert "an option gets {amount} and {goal} with a savings deposit" in label.tools.insert_button.toolTip()


def test_prompt_and_tag_texts_offer_their_placeholders(qtbot: QtBot, savings: Env, shoppable: Env) -> None:
    panel = make_inspector(qtbot, savings, ("scene", "payday", "prompt", "round_up"))
    assert panel.form is not None
    text = panel.form.part("scene", "payday", "prompt", "round_up", "text")
    assert isinstance(text, AuthorTextField) and text.tools.names() == ["amount", "goal"]
    assert text.tools.insert_button.toolTip() == help_text(frozenset({"amount", "goal"}))
    assert "{amount}: the amount of money" in text.tools.insert_button.toolTip()
    other = make_inspector(qtbot, shoppable, ("scene", "office", "tag", "cream_desk"))
    assert other.form is not None
    cta = other.form.part("scene", "office", "tag", "cream_desk", "cta")
    assert cta.tools.names() == ["product", "price"]
    steps = shoppable.doc.undo_stack.count()
    cta.edit.setCursorPosition(len(cta.edit.text()))
    assert cta.tools.insert("price")
    tag = shoppable.doc.project.scene_map()["office"].tags[0]
    assert tag.cta.endswith("{price}") and shoppable.doc.undo_stack.count() == steps + 1


def test_the_header_follows_a_rename(qtbot: QtBot, board: Env) -> None:
    panel = make_inspector(qtbot, board, ("scene", "payday", "option", "save"))
    assert panel.crumb.full_text.startswith("Scene “Payday”")
    board.doc.push(SetField(SceneRef("payday").title, "Pay day!"))
    assert panel.crumb.full_text.startswith("Scene “Pay day!”")
    board.doc.undo_stack.undo()
    assert panel.crumb.full_text.startswith("Scene “Payday”")


@pytest.mark.parametrize("width", [360, 300])
def test_new_fields_fit_the_dock(qtbot: QtBot, board: Env, width: int) -> None:
    panel = make_inspector(qtbot, board, width=width, height=760)
    problems: list[str] = []
    for path in (("scene", "payday"), ("scene", "saving_it"), ("scene", "ending_trip"),
                 ("scene", "payday", "option", "save"), ("scene", "payday", "prompt", "round_up")):
        board.selection.set([path[1]], current=path)
        QApplication.processEvents()
        assert panel.form is not None and panel.form.path == path
        panel.grab().save(f"/tmp/d_inspector_{width}_{'_'.join(path[1:])}.png")
        problems += [f"{path}: {p}" for p in layout_problems(panel, panel.form)]
        labels = [w.text() for w in panel.form.findChildren(QLabel)]
        assert "Id" in labels or path[0] == "scene"
    assert not problems, "\n".join(problems)
