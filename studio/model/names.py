"""What a person calls the things of a project: titles, labels and names, not ids (Qt-free).

Ids are for files and references: a creator never typed most of them (``new_scene_2``,
``to_payday``, ``prompt_3``) and a renamed scene keeps its old one.  Whatever the studio shows
a person (undo texts, the Problems panel, the review's lists and report, messages) names a scene
by its title, an option by its label, a savings prompt by its text, a product tag by its product,
with placeholders filled; an id only where there is nothing else (a reference to something that
does not exist).  Names are written in curly quotes (“Payday”), ids in straight ones ('payday').

:func:`readable` rewrites a text made with ids (``scene 'payday' > prompt 'round_up' > at_ms``,
as :meth:`~studio.model.refs.Ref.where` writes them) into names, using the project and, for
things just deleted, the models an edit carried (``extra``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from studio.model.items import MediaAsset, Option, Product, ProductTag, SavingsGoal, SavingsPrompt, Scene
from studio.model.placeholders import fill, format_amount
from studio.model.project import Project

SHORT = 40  # longest author text quoted as a name
UNTITLED = "(untitled scene)"
Named = Scene | Option | SavingsPrompt | ProductTag | SavingsGoal | Product | MediaAsset
NAMED = (Scene, Option, SavingsPrompt, ProductTag, SavingsGoal, Product, MediaAsset)
_KIND_OF: dict[type[Any], str] = {
    Scene: "scene", Option: "option", SavingsPrompt: "prompt", ProductTag: "tag",
    SavingsGoal: "goal", Product: "product", MediaAsset: "media",
}
# ``kind 'id'`` as refs write it (an id has no quote or space), then an optional `` > field``
_REF = re.compile(r"\b(scene|option|prompt|tag|goal|product|media) '([A-Za-z0-9_][A-Za-z0-9_.\-]*)'")
_FIELD = re.compile(r" › ([a-z][a-z0-9_]*)\b(?! [“'])")
_SHOWN_KIND = {"prompt": "savings prompt", "tag": "product tag", "media": "clip"}


def named(text: str, limit: int = SHORT) -> str:
    """``text`` in curly quotes, on one line, shortened past ``limit``."""
    one = " ".join(text.split())
    return f"“{one if len(one) <= limit else one[: limit - 1] + '…'}”"


def money(project: Project, amount: int, currency: str | None = None) -> str:
    return format_amount(amount, currency or project.currency, project.locale)


def goal_name(project: Project, goal_id: str) -> str:
    goal = project.goal_map().get(goal_id)
    return goal.name if goal is not None else goal_id


def scene_title(project: Project, scene_id: str) -> str:
    """A scene's title (an unknown scene: its id, quoted)."""
    scene = project.scene_map().get(scene_id)
    if scene is None:
        return f"'{scene_id}'"
    return scene.title or UNTITLED


def option_label(project: Project, option: Option) -> str:
    """An option's label as the viewer reads it (its deposit's ``{amount}`` and ``{goal}`` filled)."""
    deposit = option.deposit
    if deposit is None:
        return fill(option.label, {})
    values = {"amount": money(project, deposit.amount), "goal": goal_name(project, deposit.goal)}
    return fill(option.label, values)


def prompt_words(project: Project, prompt: SavingsPrompt) -> str:
    values = {"amount": money(project, prompt.amount), "goal": goal_name(project, prompt.goal)}
    return fill(prompt.text, values)


def tag_product(project: Project, tag: ProductTag) -> str:
    product = project.product_map().get(tag.product)
    return product.name if product is not None else tag.product


def name_of(project: Project, thing: Named) -> str:
    """The name of one thing, quoted (“Payday”, “Save ¥50.00”, “Sneakers”)."""
    if isinstance(thing, Scene):
        return named(thing.title or UNTITLED)
    if isinstance(thing, Option):
        return named(option_label(project, thing) or "(unlabelled option)")
    if isinstance(thing, SavingsPrompt):
        return named(prompt_words(project, thing))
    if isinstance(thing, ProductTag):
        return named(tag_product(project, thing))
    if isinstance(thing, MediaAsset):
        return named(thing.path.rsplit("/", 1)[-1])
    return named(thing.name)


def _children(scene: Scene) -> Iterable[Named]:
    yield from scene.prompts
    yield from scene.tags
    if scene.choice is not None:
        yield from scene.choice.options


def _index(things: Iterable[Named]) -> dict[tuple[str, str, str], Named]:
    """(scene id or "", kind, id) -> thing; a scene's items also under ("", kind, id) when the id
    is used once."""
    out: dict[tuple[str, str, str], Named] = {}
    loose: dict[tuple[str, str], list[Named]] = {}
    for thing in things:
        kind = _KIND_OF[type(thing)]
        out[("", kind, thing.id)] = thing
        if isinstance(thing, Scene):
            for item in _children(thing):
                key = (_KIND_OF[type(item)], item.id)
                out[(thing.id, *key)] = item
                loose.setdefault(key, []).append(item)
    for (kind, ident), items in loose.items():
        if len(items) == 1:
            out.setdefault(("", kind, ident), items[0])
    return out


def models_in(value: Any, depth: int = 0) -> list[Named]:
    """The scenes, items and catalogue entries an edit (an op, a batch of them) carries."""
    if isinstance(value, NAMED):
        return [value]
    if depth > 6:
        return []
    if isinstance(value, (list, tuple)):
        return [m for v in value for m in models_in(v, depth + 1)]
    fields = getattr(value, "__dataclass_fields__", None)
    if fields is None:
        return []
    return [m for name in fields for m in models_in(getattr(value, name, None), depth + 1)]


def field_words(name: str) -> str:
    """A model field as words: ``in_ms`` -> ``in``, ``ending_kind`` -> ``ending kind``."""
    return name.removesuffix("_ms").replace("_", " ")


def readable(text: str, project: Project, extra: Iterable[Named] = ()) -> str:
    """``text`` with every ``kind 'id'`` named as a person knows it (unknown ids stay), and the
    field at the end of a ``>`` path in words (``scene “Payday” › in``)."""
    if "'" not in text:
        return text
    found = _index([*project.scenes, *project.goals, *project.products, *project.media])
    for key, thing in _index(extra).items():
        found.setdefault(key, thing)
    scene = ""

    def one(match: re.Match[str]) -> str:
        nonlocal scene
        kind, ident = match.group(1), match.group(2)
        thing = found.get((scene, kind, ident)) or found.get(("", kind, ident))
        if kind == "scene":
            scene = ident
        if thing is None:
            return match.group(0)
        return f"{_SHOWN_KIND.get(kind, kind)} {name_of(project, thing)}"

    out = _REF.sub(one, text)
    if out == text:
        return text
    return _FIELD.sub(lambda m: f" › {field_words(m.group(1))}", out.replace(" > ", " › "))
