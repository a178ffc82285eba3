"""Small painted widgets of the playthrough overlay, and plain-text helpers.

Author text (labels, prompt text, product names, CTAs) is never rich text:
labels use :func:`studio.ui.text.plain_label` (``Qt.PlainText``), painted buttons draw it with
``QPainter.drawText`` and :func:`button_text` escapes ``&`` for QPushButtons.

* :class:`OptionButton`: a choice option (number badge + wrapped label).
* :class:`TagChip`: a product tag outlining its hotspot, with its CTA in a pill.
* :class:`CountdownBar`: the remaining share of a choice window.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QAbstractButton, QWidget

WRAP = int(Qt.TextFlag.TextWordWrap)
WRAP_ANYWHERE = int(Qt.TextFlag.TextWrapAnywhere)
CENTER = int(Qt.AlignmentFlag.AlignCenter)
ACCENT = QColor("#3d7be0")
HIGHLIGHT = QColor("#f0a500")
SAVE_GREEN = QColor("#1f7a44")


def button_text(text: str) -> str:
    """Text for a QPushButton: ``&`` shown literally, not as a mnemonic."""
    return text.replace("&", "&&")


def overlay_font(widget: QWidget, scale: float = 1.0, bold: bool = False) -> QFont:
    font = QFont(widget.font())
    size = font.pointSizeF() if font.pointSizeF() > 0 else 10.0
    font.setPointSizeF(max(8.0, size * scale))
    font.setBold(bold)
    return font


class OptionButton(QAbstractButton):
    """One option of the open choice: ``number`` badge and the wrapped label."""

    PAD = 10

    def __init__(
        self,
        number: int,
        label: str,
        on_hotspot: bool,
        parent: QWidget | None = None,
        badge: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.number = number
        self.label = label
        self.badge = badge  # "+¥20.00": what choosing it saves (shown at the right)
        self.on_hotspot = on_hotspot
        self.setObjectName("playOption")
        self.setText(label)
        saves = self.tr(" (saves {amount})").format(amount=badge.removeprefix("+")) if badge else ""
        self.setAccessibleName(self.tr("Option {number}: {label}").format(number=number, label=label) + saves)
        self.setToolTip(self.tr("Press {number}").format(number=number) if number <= 9 else "")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setFont(overlay_font(self, 1.05, bold=True))
        self.highlighted = False

    def set_highlighted(self, on: bool) -> None:
        """A thick yellow ring: the option steering asks the reviewer to take."""
        if on != self.highlighted:
            self.highlighted = on
            self.setAccessibleDescription(self.tr("Not watched yet: take this option") if on else "")
            self.update()

    def _badge(self) -> int:
        return QFontMetrics(self.font()).height() + 6

    def _badge_width(self) -> int:
        return QFontMetrics(self.font()).horizontalAdvance(self.badge) + self.PAD if self.badge else 0

    def _text_width(self, width: int, stacked: bool) -> int:
        return max(20, width - self._badge() - 3 * self.PAD - (0 if stacked else self._badge_width()))

    def stacked(self, width: int | None = None) -> bool:
        """The amount goes under the label (a narrow button): beside it, the label's column would
        be narrower than its longest word, or than half the button."""
        if not self.badge:
            return False
        width = self.width() if width is None else width
        fm = QFontMetrics(self.font())
        longest = max((fm.horizontalAdvance(w) for w in self.label.split()), default=0)
        return self._text_width(width, False) < max(longest, width // 2)

    def wrap(self, text_width: int) -> int:
        """Wrap at words, or anywhere when a word is wider than the text's column (a narrow
        hotspot button: "存下¥200.00去旅行" would be cut at "¥200.")."""
        fm = QFontMetrics(self.font())
        longest = max((fm.horizontalAdvance(w) for w in self.label.split()), default=0)
        return WRAP if longest <= text_width else WRAP_ANYWHERE

    def height_for(self, width: int) -> int:
        fm = QFontMetrics(self.font())
        stacked = self.stacked(width)
        column = self._text_width(width, stacked)
        rect = fm.boundingRect(QRect(0, 0, column, 10_000), self.wrap(column), self.label)
        text_h = rect.height() + (fm.height() + 4 if stacked else 0)
        return max(self._badge(), text_h) + 2 * self.PAD

    def sizeHint(self) -> QSize:
        return QSize(240, self.height_for(240))

    def paintEvent(self, _event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        r = QRectF(self.rect()).adjusted(1, 1, -1, -1)
        down = self.isDown()
        fill = QColor(255, 255, 255, 235 if not down else 200)
        p.setPen(QPen(ACCENT if self.hasFocus() or self.underMouse() else QColor(0, 0, 0, 60), 2))
        p.setBrush(fill)
        if self.highlighted:
            p.setPen(QPen(HIGHLIGHT, 4))
            r = r.adjusted(1, 1, -1, -1)
        p.drawRoundedRect(r, 10, 10)
        badge = self._badge()
        b = QRectF(self.PAD, (self.height() - badge) / 2, badge, badge)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(ACCENT)
        p.drawEllipse(b)
        p.setPen(QColor("#ffffff"))
        p.drawText(b, CENTER, str(self.number))
        left = int(b.right()) + self.PAD
        right = self.width() - self.PAD
        left_v = int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft)
        if self.badge and self.stacked():
            # narrow: the label, then the amount on its own line under it
            line = QFontMetrics(self.font()).height()
            body = QRect(left, self.PAD, right - left, self.height() - 2 * self.PAD - line - 4)
            p.setPen(QColor("#14161a"))
            p.drawText(body, left_v | self.wrap(body.width()), self.label)
            p.setPen(SAVE_GREEN)
            p.drawText(QRect(left, body.bottom() + 4, right - left, line), left_v, self.badge)
            p.end()
            return
        if self.badge:
            p.setPen(SAVE_GREEN)
            p.drawText(QRect(left, 0, right - left, self.height()),
                       int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight), self.badge)
            right -= self._badge_width()
        text = QRect(left, 0, right - left, self.height())
        p.setPen(QColor("#14161a"))
        p.drawText(text, left_v | self.wrap(text.width()), self.label)
        p.end()


class TagChip(QAbstractButton):
    """A shown product tag: its hotspot outlined, the CTA in a pill at the bottom."""

    def __init__(self, tag_id: str, cta: str, product_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tag_id = tag_id
        self.cta = cta
        self.setObjectName("playTag")
        self.setText(cta)
        self.setAccessibleName(f"{cta}: {product_name}")
        self.setToolTip(product_name)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFont(overlay_font(self, 0.9, bold=True))

    def pill_rect(self) -> QRect:
        fm = QFontMetrics(self.font())
        w = min(self.width() - 4, fm.horizontalAdvance(self.cta) + 20)
        h = fm.height() + 8
        return QRect((self.width() - w) // 2, max(2, self.height() - h - 4), w, h)

    def paintEvent(self, _event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        outline = QColor(255, 255, 255, 230 if self.underMouse() or self.hasFocus() else 170)
        p.setPen(QPen(outline, 2, Qt.PenStyle.DashLine))
        p.setBrush(QColor(255, 255, 255, 28))
        p.drawRoundedRect(QRectF(self.rect()).adjusted(1, 1, -1, -1), 8, 8)
        pill = self.pill_rect()
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor("#e0457b"))
        p.drawRoundedRect(QRectF(pill), pill.height() / 2, pill.height() / 2)
        p.setPen(QColor("#ffffff"))
        fm = QFontMetrics(self.font())
        p.drawText(pill, CENTER, fm.elidedText(self.cta, Qt.TextElideMode.ElideRight, pill.width() - 12))
        p.end()


class CountdownBar(QWidget):
    """A thin bar: the remaining share of the choice window (``set_fraction``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("playCountdown")
        self.fraction = 1.0
        self.setFixedHeight(8)

    def set_fraction(self, fraction: float) -> None:
        fraction = max(0.0, min(1.0, fraction))
        if abs(fraction - self.fraction) > 1e-4:
            self.fraction = fraction
            self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        r = QRectF(self.rect())
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(255, 255, 255, 90))
        p.drawRoundedRect(r, 4, 4)
        fill = QRectF(r.x(), r.y(), r.width() * self.fraction, r.height())
        p.setBrush(QColor("#ffd23f") if self.fraction > 0.25 else QColor("#ff6b6b"))
        p.drawRoundedRect(fill, 4, 4)
        p.end()
