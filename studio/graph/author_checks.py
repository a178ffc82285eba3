"""Checks on what a creator wrote and placed: author text, option labels, hotspots (warnings).

- **Placeholders** (``studio.model.placeholders``): an unknown name, a name with no value
  where it is written (``{amount}`` on an option without a deposit), a lone brace.
- **Written amounts** (defect 2): text that spells out money (``¥10.00``) different from its
  item's amount: a prompt's text against the prompt's amount, a deposit option's label
  against its deposit, a product tag's call to action against the product's price.  The
  placeholder (``{amount}``, ``{price}``) keeps the text right when the amount changes.
- **Unedited labels** (defect 5): an option still labelled with its target scene's title,
  which is what drawing a link gives it.
- **Hotspots under the player's chrome** (defect 8): more than half of an option's or a
  product tag's hotspot under the title bar or the choice dock (``studio.model.player_chrome``);
  the dock holds the scene's options without a hotspot (its height follows their number),
  and a tag counts it only when the tag shows during the scene's choice window.

Messages name the item by what the creator wrote (a label, a product's name) and the scene
by its title, in curly quotes (``studio.model.names``); the problem's ``scene`` and ``item``
still carry the ids.  Callers only hand
in items that might have a finding (cheap tests in ``scan``), so that plain scenes cost
nothing here.
"""

from __future__ import annotations

import re

from studio.graph.context import Context
from studio.model import Option, Problem, ProductTag, SavingsPrompt, Scene
from studio.model.names import named
from studio.model.placeholders import ALLOWED, format_amount, issues, literal_amounts
from studio.model.player_chrome import CHOICE_DOCK_NAME, TITLE_BAR, TITLE_BAR_NAME, dock_height, overlaps
from studio.model.types import Rect

__all__ = ["TITLE_BAR", "dock_top", "ending_findings", "money_like", "option_findings", "prompt_findings",
           "tag_findings"]

money_like = re.compile(r"[¥￥$€£₩₹元块圆円원]|[A-Z]{3}").search
"""Can ``text`` spell out an amount (the cheap test before ``literal_amounts``)?"""


def braces(text: str) -> bool:
    """Can ``text`` hold a placeholder or a lone brace?"""
    return "{" in text or "}" in text


def dock_share(s: Scene) -> float:
    """The height of the choice dock of ``s`` while its choice shows: its options without a
    hotspot are buttons in the dock (0 for a scene without options)."""
    c = s.choice
    return dock_height([o.hotspot for o in c.options].count(None)) if c is not None and c.options else 0.0


def _check_below(buttons: int) -> float:
    top = 1.0 - dock_height(buttons)
    # Both bands together cover more than half of a hotspot that neither does only when they
    # leave less than half of the frame between them (five buttons or more): check all.
    return top if top - TITLE_BAR >= 0.5 else 0.0


DOCK_TOPS = tuple(_check_below(k) for k in range(13))  # by buttons (a choice has at most 12)


def dock_top(options: int) -> float:
    """For a cheap test in the scan: a hotspot whose middle is neither above ``TITLE_BAR`` nor
    below this line (1.0: no dock) is not covered, for a scene with ``options`` options
    (whichever of them have a hotspot)."""
    return (DOCK_TOPS[options] if options <= 12 else DOCK_TOPS[12]) if options else 1.0


Finding = tuple[str, str]  # (code, message after the item's name)


def _placeholders(text: str, allowed: str, hint: str = "") -> list[Finding]:
    out = []
    for found in issues(text, ALLOWED[allowed]):
        message = found.message
        if hint and "has no value here" in message:
            message += hint
        out.append(("text-placeholder", ": " + message))
    return out


def _amounts(text: str, currency: str, amount: int, locale: str, means: str, placeholder: str
             ) -> list[Finding]:
    differing = sorted(set(literal_amounts(text, currency)) - {amount})
    if not differing:
        return []
    written = ", ".join(format_amount(a, currency, locale) for a in differing)
    return [("text-amount-differs",
             f" says {written} but {means} {format_amount(amount, currency, locale)}: "
             f"write {placeholder} to show the current amount")]


def _hotspot(rect: Rect, dock: float) -> list[Finding]:
    top, bottom = overlaps(rect, dock)
    if top + bottom <= 0.5:
        return []
    under = TITLE_BAR_NAME if top >= bottom else CHOICE_DOCK_NAME
    return [("hotspot-under-chrome",
             f": more than half of its hotspot is under {under}, where viewers cannot tap it")]


def _add(out: list[Problem], found: list[Finding], sid: str, item: str, what: str) -> None:
    out.extend(Problem("warning", code, what + tail, sid, item) for code, tail in found)


def option_findings(out: list[Problem], s: Scene, o: Option, ctx: Context) -> None:
    """Label and hotspot findings of option ``o`` of scene ``s``."""
    label, dep = o.label, o.deposit
    found: list[Finding] = []
    if label == ctx.titles.get(o.target):
        found.append(("option-label-unedited", " is still labelled with its target's title"))
    if braces(label):
        found += _placeholders(label, "option" if dep is not None else "option_plain",
                               "; only an option with a deposit has {amount} and {goal}")
    if dep is not None and money_like(label):
        found += _amounts(label, ctx.currency, dep.amount, ctx.locale, "it deposits", "{amount}")
    if o.hotspot is not None:
        found += _hotspot(o.hotspot, dock_share(s))
    if found:
        _add(out, found, s.id, f"option '{o.id}'", f"Option {named(label)} in {named(s.title)}")


def prompt_findings(out: list[Problem], s: Scene, p: SavingsPrompt, ctx: Context) -> None:
    """Placeholder and amount findings of the text of prompt ``p``."""
    text = p.text
    found = _placeholders(text, "prompt") if braces(text) else []
    if money_like(text):
        found += _amounts(text, ctx.currency, p.amount, ctx.locale, "the prompt saves", "{amount}")
    if found:
        _add(out, found, s.id, f"prompt '{p.id}'", f"Prompt text in {named(s.title)}")


def tag_findings(out: list[Problem], s: Scene, t: ProductTag, ctx: Context) -> None:
    """Call-to-action and hotspot findings of product tag ``t``."""
    product = ctx.products.get(t.product)
    cta = t.cta
    found = _placeholders(cta, "tag") if braces(cta) else []
    if product is not None and product.price is not None and money_like(cta):
        found += _amounts(cta, product.currency, product.price, ctx.locale, "the product costs", "{price}")
    c = s.choice
    shown = c is not None and t.start_ms < c.decision_ms and c.appear_ms < t.end_ms  # with the dock
    found += _hotspot(t.hotspot, dock_share(s) if shown else 0.0)
    if found:
        name = product.name if product is not None else t.product
        _add(out, found, s.id, f"tag '{t.id}'", f"Product tag {named(name)} in {named(s.title)}")


def ending_findings(out: list[Problem], s: Scene) -> None:
    """Placeholders in an ending's title and text (an ending has no amount to fill in)."""
    for text, what in ((s.ending_title, "Ending title"), (s.ending_text, "Ending text")):
        if text is not None and braces(text):
            _add(out, _placeholders(text, "ending"), s.id, "ending", f"{what} of {named(s.title)}")
