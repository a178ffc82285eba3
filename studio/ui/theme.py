"""Light and dark palettes that follow the system colour scheme.

The Fusion style with a palette chosen from the system scheme (Qt 6.5+
``QStyleHints.colorScheme``) or the user's preference, plus the small
``resources/styles/studio.qss``.  :func:`apply` can be called again when the
scheme or the preference changes.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from studio import resources
from studio.ui import icons

STYLES = resources.styles_dir()


def system_is_dark(app: QApplication) -> bool:
    return app.styleHints().colorScheme() == Qt.ColorScheme.Dark


def dark_palette() -> QPalette:
    p = QPalette()
    c = QPalette.ColorRole
    window, base, text = QColor("#25272c"), QColor("#1d1f23"), QColor("#e6e8eb")
    for role, color in (
        (c.Window, window),
        (c.WindowText, text),
        (c.Base, base),
        (c.AlternateBase, QColor("#2b2e34")),
        (c.ToolTipBase, QColor("#33363d")),
        (c.ToolTipText, text),
        (c.Text, text),
        (c.Button, QColor("#2f3238")),
        (c.ButtonText, text),
        (c.BrightText, QColor("#ff6b6b")),
        (c.Highlight, QColor("#3d7be0")),
        (c.HighlightedText, QColor("#ffffff")),
        (c.Link, QColor("#6ea8ff")),
        (c.PlaceholderText, QColor("#9aa0aa")),
        (c.Mid, QColor("#44474f")),
    ):
        p.setColor(role, color)
    for role in (c.WindowText, c.Text, c.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor("#7d828c"))
    return p


def apply(app: QApplication, preference: str = "system") -> bool:
    """Apply the palette; returns True if dark."""
    app.setStyle("Fusion")
    dark = preference == "dark" or (preference == "system" and system_is_dark(app))
    palette = dark_palette() if dark else app.style().standardPalette()
    app.setPalette(palette)
    qss = STYLES / "studio.qss"
    app.setStyleSheet(qss.read_text(encoding="utf-8") if qss.is_file() else "")
    icons.clear_cache()
    return dark
