"""Metrics and colours of the branch graph, derived from the application palette
so light and dark themes both read well."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QFont, QFontMetrics, QGuiApplication, QPalette

NODE_W = 232.0
NODE_H = 92.0
THUMB_W = 46.0
THUMB_H = 82.0
PORT_R = 7.0
RADIUS = 8.0
LOD_BLOCK = 0.3  # below: nodes are plain blocks
LOD_TEXT = 0.75  # below: compact nodes (thumbnail + large title), large edge labels
LOD_LABEL = 0.4  # below: no edge labels
MID_SCALE = 1.6  # font scale of the compact level
LOD_SMOOTH = 0.9  # at or above: antialiased shapes

ENDING = {"good": QColor("#2f9e66"), "neutral": QColor("#5b7fb8"), "bad": QColor("#c8463d")}


@dataclass
class GraphStyle:
    """Colours and fonts for one palette."""

    dark: bool
    background: QColor
    grid: QColor
    node: QColor
    node_border: QColor
    text: QColor
    muted: QColor
    selected: QColor
    edge: QColor
    edge_selected: QColor
    label_bg: QColor
    start: QColor
    savings: QColor
    product: QColor
    error: QColor
    warning: QColor
    title_font: QFont
    small_font: QFont
    title_metrics: QFontMetrics
    small_metrics: QFontMetrics
    overview_font: QFont
    overview_metrics: QFontMetrics
    mid_label_font: QFont

    @classmethod
    def from_palette(cls, palette: QPalette | None = None) -> GraphStyle:
        pal = palette or QGuiApplication.palette()
        window = pal.color(QPalette.ColorRole.Window)
        dark = window.lightness() < 128
        base = pal.color(QPalette.ColorRole.Base)
        text = pal.color(QPalette.ColorRole.Text)
        title = QFont(QGuiApplication.font())
        title.setPointSizeF(max(9.0, title.pointSizeF()))
        title.setBold(True)
        small = QFont(QGuiApplication.font())
        small.setPointSizeF(max(8.0, title.pointSizeF() - 1.0))
        overview = QFont(title)
        overview.setPointSizeF(title.pointSizeF() * MID_SCALE)
        mid_label = QFont(small)
        mid_label.setPointSizeF(small.pointSizeF() * MID_SCALE)
        return cls(
            dark=dark,
            background=window.darker(115) if dark else window.lighter(103),
            grid=window.lighter(125) if dark else window.darker(108),
            node=base.lighter(135) if dark else base,
            node_border=QColor("#5a5f6a") if dark else QColor("#b8bcc6"),
            text=text,
            muted=QColor("#a4a9b4") if dark else QColor("#5d6370"),
            selected=pal.color(QPalette.ColorRole.Highlight),
            edge=QColor("#8a909c") if dark else QColor("#7b8190"),
            edge_selected=pal.color(QPalette.ColorRole.Highlight),
            label_bg=base.lighter(120) if dark else base,
            start=QColor("#2f9e66"),
            savings=QColor("#b7791f") if not dark else QColor("#e0a94a"),
            product=QColor("#8a4fbf") if not dark else QColor("#b58be0"),
            error=QColor("#d64541"),
            warning=QColor("#d98a1c"),
            title_font=title,
            small_font=small,
            title_metrics=QFontMetrics(title),
            small_metrics=QFontMetrics(small),
            overview_font=overview,
            overview_metrics=QFontMetrics(overview),
            mid_label_font=mid_label,
        )
