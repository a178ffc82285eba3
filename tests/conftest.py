"""Test-wide configuration: offscreen Qt, tool requirements, shared fixtures.

In CI (``CI=true``) a missing system dependency (libVLC, Xvfb, Chromium,
ffmpeg) is a failure, never a skip: use ``require()``.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QUICK_BACKEND", "software")
os.environ.setdefault("STUDIO_LANGUAGE", "en")  # the studio's texts in English whatever the machine's locale

import pytest
from hypothesis import settings

from tests.support import SAMPLES, in_ci, require, require_exe

__all__ = ["in_ci", "require", "require_exe"]

# Hypothesis profiles (``--hypothesis-profile=NAME``; the plugin applies that after this file).
# "ci", the default: 100 examples where a test sets no count of its own (tests/fuzz takes shares
# of it). In CI (CI=true) it is Hypothesis' own CI profile: derandomized (the same examples every
# run, so a red CI is a regression, reproducible locally with CI=true), no example database, no
# deadline. Locally it is Hypothesis' default: random, with the database, so local runs explore
# and replay what they found. "long": 50x the examples, always random, no time budget.
_BASE = settings.get_profile("ci" if in_ci() else "default")
settings.register_profile("ci", _BASE, max_examples=100)
settings.register_profile("long", _BASE, max_examples=5000, derandomize=False)
settings.load_profile("ci")


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """One headless Chromium (Playwright) for the whole run: Playwright's sync API runs one
    driver per thread, so every browser test shares this one (tests/player, tests/preview_web)."""
    from tests.player.support import CHROMIUM, CHROMIUM_ARGS

    require(Path(CHROMIUM).is_file(), f"Chromium ({CHROMIUM})")
    from playwright.sync_api import sync_playwright

    pw = sync_playwright().start()
    try:
        launched = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            yield launched
        finally:
            launched.close()
    finally:
        pw.stop()


@pytest.fixture(scope="session")
def samples_dir() -> Path:
    return SAMPLES


@pytest.fixture(params=["savings", "shoppable"])
def sample_project(request: pytest.FixtureRequest) -> Path:
    """Each sample drama folder."""
    folder = SAMPLES / str(request.param)
    assert (folder / "drama.json").is_file(), f"sample project {folder} is missing"
    return folder


@pytest.fixture(scope="session", autouse=True)
def _private_media_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Media fingerprints and cached posters go to a temporary folder, never ~/.cache."""
    from studio.hashcache import ENV_CACHE

    old = os.environ.get(ENV_CACHE)
    os.environ[ENV_CACHE] = str(tmp_path_factory.mktemp("drama-studio-cache"))
    yield
    if old is None:
        os.environ.pop(ENV_CACHE, None)
    else:
        os.environ[ENV_CACHE] = old


@pytest.fixture(scope="session", autouse=True)
def _release_clipboard_at_end() -> Iterator[None]:
    """Tests never exec() the app, so aboutToQuit never fires: clear our clipboard
    data before the QApplication is destroyed at interpreter exit."""
    yield
    import sys

    if "studio.ui.graph.panel" in sys.modules:
        sys.modules["studio.ui.graph.panel"].release_clipboard()


@pytest.fixture
def media_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty media cache folder of this test's own (fingerprints, posters)."""
    from studio.hashcache import ENV_CACHE

    folder = tmp_path / "cache"
    monkeypatch.setenv(ENV_CACHE, str(folder))
    return folder


@pytest.fixture
def no_racy_window(monkeypatch: pytest.MonkeyPatch) -> None:
    """Files written by the test a moment ago count as old enough to be fingerprinted."""
    from studio import hashcache

    monkeypatch.setattr(hashcache, "RACY_WINDOW_NS", 0)
