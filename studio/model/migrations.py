"""Schema migrations: pure functions over raw dicts, run before validation.

Each step upgrades exactly one version (N -> N+1) and must accept any JSON
value where it expects an object or a list (it leaves what it does not
recognise to validation, which names it).  ``migrate(raw)`` applies
the chain up to ``SCHEMA_VERSION``.  Files whose ``min_reader_version`` is
newer than this build are refused by ``studio.model.io`` before migration.

History
-------
v0 (pre-release drafts): no ``format`` or ``min_reader_version``; the start
scene was ``start_scene``; an ending was ``"end": true`` on a scene; money
amounts on deposits were named ``amount_fen``.
v1: the first released schema.
v2: ``replay_deposits`` (whether a replay's deposits are real; v1 files had no
such choice and are migrated to ``false``, the default). Readers older than v2
would refuse the new key, so v2 files say ``min_reader_version: 2``.
v3: author text may hold placeholders (``{amount}``, ``{goal}``, ``{product}``, ``{price}``;
see ``studio.model.placeholders``); storyboard placeholder scenes (``placeholder``, no
``media``), ``next`` (continue automatically), ``ending_title``/``ending_text`` and
``show_amount`` on options.  The migration doubles the braces already in prompt texts,
option labels and tag CTAs (so they still read the same), then replaces the money and
names those texts spell out with the placeholders: a prompt's own amount (as the studio
wrote it: ``¥10.00``, or ``¥10`` for a whole amount) becomes ``{amount}`` and its goal's
name ``{goal}``; a deposit option's amount ``{amount}`` (the option then does not show the
amount a second time on its button); a tag's product price ``{price}``.  Other numbers
are left as written (validation warns when one differs from the item's amount).
v4: translations of the author text: ``target_locales`` and ``translations`` (both empty
when omitted, so a v3 file reads the same; see ``docs/localisation.md``).  Readers older
than v4 would refuse the new keys, so v4 files say ``min_reader_version: 4``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from studio.model.currency import MINOR_UNITS, format_money
from studio.model.placeholders import escape
from studio.model.project import FORMAT, SCHEMA_VERSION

Raw = dict[str, Any]
STEPS: dict[int, Callable[[Raw], Raw]] = {}


def step(from_version: int) -> Callable[[Callable[[Raw], Raw]], Callable[[Raw], Raw]]:
    """Register ``fn`` as the migration from ``from_version`` to the next."""

    def register(fn: Callable[[Raw], Raw]) -> Callable[[Raw], Raw]:
        if from_version in STEPS:
            raise RuntimeError(f"duplicate migration from v{from_version}")
        STEPS[from_version] = fn
        return fn

    return register


class MigrationError(ValueError):
    """A file that cannot be brought up to the current schema."""


@step(0)
def _v0_to_v1(raw: Raw) -> Raw:
    # Anything that is not the expected shape is passed on untouched: validation then names it
    # ("scene 3: Input should be a valid dictionary"), instead of the migration crashing on it.
    out = dict(raw)
    out["format"] = FORMAT
    out["min_reader_version"] = 1
    if "start_scene" in out:
        out["start"] = out.pop("start_scene")
    scenes = out.get("scenes")
    if isinstance(scenes, list):
        out["scenes"] = [_v0_scene(scene) for scene in scenes]
    return out


def _v0_scene(scene: Any) -> Any:
    if not isinstance(scene, dict):
        return scene
    scene = dict(scene)
    if "end" in scene:
        scene["ending"] = scene.pop("end")
    choice = scene.get("choice")
    if isinstance(choice, dict) and isinstance(choice.get("options"), list):
        choice = dict(choice)
        choice["options"] = [_v0_option(opt) for opt in choice["options"]]
        scene["choice"] = choice
    return scene


def _v0_option(opt: Any) -> Any:
    if not isinstance(opt, dict):
        return opt
    dep = opt.get("deposit")
    if isinstance(dep, dict) and "amount_fen" in dep:
        opt = dict(opt)
        dep = dict(dep)
        dep["amount"] = dep.pop("amount_fen")
        opt["deposit"] = dep
    return opt


@step(1)
def _v1_to_v2(raw: Raw) -> Raw:
    out = dict(raw)
    out.setdefault("replay_deposits", False)
    out["min_reader_version"] = 2
    return out


@step(2)
def _v2_to_v3(raw: Raw) -> Raw:
    out = dict(raw)
    out["min_reader_version"] = 3
    currency = out.get("currency", "CNY")
    currency = currency if isinstance(currency, str) else "CNY"
    goals = _names(out.get("goals"), "name")
    products = {
        str(p.get("id")): p for p in out.get("products", []) if isinstance(p, dict)
    } if isinstance(out.get("products"), list) else {}
    scenes = out.get("scenes")
    if isinstance(scenes, list):
        out["scenes"] = [_v2_scene(s, currency, goals, products) for s in scenes]
    return out


def _names(items: Any, key: str) -> dict[str, str]:
    if not isinstance(items, list):
        return {}
    return {
        str(item.get("id")): item[key]
        for item in items
        if isinstance(item, dict) and isinstance(item.get(key), str)
    }


def _amount(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else None


def _money_literal(amount: int, currency: str) -> re.Pattern[str]:
    """``¥200.00``, or ``¥200`` for a whole amount, not followed by more digits."""
    full = format_money(amount, currency)
    forms = [re.escape(full)]
    digits = MINOR_UNITS.get(currency, 2)
    if digits and amount % 10**digits == 0:
        forms.append(re.escape(full[: -(digits + 1)]) + r"(?!\.\d)")
    return re.compile("(?:" + "|".join(forms) + r")(?![\d,])")


def _templated(text: str, currency: str, amount: int | None, name: str | None,
               amount_key: str = "amount") -> str:
    out = escape(text)
    if amount is not None:
        out = _money_literal(amount, currency).sub("{" + amount_key + "}", out)
    if name and len(name) > 1:
        out = out.replace(escape(name), "{goal}")
    return out


def _v2_scene(scene: Any, currency: str, goals: dict[str, str], products: dict[str, Any]) -> Any:
    if not isinstance(scene, dict):
        return scene
    scene = dict(scene)
    if isinstance(scene.get("prompts"), list):
        scene["prompts"] = [_v2_prompt(p, currency, goals) for p in scene["prompts"]]
    if isinstance(scene.get("tags"), list):
        scene["tags"] = [_v2_tag(t, products) for t in scene["tags"]]
    choice = scene.get("choice")
    if isinstance(choice, dict) and isinstance(choice.get("options"), list):
        choice = dict(choice)
        choice["options"] = [_v2_option(o, currency) for o in choice["options"]]
        scene["choice"] = choice
    return scene


def _v2_prompt(prompt: Any, currency: str, goals: dict[str, str]) -> Any:
    if not isinstance(prompt, dict) or not isinstance(prompt.get("text"), str):
        return prompt
    prompt = dict(prompt)
    goal = goals.get(str(prompt.get("goal")))
    prompt["text"] = _templated(prompt["text"], currency, _amount(prompt.get("amount")), goal)
    return prompt


def _v2_option(option: Any, currency: str) -> Any:
    if not isinstance(option, dict) or not isinstance(option.get("label"), str):
        return option
    option = dict(option)
    deposit = option.get("deposit")
    amount = _amount(deposit.get("amount")) if isinstance(deposit, dict) else None
    label = _templated(option["label"], currency, amount, None)
    if "{amount}" in label:
        option["show_amount"] = False  # the label says it already
    option["label"] = label
    return option


def _v2_tag(tag: Any, products: dict[str, Any]) -> Any:
    if not isinstance(tag, dict) or not isinstance(tag.get("cta"), str):
        return tag
    tag = dict(tag)
    product = products.get(str(tag.get("product")), {})
    price = _amount(product.get("price"))
    currency = product.get("currency", "CNY")
    tag["cta"] = _templated(tag["cta"], currency if isinstance(currency, str) else "CNY", price, None,
                            amount_key="price")
    return tag


@step(3)
def _v3_to_v4(raw: Raw) -> Raw:
    out = dict(raw)
    out["min_reader_version"] = 4
    return out


@step(4)
def _v4_to_v5(raw: Raw) -> Raw:
    # v5 adds subtitles and dubs to scenes and audio files to the project (all optional).
    out = dict(raw)
    out["min_reader_version"] = 5
    return out


def migrate(raw: Raw) -> tuple[Raw, int]:
    """Return ``(raw upgraded to SCHEMA_VERSION, original version)``."""
    version = raw.get("schema_version", 0)
    if isinstance(version, bool) or not isinstance(version, int) or version < 0:
        raise MigrationError(f"schema_version {version!r} is not a non-negative integer")
    original = version
    if version >= SCHEMA_VERSION:
        return raw, original  # nothing to do: no copy (it costs ~40 ms per 1,000 scenes)
    # Each step copies what it changes (never the caller's dicts) and nothing recursive runs
    # here: nesting depth was bounded by the parser before (studio.model.strict_json).
    data = dict(raw)
    while version < SCHEMA_VERSION:
        fn = STEPS.get(version)
        if fn is None:
            raise MigrationError(f"no migration from schema v{version}")
        data = fn(data)
        version += 1
        data["schema_version"] = version
    return data, original
