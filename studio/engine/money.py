"""The playthrough's deposit records: identity, status, rewound deposits (contract "Money").

``DepositBook`` is plain bookkeeping with no events: the engine (``core.Core``)
asks it what to do and emits the contract's events.  Totals are kept
incrementally (``saved`` = confirmed, ``pending``), so conditions read them
without summing records.

A deposit is identified by ``<playthrough>:<visit>:<scene>:<source>:<item>``
(its *key*) plus a generation, the number of times a deposit with that key was
cancelled before in the playthrough.  ``back()`` moves the records made after
the restored decision to ``rewound``: they are revived when the story asks for
the same key again, or cancelled when the story can no longer ask for them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

from studio.engine.keys import sorted_keys
from studio.model.conditions import saturate

Status = Literal["pending", "confirmed", "refused"]
MAX_REASON = 200
PLAYTHROUGH_PATTERN = r"[A-Za-z0-9_-]{1,64}"


@dataclass
class Deposit:
    """One deposit record of the playthrough."""

    deposit_id: str
    key: str
    visit: int
    goal: str
    amount: int
    status: Status
    real: bool
    request: dict[str, Any] = field(default_factory=dict)  # the last deposit_requested JSON


def deposit_key(playthrough: str, visit: int, scene: str, source: str, item: str) -> str:
    return f"{playthrough}:{visit}:{scene}:{source}:{item}"


def clean_reason(reason: object) -> str | None:
    """The host's refusal reason as kept in events: a string cut to 200 characters, or None."""
    return reason[:MAX_REASON] if isinstance(reason, str) else None


class DepositBook:
    """Deposit records of one playthrough, the rewound ones and the running totals."""

    def __init__(self, goals: Iterable[str]) -> None:
        self.goals = tuple(goals)
        self.records: list[Deposit] = []
        # The pending records by id, in record order (an answer finds its deposit without a scan).
        self._pending_ids: dict[str, list[Deposit]] = {}
        self.rewound: list[Deposit] = []
        self.generation: dict[str, int] = {}
        self.saved: dict[str, int] = dict.fromkeys(self.goals, 0)
        self.pending: dict[str, int] = dict.fromkeys(self.goals, 0)

    # -- totals ----------------------------------------------------------
    def committed(self, goal: str) -> int:
        """Confirmed plus pending: what the cap is measured against."""
        return saturate(self.saved[goal] + self.pending[goal])

    def _count(self, rec: Deposit, sign: int) -> None:
        # Totals saturate at ±(2**53 - 1) exactly as in the web player (docs/engine-contract.md).
        if rec.status == "confirmed":
            self.saved[rec.goal] = saturate(self.saved[rec.goal] + sign * rec.amount)
        elif rec.status == "pending":
            self.pending[rec.goal] = saturate(self.pending[rec.goal] + sign * rec.amount)

    def sorted_saved(self) -> dict[str, int]:
        return {k: self.saved[k] for k in sorted_keys(self.saved)}

    def sorted_pending(self) -> dict[str, int]:
        return {k: self.pending[k] for k in sorted_keys(self.pending)}

    # -- records ---------------------------------------------------------
    def new_id(self, key: str) -> str:
        return f"{key}:{self.generation.get(key, 0)}"

    def add(self, rec: Deposit) -> None:
        self.records.append(rec)
        self._count(rec, 1)
        if rec.status == "pending":
            self._pending_ids.setdefault(rec.deposit_id, []).append(rec)

    def _unindex(self, rec: Deposit) -> None:
        same = self._pending_ids.get(rec.deposit_id, [])
        for k in range(len(same) - 1, -1, -1):
            if same[k] is rec:
                del same[k]
                break
        if not same:
            self._pending_ids.pop(rec.deposit_id, None)

    def take_rewound(self, key: str) -> Deposit | None:
        """Remove and return the rewound record with ``key`` (None if there is none)."""
        for i, rec in enumerate(self.rewound):
            if rec.key == key:
                return self.rewound.pop(i)
        return None

    def cancelled(self, rec: Deposit) -> None:
        """``rec`` (no longer in any list) was cancelled: its key gets a new generation."""
        self.generation[rec.key] = self.generation.get(rec.key, 0) + 1

    def settle(self, deposit_id: str, ok: bool) -> Deposit | None:
        """Apply the host's answer to the pending record ``deposit_id`` (None: nothing to do)."""
        same = self._pending_ids.get(deposit_id)
        if not same:
            return None
        rec = same.pop(0)  # the first such record in ``records`` (ids are unique in practice)
        if not same:
            del self._pending_ids[deposit_id]
        self._count(rec, -1)
        rec.status = "confirmed" if ok else "refused"
        self._count(rec, 1)
        return rec

    def rewind(self, length: int) -> None:
        """``back()``: records after ``length`` leave the list; real ones become rewound."""
        moved = self.records[length:]
        del self.records[length:]
        for rec in moved:
            if rec.status == "pending":
                self._unindex(rec)
            self._count(rec, -1)
            if rec.real:
                self.rewound.append(rec)

    def pop_rewound(self, max_visit: int | None = None) -> list[Deposit]:
        """Remove the rewound records with ``visit <= max_visit`` (all: None), in order.

        The caller cancels each (``cancelled``) as it emits its event."""
        if max_visit is None:
            out, self.rewound = self.rewound, []
        else:
            out = [r for r in self.rewound if r.visit <= max_visit]
            self.rewound = [r for r in self.rewound if r.visit > max_visit]
        return out

    def pop_rewound_options(self, visit: int, keep: str) -> list[Deposit]:
        """Remove the rewound option deposits of ``visit`` whose key is not ``keep``, in order."""
        def other(rec: Deposit) -> bool:
            return rec.visit == visit and rec.key != keep and rec.key.split(":")[3] == "option"

        out = [r for r in self.rewound if other(r)]
        if out:
            self.rewound = [r for r in self.rewound if not other(r)]
        return out

    def pending_requests(self) -> list[dict[str, Any]]:
        return [dict(r.request) for r in self.records if r.status == "pending"]
