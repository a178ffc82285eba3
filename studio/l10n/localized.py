"""A project as a viewer of another locale sees it: every author text replaced by its translation.

:func:`localized` is what the studio's Play story plays to show a translation (the web player
does the same lookup per text: ``resources/player/dramatext.js``): a translation is used when one
is held for the locale and is not stale (its source text did not change since), else the source
text stays.  The copy's ``locale`` is the viewer's (money and the viewer's words follow it), and it
holds no translations or target locales of its own.  Ids, amounts, timing and structure are the
project's, so the engine plays the same story (``docs/engine-contract.md``, Translations).
"""

from __future__ import annotations

from typing import Any

from studio.model import Project
from studio.model.texts import is_stale, source_texts, translation_map


def translations_for(project: Project, locale: str) -> dict[str, str]:
    """key -> text of the usable (held, not stale) translations of ``locale``."""
    held = translation_map(project, locale)
    out: dict[str, str] = {}
    for src in source_texts(project):
        tr = held.get(src.key)
        if tr is not None and not is_stale(src, tr):
            out[src.key] = tr.text
    return out


def _set(data: dict[str, Any], key: str, text: str) -> None:
    parts = key.split("/")
    if parts == ["project", "title"]:
        data["title"] = text
        return
    kind, ident = parts[0], parts[1]
    if kind in ("goal", "product"):
        for item in data["goals" if kind == "goal" else "products"]:
            if item["id"] == ident:
                item["name"] = text
        return
    scene = next(s for s in data["scenes"] if s["id"] == ident)
    if len(parts) == 3:  # title, ending_title, ending_text
        scene[parts[2]] = text
        return
    item_kind, item_id, field = parts[2], parts[3], parts[4]
    items = scene["choice"]["options"] if item_kind == "option" else scene[f"{item_kind}s"]
    for item in items:
        if item["id"] == item_id:
            item[field] = text


def localized(project: Project, locale: str) -> Project:
    """``project`` in ``locale`` (the project itself for its own locale)."""
    if locale == project.locale:
        return project
    texts = translations_for(project, locale)
    data = project.model_dump()
    for key, text in texts.items():
        _set(data, key, text)
    data.update(locale=locale, target_locales=[], translations=[])
    return Project.model_validate(data)
