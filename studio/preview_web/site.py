"""The folder a browser preview serves: an unzipped bundle with the web player.  Qt-free.

:meth:`Site.build` plans exactly what ``studio export --web-player`` would put in
the zip (:func:`studio.bundle.export.plan_bundle`: the same checks, the same one-line
refusals) and writes it as plain files under a temporary folder::

    manifest.json  manifest.schema.json  player/...  posters/<scene>.jpg  media/<sha256>.<ext>

Media are named by content, so a rebuild after an edit keeps every clip already in
place (its name is its sha256 and its ``stat`` is unchanged since it was put there):
nothing is read or copied again.  A new clip is copied by the kernel when its
fingerprint is cached (:mod:`studio.hashcache`; ``copy_file_range``, a reflink on
file systems that share blocks), else copied while hashed and verified.  Clips are
never hard-linked from the project: a link changes the clip's ctime, which would
invalidate its cached fingerprint and make the next export read it again.  Every
file appears by ``os.replace``, so a server reading the folder during a rebuild never
sees half a file; media and posters no longer used are removed after
a successful build.  Cancel or an error leaves the previous build being served.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from studio.bundle.errors import ExportError
from studio.bundle.export import PLAYER_DIR, BundlePlan, plan_bundle
from studio.bundle.names import MANIFEST
from studio.bundle.posters import cacheable, keep, render_posters
from studio.bundle.sources import MemoryFile, SourceFile
from studio.bundle.zipout import CancelFn, Meter, ProgressFn, copy_hashed, copy_range
from studio.hashcache import FingerprintStore, Signature, default_store
from studio.model import ProjectError, load

PLAYER_PAGE = "player/index.html"
_Stamp = tuple[int, int, int]  # inode, size, mtime_ns of a file this site put in place


@dataclass(frozen=True)
class BuildResult:
    """What one build did (for the progress line and the benchmark)."""

    title: str
    files: int
    media: int
    reused: int  # clips already in place from the previous build (not read, not copied)
    copied_bytes: int  # bytes read and written (copied clips, posters, player, manifest)
    seconds: float


def _stamp(st: os.stat_result) -> _Stamp:
    return st.st_ino, st.st_size, st.st_mtime_ns


def _write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


class Site:
    """A temporary folder holding the current build of one project (see the module doc)."""

    def __init__(self, root: Path | None = None, player_dir: Path = PLAYER_DIR) -> None:
        self._own = root is None
        self.root = Path(tempfile.mkdtemp(prefix="studio-preview-")) if root is None else Path(root)
        self.root.mkdir(parents=True, exist_ok=True)
        self._player_dir = player_dir
        self._placed: dict[str, _Stamp] = {}  # media arcname -> how this site left it
        self._files: set[str] = set()  # every file of the current build (relative paths)

    def __enter__(self) -> Site:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Remove the folder (only one this site created itself)."""
        if self._own:
            shutil.rmtree(self.root, ignore_errors=True)

    def _reusable(self, f: SourceFile) -> bool:
        try:
            st = os.stat(self.root / f.arcname)
        except OSError:
            return False
        return self._placed.get(f.arcname) == _stamp(st) and st.st_size == f.size

    def build(
        self, project_folder: str | os.PathLike[str],
        progress: ProgressFn | None = None, cancel: CancelFn | None = None,
    ) -> BuildResult:
        """Build (or rebuild) the site from a project folder; raises ExportError or Cancelled."""
        started = time.perf_counter()
        try:
            loaded = load(project_folder)
        except ProjectError as exc:
            raise ExportError(str(exc)) from None
        plan = plan_bundle(loaded.project, loaded.folder, web_player=True, player_dir=self._player_dir)
        todo = [f for f in plan.media if not self._reusable(f)]
        units = sum(f.size for f in todo) + plan.total_units() - sum(f.size for f in plan.media)
        meter = Meter(units, progress, cancel, "preview build")
        store = default_store()
        try:
            return self._write(plan, todo, meter, store, started)
        finally:
            store.flush()

    def _write(
        self, plan: BundlePlan, todo: list[SourceFile], meter: Meter, store: FingerprintStore,
        started: float,
    ) -> BuildResult:
        verified: dict[str, Signature] = {}
        copied = 0
        for f in todo:
            sig, n = self._place(f, meter, store)
            verified[sig.path] = sig
            copied += n
        posters, fresh = render_posters(plan.posters, meter)
        poster_files = [MemoryFile(job.arcname, posters[job.scene_id]) for job in plan.posters]
        manifest = plan.manifest_bytes({job.scene_id: f.entry() for job, f in zip(plan.posters, poster_files,
                                                                                  strict=True)})
        small = [*plan.extras, *poster_files, MemoryFile(MANIFEST, manifest)]
        for item in small:
            meter.check()
            if self._same(item):
                continue
            _write_atomic(self.root / item.arcname, item.data)
            copied += len(item.data)
        keep(cacheable(fresh, verified))
        files = {f.arcname for f in plan.media} | {f.arcname for f in small}
        self._prune(self._files - files)
        self._files = files
        meter.finish()
        return BuildResult(
            title=plan.drama.title, files=len(files), media=len(plan.media),
            reused=len(plan.media) - len(todo), copied_bytes=copied,
            seconds=time.perf_counter() - started,
        )

    def _same(self, item: MemoryFile) -> bool:
        """Whether a small file already holds exactly these bytes (the player, unchanged posters)."""
        path = self.root / item.arcname
        try:
            return path.stat().st_size == len(item.data) and path.read_bytes() == item.data
        except OSError:
            return False

    def _prune(self, gone: Iterable[str]) -> None:
        for name in gone:
            self._placed.pop(name, None)
            with contextlib.suppress(OSError):
                (self.root / name).unlink()

    def _place(self, f: SourceFile, meter: Meter, store: FingerprintStore) -> tuple[Signature, int]:
        """Put one clip at ``root/arcname``, verified; returns (its signature, bytes copied)."""
        dest = self.root / f.arcname
        dest.parent.mkdir(parents=True, exist_ok=True)
        tmp = dest.with_name(f".{dest.name}.{os.getpid()}.part")
        changed = ExportError(f"{f.label}: the file changed since it was added (content differs); "
                              "re-import the clip")
        begun = time.time_ns()
        try:
            with open(f.source, "rb", buffering=0) as src:
                sig = Signature.of(f.source, os.fstat(src.fileno()))
                known = store.lookup(sig) if sig.size == f.size else None
                with contextlib.suppress(FileNotFoundError):
                    tmp.unlink()
                if known is not None and known.sha256 == f.sha256:
                    with open(tmp, "wb", buffering=0) as out:
                        copied = copy_range(src.fileno(), out.fileno(), f.size, meter)
                    if copied != f.size or Signature.of(f.source, os.fstat(src.fileno())) != sig:
                        raise changed
                else:
                    store.count_read()
                    with open(tmp, "wb", buffering=0) as out:
                        copied, found = copy_hashed(src, out.fileno(), f.size, meter)
                    if copied != f.size or found.sha256 != f.sha256:
                        raise changed
                    if Signature.of(f.source, os.fstat(src.fileno())) == sig:
                        store.record(sig, found, begun)
                os.chmod(tmp, 0o644)
                os.replace(tmp, dest)
                self._placed[f.arcname] = _stamp(os.stat(dest))
                return sig, copied
        except OSError as exc:
            raise ExportError(f"{f.label}: cannot put it in the preview ({exc.strerror or exc})") from None
        finally:
            with contextlib.suppress(OSError):
                tmp.unlink()
