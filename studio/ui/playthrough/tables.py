"""Read-only tables of the playthrough side panel (variables, goals, the wallet's ledger)."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem


def table(name: str, headers: list[str]) -> QTableWidget:
    """A non-editable table; the first column stretches, the others fit their contents."""
    widget = QTableWidget(0, len(headers))
    widget.setObjectName(name)
    widget.setHorizontalHeaderLabels(headers)
    widget.verticalHeader().hide()
    widget.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    widget.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    widget.setWordWrap(False)
    header = widget.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    for col in range(1, len(headers)):
        header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
    return widget


def fill(widget: QTableWidget, rows: list[list[str]]) -> None:
    """Show ``rows`` (plain text), changing only the cells that differ; a cell's tooltip is its text."""
    widget.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = widget.item(r, c)
            if item is None:
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                widget.setItem(r, c, item)
            elif item.text() != text:
                item.setText(text)
                item.setToolTip(text)
