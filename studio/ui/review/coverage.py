"""The coverage part of the review dock: percent bar, unwatched list, next branch.

:class:`CoverageBox` only displays; the panel wires its buttons.  The list
of unwatched scenes and choices is capped (:data:`MAX_LISTED`) so a huge
project stays quick to refresh.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from studio.model.names import UNTITLED, option_label
from studio.model.project import Project
from studio.model.review import Coverage
from studio.ui.text import plain_label

MAX_LISTED = 200
SCENE_ROLE = Qt.ItemDataRole.UserRole


class CoverageBox(QGroupBox):
    """Coverage % bar, counts, the next-unwatched button and what is not watched yet."""

    scene_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Coverage"))
        self.setObjectName("reviewCoverage")
        self.setToolTip(self.tr("What this review has watched in “Play story”"))
        self.bar = QProgressBar(self)
        self.bar.setObjectName("reviewCoverageBar")
        self.bar.setRange(0, 100)
        self.bar.setTextVisible(False)  # the percent is in the label (no text over the fill)
        self.bar.setMaximumHeight(10)
        self.counts = plain_label(name="reviewCoverageCounts")
        bold = self.counts.font()
        bold.setBold(True)
        self.counts.setFont(bold)
        self.next_button = QPushButton(self.tr("▶ Play next unwatched branch"), self)
        self.next_button.setObjectName("reviewNext")
        self.next_button.setToolTip(
            self.tr("Play from the nearest decision that leads to a scene or choice not watched yet")
        )
        self.hint = plain_label(name="reviewHint")
        self.hint.hide()
        self.record = QCheckBox(self.tr("Record what I watch"), self)
        self.record.setObjectName("reviewRecord")
        self.record.setToolTip(self.tr("Scenes and choices played in “Play story” count as watched"))
        self.on_graph = QCheckBox(self.tr("Show on graph"), self)
        self.on_graph.setObjectName("reviewOnGraph")
        self.on_graph.setToolTip(
            self.tr("Fade the scenes and choices of the graph that were not watched yet"))
        self.unwatched = QListWidget(self)
        self.unwatched.setObjectName("reviewUnwatched")
        self.unwatched.setMaximumHeight(80)
        self.unwatched.setToolTip(self.tr("Not watched yet (click a scene to show it)"))
        self.unwatched.itemClicked.connect(self._clicked)
        checks = QHBoxLayout()
        checks.setContentsMargins(0, 0, 0, 0)
        checks.addWidget(self.record)
        checks.addWidget(self.on_graph)
        checks.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 8)
        layout.setSpacing(4)
        layout.addWidget(self.counts)
        layout.addWidget(self.bar)
        layout.addLayout(checks)
        layout.addWidget(self.next_button)
        layout.addWidget(self.hint)
        layout.addWidget(self.unwatched)

    def show_coverage(self, cov: Coverage, project: Project) -> None:
        self.bar.setValue(cov.percent)
        self.counts.setText(
            self.tr("{percent}% watched · {scenes}/{scenes_total} scenes · {choices}/{choices_total} choices")
            .format(percent=cov.percent, scenes=cov.scenes_watched, scenes_total=cov.scenes_total,
                    choices=cov.options_watched, choices_total=cov.options_total)
        )
        titles = {s.id: s.title or UNTITLED for s in project.scenes}
        labels = {
            f"{s.id}/{o.id}": option_label(project, o) or self.tr("(unlabelled option)")
            for s in project.scenes
            if s.choice is not None
            for o in s.choice.options
        }
        self.unwatched.clear()
        listed = 0
        for sid in cov.unwatched_scenes[:MAX_LISTED]:
            item = QListWidgetItem(f"▢ {titles.get(sid, sid)}")
            item.setData(SCENE_ROLE, sid)
            item.setToolTip(self.tr("“{scene}” was not watched yet").format(scene=titles.get(sid, sid)))
            self.unwatched.addItem(item)
            listed += 1
        for key in cov.unwatched_options[: max(0, MAX_LISTED - listed)]:
            sid, _, oid = key.partition("/")
            item = QListWidgetItem(f"↳ {titles.get(sid, sid)} → “{labels.get(key, oid)}”")
            item.setData(SCENE_ROLE, sid)
            label = labels.get(key, oid)
            item.setToolTip(self.tr("The option “{option}” of “{scene}” was not taken yet").format(
                option=label, scene=titles.get(sid, sid)))
            self.unwatched.addItem(item)
            listed += 1
        rest = len(cov.unwatched_scenes) + len(cov.unwatched_options) - listed
        if rest > 0:
            self.unwatched.addItem(QListWidgetItem(self.tr("… and {count} more").format(count=rest)))
        if listed == 0:
            self.unwatched.addItem(QListWidgetItem(self.tr("Everything has been watched.")))
        self.next_button.setEnabled(listed > 0)

    def set_hint(self, text: str) -> None:
        self.hint.setText(text)
        self.hint.setVisible(bool(text))

    def _clicked(self, item: QListWidgetItem) -> None:
        sid = item.data(SCENE_ROLE)
        if isinstance(sid, str):
            self.scene_clicked.emit(sid)
