"""Author text is data, never markup: HTML/script payloads render as literal text.

The XSS drama puts ``<img src=x onerror=alert(1)><script>...</script>`` in the
title, goal, product name/SKU/CTA, prompt text and option labels, and gives
the product a ``javascript:`` URL (the player must not link it).
"""

from __future__ import annotations

import re

import pytest

from studio.bundle.export import PLAYER_DIR
from tests.player.conftest import PageKit, Web
from tests.player.dramas import PAYLOAD
from tests.player.playthrough import TIMEOUT_MS, open_player, wait_event
from tests.player.support import SHOTS_DIR

pytestmark = pytest.mark.browser

# The player's own <script src> tags; nothing from the bundle may add one.
PLAYER_SCRIPTS = len(re.findall(r"<script src=", (PLAYER_DIR / "index.html").read_text("utf-8")))


def test_payloads_render_as_text(phone: PageKit, web: Web) -> None:
    page = open_player(phone, f"{web.base}/xss/player/index.html")
    assert page.title() == "Title " + PAYLOAD
    assert page.locator("#title").text_content() == "Title " + PAYLOAD

    page.locator("#prompt").wait_for(state="visible", timeout=TIMEOUT_MS)
    assert page.locator("#prompt-text").text_content() == "Prompt " + PAYLOAD
    assert page.locator("#prompt-goal").text_content() == "Goal " + PAYLOAD
    assert page.locator("#prompt-amount").text_content() == "¥500"  # JPY: no decimals
    page.screenshot(path=f"{SHOTS_DIR}/xss-prompt.png")
    page.locator("#prompt-decline").click()

    chip = page.locator('[data-tag="t"]')
    chip.wait_for(state="visible", timeout=TIMEOUT_MS)
    assert chip.get_attribute("aria-label") == f"Buy {PAYLOAD}: Product {PAYLOAD}"
    chip.click()
    page.locator("#product").wait_for(state="visible", timeout=TIMEOUT_MS)
    assert page.locator("#product-name").text_content() == "Product " + PAYLOAD
    assert page.locator("#product-sku").text_content() == "SKU SKU " + PAYLOAD
    assert page.locator("#product-price").text_content() == "¥12,800"
    link = page.locator("#product-link")
    assert link.is_hidden()  # javascript: is never linked
    assert link.get_attribute("href") is None
    page.keyboard.press("Escape")

    option = page.locator('[data-option="a"]')
    option.wait_for(state="visible", timeout=TIMEOUT_MS)
    page.screenshot(path=f"{SHOTS_DIR}/xss-choice.png")
    clipped = page.evaluate(
        """() => [...document.querySelectorAll('.option')].filter(
             (b) => b.scrollWidth > b.clientWidth + 1 || b.scrollHeight > b.clientHeight + 1).length"""
    )
    assert clipped == 0  # long labels grow their button instead of being cut
    labels = page.locator(".option-label").all_text_contents()
    assert sorted(labels) == sorted(["Option " + PAYLOAD, "Other " + PAYLOAD])
    page.locator('[data-option="b"]').click()
    page.locator("#ending").wait_for(state="visible", timeout=TIMEOUT_MS)
    assert page.locator(".saved-name").text_content() == "Goal " + PAYLOAD
    wait_event(page, "ending_reached")

    counts = page.evaluate(
        """() => ({
          img: document.querySelectorAll('img:not(#product-image)').length,
          productImageSrc: document.getElementById('product-image').getAttribute('src'),
          scripts: document.scripts.length,
          inlineScripts: Array.from(document.scripts).filter((s) => !s.src).length,
        })"""
    )
    assert counts == {"img": 0, "productImageSrc": None, "scripts": PLAYER_SCRIPTS,
                      "inlineScripts": 0}
    assert phone.problems.dialogs == []
    assert phone.problems.errors == []


def test_csp_meta_is_strict(phone: PageKit, web: Web) -> None:
    page = open_player(phone, f"{web.base}/savings/player/index.html")
    csp = page.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content")
    assert csp is not None
    directives = {d.split()[0]: d.split()[1:] for d in csp.split(";") if d.strip()}
    assert directives["default-src"] == ["'none'"]
    assert directives["script-src"] == ["'self'"]
    assert directives["style-src"] == ["'self'"]
    assert directives["media-src"] == ["'self'", "blob:"]
    assert directives["connect-src"] == ["'self'"]
    assert directives["base-uri"] == ["'none'"]
    assert directives["form-action"] == ["'none'"]
    # The CSP is enforced: an inline script injected by the page's own DOM does not run.
    ran = page.evaluate(
        """() => { window.__ran = false; const s = document.createElement('script');
                   s.textContent = 'window.__ran = true'; document.body.append(s);
                   return window.__ran; }"""
    )
    assert ran is False
    phone.problems.errors = [e for e in phone.problems.errors if "Content Security Policy" not in e]
    assert phone.problems.errors == []
