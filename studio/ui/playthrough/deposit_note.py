"""The deposit note over the video: what became of the viewer's savings.

After a deposit the viewer sees its outcome for :data:`NOTE_MS` of story clock:
“Saved ¥50.00 into “Trip””, “Couldn't save: insufficient balance (¥50.00)”,
“Saving ¥50.00… waiting for the wallet” while it is pending, “Deposit of
¥50.00 taken back” when Back cancelled it, and in a replay whose deposits are
not real “Replay: ¥50.00 counted, no money moves” (also said when such a replay
starts).  Plain text; money in the project currency.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QWidget

from studio.model import SavingsGoal
from studio.model.currency import format_money
from studio.ui.playthrough.wallet_box import reason_text
from studio.ui.text import plain_label

NOTE_MS = 4000
COLORS = {"saved": "#7ee2a8", "refused": "#ff9a8f", "info": "#ffd23f"}
QSS = (
    "QLabel#playDepositNote {{ background: rgba(18,20,24,225); color: {color}; border-radius: 10px;"
    " padding: 6px 12px; font-weight: bold; font-size: 11pt; }}"
)


class DepositNote:
    """Owns the note label; ``show_event`` on every engine event, ``expire`` on every tick."""

    def __init__(self, parent: QWidget) -> None:
        self.label: QLabel = plain_label("", "playDepositNote")
        self.label.setParent(parent)
        self.label.hide()
        self.kind = ""
        self.until = 0  # story clock at which the note goes
        self.one_line = 0  # the width and height the note's text takes on one line (styled)
        self.line_height = 0

    def show_event(
        self, event: Mapping[str, Any], currency: str, goal: Callable[[str], SavingsGoal | None]
    ) -> bool:
        """Show the note ``event`` calls for (True), or leave the current one (False)."""
        kind = event["type"]
        if kind == "playthrough_started":
            if not event.get("replay") or event.get("real_deposits"):
                return self._hide()
            text = QCoreApplication.translate("DepositNote", "Replay: deposits are simulated, no money moves")
            return self._show("info", text, event)
        if not kind.startswith("deposit_"):
            return False
        money = format_money(int(event["amount"]), currency)
        found = goal(str(event["goal"]))
        name = found.name if found else str(event["goal"])
        if kind == "deposit_confirmed":
            text = QCoreApplication.translate("DepositNote", "Saved {money} into “{goal}”")
            return self._show("saved", text.format(money=money, goal=name), event)
        if kind == "deposit_refused":
            why = reason_text(event.get("reason"))
            text = QCoreApplication.translate("DepositNote", "Couldn't save: {reason} ({money})")
            return self._show("refused", text.format(reason=why, money=money), event)
        if kind == "deposit_requested":
            text = QCoreApplication.translate("DepositNote", "Saving {money}… waiting for the wallet")
            return self._show("info", text.format(money=money), event)
        if kind == "deposit_cancelled":
            text = QCoreApplication.translate("DepositNote", "Deposit of {money} taken back")
            return self._show("info", text.format(money=money), event)
        text = QCoreApplication.translate("DepositNote", "Replay: {money} counted, no money moves")
        return self._show("info", text.format(money=money), event)

    def expire(self, clock: int) -> bool:
        """Hide the note once its time is over; True if it was hidden now."""
        if not self.label.isHidden() and clock >= self.until:
            return self._hide()
        return False

    def width_for(self, room: int) -> int:
        """The note's width given ``room``: its one line when that fits (a wrapped label's own
        size hint is narrower, and would break a short Chinese note mid-word), else ``room``."""
        return max(1, min(room, self.one_line))

    def height_for(self, width: int) -> int:
        """One line's height when the text fits ``width``, else the wrapped text's."""
        if width >= self.one_line:
            return self.line_height
        return max(self.label.heightForWidth(width), self.label.sizeHint().height())

    def clear(self) -> None:
        self._hide()

    def _show(self, kind: str, text: str, event: Mapping[str, Any]) -> bool:
        if kind != self.kind:
            self.label.setStyleSheet(QSS.format(color=COLORS[kind]))
            self.kind = kind
        self.label.setText(text)
        self.label.setWordWrap(False)
        hint = self.label.sizeHint()
        self.one_line, self.line_height = hint.width(), hint.height()
        self.label.setWordWrap(True)
        self.until = int(event["clock"]) + NOTE_MS
        self.label.show()
        return True

    def _hide(self) -> bool:
        shown = not self.label.isHidden()
        self.label.hide()
        return shown
