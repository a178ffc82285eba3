"""Read-only tables of the playthrough side panel (variables, goals, the wallet's ledger)."""

from __future__ import annotations

from collections.abc import Collection

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem


def table(name: str, headers: list[str], wrap: Collection[int] = ()) -> QTableWidget:
    """A non-editable table; the first column stretches, the others fit their contents.

    Columns in ``wrap`` stretch too and their text wraps (rows grow to fit): nothing
    is cut off in a narrow dock."""
    widget = QTableWidget(0, len(headers))
    widget.setObjectName(name)
    widget.setHorizontalHeaderLabels(headers)
    widget.verticalHeader().hide()
    widget.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    widget.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    widget.setWordWrap(bool(wrap))
    widget.setProperty("wraps", bool(wrap))
    header = widget.horizontalHeader()
    for col in range(len(headers)):
        stretch = col == 0 or col in wrap
        mode = QHeaderView.ResizeMode.Stretch if stretch else QHeaderView.ResizeMode.ResizeToContents
        header.setSectionResizeMode(col, mode)
    return widget


def fill(widget: QTableWidget, rows: list[list[str]]) -> None:
    """Show ``rows`` (plain text), changing only the cells that differ; a cell's tooltip is its text."""
    changed = widget.rowCount() != len(rows)
    widget.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = widget.item(r, c)
            if item is None:
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                widget.setItem(r, c, item)
                changed = True
            elif item.text() != text:
                item.setText(text)
                item.setToolTip(text)
                changed = True
    if changed and widget.property("wraps"):
        widget.resizeRowsToContents()
