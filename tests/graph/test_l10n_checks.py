"""Validation of translations: missing, stale, placeholder mismatches, too long (studio.graph.l10n_checks)."""

from __future__ import annotations

from studio.graph import validate
from studio.graph.l10n_checks import describe, item_of
from studio.graph.validate import Validator
from studio.model import Problem, Project, load
from studio.model.project import LocaleTranslations, Translation
from studio.model.texts import BUDGETS, source_map, source_sha, source_texts
from tests.support import SAMPLES

L10N = ("l10n-missing", "l10n-stale", "l10n-placeholders", "l10n-too-long", "l10n-orphan", "l10n-not-target")


def l10n(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.code in L10N]


def translated(locales: tuple[str, ...] = ("en",)) -> Project:
    """The savings sample with every text translated (as itself, so nothing is too long) per locale."""
    project = load(SAMPLES / "savings").project
    project.target_locales = list(locales)
    project.translations = [
        LocaleTranslations(locale=loc, texts=[Translation(key=t.key, text=t.text, source_sha=t.sha)
                                              for t in source_texts(project)])
        for loc in locales
    ]
    return project


def set_text(project: Project, locale: str, key: str, text: str) -> None:
    held = project.translations_of(locale)
    assert held is not None
    held.texts = [t.model_copy(update={"text": text}) if t.key == key else t for t in held.texts]


def test_a_project_without_target_locales_has_no_translation_findings() -> None:
    project = load(SAMPLES / "savings").project
    project.target_locales, project.translations = [], []  # the sample's own en translation removed
    assert l10n(validate(project)) == []


def test_a_fully_translated_project_has_none() -> None:
    assert l10n(validate(translated(("en", "ja")))) == []


def test_missing_translations_are_one_warning_per_scene_and_locale() -> None:
    project = load(SAMPLES / "savings").project
    project.translations = []  # en stays a target, with none of the sample's translations
    assert project.target_locales == ["en"]
    found = l10n(validate(project))
    assert {p.code for p in found} == {"l10n-missing"} and {p.severity for p in found} == {"warning"}
    sources = list(source_texts(project))
    assert [p.scene for p in found] == [None] + [s.id for s in project.scenes]
    payday = next(p for p in found if p.scene == "payday")
    count = sum(1 for t in sources if t.scene_id == "payday")
    assert payday.message.startswith(f"Scene “发薪日”: {count} texts have no en translation (title, ")
    assert "and 1 more" in payday.message  # four texts: three are listed
    assert found[0].message.startswith("Title and catalogue: 2 texts have no en translation")


def test_a_stale_translation_is_a_warning_naming_scene_and_locale() -> None:
    project = translated()
    project.scene_map()["payday"].choice.options[1].label = "现在就买新手机"  # type: ignore[union-attr]
    found = l10n(validate(project))
    assert [(p.severity, p.code, p.scene, p.item) for p in found] == [
        ("warning", "l10n-stale", "payday", "option 'spend'")]
    assert found[0].message == ("Option “现在就买新手机” in “发薪日”: the en translation was made "
                                "from an earlier text (translate it again)")


def test_a_placeholder_dropped_or_added_is_an_error() -> None:
    project = translated()
    set_text(project, "en", "scene/payday/option/save/label", "Save for the trip")
    set_text(project, "en", "scene/payday/prompt/round_up/text", "Put {amount} into {goal}?")
    set_text(project, "en", "scene/payday/option/spend/label", "Buy {amount}")
    set_text(project, "en", "scene/month_end/option/book/label", "Book {trip}")
    found = [(p.item, p.message) for p in l10n(validate(project)) if p.severity == "error"]
    assert found == [
        ("option 'save'", "Option “存下{amount}去旅行” in “发薪日”: the en translation drops "
                          "{amount} (it must use the placeholders of its source)"),
        ("option 'spend'", "Option “买新手机” in “发薪日”: the en translation has {amount} has no "
                           "value here (this text can use: none)"),
        ("prompt 'round_up'", "Prompt text in “发薪日”: the en translation adds {goal} (it must use the "
                              "placeholders of its source)"),
        ("option 'book'", "Option “预订旅行” in “月底”: the en translation has unknown placeholder "
                          "{trip} (known: {amount}, {goal}, {product}, {price})"),
    ]
    assert all(p.code == "l10n-placeholders" for p in validate(project) if p.severity == "error")


def test_text_over_the_budget_is_a_warning_for_source_and_translation() -> None:
    project = translated()
    budget = BUDGETS["option_label"]
    assert budget is not None
    set_text(project, "en", "scene/payday/option/spend/label", "x" * (budget + 1))
    project.scene_map()["payday"].title = "发薪日" * 7  # 21 wide characters: 42 columns
    project.translations[0].texts = [
        t.model_copy(update={"source_sha": source_sha("发薪日" * 7)}) if t.key == "scene/payday/title" else t
        for t in project.translations[0].texts
    ]
    found = [(p.code, p.scene, p.item, p.message) for p in l10n(validate(project))]
    assert found == [
        ("l10n-too-long", "payday", None,
         f"Scene title “{'发薪日' * 7}” is 42 columns wide; the player fits 40"),
        ("l10n-too-long", "payday", "option 'spend'",
         f"Option “买新手机” in “{'发薪日' * 7}”: the en translation is {budget + 1} columns wide; "
         f"the player fits {budget}"),
    ]


def test_orphans_and_locales_that_are_not_targets_are_warnings() -> None:
    project = translated()
    held = project.translations[0]
    gone = Translation(key="scene/gone/title", text="Gone", source_sha=source_sha("Gone"))
    removed = Translation(key="scene/payday/option/gone/label", text="Gone option", source_sha="0" * 64)
    held.texts = [*held.texts, gone, removed]
    project.translations = [*project.translations, LocaleTranslations(locale="fr")]
    found = [(p.severity, p.code, p.message) for p in l10n(validate(project))]
    assert found == [
        ("warning", "l10n-orphan", "the en translation of scene/gone/title has no source text any more "
         "(its item was removed)"),
        # while its scene exists, named by its text and the scene's title (ids only for what is gone)
        ("warning", "l10n-orphan", "the en translation “Gone option” in “发薪日” has no source text any "
         "more (its item was removed)"),
        ("warning", "l10n-not-target", "translations are held for fr, which is not a target locale "
         "(add it or remove them)"),
    ]


def test_incremental_validation_sees_translation_findings() -> None:
    project = translated()
    validator = Validator()
    assert l10n(validator.validate(project)) == []
    project.scene_map()["month_end"].title = "月末"
    updated = validator.update(project, ["month_end"], structure_changed=False)
    assert updated == validate(project)
    assert [p.code for p in l10n(updated)] == ["l10n-stale"]
    assert source_map(project)["scene/month_end/title"].text == "月末"


def test_every_kind_of_text_is_described_by_what_a_person_calls_it() -> None:
    project = load(SAMPLES / "shoppable").project
    ending = next(s for s in project.scenes if s.ending)
    ending.ending_title, ending.ending_text = "The end", "Thanks"
    seen = {}
    for src in source_texts(project):
        seen.setdefault(src.kind, (describe(src), item_of(src), src))
    assert set(seen) == set(BUDGETS) - {"goal_name", "prompt_text"}  # the shop has no savings
    for kind, (text, _item, src) in seen.items():
        assert "“" in text, kind
        if src.scene_title is not None and kind != "scene_title":
            assert f"in “{src.scene_title}”" in text
    assert seen["ending_title"][:2] == (f"Ending title in “{ending.title}”", "ending")
    assert seen["ending_text"][:2] == (f"Ending text in “{ending.title}”", "ending")
    product = project.products[0]
    assert seen["product_name"][:2] == (f"Product name “{product.name}”", f"product '{product.id}'")
    assert seen["project_title"][:2] == (f"The drama's title “{project.title}”", None)
    assert seen["tag_cta"][0].startswith("Product tag call to action “")
    assert seen["tag_cta"][1].startswith("tag '")
