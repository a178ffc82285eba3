"""What a gesture adds: the defaults of a new item and the op that adds it (Qt-free).

The timeline's Add menu (a savings prompt, a product tag, a choice window at
the playhead), the inspector's "+" buttons (a goal, a product, an option), a
deposit given a goal, a variable given a type: each new item starts from the
defaults below, built here once, so every panel adds the same item and the
rule is testable without widgets.  Amounts are in minor units.
"""

from __future__ import annotations

from studio.model.ids import unique_id
from studio.model.ops import (
    PROJECT,
    AddItem,
    ChoiceRef,
    Op,
    OpError,
    PromptRef,
    SceneRef,
    SetField,
    TagRef,
)
from studio.model.project import (
    ChoicePoint,
    Deposit,
    Option,
    Product,
    ProductTag,
    Project,
    SavingsGoal,
    SavingsPrompt,
    Scene,
    Variable,
)
from studio.model.types import Rect

TAG_MS = 2000  # a new product tag lasts 2 s (shortened at the trim end)
CHOICE_MS = 3000  # a new choice window is open for 3 s
PROMPT_AMOUNT = 1000  # a new savings prompt asks for 10.00 (minor units)
DEPOSIT_AMOUNT = 1000  # a deposit added to an option (minor units)
GOAL_TARGET = 100_000  # a new savings goal's target (minor units)
HOTSPOT = Rect(x=0.35, y=0.42, w=0.3, h=0.16)  # a new tag's tappable area (fractions of the frame)
VARIABLE_DEFAULTS: dict[str, int | bool | str] = {"int": 0, "bool": False, "string": ""}

Added = tuple[Op, tuple[str, ...]]  # the op, and the id path of the new item (to select it)


PROMPT_TEXT = "Put {amount} towards {goal}?"  # placeholders: studio.model.placeholders


def add_prompt(project: Project, scene: Scene, at_ms: int) -> Added:
    """A savings prompt at ``at_ms`` for the first goal (refused if there is none)."""
    if not project.goals:
        raise OpError("add a savings goal first (Project tab), then a savings prompt")
    goal = project.goals[0]
    pid = unique_id("prompt", (p.id for p in scene.prompts))
    prompt = SavingsPrompt(
        id=pid,
        at_ms=at_ms,
        goal=goal.id,
        amount=PROMPT_AMOUNT,
        text=PROMPT_TEXT,
    )
    return AddItem(SceneRef(scene.id).prompts, prompt), PromptRef(scene.id, pid).id_path


def _window(at_ms: int, out_ms: int, length: int) -> tuple[int, int]:
    """``length`` ms from ``at_ms``, moved back to end at the trim end ``out_ms`` if need be."""
    end = min(at_ms + length, out_ms)
    start = at_ms if end > at_ms else max(0, end - length)
    if end <= start:
        end = start + length
    return start, end


def add_tag(project: Project, scene: Scene, at_ms: int, out_ms: int) -> Added:
    """A product tag from ``at_ms`` (2 s, shortened at the trim end) for the first product."""
    if not project.products:
        raise OpError("add a product to the catalog first (Project tab), then a product tag")
    product = project.products[0]
    start, end = _window(at_ms, out_ms, TAG_MS)
    tid = unique_id(product.id, (t.id for t in scene.tags))
    tag = ProductTag(id=tid, product=product.id, start_ms=start, end_ms=end, hotspot=HOTSPOT.model_copy())
    return AddItem(SceneRef(scene.id).tags, tag), TagRef(scene.id, tid).id_path


def add_choice(project: Project, scene: Scene, at_ms: int, out_ms: int) -> Added:
    """A choice window from ``at_ms`` with one default option (to the next scene)."""
    if scene.ending:
        raise OpError(f"scene '{scene.id}' is an ending: endings have no choice window")
    if scene.choice is not None:
        raise OpError(f"scene '{scene.id}' already has a choice window: drag it instead")
    start, end = _window(at_ms, out_ms, CHOICE_MS)
    others = [s for s in project.scenes if s.id != scene.id]
    target = others[0] if others else scene
    option = Option(id="continue", label="Continue", target=target.id, default=True)
    choice = ChoicePoint(appear_ms=start, decision_ms=end, options=[option])
    return SetField(SceneRef(scene.id).choice, choice), ChoiceRef(scene.id).id_path


def add_option(project: Project, scene_id: str) -> Op:
    """One more option of a scene's choice, to the next scene not targeted yet (by position)."""
    scene = project.scene_map()[scene_id]
    existing = scene.choice.options if scene.choice else []
    others = [s for s in project.scenes if s.id != scene_id] or [scene]
    target = others[min(len(existing), len(others) - 1)]
    oid = unique_id(f"to_{target.id}", (o.id for o in existing))
    return AddItem(ChoiceRef(scene_id).options, Option(id=oid, label=target.title[:200], target=target.id))


def add_goal(project: Project) -> Op:
    gid = unique_id("goal", (g.id for g in project.goals))
    return AddItem(PROJECT.goals, SavingsGoal(id=gid, name="New goal", target=GOAL_TARGET))


def add_product(project: Project) -> Op:
    pid = unique_id("product", (p.id for p in project.products))
    return AddItem(
        PROJECT.products, Product(id=pid, sku=pid.upper(), name="New product", currency=project.currency)
    )


def deposit_towards(goal: str, old: Deposit | None) -> Deposit:
    """An option's deposit to ``goal``: the amount it had, else :data:`DEPOSIT_AMOUNT`."""
    return Deposit(goal=goal, amount=old.amount if old is not None else DEPOSIT_AMOUNT)


def variable(variable_id: str, kind: str) -> Variable:
    """A variable of type ``kind`` starting at that type's default (0, false or ""); a pydantic
    ValidationError for a bad id or kind."""
    return Variable.model_validate({"id": variable_id, "type": kind, "default": VARIABLE_DEFAULTS.get(kind)})
