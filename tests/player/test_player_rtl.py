"""Right-to-left author text in the web player: every piece of author text takes its own direction
(dir="auto"), so an Arabic option or a Hebrew prompt in a Chinese drama reads right to left while
the Chinese around it stays left to right (docs/localisation-player.md)."""

from __future__ import annotations

from typing import Any

import pytest

from studio.model import load_project
from tests.player.conftest import Web
from tests.player.playthrough import TIMEOUT_MS, open_player
from tests.player.test_player_drama_text import _serve, kits  # noqa: F401 (a fixture)
from tests.support import SAMPLES

pytestmark = pytest.mark.browser

ARABIC = "اشترِ الهاتف الجديد"
HEBREW = "לחסוך {amount} לטיול?"


def _direction(page: Any, selector: str) -> str:
    return str(page.evaluate("(s) => document.querySelector(s).matches(':dir(rtl)') ? 'rtl' : 'ltr'",
                             selector))


def test_author_text_takes_its_own_direction(kits: Any, web: Web) -> None:  # noqa: F811
    project = load_project(SAMPLES / "savings")
    payday = project.scene_map()["payday"]
    assert payday.choice is not None
    payday.choice.options[1].label = ARABIC
    payday.prompts[0].text = HEBREW
    project.target_locales, project.translations = [], []
    url = _serve(web, "rtl", project)
    page = open_player(kits("zh-CN"), url, rate=8, timers="off")
    page.locator("#prompt").wait_for(state="visible", timeout=TIMEOUT_MS)
    assert _direction(page, "#prompt-text") == "rtl"
    assert _direction(page, "#prompt-goal") == "ltr"  # 云南梦想之旅
    assert _direction(page, "#title") == "ltr"
    page.locator("#prompt-accept").click()
    spend = page.locator('[data-option="spend"] .option-label')
    spend.wait_for(state="visible", timeout=TIMEOUT_MS)
    assert spend.text_content() == ARABIC
    assert _direction(page, '[data-option="spend"] .option-label') == "rtl"
    assert _direction(page, '[data-option="save"] .option-label') == "ltr"
    assert page.evaluate("document.documentElement.dir") in ("", "ltr")  # the page stays Chinese
