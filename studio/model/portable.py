"""File names every desktop OS can store: the one rule for bundles and projects. Qt-free.

Linux and macOS accept names that Windows refuses or silently changes, so a
bundle or a project folder holding them cannot be copied to Windows intact.
A path component is *not portable* when:

- its part before the first dot, trailing spaces ignored and in any letter
  case, is a Windows device name: ``CON``, ``PRN``, ``AUX``, ``NUL``,
  ``COM0``-``COM9``, ``LPT0``-``LPT9``, ``COM¹²³``, ``LPT¹²³``, ``CONIN$``,
  ``CONOUT$`` (so ``con``, ``NUL.txt``, ``Com1.tar.gz`` and ``aux .mp4`` are
  all refused; ``console.mp4`` and ``_con.jpg`` are fine);
- it ends with a dot or a space (Windows drops them: ``clip.`` would become ``clip``);
- it contains ``< > : " | ? * \\`` or a control character (U+0000-U+001F, U+007F).

``windows_problem`` is the check; ``portable_stem`` maps a name that will get
an extension appended (a scene id used as a poster file name) to a portable
one, deterministically and without collisions (see its docstring).
"""

from __future__ import annotations

_DIGITS = "0123456789\u00b9\u00b2\u00b3"
DEVICE_NAMES = frozenset(
    {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"}
    | {f"{port}{d}" for port in ("COM", "LPT") for d in _DIGITS}
)
FORBIDDEN_CHARS = '<>:"|?*\\'


def device_name(component: str) -> str | None:
    """The Windows device name ``component`` stands for (``'nul.txt'`` -> ``'NUL'``), or None."""
    base = component.split(".", 1)[0].rstrip(" ").upper()
    return base if base in DEVICE_NAMES else None


def windows_problem(component: str) -> str | None:
    """Why the single path component ``component`` is not portable to Windows, or None.

    The reason is one line and quotes nothing but the offending character or device name."""
    device = device_name(component)
    if device is not None:
        return f"'{device}' is a reserved device name on Windows"
    for ch in component:
        if ch in FORBIDDEN_CHARS:
            return f"contains '{ch}', which Windows does not allow in file names"
        if ord(ch) < 0x20 or ch == "\x7f":
            return "contains a control character, which Windows does not allow in file names"
    if component.endswith("."):
        return "ends with a dot, which Windows drops"
    if component.endswith(" "):
        return "ends with a space, which Windows drops"
    return None


def path_problem(path: str) -> tuple[str, str] | None:
    """``(component, reason)`` for the first non-portable component of a ``/``-separated path."""
    for component in path.split("/"):
        if component:
            reason = windows_problem(component)
            if reason is not None:
                return component, reason
    return None


def portable_stem(stem: str) -> str:
    """``stem`` made safe to use as a file name once an extension is appended.

    A stem whose part before the first dot is a device name once its leading
    underscores are removed gets one more leading underscore: ``con`` ->
    ``_con``, ``_con`` -> ``__con``, ``COM1.a`` -> ``_COM1.a``; every other stem
    is returned unchanged.  The mapping is deterministic and injective (two
    different stems never give the same name, also ignoring letter case, since
    whether a stem is mapped does not depend on case), so it needs no view of the
    other names.  Meant for ids (``[A-Za-z0-9_][A-Za-z0-9_.-]*``): they contain
    no forbidden character, and the appended extension takes care of a trailing dot.
    """
    return "_" + stem if device_name(stem.lstrip("_")) is not None else stem
