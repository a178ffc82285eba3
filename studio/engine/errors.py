"""Engine errors: every message is one line naming the offending id."""

from __future__ import annotations


class EngineError(Exception):
    """Base class of the story engine's errors."""


class StartError(EngineError):
    """``start()`` got an unknown scene or variable, or a value of the wrong type."""


class InputError(EngineError):
    """A viewer input that is not possible now (no open choice/prompt, hidden tag...)."""


class InputListError(EngineError):
    """A malformed trace-runner input list (names the entry index and field)."""


class ZeroTimeLoopError(EngineError):
    """The project re-enters or restarts scenes endlessly without time passing."""
