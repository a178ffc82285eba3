"""A synchronous simulated wallet that follows the host rules of docs/host-integration.md.

Used by the trace runner (``studio play --wallet``, vectors) and the studio's
Play story so creators see both the saved and the refused path.  It is a
*host*: it sees the contract's JSON events and answers ``deposit_requested``
with ``(ok, reason)``; the engine applies the answer at once.

Rules (the same a real host follows), with a ledger keyed by ``deposit_id``:

* ``deposit_requested`` with a new id: execute it (``"accept"``; ``{"balance": N}``
  while the amount fits the balance), or refuse it (``"refuse"``; a balance that
  is too low: ``"insufficient_balance"``); remember the outcome and answer.
* a repeated id: move nothing and answer the remembered outcome again
  (``"conflict"`` if its goal or amount differ: that is never a new deposit);
  an id seen cancelled: no answer.
* ``deposit_cancelled``: reverse an executed deposit (the balance gets it back)
  and remember the id as cancelled (also an unknown id: a late request for it
  is then ignored).
* ``"none"``: no answers at all (they come from ``deposit_result`` inputs).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from studio.engine.errors import EngineError
from studio.model.conditions import saturate

Mode = Literal["accept", "refuse", "none"]
MODES: tuple[Mode, ...] = ("accept", "refuse", "none")
Answer = tuple[bool, str | None]


class WalletSpecError(EngineError, ValueError):
    """A wallet setting that is not one of the documented forms (one line)."""


@dataclass
class LedgerEntry:
    goal: str
    amount: int
    state: Literal["done", "refused", "cancelled"]
    reason: str | None = None
    executed: bool = False  # money moved (and not yet given back)


class SimulatedWallet:
    """The documented host rules over an in-memory ledger."""

    def __init__(self, mode: Mode = "accept", balance: int | None = None) -> None:
        if mode not in MODES:
            raise WalletSpecError(f"wallet: unknown mode {mode!r}")
        self.mode: Mode = mode
        self.balance = balance
        self.ledger: dict[str, LedgerEntry] = {}

    @classmethod
    def from_json(cls, value: Any) -> SimulatedWallet:
        """``"accept"`` | ``"refuse"`` | ``"none"`` | ``{"balance": N}`` (N minor units >= 0)."""
        if isinstance(value, str) and value in MODES:
            return cls(value)
        if isinstance(value, Mapping) and set(value) == {"balance"}:
            n = value["balance"]
            if isinstance(n, int) and not isinstance(n, bool) and 0 <= n <= 2**53 - 1:
                return cls("accept", n)
        raise WalletSpecError(
            f'wallet: must be "accept", "refuse", "none" or {{"balance": minor units}}, got {value!r}'
        )

    def to_json(self) -> Any:
        if self.balance is not None and self.mode == "accept":
            return {"balance": self.balance}
        return self.mode

    # -- the host rules ----------------------------------------------------
    def on_event(self, event: Mapping[str, Any]) -> Answer | None:
        """Handle one engine event; returns the answer to a ``deposit_requested`` (or None)."""
        if self.mode == "none":
            return None
        kind = event.get("type")
        if kind == "deposit_requested":
            return self._requested(str(event["deposit_id"]), str(event["goal"]), int(event["amount"]))
        if kind == "deposit_cancelled":
            self._cancelled(str(event["deposit_id"]), str(event["goal"]), int(event["amount"]))
        return None

    def _requested(self, deposit_id: str, goal: str, amount: int) -> Answer | None:
        entry = self.ledger.get(deposit_id)
        if entry is not None:
            if entry.state == "cancelled":
                return None
            if (entry.goal, entry.amount) != (goal, amount):
                return (False, "conflict")
            return (entry.state == "done", entry.reason)
        if self.mode == "refuse":
            entry = LedgerEntry(goal, amount, "refused", "refused")
        elif self.balance is not None and amount > self.balance:
            entry = LedgerEntry(goal, amount, "refused", "insufficient_balance")
        else:
            if self.balance is not None:
                self.balance -= amount
            entry = LedgerEntry(goal, amount, "done", executed=True)
        self.ledger[deposit_id] = entry
        return (entry.state == "done", entry.reason)

    def _cancelled(self, deposit_id: str, goal: str, amount: int) -> None:
        entry = self.ledger.get(deposit_id)
        if entry is None:
            self.ledger[deposit_id] = LedgerEntry(goal, amount, "cancelled")
            return
        if entry.executed:
            entry.executed = False
            if self.balance is not None:
                self.balance = saturate(self.balance + entry.amount)
        entry.state = "cancelled"

    # -- what moved ----------------------------------------------------------
    def net(self) -> dict[str, int]:
        """Goal -> money currently deposited (executed and not reversed)."""
        out: dict[str, int] = {}
        for entry in self.ledger.values():
            if entry.executed:
                out[entry.goal] = out.get(entry.goal, 0) + entry.amount
        return out

    def net_by_playthrough(self) -> dict[str, dict[str, int]]:
        """Playthrough id -> goal -> money deposited (the id's part before the first ':')."""
        out: dict[str, dict[str, int]] = {}
        for deposit_id, entry in self.ledger.items():
            if entry.executed:
                goals = out.setdefault(deposit_id.split(":", 1)[0], {})
                goals[entry.goal] = goals.get(entry.goal, 0) + entry.amount
        return out
