"""Which player a preview panel gets, and how a panel's player is let go.

:func:`default_player` makes the studio's player (a
:class:`~studio.ui.preview.switching.SwitchingPlayer` of two libVLC players) or says
in one line why libVLC is unusable; :func:`audio_wanted` decides whether it plays
sound; :func:`closer` closes a player once the panel showing it is gone.
"""

from __future__ import annotations

import contextlib
import os
import warnings
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from studio.app.playback.player import PlayerBackend
from studio.app.playback.sound_device import sound_output_problem
from studio.ui.preview.switching import SwitchingPlayer

__all__ = ["audio_wanted", "closer", "default_player", "silent_reason"]


def _audio_requested(audio: bool) -> bool:
    """Audio unless asked off, headless (``QT_QPA_PLATFORM=offscreen``, as in tests) or
    ``STUDIO_PREVIEW_AUDIO=0``."""
    if os.environ.get("STUDIO_PREVIEW_AUDIO") == "0":
        return False
    return audio and os.environ.get("QT_QPA_PLATFORM") != "offscreen"


def audio_wanted(audio: bool) -> bool:
    """Audio when requested (see above) and the machine has a sound device."""
    return _audio_requested(audio) and sound_output_problem() is None


def silent_reason(audio: bool) -> str | None:
    """Why a preview asked to play sound cannot on this machine (shown on its volume control)."""
    return sound_output_problem() if _audio_requested(audio) else None


def default_player(audio: bool = True) -> tuple[PlayerBackend | None, str]:
    """A switching libVLC player, or None and the one-line reason libVLC is unusable."""
    from studio.app.playback.vlc_player import VlcPlayer, vlc_problem

    audio = audio_wanted(audio)
    problem = vlc_problem()
    if problem:
        text = QCoreApplication.translate("PreviewPanel", "Preview unavailable: {problem}")
        return None, text.format(problem=problem)
    return SwitchingPlayer(lambda: VlcPlayer(audio=audio)), ""


def closer(player: PlayerBackend) -> Callable[..., None]:
    """Closes ``player`` once its panel is gone (its signals no longer reach the panel)."""

    def close(*_args: object) -> None:
        with warnings.catch_warnings():  # "nothing to disconnect" is fine here
            warnings.simplefilter("ignore", RuntimeWarning)
            for signal in (player.frame_ready, player.position_changed, player.state_changed,
                           player.reached_out_point, player.error):
                with contextlib.suppress(RuntimeError, TypeError):
                    signal.disconnect()
        player.close()

    return close
