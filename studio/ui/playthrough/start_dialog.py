"""“Play from here”: choose the variable values the playthrough starts with.

One field per declared variable, typed by its type: a check box for ``bool``,
a line edit for ``int`` (whole numbers only) and ``string``.  Invalid input is
refused inline (a red one-line note under the field, OK disabled) instead of
reaching the engine.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from studio.model import Project, Variable
from studio.ui.text import plain_label

Value = int | bool | str
INT_LIMIT = 2**53  # what the web player can represent exactly
TYPE_NAMES = {  # a variable's type as the form names it
    "bool": str(QT_TRANSLATE_NOOP("StartDialog", "bool")),
    "int": str(QT_TRANSLATE_NOOP("StartDialog", "int")),
    "string": str(QT_TRANSLATE_NOOP("StartDialog", "string")),
}


def parse_int(text: str) -> int:
    """A whole number typed by the user; ValueError with a one-line reason."""
    raw = text.strip().replace("_", "")
    sign = -1 if raw.startswith("-") else 1
    digits = raw.lstrip("+-")
    if not digits.isdigit() or not digits.isascii():
        message = QCoreApplication.translate("StartDialog", "“{text}” is not a whole number")
        raise ValueError(message.format(text=text))
    value = sign * int(digits)
    if abs(value) > INT_LIMIT:
        message = QCoreApplication.translate("StartDialog", "{value} is too large (limit ±{limit})")
        raise ValueError(message.format(value=value, limit=INT_LIMIT))
    return value


class StartDialog(QDialog):
    """Variable values for a playthrough that starts at ``scene_id``."""

    def __init__(
        self,
        project: Project,
        scene_id: str,
        initial: Mapping[str, Value] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        scene = project.scene_map().get(scene_id)
        self.setWindowTitle(self.tr("Play from here"))
        self.setObjectName("playFromHereDialog")
        self.setMinimumWidth(440)
        self.scene_id = scene_id
        self._vars: list[Variable] = list(project.variables)
        self.fields: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        layout = QVBoxLayout(self)
        title = scene.title if scene else scene_id
        intro = self.tr("Start at scene “{title}” with these values:").format(title=title)
        layout.addWidget(plain_label(intro))
        form = QFormLayout()
        layout.addLayout(form)
        values = dict(initial or {})
        for var in self._vars:
            value = values.get(var.id, var.default)
            field: QWidget
            if var.type == "bool":
                box = QCheckBox()
                box.setChecked(bool(value))
                field = box
            else:
                edit = QLineEdit(str(value))
                edit.setObjectName(f"var_{var.id}")
                edit.textChanged.connect(self._validate)
                field = edit
            field.setAccessibleName(var.id)
            error = plain_label("", "fieldError")
            error.setStyleSheet("color: #d64545;")
            error.hide()
            column = QVBoxLayout()
            column.setSpacing(2)
            column.addWidget(field)
            column.addWidget(error)
            kind = self.tr(TYPE_NAMES[var.type]) if var.type in TYPE_NAMES else var.type
            form.addRow(plain_label(f"{var.id} ({kind})", wrap=False), column)
            self.fields[var.id] = field
            self.errors[var.id] = error
        if not self._vars:
            layout.addWidget(plain_label(self.tr("This drama declares no variables.")))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._validate()

    def _read(self, var: Variable) -> Value:
        field = self.fields[var.id]
        if isinstance(field, QCheckBox):
            return field.isChecked()
        assert isinstance(field, QLineEdit)
        return parse_int(field.text()) if var.type == "int" else field.text()

    def _validate(self) -> bool:
        ok = True
        for var in self._vars:
            error = self.errors[var.id]
            try:
                self._read(var)
            except ValueError as exc:
                error.setText(f"{var.id}: {exc}")
                error.show()
                ok = False
            else:
                error.hide()
        button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        button.setEnabled(ok)
        if self.isVisible():
            self.adjustSize()  # room for the notes that appeared
        return ok

    def values(self) -> dict[str, Value]:
        """The typed values (call after the dialog was accepted)."""
        return {var.id: self._read(var) for var in self._vars}

    def accept(self) -> None:
        if self._validate():
            super().accept()
