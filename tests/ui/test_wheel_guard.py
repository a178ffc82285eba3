"""The mouse wheel scrolls forms and never changes a value the creator is not editing (#15 defect 1)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QScrollArea,
    QScrollBar,
    QSpinBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

from studio.model.io import dumps
from studio.ui import wheel
from tests.ui.inspector.conftest import make_inspector
from tests.ui.timeline.support import Env, load_env

pytestmark = pytest.mark.gui

DOWN = -120  # one notch towards the user


def spin(widget: QWidget, notches: int = 1) -> None:
    """Turn the wheel over the middle of ``widget`` (as Qt delivers it: to the widget under the pointer)."""
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(
        centre, QPointF(widget.mapToGlobal(centre.toPoint())), QPoint(0, 0), QPoint(0, DOWN * notches),
        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False,
    )
    QApplication.sendEvent(widget, event)


def value_of(widget: QWidget) -> Any:
    if isinstance(widget, QComboBox):
        return widget.currentIndex()
    if isinstance(widget, (QSpinBox, QDoubleSpinBox, QAbstractSlider)):
        return widget.value()
    assert isinstance(widget, QAbstractSpinBox)
    return widget.text()


def test_wheel_over_unfocused_values_scrolls_the_form(qtbot: QtBot) -> None:
    area = QScrollArea()
    qtbot.addWidget(area)
    form = QWidget()
    layout = QFormLayout(form)
    combo = wheel.ComboBox()
    combo.addItems(["CNY", "USD", "EUR"])
    spin_box, double, slider = wheel.SpinBox(), wheel.DoubleSpinBox(), wheel.Slider()
    for i, widget in enumerate((combo, spin_box, double, slider)):
        layout.addRow(f"field {i}", widget)
    for i in range(40):
        layout.addRow(f"filler {i}", QWidget())
    form.setMinimumHeight(2000)
    area.setWidget(form)
    area.resize(300, 200)
    area.show()
    qtbot.waitExposed(area)
    guarded = (combo, spin_box, double, slider)
    assert all(w.focusPolicy() == Qt.FocusPolicy.StrongFocus for w in guarded)  # the wheel gives no focus
    before = [value_of(w) for w in guarded]
    bar = area.verticalScrollBar()
    for widget in guarded:
        scrolled = bar.value()
        spin(widget)
        assert bar.value() > scrolled, widget  # the panel scrolled instead
        assert not widget.hasFocus()
    assert [value_of(w) for w in guarded] == before
    # A focused widget is being edited: the wheel changes it.
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus)
    spin(combo)
    assert combo.currentIndex() == 1


def test_every_combo_spin_box_and_slider_of_the_studio_is_a_wheel_safe_one() -> None:
    """A plain Qt value widget built anywhere in studio/ui (but the preview's own sliders) fails here."""
    import re

    from tests.support import ROOT

    plain = re.compile(r"\bQ(ComboBox|SpinBox|DoubleSpinBox|Slider|TimeEdit|DateTimeEdit|Dial)\(")
    found = []
    for source in sorted((ROOT / "studio" / "ui").rglob("*.py")):
        if source.name == "wheel.py":
            continue
        for number, line in enumerate(source.read_text("utf-8").splitlines(), 1):
            if plain.search(line):
                found.append(f"{source.relative_to(ROOT)}:{number}: {line.strip()}")
    # The preview's position and volume sliders are not in a form: the wheel is theirs.
    allowed = {"studio/ui/preview/controls.py"}
    assert [f for f in found if f.split(":")[0] not in allowed] == []


ITEMS = {
    "savings": [("scene", "payday"), ("scene", "payday", "choice"), ("scene", "payday", "option", "save"),
                ("scene", "payday", "prompt", "round_up")],
    "shoppable": [("scene", "office"), ("scene", "office", "tag", "cream_desk")],
}


def _value_widgets(root: QWidget) -> list[QWidget]:
    found: list[QWidget] = []
    for kind in (QComboBox, QAbstractSpinBox, QAbstractSlider):
        found += [w for w in root.findChildren(kind) if not isinstance(w, QScrollBar) and w.isVisible()]
    return found


@pytest.mark.parametrize("name", sorted(ITEMS))
def test_scrolling_over_every_inspector_form_changes_nothing(qtbot: QtBot, name: str) -> None:
    env: Env = load_env(name)
    panel = make_inspector(qtbot, env, height=420)
    saved = dumps(env.doc.project)
    steps = env.doc.undo_stack.count()
    seen = 0
    forms: list[QWidget] = []
    for path in ITEMS[name]:
        env.selection.set([path[1]], current=path)
        QApplication.processEvents()
        assert panel.form is not None
        forms.append(panel.form)
    assert panel.project_form is not None
    forms.append(panel.project_form)
    for form in forms:
        if form is panel.project_form:  # on the Project tab
            panel.tabs.setCurrentIndex(1)
            QApplication.processEvents()
        widgets = _value_widgets(form)
        for widget in widgets:
            assert widget.focusPolicy() == Qt.FocusPolicy.StrongFocus, widget
            spin(widget, 3)
            QApplication.processEvents()
        seen += len(widgets)
    assert seen >= 5  # combos (currency, timeout policy, mode...) and spin boxes were all tried
    assert env.doc.undo_stack.count() == steps  # not one undo step
    assert dumps(env.doc.project) == saved
    env.doc.close()
