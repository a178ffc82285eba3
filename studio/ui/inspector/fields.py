"""Inspector field widgets bound to a typed location in the model, and strict text parsers.

Every field reads its value from the project through its target
(``target.get(project)``, unless given another ``read``) and writes by pushing
ONE op through the document; it never touches the model itself.  The push
returns its outcome: a refusal's one-line reason is shown under the field.
Typed text is parsed strictly: anything that is not exactly a valid value is
refused with a red one-line reason under the field, the model is left as it
was, and Escape puts the stored value back.  Text fields commit while typing
(debounced) and on Enter/focus-out; all commits of one field merge into one
undo step (``merge=True`` with the same target).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from studio.app.document import Document
from studio.model.currency import MINOR_UNITS
from studio.model.ops import Loc, Op, OpError, Outcome, SetField
from studio.model.project import Project
from studio.ui.inspector.parsers import (
    format_ms,
    money_parser,
    money_symbol,
    money_text,
    optional_text,
    parse_fraction,
    parse_int,
    parse_ms,
    parse_optional_ms,
    parse_text,
)
from studio.ui.wheel import ComboBox

Path = tuple[str, ...]
Reader = Callable[[Project], Any]
ERROR_STYLE = "color: #d64541;"
DEBOUNCE_MS = 600
_GONE = (OpError, KeyError, AttributeError, StopIteration)  # what a reader raises for a gone item


def push_built(
    doc: Document, build: Callable[[], Op], text: str | None = None, merge: bool = False
) -> Outcome:
    """Push the op ``build()`` makes; building may itself be refused (its reason is the outcome)."""
    try:
        op = build()
    except (OpError, ValueError) as exc:
        return Outcome(str(exc).splitlines()[0])
    return doc.push(op, text, merge=merge)


def short_reason(reason: str, target: Loc[Any] | None) -> str:
    """Drop the ``scene 'x' > field:`` prefix: the field is right there."""
    if target is not None:
        prefix = target.where() + ": "
        if reason.startswith(prefix):
            return reason[len(prefix) :]
    return reason


# --- parsers (raise ValueError with the reason) -----------------------------------

def error_label(parent: QWidget) -> QLabel:
    """The hidden, word-wrapped red line that states why an input was refused."""
    label = QLabel("", parent)
    label.setObjectName("fieldError")
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.hide()
    return label

class _Edit(QLineEdit):
    escaped = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.escaped.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class Field(QWidget):
    """Base: an editor row with an inline error line beneath."""

    def __init__(
        self, doc: Document, target: Loc[Any], read: Reader | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.doc, self.target = doc, target
        self.path = target.id_path  # the identity forms find their fields by
        self.read: Reader = read if read is not None else target.get
        self.make_op: Callable[[Any], Op] | None = None  # default: set the target to the value
        self.row = QHBoxLayout()
        self.row.setContentsMargins(0, 0, 0, 0)
        self.row.setSpacing(4)
        self.error = error_label(self)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(1)
        box.addLayout(self.row)
        box.addWidget(self.error)

    def show_error(self, reason: str) -> None:
        self.error.setText(short_reason(reason, self.target))
        self.error.show()

    def pushed(self, outcome: Outcome) -> bool:
        """Show a refusal's reason (or clear the error line); True if the edit was applied."""
        if outcome.reason is not None:
            self.show_error(outcome.reason)
            return False
        self.clear_error()
        return True

    def make(self, value: Any) -> Op:
        return self.make_op(value) if self.make_op is not None else SetField(self.target, value)

    def clear_error(self) -> None:
        self.error.clear()
        self.error.hide()

    @property
    def error_text(self) -> str:
        return self.error.text() if self.error.isVisibleTo(self) else ""

    def current(self, project: Project) -> Any:
        try:
            return self.read(project)
        except _GONE:
            return None

    def refresh(self, project: Project) -> None:  # pragma: no cover - overridden
        raise NotImplementedError


class LineField(Field):
    """A line edit: strict parse, inline reason, merged undo, Escape reverts."""

    def __init__(
        self,
        doc: Document,
        target: Loc[Any],
        parse: Callable[[str], Any] = parse_text,
        fmt: Callable[[Any], str] = lambda v: "" if v is None else str(v),
        *,
        read: Reader | None = None,
        live: bool = False,
        make_op: Callable[[Any], Op] | None = None,
        prefix: str = "",
        suffix: str = "",
        placeholder: str = "",
        undo_text: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(doc, target, read, parent)
        self.parse, self.fmt, self.make_op, self.undo_text = parse, fmt, make_op, undo_text
        self.prefix = QLabel(prefix, self)
        self.prefix.setVisible(bool(prefix))
        self.edit = _Edit(self)
        self.edit.setPlaceholderText(placeholder)
        self.suffix = QLabel(suffix, self)
        self.suffix.setVisible(bool(suffix))
        self.row.addWidget(self.prefix)
        self.row.addWidget(self.edit, 1)
        self.row.addWidget(self.suffix)
        self._dirty = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.commit)
        self.edit.textEdited.connect(self._edited)
        self.edit.editingFinished.connect(self.commit)
        self.edit.escaped.connect(self.revert)
        self._live = live

    def _edited(self, _text: str) -> None:
        self._dirty = True
        if self._live:
            self._timer.start()
        else:  # validate the format as you type; apply on Enter / focus out
            try:
                self.parse(self.edit.text())
            except ValueError as exc:
                self.show_error(str(exc))
            else:
                self.clear_error()

    def commit(self) -> bool:
        """Apply the typed text; False (with the reason shown) if refused."""
        self._timer.stop()
        if not self._dirty:
            return not self.error_text
        try:
            value = self.parse(self.edit.text())
        except ValueError as exc:
            self.show_error(str(exc))
            return False
        if value == self.current(self.doc.project):
            self._dirty = False
            self.clear_error()
            return True
        if not self.pushed(self.doc.push(self.make(value), self.undo_text or None, merge=True)):
            return False
        self._dirty = False
        return True

    def insert(self, text: str) -> bool:
        """Type ``text`` at the cursor (replacing a selection) and apply at once (one edit)."""
        self.edit.insert(text)
        self._dirty = True
        return self.commit()

    def flush(self) -> None:
        if self._dirty and not self.error_text:
            self.commit()

    def revert(self) -> None:
        self._timer.stop()
        self._dirty = False
        self.clear_error()
        self.refresh(self.doc.project)

    def refresh(self, project: Project) -> None:
        if self._dirty and self.edit.hasFocus():
            return  # the user is typing here
        if self._dirty and self.error_text:
            return  # keep the refused text and its reason visible
        text = self.fmt(self.current(project))
        if self.edit.text() != text:
            self.edit.setText(text)
        self._dirty = False
        self.clear_error()


class MoneyField(LineField):
    """An amount in the project's (or a product's) currency, stored as minor units."""

    def __init__(
        self,
        doc: Document,
        target: Loc[Any],
        currency: Callable[[Project], str],
        *,
        minimum: int = 1,
        optional: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        code = currency(doc.project)
        super().__init__(
            doc,
            target,
            money_parser(code, minimum, optional),
            lambda v: money_text(v, self.currency_of(self.doc.project)),
            prefix=money_symbol(code),
            placeholder=QCoreApplication.translate("Inspector", "none") if optional else "",
            parent=parent,
        )
        self.currency_of = currency
        self.minimum, self.optional = minimum, optional
        self.setObjectName("moneyField")

    def refresh(self, project: Project) -> None:
        code = self.currency_of(project)
        self.prefix.setText(money_symbol(code))
        self.prefix.setToolTip(self.tr("{code}, {places} decimal places").format(
            code=code, places=MINOR_UNITS.get(code, 2)))
        self.parse = money_parser(code, self.minimum, self.optional)
        super().refresh(project)


class ComboField(Field):
    """A choice among (label, value) pairs; each pick is one undo step."""

    def __init__(
        self,
        doc: Document,
        target: Loc[Any],
        choices: Callable[[Project], Sequence[tuple[str, Any]]],
        make_op: Callable[[Any], Op] | None = None,
        *,
        read: Reader | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(doc, target, read, parent)
        self.choices, self.make_op = choices, make_op
        self.combo = ComboBox(self)
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.combo.setMinimumContentsLength(4)
        self.row.addWidget(self.combo, 1)
        self._values: list[Any] = []
        self.combo.activated.connect(self._picked)

    def _picked(self, index: int) -> None:
        value = self._values[index]
        if value == self.current(self.doc.project):
            return
        if not self.pushed(push_built(self.doc, lambda: self.make(value))):
            self._select(self.current(self.doc.project))

    def pick(self, value: Any) -> None:
        """Choose ``value`` as if the user picked it (tests, shortcuts)."""
        self._picked(self._values.index(value))

    def _select(self, value: Any) -> None:
        index = self._values.index(value) if value in self._values else -1
        self.combo.setCurrentIndex(index)

    def refresh(self, project: Project) -> None:
        pairs = list(self.choices(project))
        values = [v for _, v in pairs]
        if values != self._values or [self.combo.itemText(i) for i in range(self.combo.count())] != [
            label for label, _ in pairs
        ]:
            self.combo.blockSignals(True)
            self.combo.clear()
            for label, _ in pairs:
                self.combo.addItem(label)
            self._values = values
            self.combo.blockSignals(False)
        self._select(self.current(project))


class CheckField(Field):
    """A boolean; a refused toggle springs back with the reason."""

    def __init__(
        self,
        doc: Document,
        target: Loc[Any],
        text: str,
        make_op: Callable[[Any], Op] | None = None,
        *,
        read: Reader | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(doc, target, read, parent)
        self.make_op = make_op
        self.box = QCheckBox(text, self)
        self.row.addWidget(self.box, 1)
        self.box.clicked.connect(self._clicked)

    def _clicked(self, checked: bool) -> None:
        if not self.pushed(push_built(self.doc, lambda: self.make(checked))):
            self.box.setChecked(bool(self.current(self.doc.project)))

    def refresh(self, project: Project) -> None:
        self.box.setChecked(bool(self.current(project)))


__all__ = [
    "ERROR_STYLE",
    "CheckField",
    "ComboField",
    "Field",
    "LineField",
    "MoneyField",
    "format_ms",
    "money_parser",
    "money_symbol",
    "money_text",
    "optional_text",
    "parse_fraction",
    "parse_int",
    "parse_ms",
    "parse_optional_ms",
    "parse_text",
    "push_built",
    "short_reason",
]
