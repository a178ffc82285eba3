"""A new project from a template (storyboard cards, no footage) exported with the real exporter
(`studio export --web-player`) plays in the web player: the bundle carries every player file
(text.js, words.js, storyboard.js, generated/messages.js included), the first scene shows as its
card and the author text shows with its placeholders filled as the studio fills them."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import pytest

from studio.app import playthrough_view
from studio.model import load
from studio.templates import create
from tests.player.conftest import PageKit, Web
from tests.player.playthrough import TIMEOUT_MS, open_player
from tests.player.support import PLAYER_DIR, SHOTS_DIR

pytestmark = pytest.mark.browser


def _export(kind: str, tmp: Path, web: Web) -> tuple[Path, set[str]]:
    from studio.bundle.export import export_project

    folder = create(tmp / kind, kind)
    archive = tmp / f"{kind}.drama.zip"
    export_project(folder, archive, web_player=True)
    dest = web.root / f"template-{kind}"
    with zipfile.ZipFile(archive) as zf:
        names = set(zf.namelist())
        zf.extractall(dest)
    return folder, names


@pytest.mark.parametrize("kind", ["savings", "shoppable"])
def test_template_bundle_plays_its_storyboard(phone: PageKit, web: Web, tmp_path: Path, kind: str) -> None:
    folder, names = _export(kind, tmp_path, web)
    player = {"player/" + p.relative_to(PLAYER_DIR).as_posix() for p in PLAYER_DIR.rglob("*")
              if p.is_file() and not any(part.startswith(".") for part in p.relative_to(PLAYER_DIR).parts)}
    assert {"player/text.js", "player/words.js", "player/storyboard.js",
            "player/generated/messages.js"} <= player
    assert {n for n in names if n.startswith("player/")} == player

    project = load(folder).project
    first = project.scenes[0]
    page = open_player(phone, f"{web.base}/template-{kind}/player/index.html")
    page.locator("#storyboard").wait_for(state="visible", timeout=TIMEOUT_MS)
    assert page.locator("#storyboard-title").text_content() == first.title
    expected: list[tuple[str, str]] = []
    if first.prompts:
        expected.append(("#prompt-text", playthrough_view.prompt_text(project, first.prompts[0])))
    for tag in first.tags:
        expected.append((f'[data-tag="{tag.id}"] .tag-cta', playthrough_view.tag_text(project, tag)))
    assert expected, "the template's first scene has author text with placeholders"
    for selector, text in expected:
        node: Any = page.locator(selector)
        node.wait_for(state="visible", timeout=TIMEOUT_MS)
        assert node.text_content() == text
        assert "{" not in text
    page.screenshot(path=f"{SHOTS_DIR}/template-{kind}.png")
    assert phone.problems.errors == []
