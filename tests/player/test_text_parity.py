"""resources/player/text.js fills author text as Python does (studio/model/placeholders.py).

In real headless Chromium: money through Intl.NumberFormat (ICU data) against Babel's CLDR data
(``format_amount``), placeholder filling against ``fill``, and a whole drama's prompts, options
(labels and "+amount" badges) and tag calls to action against the studio playthrough's own
functions (studio/app/playthrough_view.py) for the samples and the templates.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from pydantic_core import to_jsonable_python

from studio.app import playthrough_view
from studio.model import placeholders
from studio.model.project import Project
from studio.templates import TEMPLATES, build
from tests.player.conftest import Web
from tests.support import SAMPLES

pytestmark = pytest.mark.browser

CURRENCIES = ("CNY", "JPY", "USD", "KWD", "EUR")
LOCALES = ("zh-CN", "en", "ja", "de")
AMOUNTS = (0, 1, 5, 99, 100, 1250, 20000, 123456789, -1250, -5, 2**53 - 1)

# Babel does not apply CLDR's currencySpacing; format_amount adds the no-break space only next to an
# ASCII letter, while CLDR (and ICU) put it next to any symbol that does not end in a symbol
# character: Chromium writes "元\xa012.50" for CNY in Japanese, Python "元12.50".


@pytest.fixture(scope="module")
def text_page(browser: Any, web: Web) -> Iterator[Any]:
    """A blank page of the web root with generated/tables.js and text.js loaded."""
    context = browser.new_context()
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(f"{web.base}/blank.html")
    page.add_script_tag(url=f"{web.base}/player/generated/tables.js")
    page.add_script_tag(url=f"{web.base}/player/text.js")
    try:
        yield page
    finally:
        context.close()
    assert errors == []


def _pairs() -> list[Any]:
    out = []
    for currency in CURRENCIES:
        for locale in LOCALES:
            out.append(pytest.param(currency, locale, id=f"{currency}-{locale}"))
    return out


@pytest.mark.parametrize(("currency", "locale"), _pairs())
def test_money_matches_babel(text_page: Any, currency: str, locale: str) -> None:
    got = text_page.evaluate(
        "([amounts, c, l]) => amounts.map((a) => DramaText.formatAmount(a, c, l))",
        [list(AMOUNTS), currency, locale],
    )
    expected = [placeholders.format_amount(a, currency, locale) for a in AMOUNTS]
    assert got == expected


# Currencies whose CLDR digits (Babel's format_currency default) are fewer than their ISO 4217 minor
# units (MINOR_UNITS): both sides show every minor unit ("IDR 123.45"), never CLDR's rounding.
CLDR_FEWER_DIGITS = ("IDR", "HUF", "COP", "IQD")


@pytest.mark.parametrize("currency", CLDR_FEWER_DIGITS)
def test_money_keeps_every_minor_unit(text_page: Any, currency: str) -> None:
    got = text_page.evaluate("(c) => DramaText.formatAmount(12345, c, 'en')", currency)
    places = text_page.evaluate("(c) => DramaText.places(c)", currency)
    whole, _, frac = got.replace(",", "").rpartition(".")
    assert places >= 2 and frac == "12345"[-places:] and whole.endswith("12345"[:-places]), got


@pytest.mark.parametrize("currency", CLDR_FEWER_DIGITS)
def test_money_in_currencies_cldr_rounds(text_page: Any, currency: str) -> None:
    amounts = [12345, 1, 100]
    got = text_page.evaluate(
        "([amounts, c]) => amounts.map((a) => DramaText.formatAmount(a, c, 'en'))", [amounts, currency]
    )
    assert got == [placeholders.format_amount(a, currency, "en") for a in amounts]


def test_money_is_exact_and_falls_back_like_babel(text_page: Any) -> None:
    # Exact digits for the largest safe integer (no float division), and the minor-unit table.
    cases = [(2**53 - 1, "JPY", "en"), (2**53 - 1, "KWD", "en"), (2**53 - 1, "CNY", "zh-CN"),
             (10**15 + 1, "USD", "en"), (-(2**53 - 1), "EUR", "de"), (7, "BHD", "en"), (7, "CLP", "en")]
    # An unknown region falls back to its language, an unknown language to English.
    cases += [(1250, "CNY", "zh-XX"), (1250, "EUR", "de-ZZ"), (1250, "USD", "xx"), (1250, "USD", "")]
    got = text_page.evaluate(
        "(cases) => cases.map(([a, c, l]) => DramaText.formatAmount(a, c, l))", cases
    )
    assert got == [placeholders.format_amount(a, c, loc) for a, c, loc in cases]
    assert "90,071,992,547,409.91" in got[2]
    assert text_page.evaluate("DramaText.formatAmount(1.5, 'CNY', 'en')") == ""  # not minor units


FILL_TEXTS = [
    "Put {amount} towards {goal}?",
    "{{amount}} is literal, {amount} is not",
    "{{{amount}}}",
    "}}{{",
    "a lone { and a lone }",
    "{unknown} and {price} without a value",
    "{ amount }",
    "{}",
    "",
    "{goal}{goal}{amount}",
    "100% {product} at {price} {{sale}}",
    "$& $1 {amount}",  # no replacement-pattern surprises
]


def test_fill_matches_python(text_page: Any) -> None:
    values = {"amount": "¥20.00", "goal": "Trip $1 {x}", "product": "Tote", "price": "$&"}
    for subset in (values, {}, {"amount": values["amount"]}):
        got = text_page.evaluate("([texts, v]) => texts.map((t) => DramaText.fill(t, v))",
                                 [FILL_TEXTS, subset])
        assert got == [placeholders.fill(t, subset) for t in FILL_TEXTS], subset


def _projects() -> list[Any]:
    from studio.model import load

    out = [pytest.param(load(SAMPLES / name).project, id=name) for name in ("savings", "shoppable")]
    out += [pytest.param(build(kind), id=f"template-{kind}") for kind in TEMPLATES if build(kind).scenes]
    return out


def _localised(project: Project, locale: str, currency: str) -> Project:
    return project.model_copy(update={"locale": locale, "currency": currency})


@pytest.mark.parametrize("project", _projects())
@pytest.mark.parametrize(("locale", "currency"), [("zh-CN", "CNY"), ("de", "EUR"), ("en", "KWD")])
def test_drama_text_matches_studio_playthrough(text_page: Any, project: Project, locale: str,
                                               currency: str) -> None:
    p = _localised(project, locale, currency)
    drama = to_jsonable_python(p)
    options = [o for s in p.scenes if s.choice is not None for o in s.choice.options]
    prompts = [pr for s in p.scenes for pr in s.prompts]
    tags = [t for s in p.scenes for t in s.tags]
    assert options, "a drama with options"
    got = text_page.evaluate(
        """([drama, options, prompts, tags]) => {
             const f = new DramaText.Filler(drama);
             return {options: options.map((o) => f.option(o)), badges: options.map((o) => f.badge(o)),
                     prompts: prompts.map((p) => f.prompt(p)), tags: tags.map((t) => f.tag(t, 'unused'))};
           }""",
        [drama, to_jsonable_python(options), to_jsonable_python(prompts), to_jsonable_python(tags)],
    )
    assert got == {
        "options": [playthrough_view.option_text(p, o) for o in options],
        "badges": [playthrough_view.option_badge(p, o) or "" for o in options],
        "prompts": [playthrough_view.prompt_text(p, pr) for pr in prompts],
        "tags": [playthrough_view.tag_text(p, t) for t in tags],
    }


def test_the_compared_dramas_use_every_placeholder() -> None:
    """The drama comparison is not one of plain text only."""
    used: set[str] = set()
    for param in _projects():
        p = param.values[0]
        for s in p.scenes:
            used |= {n for o in (s.choice.options if s.choice else []) for n in placeholders.used(o.label)}
            used |= {n for pr in s.prompts for n in placeholders.used(pr.text)}
            used |= {n for t in s.tags for n in placeholders.used(t.cta)}
    assert {"amount", "goal", "product"} <= used, used
