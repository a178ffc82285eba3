"""The shared message catalogue (``resources/player/messages/<locale>.json``). Qt-free."""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping
from types import MappingProxyType

from studio import resources

SOURCE_LOCALE = "en"


@functools.cache
def catalogue(locale: str = SOURCE_LOCALE) -> Mapping[str, str]:
    """The messages of ``locale`` (read-only), falling back to English for a missing catalogue."""
    folder = resources.root() / "player" / "messages"
    path = folder / f"{locale}.json"
    if not path.is_file():
        path = folder / f"{SOURCE_LOCALE}.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or not all(isinstance(v, str) for v in data.values()):
        raise ValueError(f"{path}: a message catalogue is an object of strings")
    return MappingProxyType(data)


def word(key: str, locale: str = SOURCE_LOCALE) -> str:
    """One message (``word("prompt.accept") == "Save it"``); a KeyError names an unknown key."""
    return catalogue(locale)[key]
