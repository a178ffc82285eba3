"""The two story templates, as storyboards of placeholder scenes (six scenes each).

Scripted savings: a goal, a choice whose first option deposits money (its button shows the
amount), a timed savings prompt, two ways on that continue automatically, and two endings
with their own titles.  Shoppable drama: a product, a tappable tag over the opening, a
choice, two ways on and two endings.  Author text uses placeholders (``{amount}``,
``{goal}``, ``{product}``, ``{price}``) so it follows the amounts and names in the model.
"""

from __future__ import annotations

from studio.model.items import (
    ChoicePoint,
    Deposit,
    Option,
    Placeholder,
    Product,
    ProductTag,
    SavingsGoal,
    SavingsPrompt,
    Scene,
)
from studio.model.project import Project
from studio.model.types import Point, Rect

SAVINGS_TITLE = "My savings drama"
SHOPPABLE_TITLE = "My shoppable drama"

# Colour cards: one hue per part of the story, so the storyboard reads at a glance.
OPENING, GOOD, BAD, MIDDLE, ENDING = "#3d5a80", "#2a9d8f", "#e76f51", "#6d597a", "#264653"
COLUMN = 440.0


def card(colour: str, seconds: int) -> Placeholder:
    return Placeholder(colour=colour, duration_ms=seconds * 1000)


def at(column: int, row: int) -> Point:
    return Point(x=column * COLUMN, y=row * 220.0)


def savings(title: str) -> Project:
    goal = SavingsGoal(id="goal", name="Trip to the coast", target=100000)
    payday = Scene(
        id="payday", title="Payday", placeholder=card(OPENING, 12), position=at(0, 1),
        prompts=[SavingsPrompt(
            id="round_up", at_ms=2500, goal="goal", amount=1000, text="Put {amount} towards {goal}?",
        )],
        choice=ChoicePoint(appear_ms=6000, decision_ms=11000, options=[
            Option(id="save", label="Save {amount}", target="saving_it",
                   deposit=Deposit(goal="goal", amount=20000), show_amount=True, default=True),
            Option(id="spend", label="Spend it tonight", target="spending_it"),
        ]),
    )
    saving = Scene(id="saving_it", title="Saving it", placeholder=card(GOOD, 8), position=at(1, 0),
                   next="month_end")
    spending = Scene(id="spending_it", title="Spending it", placeholder=card(BAD, 8), position=at(1, 2),
                     next="month_end")
    month_end = Scene(
        id="month_end", title="Month end", placeholder=card(MIDDLE, 10), position=at(2, 1),
        choice=ChoicePoint(appear_ms=5000, decision_ms=9500, options=[
            Option(id="book", label="Book the trip", target="ending_trip",
                   condition={">=": [{"var": "saved.goal"}, 20000]}),
            Option(id="keep_going", label="Keep saving", target="ending_later", default=True),
        ]),
    )
    trip = Scene(
        id="ending_trip", title="The trip", placeholder=card(ENDING, 8), position=at(3, 0),
        ending=True, ending_kind="good", ending_title="Off to the coast",
        ending_text="Saving a little each payday paid for the trip.",
    )
    later = Scene(
        id="ending_later", title="Next month", placeholder=card(ENDING, 8), position=at(3, 2),
        ending=True, ending_kind="neutral", ending_title="Still saving",
        ending_text="The coast can wait; the goal is still there.",
    )
    return Project(
        title=title, goals=[goal], scenes=[payday, saving, spending, month_end, trip, later], start="payday",
    )


def shoppable(title: str) -> Project:
    tote = Product(id="tote", sku="TOTE-01", name="Everyday tote bag", price=19900,
                   url="https://shop.example.com/tote")
    morning = Scene(
        id="morning", title="Morning", placeholder=card(OPENING, 12), position=at(0, 1),
        tags=[ProductTag(id="tote_tag", product="tote", start_ms=2000, end_ms=7000,
                         hotspot=Rect(x=0.32, y=0.42, w=0.36, h=0.18), cta="Shop {product}")],
        choice=ChoicePoint(appear_ms=7500, decision_ms=11000, options=[
            Option(id="take_tote", label="Take the tote", target="with_tote", default=True),
            Option(id="leave_it", label="Leave it at home", target="without_tote"),
        ]),
    )
    with_tote = Scene(id="with_tote", title="With the tote", placeholder=card(GOOD, 8), position=at(1, 0),
                      next="evening")
    without = Scene(id="without_tote", title="Without it", placeholder=card(BAD, 8), position=at(1, 2),
                    next="evening")
    evening = Scene(
        id="evening", title="Evening", placeholder=card(MIDDLE, 10), position=at(2, 1),
        choice=ChoicePoint(appear_ms=5000, decision_ms=9500, options=[
            Option(id="market", label="Go to the market", target="ending_market", default=True),
            Option(id="home", label="Head home", target="ending_home"),
        ]),
    )
    market = Scene(
        id="ending_market", title="At the market", placeholder=card(ENDING, 8), position=at(3, 0),
        ending=True, ending_kind="good", ending_title="Everything fits",
        ending_text="The tote carried the whole market home.",
    )
    home = Scene(
        id="ending_home", title="At home", placeholder=card(ENDING, 8), position=at(3, 2),
        ending=True, ending_kind="neutral", ending_title="A quiet night",
        ending_text="Maybe tomorrow: the tote is still in the shop.",
    )
    return Project(
        title=title, products=[tote], scenes=[morning, with_tote, without, evening, market, home],
        start="morning",
    )
