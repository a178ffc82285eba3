"""The branch graph's QGraphicsScene, kept in step with the document.

:class:`GraphScene` owns one :class:`SceneItem` per scene and one
:class:`EdgeItem` per option.  It redraws only from ``Document.changed``:
moved scenes are repositioned, touched scenes refreshed (and their outgoing
edges rebuilt), removed ones dropped; a reset rebuilds everything.  It also
mirrors the shared :class:`~studio.app.selection.Selection`, shows
validation problems on nodes and thumbnails as they are decoded, and (in
review) dims the scenes and options not watched yet (:meth:`set_coverage`).

Big projects are built progressively: the zoomed-out overview paints from
the model at once, and items are created in chunks on idle time.  Anything
that needs every item (an edit, a click, zooming in) finishes the build
first (:meth:`GraphScene.ensure_built`).

Media, scaled thumbnails and label sizes are kept by
:class:`~studio.ui.graph.assets.ItemAssets`; the selection is mirrored by
:class:`~studio.ui.graph.selection_sync.SelectionMirror`.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, QLineF, QRectF, QTimer
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene

from studio.app.document import Document
from studio.app.selection import Selection
from studio.app.thumbnails import ThumbnailCache
from studio.app.validation import ValidationRunner
from studio.model.checks import Problem
from studio.model.ops import ChangeSet
from studio.model.project import MediaAsset, Project, Scene
from studio.ui.graph.assets import ItemAssets
from studio.ui.graph.edges import CONTINUES, NEXT, EdgeItem, option_label
from studio.ui.graph.items import SceneItem
from studio.ui.graph.links import Links
from studio.ui.graph.overview import Groups, Overview
from studio.ui.graph.selection_sync import SelectionMirror
from studio.ui.graph.style import NODE_H, NODE_W, GraphStyle

MARGIN = 2000.0
CHUNK = 600  # items built per idle step of a progressive build
PROGRESSIVE = 1500  # projects with more scenes than this build progressively
NO_CONTENTS = QGraphicsItem.GraphicsItemFlag.ItemHasNoContents


class GraphScene(QGraphicsScene):
    """Graphics items for every scene and option of the document's project."""

    def __init__(
        self,
        document: Document,
        selection: Selection,
        validation: ValidationRunner,
        thumbnails: ThumbnailCache,
    ) -> None:
        super().__init__(document)
        self.doc = document
        self.selection = selection
        self.validation = validation
        self.thumbnails = thumbnails
        self.look = GraphStyle.from_palette()
        self.nodes: dict[str, SceneItem] = {}  # may be partial while building
        self.edges: dict[tuple[str, str], EdgeItem] = {}
        self.links = Links()  # which edges leave and enter each node
        self.complete = True
        self.overview = False
        self.label_epoch = 0  # bumped when a node or edge changes: edge labels are placed again
        self._overview = Overview(self)
        self._todo_nodes: list[str] = []
        self._todo_edges: list[str] = []
        self._assets = ItemAssets(thumbnails)
        self._mirror = SelectionMirror(self, selection)
        self._problems: dict[str, list[Problem]] = {}
        self._currency = ""
        # review coverage: (watched scenes, watched (scene, option) edges); None = no overlay
        self.coverage: tuple[frozenset[str], frozenset[tuple[str, str]]] | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._build_step)
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
        document.changed.connect(self.on_changed)
        validation.problems_changed.connect(self.on_problems)
        thumbnails.ready.connect(self.on_thumbnail)
        self.selectionChanged.connect(self._push_selection)  # slots of the scene: Qt drops
        selection.changed.connect(self._pull_selection)  # them when it is deleted
        self.rebuild()

    # --- lookups used by items ---------------------------------------------------
    @property
    def items_by_id(self) -> dict[str, SceneItem]:
        """Every scene's item (finishes a progressive build first)."""
        self.ensure_built()
        return self.nodes

    def asset(self, media_id: str) -> MediaAsset | None:
        return self._assets.asset(media_id)

    def label_size(self, text: str) -> tuple[float, float]:
        """Size of an edge label box (cached by text)."""
        return self._assets.label_size(text, self.look.small_metrics)

    def pixmap(self, media_id: str) -> QPixmap | None:
        return self._assets.pixmap(media_id)

    # --- overview -------------------------------------------------------------------
    def set_overview(self, on: bool) -> None:
        """Zoomed far out: items paint nothing, the view draws them in batches."""
        if not on:
            self.ensure_built()
        if on == self.overview:
            return
        self.overview = on
        for node in self.nodes.values():
            node.setFlag(NO_CONTENTS, on)
        for edge in self.edges.values():
            edge.setFlag(NO_CONTENTS, on)
        self.invalidate_overview()

    def invalidate_overview(self) -> None:
        self._overview.invalidate()
        if self.overview:
            self.update()

    def node_moved(self, node: SceneItem) -> None:
        """A node moved (model move or drag): its edges follow, the overview is patched."""
        self.label_epoch += 1
        edges = self.links.of(node.sid)
        for edge in edges:
            edge.adjust()
        if self.overview:
            self.overview_moved(node, edges)

    def overview_moved(self, node: SceneItem, edges: Iterable[EdgeItem]) -> None:
        dirty = self._overview.moved(node, edges)
        if dirty is None:
            self.update()
        else:
            self.update(dirty)

    def overview_geometry(self) -> tuple[list[QLineF], Groups]:
        return self._overview.geometry()

    # --- review coverage --------------------------------------------------------------
    def set_coverage(self, scenes: Iterable[str] | None, options: Iterable[tuple[str, str]] = ()) -> None:
        """Show review coverage: unwatched scenes and options are dimmed (None: no overlay).

        One repaint of the items; painting reads the sets (no per-frame work).
        """
        coverage = None if scenes is None else (frozenset(scenes), frozenset(options))
        if coverage == self.coverage:
            return
        self.coverage = coverage
        self.invalidate_overview()
        self.update()

    def watched(self, scene_id: str) -> bool | None:
        """Whether a scene was watched in the review (None: no coverage shown)."""
        return None if self.coverage is None else scene_id in self.coverage[0]

    def edge_watched(self, key: tuple[str, str]) -> bool | None:
        return None if self.coverage is None else key in self.coverage[1]

    # --- building -------------------------------------------------------------
    def rebuild(self) -> None:
        """Recreate every item from the project (load, revert, new)."""
        project = self.doc.project
        self._timer.stop()
        with self._mirror.held():
            self.clear()
            self.nodes.clear()
            self.edges.clear()
            self.links.clear()
            self._assets.reset(project)
            self._currency = project.currency
            self._problems = dict(self.validation.by_scene)
        self._todo_nodes = [s.id for s in project.scenes]
        self._todo_edges = list(self._todo_nodes)
        self.complete = False
        self.fit_scene_rect()
        self.invalidate_overview()
        if len(project.scenes) > PROGRESSIVE:
            self._timer.start()
        else:
            self.ensure_built()

    def ensure_built(self) -> None:
        """Finish a progressive build now."""
        while not self.complete:
            self._build_step(budget=1 << 30)

    def _build_step(self, budget: int = CHUNK) -> None:
        project = self.doc.project
        scenes = project.scene_map() if self._todo_nodes or self._todo_edges else {}
        with self._mirror.held():
            while self._todo_nodes and budget > 0:
                scene = scenes.get(self._todo_nodes.pop())
                if scene is not None:
                    self._add_node(scene, project)
                budget -= 1
            while not self._todo_nodes and self._todo_edges and budget > 0:
                scene = scenes.get(self._todo_edges.pop())
                if scene is not None:
                    budget -= 1 + self._build_edges(scene, project)
        if self._todo_nodes or self._todo_edges:
            self._timer.start()
            return
        self.complete = True
        self._mirror.pull()
        self.invalidate_overview()

    def _add_node(self, scene: Scene, project: Project) -> SceneItem:
        item = SceneItem(scene.id, self)
        item.setFlag(NO_CONTENTS, self.overview)
        item.setFlag(item.GraphicsItemFlag.ItemIsMovable, not self.doc.read_only)
        item.setPos(scene.position.x, scene.position.y)
        item.set_scene(scene, project, self._problems.get(scene.id, []))
        self.addItem(item)
        self.nodes[scene.id] = item
        return item

    def fit_scene_rect(self) -> None:
        """Scene rect = all scenes plus a margin (from the model: no item walk)."""
        rect = self.nodes_rect()
        if rect.isNull():
            rect = QRectF(0, 0, NODE_W, NODE_H)
        self.setSceneRect(rect.adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN))

    def _grow_scene_rect(self, item: SceneItem) -> None:
        rect = item.sceneBoundingRect().adjusted(-MARGIN / 2, -MARGIN / 2, MARGIN / 2, MARGIN / 2)
        if not self.sceneRect().contains(rect):
            self.setSceneRect(self.sceneRect().united(rect))

    def nodes_rect(self, ids: set[str] | None = None) -> QRectF:
        """Bounding rect of the given scenes (default all), from their positions."""
        xs, ys = [], []
        for s in self.doc.project.scenes:
            if ids is None or s.id in ids:
                node = self.nodes.get(s.id)
                if node is not None:
                    xs.append(node.pos().x())
                    ys.append(node.pos().y())
                else:
                    xs.append(s.position.x)
                    ys.append(s.position.y)
        if not xs:
            return QRectF()
        return QRectF(min(xs), min(ys), max(xs) - min(xs) + NODE_W, max(ys) - min(ys) + NODE_H)

    def _build_edges(self, scene: Scene, project: Project) -> int:
        self.label_epoch += 1
        source = self.nodes[scene.id]
        for edge in self.links.take_out(scene.id):
            self.edges.pop(edge.key, None)
            self.removeItem(edge)
        options = scene.choice.options if scene.choice is not None else []
        links = [(o.target, o.id, option_label(o, project)) for o in options]
        if scene.next is not None:
            links.append((scene.next, NEXT, QCoreApplication.translate("EdgeItem", CONTINUES)))
        built = 0
        lanes: dict[str, int] = {}
        for target_id, option_id, label in links:
            target = self.nodes.get(target_id)
            if target is None:
                continue
            lane = lanes.get(target_id, 0)
            lanes[target_id] = lane + 1
            edge = EdgeItem(self, source, target, option_id, label, lane)
            if self.overview:
                edge.setFlag(NO_CONTENTS)
            self.addItem(edge)
            self.links.add(edge)
            self.edges[edge.key] = edge
            built += 1
        return built

    # --- document changes ----------------------------------------------------------
    def on_changed(self, changes: ChangeSet) -> None:
        if changes.reset:
            self.rebuild()
            return
        self.ensure_built()
        project = self.doc.project
        scenes = project.scene_map() if (changes.scenes or changes.moved) else {}
        with self._mirror.held():
            if changes.media:
                self._assets.reset(project)
            for sid in changes.moved - changes.scenes:
                item, scene = self.nodes.get(sid), scenes.get(sid)
                if item is not None and scene is not None:
                    item.setPos(scene.position.x, scene.position.y)
                    item.moved()
                    self._grow_scene_rect(item)
            self._sync_scenes(changes.scenes, scenes, project)
            currency = changes.project and project.currency != self._currency
            if currency or changes.catalog:  # money and goal names on badges and edge labels
                self._currency = project.currency
                for scene in project.scenes:
                    if currency or (scene.choice and any(o.deposit for o in scene.choice.options)):
                        self._refresh(scene, project)
        self.invalidate_overview()
        if changes.moved or changes.structure or changes.scenes or changes.catalog:
            self.update()  # labels anywhere may take another spot (label_epoch)
        self._mirror.push()

    def _remove_node(self, gone: SceneItem) -> None:
        self.label_epoch += 1
        for edge in self.links.take_node(gone.sid):
            self.edges.pop(edge.key, None)
            if edge.scene() is not None:
                self.removeItem(edge)
        self.removeItem(gone)

    def _sync_scenes(self, ids: frozenset[str], scenes: dict[str, Scene], project: Project) -> None:
        for sid in ids:
            if sid not in scenes and sid in self.nodes:
                self._remove_node(self.nodes.pop(sid))
        for sid in ids:
            scene = scenes.get(sid)
            if scene is None:
                continue
            item = self.nodes.get(sid) or self._add_node(scene, project)
            item.setPos(scene.position.x, scene.position.y)
            self._grow_scene_rect(item)
            item.set_scene(scene, project, self._problems.get(sid, []))
        for sid in ids:
            scene = scenes.get(sid)
            if scene is not None:
                self._build_edges(scene, project)
        for sid in ids:  # edges into moved or restored scenes from untouched sources
            node = self.nodes.get(sid)
            if node is not None:
                node.moved()

    def _refresh(self, scene: Scene, project: Project) -> None:
        item = self.nodes.get(scene.id)
        if item is not None:
            item.set_scene(scene, project, self._problems.get(scene.id, []))
            self._build_edges(scene, project)

    def reset_positions(self, ids: set[str]) -> None:
        """Put items back where the model says (after a refused move)."""
        scenes = self.doc.project.scene_map()
        for sid in ids:
            item, scene = self.nodes.get(sid), scenes.get(sid)
            if item is not None and scene is not None:
                item.setPos(scene.position.x, scene.position.y)
                item.moved()

    def on_problems(self) -> None:
        new = self.validation.by_scene
        for sid in set(self._problems) | set(new):
            if self._problems.get(sid) != new.get(sid):
                item = self.nodes.get(sid)
                if item is not None:
                    item.set_problems(new.get(sid, []))
        self._problems = dict(new)
        self.invalidate_overview()

    def on_thumbnail(self, media_id: str) -> None:
        self._assets.forget(media_id)
        if self.overview:
            return
        for item in self.nodes.values():
            if item.media_id == media_id:
                item.update()

    # --- selection (mirrored by self._mirror) ---------------------------------------
    def _push_selection(self) -> None:
        self._mirror.push()

    def _pull_selection(self) -> None:
        self._mirror.pull()

    def select_all(self) -> None:
        with self._mirror.held():
            for item in self.items_by_id.values():
                item.setSelected(True)
        self._mirror.push()

    def selected_scene_ids(self) -> list[str]:
        return [i.sid for i in self.selectedItems() if isinstance(i, SceneItem)]

    def selected_edges(self) -> list[tuple[str, str]]:
        return [i.key for i in self.selectedItems() if isinstance(i, EdgeItem)]
