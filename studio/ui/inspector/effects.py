"""Effects editor: a list of (variable, set/add/sub, value) rows.

Each row's value is typed by its variable (bool: a true/false choice, int: a
whole number, string: text).  Every change replaces the whole effects list
with one op; typing a value merges into one undo step.  A value that does not
fit the variable is refused inline and not applied.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from studio.app.document import Document
from studio.model.ops import FieldRef, OpError, SetField
from studio.model.project import Effect, Project, Variable
from studio.ui.inspector.fields import ERROR_STYLE, parse_int, short_reason
from studio.ui.wheel import ComboBox

OPS = ("set", "add", "sub")
OP_LABELS = {"set": "=", "add": "+=", "sub": "−="}


def value_text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def parse_value(kind: str, text: str) -> int | bool | str:
    """A typed value for a variable of ``kind`` (raises ValueError with the reason)."""
    if kind == "int":
        return parse_int(text)
    if kind == "bool":
        if text not in ("true", "false"):
            reason = QCoreApplication.translate("Parsers", "'{text}' is not true or false")
            raise ValueError(reason.format(text=text))
        return text == "true"
    return text


class _Row(QWidget):
    """One effect: variable, operation, value, remove."""

    def __init__(self, editor: EffectsEditor, index: int, effect: Effect, variables: list[Variable]) -> None:
        super().__init__(editor)
        self.editor, self.index = editor, index
        self.kind = next((v.type for v in variables if v.id == effect.var), "string")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(3)
        self.var = ComboBox(self)
        ids = [v.id for v in variables]
        if effect.var not in ids:
            ids.append(effect.var)
        self.var.addItems(ids)
        self.var.setCurrentText(effect.var)
        self.op = ComboBox(self)
        self.op.setMinimumWidth(48)
        ops = OPS if self.kind == "int" else ("set",)
        for op in ops:
            self.op.addItem(OP_LABELS[op], op)
        self.op.setCurrentIndex(max(0, ops.index(effect.op) if effect.op in ops else 0))
        self.value: QComboBox | QLineEdit
        if self.kind == "bool":
            self.value = ComboBox(self)
            self.value.addItem(self.tr("true"), "true")  # the data is the value's text
            self.value.addItem(self.tr("false"), "false")
            self.value.setCurrentIndex(self.value.findData(value_text(effect.value)))
            self.value.activated.connect(lambda _i: self.editor.row_value(self, merge=False))
        else:
            self.value = QLineEdit(value_text(effect.value), self)
            self.value.setPlaceholderText(self.tr("value") if self.kind == "string" else "0")
            self.value.textEdited.connect(lambda _t: self.editor.row_value(self, merge=True))
        remove = QPushButton("×", self)
        remove.setObjectName("removeEffect")
        remove.setToolTip(self.tr("Remove this effect"))
        remove.setFixedWidth(26)
        remove.clicked.connect(lambda: self.editor.remove(self.index))
        self.var.activated.connect(lambda _i: self.editor.row_var(self))
        self.op.activated.connect(lambda _i: self.editor.row_value(self, merge=False))
        row.addWidget(self.var, 3)
        row.addWidget(self.op, 1)
        row.addWidget(self.value, 3)
        row.addWidget(remove)

    def value_text(self) -> str:
        return str(self.value.currentData()) if isinstance(self.value, QComboBox) else self.value.text()

    def set_value(self, value: Any) -> None:
        if isinstance(self.value, QComboBox):
            self.value.setCurrentIndex(self.value.findData(value_text(value)))
        elif not self.value.hasFocus():
            self.value.setText(value_text(value))


class EffectsEditor(QWidget):
    """Edits the effects list ``target`` (e.g. an option's ``effects``)."""

    def __init__(self, doc: Document, target: FieldRef[list[Effect]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc, self.target, self.path = doc, target, target.id_path
        self.setObjectName("effectsEditor")
        self.rows: list[_Row] = []
        self._sig: object = None
        self._box = QVBoxLayout()
        self._box.setContentsMargins(0, 0, 0, 0)
        self._box.setSpacing(2)
        self.empty = QLabel(self.tr("No effects"), self)
        self.empty.setObjectName("muted")
        self.add_button = QPushButton(self.tr("+ Effect"), self)
        self.add_button.setObjectName("addEffect")
        self.add_button.clicked.connect(self.add)
        self.error = QLabel("", self)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        bottom = QHBoxLayout()
        bottom.setContentsMargins(0, 0, 0, 0)
        bottom.addWidget(self.empty)
        bottom.addStretch(1)
        bottom.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(self._box)
        layout.addLayout(bottom)
        layout.addWidget(self.error)

    def effects(self, project: Project) -> list[Effect]:
        try:
            return list(self.target.get(project))
        except OpError:
            return []

    def refresh(self, project: Project) -> None:
        effects = self.effects(project)
        types = tuple((v.id, v.type) for v in project.variables)
        sig = (tuple((e.var, e.op) for e in effects), types)
        if sig != self._sig:
            self._sig = sig
            for row in self.rows:
                row.setParent(None)
                row.deleteLater()
            self.rows = [_Row(self, n, e, list(project.variables)) for n, e in enumerate(effects)]
            for row in self.rows:
                self._box.addWidget(row)
        else:
            for row, e in zip(self.rows, effects, strict=True):
                row.set_value(e.value)
        self.empty.setVisible(not effects)
        has_vars = bool(project.variables)
        self.add_button.setEnabled(has_vars)
        self.add_button.setToolTip("" if has_vars else self.tr("Declare a variable in the Project tab first"))

    # --- edits ------------------------------------------------------------------------
    def _push(self, effects: list[dict[str, Any]], text: str, merge: bool = False) -> bool:
        try:
            values = [Effect.model_validate(e) for e in effects]
        except ValueError as exc:
            self._fail(str(exc).splitlines()[-1].strip())
            return False
        outcome = self.doc.push(SetField(self.target, values), text, merge=merge)
        if outcome.reason is not None:
            self._fail(short_reason(outcome.reason, self.target))
            return False
        self.error.hide()
        return True

    def _fail(self, reason: str) -> None:
        self.error.setText(reason)
        self.error.show()

    def _current(self) -> list[dict[str, Any]]:
        return [e.model_dump(mode="python") for e in self.effects(self.doc.project)]

    def add(self) -> bool:
        project = self.doc.project
        if not project.variables:
            self._fail(self.tr("declare a variable in the Project tab first"))
            return False
        var = project.variables[0]
        return self._push(
            [*self._current(), {"var": var.id, "op": "set", "value": var.default}], self.tr("Add effect")
        )

    def remove(self, index: int) -> bool:
        effects = self._current()
        del effects[index]
        return self._push(effects, self.tr("Remove effect"))

    def row_var(self, row: _Row) -> None:
        project = self.doc.project
        var = next((v for v in project.variables if v.id == row.var.currentText()), None)
        effects = self._current()
        if var is None or row.index >= len(effects):
            return
        old = effects[row.index]
        if var.id == old["var"]:
            return
        same_type = row.kind == var.type
        effects[row.index] = {
            "var": var.id,
            "op": old["op"] if same_type else "set",
            "value": old["value"] if same_type else var.default,
        }
        self._push(effects, self.tr("Change effect variable"))

    def row_value(self, row: _Row, merge: bool) -> None:
        effects = self._current()
        if row.index >= len(effects):
            return
        try:
            value = parse_value(row.kind, row.value_text())
        except ValueError as exc:
            reason = self.tr("effect {number} ({variable}): {reason}")
            self._fail(reason.format(number=row.index + 1, variable=row.var.currentText(), reason=exc))
            return
        op = row.op.currentData()
        effects[row.index] = {"var": effects[row.index]["var"], "op": op, "value": value}
        if effects[row.index] == self._current()[row.index]:
            self.error.hide()
            return
        self._push(effects, self.tr("Edit effect"), merge=merge)
