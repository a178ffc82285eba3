"""The studio's own language: which one, and installing its Qt translators (widget-free).

English is the source language (every ``tr()``/``QCoreApplication.translate()`` text).
Other languages come from Qt catalogues: ``resources/translations/<lang>/<area>.ts``
(edited by translators, see docs/localisation.md) compiled into one
``studio_<lang>.qm`` by ``scripts/translations.py release``.  ``scripts/setup.sh``
and the wheel build compile it; a source checkout without a compiled (or with an
out-of-date) catalogue compiles it at start into the user cache with PySide6's
``lrelease``.  Qt's own catalogue (``qtbase_<lang>.qm``, standard dialog buttons)
comes from the PySide6 installation.

Which language: :func:`resolve_language` turns the preference (``system``, ``en``,
``zh_CN``) into a language; ``STUDIO_LANGUAGE`` in the environment overrides it
(tests, screenshots).  :func:`install_translators` must run before any widget is
built: texts are translated when a widget is made, not later.
"""

from __future__ import annotations

import importlib.util
import logging
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLibraryInfo, QLocale, QTranslator

from studio import resources
from studio.app.paths import cache_dir

log = logging.getLogger(__name__)

ENV_LANGUAGE = "STUDIO_LANGUAGE"
SYSTEM = "system"
SOURCE_LANGUAGE = "en"
CATALOGUE_PREFIX = "studio_"
# (preference value, name): each language's name in its own language; "system" is translated.
LANGUAGES: list[tuple[str, str]] = [
    (SYSTEM, str(QT_TRANSLATE_NOOP("Language", "Follow the system"))),
    ("en", "English"),
    ("zh_CN", "简体中文"),
]
CODES = tuple(code for code, _ in LANGUAGES)
# The locale numbers and dates follow when the system's is not one of the language (QLocale.setDefault).
_LOCALES = {"en": "en_US", "zh_CN": "zh_CN"}

_installed: list[QTranslator] = []
_current: list[str] = []  # the language install_translators set last (empty: none yet)


def current_language() -> str | None:
    """The language :func:`install_translators` installed last (None before the first call)."""
    return _current[0] if _current else None


def language_name(code: str) -> str:
    """What the language combo shows for ``code`` (``system`` in the current language)."""
    for value, name in LANGUAGES:
        if value == code:
            return QCoreApplication.translate("Language", name) if value == SYSTEM else name
    return code


def system_language(locale: QLocale | None = None) -> str:
    """The studio language for a system locale: Simplified Chinese (zh_CN, zh_SG, zh-Hans) or English."""
    locale = QLocale.system() if locale is None else locale
    if (
        locale.language() == QLocale.Language.Chinese
        and locale.script() == QLocale.Script.SimplifiedHanScript
    ):
        return "zh_CN"
    return SOURCE_LANGUAGE


def resolve_language(preference: str, locale: QLocale | None = None) -> str:
    """The language to show for a preference (``system`` follows ``locale``, else QLocale.system()).

    ``STUDIO_LANGUAGE`` (``en``, ``zh_CN`` or ``system``) overrides the preference;
    an unknown value is logged and ignored.
    """
    override = os.environ.get(ENV_LANGUAGE, "").strip()
    if override:
        if override in CODES:
            preference = override
        else:
            log.warning("%s=%r is not one of %s; ignored", ENV_LANGUAGE, override, ", ".join(CODES))
    if preference in CODES and preference != SYSTEM:
        return preference
    if preference != SYSTEM:
        log.warning("unknown language preference %r; following the system", preference)
    return system_language(locale)


def translations_dir() -> Path:
    """``resources/translations`` (the .ts sources per language in a checkout, the compiled .qm)."""
    return resources.path("translations")


def sources(language: str) -> list[Path]:
    """The .ts catalogues of ``language`` (none in an installed wheel: it holds the .qm only)."""
    folder = translations_dir() / language
    return sorted(folder.glob("*.ts")) if folder.is_dir() else []


def qt_tool(name: str) -> Path:
    """A Qt Linguist tool (``lrelease``, ``lupdate``) shipped inside PySide6."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or spec.origin is None:
        raise FileNotFoundError("PySide6 is not installed")
    suffix = ".exe" if sys.platform == "win32" else ""
    tool = Path(spec.origin).parent / f"{name}{suffix}"
    if not tool.is_file():
        raise FileNotFoundError(f"{tool} is missing (PySide6-Essentials ships it)")
    return tool


def compile_catalogue(ts_files: list[Path], qm: Path) -> None:
    """Compile ``ts_files`` into one ``qm`` with lrelease (raises RuntimeError with its output)."""
    qm.parent.mkdir(parents=True, exist_ok=True)
    tmp = qm.with_name(qm.name + ".part")
    proc = subprocess.run(
        [str(qt_tool("lrelease")), "-silent", *map(str, ts_files), "-qm", str(tmp)],
        capture_output=True, text=True, timeout=120, check=False,
    )
    if proc.returncode != 0 or not tmp.is_file():
        tmp.unlink(missing_ok=True)
        raise RuntimeError(f"lrelease failed ({proc.returncode}): {(proc.stderr or proc.stdout).strip()}")
    os.replace(tmp, qm)


def _fresh(qm: Path, ts_files: list[Path]) -> bool:
    if not qm.is_file():
        return False
    built = qm.stat().st_mtime_ns
    return all(ts.stat().st_mtime_ns <= built for ts in ts_files)


def catalogue(language: str) -> Path | None:
    """The compiled catalogue of ``language``, compiling it into the cache when it is missing or stale.

    None (logged) when the language has no catalogue or it cannot be compiled.
    """
    name = f"{CATALOGUE_PREFIX}{language}.qm"
    shipped = translations_dir() / name
    ts_files = sources(language)
    if not ts_files:  # an installed wheel: the compiled catalogue only
        if shipped.is_file():
            return shipped
        log.warning("no catalogue for %s (%s is missing); the studio shows English", language, shipped)
        return None
    if _fresh(shipped, ts_files):
        return shipped
    cached = cache_dir() / "translations" / name
    if _fresh(cached, ts_files):
        return cached
    why = "older than its .ts sources" if shipped.is_file() else "missing"
    log.info("%s is %s; compiling %s", shipped, why, cached)
    try:
        compile_catalogue(ts_files, cached)
    except (OSError, RuntimeError, subprocess.SubprocessError) as exc:
        log.error("cannot compile the %s catalogue (%s); the studio shows English", language, exc)
        return None
    return cached


def number_locale(language: str, system: QLocale | None = None) -> QLocale:
    """The locale of numbers and dates: the system's when it speaks ``language`` (en_GB, zh_SG), else
    the language's own (en_US, zh_CN)."""
    system = QLocale.system() if system is None else system
    if language == SOURCE_LANGUAGE:
        speaks = system.language() in (QLocale.Language.English, QLocale.Language.C)
    else:
        speaks = system_language(system) == language
    return system if speaks else QLocale(_LOCALES[language])


def remove_translators(app: QCoreApplication) -> None:
    """Remove the translators installed by :func:`install_translators`."""
    while _installed:
        app.removeTranslator(_installed.pop())


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Install the studio's and Qt's catalogues for ``language`` (replacing earlier ones).

    Sets the default QLocale so numbers and dates follow the language.  English
    (or a language without a catalogue, which is logged) installs nothing.
    Returns the installed translators (also kept here, so they stay alive).
    """
    remove_translators(app)
    if language not in _LOCALES:
        log.warning("unknown studio language %r; the studio shows English", language)
        language = SOURCE_LANGUAGE
    QLocale.setDefault(number_locale(language))
    _current[:] = [language]
    if language == SOURCE_LANGUAGE:
        return []
    qm = catalogue(language)
    if qm is not None:
        studio = QTranslator(app)
        if studio.load(str(qm)):
            _installed.append(studio)
        else:
            log.error("%s could not be loaded; the studio shows English", qm)
    qt = QTranslator(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt.load(f"qtbase_{language}", qt_dir):
        _installed.append(qt)
    else:
        log.warning("Qt's catalogue qtbase_%s is not in %s; standard buttons stay English", language, qt_dir)
    for translator in _installed:
        app.installTranslator(translator)
    return list(_installed)
