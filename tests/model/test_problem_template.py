"""A problem's message template and values (for the studio's translation) are extra: a problem
with them equals, hashes and serialises as the same problem without them."""

from __future__ import annotations

import json

from studio.model.checks import Problem, problem
from studio.model.messages import QT_TRANSLATE_NOOP, msg


def test_a_template_takes_no_part_in_equality_hashing_or_json() -> None:
    marked = problem("warning", "unreachable", "cannot be reached from the start scene {start}", "b",
                     None, start="“Payday”")
    plain = Problem("warning", "unreachable", "cannot be reached from the start scene “Payday”", "b")
    assert marked.template == "cannot be reached from the start scene {start}"
    assert marked.params == (("start", "“Payday”"),)
    assert plain.template is None and plain.params == ()
    assert marked == plain and hash(marked) == hash(plain) and {marked, plain} == {plain}
    assert marked.to_json() == plain.to_json() == {
        "severity": "warning", "code": "unreachable",
        "message": "cannot be reached from the start scene “Payday”", "scene": "b", "item": None,
    }
    assert json.dumps(marked.to_json()) == json.dumps(plain.to_json())
    assert str(marked) == str(plain) and repr(marked) == repr(plain)


def test_values_are_kept_as_strings_and_scene_may_be_a_placeholder() -> None:
    m = msg("{count} of {total} at {scene}", count=2, total=3, scene="x")
    assert (m.text, m.params) == ("2 of 3 at x", (("count", "2"), ("total", "3"), ("scene", "x")))
    p = problem("error", "c", "in {scene}", "s1", "choice", scene="“A”")
    assert (p.message, p.scene, p.item) == ("in “A”", "s1", "choice")
    assert QT_TRANSLATE_NOOP("Problems", "same text") == "same text"
