"""Author text fields' placeholder helpers: an "Insert" menu and a "?" explanation.

Viewer-facing text (an option's label, a savings prompt's text, a product tag's button) may
name values through placeholders (:mod:`studio.model.placeholders`): ``{amount}``, ``{goal}``,
``{product}``, ``{price}``, filled in by the player in the drama's locale, so the text never
drifts from the model.  :class:`AuthorTextField` is a live line field with, at its right, an
*Insert* button whose menu offers the placeholders that text may use (which depends on where
it is: ``ALLOWED[context]``; an option knows an amount only with a deposit) and inserts one at
the cursor as ONE edit; its tooltip explains placeholders (the field's own "?" is
:mod:`studio.ui.inspector.field_help`'s).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QToolButton, QWidget

from studio.app.document import Document
from studio.model.ops import Loc
from studio.model.placeholders import ALLOWED, NAMES
from studio.model.project import Project
from studio.ui.inspector.fields import LineField, parse_text

MEANING = {  # in English; :func:`meaning` translates (context "AuthorText")
    "amount": str(QT_TRANSLATE_NOOP(
        "AuthorText", "the amount of money, written as the viewer's locale writes it (¥20.00)"
    )),
    "goal": str(QT_TRANSLATE_NOOP("AuthorText", "the savings goal's name")),
    "product": str(QT_TRANSLATE_NOOP("AuthorText", "the product's name")),
    "price": str(
        QT_TRANSLATE_NOOP("AuthorText", "the product's price, written as the viewer's locale writes it")
    ),
}
Context = Callable[[Project], str]


def meaning(name: str) -> str:
    """What the placeholder ``name`` stands for, in the interface's language."""
    return QCoreApplication.translate("AuthorText", MEANING[name])


def help_text(allowed: frozenset[str]) -> str:
    """The Insert button's explanation for a text that may use ``allowed`` placeholders (plain text)."""
    lines = [
        QCoreApplication.translate(
            "AuthorText",
            "Insert a placeholder at the cursor. Placeholders in braces are filled in when the story "
            "plays, so the text always shows the current values.",
        ),
    ]
    if allowed:
        lines.append(QCoreApplication.translate("AuthorText", "This text can use:"))
        lines += [f"  {{{name}}}: {meaning(name)}" for name in NAMES if name in allowed]
    else:
        lines.append(QCoreApplication.translate(
            "AuthorText",
            "This text has no values to fill in (an option gets {amount} and {goal} with a savings deposit).",
        ))
    lines.append(QCoreApplication.translate("AuthorText", "Write {{ and }} for a literal brace."))
    return "\n".join(lines)


class PlaceholderTools:
    """The Insert menu of one author text field (its tooltip explains placeholders)."""

    def __init__(self, field: LineField, context: Context) -> None:
        self.field, self.context = field, context
        self.insert_button = QToolButton(field)
        self.insert_button.setObjectName("insertPlaceholder")
        self.insert_button.setText(QCoreApplication.translate("AuthorText", "Insert"))
        self.insert_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.menu = QMenu(self.insert_button)
        self.insert_button.setMenu(self.menu)
        field.row.addWidget(self.insert_button)
        self.allowed: frozenset[str] = frozenset()
        self.refresh(field.doc.project)

    def refresh(self, project: Project) -> None:
        allowed = ALLOWED[self.context(project)]
        if allowed == self.allowed and self.menu.actions():
            return
        self.allowed = allowed
        self.menu.clear()
        for name in NAMES:
            if name in allowed:
                short = re.split("[,，]", meaning(name))[0]  # up to the first comma (either width)
                action = QAction(f"{{{name}}}  {short}", self.menu)
                action.triggered.connect(lambda _=False, n=name: self.insert(n))
                self.menu.addAction(action)
        if not allowed:
            nothing = QCoreApplication.translate("AuthorText", "No placeholders in this text")
            none = QAction(nothing, self.menu)
            none.setEnabled(False)
            self.menu.addAction(none)
        self.insert_button.setToolTip(help_text(allowed))

    def names(self) -> list[str]:
        """The placeholders the menu offers now (in menu order)."""
        return [n for n in NAMES if n in self.allowed]

    def insert(self, name: str) -> bool:
        """Put ``{name}`` at the cursor (replacing a selection) and apply the text: one edit."""
        ok = self.field.insert("{" + name + "}")
        self.field.edit.setFocus()
        return ok


class AuthorTextField(LineField):
    """A live line field of author text with the Insert menu (``context``: a key
    of ``ALLOWED``, or a function of the project giving one)."""

    def __init__(
        self, doc: Document, target: Loc[Any], context: str | Context, *, placeholder: str = "",
        parse: Callable[[str], Any] = parse_text, parent: QWidget | None = None,
    ) -> None:
        super().__init__(doc, target, parse, live=True, placeholder=placeholder, parent=parent)
        ctx: Context = (lambda _p: context) if isinstance(context, str) else context
        self.tools = PlaceholderTools(self, ctx)

    def refresh(self, project: Project) -> None:
        super().refresh(project)
        self.tools.refresh(project)


__all__ = ["MEANING", "AuthorTextField", "PlaceholderTools", "help_text", "meaning"]
