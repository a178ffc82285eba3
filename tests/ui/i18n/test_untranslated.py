"""No user-visible English literal reaches a Qt text API untranslated (an AST scan, per area).

A string literal (or an f-string, or a literal joined with ``+`` or ``.format``-ed) passed
to a text-taking widget constructor or setter is a text lupdate never sees: it stays
English in every language.  Wrap it in ``self.tr()`` or ``QCoreApplication.translate()``
(``docs/localisation.md``, "The studio's own language").  Literals without letters
("", "•", "×", "%") are fine.  Each area (``scripts/translations.py``) is a case, so the
helper who owns it can run it alone: ``pytest tests/ui/i18n/test_untranslated.py -k shell``.
"""

from __future__ import annotations

import ast
import importlib.util
import sys
from pathlib import Path

import pytest

from tests.support import ROOT

_spec = importlib.util.spec_from_file_location("translations_script", ROOT / "scripts" / "translations.py")
assert _spec is not None and _spec.loader is not None
translations = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = translations  # dataclasses look their module up
_spec.loader.exec_module(translations)

# Constructors whose string arguments are shown (QAction(icon, text, parent) too).
CONSTRUCTORS = {"QLabel", "QPushButton", "QCheckBox", "QAction", "QGroupBox", "QRadioButton", "QMenu",
                "QToolButton", "QCommandLinkButton"}
# Methods whose string arguments are shown.
METHODS = {"setText", "setToolTip", "setWindowTitle", "setPlaceholderText", "setStatusTip", "addAction",
           "addMenu", "addTab", "insertTab", "setTabText", "setTabToolTip", "setHeaderLabels",
           "setHorizontalHeaderLabels", "showMessage", "setWhatsThis", "setTitle", "setLabelText",
           "setInformativeText", "setDetailedText", "setSuffix", "setPrefix", "setSpecialValueText",
           "addItem", "addItems", "insertItem", "setItemText", "setItemToolTip",
           # the studio's own wrappers around message boxes and the banner (studio/ui/dialogs.py, banner.py)
           "show_message", "choose", "warn", "inform", "media_file"}
FIRST_ONLY = {"addRow", "insertRow"}  # the label, not the field
# QMessageBox.information(parent, title, text) and its siblings
MESSAGE_BOX = {"information", "warning", "critical", "question", "about"}


def _letters(text: str) -> bool:
    return any(ch.isalpha() for ch in text)


def untranslated(node: ast.AST) -> bool:
    """Whether ``node`` evaluates to a literal text nobody translated."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str) and _letters(node.value)
    if isinstance(node, ast.JoinedStr):
        return any(isinstance(v, ast.Constant) and _letters(str(v.value)) for v in node.values)
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Mod)):
        return untranslated(node.left) or (isinstance(node.op, ast.Add) and untranslated(node.right))
    if isinstance(node, ast.IfExp):
        return untranslated(node.body) or untranslated(node.orelse)
    if isinstance(node, (ast.List, ast.Tuple)):
        return any(untranslated(e) for e in node.elts)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format":
        return untranslated(node.func.value)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "join":
        return untranslated(node.func.value)
    return False


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def _shown_args(call: ast.Call) -> list[ast.expr]:
    name = _name(call.func)
    if name in ("addItem", "insertItem"):  # ([index,] [icon,] text, data): the data is no text
        args = call.args[1:] if name == "insertItem" else call.args
        if args and "icon" in ast.unparse(args[0]).lower():
            args = args[1:]
        return args[:1]
    if name in CONSTRUCTORS or name in METHODS:
        return list(call.args)
    if name in FIRST_ONLY:
        return call.args[:1] if name == "addRow" else call.args[1:2]
    box = isinstance(call.func, ast.Attribute) and _name(call.func.value) == "QMessageBox"
    if name in MESSAGE_BOX and box:
        return call.args[1:3]
    return []


def findings(path: Path) -> list[str]:
    tree = ast.parse(path.read_text("utf-8"), str(path))
    rel = path.relative_to(ROOT)
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            out += [f"{rel}:{arg.lineno}: {ast.unparse(arg)[:80]} passed to {_name(node.func)}() untranslated"
                    for arg in _shown_args(node) if untranslated(arg)]
    return out


@pytest.mark.parametrize("area", sorted(translations.AREAS))
def test_no_untranslated_text_reaches_qt(area: str) -> None:
    files = translations.area_files(area)
    assert files, area
    problems = [line for f in files for line in findings(f)]
    assert not problems, "\n" + "\n".join(problems)


def test_the_scan_sees_literals_and_lets_translations_pass() -> None:
    source = """
label = QLabel("Hello")
label.setToolTip(f"{n} scenes")
box.addRow("Name", edit)
box.addRow(self.tr("Name"), edit)
combo.addItem(self.tr("Light"), "light")
combo.addItem("Dark", "dark")
QMessageBox.warning(self, "Oops", text)
button.setText("×")
status.showMessage(self.tr("Saved {name}").format(name=n))
status.showMessage("Saved " + name)
tabs.addTab(page, QCoreApplication.translate("Tabs", "Scenes"))
"""
    calls = [n for n in ast.walk(ast.parse(source)) if isinstance(n, ast.Call)]
    flagged = sorted({a.lineno for c in calls for a in _shown_args(c) if untranslated(a)})
    assert flagged == [2, 3, 4, 7, 8, 11]
