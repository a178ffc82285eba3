"""The player's chrome bands (studio.model.player_chrome) match player.css and cover hotspots."""

from __future__ import annotations

import re

import pytest

from studio.model import player_chrome as chrome
from studio.model.types import Rect
from tests.graph.helpers import ROOT

CSS = (ROOT / "resources" / "player" / "player.css").read_text(encoding="utf-8")


def rule(selector: str) -> str:
    found = re.search(r"(?m)^" + re.escape(selector) + r" \{([^}]*)\}", CSS)
    assert found is not None, selector
    return found.group(1)


def test_the_numbers_are_the_stylesheets() -> None:
    """If the player's chrome changes size, the safe areas must be measured again."""
    assert "font-size: clamp(13px, 4.1cqw, 19px)" in rule(".stage")
    assert "padding: 0.5em 0.5em 1.2em" in rule(".topbar") and "top: 0" in rule(".topbar")
    icon = rule(".icon-button")
    assert "height: 2.4em" in icon and "min-height: 44px" in icon
    dock = rule(".dock")
    assert "bottom: 0" in dock and "padding: 0 0.7em 0.8em" in dock
    assert "gap: 0.5em" in rule(".choice") and "height: 6px" in rule(".countdown")
    assert "gap: 0.45em" in rule(".options")
    option = rule(".option")
    assert "min-height: 48px" in option and "padding: 0.55em 0.8em" in option
    assert "line-height: 1.35" in rule(".stage")
    # both bands lie above the hotspot and tag layers
    assert "z-index: 2" in rule(".layer")
    assert "z-index: 5" in rule(".topbar") and "z-index: 4" in dock


def test_reference_bands() -> None:
    # 360 px wide stage: em = 14.76 px; 7.38 + 44 + 17.712 px of 640
    em = 14.76
    expected = ((0.5 + 1.2) * em + 44) / 640, (0.8 * em + 6 + 0.5 * em + 2 * 48 + 0.45 * em) / 640
    assert pytest.approx(expected) == (chrome.TITLE_BAR, chrome.CHOICE_DOCK)
    assert 0.1 < chrome.TITLE_BAR < 0.11 and 0.19 < chrome.CHOICE_DOCK < 0.21
    # a large stage (em clamped at 19 px, buttons taller than their minimum) has smaller bands
    top, dock = chrome.bands(720, 1280, buttons=3)
    assert top < chrome.TITLE_BAR and dock < chrome.CHOICE_DOCK


def test_the_dock_grows_with_its_buttons() -> None:
    em = 14.76
    assert chrome.dock_height(0) == pytest.approx((0.8 * em + 6) / 640)  # the countdown alone
    assert chrome.dock_height(1) == pytest.approx((0.8 * em + 6 + 0.5 * em + 48) / 640)
    assert chrome.dock_height(2) == chrome.CHOICE_DOCK
    heights = [chrome.dock_height(k) for k in range(13)]
    assert heights == sorted(heights) and heights[-1] == 0.75  # .dock max-height: 75%
    low = Rect(x=0.0, y=0.7, w=0.5, h=0.3)
    assert chrome.covered(low, chrome.dock_height(1)) is None  # 0.114 of 0.3
    assert chrome.covered(low, chrome.dock_height(2)) == chrome.CHOICE_DOCK_NAME  # 0.2 of 0.3
    assert chrome.covered(low, 0.0) is None


@pytest.mark.parametrize(("rect", "expected"), [
    (Rect(x=0.1, y=0.0, w=0.3, h=0.1), chrome.TITLE_BAR_NAME),  # wholly under the title bar
    (Rect(x=0.1, y=0.02, w=0.3, h=0.12), chrome.TITLE_BAR_NAME),  # 0.088 of 0.12 under it
    (Rect(x=0.1, y=0.05, w=0.3, h=0.2), None),  # about 0.058 of 0.2: mostly tappable
    (Rect(x=0.1, y=0.4, w=0.3, h=0.2), None),
    (Rect(x=0.0, y=0.85, w=1.0, h=0.15), chrome.CHOICE_DOCK_NAME),
    (Rect(x=0.0, y=0.7, w=1.0, h=0.2), None),  # 0.1 of 0.2: exactly half is not more than half
    (Rect(x=0.0, y=0.0, w=1.0, h=1.0), None),  # the whole frame: 0.31 under chrome
])
def test_covered_when_more_than_half_is_under_chrome(rect: Rect, expected: str | None) -> None:
    assert chrome.covered(rect) == expected


def test_overlaps_of_a_hotspot_under_both_bands() -> None:
    """(Both bands together cover 0.31 of the frame: a hotspot under both is never covered.)"""
    r = Rect.model_construct(x=0.0, y=0.0, w=1.0, h=1.0)
    top, bottom = chrome.overlaps(r)
    assert top == pytest.approx(chrome.TITLE_BAR) and bottom == pytest.approx(chrome.CHOICE_DOCK)
    assert chrome.overlaps(Rect.model_construct(x=0.0, y=0.5, w=0.1, h=0.0)) == (0.0, 0.0)
