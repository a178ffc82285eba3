"""Which scenes may come next from the current one (``Engine.next_scene_candidates``).

A player pre-rolls these scenes' clips (a placeholder scene has none) so a transition shows no
gap.  The list follows the contract's scene end (rule 6): a taken ``play_to_end`` option's target,
else the scene's automatic continuation (``next``), else the targets of the choice's options
(the open choice's visible ones once it is shown); nothing for an ending or a dead end.
"""

from __future__ import annotations

from studio.engine.schedule import CompiledScene
from studio.engine.state import OpenChoice, Visit


def next_scene_candidates(sc: CompiledScene | None, visit: Visit, choice: OpenChoice | None,
                          ended: bool) -> list[str]:
    """Scene ids that could come next, without repeats, in the order the story offers them."""
    if sc is None or ended:
        return []
    if visit.taken is not None:
        return [visit.taken.target]
    if sc.scene.next is not None:
        return [sc.scene.next]
    cp = sc.scene.choice
    if cp is None or (visit.choice_done and choice is None):
        return []  # no choice point, or it was skipped (all options hidden): a dead end
    options = choice.options if choice is not None else tuple(cp.options)
    return list(dict.fromkeys(o.target for o in options))
