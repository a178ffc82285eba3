"""Whether this machine has anywhere to play sound (Qt-free, no libVLC).

On a Linux machine without a sound server or card (a VM, a CI runner, a
remote desktop), libVLC's ALSA output fails on every audio buffer and
alsa-lib prints each failure to stderr: about 500 lines a second.  The
preview asks here first and plays silently instead, saying why.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path

NO_SOUND = "No sound device (no PulseAudio or PipeWire server, no ALSA card): the preview plays silently"


def sound_output_problem(env: Mapping[str, str] | None = None, root: Path = Path("/")) -> str | None:
    """Why sound cannot play here (one line), or None; only Linux is checked."""
    if not sys.platform.startswith("linux"):
        return None
    env = os.environ if env is None else env
    if env.get("PULSE_SERVER") or env.get("PIPEWIRE_REMOTE"):
        return None
    runtime = env.get("XDG_RUNTIME_DIR")
    if runtime and any((Path(runtime) / name).exists() for name in ("pulse/native", "pipewire-0")):
        return None
    try:
        cards = (root / "proc" / "asound" / "cards").read_text("utf-8", errors="replace")
    except OSError:
        cards = ""
    if cards.strip() and "no soundcards" not in cards:
        return None
    return NO_SOUND
