"""Project validation: full (``validate``) and incremental (``Validator.update``).

A validation is made of four parts, assembled in this fixed order:

1. catalog findings (products without a price, non-https product URLs), then translation
   findings (``l10n_checks``: missing, stale, placeholder mismatches, too long);
2. media files on disk (when a folder is given and ``check_media``);
3. per-scene findings, in scene order: the model's ``check_timing`` for the
   scene, then the one-scene checks of ``scan.scan_scenes`` (dead ends,
   deposits, conditions, and the warnings of ``author_checks``: placeholders,
   written amounts, unedited labels, hotspots under the player's chrome);
4. graph findings (``graph_checks``): start, dangling options and ``next``
   scenes, unreachable scenes, loops with no way out.

``Validator`` keeps parts 3 and 4.  ``update`` recomputes part 3 for the
changed scenes only (and for the scenes linking to a scene whose title
changed: an option label is compared with its target's title) and part 4
only when the structure or a title changed (its messages quote titles);
parts 1 and 2 are cheap (a few products, one ``stat`` per asset) and always
recomputed.  The result is always equal to a full validation of the same
project.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from urllib.parse import urlsplit

from studio.graph.context import Context, context_key, make_context, scene_titles
from studio.graph.graph_checks import graph_checks
from studio.graph.index import Index, Reach, paused_gc, reachability, relink, resolve
from studio.graph.l10n_checks import l10n_checks
from studio.graph.media_checks import MediaHashCache, check_media
from studio.graph.names import SceneNames
from studio.graph.net import Net
from studio.graph.scan import scan_rows, scan_scenes, timing_findings
from studio.graph.track_checks import track_checks
from studio.model import Problem, Project, Scene
from studio.model.checks import problem
from studio.model.messages import QT_TRANSLATE_NOOP


def catalog_checks(project: Project) -> list[Problem]:
    """Products without a price (warning) or with a URL that is not https (error)."""
    out: list[Problem] = []
    for p in project.products:
        item = f"product '{p.id}'"
        if p.price is None:
            out.append(problem("warning", "product-no-price",
                               QT_TRANSLATE_NOOP("Problems", "has no price: its product card shows none"),
                               None, item))
        if p.url is not None:
            parts = urlsplit(p.url)
            if parts.scheme != "https" or not parts.netloc:
                out.append(problem("error", "product-url-not-https",
                                   QT_TRANSLATE_NOOP("Problems", "link '{url}' is not an https:// URL"),
                                   None, item, url=p.url))
    return out


def _merge(
    first: dict[str, list[Problem]], then: dict[str, list[Problem]]
) -> dict[str, list[Problem]]:
    """Per-scene findings: timing ones first, then the scan's."""
    for sid, found in then.items():
        first[sid] = first.get(sid, []) + found
    return first


class Validator:
    """Keeps the last validation of a project and revalidates it incrementally."""

    def __init__(
        self,
        folder: Path | None = None,
        check_media: bool = True,
        cache: MediaHashCache | None = None,
    ) -> None:
        self.folder = folder
        self.check_media = check_media
        self.cache = cache
        self.problems: list[Problem] = []
        self._ix: Index | None = None
        self._ctx: Context | None = None
        self._scene: dict[str, list[Problem]] = {}
        self._graph: list[Problem] = []
        self.reach: Reach | None = None  # of the last *full* validation (for ``analyze``)
        self._graph_start: str | None = None  # the start scene id the graph checks saw

    @property
    def index(self) -> Index | None:
        """The graph snapshot of the last validation."""
        return self._ix

    def validate(self, project: Project) -> list[Problem]:
        """Validate everything from scratch."""
        with paused_gc():
            return self._validate(project)

    def _validate(self, project: Project, net: Net | None = None) -> list[Problem]:
        ctx = self._ctx = make_context(project, titles=True)
        ix = self._ix = Index()
        found, suspects = scan_scenes(project.scenes, ctx, ix, net)
        resolve(ix, project.start)
        self._scene = _merge(timing_findings(project, suspects), found)
        self.reach = reachability(ix.succ, ix.start, ix.ending)
        self._graph = graph_checks(ix, project.scenes, self.reach, ctx.titles)
        self._graph_start = project.start
        return self._assemble(project)

    def update(
        self, project: Project, changed_scene_ids: Iterable[str], structure_changed: bool
    ) -> list[Problem]:
        """Revalidate after the scenes ``changed_scene_ids`` were edited (or added/removed).

        ``structure_changed`` says that scenes were added/removed, options
        retargeted/added/removed, endings toggled or the start changed; the
        validator also notices such changes on the scenes it is told about,
        and falls back to a full validation when the catalog, goals, media or
        variables changed.
        """
        with paused_gc():
            return self._update(project, set(changed_scene_ids), structure_changed)

    def _update(self, project: Project, changed: set[str], structure_changed: bool) -> list[Problem]:
        ix, ctx = self._ix, self._ctx
        if ix is None or ctx is None or ix.duplicates or context_key(project) != ctx.key:
            return self._validate(project)
        scenes = project.scenes
        titles = ctx.titles
        where = self._positions(scenes, changed, structure_changed)
        if where is None:  # scenes added, removed, renamed or moved: fresh rows
            fresh = self._rebuild(project, changed)
            if fresh is None:
                return self._validate(project)
            ix = fresh
            where = sorted(ix.pos[sid] for sid in changed if sid in ix.pos)
            structure_changed = True
            new_titles = scene_titles(scenes)
            retitled = {k for k in titles.keys() | new_titles.keys() if titles.get(k) != new_titles.get(k)}
            titles.clear()
            titles.update(new_titles)
        else:
            retitled = set()
            for i in where:
                scene = scenes[i]
                if titles.get(scene.id) != scene.title:
                    titles[scene.id] = scene.title
                    retitled.add(scene.id)
        if retitled:  # option labels are compared with their targets' titles
            linked = [i for i, tg in enumerate(ix.targets) if tg and not retitled.isdisjoint(tg)]
            where = sorted(set(where).union(linked))
        todo = [scenes[i] for i in where]
        rows = Index()
        found, suspects = scan_scenes(todo, ctx, rows)
        moved = [i for k, i in enumerate(where) if rows.row(k) != ix.row(i)]
        named = {d[0] for d in ix.dangling}.intersection(where)  # findings name option ids
        for k, i in enumerate(where):
            ix.ending[i], ix.targets[i] = rows.ending[k], rows.targets[k]
        if moved:
            relink(ix, moved)
        if project.start != ix.start_id:
            ix.start_id = project.start
            ix.start = ix.pos.get(project.start) if project.start is not None else None
        fresh_found = _merge(timing_findings(project, suspects), found)
        for scene in todo:
            sid = scene.id
            if sid in fresh_found:
                self._scene[sid] = fresh_found[sid]
            else:
                self._scene.pop(sid, None)
        if structure_changed or moved or named or retitled or project.start != self._graph_start:
            self._graph = graph_checks(ix, scenes, None, titles)
            self._graph_start = project.start
        return self._assemble(project)

    def _positions(self, scenes: list[Scene], changed: set[str], structural: bool
                   ) -> list[int] | None:
        """Where the changed scenes are, or None if the scene list itself changed."""
        ix = self._ix
        assert ix is not None
        if len(scenes) != ix.n or (structural and [s.id for s in scenes] != ix.ids):
            return None
        where = []
        for sid in changed:
            i = ix.pos.get(sid, -1)
            if i < 0 or scenes[i].id != sid:
                return None
            where.append(i)
        return sorted(where)

    def _rebuild(self, project: Project, changed: set[str]) -> Index | None:
        """New rows for every scene; adds new scene ids to ``changed``; None on duplicates."""
        old = self._ix
        assert old is not None
        fresh = Index()
        scan_rows(project.scenes, fresh)
        resolve(fresh, project.start)
        if fresh.duplicates:
            return None
        changed.update(sid for sid in fresh.pos if sid not in old.pos)
        self._scene = {k: v for k, v in self._scene.items() if k in fresh.pos}
        self._ix = fresh
        return fresh

    def _assemble(self, project: Project) -> list[Problem]:
        ix = self._ix
        assert ix is not None
        out = catalog_checks(project) + l10n_checks(project) + track_checks(project)
        if self.folder is not None and self.check_media:
            by_media: dict[str, list[str]] = {}

            def users(media_id: str) -> list[str]:
                if not by_media:  # built once, on the first asset with a finding (not per asset)
                    for s in project.scenes:
                        if s.media is not None:
                            by_media.setdefault(s.media, []).append(s.id)
                return list(by_media.get(media_id, ()))

            names = SceneNames(project.scenes, self._ctx.titles if self._ctx is not None else None)
            out += check_media(project.media, self.folder, users, self.cache, names)
            if project.audio:
                dubbed: dict[str, list[str]] = {}
                for s in project.scenes:
                    for d in s.dubs:
                        dubbed.setdefault(d.audio, []).append(s.id)
                out += check_media(project.audio, self.folder, lambda a: dubbed.get(a, []), self.cache, names,
                                   kind="audio")
        pos = ix.pos
        for sid in sorted(self._scene, key=pos.__getitem__):
            out += self._scene[sid]
        out += self._graph
        self.problems = out
        return out


def validate(
    project: Project,
    folder: Path | None = None,
    check_media: bool = True,
    cache: MediaHashCache | None = None,
) -> list[Problem]:
    """Every problem of ``project``; media files are checked when ``folder`` is given."""
    with paused_gc():  # the validator is dropped before the collector is back
        return Validator(folder, check_media, cache).validate(project)
