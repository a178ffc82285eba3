"""Screenshots of the inspector with each sample drama; no control clipped or off-panel."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from studio.ui.inspector.panel import InspectorPanel
from tests.ui.inspector.conftest import make_inspector
from tests.ui.timeline.support import Env, load_env

pytestmark = pytest.mark.gui
SHOTS = os.environ.get("DRAMA_STUDIO_SHOTS")
CASES = {
    "savings": [
        ("scene", "payday"),
        ("scene", "payday", "choice"),
        ("scene", "payday", "option", "save"),
        ("scene", "payday", "prompt", "round_up"),
    ],
    "shoppable": [
        ("scene", "office"),
        ("scene", "office", "tag", "cream_desk"),
        ("scene", "morning", "option", "spa"),
    ],
}


def layout_problems(panel: InspectorPanel, page: QWidget) -> list[str]:
    """Controls poking out of the panel, squeezed to nothing, or labels cut short."""
    found: list[str] = []
    panel_rect = QRect(0, 0, panel.width(), panel.height())
    for w in page.findChildren(QWidget):
        if not w.isVisibleTo(panel) or not isinstance(w, QLabel | QLineEdit | QComboBox | QAbstractButton):
            continue
        top_left = w.mapTo(panel, w.rect().topLeft())
        r = QRect(top_left, w.size())
        if r.left() < 0 or r.right() > panel_rect.right():
            found.append(f"{type(w).__name__} '{_text(w)}' sticks out: {r}")
        if isinstance(w, QLineEdit | QComboBox) and w.width() < 40:
            found.append(f"{type(w).__name__} '{_text(w)}' squeezed to {w.width()} px")
        if isinstance(w, QLabel) and not w.wordWrap() and w.text() and "<" not in w.text():
            need = w.fontMetrics().horizontalAdvance(w.text()) + w.contentsMargins().left()
            if need > w.width() + 1:
                found.append(f"label '{w.text()}' clipped ({need} > {w.width()} px)")
        if isinstance(w, QAbstractButton) and w.text():
            need = w.fontMetrics().horizontalAdvance(w.text())
            if need > w.width():
                found.append(f"button '{w.text()}' clipped ({need} > {w.width()} px)")
    return found


def _text(w: QWidget) -> str:
    if isinstance(w, QLineEdit | QLabel | QAbstractButton):
        return w.text()
    if isinstance(w, QComboBox):
        return w.currentText()
    return ""


@pytest.mark.parametrize("width", [360, 300])
@pytest.mark.parametrize("name", sorted(CASES))
def test_inspector_screenshots(qtbot: QtBot, tmp_path: Path, name: str, width: int) -> None:
    """At the screenshot size and at a narrow dock width, nothing is cut off."""
    env: Env = load_env(name)
    panel = make_inspector(qtbot, env, width=width, height=700)
    out = Path(SHOTS) if SHOTS else tmp_path
    out.mkdir(parents=True, exist_ok=True)
    problems: list[str] = []
    for path in CASES[name]:
        env.selection.set([path[1]], current=path)
        env.playhead.set_scene(path[1], 1500)
        qtbot.waitUntil(lambda p=path: panel.form is not None and panel.form.path == p, timeout=5000)
        image = panel.grab().toImage()
        assert (image.width(), image.height()) == (width, 700)
        image.save(str(out / f"inspector_{width}_{name}_{'_'.join(path[2:]) or 'scene'}.png"))
        assert panel.form is not None
        problems += [f"{path}: {p}" for p in layout_problems(panel, panel.form)]
    panel.tabs.setCurrentIndex(1)
    assert panel.project_form is not None
    panel.grab().save(str(out / f"inspector_{width}_{name}_project.png"))
    problems += [f"project: {p}" for p in layout_problems(panel, panel.project_form)]
    assert not problems, "\n".join(problems)
    env.doc.close()
