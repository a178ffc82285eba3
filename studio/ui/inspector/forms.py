"""Inspector form building blocks: the Form base class, buttons.

A :class:`Form` shows one item addressed by a typed ref (parsed from the
selection's ``current`` id path).  It is built once for its item and then refreshed from the
model on every document change; when the item's *shape* changes (options
added, variables retyped) ``signature`` differs and the panel rebuilds it.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSize, Qt
from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from studio.app.document import Document
from studio.app.playhead import Playhead
from studio.app.selection import Selection
from studio.model.ops import FieldRef, Op, OpError, Ref
from studio.model.project import Project
from studio.ui.inspector.field_help import with_help
from studio.ui.inspector.fields import LineField, error_label, parse_ms, parse_optional_ms, push_built


@dataclass
class Ctx:
    """What every form needs: the document, the selection and the shared playhead."""

    doc: Document
    selection: Selection
    playhead: Playhead


class OpButton(QWidget):
    """A button that pushes one op; a refusal is shown under it."""

    def __init__(
        self,
        doc: Document,
        text: str,
        build: Callable[[], Op],
        after: Callable[[], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.doc, self.build, self.after = doc, build, after
        self.button = QPushButton(text, self)
        self.error = error_label(self)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(1)
        box.addWidget(self.button)
        box.addWidget(self.error)
        self.button.clicked.connect(self.click)

    def click(self) -> bool:
        outcome = push_built(self.doc, self.build, self.button.text())
        if outcome.reason is not None:
            self.error.setText(outcome.reason)
            self.error.show()
            return False
        self.error.hide()
        if self.after is not None:
            self.after()
        return True

    def refresh(self, project: Project) -> None:
        pass


class NavButton(QPushButton):
    """A left-aligned link-like button whose text is elided to fit a narrow dock."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.full_text = text
        self.setObjectName("navButton")
        self.setStyleSheet("text-align: left; padding: 3px 6px;")

    def minimumSizeHint(self) -> QSize:
        return QSize(60, super().minimumSizeHint().height())

    def sizeHint(self) -> QSize:  # a form row never asks for more than a narrow dock
        return QSize(160, super().sizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        room = self.width() - 16
        self.setText(self.fontMetrics().elidedText(self.full_text, Qt.TextElideMode.ElideRight, room))
        super().resizeEvent(event)


class ElidedLabel(QLabel):
    """A one-line label that elides its text to fit (the full text is the tooltip)."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.full_text = text

    def set_full_text(self, text: str) -> None:
        self.full_text = text
        self.setToolTip(text)
        self._elide()

    def minimumSizeHint(self) -> QSize:
        return QSize(40, super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        room = self.width() - self.contentsMargins().left() - self.contentsMargins().right()
        self.setText(elide_words(self.fontMetrics(), self.full_text, room))


def elide_words(metrics: QFontMetrics, text: str, room: int) -> str:
    """``text`` if it fits in ``room`` pixels, else as many of its first words as fit and "…"
    (never a word cut in two: 'Scene “Payday” › Option “Save…'); a first word too long for
    ``room`` alone is cut by Qt.  Chinese (or Japanese, Korean) text has no spaces between its
    words and may be cut between any two of its characters: there Qt's cut is kept
    ('场景“发薪日”  ›  选项“存下{amount}去…')."""
    if metrics.horizontalAdvance(text) <= room:
        return text
    cut = metrics.elidedText(text, Qt.TextElideMode.ElideRight, room)
    kept = cut.removesuffix("…")
    if kept and text.startswith(kept) and (_wide(text[len(kept) - 1]) or _wide(text[len(kept)])):
        return cut
    words = text.split(" ")
    for k in range(len(words) - 1, 0, -1):
        head = " ".join(words[:k]).rstrip(" ›")
        if head and metrics.horizontalAdvance(head + "…") <= room:
            return head + "…"
    return metrics.elidedText(text, Qt.TextElideMode.ElideRight, room)


def _wide(char: str) -> bool:
    """A CJK character (East Asian wide or full-width): text may break before or after it."""
    return unicodedata.east_asian_width(char) in ("W", "F")


class Form(QWidget):
    """A titled QFormLayout of refreshable fields for the item at ``ref``."""

    title = str(QT_TRANSLATE_NOOP("Inspector", "Item"))  # translated where shown (the breadcrumb)

    def __init__(self, ctx: Ctx, ref: Ref[Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.doc, self.ref = ctx, ctx.doc, ref
        self.path = ref.id_path
        self.parts: list[Any] = []
        self.form = QFormLayout(self)
        self.form.setContentsMargins(8, 6, 8, 8)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

    # --- building ---------------------------------------------------------------------
    def row(self, label: str, widget: QWidget) -> QWidget:
        """A labelled row; an empty label (a checkbox) spans the whole width.

        A field whose meaning is not obvious (``field_help.HELP``) gets a "?" beside its label
        (or its checkbox) and a tooltip."""
        path = getattr(widget, "path", None)
        helped, tip = with_help(label, path if isinstance(path, tuple) else None, self)
        if tip and not widget.toolTip():
            widget.setToolTip(tip)
        if label and helped is not None:
            self.form.addRow(helped, widget)
        elif label:
            self.form.addRow(label, widget)
        elif helped is not None:
            layout = helped.layout()
            assert isinstance(layout, QHBoxLayout)
            layout.insertWidget(0, widget)
            self.form.addRow(helped)
        else:
            self.form.addRow(widget)
        if hasattr(widget, "refresh"):
            self.parts.append(widget)
        return widget

    def wide(self, widget: QWidget) -> QWidget:
        self.form.addRow(widget)
        if hasattr(widget, "refresh"):
            self.parts.append(widget)
        return widget

    def part(self, *path: str) -> Any:
        """The field/editor bound to ``path`` (searching nested forms); KeyError if none."""
        for part in self.parts:
            if getattr(part, "path", None) == path and not isinstance(part, Form):
                return part
            if hasattr(part, "part"):
                try:
                    return part.part(*path)
                except KeyError:
                    continue
        raise KeyError(path)

    def section(self, text: str) -> None:
        label = QLabel(text, self)
        label.setObjectName("sectionTitle")
        font = label.font()
        font.setBold(True)
        label.setFont(font)
        label.setContentsMargins(0, 8, 0, 0)
        self.form.addRow(label)

    def ident(self, text: str) -> None:
        label = QLabel(text, self)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setToolTip(self.tr("Ids are stable references and cannot be edited here"))
        self.form.addRow(self.tr("Id"), label)

    def nav(self, text: str, ref: Ref[Any], tip: str = "") -> QPushButton:
        """A button that selects another item (keeps the scene selected)."""
        button = NavButton(text, self)
        button.setToolTip(tip or text)
        button.clicked.connect(lambda: self.go(ref))
        return button

    def go(self, ref: Ref[Any]) -> None:
        path = ref.id_path
        scene = path[1] if path[0] == "scene" else None
        self.ctx.selection.set([scene] if scene else [], current=path)

    # --- model ------------------------------------------------------------------------
    def exists(self, project: Project) -> bool:
        try:
            self.ref.get(project)
        except OpError:
            return False
        return True

    def signature(self, project: Project) -> object:
        return ()

    def refresh(self, project: Project) -> None:
        for part in self.parts:
            part.refresh(project)

    def flush(self) -> None:
        """Apply text typed but not yet committed (the form is going away)."""
        for part in self.parts:
            if hasattr(part, "flush"):
                part.flush()


def ms_field(ctx: Ctx, target: FieldRef[Any], optional: bool = False, placeholder: str = "") -> LineField:
    return LineField(
        ctx.doc,
        target,
        parse_optional_ms if optional else parse_ms,
        suffix=QCoreApplication.translate("Inspector", "ms"),
        placeholder=placeholder,
    )


def named_choices(items: Iterable[tuple[str, str]]) -> list[tuple[str, Any]]:
    """``(name, id)`` pairs as combo entries: the name alone, with the id only when two share it
    (ids are internal: a creator sees them only to tell two equal names apart)."""
    pairs = list(items)
    counts = Counter(name for name, _ in pairs)
    return [(f"{name} ({ident})" if counts[name] > 1 else name, ident) for name, ident in pairs]


def scene_choices(project: Project) -> list[tuple[str, Any]]:
    return named_choices((s.title, s.id) for s in project.scenes)


def goal_choices(project: Project) -> list[tuple[str, Any]]:
    return named_choices((g.name, g.id) for g in project.goals)
