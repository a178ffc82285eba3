"""The comments part of the review dock: a filtered list with resolve/reopen/delete.

Each row shows the status, scene, clip time, author and text of one comment
(open: orange ○, resolved: green ✓).  Clicking a row emits
``comment_clicked(id)`` (the panel then selects the scene and seeks the shared
playhead); the buttons act on the current row through the
:class:`~studio.app.review_session.ReviewSession`.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from studio.app.review_session import ReviewSession, Status
from studio.model.names import UNTITLED
from studio.model.review import Comment
from studio.ui.timeline.geometry import format_time
from studio.ui.wheel import ComboBox

ID_ROLE = Qt.ItemDataRole.UserRole
FILTERS: tuple[tuple[object, Status | None], ...] = (
    (QT_TRANSLATE_NOOP("CommentsBox", "All"), None),
    (QT_TRANSLATE_NOOP("CommentsBox", "Open"), "open"),
    (QT_TRANSLATE_NOOP("CommentsBox", "Resolved"), "resolved"),
)
OPEN_COLOUR = QColor("#e8590c")
RESOLVED_COLOUR = QColor("#2f9e66")


def comment_line(comment: Comment, title: str) -> str:
    mark = "○" if comment.status == "open" else "✓"
    return f"{mark} {title} · {format_time(comment.t_ms)} — {comment.author}: {comment.text}"


class CommentList(QGroupBox):
    """Filterable list of the review's comments."""

    comment_clicked = Signal(str)

    def __init__(self, session: ReviewSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Comments"))
        self.setObjectName("reviewComments")
        self.session = session
        self.scene_id: str | None = None  # the scene "this scene only" filters to
        self.filter = ComboBox(self)
        self.filter.setObjectName("reviewCommentFilter")
        for english, _status in FILTERS:
            text = QCoreApplication.translate("CommentsBox", str(english))
            self.filter.addItem(text)
        self.filter.currentIndexChanged.connect(lambda _i: self.refresh())
        self.only_scene = QCheckBox(self.tr("This scene only"), self)
        self.only_scene.setObjectName("reviewCommentsThisScene")
        self.only_scene.toggled.connect(lambda _on: self.refresh())
        self.list = QListWidget(self)
        self.list.setObjectName("reviewCommentList")
        self.list.setWordWrap(True)
        self.list.setMinimumHeight(96)
        self.list.itemClicked.connect(self._clicked)
        self.list.itemActivated.connect(self._clicked)
        self.list.currentItemChanged.connect(lambda *_a: self._update_buttons())
        self.toggle = QPushButton(self.tr("Resolve"), self)
        self.toggle.setObjectName("reviewCommentToggle")
        self.toggle.clicked.connect(lambda: self.toggle_current())
        self.delete = QPushButton(self.tr("Delete"), self)
        self.delete.setObjectName("reviewCommentDelete")
        self.delete.clicked.connect(lambda: self.delete_current())
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.filter)
        top.addWidget(self.only_scene)
        top.addStretch(1)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.toggle)
        buttons.addWidget(self.delete)
        buttons.addStretch(1)
        self.buttons = buttons  # the panel adds its export button here
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 8)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self._update_buttons()

    def status_filter(self) -> Status | None:
        return FILTERS[max(0, self.filter.currentIndex())][1]

    def set_status_filter(self, status: Status | None) -> None:
        self.filter.setCurrentIndex([s for _t, s in FILTERS].index(status))

    def set_scene(self, scene_id: str | None) -> None:
        if scene_id != self.scene_id:
            self.scene_id = scene_id
            if self.only_scene.isChecked():
                self.refresh()

    def shown_ids(self) -> list[str]:
        return [str(self.list.item(n).data(ID_ROLE)) for n in range(self.list.count())]

    def refresh(self) -> None:
        current = self.current_id()
        scene = self.scene_id if self.only_scene.isChecked() else None
        comments = self.session.comments(scene, self.status_filter())
        titles = {s.id: s.title or UNTITLED for s in self.session.document.project.scenes}
        self.list.clear()
        for comment in comments:
            deleted = self.tr("(deleted scene)")
            item = QListWidgetItem(comment_line(comment, titles.get(comment.scene, deleted)))
            item.setData(ID_ROLE, comment.id)
            item.setForeground(QBrush(OPEN_COLOUR if comment.status == "open" else RESOLVED_COLOUR))
            title = titles.get(comment.scene, self.tr("(deleted scene)"))
            status = self.tr("open") if comment.status == "open" else self.tr("resolved")
            item.setToolTip(f"{status} · {comment.created} · “{title}”\n{comment.text}")
            self.list.addItem(item)
            if comment.id == current:
                self.list.setCurrentItem(item)
        total = len(self.session.review.comments)
        open_n = sum(c.status == "open" for c in self.session.review.comments)
        self.setTitle(self.tr("Comments ({open} open, {total} in all)").format(open=open_n, total=total))
        self._update_buttons()

    def current_id(self) -> str | None:
        item = self.list.currentItem()
        value = item.data(ID_ROLE) if item is not None else None
        return value if isinstance(value, str) else None

    def select(self, comment_id: str) -> bool:
        for n in range(self.list.count()):
            if self.list.item(n).data(ID_ROLE) == comment_id:
                self.list.setCurrentRow(n)
                return True
        return False

    def toggle_current(self) -> bool:
        cid = self.current_id()
        comment = self.session.comment(cid) if cid else None
        if comment is None:
            return False
        if comment.status == "open":
            return self.session.resolve(comment.id)
        return self.session.reopen(comment.id)

    def delete_current(self) -> bool:
        cid = self.current_id()
        return self.session.delete_comment(cid) if cid else False

    def _update_buttons(self) -> None:
        cid = self.current_id()
        comment = self.session.comment(cid) if cid else None
        self.toggle.setEnabled(comment is not None)
        self.delete.setEnabled(comment is not None)
        resolved = comment is not None and comment.status == "resolved"
        self.toggle.setText(self.tr("Reopen") if resolved else self.tr("Resolve"))

    def _clicked(self, item: QListWidgetItem) -> None:
        cid = item.data(ID_ROLE)
        if isinstance(cid, str):
            self.comment_clicked.emit(cid)
