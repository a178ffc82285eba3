"""The Problems panel: validation findings, newest after every edit.

One row per problem (severity, where, message); clicking a row selects its
scene and centres the graph on it.  The header counts errors and warnings.
Where and what are said with names, not ids (a scene by its title, an option by its label,
a prompt by its text: :func:`studio.model.names.readable`), so a renamed scene shows its new
title; an id shows only for something that does not exist.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QHeaderView, QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from studio.app.document import Document
from studio.app.problem_text import problem_text
from studio.app.selection import Selection
from studio.app.validation import ValidationRunner
from studio.model.checks import Problem
from studio.model.names import UNTITLED, readable
from studio.ui.icons import icon

MAX_ROWS = 2000
SCENE_ROLE = Qt.ItemDataRole.UserRole


# the words an item of a problem starts with (``readable`` names it in English)
ITEM_WORDS: tuple[str, ...] = tuple(str(w) for w in (
    QT_TRANSLATE_NOOP("ProblemItem", "savings prompt"),
    QT_TRANSLATE_NOOP("ProblemItem", "product tag"),
    QT_TRANSLATE_NOOP("ProblemItem", "option"),
    QT_TRANSLATE_NOOP("ProblemItem", "clip"),
    QT_TRANSLATE_NOOP("ProblemItem", "choice"),
    QT_TRANSLATE_NOOP("ProblemItem", "next"),
    QT_TRANSLATE_NOOP("ProblemItem", "media"),
    QT_TRANSLATE_NOOP("ProblemItem", "subtitles"),
    QT_TRANSLATE_NOOP("ProblemItem", "dub"),
    QT_TRANSLATE_NOOP("ProblemItem", "prompt"),
    QT_TRANSLATE_NOOP("ProblemItem", "tag"),
))


def item_words(item: str) -> str:
    """``item`` with its leading kind word (``option “Save”``, ``subtitles en``) translated."""
    for word in ITEM_WORDS:
        if item == word or item.startswith(word + " "):
            return QCoreApplication.translate("ProblemItem", word) + item[len(word):]
    return item


def summary(problems: Sequence[Problem]) -> str:
    """'1 error, 2 warnings' (the panel and the status bar say it the same way)."""
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    if errors == 1:
        first = QCoreApplication.translate("ProblemsPanel", "1 error")
    else:
        first = QCoreApplication.translate("ProblemsPanel", "{count} errors").format(count=errors)
    if warnings == 1:
        second = QCoreApplication.translate("ProblemsPanel", "1 warning")
    else:
        second = QCoreApplication.translate("ProblemsPanel", "{count} warnings").format(count=warnings)
    both = QCoreApplication.translate("ProblemsPanel", "{errors}, {warnings}")
    return both.format(errors=first, warnings=second)


class ProblemsPanel(QWidget):
    """Lists the problems the document's :class:`ValidationRunner` found."""

    def __init__(
        self,
        document: Document,
        selection: Selection,
        validation: ValidationRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.doc = document
        self.validation = validation
        self.selection = selection
        self.summary = QLabel(self)
        self.summary.setObjectName("panelNote")
        self.tree = QTreeWidget(self)
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setHeaderLabels(["", self.tr("Where"), self.tr("Problem")])
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.tree.setColumnWidth(1, 220)
        self.tree.itemActivated.connect(self._go)
        self.tree.itemClicked.connect(self._go)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        validation.problems_changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        problems = self.validation.problems
        if not problems:
            self.summary.setText(self.tr("No problems found."))
        else:
            text = summary(problems)
            more = ""
            if len(problems) > MAX_ROWS:
                more = self.tr(" (first {count} shown)").format(count=MAX_ROWS)
            self.summary.setText(text + more)
        self.tree.setUpdatesEnabled(False)
        self.tree.clear()
        error_icon, warning_icon = icon("error", "#d64541"), icon("warning", "#d98a1c")
        rows = []
        for p in problems[:MAX_ROWS]:
            message = readable(problem_text(p), self.doc.project)
            row = QTreeWidgetItem(["", self._where(p), message])
            row.setIcon(0, error_icon if p.severity == "error" else warning_icon)
            row.setToolTip(0, self.tr("error") if p.severity == "error" else self.tr("warning"))
            row.setToolTip(1, row.text(1))
            row.setToolTip(2, message)
            row.setData(0, SCENE_ROLE, p.scene)
            rows.append(row)
        self.tree.addTopLevelItems(rows)
        self.tree.setUpdatesEnabled(True)

    def _where(self, problem: Problem) -> str:
        """``Payday › option “Save ¥50.00”``: the scene's title, then the item by its name."""
        project = self.doc.project
        if not problem.scene:
            return readable(problem.item, project) if problem.item else self.tr("project")
        scene = project.scene_map().get(problem.scene)
        name = (scene.title or UNTITLED) if scene is not None else problem.scene
        if not problem.item:
            return name
        item = readable(f"scene '{problem.scene}' > {problem.item}", project).split(" › ", 1)
        return f"{name} › {item_words(item[-1] if len(item) > 1 else problem.item)}"

    def _go(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        scene = item.data(0, SCENE_ROLE)
        if isinstance(scene, str) and scene:
            self.selection.focus(scene)
