"""A project as another locale's viewer sees it (studio.l10n.localized)."""

from __future__ import annotations

from studio.l10n.localized import localized, translations_for
from studio.model import Project
from studio.model.project import LocaleTranslations, Translation
from studio.model.texts import source_map
from tests.engine.vectors import VECTOR_DIR, read_vector, run_vector, vector_project


def test_every_held_fresh_translation_replaces_its_source_and_nothing_else_changes() -> None:
    project = vector_project(read_vector(VECTOR_DIR / "translated_drama.json"))
    en = localized(project, "en")
    assert en.locale == "en" and en.target_locales == [] and en.translations == []
    a = en.scene_map()["a"]
    assert [o.label for o in a.choice.options] == ["Save {amount}", "Not now"]  # type: ignore[union-attr]
    assert a.prompts[0].text == "Put {amount} into {goal}?" and a.tags[0].cta == "See {product}"
    assert a.title == "发薪日"  # no en title held: the source stays
    assert [s.id for s in en.scenes] == [s.id for s in project.scenes]
    assert en.scenes[0].subtitles == project.scenes[0].subtitles
    assert localized(project, "zh-CN") is project


def test_a_stale_translation_is_not_used() -> None:
    project = vector_project(read_vector(VECTOR_DIR / "translated_drama.json"))
    label = project.scene_map()["a"].choice.options[1]  # type: ignore[union-attr]
    scenes = [s.model_copy(deep=True) for s in project.scenes]
    scenes[0].choice.options[1].label = "先不存了"  # type: ignore[union-attr]
    changed = project.model_copy(update={"scenes": scenes})
    assert label.label == "先不存"
    assert "scene/a/option/o2/label" not in translations_for(changed, "en")
    assert localized(changed, "en").scene_map()["a"].choice.options[1].label == "先不存了"  # type: ignore[union-attr]


def test_catalogue_and_title_texts_are_replaced_and_the_trace_is_the_same() -> None:
    vector = read_vector(VECTOR_DIR / "translated_drama.json")
    project = vector_project(vector)
    sources = source_map(project)
    extra = [Translation(key=k, text=t, source_sha=sources[k].sha) for k, t in
             (("project/title", "Vector"), ("goal/g1/name", "Trip"), ("product/mask/name", "Mask"),
              ("scene/b/ending_title", "Saved"))]
    held = project.translations[0]
    project = Project.model_validate({**project.model_dump(), "translations": [
        LocaleTranslations(locale="en", texts=[*held.texts, *extra]).model_dump()]})
    en = localized(project, "en")
    assert (en.title, en.goals[0].name, en.products[0].name) == ("Vector", "Trip", "Mask")
    assert en.scene_map()["b"].ending_title == "Saved"
    played = run_vector({**vector, "project": en.model_dump(mode="json")})
    words = ("label", "options", "text", "cta", "name")

    def shape(events: list[dict[str, object]]) -> list[dict[str, object]]:
        return [{k: v for k, v in e.items() if k not in words} for e in events]

    assert shape(played) == shape(vector["expected"])  # the same story, only the words differ
