"""The review dock: coverage, comments at the playhead, approvals and the report.

:class:`ReviewPanel` owns a :class:`~studio.app.review_session.ReviewSession`
(saved beside the project as ``drama.review.json`` on every change) and drives
its peers (see :mod:`studio.ui.review.peers`): the branch graph's coverage
overlay, the timeline's comment flags and the playthrough panel (“Play next
unwatched branch” plays from the nearest decision that leads to something not
watched yet, and what it plays is recorded).  It works in both modes: in
review mode (the document is read-only) recording and the graph overlay start
on; creators see the same comments as a list and as flags on the timeline.
The contents sit in a scroll area, so a short dock never clips a control.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from studio.app.document import Document
from studio.app.playhead import Playhead
from studio.app.review_session import NextBranch, ReviewSession
from studio.app.selection import Selection
from studio.model.errors import ProjectError
from studio.model.names import UNTITLED
from studio.model.ops import ChangeSet
from studio.ui.review import peers
from studio.ui.review.comments import CommentList
from studio.ui.review.coverage import CoverageBox
from studio.ui.review.mode import ReviewWindow, show_review_dock
from studio.ui.review.scene_box import SceneBox
from studio.ui.text import plain_label


class ReviewPanel(QWidget):
    """Review coverage, comments and approvals of the open project."""

    def __init__(
        self,
        document: Document,
        selection: Selection,
        playhead: Playhead | None = None,
        session: ReviewSession | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reviewPanel")
        self.document, self.selection = document, selection
        self.playhead = playhead if playhead is not None else Playhead(self)
        self.session = session if session is not None else ReviewSession(document, parent=self)
        self.peers = peers.Peers()
        self.report_dialog = self._ask_report_path  # tests replace it
        self._show_on_graph = document.read_only

        self.mode_label = plain_label(name="reviewMode")
        self.mode_button = QPushButton(self)
        self.mode_button.setObjectName("reviewModeButton")
        self.mode_button.clicked.connect(lambda: self.toggle_review_mode())
        self.author = QLineEdit(self.session.author, self)
        self.author.setObjectName("reviewAuthor")
        self.author.setPlaceholderText(self.tr("Your name"))
        self.author.editingFinished.connect(self._author_edited)
        self.coverage = CoverageBox(self)
        self.scene_box = SceneBox(self)
        box = self.scene_box
        self.where, self.approval, self.text = box.where, box.approval, box.text
        self.approve_button, self.add_button = box.approve_button, box.add_button
        self.approve_button.clicked.connect(lambda: self.toggle_approval())
        self.text.returnPressed.connect(lambda: self.add_comment_at_playhead())
        self.add_button.clicked.connect(lambda: self.add_comment_at_playhead())
        self.comments = CommentList(self.session, self)
        self.export_button = QPushButton(self.tr("Export report…"), self)
        self.export_button.setToolTip(self.tr("Write the review report as HTML and JSON"))
        self.export_button.setObjectName("reviewExport")
        self.export_button.clicked.connect(lambda: self.export_report())
        self.note = plain_label(name="reviewNote")
        self.note.hide()
        self._build_layout()

        self.coverage.next_button.clicked.connect(lambda: self.play_next_unwatched())
        self.coverage.scene_clicked.connect(self.selection.focus)
        self.coverage.record.setChecked(self.session.recording)
        self.coverage.record.toggled.connect(self.session.set_recording)
        self.coverage.on_graph.setChecked(self._show_on_graph)
        self.coverage.on_graph.toggled.connect(self.set_show_on_graph)
        self.comments.comment_clicked.connect(self.go_to_comment)
        self.session.changed.connect(self.refresh)
        self.session.message.connect(self.show_note)
        self.session.recording_changed.connect(self._recording_changed)
        self.session.author_changed.connect(self._author_changed)
        document.changed.connect(self._document_changed)
        document.file_changed.connect(self._file_changed)
        selection.changed.connect(self._update_where)
        self.playhead.scene_changed.connect(lambda _s: self._update_where())
        self.playhead.moved.connect(lambda _ms, _o: self._update_time())
        self._where: tuple[str | None, int] = (None, 0)
        self.last_branch: NextBranch | None = None
        self._following = False
        self._file_changed()
        self.refresh()
        QTimer.singleShot(0, self, self.connect_peers)  # the window builds the other docks first

    def _build_layout(self) -> None:
        head = QHBoxLayout()
        head.setContentsMargins(0, 0, 0, 0)
        head.addWidget(self.mode_label, 1)
        head.addWidget(self.mode_button)
        who = QHBoxLayout()
        who.setContentsMargins(0, 0, 0, 0)
        who.addWidget(plain_label(self.tr("Reviewer:")))
        who.addWidget(self.author, 1)
        content = QWidget()
        content.setObjectName("reviewContent")
        column = QVBoxLayout(content)
        column.setContentsMargins(6, 6, 6, 6)
        column.setSpacing(6)
        column.addLayout(head)
        column.addLayout(who)
        column.addWidget(self.coverage)
        column.addWidget(self.scene_box)
        column.addWidget(self.comments, 1)
        self.comments.buttons.addWidget(self.export_button)
        column.addWidget(self.note)
        self.scroller = QScrollArea(self)
        self.scroller.setFrameShape(QFrame.Shape.NoFrame)
        self.scroller.setWidgetResizable(True)
        self.scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroller.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroller)

    # -- peers ---------------------------------------------------------------------------
    def attach(
        self,
        graph: peers.CoverageView | None = None,
        timeline: peers.CommentView | None = None,
        playthrough: peers.Player | None = None,
    ) -> None:
        """Use these peers instead of looking in the window (a bare panel, tests)."""
        self.peers = peers.Peers(graph, timeline, playthrough)
        self.connect_peers()

    def connect_peers(self) -> None:
        """Record the playthrough panel's events and show coverage/comments on graph and timeline."""
        player = peers.playthrough(self, self.peers)
        if player is not None:
            self.session.watch(player.controller)
        self._push_peers()

    def _push_peers(self) -> None:
        graph = peers.graph(self, self.peers)
        if graph is not None:
            if self._show_on_graph:
                graph.set_coverage(self.session.watched_scenes(), self.session.watched_edges())
            else:
                graph.set_coverage(None)
        timeline = peers.timeline(self, self.peers)
        if timeline is not None:
            timeline.set_comments(self.session.review.comments)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.connect_peers()

    def set_show_on_graph(self, on: bool) -> None:
        self._show_on_graph = on
        if self.coverage.on_graph.isChecked() != on:
            self.coverage.on_graph.setChecked(on)
        self._push_peers()

    # -- state ---------------------------------------------------------------------------
    def refresh(self) -> None:
        """Redraw everything from the session (after any change)."""
        self.coverage.show_coverage(self.session.coverage(), self.document.project)
        self.comments.refresh()
        self._update_where(force=True)
        self._push_peers()

    def _document_changed(self, changes: ChangeSet) -> None:
        if changes.reset or changes.structure or changes.scenes:
            self.refresh()

    def _file_changed(self) -> None:
        review = self.document.read_only
        if review:
            self.mode_label.setText(self.tr("Review mode (read-only)"))
            self.mode_label.setToolTip(self.tr(
                "The project is read-only; coverage, comments and approvals are saved in drama.review.json"))
            self.mode_button.setText(self.tr("Leave review mode"))
            self.mode_button.setToolTip(self.tr("Reopen the project for editing"))
        else:
            self.mode_label.setText(self.tr("Reviewers' notes"))
            self.mode_label.setToolTip(
                self.tr("Comments and approvals from reviewers (drama.review.json beside the project)"))
            self.mode_button.setText(self.tr("Review mode"))
            self.mode_button.setToolTip(self.tr("Reopen the project read-only for reviewing"))
        self.mode_button.setEnabled(self.document.path is not None)
        self.set_show_on_graph(self._show_on_graph or review)
        self.refresh()

    def _recording_changed(self, on: bool) -> None:
        if self.coverage.record.isChecked() != on:
            self.coverage.record.setChecked(on)

    def _author_changed(self, name: str) -> None:
        if self.author.text() != name:
            self.author.setText(name)
        self._update_where(force=True)

    def _author_edited(self) -> None:
        if not self.session.set_author(self.author.text()):
            self.author.setText(self.session.author)

    def show_note(self, text: str) -> None:
        self.note.setText(text)
        self.note.setVisible(bool(text))

    # -- the scene at the playhead ----------------------------------------------------------
    def target(self) -> tuple[str | None, int]:
        """(scene, clip ms) a new comment goes to: the playhead's scene, else the selected one."""
        scenes = self.document.project.scene_map()
        if self.playhead.scene in scenes:
            return self.playhead.scene, self.playhead.ms
        current = self.selection.current
        sid = current[1] if current and current[0] == "scene" and len(current) > 1 else None
        if sid is None and len(self.selection.scenes) == 1:
            sid = next(iter(self.selection.scenes))
        if sid in scenes:
            return sid, scenes[sid].in_ms
        return None, 0

    def _update_where(self, force: bool = False) -> None:
        sid, ms = self.target()
        if not force and (sid, ms) == self._where:
            return
        scene_changed = force or sid != self._where[0]
        self._where = (sid, ms)
        scene = self.document.project.scene_map().get(sid) if sid else None
        can_write = self.document.folder is not None
        self.scene_box.show_place(scene.title or UNTITLED if scene else None, ms, can_write)
        if scene_changed:
            self.comments.set_scene(sid)
            self._update_approval(sid if scene else None)

    def _update_time(self) -> None:
        """The playhead moved (every frame while playing): only the time text changes."""
        sid = self._where[0]
        if sid is None or self.playhead.scene != sid:
            self._update_where()
        elif self.playhead.ms != self._where[1]:
            self._where = (sid, self.playhead.ms)
            self.scene_box.show_time(self.playhead.ms)

    def _update_approval(self, sid: str | None) -> None:
        approvals = self.session.approvals(sid) if sid else []
        mine = any(a.author == self.session.author for a in approvals)
        state = self.session.approval_state(sid) if sid else None
        who = sorted({a.author for a in approvals})
        self.scene_box.show_approval(state, who, mine, self.document.folder is not None)

    # -- commands ------------------------------------------------------------------------
    def add_comment_at_playhead(self, text: str | None = None) -> bool:
        """Pin the typed comment (or ``text``) to the playhead's scene and time."""
        sid, ms = self.target()
        if sid is None:
            self.show_note(self.tr("Select a scene (or move the playhead) first."))
            return False
        comment = self.session.add_comment(sid, ms, self.text.text() if text is None else text)
        if comment is None:
            return False
        self.text.clear()
        self.show_note("")
        self.comments.select(comment.id)
        return True

    def go_to_comment(self, comment_id: str) -> bool:
        """Select the comment's scene and move the shared playhead to its time."""
        comment = self.session.comment(comment_id)
        if comment is None or comment.scene not in self.document.project.scene_map():
            self.show_note(self.tr("That comment's scene no longer exists."))
            return False
        self.selection.focus(comment.scene)
        if self.playhead.scene != comment.scene:
            self.playhead.set_scene(comment.scene, comment.t_ms)
        self.playhead.seek(comment.t_ms, origin=self)
        return True

    def toggle_approval(self) -> bool:
        sid, _ms = self.target()
        if sid is None:
            return False
        if any(a.author == self.session.author for a in self.session.approvals(sid)):
            return self.session.unapprove(sid)
        return self.session.approve(sid) is not None

    def play_next_unwatched(self) -> bool:
        """Steer the story player to the nearest decision leading to something not watched yet
        and stop where the new material begins (the player's banner says what to do)."""
        player = peers.playthrough(self, self.peers)
        engine = player.controller.engine if player is not None else None
        branch = self.session.next_branch(engine.scene_id if engine is not None else None)
        if branch is None:
            self.coverage.set_hint(self.tr("Everything has been watched."))
            return False
        if player is None:
            self.coverage.set_hint(self.tr("The story player is not available in this window."))
            return False
        self.session.watch(player.controller)
        self.session.set_recording(True)
        peers.raise_dock(self, "playthrough")
        follow = getattr(player, "steer_changed", None)
        if follow is not None and not self._following:
            follow.connect(self.coverage.set_hint)  # the same words here, kept up to date
            self._following = True
        watched = self.session.watched_scenes()
        with self.session.suspended():  # what the jump passes through is not watched
            result = player.steer_to(branch.scene, branch.option, watched)
        if result.how in ("unwatched", "scene"):  # shown from its first frame: the reviewer sees it
            self.session.record_event({"type": "scene_started", "scene": result.scene})
        self.coverage.set_hint(player.steer_text())
        self.last_branch = branch
        return result.how != "failed"

    def toggle_review_mode(self) -> bool:
        """Reopen the project read-only (review mode) or for editing again."""
        opener, path = peers.files_open(self), self.document.path
        if opener is None or path is None:
            return False
        if not opener(path, read_only=not self.document.read_only):
            return False
        window = self.window()
        if self.document.read_only and isinstance(window, ReviewWindow):
            show_review_dock(window)
        return True

    def export_report(self, html_path: str | Path | None = None) -> list[Path]:
        """Write ``NAME.html`` and ``NAME.json`` (asks where unless given)."""
        if html_path is None:
            chosen = self.report_dialog()
            if not chosen:
                return []
            html_path = chosen
        html = Path(html_path)
        if html.suffix.lower() not in (".html", ".htm"):
            html = html.with_name(html.name + ".html")
        try:
            written = self.session.export_report(html, html.with_suffix(".json"))
        except ProjectError as exc:
            self.show_note(str(exc))
            return []
        text = self.tr("Report written: {html} and {json}")
        self.show_note(text.format(html=written[0].name, json=written[1].name))
        return written

    def _ask_report_path(self) -> str | None:
        folder = self.document.folder or Path.home()
        start = str(folder / f"{folder.name or 'drama'}-review.html")
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Export review report"), start,
                                                    self.tr("HTML (*.html)"))
        return path or None
