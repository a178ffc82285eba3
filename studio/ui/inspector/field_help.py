"""Inline help for the Inspector's fields whose meaning is not obvious.

``HELP`` maps ``(kind, field)`` (the last kind and the field name of a field's
model path, e.g. ``("choice", "timeout")``) to a short tooltip and a longer
explanation.  :class:`Form.row` looks a field up with :func:`help_for` and,
when there is help, puts a "?" button beside the row's label that shows the
explanation; the tooltip goes on the label and the field.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QPoint
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWhatsThis, QWidget

# (tooltip, explanation), in English: :func:`help_for` translates them (context "FieldHelp").
# Words match the web player's (resources/player/messages/en.json).
HELP: dict[tuple[str, str], tuple[str, str]] = {
    ("scene", "in_ms"): (
        str(QT_TRANSLATE_NOOP("FieldHelp", "Where this scene starts playing in its clip")),
        str(QT_TRANSLATE_NOOP(
            "FieldHelp",
            "The scene plays its clip from In to Out. Timed items (prompts, product tags, the choice) "
            "use the clip's own time, so trimming never moves them.",
        )),
    ),
    ("scene", "out_ms"): (
        str(QT_TRANSLATE_NOOP(
            "FieldHelp", "Where this scene stops playing in its clip (empty: the clip's end)"
        )),
        str(QT_TRANSLATE_NOOP(
            "FieldHelp",
            "When the clip reaches Out, the scene ends: it goes to the option taken, continues "
            "automatically, or ends the story.",
        )),
    ),
    ("scene", "next"): (
        str(QT_TRANSLATE_NOOP("FieldHelp", "Go on to this scene when the clip ends, with no choice")),
        str(QT_TRANSLATE_NOOP(
            "FieldHelp",
            "Continue automatically: when this scene ends, the story goes straight on to the scene "
            "chosen here. No buttons, no countdown. A scene continues automatically or offers a "
            "choice, never both, and an ending does neither.",
        )),
    ),
    ("choice", "appear_ms"): (
        str(QT_TRANSLATE_NOOP("FieldHelp", "When the choice buttons appear (clip time)")),
        str(QT_TRANSLATE_NOOP(
            "FieldHelp",
            "The options show from this moment of the clip until the viewer chooses or the deadline "
            "passes.",
        )),
    ),
    ("choice", "decision_ms"): (
        str(QT_TRANSLATE_NOOP("FieldHelp", "When the viewer's time to choose runs out (clip time)")),
        str(QT_TRANSLATE_NOOP(
            "FieldHelp",
            "At the deadline the timeout rule ('On timeout') applies. Viewers can give themselves more "
            "time in the player's settings (x2, x10, or no timers): then the story waits.",
        )),
    ),
    ("choice", "timeout"): (
        str(QT_TRANSLATE_NOOP("FieldHelp", "What happens when nobody chooses in time")),
        str(QT_TRANSLATE_NOOP(
            "FieldHelp",
            "Pick the default option: the option marked ★ default is taken, as if the viewer had "
            "chosen it (if it is hidden by its condition, the story pauses instead).\nLoop the end: "
            "the scene plays again from In and the choice shows again.\nPause: the video stops and "
            "waits for the viewer.",
        )),
    ),
    ("choice", "mode"): (
        str(QT_TRANSLATE_NOOP("FieldHelp", "Cut away at once, or finish the clip first")),
        str(QT_TRANSLATE_NOOP(
            "FieldHelp",
            "Cut at the choice: the chosen scene starts as soon as the viewer chooses.\nPlay the clip "
            "to its end: this clip keeps playing after the choice (a reaction shot, a line of "
            "dialogue) and the chosen scene starts when it ends.",
        )),
    ),
    ("choice", "one_shot"): (
        str(QT_TRANSLATE_NOOP("FieldHelp", "Ask only the first time; later visits take the same answer")),
        str(QT_TRANSLATE_NOOP(
            "FieldHelp",
            "One shot: when the viewer comes back to this scene later in the same playthrough (a loop "
            "in the story), the answer given the first time is taken again without asking. Back (to "
            "the previous decision) still lets the viewer change it.",
        )),
    ),
    ("choice", "show_countdown"): (
        str(QT_TRANSLATE_NOOP("FieldHelp", "Show the time left as a shrinking bar")),
        str(QT_TRANSLATE_NOOP(
            "FieldHelp",
            "The bar shows the time left until the deadline. Without it the viewer still has the same "
            "time, just no bar.",
        )),
    ),
    ("option", "default"): (
        str(QT_TRANSLATE_NOOP("FieldHelp", "Taken when time runs out (with 'Pick the default option')")),
        str(QT_TRANSLATE_NOOP(
            "FieldHelp",
            "The default option is taken at the deadline when the choice's timeout rule is 'Pick the "
            "default option'. It is also what Play story and the trace runner choose when no input is "
            "given.",
        )),
    ),
    ("option", "show_amount"): (
        str(QT_TRANSLATE_NOOP("FieldHelp", "Show the amount to be saved on the button")),
        str(QT_TRANSLATE_NOOP(
            "FieldHelp",
            "The viewer sees how much choosing this option saves (e.g. '+¥200.00') on the button "
            "itself. Turn it off when the label already says the amount with {amount}.",
        )),
    ),
    ("option", "label"): (
        str(QT_TRANSLATE_NOOP("FieldHelp", "The button's text; may use {amount} and {goal}")),
        str(QT_TRANSLATE_NOOP(
            "FieldHelp",
            "What the viewer reads on the button. Write {amount} for the option's deposit and {goal} "
            "for its goal's name: the player fills them in the viewer's language and currency, so the "
            "text never disagrees with the amount. Write {{ and }} for braces.",
        )),
    ),
    ("option", "hotspot"): (
        str(QT_TRANSLATE_NOOP("FieldHelp", "Make a part of the video itself tappable for this option")),
        str(QT_TRANSLATE_NOOP(
            "FieldHelp",
            "A hotspot is an area of the frame (as a part of its width and height) that the viewer "
            "taps instead of, or as well as, the button. Keep it clear of the player's title bar at "
            "the top and the choice dock at the bottom (shaded in the editor).",
        )),
    ),
    ("deposit", "amount"): (
        str(QT_TRANSLATE_NOOP(
            "FieldHelp",
            "Money the viewer's wallet moves into the goal when this option is chosen",
        )),
        str(QT_TRANSLATE_NOOP(
            "FieldHelp",
            "The host app (the wallet) moves this amount into the viewer's savings goal. The player "
            "only asks; the wallet confirms or refuses, and a refused deposit never counts.",
        )),
    ),
    ("prompt", "text"): (
        str(QT_TRANSLATE_NOOP("FieldHelp", "The prompt's question; may use {amount} and {goal}")),
        str(QT_TRANSLATE_NOOP(
            "FieldHelp",
            "Write {amount} and {goal} instead of writing the money out: the player fills them in, so "
            "changing the amount never leaves old money in the text.",
        )),
    ),
    ("prompt", "pause"): (
        str(QT_TRANSLATE_NOOP("FieldHelp", "Stop the video until the viewer answers")),
        str(QT_TRANSLATE_NOOP(
            "FieldHelp",
            "Paused: the video waits for Save it / Not now. Not paused: the prompt stays on screen "
            "while the clip plays and counts as 'Not now' if the scene ends first.",
        )),
    ),
    ("tag", "cta"): (
        str(QT_TRANSLATE_NOOP("FieldHelp", "The tag's button text (empty: the player's 'Shop now')")),
        str(QT_TRANSLATE_NOOP(
            "FieldHelp",
            "What the viewer taps to open the product card. May use {product} and {price}.",
        )),
    ),
    ("tag", "hotspot"): (
        str(QT_TRANSLATE_NOOP("FieldHelp", "Where the product tag sits on the video")),
        str(QT_TRANSLATE_NOOP(
            "FieldHelp",
            "The tag is drawn over this area of the frame while it shows. Keep it clear of the "
            "player's title bar at the top and the choice dock at the bottom (shaded in the editor).",
        )),
    ),
    ("goal", "cap"): (
        str(QT_TRANSLATE_NOOP(
            "FieldHelp", "The most one playthrough may save into this goal (empty: no cap)"
        )),
        str(QT_TRANSLATE_NOOP(
            "FieldHelp",
            "A deposit that would take the playthrough's total for this goal past the cap is reduced "
            "to what is left; the player says so.",
        )),
    ),
    ("goal", "target"): (
        str(QT_TRANSLATE_NOOP("FieldHelp", "The amount the viewer is saving towards")),
        str(QT_TRANSLATE_NOOP(
            "FieldHelp",
            "Shown as the goal's progress. It does not limit deposits (that is the cap).",
        )),
    ),
    ("project", "replay_deposits"): (
        str(QT_TRANSLATE_NOOP("FieldHelp", "Whether watching again moves real money again")),
        str(QT_TRANSLATE_NOOP(
            "FieldHelp",
            "Off: only the viewer's first playthrough deposits real money; replays show simulated "
            "deposits. On: every playthrough deposits.",
        )),
    ),
    ("project", "locale"): (
        str(QT_TRANSLATE_NOOP("FieldHelp", "The viewers' language and region, e.g. zh-CN")),
        str(QT_TRANSLATE_NOOP(
            "FieldHelp",
            "Money and numbers in author text ({amount}, {price}) are written the way this locale "
            "writes them.",
        )),
    ),
}

KINDS = frozenset({"project", "scene", "choice", "option", "deposit", "prompt", "tag", "goal", "product",
                   "variable", "placeholder", "media"})


def key_of(path: tuple[str, ...]) -> tuple[str, str] | None:
    """``(kind, field)`` of a field's model path (``("scene", "a", "choice", "mode")`` ->
    ``("choice", "mode")``); None for a path too short to name a field."""
    if len(path) >= 2 and path[-2] in KINDS:
        return path[-2], path[-1]
    if len(path) >= 3 and path[-3] in KINDS:
        return path[-3], path[-1]
    return None


def help_for(path: tuple[str, ...] | None) -> tuple[str, str] | None:
    """The field's (tooltip, explanation) in the interface's language; None if it has no help."""
    key = key_of(path) if path else None
    found = HELP.get(key) if key else None
    if found is None:
        return None
    tip, explanation = found
    return QCoreApplication.translate("FieldHelp", tip), QCoreApplication.translate("FieldHelp", explanation)


class HelpButton(QToolButton):
    """A small "?" that shows a field's explanation next to itself."""

    def __init__(self, title: str, explanation: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setText("?")
        self.setObjectName("fieldHelp")
        self.setAutoRaise(True)
        self.title = title
        self.explanation = explanation
        tip = self.tr("What is “{title}”?").format(title=title) if title else self.tr("What is this?")
        self.setToolTip(tip)
        self.setAccessibleName(self.toolTip())
        self.clicked.connect(self.show_help)

    def text_shown(self) -> str:
        return f"<b>{self.title}</b><br>" + self.explanation.replace("\n", "<br>") if self.title else \
            self.explanation.replace("\n", "<br>")

    def show_help(self) -> None:
        QWhatsThis.showText(self.mapToGlobal(QPoint(0, self.height())), self.text_shown(), self)


def with_help(label: str, path: tuple[str, ...] | None, parent: QWidget) -> tuple[QWidget | None, str]:
    """A label widget with a "?" for ``path`` when it has help (else None), and the tooltip ("" if none)."""
    found = help_for(path)
    if found is None:
        return None, ""
    tip, explanation = found
    box = QWidget(parent)
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    row.setSpacing(2)
    if label:
        text = QLabel(label, box)
        text.setToolTip(tip)
        row.addWidget(text)
    row.addWidget(HelpButton(label.rstrip(":"), explanation, box))
    if not label:
        row.addStretch(1)
    return box, tip
