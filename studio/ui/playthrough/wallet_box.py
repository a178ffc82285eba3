"""The side panel's simulated wallet: how it answers deposits, its balance and its ledger.

The creator picks the wallet of the next viewer (used from the next “Play
story”; “Watch again” and “Start over” keep the viewer's wallet): accept every
deposit, refuse every one, refuse what exceeds a balance (typed as money in the
project currency, parsed like the inspector's money fields), or answer by hand
(each new deposit waits, pending, for Confirm or Refuse here).  Below: the
current playthrough (its id, whether it is a replay and whether its deposits are
real), the wallet's balance and its ledger, one row per thing the wallet did:
saved, refused, asked again (no money moved), given back (a deposit cancelled
after Back), simulated (a replay: no money moved).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from studio.app.play_wallet import MODES, Move, WalletSetting
from studio.app.playthrough import PlaythroughController
from studio.model.currency import format_money
from studio.ui.inspector.fields import ERROR_STYLE
from studio.ui.inspector.parsers import money_parser, money_symbol, money_text
from studio.ui.playthrough.tables import fill, table
from studio.ui.text import plain_label
from studio.ui.wheel import ComboBox

MAX_BALANCE = 2**53 - 1
LEDGER_ROWS = 500  # newest rows shown
REASONS = {
    "insufficient_balance": str(QT_TRANSLATE_NOOP("WalletBox", "insufficient balance")),
    "refused": str(QT_TRANSLATE_NOOP("WalletBox", "refused by the wallet")),
}
MODE_TEXT = {  # studio.app.play_wallet.MODE_LABELS, as the studio shows them
    "accept": str(QT_TRANSLATE_NOOP("WalletBox", "Accept every deposit")),
    "refuse": str(QT_TRANSLATE_NOOP("WalletBox", "Refuse every deposit")),
    "balance": str(QT_TRANSLATE_NOOP("WalletBox", "Refuse over a balance")),
    "hand": str(QT_TRANSLATE_NOOP("WalletBox", "Answer by hand (deposits wait)")),
}


def reason_text(reason: object) -> str:
    """A host's refusal reason for people (``insufficient_balance`` -> ``insufficient balance``)."""
    if not isinstance(reason, str) or not reason:
        return QCoreApplication.translate("WalletBox", "refused by the wallet")
    if reason in REASONS:
        return QCoreApplication.translate("WalletBox", REASONS[reason])
    return reason.replace("_", " ")  # the host's own words


OUTCOMES = {
    "saved": str(QT_TRANSLATE_NOOP("WalletBox", "Saved")),
    "waiting": str(QT_TRANSLATE_NOOP("WalletBox", "Waiting for your answer")),
    "repeat": str(QT_TRANSLATE_NOOP("WalletBox", "Asked again: same answer, no money moved")),
    "ignored": str(QT_TRANSLATE_NOOP("WalletBox", "Asked again after it was cancelled: ignored")),
    "reversed": str(QT_TRANSLATE_NOOP("WalletBox", "Given back (cancelled after Back)")),
    "cancelled": str(QT_TRANSLATE_NOOP("WalletBox", "Cancelled: no money had moved")),
    "simulated": str(QT_TRANSLATE_NOOP("WalletBox", "Replay: simulated, no money moved")),
}


def outcome_text(move: Move) -> str:
    if move.kind == "refused":
        refused = QCoreApplication.translate("WalletBox", "Refused: {reason}")
        return refused.format(reason=reason_text(move.reason))
    return QCoreApplication.translate("WalletBox", OUTCOMES[move.kind])


class MoneyInput(QWidget):
    """An amount in a currency: symbol, text field, red reason while it is not an amount."""

    changed = Signal()

    def __init__(self, currency: str, amount: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.currency = currency
        self.prefix = plain_label(money_symbol(currency), wrap=False)
        self.edit = QLineEdit(money_text(amount, currency), self)
        self.edit.setObjectName("playWalletBalance")
        self.error = plain_label("", "fieldError")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.prefix)
        row.addWidget(self.edit, 1)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(1)
        box.addLayout(row)
        box.addWidget(self.error)
        self.edit.textEdited.connect(lambda _t: self.changed.emit())

    def value(self) -> int | None:
        """The typed amount in minor units; None (reason shown) if it is not one."""
        try:
            amount = money_parser(self.currency, minimum=0)(self.edit.text())
            if amount is None or amount > MAX_BALANCE:
                raise ValueError(self.tr("is too large"))
        except ValueError as exc:
            self.error.setText(self.tr("Balance: {error}").format(error=exc))
            self.error.show()
            return None
        self.error.hide()
        return amount

    def set_currency(self, currency: str) -> None:
        if currency != self.currency:
            amount = self.value()
            self.currency = currency
            self.prefix.setText(money_symbol(currency))
            if amount is not None:
                self.edit.setText(money_text(amount, currency))


class WalletBox(QGroupBox):
    """Wallet setting (for the next Play story), the playthrough's money state and the ledger."""

    def __init__(self, controller: PlaythroughController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Simulated wallet"))
        self.setObjectName("playWallet")
        self.controller = controller
        setting = controller.wallet_setting
        self.mode = ComboBox(self)
        self.mode.setObjectName("playWalletMode")
        for key in MODES:
            self.mode.addItem(self.tr(MODE_TEXT[key]), key)
        self.mode.setCurrentIndex(MODES.index(setting.mode))
        self.mode.setToolTip(self.tr("How the wallet answers deposits: used from the next Play story"))
        self.balance = MoneyInput(controller.currency(), setting.balance, self)
        self.balance_label = plain_label(self.tr("Balance:"), wrap=False)
        self.note = plain_label(self.tr("Used from the next Play story."), "playWalletNote")
        self.state = plain_label("", "playWalletState")
        self.pending_box = QVBoxLayout()
        self.pending_box.setContentsMargins(0, 0, 0, 0)
        self.pending_rows: list[tuple[str, QPushButton, QPushButton]] = []
        headers = [self.tr("Deposit"), self.tr("Money"), self.tr("Outcome")]
        self.ledger = table("playLedger", headers, wrap=(0, 2))
        self.ledger.setMinimumHeight(110)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.mode)
        row = QHBoxLayout()
        row.addWidget(self.balance_label)
        row.addWidget(self.balance, 1)
        layout.addLayout(row)
        layout.addWidget(self.note)
        layout.addWidget(self.state)
        layout.addLayout(self.pending_box)
        layout.addWidget(self.ledger, 1)
        self.mode.currentIndexChanged.connect(lambda _i: self.apply())
        self.balance.changed.connect(self.apply)
        controller.state_changed.connect(self.refresh)
        self.apply()
        self.refresh()

    def setting(self) -> WalletSetting | None:
        """The chosen setting; None while the balance is not an amount."""
        mode = self.mode.currentData()
        if mode == "balance":
            amount = self.balance.value()
            return None if amount is None else WalletSetting("balance", amount)
        return WalletSetting(mode, self.controller.wallet_setting.balance)

    def apply(self) -> None:
        """Give the controller the setting (for the next Play story)."""
        by_balance = self.mode.currentData() == "balance"
        self.balance.setVisible(by_balance)
        self.balance_label.setVisible(by_balance)
        setting = self.setting()
        if setting is not None:
            self.controller.set_wallet(setting)

    def refresh(self) -> None:
        ctrl, eng, wallet = self.controller, self.controller.engine, self.controller.wallet
        currency = ctrl.currency()
        self.balance.set_currency(currency)
        if eng is None or wallet is None:
            self.state.setText(self.tr("Not playing: no wallet yet."))
            self._pending([], currency)
            fill(self.ledger, [])
            return
        kind = self.tr("replay") if eng.replay else self.tr("first playthrough")
        money = self.tr("deposits are real")
        if not eng.real_deposits:
            money = self.tr("deposits simulated, no money moves")
        balance = self.tr("no balance limit")
        if wallet.balance is not None:
            balance = format_money(wallet.balance, currency)
        self.state.setText(self.tr("Playthrough {id} ({kind}): {money}\nWallet balance: {balance}").format(
            id=eng.playthrough, kind=kind, money=money, balance=balance))
        self._pending(eng.pending_requests() if wallet.by_hand else [], currency)
        rows = []
        for move in wallet.moves[-LEDGER_ROWS:]:
            goal = ctrl.goal(move.goal)
            what = f"{move.playthrough} · {move.item} → {goal.name if goal else move.goal}"
            if move.money:
                sign = "+" if move.money > 0 else "−"
                amount = sign + format_money(abs(move.money), currency)
            else:
                amount = f"({format_money(move.amount, currency)})"
            rows.append([what, amount, outcome_text(move)])
        fill(self.ledger, rows)
        self.ledger.scrollToBottom()

    def _pending(self, requests: list[dict[str, object]], currency: str) -> None:
        """One Confirm / Refuse row per deposit waiting for an answer (by hand)."""
        ids = [str(r["deposit_id"]) for r in requests]
        if ids == [i for i, _, _ in self.pending_rows]:
            return
        while self.pending_box.count():
            item = self.pending_box.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        self.pending_rows = []
        for request in requests:
            did = str(request["deposit_id"])
            amount = request["amount"]
            goal = self.controller.goal(str(request["goal"]))
            row = QWidget(self)
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            text = format_money(amount if isinstance(amount, int) else 0, currency)
            name = goal.name if goal else str(request["goal"])
            pending = self.tr("Pending: {amount} into {goal}").format(amount=text, goal=name)
            label = plain_label(pending, "playPending")
            label.setToolTip(did)
            confirm, refuse = QPushButton(self.tr("Confirm"), row), QPushButton(self.tr("Refuse"), row)
            confirm.setObjectName("playConfirm")
            refuse.setObjectName("playRefuse")
            confirm.clicked.connect(lambda _=False, d=did: self.controller.answer_deposit(d, True))
            refuse.clicked.connect(lambda _=False, d=did: self.controller.answer_deposit(d, False))
            line.addWidget(label, 1)
            line.addWidget(confirm)
            line.addWidget(refuse)
            label.setAlignment(Qt.AlignmentFlag.AlignVCenter)
            self.pending_box.addWidget(row)
            row.show()  # at once, not on the next event loop pass
            self.pending_rows.append((did, confirm, refuse))
