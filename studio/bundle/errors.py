"""Bundle errors: every ``str()`` is one line naming the file, entry or scene."""

from __future__ import annotations


class BundleError(Exception):
    """A bundle could not be written or read; ``str()`` is one line."""

    def __init__(self, message: str) -> None:
        super().__init__(" ".join(message.split()))


class ExportError(BundleError):
    """A project that cannot be exported (validation, media, output folder)."""


class BundleImportError(BundleError):
    """A bundle that is refused on import (unsafe, corrupt or inconsistent)."""


ImportError_ = BundleImportError


class Cancelled(BundleError):
    """The caller's ``cancel`` callback asked to stop; nothing was written."""


def show(name: str) -> str:
    """A zip entry name made printable on one line (control characters escaped)."""
    return "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in name)
