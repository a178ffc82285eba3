"""Condition editor: a small builder plus a raw JsonLogic view validated as you type.

The builder edits the common shape: rows of (variable, operator, value)
combined with *all of* / *any of*; no rows means "always".  Values are typed
by the variable: ``saved.<goal>`` totals are money in the project currency,
``int`` variables whole numbers, ``bool`` true/false, ``string`` text.  Any
other JsonLogic (the subset of :mod:`studio.model.conditions`) is edited in
the raw view, checked on every keystroke by
:func:`studio.model.conditions.check`; only a valid condition is applied.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from pydantic import JsonValue
from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from studio.app.document import Document
from studio.model.conditions import ConditionError, check
from studio.model.currency import parse_money
from studio.model.ops import FieldRef, OpError, SetField
from studio.model.project import SAVED_PREFIX, Project
from studio.ui.inspector.fields import (
    ERROR_STYLE,
    money_symbol,
    money_text,
    parse_int,
    short_reason,
)
from studio.ui.wheel import ComboBox

COMPARE = ("==", "!=", "<", "<=", ">", ">=")
EQUALITY = ("==", "!=")
OK_STYLE = "color: #2f9e66;"
RAW_EXAMPLE = '{"and": [{">=": [{"var": "saved.trip"}, 50000]}]}'  # JsonLogic: code, not text


@dataclass
class Row:
    var: str
    op: str
    value: Any


def var_types(project: Project) -> dict[str, str]:
    """Every readable variable and its type; saved totals are ``money``."""
    types: dict[str, str] = {v.id: v.type for v in project.variables}
    types |= {SAVED_PREFIX + g.id: "money" for g in project.goals}
    return types


def to_builder(expr: Any) -> tuple[str, list[Row]] | None:
    """(combinator, rows) if the builder can show ``expr``, else None."""
    if expr is None:
        return "and", []
    row = _row(expr)
    if row is not None:
        return "and", [row]
    if isinstance(expr, dict) and len(expr) == 1:
        ((op, args),) = expr.items()
        if op in ("and", "or") and isinstance(args, list) and args:
            rows = [_row(a) for a in args]
            if all(r is not None for r in rows):
                return op, [r for r in rows if r is not None]
    return None


def _row(expr: Any) -> Row | None:
    if not (isinstance(expr, dict) and len(expr) == 1):
        return None
    ((op, args),) = expr.items()
    if op not in COMPARE or not isinstance(args, list) or len(args) != 2:
        return None
    left, right = args
    if not (isinstance(left, dict) and set(left) == {"var"} and isinstance(left["var"], str)):
        return None
    if not isinstance(right, bool | int | str):
        return None
    return Row(left["var"], op, right)


def from_builder(combinator: str, rows: list[Row]) -> Any:
    exprs = [{r.op: [{"var": r.var}, r.value]} for r in rows]
    if not exprs:
        return None
    return exprs[0] if len(exprs) == 1 else {combinator: exprs}


def default_value(kind: str) -> Any:
    return {"bool": True, "string": ""}.get(kind, 0)


class _RowWidget(QWidget):
    def __init__(self, editor: ConditionEditor, index: int, row: Row, types: dict[str, str]) -> None:
        super().__init__(editor)
        self.editor, self.index = editor, index
        self.kind = types.get(row.var, "int")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(3)
        self.var = ComboBox(self)
        names = sorted(types)
        if row.var not in names:
            names.append(row.var)
        self.var.addItems(names)
        self.var.setCurrentText(row.var)
        self.op = ComboBox(self)
        self.op.setMinimumWidth(52)
        ops = EQUALITY if self.kind in ("bool", "string") else COMPARE
        self.op.addItems(list(ops))
        self.op.setCurrentText(row.op if row.op in ops else "==")
        self.value: QComboBox | QLineEdit
        project = editor.doc.project
        if self.kind == "bool":
            self.value = ComboBox(self)
            self.value.addItem(self.tr("true"), True)
            self.value.addItem(self.tr("false"), False)
            self.value.setCurrentIndex(0 if row.value is True else 1)
            self.value.activated.connect(lambda _i: editor.row_changed(self, merge=False))
        else:
            text = row.value if isinstance(row.value, str) else str(row.value)
            if self.kind == "money" and isinstance(row.value, int) and not isinstance(row.value, bool):
                text = money_text(row.value, project.currency)
            self.value = QLineEdit(text, self)
            self.value.textEdited.connect(lambda _t: editor.row_changed(self, merge=True))
        remove = QPushButton("×", self)
        remove.setFixedWidth(26)
        remove.setToolTip(self.tr("Remove this test"))
        remove.clicked.connect(lambda: editor.remove(self.index))
        self.var.activated.connect(lambda _i: editor.row_var(self))
        self.op.activated.connect(lambda _i: editor.row_changed(self, merge=False))
        layout.addWidget(self.var, 3)
        layout.addWidget(self.op, 1)
        if self.kind == "money":
            layout.addWidget(QLabel(money_symbol(project.currency), self))
        layout.addWidget(self.value, 3)
        layout.addWidget(remove)

    def parsed(self, currency: str) -> Any:
        if isinstance(self.value, QComboBox):
            return self.value.currentData() is True
        text = self.value.text()
        if self.kind == "money":
            amount = parse_money(text, currency)
            if amount < 0:
                raise ValueError(QCoreApplication.translate("Parsers", "cannot be negative"))
            return amount
        if self.kind == "int":
            return parse_int(text)
        return text


class ConditionEditor(QWidget):
    """Edits the JsonLogic condition at ``path`` (an option's ``condition``)."""

    def __init__(self, doc: Document, target: FieldRef[JsonValue], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc, self.target, self.path = doc, target, target.id_path
        self.setObjectName("conditionEditor")
        self.rows: list[_RowWidget] = []
        self._sig: object = None
        self.combinator = ComboBox(self)
        self.combinator.addItem(self.tr("all of these"), "and")
        self.combinator.addItem(self.tr("any of these"), "or")
        self.combinator.activated.connect(lambda _i: self._push_builder(merge=False))
        self.summary = QLabel(self.tr("Always available"), self)
        self.raw_toggle = QPushButton(self.tr("Raw JSON"), self)
        self.raw_toggle.setCheckable(True)
        self.raw_toggle.setToolTip(self.tr("Edit the condition as JsonLogic"))
        self.raw_toggle.toggled.connect(self._toggle_raw)
        head = QHBoxLayout()
        head.setContentsMargins(0, 0, 0, 0)
        head.addWidget(self.summary)
        head.addWidget(self.combinator)
        head.addStretch(1)
        head.addWidget(self.raw_toggle)
        # builder page
        builder = QWidget(self)
        self._rows_box = QVBoxLayout()
        self._rows_box.setContentsMargins(0, 0, 0, 0)
        self._rows_box.setSpacing(2)
        self.add_button = QPushButton(self.tr("+ Test"), builder)
        self.add_button.setToolTip(self.tr("Add a test: variable, operator, value"))
        self.add_button.clicked.connect(self.add)
        add_row = QHBoxLayout()
        add_row.addStretch(1)
        add_row.addWidget(self.add_button)
        b = QVBoxLayout(builder)
        b.setContentsMargins(0, 0, 0, 0)
        b.addLayout(self._rows_box)
        b.addLayout(add_row)
        # raw page
        self.raw = QPlainTextEdit(self)
        self.raw.setObjectName("rawCondition")
        self.raw.setPlaceholderText(RAW_EXAMPLE)
        self.raw.setFixedHeight(90)
        self.raw.textChanged.connect(self._raw_edited)
        self.builder = builder
        self.raw.hide()
        self.message = QLabel("", self)
        self.message.setWordWrap(True)
        self.message.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(3)
        layout.addLayout(head)
        layout.addWidget(self.builder)
        layout.addWidget(self.raw)
        layout.addWidget(self.message)
        self._raw_dirty = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(500)
        self._timer.timeout.connect(self.commit_raw)

    # --- model -> widgets -----------------------------------------------------------------
    def expr(self, project: Project) -> Any:
        try:
            return self.target.get(project)
        except OpError:
            return None

    def refresh(self, project: Project) -> None:
        expr = self.expr(project)
        shape = to_builder(expr)
        types = var_types(project)
        if not (self._raw_dirty and self.raw.hasFocus()):
            text = "" if expr is None else json.dumps(expr, ensure_ascii=False)
            if self.raw.toPlainText() != text:
                self.raw.blockSignals(True)
                self.raw.setPlainText(text)
                self.raw.blockSignals(False)
            self._raw_dirty = False
        if shape is None:
            self.raw_toggle.setChecked(True)
            self.raw_toggle.setEnabled(False)
            self.raw_toggle.setToolTip(self.tr("This condition is too complex for the builder"))
        else:
            self.raw_toggle.setEnabled(True)
        combinator, rows = shape or ("and", [])
        sig = (
            tuple((r.var, r.op, types.get(r.var)) for r in rows),
            tuple(sorted(types.items())),
            project.currency,
        )
        if sig != self._sig:
            self._sig = sig
            for w in self.rows:
                w.setParent(None)
                w.deleteLater()
            self.rows = [_RowWidget(self, n, r, types) for n, r in enumerate(rows)]
            for w in self.rows:
                self._rows_box.addWidget(w)
        self.combinator.setCurrentIndex(0 if combinator == "and" else 1)
        self.combinator.setVisible(len(rows) > 1 and not self.raw_toggle.isChecked())
        if self.raw_toggle.isChecked():
            self.summary.setText(self.tr("JsonLogic") if expr is not None else self.tr("Always available"))
        else:
            self.summary.setText(self.tr("Available when") if rows else self.tr("Always available"))
        self.add_button.setEnabled(bool(types))

    # --- builder edits ---------------------------------------------------------------------
    def _rows(self) -> list[Row] | None:
        shape = to_builder(self.expr(self.doc.project))
        return None if shape is None else shape[1]

    def _push(self, expr: Any, text: str, merge: bool) -> bool:
        if expr == self.expr(self.doc.project):
            return True
        outcome = self.doc.push(SetField(self.target, expr), text, merge=merge)
        if outcome.reason is not None:
            self._say(short_reason(outcome.reason, self.target), error=True)
            return False
        self.message.hide()
        return True

    def _say(self, text: str, error: bool) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(ERROR_STYLE if error else OK_STYLE)
        self.message.show()

    def _push_builder(self, merge: bool, rows: list[Row] | None = None) -> bool:
        rows = self._rows() if rows is None else rows
        if rows is None:
            return False
        return self._push(from_builder(self.combinator.currentData(), rows), self.tr("Edit condition"), merge)

    def add(self) -> bool:
        rows = self._rows()
        types = var_types(self.doc.project)
        if rows is None or not types:
            return False
        var = sorted(types)[0]
        rows.append(Row(var, ">=" if types[var] in ("int", "money") else "==", default_value(types[var])))
        return self._push_builder(False, rows)

    def remove(self, index: int) -> bool:
        rows = self._rows()
        if rows is None or index >= len(rows):
            return False
        del rows[index]
        return self._push_builder(False, rows)

    def row_var(self, w: _RowWidget) -> None:
        rows = self._rows()
        types = var_types(self.doc.project)
        var = w.var.currentText()
        if rows is None or w.index >= len(rows) or rows[w.index].var == var:
            return
        kind = types.get(var, "int")
        same = kind == w.kind
        op = rows[w.index].op if same or kind in ("int", "money") else "=="
        if kind in ("bool", "string") and op not in EQUALITY:
            op = "=="
        rows[w.index] = Row(var, op, rows[w.index].value if same else default_value(kind))
        self._push_builder(False, rows)

    def row_changed(self, w: _RowWidget, merge: bool) -> None:
        rows = self._rows()
        if rows is None or w.index >= len(rows):
            return
        try:
            value = w.parsed(self.doc.project.currency)
        except ValueError as exc:
            self._say(f"{w.var.currentText()}: {exc}", error=True)
            return
        rows[w.index] = Row(rows[w.index].var, w.op.currentText(), value)
        self._push_builder(merge, rows)

    # --- raw JSON -----------------------------------------------------------------------
    def _toggle_raw(self, on: bool) -> None:
        self.builder.setVisible(not on)
        self.raw.setVisible(on)
        self.refresh(self.doc.project)

    def validate_raw(self) -> tuple[Any, str | None]:
        """(expression, None) if the raw text is a valid condition, else (None, reason)."""
        text = self.raw.toPlainText().strip()
        if not text:
            return None, None
        try:
            expr = json.loads(text)
        except json.JSONDecodeError as exc:
            reason = self.tr("not JSON: {message} (line {line}, column {column})")
            return None, reason.format(message=exc.msg, line=exc.lineno, column=exc.colno)
        try:
            check(expr, self.doc.project.known_variables())
        except ConditionError as exc:
            return None, str(exc)
        if isinstance(expr, bool | int | str | list):
            return None, self.tr('a condition must be an operation such as {"==": [...]}')
        return expr, None

    def _raw_edited(self) -> None:
        self._raw_dirty = True
        _expr, reason = self.validate_raw()
        if reason is not None:
            self._timer.stop()
            self._say(reason, error=True)
        else:
            self._say(self.tr("Valid condition"), error=False)
            self._timer.start()

    def flush(self) -> None:
        if self._timer.isActive():
            self.commit_raw()

    def commit_raw(self) -> bool:
        self._timer.stop()
        expr, reason = self.validate_raw()
        if reason is not None:
            self._say(reason, error=True)
            return False
        if self._push(expr, self.tr("Edit condition (JSON)"), merge=True):
            self._raw_dirty = False
            return True
        return False
