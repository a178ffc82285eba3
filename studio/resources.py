"""Where the studio's resource files are: the web player, JSON schemas, icons, styles. Qt-free.

The repository keeps them in the top-level ``resources/`` folder; pyproject.toml
installs that folder as the package ``studio._resources`` (``studio/_resources/``
in a wheel; an editable install, as ``scripts/setup.sh`` makes, points the
package at ``resources/`` itself).  Every module finds them here, through
:mod:`importlib.resources`, never through its own ``__file__``.

Callers get real paths (the export copies the player folder file by file, Qt
reads icon files): :func:`root` passes the package folder through
:func:`importlib.resources.as_file`, which is the folder itself for a wheel or
an editable install (pip always unpacks a wheel), and a temporary copy kept
until exit for a zipped install (Python 3.12+ copies folders).
"""

from __future__ import annotations

import atexit
import contextlib
import functools
from importlib.resources import as_file, files
from importlib.resources.abc import Traversable
from pathlib import Path

PACKAGE = "studio._resources"

_kept = contextlib.ExitStack()
atexit.register(_kept.close)


def traversable() -> Traversable:
    """The resource package as :mod:`importlib.resources` gives it (for reading only)."""
    return files(PACKAGE)


@functools.cache
def root() -> Path:
    """The resource folder as a real directory (``resources/`` in a checkout)."""
    return _kept.enter_context(as_file(traversable()))


def path(*parts: str) -> Path:
    """``resources/<parts...>`` as a real path (it may not exist)."""
    return root().joinpath(*parts)


def player_dir() -> Path:
    """The web player copied into bundles by ``export --web-player``."""
    return path("player")


def schema_file(name: str) -> Path:
    """A committed JSON Schema, e.g. ``project.schema.json``."""
    return path("schema", name)


def icons_dir() -> Path:
    """Toolbar and panel icons (``<name>.svg``)."""
    return path("icons")


def styles_dir() -> Path:
    """Qt style sheets (``studio.qss``)."""
    return path("styles")
