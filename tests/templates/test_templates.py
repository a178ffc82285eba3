"""Templates build projects that validate, and create() never half-writes or overwrites (#15)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from studio.graph import stats, validate
from studio.model import load_project
from studio.model.placeholders import ALLOWED, issues
from studio.templates import TEMPLATES, TemplateError, build, create
from studio.templates.samples import copy_project, project_title, sample_folders
from tests.support import SAMPLES


@pytest.mark.parametrize("kind", list(TEMPLATES))
def test_every_template_validates_without_errors(kind: str, tmp_path: Path) -> None:
    written = create(tmp_path / kind, kind)
    project = load_project(written)
    problems = validate(project, written.parent)
    assert [str(p) for p in problems if p.severity == "error"] == []
    # nor a warning (but the blank one's "no scenes yet"): every scene reached, labels written,
    # amounts as placeholders, hotspots tappable
    assert [str(p) for p in problems if p.code != "no-scenes"] == []
    assert project.title == TEMPLATES[kind].default_title


@pytest.mark.parametrize("kind", [k for k in TEMPLATES if k != "blank"])
def test_story_templates_continue_automatically_to_their_endings(kind: str) -> None:
    """The templates' automatic continuations (``next``) are followed by the statistics."""
    project = build(kind)
    assert any(s.next is not None for s in project.scenes)
    found = stats(project)
    assert found.reachable_scenes == len(project.scenes)
    assert found.paths == sum(e.paths or 0 for e in found.endings) > 0
    assert sorted(e.scene for e in found.endings) == sorted(s.id for s in project.scenes if s.ending)
    assert found.unreachable_endings == []


def test_story_templates_are_storyboards_with_money_products_and_two_endings() -> None:
    savings = build("savings", "Rainy day")
    assert savings.title == "Rainy day" and not savings.media
    assert all(s.placeholder is not None and s.media is None for s in savings.scenes)
    assert len(savings.scenes) == 6 and savings.goals
    deposits = [o for s in savings.scenes if s.choice for o in s.choice.options if o.deposit]
    assert deposits and all("{amount}" in o.label and o.show_amount for o in deposits)
    prompts = [p for s in savings.scenes for p in s.prompts]
    assert prompts and all("{amount}" in p.text and not issues(p.text, ALLOWED["prompt"]) for p in prompts)
    endings = [s for s in savings.scenes if s.ending]
    assert len(endings) == 2 and all(s.ending_title for s in endings)
    assert any(s.next for s in savings.scenes)  # a link that continues automatically

    shop = build("shoppable")
    assert shop.products and [t for s in shop.scenes for t in s.tags]
    assert len([s for s in shop.scenes if s.ending]) == 2
    assert all(s.placeholder is not None for s in shop.scenes)


def test_create_refuses_an_existing_project_and_a_file(tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    create(folder, "blank", "First")
    before = (folder / "drama.json").read_bytes()
    with pytest.raises(TemplateError, match="already holds a project"):
        create(folder, "savings")
    assert (folder / "drama.json").read_bytes() == before
    a_file = tmp_path / "file"
    a_file.write_text("x", encoding="utf-8")
    with pytest.raises(TemplateError, match="is a file"):
        create(a_file, "blank")
    with pytest.raises(KeyError, match="known: savings, shoppable, blank"):
        build("nope")
    assert sorted(p.name for p in folder.iterdir()) == ["drama.json"]  # no backup, no temp file


def test_samples_are_found_and_copied_without_their_lock(tmp_path: Path) -> None:
    assert sample_folders(SAMPLES) == [SAMPLES / "savings", SAMPLES / "shoppable"]
    assert sample_folders(tmp_path) == []
    title = json.loads((SAMPLES / "savings" / "drama.json").read_bytes())["title"]
    assert project_title(SAMPLES / "savings") == title
    assert project_title(tmp_path) is None
    source = tmp_path / "source"
    copy_project(SAMPLES / "savings", source)
    (source / "drama.json.lock").write_text("{}", encoding="utf-8")
    copy = copy_project(source, tmp_path / "copy")
    assert not (copy / "drama.json.lock").exists()
    assert load_project(copy).title == title and (copy / "media").is_dir()
    assert sorted(p.name for p in (copy / "media").iterdir()) == sorted(
        p.name for p in (SAMPLES / "savings" / "media").iterdir())
