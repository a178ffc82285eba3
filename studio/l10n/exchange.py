"""``studio l10n export`` / ``import``: a project's author text to and from a translator's PO file.

Export writes one unit per viewer-facing text (``studio.model.texts``) with the translation
held for the locale, if any, marked ``fuzzy`` when it is stale.  Import is atomic: it reads
the whole file, refuses it at the first unit that cannot be applied (one line naming the unit,
nothing written), applies every unit, validates the project and saves it once through
``studio.model.save``; a file that changes nothing writes nothing (``drama.json`` stays
byte-identical).  The rules are in ``docs/localisation.md``.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from studio.graph.l10n_checks import placeholder_problem
from studio.l10n.po import Catalogue, PoError, Unit, read, render
from studio.model import Project, ProjectError, load, save
from studio.model.atomic import atomic_write_bytes
from studio.model.project import LocaleTranslations, Translation
from studio.model.texts import (
    KIND_NAMES,
    PLACEHOLDER_COLUMNS,
    SourceText,
    is_stale,
    source_texts,
    translation_map,
)
from studio.model.types import _LOCALE

UNREVIEWED = "0" * 64  # the source_sha of a translation imported still marked fuzzy: always stale


class ExchangeError(ValueError):
    """An export or import refused (one line; nothing written)."""


def _placeholders(src: SourceText) -> str:
    if not src.allowed:
        return "Placeholders: none here ({{ and }} are literal braces)"
    names = ", ".join("{" + n + "}" for n in sorted(src.allowed))
    return f"Placeholders: {names} may be used; keep exactly those of the source ({{{{ and }}}} are braces)"


def _notes(src: SourceText, stale: bool) -> tuple[str, ...]:
    notes = [f"Scene: {src.scene_title} ({src.scene_id})"] if src.scene_id is not None else []
    notes += [f"Item: {KIND_NAMES[src.kind]}", _placeholders(src)]
    if src.budget is not None:
        notes.append(f"Limit: {src.budget} columns (a CJK character counts 2, a placeholder "
                     f"{PLACEHOLDER_COLUMNS})")
    if stale:
        notes.append("Stale: the source changed after this was translated; check the translation, "
                     "then remove the fuzzy mark")
    return tuple(notes)


def _check_locale(project: Project, locale: str) -> None:
    if not re.fullmatch(_LOCALE, locale):
        raise ExchangeError(f"{locale!r} is not a locale (a BCP 47 tag such as en or pt-BR)")
    if locale == project.locale:
        raise ExchangeError(f"{locale} is the project's source locale: there is nothing to translate into")


def catalogue(project: Project, locale: str) -> Catalogue:
    """The units of ``project`` for ``locale``: every source text with its held translation."""
    _check_locale(project, locale)
    held = translation_map(project, locale)
    units = []
    for src in source_texts(project):
        tr = held.get(src.key)
        stale = tr is not None and is_stale(src, tr)
        units.append(Unit(src.key, src.text, tr.text if tr is not None else "", _notes(src, stale),
                          stale, bool(src.allowed), src.budget))
    return Catalogue(locale, project.locale, project.title, tuple(units))


def export(project_path: str | os.PathLike[str], locale: str, out: str | os.PathLike[str]) -> int:
    """Write the PO file of ``locale`` for the project at ``project_path``; returns the unit count."""
    project = load(project_path).project
    cat = catalogue(project, locale)
    try:
        atomic_write_bytes(out, render(cat).encode("utf-8"))
    except OSError as exc:
        raise ExchangeError(f"{os.fspath(out)}: not written ({exc.strerror or exc})") from None
    return len(cat.units)


@dataclass(frozen=True, slots=True)
class Imported:
    """What an import did."""

    locale: str
    changed: int  # translations added or replaced
    unchanged: int
    empty: int  # units with no translation (nothing held changes)
    written: Path | None  # the project file, None when nothing changed


def _refuse(name: str, unit: Unit, why: str) -> ExchangeError:
    return ExchangeError(f"{name}: unit {unit.key!r} (line {unit.line}): {why}; nothing was imported")


def _apply(name: str, project: Project, cat: Catalogue) -> tuple[list[Translation], int, int]:
    """The locale's translations after the file (in source order, then kept orphans), changed, empty."""
    sources = {src.key: src for src in source_texts(project)}
    held = translation_map(project, cat.locale)
    new: dict[str, Translation] = {}
    changed = empty = 0
    for unit in cat.units:
        src = sources.get(unit.key)
        if src is None:
            raise _refuse(name, unit, "the project has no such text (unknown key)")
        if unit.source != src.text:
            raise _refuse(name, unit, "its source text is not the project's any more (stale: export again)")
        if not unit.translation:
            empty += 1
            continue
        problem = placeholder_problem(src, unit.translation, cat.locale)
        if problem is not None:
            raise _refuse(name, unit, problem)
        before = held.get(unit.key)
        if unit.fuzzy:
            if before is not None and before.text == unit.translation:
                continue
            sha = before.source_sha if before is not None else UNREVIEWED
        else:
            sha = src.sha
        tr = Translation(key=unit.key, text=unit.translation, source_sha=sha)
        if tr != before:
            new[unit.key] = tr
            changed += 1
    merged = {**held, **new}
    ordered = [merged.pop(key) for key in sources if key in merged]
    return ordered + list(merged.values()), changed, empty


def import_file(project_path: str | os.PathLike[str], po_path: str | os.PathLike[str]) -> Imported:
    """Apply the PO file ``po_path`` to the project at ``project_path`` (all of it, or nothing)."""
    loaded = load(project_path)
    project = loaded.project
    name = os.fspath(po_path)
    try:
        cat = read(po_path)
    except PoError as exc:
        raise ExchangeError(f"{exc}; nothing was imported") from None
    if cat.source_locale != project.locale:
        raise ExchangeError(f"{name}: the file translates from {cat.source_locale}, the project is written "
                            f"in {project.locale}; nothing was imported")
    try:
        _check_locale(project, cat.locale)
    except ExchangeError as exc:
        raise ExchangeError(f"{name}: the file's locale: {exc}; nothing was imported") from None
    texts, changed, empty = _apply(name, project, cat)
    unchanged = len(cat.units) - changed - empty
    if not changed:
        return Imported(cat.locale, 0, unchanged, empty, None)
    group = LocaleTranslations(locale=cat.locale, texts=texts)
    groups = [group if g.locale == cat.locale else g for g in project.translations]
    if project.translations_of(cat.locale) is None:
        groups.append(group)
    data = project.model_dump(mode="python")
    data["translations"] = [g.model_dump(mode="python") for g in groups]
    if cat.locale not in project.target_locales:
        data["target_locales"] = [*project.target_locales, cat.locale]
    try:
        fresh = Project.model_validate(data)
    except ValidationError as exc:  # pragma: no cover - every unit was checked above
        raise ExchangeError(f"{name}: the translations do not validate ({exc.errors()[0]['msg']}); "
                            "nothing was imported") from None
    try:
        written = save(fresh, loaded.path)
    except ProjectError as exc:
        raise ExchangeError(str(exc)) from None
    return Imported(cat.locale, changed, unchanged, empty, written)
