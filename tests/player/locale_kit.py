"""Phone-sized pages in browser contexts of a chosen locale, for the localisation tests.

``LocaleKit`` collects page errors and console errors in ``errors``; ``kit_factory`` is the body of
a ``kits`` fixture: ``make(locale)`` opens one, and every one is closed afterwards."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from tests.player.conftest import PHONE, PageKit, PageProblems


class LocaleKit(PageKit):
    """A page of a new context in ``locale`` (None: Playwright's en-US) with ``scripts`` run first."""

    def __init__(self, browser: Any, locale: str | None, scripts: Sequence[str] = (), scale: int = 1) -> None:
        options: dict[str, Any] = {"viewport": PHONE, "device_scale_factor": scale}
        if locale is not None:
            options["locale"] = locale
        context = browser.new_context(**options)
        super().__init__(context.new_page(), PageProblems(), context)
        self.errors = self.problems.errors
        self.page.on("pageerror", lambda exc: self.errors.append(f"pageerror: {exc}"))
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        for script in scripts:
            self.page.add_init_script(script)


@contextmanager
def kit_factory(
    browser: Any, scripts: Sequence[str] = (), scale: int = 1
) -> Iterator[Callable[..., LocaleKit]]:
    made: list[LocaleKit] = []

    def make(locale: str | None = None) -> LocaleKit:
        kit = LocaleKit(browser, locale, scripts, scale)
        made.append(kit)
        return kit

    try:
        yield make
    finally:
        for kit in made:
            kit.context.close()
