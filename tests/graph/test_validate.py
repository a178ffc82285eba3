"""Full validation: every problem kind is found and located; samples are clean."""

from __future__ import annotations

from pathlib import Path

import pytest

from studio.graph import validate
from studio.model import Deposit, Problem, Product, check_timing, load
from tests.graph.helpers import asset, codes, opt, project, scene


def only(problems: list[Problem], code: str) -> list[Problem]:
    return [p for p in problems if p.code == code]


def test_sample_projects_have_no_problems(sample_project: Path) -> None:
    loaded = load(sample_project)
    problems = validate(loaded.project, loaded.folder)
    assert [str(p) for p in problems] == []  # not even a warning: no false positives
    assert problems == validate(loaded.project, loaded.folder, check_media=False)


def test_clean_project_has_no_problems() -> None:
    p = project(scene("a", "b", "c"), scene("b", "end"), scene("c", "end"), scene("end", ending=True))
    assert validate(p) == []


def test_unreachable_scene_is_a_warning() -> None:
    p = project(scene("a", "end"), scene("lost", "end"), scene("end", ending=True))
    (found,) = validate(p)
    assert (found.severity, found.code, found.scene) == ("warning", "unreachable", "lost")
    assert "“a”" in found.message


def test_scene_without_choice_that_is_not_an_ending_is_a_dead_end() -> None:
    p = project(scene("a", "stuck", "end"), scene("stuck"), scene("end", ending=True))
    (found,) = validate(p)
    assert (found.severity, found.code, found.scene, found.item) == ("error", "dead-end", "stuck", None)


def test_choice_without_options_is_a_dead_end() -> None:
    p = project(scene("a", "b", "end"), scene("b", "end"), scene("end", ending=True))
    b = p.scenes[1]
    assert b.choice is not None
    b.choice.options.clear()  # an in-place edit the model does not see
    (found,) = validate(p)
    assert (found.code, found.scene, found.item) == ("dead-end", "b", "choice")
    assert "without options" in found.message


def test_loop_without_way_out_names_its_scenes() -> None:
    p = project(scene("a", "x", "end"), scene("x", "y"), scene("y", "z", "x"), scene("z", "x"),
                scene("end", ending=True))
    (found,) = validate(p)
    assert (found.severity, found.code, found.scene) == ("error", "no-way-out", "x")
    for name in ("“x”", "“y”", "“z”"):
        assert name in found.message


def test_self_loop_without_way_out() -> None:
    p = project(scene("a", "spin", "end"), scene("spin", "spin"), scene("end", ending=True))
    assert codes(validate(p)) == ["no-way-out"]


def test_loop_with_a_way_out_is_fine() -> None:
    p = project(scene("a", "b"), scene("b", "a", "end"), scene("end", ending=True))
    assert validate(p) == []


def test_option_pointing_nowhere() -> None:
    p = project(scene("a", "end", "b"), scene("b", "end"), scene("end", ending=True))
    choice = p.scenes[0].choice
    assert choice is not None
    choice.options[1].target = "nowhere"  # edited in the studio: the model does not re-resolve
    problems = validate(p)
    dangling = only(problems, "dangling-target")
    assert [(d.scene, d.item) for d in dangling] == [("a", "option 'o1'")]
    assert "'nowhere'" in dangling[0].message
    assert only(problems, "unreachable")[0].scene == "b"


def test_options_that_may_all_hide() -> None:
    cond = {"==": [{"var": "brave"}, True]}
    p = project(
        scene("a", opt("x", "end", condition=cond, default=True),
              opt("y", "end", condition={"!": {"var": "brave"}})),
        scene("end", ending=True),
        variables=[{"id": "brave", "type": "bool", "default": False}],
    )
    (found,) = validate(p)
    assert (found.severity, found.code, found.scene, found.item) == (
        "warning", "options-may-all-hide", "a", "choice")


def test_statically_true_condition_counts_as_always_shown() -> None:
    p = project(scene("a", opt("x", "end", condition={"==": [1, 1]}, default=True),
                      opt("y", "end", condition={"var": "brave"})),
                scene("end", ending=True),
                variables=[{"id": "brave", "type": "bool", "default": False}])
    assert validate(p) == []


def test_statically_false_conditions() -> None:
    goals = [{"id": "trip", "name": "Trip", "target": 100000, "cap": 50000}]
    variables = [{"id": "brave", "type": "bool", "default": False}]
    never = {">=": [{"var": "saved.trip"}, 50001]}  # more than the cap
    p = project(
        scene("a", opt("ok", "b", default=True), opt("rich", "b", condition=never)),
        scene("b", opt("x", "end", condition={"==": [{"var": "brave"}, 1]}, default=True),
              opt("y", "end", condition=False)),
        scene("end", ending=True), goals=goals, variables=variables,
    )
    problems = validate(p)
    assert [(x.code, x.scene, x.item) for x in problems] == [
        ("option-never-shown", "a", "option 'rich'"),
        ("choice-always-hidden", "b", "choice"),
    ]
    assert only(problems, "choice-always-hidden")[0].severity == "error"


def test_prompt_in_choice_window_comes_from_the_model_once() -> None:
    goals = [{"id": "trip", "name": "Trip", "target": 100000}]
    prompt = {"id": "p1", "at_ms": 4000, "goal": "trip", "amount": 100, "text": "Save?"}
    p = project(scene("a", "end", prompts=[prompt]), scene("end", ending=True), goals=goals)
    problems = validate(p)
    assert problems == check_timing(p)
    assert [(x.code, x.scene, x.item) for x in problems] == [
        ("prompt-in-choice-window", "a", "prompt 'p1'")]


def test_timing_errors_are_included() -> None:
    p = project(scene("a", "end", out_ms=4000), scene("end", ending=True, in_ms=7000))
    found = {(x.code, x.scene, x.item) for x in validate(p)}
    assert ("choice-outside-trim", "a", "choice") in found
    assert ("trim-outside-clip", "end", None) in found


def test_products_without_price_or_with_plain_http_link() -> None:
    products = [{"id": "free", "sku": "F", "name": "Free"},
                {"id": "ok", "sku": "O", "name": "Ok", "price": 100, "url": "https://x.example"}]
    p = project(scene("a", "end"), scene("end", ending=True), products=products)
    p.products[1] = Product.model_construct(id="ok", sku="O", name="Ok", price=100,
                                            currency="CNY", url="http://x.example/p")
    problems = validate(p)
    assert [(x.severity, x.code, x.item) for x in problems] == [
        ("warning", "product-no-price", "product 'free'"),
        ("error", "product-url-not-https", "product 'ok'"),
    ]


def test_deposits_zero_or_over_cap() -> None:
    goals = [{"id": "trip", "name": "Trip", "target": 100000, "cap": 5000}]
    prompt = {"id": "big", "at_ms": 1000, "goal": "trip", "amount": 9000, "text": "Save?"}
    p = project(
        scene("a", opt("give", "end", deposit={"goal": "trip", "amount": 6000}, default=True),
              opt("zero", "end", deposit={"goal": "trip", "amount": 1}), prompts=[prompt]),
        scene("end", ending=True), goals=goals,
    )
    choice = p.scenes[0].choice
    assert choice is not None
    choice.options[1].deposit = Deposit.model_construct(goal="trip", amount=0)
    problems = validate(p)
    assert [(x.severity, x.code, x.item) for x in problems] == [
        ("warning", "deposit-over-cap", "option 'give'"),
        ("error", "deposit-not-positive", "option 'zero'"),
        ("warning", "deposit-over-cap", "prompt 'big'"),
    ]
    assert all(x.scene == "a" for x in problems)


def test_unknown_references_after_edits() -> None:
    goals = [{"id": "trip", "name": "Trip", "target": 100000}]
    products = [{"id": "serum", "sku": "S", "name": "Serum", "price": 1}]
    tag = {"id": "t1", "product": "serum", "start_ms": 0, "end_ms": 1000,
           "hotspot": {"x": 0, "y": 0, "w": 0.5, "h": 0.5}}
    p = project(scene("a", opt("o", "end", deposit={"goal": "trip", "amount": 5}, default=True),
                      tags=[tag]),
                scene("end", ending=True), goals=goals, products=products)
    a = p.scenes[0]
    a.tags[0].product = "gone"
    a.media = "nothing"
    assert a.choice is not None and a.choice.options[0].deposit is not None
    a.choice.options[0].deposit.goal = "nogoal"
    found = [(x.code, x.scene, x.item) for x in validate(p) if x.scene == "a"]
    assert ("unknown-media", "a", "media") in found
    assert ("unknown-goal", "a", "option 'o'") in found
    assert ("unknown-product", "a", "tag 't1'") in found


def test_start_scene_missing() -> None:
    p = project(scene("a", "end"), scene("end", ending=True))
    none = p.model_copy(update={"start": None})
    gone = p.model_copy(update={"start": "deleted"})
    assert [(x.code, x.scene) for x in validate(none)] == [("start-missing", None)]
    assert codes(validate(gone)) == ["start-missing"]
    assert "'deleted'" in validate(gone)[0].message


def test_duplicate_scene_ids() -> None:
    p = project(scene("a", "end"), scene("end", ending=True))
    p.scenes.append(p.scenes[1].model_copy())
    assert [(x.code, x.scene) for x in validate(p)] == [("duplicate-scene", "end")]


def test_empty_project_is_only_a_warning() -> None:
    p = project()
    assert [(x.severity, x.code) for x in validate(p)] == [("warning", "no-scenes")]


@pytest.mark.parametrize("check_media", [True, False])
def test_media_files(tmp_path: Path, check_media: bool) -> None:
    data = b"clip bytes"
    p = project(scene("a", "end"), scene("end", ending=True),
                media=[asset("clip", data)])
    (tmp_path / "media").mkdir()
    clip = tmp_path / "media" / "clip.mp4"
    assert codes(validate(p, tmp_path, check_media)) == (["media-missing"] if check_media else [])
    clip.write_bytes(data)
    assert validate(p, tmp_path, check_media) == []
    clip.write_bytes(data + b"!")
    assert codes(validate(p, tmp_path, check_media)) == (
        ["media-size-changed"] if check_media else [])
    clip.write_bytes(data.upper())
    found = validate(p, tmp_path, check_media)
    assert codes(found) == (["media-content-changed"] if check_media else [])
    if check_media:
        assert found[0].scene == "a" and found[0].item == "media 'clip'"
        assert "media/clip.mp4" in found[0].message and "“a”, “end”" in found[0].message
