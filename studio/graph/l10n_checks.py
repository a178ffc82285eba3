"""Validation of a project's translations (``target_locales``, ``translations``; no Qt).

Run only for a project with target locales or translations (a one-language project costs
nothing).  Per target locale, in the order of ``target_locales`` and of the texts
(``studio.model.texts.source_texts``):

- ``l10n-missing`` (warning): texts with no translation, one finding per scene (and one for
  the title and the catalogue) listing them;
- ``l10n-stale`` (warning): the source text changed after it was translated;
- ``l10n-placeholders`` (error): a translation that drops or adds a placeholder of its source,
  or holds a brace or a placeholder its text may not use;
- ``l10n-too-long`` (warning): a translation wider than the player's budget for that kind
  of text (``texts.BUDGETS``);

and once per project: ``l10n-too-long`` for a source text over its budget,
``l10n-orphan`` (warning) for a translation whose text no longer exists, and
``l10n-not-target`` (warning) for translations held for a locale that is not a target.
"""

from __future__ import annotations

from studio.model import Problem, Project
from studio.model.checks import problem
from studio.model.messages import QT_TRANSLATE_NOOP
from studio.model.names import named
from studio.model.placeholders import issues, used
from studio.model.project import Translation
from studio.model.texts import SourceText, is_stale, source_texts, translation_map, width

_ITEM = {"option": "option", "prompt": "prompt", "tag": "tag"}
MISSING_LISTED = 3  # texts named in one "missing" finding (then "and N more")


def item_of(src: SourceText) -> str | None:
    """The Problem's ``item`` for a text: ``option 'save'``, ``goal 'trip'``, ``ending``..."""
    parts = src.key.split("/")
    if parts[0] in ("goal", "product"):
        return f"{parts[0]} '{parts[1]}'"
    if parts[0] == "scene" and len(parts) == 5:
        return f"{_ITEM[parts[2]]} '{parts[3]}'"
    if src.kind in ("ending_title", "ending_text"):
        return "ending"
    return None


def describe(src: SourceText) -> str:
    """What a person calls the text: ``Option “Save it” in “Payday”``."""
    where = f" in {named(src.scene_title)}" if src.scene_title is not None else ""
    kind = src.kind
    if kind == "option_label":
        return f"Option {named(src.text)}{where}"
    if kind == "prompt_text":
        return f"Prompt text{where}"
    if kind == "tag_cta":
        return f"Product tag call to action {named(src.text)}{where}"
    if kind == "scene_title":
        return f"Scene title {named(src.text)}"
    if kind == "ending_title":
        return f"Ending title{where}"
    if kind == "ending_text":
        return f"Ending text{where}"
    if kind == "goal_name":
        return f"Goal name {named(src.text)}"
    if kind == "product_name":
        return f"Product name {named(src.text)}"
    return f"The drama's title {named(src.text)}"


def _short(src: SourceText) -> str:
    parts = src.key.split("/")
    return " ".join(parts[2:]) if parts[0] == "scene" else "/".join(parts)


def _missing(out: list[Problem], locale: str, missing: list[SourceText]) -> None:
    by_scene: dict[str | None, list[SourceText]] = {}
    for src in missing:
        by_scene.setdefault(src.scene_id, []).append(src)
    for sid, texts in by_scene.items():
        listed = ", ".join(_short(t) for t in texts[:MISSING_LISTED])
        more = f" and {len(texts) - MISSING_LISTED} more" if len(texts) > MISSING_LISTED else ""
        values = {"count": len(texts), "locale": locale, "listed": listed + more}
        if sid is None:
            template = (QT_TRANSLATE_NOOP("Problems", "Title and catalogue: {count} text has no {locale} "
                                          "translation ({listed})") if len(texts) == 1 else
                        QT_TRANSLATE_NOOP("Problems", "Title and catalogue: {count} texts have no {locale} "
                                          "translation ({listed})"))
        else:
            values["title"] = named(texts[0].scene_title or "")
            template = (QT_TRANSLATE_NOOP("Problems", "Scene {title}: {count} text has no {locale} "
                                          "translation ({listed})") if len(texts) == 1 else
                        QT_TRANSLATE_NOOP("Problems", "Scene {title}: {count} texts have no {locale} "
                                          "translation ({listed})"))
        out.append(problem("warning", "l10n-missing", template, sid, None, **values))


def placeholder_problem(src: SourceText, text: str, locale: str) -> str | None:
    found = issues(text, src.allowed)
    if found:
        return f"the {locale} translation has {found[0].message}"
    dropped, added = used(src.text) - used(text), used(text) - used(src.text)
    if dropped or added:
        says = "; ".join(
            f"{verb} {', '.join('{' + n + '}' for n in sorted(names))}"
            for verb, names in (("drops", dropped), ("adds", added)) if names)
        return f"the {locale} translation {says} (it must use the placeholders of its source)"
    return None


def _too_long(src: SourceText, text: str) -> int | None:
    budget = src.budget
    columns = width(text)
    return columns if budget is not None and columns > budget else None


def l10n_checks(project: Project) -> list[Problem]:
    """Every translation finding of ``project`` (empty for a project with no translations)."""
    if not project.target_locales and not project.translations:
        return []
    out: list[Problem] = []
    sources = list(source_texts(project))
    for src in sources:
        columns = _too_long(src, src.text)
        if columns is not None:
            out.append(Problem("warning", "l10n-too-long", f"{describe(src)} is {columns} columns wide; "
                               f"the player fits {src.budget}", src.scene_id, item_of(src)))
    keys = {src.key for src in sources}
    for locale in project.target_locales:
        held = translation_map(project, locale)
        missing: list[SourceText] = []
        for src in sources:
            tr = held.get(src.key)
            if tr is None:
                missing.append(src)
                continue
            what, sid, item = describe(src), src.scene_id, item_of(src)
            if is_stale(src, tr):
                out.append(Problem("warning", "l10n-stale", f"{what}: the {locale} translation was made "
                                   "from an earlier text (translate it again)", sid, item))
            problem = placeholder_problem(src, tr.text, locale)
            if problem is not None:
                out.append(Problem("error", "l10n-placeholders", f"{what}: {problem}", sid, item))
            columns = _too_long(src, tr.text)
            if columns is not None:
                out.append(Problem("warning", "l10n-too-long", f"{what}: the {locale} translation is "
                                   f"{columns} columns wide; the player fits {src.budget}", sid, item))
        _missing(out, locale, missing)
    for group in project.translations:
        if group.locale not in project.target_locales:
            out.append(Problem("warning", "l10n-not-target", f"translations are held for {group.locale}, "
                               "which is not a target locale (add it or remove them)"))
            continue
        for tr in group.texts:
            if tr.key not in keys:
                out.append(Problem("warning", "l10n-orphan", f"the {group.locale} translation "
                                   f"{_orphan(project, tr)} has no source text any more "
                                   "(its item was removed)"))
    return out


def _orphan(project: Project, tr: Translation) -> str:
    """An orphan translation by its text and scene title while the scene exists (its key, made of
    ids, only when that is all there is)."""
    parts = tr.key.split("/")
    scene = project.scene_map().get(parts[1]) if parts[0] == "scene" and len(parts) > 2 else None
    return f"of {tr.key}" if scene is None else f"{named(tr.text)} in {named(scene.title)}"
