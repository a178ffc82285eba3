"""Help > Getting Started: the first hour with the studio, step by step, in a resizable dialog."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

STEPS: tuple[tuple[str, str], ...] = (  # English, translated when the page is made
    (str(QT_TRANSLATE_NOOP("GettingStarted", "Start a drama")),
     str(QT_TRANSLATE_NOOP(
         "GettingStarted",
         "On the start screen pick <b>Scripted savings</b>, <b>Shoppable drama</b> or "
         "<b>Blank</b> (File &gt; New is Blank). The new drama is ready to edit at once; the "
         "first <b>Save</b> asks for the folder it should live in. A project is a folder: "
         "drama.json and its media/."))),
    (str(QT_TRANSLATE_NOOP("GettingStarted", "Storyboard before footage")),
     str(QT_TRANSLATE_NOOP(
         "GettingStarted",
         "Templates are made of <b>placeholder scenes</b>: a titled colour card of a planned "
         "length. They play in Play story and in the web player like clips, so the story can "
         "be tried before anything is filmed."))),
    (str(QT_TRANSLATE_NOOP("GettingStarted", "Bring in your clips")),
     str(QT_TRANSLATE_NOOP(
         "GettingStarted",
         "<b>Scene &gt; Import Clips</b> (or drag video files onto the graph) copies clips "
         "into the project's media/ folder; dropping one on the graph makes a scene of it. "
         "Give a placeholder scene its clip in the Inspector: its timed items stay."))),
    (str(QT_TRANSLATE_NOOP("GettingStarted", "Branch the story")),
     str(QT_TRANSLATE_NOOP(
         "GettingStarted",
         "Drag from a scene's output port onto another scene to add a choice option, or use "
         "the <b>+</b> on a selected scene to branch into a new one. The Inspector edits the "
         "choice: when it appears, the labels, and whether a link simply <b>continues "
         "automatically</b>."))),
    (str(QT_TRANSLATE_NOOP("GettingStarted", "Money and products")),
     str(QT_TRANSLATE_NOOP(
         "GettingStarted",
         "A deposit on an option, or a savings prompt on the timeline, asks the host app to "
         "save an amount towards a goal. A product tag puts a tappable product over the video. "
         "Write <b>{amount}</b>, <b>{goal}</b>, <b>{product}</b> and <b>{price}</b> in text: "
         "they always show the current values, formatted for the drama's locale."))),
    (str(QT_TRANSLATE_NOOP("GettingStarted", "Play and fix")),
     str(QT_TRANSLATE_NOOP(
         "GettingStarted",
         "<b>Play story</b> plays the drama as a viewer would, choices and all. The "
         "<b>Problems</b> panel lists what is missing or wrong; double-click a problem to go "
         "to it."))),
    (str(QT_TRANSLATE_NOOP("GettingStarted", "Save and share")),
     str(QT_TRANSLATE_NOOP(
         "GettingStarted",
         "<b>File &gt; Save</b> (autosave keeps a recovery copy in between). <b>File &gt; "
         "Export Bundle</b> writes a .drama.zip for the web player and the host apps; "
         "<code>studio validate PROJECT</code> checks a project from the command line."))),
)


def page_html() -> str:
    def tr(text: str) -> str:
        return QCoreApplication.translate("GettingStarted", text)

    items = "".join(
        QCoreApplication.translate("GettingStarted", "<li><p><b>{title}.</b> {text}</p></li>").format(
            title=tr(title), text=tr(text))
        for title, text in STEPS
    )
    heading = QCoreApplication.translate("GettingStarted", "Your first hour with Drama Studio")
    intro = QCoreApplication.translate(
        "GettingStarted",
        "A drama is a graph of short scenes; the viewer's choices pick the path. "
        "These steps take you from an empty window to a drama you can share.")
    outro = QCoreApplication.translate("GettingStarted", "Help &gt; Keyboard Shortcuts lists every key.")
    return f"<h2>{heading}</h2><p>{intro}</p><ol>{items}</ol><p>{outro}</p>"


class GettingStartedDialog(QDialog):
    """A readable page (wrapped, scrolls when short) with a Close button; not modal."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("gettingStarted")
        self.setWindowTitle(self.tr("Getting Started"))
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(False)
        self.browser.setHtml(page_html())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addWidget(self.browser, 1)
        column.addWidget(buttons)
        self.resize(620, 560)
