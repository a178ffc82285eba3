"""Toolbar and panel icons from ``resources/icons/*.svg``, tinted for the palette.

The SVGs draw with ``currentColor``; :func:`icon` substitutes the palette's
text colour so icons read on light and dark themes alike.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QGuiApplication, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

from studio import resources

ICONS = resources.icons_dir()
SIZES = (16, 20, 24, 32, 48)


def _color(role: QPalette.ColorRole = QPalette.ColorRole.WindowText) -> str:
    return str(QGuiApplication.palette().color(role).name())


@cache
def _icon(name: str, color: str) -> QIcon:
    file = ICONS / f"{name}.svg"
    if not file.is_file():
        return QIcon()
    data = file.read_text(encoding="utf-8").replace("currentColor", color)
    renderer = QSvgRenderer(QByteArray(data.encode("utf-8")))
    result = QIcon()
    for size in SIZES:
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
        result.addPixmap(pixmap)
    return result


def icon(name: str, color: str | None = None) -> QIcon:
    """The named icon drawn in ``color`` (default: the palette's text colour)."""
    return _icon(name, color or _color())


def clear_cache() -> None:
    """Forget tinted icons (after the palette changes)."""
    _icon.cache_clear()
