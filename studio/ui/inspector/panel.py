"""The inspector panel: the selected item's form, and the project's catalog.

The *Item* tab shows the form for ``selection.current`` (scene, choice
window, option, savings prompt or product tag; the scene's form when nothing
more specific is selected).  The *Project* tab edits the drama settings,
savings goals, product catalog and variables.  Forms are refreshed from
``document.changed`` and rebuilt only when their item's shape changes, so
typing is never interrupted.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QTabWidget, QVBoxLayout, QWidget

from studio.app.document import Document
from studio.app.playhead import Playhead
from studio.app.selection import Selection
from studio.model.ops import (
    ChangeSet,
    ChoiceRef,
    ItemRef,
    OpError,
    OptionRef,
    PromptRef,
    Ref,
    SceneRef,
    TagRef,
    parse_path,
)
from studio.model.project import Option, ProductTag, SavingsPrompt
from studio.ui.inspector.forms import Ctx, ElidedLabel, Form
from studio.ui.inspector.item_forms import OptionForm, PromptForm, TagForm
from studio.ui.inspector.project_form import ProjectForm
from studio.ui.inspector.scene_forms import ChoiceForm, SceneForm

Path = tuple[str, ...]
FORMS: dict[type[Ref[Any]], type[Form]] = {
    SceneRef: SceneForm,
    ChoiceRef: ChoiceForm,
    OptionRef: OptionForm,
    PromptRef: PromptForm,
    TagRef: TagForm,
}


def form_ref(path: Path | None) -> Ref[Any] | None:
    """The item whose form shows ``path``: the item itself, else the nearest one holding it that
    has a form (a hotspot shows its option); None if there is none (the Project tab's items)."""
    try:
        ref: Ref[Any] | None = parse_path(path) if path else None  # type: ignore[assignment]
    except OpError:
        return None
    while ref is not None and type(ref) not in FORMS:
        ref = ref.parent
    return ref


def breadcrumb(doc: Document, ref: Ref[Any]) -> str:
    """``Scene “Payday”  ›  Option “Save it”``: what the creator wrote (titles, labels, texts,
    product names), never internal ids."""
    sid = ref.id_path[1]
    scene = doc.project.scene_map().get(sid)
    parts = [
        QCoreApplication.translate("Inspector", "Scene “{title}”").format(title=scene.title)
        if scene
        else QCoreApplication.translate("Inspector", "Scene '{id}'").format(id=sid)
    ]
    if not isinstance(ref, SceneRef):
        name = item_name(doc, ref) if isinstance(ref, ItemRef) else ""
        kind = QCoreApplication.translate("Inspector", FORMS[type(ref)].title)
        parts.append(
            QCoreApplication.translate("Inspector", "{kind} “{name}”").format(kind=kind, name=name)
            if name
            else kind
        )
    return "  ›  ".join(parts)


def item_name(doc: Document, ref: ItemRef[Any]) -> str:
    """An item as its author named it: an option's label, a prompt's text, a tag's product."""
    try:
        item = ref.get(doc.project)
    except (OpError, KeyError, AttributeError, StopIteration):
        return ref.ident
    if isinstance(item, Option):
        return item.label
    if isinstance(item, SavingsPrompt):
        return item.text if len(item.text) <= 40 else item.text[:39] + "…"
    if isinstance(item, ProductTag):
        product = next((p for p in doc.project.products if p.id == item.product), None)
        return product.name if product is not None else item.product
    return ref.ident


class _Scroll(QScrollArea):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)


class InspectorPanel(QWidget):
    """Item form + project catalog, in two tabs."""

    def __init__(
        self, document: Document, selection: Selection, playhead: Playhead, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("inspectorPanel")
        self.ctx = Ctx(document, selection, playhead)
        self.doc, self.selection = document, selection
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        item_page = QWidget(self)
        self.crumb = ElidedLabel("", item_page)
        self.crumb.setObjectName("inspectorCrumb")
        self.crumb.setContentsMargins(8, 6, 8, 0)
        font = self.crumb.font()
        font.setBold(True)
        self.crumb.setFont(font)
        self.item_scroll = _Scroll(item_page)
        box = QVBoxLayout(item_page)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        box.addWidget(self.crumb)
        box.addWidget(self.item_scroll, 1)
        self.project_scroll = _Scroll(self)
        self.tabs.addTab(item_page, self.tr("Item"))
        self.tabs.addTab(self.project_scroll, self.tr("Project"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.form: Form | None = None
        self.project_form: ProjectForm | None = None
        self._switching = False
        self._sig: object = None
        self._project_sig: object = None
        document.changed.connect(self._on_changed)
        document.reset.connect(self._on_reset)
        selection.changed.connect(self._on_selection)
        self._build_project()
        self._on_selection()

    # --- routing ---------------------------------------------------------------------------
    def target(self) -> Ref[Any] | None:
        """The item to show: the current one, falling back to its scene, else None."""
        path = self.selection.current
        if path is None and len(self.selection.scenes) == 1:
            path = SceneRef(next(iter(self.selection.scenes))).id_path
        ref = form_ref(path)
        if ref is None:
            return None
        project = self.doc.project
        try:
            ref.get(project)
        except OpError:
            ref = SceneRef(ref.id_path[1])
            if ref.scene not in project.scene_map():
                return None
        return ref

    def _on_selection(self) -> None:
        self.show_item(self.target())
        if self.selection.current and self.selection.current[0] in ("goal", "product", "variable"):
            self.tabs.setCurrentIndex(1)

    def show_item(self, ref: Ref[Any] | None, keep_scroll: bool = False) -> None:
        if self.form is not None and ref == self.form.ref and not keep_scroll:
            return
        scroll = self.item_scroll.verticalScrollBar().value() if keep_scroll else 0
        if self.form is not None and not self._switching:
            self._switching = True  # typed-but-uncommitted text is applied, not lost
            try:
                self.form.flush()
            finally:
                self._switching = False
        old = self.item_scroll.takeWidget()
        if old is not None:
            old.deleteLater()
        self.form = None
        if ref is None:
            hint = QLabel(self.tr("Select a scene in the graph, or an item on its timeline."), self)
            hint.setWordWrap(True)
            hint.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            hint.setContentsMargins(10, 10, 10, 10)
            self.item_scroll.setWidget(hint)
            self.crumb.set_full_text(self.tr("Nothing selected"))
            return
        self.form = FORMS[type(ref)](self.ctx, ref)
        self._sig = self.form.signature(self.doc.project)
        self.form.refresh(self.doc.project)
        self.item_scroll.setWidget(self.form)
        self.item_scroll.verticalScrollBar().setValue(scroll)
        self.crumb.set_full_text(breadcrumb(self.doc, ref))
        self.tabs.setCurrentIndex(0)

    def _build_project(self) -> None:
        if self.project_form is not None:
            self.project_form.flush()
        old = self.project_scroll.takeWidget()
        scroll = self.project_scroll.verticalScrollBar().value()
        if old is not None:
            old.deleteLater()
        self.project_form = ProjectForm(self.ctx)
        self._project_sig = self.project_form.signature(self.doc.project)
        self.project_form.refresh(self.doc.project)
        self.project_scroll.setWidget(self.project_form)
        self.project_scroll.verticalScrollBar().setValue(scroll)

    # --- model changes ---------------------------------------------------------------------
    def _on_changed(self, changes: ChangeSet) -> None:
        project = self.doc.project
        if changes.layout_only or self._switching:
            return
        target = self.target()
        if self.form is not None and (target != self.form.ref or not self.form.exists(project)):
            self.show_item(target)
        elif self.form is not None and self.form.signature(project) != self._sig:
            self.show_item(self.form.ref, keep_scroll=True)  # same item, new shape
        elif self.form is not None:
            self.form.refresh(project)
        elif target is not None:
            self.show_item(target)
        if self.form is not None:  # a rename shows in the header at once
            self.crumb.set_full_text(breadcrumb(self.doc, self.form.ref))
        if self.project_form is not None:
            if self.project_form.signature(project) != self._project_sig:
                self._build_project()
            else:
                self.project_form.refresh(project)

    def _on_reset(self) -> None:
        self.form = None
        self._build_project()
        self.show_item(self.target())
