"""The shared message catalogues (``resources/player/messages/<locale>.json``). Qt-free.

``word(key)`` is the English message, ``word(key, locale)`` the message of the catalogue that
serves ``locale`` (the player's rules, docs/localisation-player.md: exact catalogue, zh-Hant/TW/HK/MO
-> zh-TW, other Chinese -> zh-CN, pt-* -> pt-BR, else the language's catalogue), English for a
locale no catalogue serves.  Messages are as written: placeholders and plural parts unfilled.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType

from babel import Locale as BabelLocale
from babel import UnknownLocaleError

from studio import resources

SOURCE_LOCALE = "en"
_TRADITIONAL = {"hant", "tw", "hk", "mo"}
_LEGACY = {"in": "id", "iw": "he", "ji": "yi"}  # as Intl.getCanonicalLocales replaces them


def _folder() -> Path:
    return resources.root() / "player" / "messages"


@functools.cache
def locales() -> tuple[str, ...]:
    """The locales that have a catalogue ("en", "zh-CN", ...), sorted."""
    return tuple(sorted(p.stem for p in _folder().glob("*.json")))


def resolve(locale: str) -> str:
    """The catalogue that serves ``locale`` (``"zh-HK"`` -> ``"zh-TW"``, ``"pt"`` -> ``"pt-BR"``),
    ``"en"`` when none does."""
    names = {name.lower(): name for name in locales()}
    tag = locale.replace("_", "-").strip().lower()
    if tag in names:
        return names[tag]
    parts = tag.split("-")
    language = _LEGACY.get(parts[0], parts[0])
    if language == "zh":
        pick = "zh-tw" if _TRADITIONAL & set(parts[1:]) else "zh-cn"
        return names.get(pick, SOURCE_LOCALE)
    if language == "pt" and "pt-br" in names:
        return names["pt-br"]
    if language in names:
        return names[language]
    same = sorted(n for key, n in names.items() if key.split("-")[0] == language)
    return same[0] if same else SOURCE_LOCALE


@functools.cache
def catalogue(locale: str = SOURCE_LOCALE) -> Mapping[str, str]:
    """The messages of the catalogue that serves ``locale`` (read-only), English when none does."""
    path = _folder() / f"{resolve(locale)}.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or not all(isinstance(v, str) for v in data.values()):
        raise ValueError(f"{path}: a message catalogue is an object of strings")
    return MappingProxyType(data)


def word(key: str, locale: str = SOURCE_LOCALE) -> str:
    """One message (``word("prompt.accept") == "Save it"``, ``word("prompt.accept", "zh-CN") ==
    "存起来"``); a key the locale's catalogue lacks is English; a KeyError names an unknown key."""
    messages = catalogue(locale)
    if key in messages:
        return messages[key]
    return catalogue(SOURCE_LOCALE)[key]


def locale_name(locale: str) -> str:
    """A locale named in its own language with its tag (``中文 (中国) · zh-CN``, ``English · en``);
    the bare tag when CLDR does not know it."""
    try:
        name = BabelLocale.parse(locale, sep="-").get_display_name()
    except (ValueError, LookupError, UnknownLocaleError):
        name = None
    return f"{name} · {locale}" if name else locale
