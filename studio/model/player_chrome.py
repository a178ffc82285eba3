"""Where the web player's own chrome covers the video frame (Qt-free).

The player (``resources/player/index.html``, ``player.css``) lays two bands over the
stage, above the hotspot and product-tag layers (``.layer``, z-index 2), so a tap there
reaches the chrome, not the hotspot:

- the **title bar** (``header.topbar``, z-index 5) at the top: padding ``0.5em`` above and
  ``1.2em`` below (its gradient) around a row of icon buttons ``2.4em`` high, at least 44 px;
- the **choice dock** (``.dock``, z-index 4) at the bottom, while a choice is open: padding
  ``0.8em`` below; the countdown bar (6 px) and, ``0.5em`` apart, the option buttons (each at
  least 48 px: ``0.55em`` padding twice around one ``1.35`` line) ``0.45em`` apart.

The stage's ``em`` is ``clamp(13px, 4.1cqw, 19px)`` of its width.  The safe areas below
are measured on the smallest common phone stage, 360 x 640 CSS px (9:16 on a 360 px wide
screen), with a choice of two buttons in the dock: larger stages give slightly smaller
bands, more buttons a taller dock.  Coordinates are normalised like ``Rect``: 0..1 of the
frame's width and height, ``y`` down.

Rule for validation (``covered``): a hotspot is *covered* when more than half of its area
lies under the chrome; it is then named after the band covering more of it.  The dock's
height depends on the option buttons in it (``dock_height``): validation counts a scene's
options without a hotspot, and the dock only while its choice shows.
"""

from __future__ import annotations

from typing import Protocol

REFERENCE_STAGE = (360.0, 640.0)  # CSS px: a 9:16 stage on a 360 px wide phone
DOCK_BUTTONS = 2  # option buttons assumed in the choice dock

TITLE_BAR_NAME = "the player's title bar"
CHOICE_DOCK_NAME = "the player's choice dock"


class Box(Protocol):
    """What ``covered`` reads of a rectangle (``studio.model.types.Rect``)."""

    @property
    def x(self) -> float: ...

    @property
    def y(self) -> float: ...

    @property
    def w(self) -> float: ...

    @property
    def h(self) -> float: ...


def _em(width_px: float) -> float:
    return min(max(13.0, 0.041 * width_px), 19.0)  # .stage font-size: clamp(13px, 4.1cqw, 19px)


def bands(width_px: float, height_px: float, buttons: int = DOCK_BUTTONS) -> tuple[float, float]:
    """``(title bar height, choice dock height)`` as fractions of a stage of that size (CSS px)."""
    em = _em(width_px)
    top = 0.5 * em + max(2.4 * em, 44.0) + 1.2 * em  # .topbar padding + .icon-button
    button = max(48.0, 2 * 0.55 * em + 1.35 * em)  # .option: min-height, padding, line-height
    dock = 0.8 * em + 6.0  # .dock padding and the countdown
    if buttons > 0:  # (an empty list of buttons is hidden, and so is its gap)
        dock += 0.5 * em + buttons * button + (buttons - 1) * 0.45 * em
    return top / height_px, min(dock / height_px, 0.75)  # .dock max-height: 75%


TITLE_BAR, CHOICE_DOCK = bands(*REFERENCE_STAGE)
"""Heights of the two bands (fractions of the frame): the title bar covers ``y < TITLE_BAR``,
the choice dock ``y > 1 - CHOICE_DOCK`` (about 0.108 and 0.200)."""


def dock_height(buttons: int) -> float:
    """The choice dock's height (fraction of the frame) with ``buttons`` option buttons in it
    (options with a hotspot are drawn on the frame instead, not in the dock)."""
    return bands(*REFERENCE_STAGE, buttons=buttons)[1]


def overlaps(rect: Box, dock: float = CHOICE_DOCK) -> tuple[float, float]:
    """Fractions of ``rect``'s area under the title bar and under a choice dock ``dock`` high."""
    if rect.h <= 0:
        return 0.0, 0.0
    top = max(0.0, min(rect.y + rect.h, TITLE_BAR) - rect.y)
    bottom = max(0.0, rect.y + rect.h - max(rect.y, 1.0 - dock))
    return top / rect.h, bottom / rect.h  # the bands span the whole width


def covered(rect: Box, dock: float = CHOICE_DOCK) -> str | None:
    """Which chrome covers more than half of ``rect`` (``TITLE_BAR_NAME``/``CHOICE_DOCK_NAME``),
    or None when at least half of it stays tappable; ``dock``: the choice dock's height
    (``dock_height``; 0 when no choice shows)."""
    top, bottom = overlaps(rect, dock)
    if top + bottom <= 0.5:
        return None
    return TITLE_BAR_NAME if top >= bottom else CHOICE_DOCK_NAME
