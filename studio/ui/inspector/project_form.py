"""The inspector's Project tab: drama settings, savings goals, product catalog, variables.

Removing a goal, product or variable that something still uses is refused
with the reference that would break.  A variable's id is typed once when it
is added (checked inline); changing its type resets its default and is
refused if an effect or condition needs the old type.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from studio.model import new_items
from studio.model.currency import MINOR_UNITS, SYMBOLS
from studio.model.ops import PROJECT, AddItem, GoalRef, Op, ProductRef, RemoveItem, SetField, VariableRef
from studio.model.project import Product, Project, SavingsGoal, Variable
from studio.model.types import ID_PATTERN
from studio.ui.inspector.effects import parse_value, value_text
from studio.ui.inspector.fields import (
    ERROR_STYLE,
    CheckField,
    ComboField,
    LineField,
    MoneyField,
    optional_text,
    push_built,
)
from studio.ui.inspector.forms import Ctx, Form, OpButton, scene_choices
from studio.ui.wheel import ComboBox

ASPECTS = ("9:16", "16:9", "1:1", "4:5", "3:4")
REPLAY_TEXT = str(QT_TRANSLATE_NOOP("ProjectForm", "Deposits on replays are real"))  # translated where shown
REPLAY_TIP = str(QT_TRANSLATE_NOOP(
    "ProjectForm",
    "A replay (Watch again, Start over) shows the same story. Unchecked (the default) its deposits "
    "are simulated: no money moves. Checked: a replay's deposits go to the host's wallet like the "
    "first playthrough's.",
))


TYPES = ("int", "bool", "string")  # a variable's types (studio.model.project.Variable.type)


def type_name(kind: str) -> str:
    """A variable type as the interface names it."""
    names = {
        "int": QCoreApplication.translate("ProjectForm", "int"),
        "bool": QCoreApplication.translate("ProjectForm", "bool"),
        "string": QCoreApplication.translate("ProjectForm", "string"),
    }
    return names.get(kind, kind)


def currency_choices(_project: Project) -> list[tuple[str, Any]]:
    return [(f"{code} {SYMBOLS.get(code, '')}".strip(), code) for code in sorted(MINOR_UNITS)]


class ProjectForm(Form):
    title = str(QT_TRANSLATE_NOOP("Inspector", "Project"))

    def __init__(self, ctx: Ctx, parent: QWidget | None = None) -> None:
        super().__init__(ctx, PROJECT, parent)
        doc, project = self.doc, self.doc.project
        self.section(self.tr("Drama"))
        self.row(self.tr("Title"), LineField(doc, PROJECT.title, live=True))
        self.row(self.tr("Currency"), ComboField(doc, PROJECT.currency, currency_choices))
        self.row(self.tr("Locale"), LineField(doc, PROJECT.locale))
        self.row(self.tr("Aspect"), ComboField(doc, PROJECT.aspect, lambda _p: [(a, a) for a in ASPECTS]))
        none = self.tr("(none)")
        start = ComboField(doc, PROJECT.start, lambda p: [(none, None), *scene_choices(p)])
        self.row(self.tr("Start"), start)
        replays = CheckField(doc, PROJECT.replay_deposits, self.tr(REPLAY_TEXT))
        replays.box.setObjectName("replayDeposits")
        replays.setToolTip(self.tr(REPLAY_TIP))
        replays.box.setToolTip(self.tr(REPLAY_TIP))
        self.row("", replays)
        self.section(self.tr("Savings goals"))
        for goal in project.goals:
            self.wide(self._goal_box(goal))
        self.wide(OpButton(doc, self.tr("+ Savings goal"), lambda: new_items.add_goal(self.doc.project)))
        self.section(self.tr("Product catalog"))
        for product in project.products:
            self.wide(self._product_box(product))
        self.wide(OpButton(doc, self.tr("+ Product"), lambda: new_items.add_product(self.doc.project)))
        self.section(self.tr("Variables"))
        for var in project.variables:
            self.wide(VariableRow(self, var))
        self.wide(NewVariable(self))

    def exists(self, project: Project) -> bool:
        return True

    def signature(self, project: Project) -> object:
        return (
            tuple(g.id for g in project.goals),
            tuple(p.id for p in project.products),
            tuple((v.id, v.type) for v in project.variables),
        )

    def _box(self, title: str) -> tuple[QFrame, Form]:
        box = QFrame(self)
        box.setFrameShape(QFrame.Shape.StyledPanel)
        inner = Form(self.ctx, self.ref, box)
        inner.form.setContentsMargins(6, 0, 6, 6)
        inner.section(title)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(inner)
        return box, inner

    def _goal_box(self, goal: SavingsGoal) -> QFrame:
        base = GoalRef(goal.id)
        doc = self.doc
        box, inner = self._box(self.tr("Savings goal"))  # its name is the first field (no id, never stale)
        inner.row(self.tr("Name"), LineField(doc, base.name, live=True))
        inner.row(self.tr("Target"), MoneyField(doc, base.target, _currency))
        cap = MoneyField(doc, base.cap, _currency, optional=True)
        cap.setToolTip(self.tr("Most one playthrough may deposit (empty: no cap)"))
        inner.row(self.tr("Cap"), cap)
        inner.wide(OpButton(doc, self.tr("Remove goal"), lambda: RemoveItem(base)))
        self.parts.append(inner)
        return box

    def _product_box(self, product: Product) -> QFrame:
        base = ProductRef(product.id)
        doc = self.doc
        box, inner = self._box(self.tr("Product"))  # its name is the first field
        inner.row(self.tr("Name"), LineField(doc, base.name, live=True))
        inner.row(self.tr("SKU"), LineField(doc, base.sku, live=True))
        price = MoneyField(doc, base.price, _product_currency(base), minimum=0, optional=True)
        inner.row(self.tr("Price"), price)
        inner.row(self.tr("Currency"), ComboField(doc, base.currency, currency_choices))
        inner.row(self.tr("Shop URL"), LineField(doc, base.url, optional_text, placeholder="https://…"))
        inner.row(
            self.tr("Image"),
            LineField(
                doc, base.image, optional_text, placeholder=self.tr("media/serum.jpg (in the project folder)")
            ),
        )
        inner.wide(OpButton(doc, self.tr("Remove product"), lambda: RemoveItem(base)))
        self.parts.append(inner)
        return box



def _currency(project: Project) -> str:
    return project.currency


def _product_currency(base: ProductRef) -> Any:
    def read(project: Project) -> str:
        product = project.product_map().get(base.product)
        return product.currency if product else project.currency

    return read


class VariableRow(QWidget):
    """``id``  [type]  [default]  [×] for one declared variable."""

    def __init__(self, form: ProjectForm, var: Variable) -> None:
        super().__init__(form)
        self.doc, self.vid = form.doc, var.id
        base = VariableRef(var.id)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        name = QLabel(var.id, self)
        name.setMinimumWidth(56)
        self.kind = ComboField(
            self.doc,
            base,
            lambda _p: [(type_name(kind), kind) for kind in TYPES],
            self._retype,
            read=lambda p: base.get(p).type,
        )
        self.default: ComboField | LineField
        if var.type == "bool":
            bools = [(self.tr("false"), False), (self.tr("true"), True)]
            self.default = ComboField(self.doc, base.default, lambda _p: bools)
        else:
            kind = var.type
            self.default = LineField(
                self.doc,
                base.default,
                lambda text: parse_value(kind, text),
                value_text,
                live=kind == "string",
            )
        self.default.setToolTip(self.tr("Starting value"))
        remove = OpButton(self.doc, "×", lambda: RemoveItem(base))
        remove.button.setFixedWidth(26)
        remove.button.setToolTip(self.tr("Remove variable '{id}'").format(id=var.id))
        self.remove = remove
        row.addWidget(name, 2)
        row.addWidget(self.kind, 2)
        row.addWidget(self.default, 3)
        row.addWidget(remove)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(row)

    def _retype(self, kind: Any) -> Op:
        return SetField(VariableRef(self.vid), new_items.variable(self.vid, kind))

    def refresh(self, project: Project) -> None:
        for part in (self.kind, self.default, self.remove):
            part.refresh(project)

    def part(self, *path: str) -> Any:
        for field in (self.kind, self.default):
            if field.path == path:
                return field
        raise KeyError(path)


class NewVariable(QWidget):
    """Type a new variable's id (checked as you type) and add it."""

    def __init__(self, form: ProjectForm) -> None:
        super().__init__(form)
        self.doc = form.doc
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(self.tr("new variable id"))
        self.name.setObjectName("newVariable")
        self.type_box = ComboBox(self)
        for kind in TYPES:
            self.type_box.addItem(type_name(kind), kind)
        self.add = QPushButton(self.tr("+ Variable"), self)
        self.error = QLabel("", self)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.name, 3)
        row.addWidget(self.type_box, 2)
        row.addWidget(self.add)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(1)
        box.addLayout(row)
        box.addWidget(self.error)
        self.name.textEdited.connect(lambda _t: self.check())
        self.name.returnPressed.connect(self.submit)
        self.add.clicked.connect(self.submit)

    def check(self) -> str | None:
        """The reason the typed id cannot be used, shown inline (None if fine)."""
        text = self.name.text()
        reason = None
        if not text:
            reason = None
        elif not re.fullmatch(ID_PATTERN, text):
            reason = self.tr(
                "'{text}' is not an id: letters, digits, _ . - (starting with a letter, digit or _)"
            ).format(text=text)
        elif any(v.id == text for v in self.doc.project.variables):
            reason = self.tr("variable '{text}' already exists").format(text=text)
        self.error.setText(reason or "")
        self.error.setVisible(reason is not None)
        return reason

    def submit(self) -> bool:
        text = self.name.text()
        reason = self.check() if text else self.tr("type the new variable's id first")
        if reason is None:
            kind = str(self.type_box.currentData())
            reason = push_built(
                self.doc,
                lambda: AddItem(
                    PROJECT.variables,
                    new_items.variable(text, kind),
                ),
                self.tr("Add variable '{id}'").format(id=text),
            ).reason
        if reason is not None:
            self.error.setText(reason)
            self.error.show()
            return False
        self.name.clear()
        return True

    def refresh(self, project: Project) -> None:
        pass
