"""Warnings on what a creator wrote and placed: amounts, placeholders, labels, hotspots, names."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from studio.graph import Validator, analyze, validate
from studio.graph.names import SceneNames
from studio.model import Problem, Project
from studio.model.player_chrome import CHOICE_DOCK_NAME, TITLE_BAR_NAME
from studio.model.types import Rect
from tests.graph.helpers import asset, opt, project, scene

TRIP = {"id": "trip", "name": "Trip", "target": 100000}
TOTE = {"id": "tote", "sku": "T-1", "name": "Canvas tote", "price": 800}
MIDDLE = {"x": 0.3, "y": 0.4, "w": 0.4, "h": 0.2}


def prompt(text: str, amount: int = 2000) -> dict[str, Any]:
    return {"id": "p", "at_ms": 1000, "goal": "trip", "amount": amount, "text": text}


def tag(cta: str = "Shop now", hotspot: dict[str, float] | None = None, start: int = 500,
        end: int = 2500) -> dict[str, Any]:
    return {"id": "t", "product": "tote", "start_ms": start, "end_ms": end,
            "hotspot": hotspot or MIDDLE, "cta": cta}


def payday(*options: dict[str, Any], **extra: Any) -> Project:
    """“Payday” (id a) choosing between “Trip” (b) and “Home” (end), both endings."""
    return project(scene("a", *(options or (opt("o0", "b"), opt("o1", "end"))), title="Payday", **extra),
                   scene("b", ending=True, title="Trip"), scene("end", ending=True, title="Home"),
                   goals=[TRIP], products=[TOTE])


def found(p: Project, code: str) -> list[Problem]:
    problems = validate(p)
    assert analyze(p)[0] == problems  # the statistics' scan finds the same
    return [x for x in problems if x.code == code]


# -- a. written amounts ---------------------------------------------------------------------------

def test_prompt_text_with_another_amount_than_the_prompts() -> None:
    (w,) = found(payday(prompts=[prompt("Put ¥10.00 towards {goal}?")]), "text-amount-differs")
    assert (w.severity, w.scene, w.item) == ("warning", "a", "prompt 'p'")
    assert w.message == ("Prompt text in “Payday” says ¥10.00 but the prompt saves ¥20.00: "
                         "write {amount} to show the current amount")


@pytest.mark.parametrize("text", ["Put ¥20.00 towards {goal}?", "Put {amount} towards {goal}?",
                                  "Save 20 now?", "Put 20元 aside?"])
def test_prompt_text_saying_its_own_amount_or_none(text: str) -> None:
    assert found(payday(prompts=[prompt(text)]), "text-amount-differs") == []


def test_yuan_written_after_the_number_is_read_too() -> None:
    (w,) = found(payday(prompts=[prompt("Put 20元 aside?", amount=3000)]), "text-amount-differs")
    assert "says ¥20.00 but the prompt saves ¥30.00" in w.message


def test_option_label_with_another_amount_than_its_deposit() -> None:
    save = opt("o0", "b", label="Save ¥10", deposit={"goal": "trip", "amount": 2000})
    (w,) = found(payday(save, opt("o1", "end")), "text-amount-differs")
    assert (w.scene, w.item) == ("a", "option 'o0'")
    assert w.message.startswith("Option “Save ¥10” in “Payday” says ¥10.00 but it deposits ¥20.00")
    same = opt("o0", "b", label="Save ¥20", deposit={"goal": "trip", "amount": 2000})
    assert found(payday(same, opt("o1", "end")), "text-amount-differs") == []
    plain = opt("o0", "b", label="Spend ¥10")  # no deposit: no amount to compare with
    assert found(payday(plain, opt("o1", "end")), "text-amount-differs") == []


def test_tag_call_to_action_with_another_price_than_the_products() -> None:
    (w,) = found(payday(tags=[tag("Only ¥5.00!")]), "text-amount-differs")
    assert (w.scene, w.item) == ("a", "tag 't'")
    assert w.message == ("Product tag “Canvas tote” in “Payday” says ¥5.00 but the product costs ¥8.00: "
                         "write {price} to show the current amount")
    assert found(payday(tags=[tag("Only ¥8.00!")]), "text-amount-differs") == []
    p = payday(tags=[tag("Only ¥5.00!")])
    p.products[0].price = None  # nothing to compare with
    assert found(p, "text-amount-differs") == []


# -- b. placeholders ------------------------------------------------------------------------------

def test_unknown_placeholder_and_lone_brace() -> None:
    warnings = found(payday(prompts=[prompt("Put {amout} towards {goal} {")]), "text-placeholder")
    assert [w.item for w in warnings] == ["prompt 'p'", "prompt 'p'"]
    assert warnings[0].message.startswith("Prompt text in “Payday”: unknown placeholder {amout}")
    assert "a lone '{'" in warnings[1].message


def test_amount_on_an_option_without_deposit() -> None:
    (w,) = found(payday(opt("o0", "b", label="Save {amount}"), opt("o1", "end")), "text-placeholder")
    assert w.message == ("Option “Save {amount}” in “Payday”: {amount} has no value here (this text can "
                         "use: none); only an option with a deposit has {amount} and {goal}")
    with_deposit = opt("o0", "b", label="Save {amount}", deposit={"goal": "trip", "amount": 500})
    assert found(payday(with_deposit, opt("o1", "end")), "text-placeholder") == []


def test_placeholders_in_tags_and_endings() -> None:
    p = payday(tags=[tag("Shop {product} for {amount}")])
    (w,) = found(p, "text-placeholder")
    assert w.message.startswith("Product tag “Canvas tote” in “Payday”: {amount} has no value here")
    assert found(payday(tags=[tag("Shop {product}: {price}")]), "text-placeholder") == []
    p = payday()
    p.scenes[1].ending_title = "You saved {amount}"
    p.scenes[1].ending_text = "Braces {{like this}} are fine"
    (w,) = found(p, "text-placeholder")
    assert (w.scene, w.item) == ("b", "ending")
    assert w.message.startswith("Ending title of “Trip”: {amount} has no value here")


# -- c. unedited labels ---------------------------------------------------------------------------

def test_option_still_labelled_with_its_targets_title() -> None:
    (w,) = found(payday(opt("o0", "b", label="Trip"), opt("o1", "end", label="Stay home")),
                 "option-label-unedited")
    assert (w.severity, w.scene, w.item) == ("warning", "a", "option 'o0'")
    assert w.message == "Option “Trip” in “Payday” is still labelled with its target's title"


def test_renaming_a_target_updates_the_label_warning_of_the_scenes_linking_to_it() -> None:
    p = payday(opt("o0", "b", label="Go away"), opt("o1", "end", label="Stay home"))
    v = Validator()
    assert v.validate(p) == []
    p.scenes[1].title = "Go away"  # only the target changed: the validator is told about it alone
    after = v.update(p, {"b"}, False)
    assert after == validate(p)
    assert [(x.code, x.scene) for x in after] == [("option-label-unedited", "a")]
    p.scenes[1].title = "Trip"
    assert v.update(p, {"b"}, False) == validate(p) == []


# -- d. hotspots under the player's chrome --------------------------------------------------------

def test_tag_under_the_title_bar() -> None:
    (w,) = found(payday(tags=[tag(hotspot={"x": 0.1, "y": 0.0, "w": 0.4, "h": 0.12})]),
                 "hotspot-under-chrome")
    assert (w.scene, w.item) == ("a", "tag 't'")
    assert w.message == (f"Product tag “Canvas tote” in “Payday”: more than half of its hotspot is under "
                         f"{TITLE_BAR_NAME}, where viewers cannot tap it")


def test_tag_low_in_the_frame_only_counts_the_dock_while_the_choice_shows() -> None:
    low = {"x": 0.1, "y": 0.82, "w": 0.4, "h": 0.15}
    assert found(payday(tags=[tag(hotspot=low, start=500, end=2500)]), "hotspot-under-chrome") == []
    (w,) = found(payday(tags=[tag(hotspot=low, start=2500, end=3500)]), "hotspot-under-chrome")
    assert CHOICE_DOCK_NAME in w.message


def test_option_hotspot_under_the_choice_dock_of_the_other_options() -> None:
    low = opt("o0", "b", label="Go", hotspot={"x": 0.0, "y": 0.9, "w": 0.5, "h": 0.1})
    buttons = [opt("o1", "end", label="Stay"), opt("o2", "end", label="Sleep")]  # in the dock
    (w,) = found(payday(low, *buttons), "hotspot-under-chrome")
    assert (w.item, w.message) == ("option 'o0'", f"Option “Go” in “Payday”: more than half of its hotspot "
                                                  f"is under {CHOICE_DOCK_NAME}, where viewers cannot tap it")
    # with every option on the frame, the dock is only the countdown: the bottom stays tappable
    mid = opt("o1", "end", label="Stay", hotspot=MIDDLE)
    assert found(payday(low, mid), "hotspot-under-chrome") == []
    # a dock of one button is 0.114 high: most of a hotspot 0.3 high stays above it; two: 0.2
    taller = opt("o0", "b", label="Go", hotspot={"x": 0.0, "y": 0.7, "w": 0.5, "h": 0.3})
    assert found(payday(taller, buttons[0]), "hotspot-under-chrome") == []
    assert len(found(payday(taller, *buttons), "hotspot-under-chrome")) == 1


def test_a_tall_dock_and_the_title_bar_together_can_cover_a_tag() -> None:
    """Six buttons make a dock 0.54 high: with the title bar, 0.56 of a tag over the top 0.8 of the
    frame, though its middle is under neither."""
    whole = {"x": 0.0, "y": 0.0, "w": 1.0, "h": 0.8}
    six = [opt(f"o{k}", "b" if k % 2 else "end", label=f"Answer {k}") for k in range(6)]
    (w,) = found(payday(*six, tags=[tag(hotspot=whole, start=2500, end=3500)]), "hotspot-under-chrome")
    assert CHOICE_DOCK_NAME in w.message
    assert found(payday(*six[:2], tags=[tag(hotspot=whole, start=2500, end=3500)]),
                 "hotspot-under-chrome") == []


def test_half_under_the_title_bar_is_still_tappable() -> None:
    p = payday(tags=[tag(hotspot={"x": 0.1, "y": 0.0, "w": 0.4, "h": 0.3})])
    assert found(p, "hotspot-under-chrome") == []
    p.scenes[0].tags[0].hotspot = Rect(x=0.1, y=0.0, w=0.4, h=0.2)  # 0.108 of 0.2 under it
    assert [x.code for x in validate(p)] == ["hotspot-under-chrome"]


# -- messages name scenes by title ----------------------------------------------------------------

def test_graph_messages_name_scenes_by_title() -> None:
    p = project(scene("a", "end", title="Payday"), scene("x", "y", title="Spiral"),
                scene("y", "x", title="Spiral"), scene("end", ending=True, title="Home"))
    unreachable = [x for x in validate(p) if x.code == "unreachable"]
    assert [x.message for x in unreachable] == ["cannot be reached from the start scene “Payday”"] * 2
    p.scenes[0].choice.options.append(p.scenes[0].choice.options[0].model_copy(  # type: ignore[union-attr]
        update={"id": "o1", "target": "x", "default": False}))
    (loop,) = [x for x in validate(p) if x.code == "no-way-out"]
    assert loop.message == "scenes “Spiral” (x), “Spiral” (y) loop with no way out to an ending"


def test_missing_clip_names_its_scenes_by_title(tmp_path: Path) -> None:
    p = project(scene("a", "end", title="Payday"), scene("end", ending=True, title="Home"),
                media=[asset()])
    (missing,) = validate(p, tmp_path)
    assert missing.code == "media-missing" and missing.message.endswith("(used by scenes “Payday”, “Home”)")


def test_scene_names_read_titles_from_the_scenes_when_not_given() -> None:
    p = project(scene("a", "b", title="Intro"), scene("b", "end", title="Intro"),
                scene("end", ending=True, title="Home"))
    names = SceneNames(p.scenes)
    assert [names("a"), names("end"), names("ghost")] == ["“Intro” (a)", "“Home”", "'ghost'"]
    assert names.some(["a", "b", "end"], limit=2) == "“Intro” (a), “Intro” (b) and 1 more"
