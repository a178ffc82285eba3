"""Help > Keyboard Shortcuts: every action's shortcut (from the action registry) and the graph's keys.

The graph's own keys come from ``studio.ui.graph.keys.GRAPH_KEYS`` (a list of (key text, what it
does)); until that table exists the section is left out.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from studio.ui.actions import ACTIONS, MENUS, ActionSpec, translated

GRAPH = str(QT_TRANSLATE_NOOP("ShortcutsDialog", "Branch graph"))


def plain(text: str) -> str:
    """A menu text without its mnemonic and ellipsis ("&Open…" -> "Open", "打开(&O)…" -> "打开")."""
    text = re.sub(r"\(&[^&]\)", "", text)
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()


def key_text(spec: ActionSpec) -> str:
    """The action's shortcut as this platform writes it ("" when it has none here).

    It is the key the action's QAction is given (a standard key's first binding on this platform).
    """
    if spec.shortcut is None:
        return ""
    return QKeySequence(spec.shortcut).toString(QKeySequence.SequenceFormat.NativeText)


def graph_keys() -> list[tuple[str, str]]:
    """The graph's key table in the studio's language (``studio.ui.graph.keys.graph_keys()``, else its
    ``GRAPH_KEYS``), empty until it exists."""
    try:
        module = importlib.import_module("studio.ui.graph.keys")
    except ImportError:
        return []
    made = getattr(module, "graph_keys", None)
    table = made() if callable(made) else getattr(module, "GRAPH_KEYS", [])
    return [(str(key), str(what)) for key, what in table]


def shortcut_rows(specs: Sequence[ActionSpec] = ACTIONS) -> list[tuple[str, str, str]]:
    """(section, command, key) for every action with a shortcut, by menu, then the graph's keys."""
    rows: list[tuple[str, str, str]] = []
    for menu in MENUS:
        keyed = [(s, key_text(s)) for s in specs if s.menu == menu]
        rows.extend((plain(translated(menu)), plain(translated(s.text)), key) for s, key in keyed if key)
    graph = QCoreApplication.translate("ShortcutsDialog", GRAPH)
    rows.extend((graph, what, key) for key, what in graph_keys())
    return rows


class ShortcutsDialog(QDialog):
    """A two-column list (key, command) grouped by menu; not modal.  Columns are as wide as their
    longest entry, so nothing is cut short."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcuts")
        self.setWindowTitle(self.tr("Keyboard Shortcuts"))
        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([self.tr("Key"), self.tr("Command")])
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        sections: dict[str, QTreeWidgetItem] = {}
        for section, command, key in shortcut_rows():
            parent_item = sections.get(section)
            if parent_item is None:
                parent_item = QTreeWidgetItem(self.tree, [section, ""])
                parent_item.setFirstColumnSpanned(True)
                font = parent_item.font(0)
                font.setBold(True)
                parent_item.setFont(0, font)
                sections[section] = parent_item
            QTreeWidgetItem(parent_item, [key, command])
        self.tree.expandAll()
        header = self.tree.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addWidget(self.tree, 1)
        column.addWidget(buttons)
        self.tree.resizeColumnToContents(1)
        width = self.tree.columnWidth(0) + self.tree.columnWidth(1) + 60
        self.resize(max(560, width), 640)
