"""Read-only projects (review mode, or locked by another studio): every control that cannot
work says so.

:func:`read_only_reason` is the one line a disabled control shows as its tooltip ("Read-only
review: ...").  :class:`ReadOnlyGuard` keeps the editing panels of a window (inspector,
timeline, library, the graph's bar) in line with it: while the document is read-only, each
editing control is disabled (buttons, boxes, check boxes) or made read-only (text fields: the
values stay readable and selectable), with the reason first in its tooltip; what still works in
review (help "?" buttons, going to an item, zoom, snap, search, scroll bars: :data:`VIEW_ONLY`,
or any widget with the ``viewOnly`` property) is left alone.  Forms the inspector builds again
(another selection, an edit elsewhere) are seen to after each change.  When the project becomes
writable again, each control gets back what the guard took (its tooltip; enabled if the guard
disabled it) before the panels update themselves.

:func:`explain_save` is what Save does in a read-only project: it says where review notes go
(drama.review.json, saved as you go) and offers Save As for an editable copy.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject, QTimer, SignalInstance
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QScrollBar,
    QTextEdit,
    QWidget,
)

from studio.app import lock_text
from studio.app.document import Document
from studio.model.review import REVIEW_FILE
from studio.ui import dialogs

_REVIEW_REASON = QT_TRANSLATE_NOOP(
    "ReadOnly",
    "Read-only review: the project is not changed in review mode. Comments, approvals and coverage "
    "go to the Review panel ({file}); “Leave review mode” there to edit.")
REVIEW_REASON = str(_REVIEW_REASON).format(file=REVIEW_FILE)  # in English; review_reason() translates
# controls that work on a read-only project: they change the view, not the project
VIEW_ONLY = frozenset({
    "fieldHelp", "navButton",  # inspector: what a field means, go to an item
    "timeline_snap", "timeline_zoom_out", "timeline_zoom_in", "timeline_fit",
    "qt_dockwidget_floatbutton", "qt_dockwidget_closebutton",
})
VIEW_ONLY_TEXTS = frozenset({"Fit"})  # the graph's Zoom to fit button
VIEW_ONLY_PROPERTY = "viewOnly"
_LOCKED = "readOnlyGuard"  # how the guard changed a control: "disabled", "read-only" or "tip"
_TIP = "readOnlyGuardTip"  # the control's tooltip before
_RELOCK = (QEvent.Type.EnabledChange, QEvent.Type.ReadOnlyChange, QEvent.Type.ToolTipChange)
TEXT_FIELDS = (QLineEdit, QPlainTextEdit, QTextEdit)
CONTROLS = (QAbstractButton, QComboBox, QAbstractSpinBox, QAbstractSlider, *TEXT_FIELDS)


def read_only_reason(document: Document) -> str:
    """Why the project cannot be edited ("": it can, or no project is open)."""
    if document.path is None or not document.read_only:
        return ""
    owner = document.lock_owner
    if owner is not None:
        return QCoreApplication.translate(
            "ReadOnly",
            "Read-only: this project is open in another studio ({owner}). "
            "Save As keeps a copy you can edit.").format(owner=lock_text.describe(owner))
    return review_reason()


def review_reason() -> str:
    """Why a project open for review cannot be edited, in the studio's language."""
    return QCoreApplication.translate("ReadOnly", str(_REVIEW_REASON)).format(file=REVIEW_FILE)


def is_view_only(widget: QWidget) -> bool:
    """A control that works on a read-only project (it changes what is shown, not the project)."""
    if isinstance(widget, QScrollBar) or widget.objectName() in VIEW_ONLY:
        return True
    if widget.property(VIEW_ONLY_PROPERTY):
        return True
    texts = VIEW_ONLY_TEXTS | {QCoreApplication.translate("GraphPanel", t) for t in VIEW_ONLY_TEXTS}
    if isinstance(widget, QAbstractButton) and widget.text() in texts:
        return True
    parent = widget.parentWidget()  # the line edit inside a combo or spin box goes with it
    return isinstance(widget, QLineEdit) and isinstance(parent, (QComboBox, QAbstractSpinBox))


def editing_controls(roots: Iterable[QWidget]) -> Iterator[QWidget]:
    """The controls under ``roots`` that edit the project."""
    for root in roots:
        for widget in root.findChildren(QWidget):
            if isinstance(widget, CONTROLS) and not is_view_only(widget):
                yield widget


def _with_reason(reason: str, tip: str) -> str:
    return f"{reason}\n\n{tip}" if tip else reason


def lock(widget: QWidget, reason: str) -> None:
    """Disable (or make read-only) one editing control, its tooltip saying why."""
    state = widget.property(_LOCKED)
    tip = widget.toolTip()
    # every reason starts with the word (in each language: the translations keep it first)
    marker = QCoreApplication.translate("ReadOnly", "Read-only")
    if state is None or not tip.startswith(marker):  # first time, or its panel set a new tooltip
        widget.setProperty(_TIP, tip)
    if not tip.startswith(reason):
        widget.setToolTip(_with_reason(reason, widget.property(_TIP) or ""))
    if isinstance(widget, TEXT_FIELDS):
        if state is None:
            widget.setProperty(_LOCKED, "tip" if widget.isReadOnly() else "read-only")
        widget.setReadOnly(True)
        return
    if widget.isEnabled():  # enabled by its panel since: the guard disables it, and enables it again
        widget.setProperty(_LOCKED, "disabled")
        widget.setEnabled(False)
    elif state is None:  # its panel disabled it already: only the reason is added
        widget.setProperty(_LOCKED, "tip")


def unlock(widget: QWidget) -> None:
    """Give a control back what :func:`lock` took."""
    state = widget.property(_LOCKED)
    if state is None:
        return
    widget.setToolTip(widget.property(_TIP) or "")
    if state == "disabled":
        widget.setEnabled(True)
    elif state == "read-only" and isinstance(widget, TEXT_FIELDS):
        widget.setReadOnly(False)
    widget.setProperty(_LOCKED, None)
    widget.setProperty(_TIP, None)


class ReadOnlyGuard(QObject):
    """Keeps the editing controls under ``roots()`` disabled with a reason while read-only.

    Make it before the panels, so that on leaving read-only it hands the controls back before
    the panels update them."""

    def __init__(
        self,
        document: Document,
        roots: Callable[[], Iterable[QWidget]],
        parent: QObject,
        also: Iterable[SignalInstance] = (),
    ) -> None:
        super().__init__(parent)
        self.doc = document
        self.roots = roots
        self.reason = ""
        self._pending = False
        document.file_changed.connect(self.update)
        document.reset.connect(self.update)
        document.changed.connect(lambda _changes: self.update())
        for signal in also:  # e.g. the selection: the inspector builds new forms
            signal.connect(lambda *_args: self.update())

    def update(self) -> None:
        """Hand controls back now if the project is writable; else lock them once the panels
        have updated (after this event)."""
        reason = read_only_reason(self.doc)
        if not reason:
            if self.reason:
                self.reason = ""
                for widget in self._locked():
                    unlock(widget)
            return
        self.reason = reason
        if not self._pending:
            self._pending = True
            QTimer.singleShot(0, self, self.apply)

    def apply(self) -> None:
        """Lock every editing control now (read-only projects only)."""
        self._pending = False
        self.reason = read_only_reason(self.doc)
        if not self.reason:
            return
        for widget in editing_controls(self.roots()):
            lock(widget, self.reason)
            widget.installEventFilter(self)  # its panel enabling it again is seen at once

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        relock = event.type() in _RELOCK and self.reason and not self._pending
        if relock and isinstance(watched, QWidget) and watched.property(_LOCKED):
            self._pending = True
            QTimer.singleShot(0, self, self.apply)
        return False

    def _locked(self) -> list[QWidget]:
        return [w for root in self.roots() for w in root.findChildren(QWidget) if w.property(_LOCKED)]


def explain_save(parent: QWidget, document: Document, save_as: Callable[[], bool]) -> bool:
    """Save in a read-only project: say why nothing is saved and where review notes go; the
    creator may Save As an editable copy instead (True if saved)."""
    if document.lock_owner is not None:
        text = QCoreApplication.translate(
            "ReadOnly",
            "'{name}' is open in another studio ({owner}), "
            "so it is read-only here and Save cannot write it.\n\nSave As keeps a copy of it that you "
            "can edit.").format(name=document.display_name(), owner=lock_text.describe(document.lock_owner))
    else:
        text = QCoreApplication.translate(
            "ReadOnly",
            "'{name}' is open for review, read-only: Save does not change it.\n\n"
            "Your comments, approvals and what you watched are saved as you go, in {file} "
            "beside the project: there is nothing to save.\n\n"
            "To edit the project, use “Leave review mode” in the Review panel; Save As keeps an "
            "editable copy elsewhere.").format(name=document.display_name(), file=REVIEW_FILE)
    ok = QCoreApplication.translate("ReadOnly", "OK")
    save_as_text = QCoreApplication.translate("ReadOnly", "Save As…")
    title = QCoreApplication.translate("ReadOnly", "Nothing to save: read-only")
    answer = dialogs.choose(parent, title, text, [ok, save_as_text])
    return answer == save_as_text and save_as()
