"""Translation units as gettext PO files, written and read with ``polib`` (Qt-free).

One unit per piece of author text: ``msgctxt`` is its text key (``scene/payday/title``),
``msgid`` the source text, ``msgstr`` the translation, extracted comments (``#.``) the
context a translator needs (scene, kind of item, placeholders, character limit) and flags
``fuzzy`` (a stale translation), ``python-brace-format`` (the text has placeholders: the
gettext tools and translation platforms then check that the translation keeps them) and
``max-length:N`` (the limit, as Weblate reads it).  The header names the target locale
(``Language``) and the project's source locale (``X-Drama-Source-Locale``).  The format is
described in ``docs/localisation.md``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

import polib

from studio.model.errors import one_line
from studio.model.safe_read import read_regular

MAX_PO_BYTES = 64 << 20  # 64 MiB: a PO of the largest project file (256 MiB) holds far less text
SOURCE_HEADER = "X-Drama-Source-Locale"
FUZZY = "fuzzy"
BRACES = "python-brace-format"
MAX_LENGTH = "max-length:"


class PoError(ValueError):
    """A PO file that cannot be read as translation units (one line)."""


@dataclass(frozen=True, slots=True)
class Unit:
    """One translation unit: a text key, its source text, the translation and its context."""

    key: str
    source: str
    translation: str
    notes: tuple[str, ...] = ()
    fuzzy: bool = False
    placeholders: bool = False
    limit: int | None = None
    line: int = 0  # where it was read (0: not read from a file)


@dataclass(frozen=True, slots=True)
class Catalogue:
    """A PO file's units with its target and source locales."""

    locale: str
    source_locale: str
    title: str
    units: tuple[Unit, ...]


def render(catalogue: Catalogue) -> str:
    """The PO text of ``catalogue`` (UTF-8, polib's standard layout)."""
    po = polib.POFile(wrapwidth=0)
    po.metadata = {
        "Project-Id-Version": catalogue.title,
        "Language": catalogue.locale,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        SOURCE_HEADER: catalogue.source_locale,
    }
    for unit in catalogue.units:
        flags = [FUZZY] if unit.fuzzy else []
        if unit.placeholders:
            flags.append(BRACES)
        if unit.limit is not None:
            flags.append(f"{MAX_LENGTH}{unit.limit}")
        po.append(polib.POEntry(msgctxt=unit.key, msgid=unit.source, msgstr=unit.translation,
                                comment="\n".join(unit.notes), flags=flags))
    return str(po) + "\n"


def read(path: str | os.PathLike[str]) -> Catalogue:
    """The units of the PO file ``path``; a file that is not one raises PoError (one line)."""
    name = os.fspath(path)
    try:
        data = read_regular(path, MAX_PO_BYTES)
    except OSError as exc:
        raise PoError(f"{name}: cannot be read ({exc.strerror or exc})") from None
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise PoError(f"{name}: not a PO file (not UTF-8 at byte {exc.start})") from None
    if "\x00" in text or "\n" not in text or "msgid" not in text:
        # polib reads a *path* when given one line naming an existing file: never let it
        raise PoError(f"{name}: not a PO file (no msgid)")
    try:
        po = polib.pofile(text, wrapwidth=0)
    except (OSError, ValueError, IndexError, KeyError) as exc:
        raise PoError(f"{name}: not a PO file ({one_line(str(exc))})") from None
    return _catalogue(name, po)


def _catalogue(name: str, po: polib.POFile) -> Catalogue:
    meta = po.metadata
    content = meta.get("Content-Type", "text/plain; charset=UTF-8").lower().replace(" ", "")
    if "charset=" in content and "charset=utf-8" not in content:
        raise PoError(f"{name}: the file says {meta['Content-Type']!r}; only UTF-8 is read")
    locale = meta.get("Language", "").strip()
    if not locale:
        raise PoError(f"{name}: the header names no target locale (Language)")
    source = meta.get(SOURCE_HEADER, "").strip()
    if not source:
        raise PoError(f"{name}: the header names no source locale ({SOURCE_HEADER})")
    units: list[Unit] = []
    seen: dict[str, int] = {}
    for entry in po:
        if entry.obsolete:
            continue
        line = entry.linenum or 0
        if entry.msgctxt is None:
            raise PoError(f"{name}: the unit at line {line} has no key (msgctxt)")
        key = entry.msgctxt
        if key in seen:
            raise PoError(f"{name}: unit {key!r} (line {line}) appears twice (first at line {seen[key]})")
        seen[key] = line
        if entry.msgid_plural:
            raise PoError(f"{name}: unit {key!r} (line {line}) has plural forms; drama text has none")
        flags = entry.flags
        units.append(Unit(key, entry.msgid, entry.msgstr, tuple(entry.comment.splitlines()),
                          FUZZY in flags, BRACES in flags, None, line))
    return Catalogue(locale, source, meta.get("Project-Id-Version", ""), tuple(units))
