"""Review mode in the studio window: coverage, comments at the playhead, markers, report.

Runs offscreen (pytest-qt) on a copy of the savings sample opened read-only.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QListWidget, QWidget
from pytestqt.qtbot import QtBot

from studio.app.document import ReadOnlyError
from studio.engine.runner import run_trace
from studio.model import PROJECT_FILE, load
from studio.model.review import REVIEW_FILE, Comment, load_review
from studio.ui.main_window import MainWindow
from studio.ui.review import ReviewPanel
from studio.ui.timeline import TimelinePanel
from studio.ui.timeline.paint import FLAG_OPEN, FLAG_RESOLVED, comment_flag
from tests.ui.review.conftest import settle

pytestmark = pytest.mark.gui


def near(a: QColor, b: QColor, tolerance: int = 40) -> bool:
    pairs = ((a.red(), b.red()), (a.green(), b.green()), (a.blue(), b.blue()))
    return all(abs(x - y) <= tolerance for x, y in pairs)


def flag_colour(timeline: TimelinePanel, comment: Comment) -> QColor:
    """The colour painted inside a comment's flag on the timeline ruler."""
    canvas = timeline.canvas
    image = canvas.grab().toImage()
    box = comment_flag(canvas, comment)
    return QColor(image.pixelColor(int(box.left()) + 5, 5))


def click(widget: QWidget, pos: QPoint | None = None) -> None:
    """A real left click (at ``pos``, default the centre)."""
    at = pos if pos is not None else widget.rect().center()
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at)


def click_item(widget: QListWidget, row: int) -> None:
    """A real mouse click on row ``row`` of a QListWidget."""
    rect = widget.visualItemRect(widget.item(row))
    click(widget.viewport(), rect.center())


def test_review_mode_opens_read_only_with_the_review_dock(review_window: Any, savings_copy: Path) -> None:
    win = review_window
    assert win.doc.read_only and win.doc.path is not None
    assert "(read-only)" in win.windowTitle()
    panel = win.panels["review"]
    assert isinstance(panel, ReviewPanel)
    assert win.docks["review"].isVisible() and not panel.visibleRegion().isEmpty()
    assert "Review mode" in win.banner.text
    assert panel.session.recording and panel.coverage.record.isChecked()
    assert panel.coverage.on_graph.isChecked()
    assert win.graph.graph.coverage == (frozenset(), frozenset())  # nothing watched yet
    assert not (savings_copy / REVIEW_FILE).exists()  # nothing written before there is something
    assert panel.mode_button.text() == "Leave review mode"
    # the dock found the story player: what it plays is recorded (no button of ours pressed)
    player = win.panels["playthrough"]
    assert player.play_story()
    player.controller.stop()
    assert panel.session.watched_scenes() == {"payday"}
    assert win.graph.graph.watched("payday") is True
    # every control of the dock is inside the visible part of the dock (nothing clipped)
    dock = win.docks["review"]
    for control in (
        panel.coverage.next_button,
        panel.add_button,
        panel.approve_button,
        panel.comments.list,
        panel.comments.toggle,
        panel.export_button,
    ):
        top_left = control.mapTo(dock, QPoint(0, 0))
        assert dock.rect().contains(top_left) and dock.rect().contains(
            top_left + QPoint(control.width() - 1, control.height() - 1)
        ), control.objectName()


def test_add_comment_at_playhead_lists_it_and_flags_the_timeline(qtbot: QtBot, review_window: Any) -> None:
    win = review_window
    panel, timeline = win.panels["review"], win.panels["timeline"]
    win.selection.focus("payday")
    win.playhead.seek(2500)
    settle()
    assert panel.target() == ("payday", 2500)
    assert panel.where.text() == "发薪日 at 0:02.50"
    QTest.keyClicks(panel.text, "Prompt copy feels pushy")
    click(panel.add_button)
    assert panel.text.text() == ""
    review = load_review(win.doc.folder)
    assert [(c.scene, c.t_ms, c.text, c.status) for c in review.comments] == [
        ("payday", 2500, "Prompt copy feels pushy", "open")
    ]
    rows = [panel.comments.list.item(n).text() for n in range(panel.comments.list.count())]
    assert rows == ["○ 发薪日 · 0:02.50 — " + review.comments[0].author + ": Prompt copy feels pushy"]
    assert "1 open" in panel.comments.title()
    # a flag on the timeline's ruler at 2.5 s, with the text as its tooltip
    comment = review.comments[0]
    assert timeline.canvas.scene_comments() == [comment]
    settle()
    assert near(flag_colour(timeline, comment), FLAG_OPEN)
    box = comment_flag(timeline.canvas, comment)
    assert timeline.canvas.axis().ms(box.left() + 3) == pytest.approx(2500, abs=20)
    assert timeline.canvas.comments_at(QPointF(box.left() + 5, 5)) == [comment]
    # resolving turns the flag green and the open filter hides it
    panel.comments.select(comment.id)
    click(panel.comments.toggle)
    assert load_review(win.doc.folder).comments[0].status == "resolved"
    settle()
    assert near(flag_colour(timeline, timeline.canvas.scene_comments()[0]), FLAG_RESOLVED)
    panel.comments.set_status_filter("open")
    assert panel.comments.list.count() == 0
    panel.comments.set_status_filter(None)
    assert panel.comments.shown_ids() == [comment.id]


def test_clicking_a_comment_selects_its_scene_and_seeks_the_playhead(
    qtbot: QtBot, review_window: Any
) -> None:
    win = review_window
    panel = win.panels["review"]
    panel.session.add_comment("save_path", 1200, "Music too loud")
    panel.session.add_comment("payday", 4200, "Cut the pause")
    win.selection.focus("month_end")
    win.playhead.seek(300)
    settle()
    rows = panel.comments.shown_ids()
    assert rows == ["c2", "c1"]  # project order: payday before save_path
    click_item(panel.comments.list, rows.index("c1"))
    settle()
    assert win.selection.current == ("scene", "save_path")
    # the preview may settle the playhead on the start of the frame shown (24 fps clips)
    frame = 1000 / 24
    assert win.playhead.scene == "save_path" and abs(win.playhead.ms - 1200) <= frame
    assert win.panels["timeline"].canvas.scene_id == "save_path"
    assert abs(win.panels["timeline"].canvas.playhead_ms - 1200) <= frame
    click_item(panel.comments.list, rows.index("c2"))
    settle()
    assert win.playhead.scene == "payday" and abs(win.playhead.ms - 4200) <= frame


def test_next_unwatched_branch_steers_there_and_stops(qtbot: QtBot, review_window: Any) -> None:
    """Defect 4 of issue 15: the branch is played to by itself (timers off, the way's
    decisions made), the story stops where the new material begins, and the instruction
    is in the story player, above the video (not in the Review dock behind it)."""
    win = review_window
    panel = win.panels["review"]
    player = win.panels["playthrough"]
    ctrl = player.controller
    assert panel.coverage.counts.text().startswith("0% watched")
    click(panel.coverage.next_button)
    settle()
    # nothing watched yet: the new material is the start scene, paused on its first frame
    assert panel.last_branch is not None
    assert (panel.last_branch.scene, panel.last_branch.option) == ("payday", "save")
    assert ctrl.engine is not None and ctrl.engine.scene_id == "payday" and ctrl.engine.t == 0
    assert not ctrl.running and ctrl.engine.timers == "off"
    banner = player.guide.banner
    assert banner.isVisible() and "“发薪日” has not been watched yet" in banner.text()
    assert not banner.geometry().intersects(player.surface.geometry())  # above, not behind
    assert panel.session.watched_scenes() == {"payday"}  # shown from its first frame
    click(player.side.pause_button)  # Resume: the reviewer watches it; the banner goes
    assert ctrl.running and not banner.isVisible() and panel.coverage.hint.isHidden()
    ctrl.stop()
    # after watching the default path, the next branch is payday's other option
    panel.session.record_events(run_trace(win.doc.project))
    watched = (panel.session.watched_scenes(), set(panel.session.review.watched_options))
    click(panel.coverage.next_button)
    settle()
    assert (panel.last_branch.scene, panel.last_branch.option) == ("payday", "spend")
    eng = ctrl.engine
    assert eng is not None and eng.scene_id == "payday" and eng.waiting and eng.pause_reason == "timers_off"
    assert ctrl.start_scene is None and [i["action"] for i in ctrl.inputs] == ["decline_prompt"]
    assert "choose “买新手机” (highlighted)" in banner.text() and banner.isVisible()
    assert [b.highlighted for b in player.overlay.options] == [False, True]
    assert panel.coverage.hint.text() == banner.text()
    # the jump recorded nothing; choosing the option records it and clears the banner
    assert (panel.session.watched_scenes(), set(panel.session.review.watched_options)) == watched
    assert player.overlay.press_number(2)
    assert not banner.isVisible() and panel.coverage.hint.isHidden()
    assert "payday/spend" in panel.session.review.watched_options
    assert "spend_path" in panel.session.watched_scenes()
    ctrl.stop()
    # taking another option than the highlighted one says so
    click(panel.coverage.next_button)
    settle()
    assert panel.last_branch.option is not None
    wanted = panel.last_branch
    other = next(o for o in ctrl.engine.open_choice.options if o.id != wanted.option)
    assert ctrl.choose(other.id)
    assert banner.isVisible() and f"You chose “{other.label}”" in banner.text()
    click(player.side.play_button)  # another playthrough: the note goes
    assert not banner.isVisible()
    ctrl.stop()


def test_approve_scene_and_export_report(qtbot: QtBot, review_window: Any, tmp_path: Path) -> None:
    win = review_window
    panel = win.panels["review"]
    win.selection.focus("payday")
    settle()
    click(panel.approve_button)
    assert [a.scene for a in load_review(win.doc.folder).approvals] == ["payday"]
    assert panel.approval.text().startswith("Approved by")
    assert panel.approve_button.text() == "Withdraw approval"
    panel.session.add_comment("payday", 100, "<i>escaped</i>")
    panel.report_dialog = lambda: str(tmp_path / "report")
    click(panel.export_button)
    html, data = tmp_path / "report.html", tmp_path / "report.json"
    assert html.is_file() and data.is_file()
    assert "&lt;i&gt;escaped&lt;/i&gt;" in html.read_text(encoding="utf-8")
    assert '"percent": 0' in data.read_text(encoding="utf-8")
    assert "report.html" in panel.note.text()
    click(panel.approve_button)
    assert load_review(win.doc.folder).approvals == []


def test_a_review_session_never_writes_the_project(
    qtbot: QtBot, open_review: Callable[[Path], Any], savings_copy: Path
) -> None:
    before = {p.name: p.read_bytes() for p in savings_copy.iterdir() if p.is_file()}
    media = sorted(p.name for p in (savings_copy / "media").iterdir())
    win = open_review(savings_copy)
    panel = win.panels["review"]
    win.selection.focus("payday")
    win.playhead.seek(1000)
    settle()
    assert panel.add_comment_at_playhead("One")
    assert panel.toggle_approval()
    assert panel.play_next_unwatched()
    panel.session.record_events(run_trace(win.doc.project))
    with pytest.raises(ReadOnlyError):
        win.doc.save()
    win.panels["playthrough"].controller.stop()
    win.close()
    after = {p.name: p.read_bytes() for p in savings_copy.iterdir() if p.is_file()}
    assert set(after) - set(before) == {REVIEW_FILE}
    assert all(after[name] == data for name, data in before.items())
    assert after[PROJECT_FILE] == before[PROJECT_FILE]
    assert sorted(p.name for p in (savings_copy / "media").iterdir()) == media
    review = load_review(savings_copy)
    assert review.comments and review.approvals and review.watched_scenes


def test_creators_see_comments_and_can_switch_to_review_mode(window: Any) -> None:
    panel = window.panels["review"]
    assert not window.doc.read_only
    assert not panel.session.recording and not panel.coverage.on_graph.isChecked()
    assert window.graph.graph.coverage is None  # no overlay for creators unless asked
    panel.session.add_comment("payday", 2000, "From a reviewer")
    window.selection.focus("payday")
    settle()
    assert [c.text for c in window.panels["timeline"].canvas.scene_comments()] == ["From a reviewer"]
    assert panel.comments.list.count() == 1
    assert panel.toggle_review_mode()
    assert window.doc.read_only and panel.session.recording
    assert "Review mode" in window.banner.text and window.docks["review"].isVisible()
    assert panel.coverage.on_graph.isChecked() and window.graph.graph.coverage is not None
    assert [c.text for c in panel.session.review.comments] == ["From a reviewer"]
    assert panel.toggle_review_mode()
    assert not window.doc.read_only and not panel.session.recording


def test_bare_panel_with_explicit_peers(qtbot: QtBot, savings_copy: Path) -> None:
    from studio.app.document import Document
    from studio.app.playhead import Playhead
    from studio.app.selection import Selection

    doc = Document()
    doc.open(savings_copy, read_only=True)
    selection, playhead = Selection(doc), Playhead(doc)
    timeline = TimelinePanel(doc, selection, playhead)
    panel = ReviewPanel(doc, selection, playhead)
    host = QWidget()
    qtbot.addWidget(host)
    timeline.setParent(host)
    panel.setParent(host)
    panel.attach(timeline=timeline)
    selection.focus("payday")
    playhead.seek(800)
    assert panel.add_comment_at_playhead("bare")
    assert [c.t_ms for c in timeline.canvas.scene_comments()] == [800]
    assert not panel.play_next_unwatched()  # no story player here: says so
    assert "not available" in panel.coverage.hint.text()
    doc.close()


def test_run_review_builds_a_read_only_window_and_returns_the_loop_code(
    savings_copy: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from studio.ui import launch

    seen: list[Any] = []

    def fake_exec() -> int:  # the event loop: look at the window, then quit
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, MainWindow) and widget.isVisible():
                seen.append((widget.doc.read_only, widget.docks["review"].isVisible()))
                widget.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", staticmethod(fake_exec))
    assert launch.run_review(str(savings_copy)) == 0
    assert seen == [(True, True)]
    assert launch.run_review(str(savings_copy / "nope")) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("studio review: ") and "nope" in err and "\n" not in err
    assert load(savings_copy).project.title  # still a valid, untouched project


def test_renamed_scene_shows_its_title_not_its_id(qtbot: QtBot, review_window: Any) -> None:
    """Defect 11 of issue 15 (part): the coverage list and Play from here name scenes and
    options by title and label, never by id (ids stay in the tooltips)."""
    win = review_window
    panel = win.panels["review"]
    project = win.doc.project
    project.scene_map()["payday"].title = "Salary morning"  # as a rename leaves it: id unchanged
    panel.refresh()
    rows = [panel.coverage.unwatched.item(n).text() for n in range(panel.coverage.unwatched.count())]
    assert "▢ Salary morning" in rows
    assert "↳ Salary morning → “存下¥200.00去旅行”" in rows
    assert not any("payday" in row or "save_more" in row for row in rows)
    win.selection.focus("payday")
    settle()
    tip = win.panels["playthrough"].side.here_button.toolTip()
    assert tip == "Play from “Salary morning”"
