"""The engine's playthrough bookkeeping records: the open choice, the state a ``back()``
returns to, and what a visit of a scene has done so far (used by ``core.Core``)."""

from __future__ import annotations

from dataclasses import dataclass, field

from studio.model import Option, SavingsPrompt

Value = int | bool | str


@dataclass
class OpenChoice:
    """The choice currently on screen: its visible options and timing state."""

    options: tuple[Option, ...]
    shown_clock: int
    timeout_ms: int | None
    pause: str | None = None  # paused_for_choice reason holding playback
    ext_clock: int | None = None  # clock at which an extended deadline applies


@dataclass(frozen=True)
class Snapshot:
    """The state at a ``choice_shown``, restored by ``back()``."""

    scene: str
    t: int
    variables: dict[str, Value]
    deposits_len: int
    answered_len: int  # length of ``Core._answer_log`` then (what ``back()`` rewinds to)
    path_len: int
    prompts_seen: frozenset[str]
    tags_seen: frozenset[str]
    tags_visible: frozenset[str]
    option_ids: tuple[str, ...]


@dataclass
class Visit:
    """Per-visit (prompts) and per-pass (tags, choice, end) bookkeeping of a scene."""

    prompts_seen: set[str] = field(default_factory=set)
    open_prompts: list[SavingsPrompt] = field(default_factory=list)
    tags_seen: set[str] = field(default_factory=set)
    tags_visible: set[str] = field(default_factory=set)
    choice_done: bool = False
    deadline_done: bool = False
    end_done: bool = False
    taken: Option | None = None

    def new_pass(self) -> None:
        self.tags_seen = set()
        self.tags_visible = set()
        self.choice_done = self.deadline_done = self.end_done = False
        self.taken = None
