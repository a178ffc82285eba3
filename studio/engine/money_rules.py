"""The contract's money rules as engine behaviour: requesting, answering, rewinding, cancelling.

``MoneyRules`` is mixed into ``core.Core``; it owns the playthrough's
``DepositBook`` and emits ``deposit_requested``, ``deposit_confirmed``,
``deposit_refused``, ``deposit_cancelled`` and ``deposit_simulated``.  A
synchronous wallet (``studio.engine.wallet``), when given, sees every
``deposit_requested`` and ``deposit_cancelled`` and its answer is applied at
once, right after the request.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

from studio.engine.events import Event, EventType
from studio.engine.money import Deposit, DepositBook, clean_reason, deposit_key

if TYPE_CHECKING:
    from studio.engine.schedule import CompiledScene
    from studio.model import Project, SavingsGoal


class Wallet(Protocol):
    """A synchronous host: sees events, may answer a ``deposit_requested`` with ``(ok, reason)``."""

    def on_event(self, event: dict[str, Any]) -> tuple[bool, str | None] | None: ...


class MoneyRules:
    """Deposit behaviour of the engine (see the contract's "Money")."""

    project: Project
    _goals: dict[str, SavingsGoal]
    _book: DepositBook
    _wallet: Wallet | None
    _playthrough: str
    _real: bool
    _path: list[str]
    _out: list[Event]

    @property
    def _scene(self) -> CompiledScene:
        raise NotImplementedError

    def _emit(self, event_type: EventType, /, **payload: Any) -> None:
        raise NotImplementedError

    def _tell_wallet(self) -> tuple[bool, str | None] | None:
        """Show the event just emitted to the wallet; its answer, if any."""
        if self._wallet is None:
            return None
        return self._wallet.on_event(self._out[-1].to_json())

    def _deposit(self, goal_id: str, requested: int, source: str, item: str) -> None:
        goal = self._goals[goal_id]
        book = self._book
        amount = requested
        if goal.cap is not None:
            amount = min(requested, goal.cap - book.committed(goal_id))
        if amount <= 0:
            return
        visit = len(self._path) - 1
        key = deposit_key(self._playthrough, visit, self._scene.id, source, item)
        fields = {"requested": requested, "currency": self.project.currency, "source": source, "item": item}
        if not self._real:
            rec = Deposit(book.new_id(key), key, visit, goal_id, amount, "confirmed", real=False)
            book.add(rec)
            self._emit("deposit_simulated", deposit_id=rec.deposit_id, goal=goal_id, amount=amount,
                       **fields, saved=book.saved[goal_id])
            return
        rec_or_none = book.take_rewound(key)
        if rec_or_none is not None and (rec_or_none.goal, rec_or_none.amount) == (goal_id, amount):
            rec = rec_or_none  # revived: the same deposit asked for again
            rec.status = "pending"
        else:
            if rec_or_none is not None:
                self._cancel_one(rec_or_none)
            rec = Deposit(book.new_id(key), key, visit, goal_id, amount, "pending", real=True)
        book.add(rec)
        self._emit("deposit_requested", deposit_id=rec.deposit_id, goal=goal_id, amount=amount,
                   **fields, total=book.committed(goal_id))
        rec.request = self._out[-1].to_json()
        answer = None if self._wallet is None else self._wallet.on_event(rec.request)
        if answer is not None:
            self._answer(rec.deposit_id, answer[0], answer[1])

    def _answer(self, deposit_id: str, ok: bool, reason: object) -> None:
        """The host's answer to ``deposit_id`` (ignored unless that deposit is pending)."""
        rec = self._book.settle(deposit_id, ok)
        if rec is None:
            return
        if ok:
            self._emit("deposit_confirmed", deposit_id=deposit_id, goal=rec.goal, amount=rec.amount,
                       saved=self._book.saved[rec.goal])
        else:
            self._emit("deposit_refused", deposit_id=deposit_id, goal=rec.goal, amount=rec.amount,
                       reason=clean_reason(reason))

    def _cancel_one(self, rec: Deposit) -> None:
        """``rec`` (taken out of the rewound list) is cancelled: event, wallet, next generation."""
        self._book.cancelled(rec)
        self._emit("deposit_cancelled", deposit_id=rec.deposit_id, goal=rec.goal, amount=rec.amount)
        self._tell_wallet()

    def _cancel_other_options(self, item: str) -> None:
        """An option of this visit's choice is taken: the other options' rewound deposits are dead."""
        if self._book.rewound:
            visit = len(self._path) - 1
            keep = deposit_key(self._playthrough, visit, self._scene.id, "option", item)
            for rec in self._book.pop_rewound_options(visit, keep):
                self._cancel_one(rec)

    def _cancel_rewound(self, max_visit: int | None = None) -> None:
        """Cancel the rewound deposits the story can no longer ask for (all: None)."""
        if self._book.rewound:
            for rec in self._book.pop_rewound(max_visit):
                self._cancel_one(rec)
