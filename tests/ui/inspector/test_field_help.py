"""Inline help: a "?" beside every Inspector field whose meaning is not obvious, with its explanation."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QWhatsThis
from pytestqt.qtbot import QtBot

from studio.model.project import (
    ChoicePoint,
    Deposit,
    Option,
    Product,
    ProductTag,
    Project,
    SavingsGoal,
    SavingsPrompt,
    Scene,
)
from studio.ui.inspector.field_help import HELP, KINDS, HelpButton, help_for, key_of
from tests.ui.inspector.conftest import make_inspector
from tests.ui.timeline.support import Env

pytestmark = pytest.mark.gui

MODELS = {"project": Project, "scene": Scene, "choice": ChoicePoint, "option": Option, "deposit": Deposit,
          "prompt": SavingsPrompt, "tag": ProductTag, "goal": SavingsGoal, "product": Product}


def test_every_help_entry_names_a_real_field_and_says_something() -> None:
    for (kind, field), (tip, explanation) in HELP.items():
        assert kind in KINDS and kind in MODELS, kind
        assert field in MODELS[kind].model_fields, f"{kind}.{field} is not a model field"
        assert tip and len(explanation) > len(tip) > 10, (kind, field)


def test_paths_map_to_their_kind_and_field() -> None:
    assert key_of(("scene", "payday", "choice", "timeout")) == ("choice", "timeout")
    assert key_of(("scene", "payday", "title")) == ("scene", "title")
    assert key_of(("scene", "payday", "option", "save", "deposit", "amount")) == ("deposit", "amount")
    assert key_of(("goal", "trip", "cap")) == ("goal", "cap")
    assert key_of(("project", "locale")) == ("project", "locale")
    assert key_of(("x",)) is None and help_for(None) is None


def helps(panel: object) -> dict[str, HelpButton]:
    return {b.title: b for b in panel.findChildren(HelpButton)}  # type: ignore[attr-defined]


def test_choice_form_explains_timeout_mode_and_one_shot(qtbot: QtBot, savings: Env) -> None:
    panel = make_inspector(qtbot, savings, ("scene", "payday", "choice"))
    found = helps(panel)
    assert {"On timeout", "After choosing", "Appears", "Deadline"} <= set(found)
    assert "Loop the end" in found["On timeout"].text_shown()
    assert "Play the clip to its end" in found["After choosing"].text_shown()
    # checkbox rows get their "?" too (titled by the explanation's first words)
    assert any("One shot" in b.text_shown() for b in found.values())
    # the field itself carries the short tooltip
    mode = panel.form.part("scene", "payday", "choice", "mode")  # type: ignore[union-attr]
    assert mode.toolTip() == HELP[("choice", "mode")][0]


def test_option_prompt_and_tag_forms_explain_hotspots_pause_and_placeholders(
    qtbot: QtBot, savings: Env, shoppable: Env
) -> None:
    option = make_inspector(qtbot, savings, ("scene", "payday", "option", "save"))
    assert "{amount}" in helps(option)["Label"].text_shown()
    assert any("Taken when time runs out" in b.text_shown() or "default option" in b.text_shown()
               for b in option.findChildren(HelpButton))  # two checkbox rows: both titled ""
    assert any("+¥200.00" in b.text_shown() for b in option.findChildren(HelpButton))  # show amount
    prompt = make_inspector(qtbot, savings, ("scene", "payday", "prompt", "round_up"))
    assert any("Save it / Not now" in b.text_shown() for b in helps(prompt).values())
    tag = make_inspector(qtbot, shoppable, ("scene", "office", "tag", "cream_desk"))
    assert "{price}" in helps(tag)["Button"].text_shown()


@pytest.mark.qt_log_ignore("This plugin does not support")  # the offscreen platform and popups
def test_the_button_shows_the_explanation(qtbot: QtBot, savings: Env) -> None:
    panel = make_inspector(qtbot, savings, ("scene", "payday", "choice"))
    button = helps(panel)["On timeout"]
    assert button.isVisibleTo(panel) and button.accessibleName() == "What is “On timeout”?"
    button.click()
    popups = [w for w in QApplication.topLevelWidgets()
              if w.metaObject().className() == "QWhatsThat" and w.isVisible()]
    assert len(popups) == 1
    QWhatsThis.hideText()


def test_combo_entries_name_scenes_and_goals_without_ids_unless_two_share_a_name() -> None:
    from studio.ui.inspector.forms import named_choices

    assert named_choices([("Payday", "payday"), ("Month end", "month_end")]) == [
        ("Payday", "payday"), ("Month end", "month_end")]
    assert named_choices([("New scene", "new_scene"), ("New scene", "new_scene_2"), ("End", "end")]) == [
        ("New scene (new_scene)", "new_scene"), ("New scene (new_scene_2)", "new_scene_2"), ("End", "end")]


@pytest.mark.parametrize("width", [120, 180, 240, 300])
def test_the_breadcrumb_is_cut_between_words(qtbot: QtBot, shoppable: Env, width: int) -> None:
    panel = make_inspector(qtbot, shoppable, ("scene", "morning", "option", "spa"), width=width)  # words
    crumb = panel.crumb
    full = crumb.full_text
    assert full == "Scene “Morning routine”  ›  Option “Skip work: spa day”"
    shown = crumb.text()
    assert crumb.fontMetrics().horizontalAdvance(shown) <= crumb.width()
    if shown != full:
        assert shown.endswith("…")
        head = shown.removesuffix("…")
        # every word shown is a whole word of the full text
        assert full.startswith(head) and full[len(head):][:1] in (" ", "”", "")
