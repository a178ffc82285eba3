"""The start screen (#15): shown while no project is open, by itself; its choices act; one file
convention (a project is a folder, defect 14); Help lists every shortcut and reads without clipping."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QScrollBar
from pytestqt.qtbot import QtBot

from studio.app import settings
from studio.templates import TEMPLATES
from studio.ui import dialogs
from studio.ui.actions import ACTIONS
from studio.ui.dialogs import ProjectFolderDialog, project_folder
from studio.ui.help import GettingStartedDialog, ShortcutsDialog, graph_keys, shortcut_rows
from studio.ui.help.shortcuts import key_text, plain
from tests.ui.conftest import Answers

pytestmark = pytest.mark.gui


def test_no_project_shows_the_start_screen_and_only_what_can_run(blank_window: Any) -> None:
    window = blank_window
    assert window.showing_start and window.central.currentWidget() is window.start_page
    assert window.windowTitle() == "Drama Studio"
    assert not any(dock.isVisible() for dock in window.docks.values()) and not window.toolbar.isVisible()
    enabled = {aid for aid, action in window.action_map.items() if action.isEnabled()}
    idle = ("file.save", "file.save_as", "file.close", "file.export_bundle", "media.import", "edit.paste")
    for aid in idle:
        assert aid not in enabled, aid
    assert {"file.new", "file.open", "help.getting_started", "help.shortcuts"} <= enabled
    page = window.start_page
    assert list(page.template_cards) == list(TEMPLATES)
    assert [c.title_label.text() for c in page.template_cards.values()] == [
        "Scripted savings", "Shoppable drama", "Blank"]
    assert len(page.steps) == 4


def test_template_card_starts_a_project_and_close_comes_back(blank_window: Any, answers: Answers) -> None:
    window = blank_window
    window.start_page.template_cards["shoppable"].click()
    assert not window.showing_start and window.doc.untitled
    assert window.doc.project.title == TEMPLATES["shoppable"].default_title
    assert window.docks["inspector"].isVisible() and window.toolbar.isVisible()
    answers.append("Discard")
    window.trigger("file.close")
    assert window.showing_start


def test_recent_projects_show_titles_and_open_the_folder(
    blank_window: Any, savings_copy: Path, tmp_path: Path
) -> None:
    window = blank_window
    missing = tmp_path / "gone"
    settings.add_recent(missing)
    settings.add_recent(savings_copy)
    window.start_page.refresh()
    cards = window.start_page.recent_cards
    assert [c.title_label.text() for c in cards] == ["发薪日：一个存钱的故事", "gone"]
    assert cards[0].isEnabled() and not cards[1].isEnabled()  # a folder that is gone cannot be opened
    assert "not found" in cards[1].text_label.full_text
    cards[0].click()
    assert window.doc.folder == savings_copy.resolve() and not window.showing_start


def test_open_takes_a_folder_or_its_drama_json_and_remembers_the_folder(
    blank_window: Any, savings_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = blank_window
    assert project_folder(savings_copy / "drama.json") == savings_copy
    assert project_folder(savings_copy) == savings_copy
    monkeypatch.setattr(dialogs, "open_project_path", lambda *_a: str(savings_copy / "drama.json"))
    assert window.files.open()
    assert window.doc.folder == savings_copy.resolve()
    assert settings.recent_files()[0] == str(savings_copy.resolve())  # the folder, never drama.json


def test_open_dialog_accepts_a_drama_json_as_its_folder_and_steps_into_plain_folders(
    qtbot: QtBot, savings_copy: Path, tmp_path: Path
) -> None:
    dialog = ProjectFolderDialog(None, str(tmp_path))
    qtbot.addWidget(dialog)
    assert dialog.fileMode() == QFileDialog.FileMode.Directory
    dialog.selectFile(str(savings_copy / "drama.json"))
    dialog.accept()
    assert dialog.chosen == savings_copy and dialog.result() == QFileDialog.DialogCode.Accepted
    plain_folder = tmp_path / "holder"
    plain_folder.mkdir()
    other = ProjectFolderDialog(None, str(tmp_path))
    qtbot.addWidget(other)
    other.selectFile(str(plain_folder))
    other.accept()
    assert other.chosen is None and Path(other.directory().absolutePath()) == plain_folder


def test_shortcuts_list_every_action_shortcut_and_the_graph_keys(qtbot: QtBot) -> None:
    rows = shortcut_rows()
    listed = {(command, key) for _section, command, key in rows}
    for spec in ACTIONS:
        if key_text(spec):  # (a standard key may have no binding on this platform)
            assert (plain(spec.text), key_text(spec)) in listed, spec.id
    keys = graph_keys()
    assert keys and all((what, key) in listed for key, what in keys)  # studio.ui.graph.keys.GRAPH_KEYS
    assert ("Help", "Keyboard Shortcuts", "Ctrl+/") in rows
    dialog = ShortcutsDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    tree = dialog.tree
    shown = sum(tree.topLevelItem(i).childCount() for i in range(tree.topLevelItemCount()))
    assert shown == len(rows)
    assert not tree.horizontalScrollBar().isVisible()
    metrics = tree.fontMetrics()
    for i in range(tree.topLevelItemCount()):
        section = tree.topLevelItem(i)
        for n in range(section.childCount()):
            item = section.child(n)
            for col in (0, 1):  # no key and no description cut short ("Select the nearest scene in t…")
                rect = tree.visualItemRect(item)
                assert metrics.horizontalAdvance(item.text(col)) <= tree.columnWidth(col), item.text(col)
                assert rect.width() > 0


def test_getting_started_reads_without_clipping(qtbot: QtBot) -> None:
    dialog = GettingStartedDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    text = dialog.browser.toPlainText()
    steps = ("Start a drama", "Bring in your clips", "Branch the story", "Play and fix", "Save and share")
    for step in steps:
        assert step in text
    assert not dialog.browser.horizontalScrollBar().isVisible()  # wrapped, not cut at the right
    assert dialog.browser.document().size().width() <= dialog.browser.viewport().width() + 1


def test_help_menu_opens_each_page_once(blank_window: Any) -> None:
    window = blank_window
    assert window.trigger("help.getting_started")
    first = window.show_help("getting_started")
    assert first.isVisible() and window.show_help("getting_started") is first
    assert window.trigger("help.shortcuts") and window.show_help("shortcuts").isVisible()
    menu = {a.text(): a.menu() for a in window.menuBar().actions()}["&Help"]
    assert [a.objectName() for a in menu.actions() if not a.isSeparator()] == [
        "help.getting_started", "help.shortcuts", "help.about"]


@pytest.mark.parametrize("size", [(1280, 800), (1024, 700)])
def test_start_screen_fits_without_clipping(blank_window: Any, qtbot: QtBot, size: tuple[int, int]) -> None:
    window = blank_window
    window.resize(*size)
    qtbot.wait(50)
    QApplication.processEvents()
    page = window.start_page
    bar: QScrollBar = page.verticalScrollBar()
    assert bar.maximum() == 0 and not page.horizontalScrollBar().isVisible()  # all of it in view
    viewport = page.viewport().rect()
    for label in page.widget().findChildren(QLabel):
        if not label.isVisible():
            continue
        rect = label.rect().translated(label.mapTo(page.viewport(), label.rect().topLeft()))
        assert viewport.contains(rect), label.text()
        if label.wordWrap():
            needed = label.heightForWidth(label.width())
            assert label.height() >= needed, label.text()  # no wrapped line cut off at the bottom
