"""The Play story's simulated wallet: a host that follows the documented rules, with a history.

Creators pick how the wallet answers deposits (:class:`WalletSetting`): accept
all, refuse all, refuse what exceeds a balance, or answer by hand.  A
:class:`StudioWallet` is :class:`studio.engine.wallet.SimulatedWallet` (the same
host rules the trace runner uses) plus :attr:`StudioWallet.moves`: what it did
with every event it saw, for the side panel's ledger (money saved, refused,
asked again, given back after a cancelled deposit, simulated by a replay).

"Answer by hand" is the runner's ``"none"`` wallet for the engine (it never
answers inside the engine); the studio answers instead, with recorded
``deposit_result`` inputs: the creator's Confirm/Refuse for a new deposit
(:meth:`StudioWallet.decide`), and the stored outcome for a deposit asked for
again (what :meth:`on_event` returns).  Either way ``run_trace`` with
:meth:`StudioWallet.to_json` as taken at the start and the recorded inputs
reproduces the playthrough's events.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from studio.engine.wallet import Answer, LedgerEntry, SimulatedWallet
from studio.engine.wallet import Mode as SimMode

Mode = Literal["accept", "refuse", "balance", "hand"]
MODES: tuple[Mode, ...] = ("accept", "refuse", "balance", "hand")
MODE_LABELS: dict[Mode, str] = {
    "accept": "Accept every deposit",
    "refuse": "Refuse every deposit",
    "balance": "Refuse over a balance",
    "hand": "Answer by hand (deposits wait)",
}
MoveKind = Literal["saved", "refused", "waiting", "repeat", "ignored", "reversed", "cancelled", "simulated"]
DEFAULT_BALANCE = 10_000  # minor units (100.00 in a two-decimal currency)


@dataclass(frozen=True)
class WalletSetting:
    """How the simulated wallet answers; ``balance`` (minor units) only for mode ``balance``."""

    mode: Mode = "accept"
    balance: int = DEFAULT_BALANCE

    def __post_init__(self) -> None:
        if self.mode not in MODES:
            raise ValueError(f"unknown wallet mode '{self.mode}'")
        if isinstance(self.balance, bool) or not isinstance(self.balance, int) or self.balance < 0:
            raise ValueError(f"wallet balance must be minor units >= 0, got {self.balance!r}")

    def spec(self) -> Any:
        """The runner's wallet JSON for a fresh wallet with this setting."""
        if self.mode == "balance":
            return {"balance": self.balance}
        return "none" if self.mode == "hand" else self.mode


@dataclass(frozen=True)
class Move:
    """What the wallet did with one event; ``money`` is what went into the goal (minus: given back)."""

    deposit_id: str
    goal: str
    amount: int
    kind: MoveKind
    money: int = 0
    reason: str | None = None
    balance: int | None = None  # the wallet's balance after it (None: no balance)

    @property
    def playthrough(self) -> str:
        return self.deposit_id.split(":", 1)[0]

    @property
    def item(self) -> str:
        """``option save`` / ``prompt round_up`` (from the id: source and item)."""
        parts = self.deposit_id.split(":")
        return f"{parts[3]} {parts[4]}" if len(parts) == 6 else self.deposit_id


class StudioWallet(SimulatedWallet):
    """SimulatedWallet for one simulated viewer, recording :class:`Move` s."""

    def __init__(self, setting: WalletSetting) -> None:
        mode: SimMode = "refuse" if setting.mode == "refuse" else "accept"
        super().__init__(mode, setting.balance if setting.mode == "balance" else None)
        self.setting = setting
        self.by_hand = setting.mode == "hand"
        self.moves: list[Move] = []

    def to_json(self) -> Any:
        """The runner's wallet JSON that behaves as this wallet does from now on."""
        return "none" if self.by_hand else super().to_json()

    def on_event(self, event: Mapping[str, Any]) -> Answer | None:
        kind = event.get("type")
        if kind == "deposit_simulated":
            self._move(event, "simulated")
            return None
        if kind not in ("deposit_requested", "deposit_cancelled"):
            return None
        did = str(event["deposit_id"])
        before = self._state(did)
        if self.by_hand and kind == "deposit_requested" and before is None:
            self._move(event, "waiting")  # a new deposit waits for the creator's answer (decide)
            return None
        answer = super().on_event(event)
        after = self.ledger.get(did)
        if kind == "deposit_cancelled":
            if before is not None and before[1]:
                self._move(event, "reversed", money=-before[2])
            else:
                self._move(event, "cancelled")
        elif before is not None:
            self._move(event, "ignored" if before[0] == "cancelled" else "repeat")
        elif after is not None:
            self._settled(event, after)
        return answer

    def decide(self, request: Mapping[str, Any], ok: bool) -> Answer:
        """The creator's answer to a waiting ``deposit_requested`` (by hand); returns it."""
        did, goal, amount = str(request["deposit_id"]), str(request["goal"]), int(request["amount"])
        known = self.ledger.get(did)
        if known is not None:  # answered already: the host rules say the same again
            return (known.state == "done", known.reason)
        if ok and (self.balance is None or amount <= self.balance):
            entry = LedgerEntry(goal, amount, "done", executed=True)
            if self.balance is not None:
                self.balance -= amount
        else:
            entry = LedgerEntry(goal, amount, "refused", "refused")
        self.ledger[did] = entry
        self._settled(request, entry)
        return (entry.state == "done", entry.reason)

    def _settled(self, event: Mapping[str, Any], entry: LedgerEntry) -> None:
        if entry.state == "done":
            self._move(event, "saved", money=entry.amount)
        else:
            self._move(event, "refused", reason=entry.reason)

    def _state(self, deposit_id: str) -> tuple[str, bool, int] | None:
        entry = self.ledger.get(deposit_id)
        return None if entry is None else (entry.state, entry.executed, entry.amount)

    def _move(
        self, event: Mapping[str, Any], kind: MoveKind, money: int = 0, reason: str | None = None
    ) -> None:
        did, goal, amount = str(event["deposit_id"]), str(event["goal"]), int(event["amount"])
        self.moves.append(Move(did, goal, amount, kind, money, reason, self.balance))
