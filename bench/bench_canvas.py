"""Branch graph canvas benchmark: load, fit-all, pan and drag frame times.

For 1,000 and 5,000 scenes (``bench/gen_project.generate``) it measures, on
the studio's real canvas (``studio.ui.graph``) in a 1280x800 window:

* load to first paint: read + validate drama.json, build the items, paint;
* fit-all frame: full repaint with every scene visible (lowest detail);
* full frame at 100 %: full repaint of a dense area (upper bound of any frame);
* pan frame: scroll 24 px and paint what scrolled in (what panning costs);
* drag frame: one node moved by a mouse-move event and the dirty area painted.

A same-run baseline (plain ``QGraphicsRectItem``s, one per scene, no text)
is measured the same way and ratios are printed, since absolute times
depend on the machine.  Run: ``python bench/bench_canvas.py [--sizes 1000 5000]``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt  # noqa: E402
from PySide6.QtGui import QMouseEvent  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QApplication,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsView,
)

from studio.model import Project, save  # noqa: E402

SIZE = (1280, 800)
FRAMES = 60


def generate(n: int, seed: int) -> Project:
    try:
        from gen_project import generate as gen  # the graph helper's generator
    except ImportError:
        return _tiny_generator(n, seed)
    return gen(n, seed)


def _tiny_generator(n: int, seed: int) -> Project:
    """Fallback: a chain with forward branches, 20 columns of scenes."""
    import random

    rnd = random.Random(seed)
    media = [
        {
            "id": "m",
            "path": "media/m.mp4",
            "sha256": "a" * 64,
            "size": 1,
            "duration_ms": 6000,
            "width": 360,
            "height": 640,
            "fps": 24.0,
            "video_codec": "h264",
            "container": "mp4",
        }
    ]
    scenes = []
    for i in range(n):
        s: dict[str, object] = {
            "id": f"s{i}",
            "title": f"Scene {i}",
            "media": "m",
            "position": {"x": (i // 20) * 440.0, "y": (i % 20) * 130.0},
        }
        targets = [t for t in (i + 1, i + rnd.randint(2, 40)) if t < n]
        if targets:
            s["choice"] = {
                "appear_ms": 3000,
                "decision_ms": 6000,
                "options": [
                    {"id": f"o{k}", "label": f"Go {t}", "target": f"s{t}", "default": k == 0}
                    for k, t in enumerate(targets)
                ],
            }
        else:
            s["ending"] = True
        scenes.append(s)
    return Project.model_validate({"title": "Bench", "media": media, "scenes": scenes, "start": "s0"})


def stats(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered) * 1000, ordered[int(len(ordered) * 0.95) - 1] * 1000


def timed(fn: Callable[[], object]) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def settle(app: QApplication) -> None:
    for _ in range(3):
        app.processEvents()


def frames(app: QApplication, view: QGraphicsView, step: Callable[[int], None]) -> list[float]:
    out = []
    for k in range(FRAMES):
        t = time.perf_counter()
        step(k)
        app.processEvents()  # delivers the update request: paints the dirty region
        out.append(time.perf_counter() - t)
    return out


def full_frames(view: QGraphicsView) -> list[float]:
    return [timed(view.viewport().repaint) for _ in range(FRAMES // 2)]


def pan_frames(app: QApplication, view: QGraphicsView) -> list[float]:
    bar = view.horizontalScrollBar()

    def step(k: int) -> None:
        bar.setValue(bar.value() + (24 if (k // 20) % 2 == 0 else -24))

    return frames(app, view, step)


def mouse(view: QGraphicsView, kind: QEvent.Type, pos: QPointF, buttons: Qt.MouseButton) -> None:
    vp = view.viewport()
    button = Qt.MouseButton.LeftButton if kind != QEvent.Type.MouseMove else Qt.MouseButton.NoButton
    event = QMouseEvent(
        kind, pos, QPointF(vp.mapToGlobal(pos.toPoint())), button, buttons, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(vp, event)


def drag_frames(app: QApplication, view: QGraphicsView, start: QPointF) -> list[float]:
    left = Qt.MouseButton.LeftButton
    mouse(view, QEvent.Type.MouseButtonPress, start, left)
    settle(app)

    def step(k: int) -> None:
        dx = 3.0 * ((k % 30) - 15 if k >= 15 else k)
        mouse(view, QEvent.Type.MouseMove, start + QPointF(dx + 6, dx / 2 + 6), left)

    grabber = view.scene().mouseGrabberItem()
    before = grabber.pos() if grabber is not None else None
    out = frames(app, view, step)
    if grabber is None or grabber.pos() == before:
        raise SystemExit("drag benchmark: the node did not move")
    mouse(view, QEvent.Type.MouseButtonRelease, start, Qt.MouseButton.NoButton)
    settle(app)
    return out


def bench_studio(app: QApplication, project: Project) -> dict[str, object]:
    from studio.app.document import Document
    from studio.app.selection import Selection
    from studio.ui.graph import GraphPanel
    from studio.ui.graph.style import NODE_H, NODE_W

    with tempfile.TemporaryDirectory() as tmp:
        save(project, tmp)
        doc = Document()
        selection = Selection()
        t0 = time.perf_counter()
        doc.open(tmp)
        t_parse = time.perf_counter()
        panel = GraphPanel(doc, selection)
        t_items = time.perf_counter()
        panel.resize(*SIZE)
        panel.show()  # the graph fits itself in view once shown (the studio's first view)
        while panel.view.frames == 0:
            app.processEvents()
        t_paint = time.perf_counter()
        graph = panel.graph
        while not graph.complete:  # the rest of a big project's items build on idle time
            app.processEvents()
        t_done = time.perf_counter()
        settle(app)
        view = panel.view
        result: dict[str, object] = {
            "parse": t_parse - t0,
            "items": t_items - t_parse,
            "first_paint": t_paint - t_items,
            "load": t_paint - t0,
            "all_items": t_done - t0,
            "fit_zoom": view.zoom,
        }
        view.zoom_to_fit()
        settle(app)
        result["fit"] = stats(full_frames(view))
        first = project.scenes[len(project.scenes) // 3]
        corner = QPointF(first.position.x + NODE_W / 2, first.position.y + NODE_H / 2)
        result["fit_drag"] = stats(drag_frames(app, view, QPointF(view.mapFromScene(corner))))
        view.set_zoom(1.0)
        middle = project.scenes[len(project.scenes) // 2]
        view.centerOn(middle.position.x, middle.position.y)
        settle(app)
        result["full"] = stats(full_frames(view))
        result["pan"] = stats(pan_frames(app, view))
        view.centerOn(middle.position.x, middle.position.y)
        settle(app)
        node = QPointF(middle.position.x + NODE_W / 2, middle.position.y + NODE_H / 2)
        result["drag"] = stats(drag_frames(app, view, QPointF(view.mapFromScene(node))))
        result["undo_steps"] = doc.undo_stack.count()
        panel.close()
        panel.deleteLater()
        doc.close()
        doc.deleteLater()
        settle(app)
    return result


def bench_baseline(app: QApplication, project: Project) -> dict[str, object]:
    """Plain rect items at the same positions (no text, no edges, no LOD)."""
    t0 = time.perf_counter()
    scene = QGraphicsScene()
    items = []
    for s in project.scenes:
        item = QGraphicsRectItem(0, 0, 232, 92)
        item.setPos(s.position.x, s.position.y)
        item.setFlag(QGraphicsRectItem.GraphicsItemFlag.ItemIsMovable)
        item.setFlag(QGraphicsRectItem.GraphicsItemFlag.ItemIsSelectable)
        scene.addItem(item)
        items.append(item)
    rect = scene.itemsBoundingRect()
    scene.setSceneRect(rect.adjusted(-2000, -2000, 2000, 2000))
    view = QGraphicsView(scene)
    view.resize(*SIZE)
    view.show()
    view.viewport().repaint()
    result: dict[str, object] = {"load": time.perf_counter() - t0}
    settle(app)
    view.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
    settle(app)
    result["fit"] = stats(full_frames(view))
    view.resetTransform()
    middle = project.scenes[len(project.scenes) // 2]
    view.centerOn(middle.position.x, middle.position.y)
    settle(app)
    result["full"] = stats(full_frames(view))
    result["pan"] = stats(pan_frames(app, view))
    view.centerOn(middle.position.x, middle.position.y)
    settle(app)
    start = QPointF(view.mapFromScene(QPointF(middle.position.x + 116, middle.position.y + 46)))
    result["drag"] = stats(drag_frames(app, view, start))
    empty = QGraphicsView(QGraphicsScene(QRectF(0, 0, 10, 10)))
    empty.resize(*SIZE)
    empty.show()
    settle(app)
    result["empty"] = stats(full_frames(empty))
    for w in (view, empty):
        w.close()
        w.deleteLater()
    settle(app)
    return result


def report(n: int, studio: dict[str, object], base: dict[str, object]) -> None:
    ms = 1000
    print(f"\n== {n} scenes ==")
    print(
        f"load to first paint: {studio['load'] * ms:7.1f} ms  (parse+validate {studio['parse'] * ms:.0f}, "  # type: ignore[operator]
        f"items {studio['items'] * ms:.0f}, paint {studio['first_paint'] * ms:.0f})   "  # type: ignore[operator]
        f"baseline rects {base['load'] * ms:.1f} ms  ratio {studio['load'] / base['load']:.1f}x"  # type: ignore[operator]
    )
    print(
        f"all items built: {studio['all_items'] * ms:7.1f} ms after opening; "  # type: ignore[operator]
        f"fit-all zoom {studio['fit_zoom']:.3f}"
    )
    print(f"{'frame':<26}{'studio median':>14}{'p95':>9}{'baseline median':>17}{'ratio':>8}")
    for key, label in (
        ("fit", "fit-all (full repaint)"),
        ("full", "100% (full repaint)"),
        ("pan", "pan 24 px"),
        ("drag", "drag one node"),
        ("fit_drag", "drag one node at fit-all"),
    ):
        s_med, s_p95 = studio[key]  # type: ignore[misc]
        b_med, _ = base.get(key, base["drag"])  # type: ignore[misc]
        print(f"{label:<26}{s_med:>11.2f} ms{s_p95:>6.2f} ms{b_med:>14.2f} ms{s_med / b_med:>7.1f}x")
    e_med, _ = base["empty"]  # type: ignore[misc]
    print(f"{'empty view repaint':<26}{'':>14}{'':>9}{e_med:>14.2f} ms")
    print("reference (issue): NodeGraphQt ~13 s to build 5,000 nodes, ~26 ms per repaint")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000])
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    print(f"platform={app.platformName()} window={SIZE[0]}x{SIZE[1]} frames={FRAMES}")
    for n in args.sizes:
        project = generate(n, args.seed)
        studio = bench_studio(app, project)
        base = bench_baseline(app, project)
        report(n, studio, base)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
