"""The scene part of the review dock: where the playhead is, approval, a new comment.

:class:`SceneBox` only displays; the panel decides the scene (the playhead's,
else the selected one) and wires the buttons.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from studio.app.review_session import MAX_TEXT, ApprovalState
from studio.ui.timeline.geometry import format_time


def plain_label(name: str) -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setObjectName(name)
    return label


class SceneBox(QGroupBox):
    """“Payday at 0:02.50”, the approve button and the comment entry."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Scene"))
        self.setObjectName("reviewScene")
        self.where = plain_label("reviewWhere")
        self.approve_button = QPushButton(self.tr("✓ Approve scene"), self)
        self.approve_button.setObjectName("reviewApprove")
        self.approval = plain_label("reviewApproval")
        self.text = QLineEdit(self)
        self.text.setObjectName("reviewCommentText")
        self.text.setPlaceholderText(self.tr("Comment at the playhead…"))
        self.text.setMaxLength(MAX_TEXT)
        self.add_button = QPushButton(self.tr("Add"), self)
        self.add_button.setObjectName("reviewAddComment")
        self.add_button.setToolTip(self.tr("Pin the comment to this scene at the playhead's time"))
        self._title = ""
        approve = QHBoxLayout()
        approve.setContentsMargins(0, 0, 0, 0)
        approve.addWidget(self.approve_button)
        approve.addWidget(self.approval, 1)
        add = QHBoxLayout()
        add.setContentsMargins(0, 0, 0, 0)
        add.addWidget(self.text, 1)
        add.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 8)
        layout.setSpacing(4)
        layout.addWidget(self.where)
        layout.addLayout(approve)
        layout.addLayout(add)

    def show_place(self, title: str | None, ms: int, can_write: bool) -> None:
        """The scene (None: none) and clip time a new comment goes to."""
        if title is None:
            self.where.setText(self.tr("Select a scene (or move the playhead) to comment or approve."))
        else:
            self._title = title
            self.show_time(ms)
        self.add_button.setEnabled(title is not None and can_write)
        self.text.setEnabled(can_write)

    def show_time(self, ms: int) -> None:
        """Only the playhead's time changed (every frame while playing)."""
        self.where.setText(self.tr("{scene} at {time}").format(scene=self._title, time=format_time(ms)))

    def show_approval(
        self, state: ApprovalState | None, who: Sequence[str], mine: bool, can_write: bool
    ) -> None:
        self.approve_button.setEnabled(state is not None and can_write)
        self.approve_button.setText(self.tr("Withdraw approval") if mine else self.tr("✓ Approve scene"))
        names = self.tr(", ").join(who)
        texts = {
            None: "",
            "approved": self.tr("Approved by {names}").format(names=names),
            "stale": self.tr("Approved by {names} (an earlier version)").format(names=names),
            "none": self.tr("Not approved yet"),
        }
        self.approval.setText(texts[state])
