"""Every piece of viewer-facing author text of a project, by a stable key (Qt-free).

Translations (``Project.translations``) refer to author text by a *text key* made of ids, so
a key survives edits of the text itself and a new scene order::

    project/title
    goal/<goal>/name                      product/<product>/name
    scene/<scene>/title                   scene/<scene>/ending_title    scene/<scene>/ending_text
    scene/<scene>/option/<option>/label   scene/<scene>/prompt/<prompt>/text
    scene/<scene>/tag/<tag>/cta

Ids hold no ``/``, so a key names exactly one text.  Each :class:`SourceText` carries what a
translator needs beside the text: the scene it is in (by title), the kind of item, the
placeholders that text may use (``studio.model.placeholders.ALLOWED``) and the player's
character budget for it (``BUDGETS``; measured by :func:`width`).  A translation records the
:func:`source_sha` of the text it was made from: when the source changes, it is *stale*.
``docs/localisation.md`` describes all of it.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from studio.model.placeholders import _TOKEN, ALLOWED, NAMES
from studio.model.project import Project, Translation

# The player's character budgets, in columns (a CJK character counts two, see ``width``), per
# kind of text; None: no limit (the text wraps on a card).  Estimated for the 9:16 web player
# at 390 px wide (an iPhone 12-15; resources/player/player.css: 16 px bold text): an option
# button holds ~32 columns on one line beside its key hint, a product tag's pill ~14, a title
# bar or an ending card's title ~40, a savings prompt card three lines of ~30.  Longer text
# still shows (it wraps onto more lines and covers more of the video): the budget is a warning.
BUDGETS: dict[str, int | None] = {
    "project_title": 40,
    "scene_title": 40,
    "option_label": 32,
    "prompt_text": 90,
    "tag_cta": 14,
    "ending_title": 40,
    "ending_text": None,
    "goal_name": 24,
    "product_name": 32,
}
# A placeholder is measured as this many columns (a filled-in amount such as "¥10.00" or a short
# name: the budget cannot know the value, so it assumes a typical one).
PLACEHOLDER_COLUMNS = 6

# What each kind of text is, for a translator (the PO file's comment).
KIND_NAMES: dict[str, str] = {
    "project_title": "the drama's title",
    "scene_title": "a scene's title (storyboard card, title bar)",
    "option_label": "a choice button's label",
    "prompt_text": "a savings prompt's question",
    "tag_cta": "a product tag's call to action",
    "ending_title": "an ending card's title",
    "ending_text": "an ending card's text",
    "goal_name": "a savings goal's name",
    "product_name": "a product's name",
}


@dataclass(frozen=True, slots=True)
class SourceText:
    """One piece of author text in the source locale and its context."""

    key: str
    text: str
    kind: str  # a key of BUDGETS
    scene_id: str | None  # None for the project title and the catalogue
    scene_title: str | None
    allowed: frozenset[str]  # the placeholders it may use

    @property
    def budget(self) -> int | None:
        return BUDGETS[self.kind]

    @property
    def sha(self) -> str:
        return source_sha(self.text)


def source_sha(text: str) -> str:
    """The SHA-256 (hex) of a source text: what a translation records to detect staleness."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def width(text: str) -> int:
    """Display columns of author text: a wide (CJK) character counts 2, a placeholder
    ``PLACEHOLDER_COLUMNS``, ``{{``/``}}`` one, combining marks none."""
    total = 0
    pos = 0
    for match in _TOKEN.finditer(text):
        total += _columns(text[pos:match.start()])
        token = match.group(0)
        escaped = token in ("{{", "}}")
        total += PLACEHOLDER_COLUMNS if match.group(1) in NAMES else 1 if escaped else len(token)
        pos = match.end()
    return total + _columns(text[pos:])


def _columns(text: str) -> int:
    return sum(
        0 if unicodedata.combining(ch) else 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
        for ch in text
    )


def source_texts(project: Project) -> Iterator[SourceText]:
    """Every viewer-facing author text of ``project``, in a stable order (project, catalogue, scenes)."""
    none: frozenset[str] = frozenset()
    yield SourceText("project/title", project.title, "project_title", None, None, none)
    for goal in project.goals:
        yield SourceText(f"goal/{goal.id}/name", goal.name, "goal_name", None, None, none)
    for product in project.products:
        yield SourceText(f"product/{product.id}/name", product.name, "product_name", None, None, none)
    for s in project.scenes:
        base, sid, title = f"scene/{s.id}", s.id, s.title
        yield SourceText(f"{base}/title", s.title, "scene_title", sid, title, none)
        if s.choice is not None:
            for o in s.choice.options:
                allowed = ALLOWED["option" if o.deposit is not None else "option_plain"]
                yield SourceText(f"{base}/option/{o.id}/label", o.label, "option_label", sid, title, allowed)
        for p in s.prompts:
            yield SourceText(f"{base}/prompt/{p.id}/text", p.text, "prompt_text", sid, title,
                             ALLOWED["prompt"])
        for t in s.tags:
            yield SourceText(f"{base}/tag/{t.id}/cta", t.cta, "tag_cta", sid, title, ALLOWED["tag"])
        if s.ending_title is not None:
            yield SourceText(f"{base}/ending_title", s.ending_title, "ending_title", sid, title,
                             ALLOWED["ending"])
        if s.ending_text is not None:
            yield SourceText(f"{base}/ending_text", s.ending_text, "ending_text", sid, title,
                             ALLOWED["ending"])


def source_map(project: Project) -> dict[str, SourceText]:
    """``source_texts`` by key (a project with duplicate ids keeps the first of a key)."""
    out: dict[str, SourceText] = {}
    for text in source_texts(project):
        out.setdefault(text.key, text)
    return out


def translation_map(project: Project, locale: str) -> dict[str, Translation]:
    """The translations held for ``locale``, by key (empty when there are none)."""
    held = project.translations_of(locale)
    return {t.key: t for t in held.texts} if held is not None else {}


def is_stale(source: SourceText, translation: Translation) -> bool:
    """Whether ``translation`` was made from another text than ``source`` says now."""
    return translation.source_sha != source.sha
