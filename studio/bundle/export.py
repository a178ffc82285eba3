"""Export a project as a portable drama bundle (see ``docs/bundle-format.md``). Qt-free.

``plan_bundle`` decides what goes in: it refuses a project with validation
errors or missing/changed media (one line naming the scene and path),
rewrites media paths to ``media/<sha256>.<ext>`` (each clip once, assets with
the same content merged) and lists the web player files.  ``write_bundle``
renders one poster per scene (cached by clip hash, time and height) and
copies the media (stored) with :func:`studio.bundle.zipout.store_file`: a clip
whose fingerprint is cached (:mod:`studio.hashcache`) is copied by the
kernel unread, any other is hashed on the way; changed media is refused.

The output only appears, via ``os.replace``, once complete; cancel or any
error removes the temporary file and leaves an existing output untouched.
A new bundle gets the umask's permissions, a replaced one keeps its mode, and
an output path that is a symlink is written through (the link stays).  Stale
leftovers of killed runs in the output folder are swept first
(:func:`studio.model.leftovers.sweep_all`).  Every name written is portable
(:mod:`studio.model.portable`): posters of scenes with Windows device names
are renamed (``portable_stem``), media and images are named by content hash.
``sync=True`` (``studio export --sync``) also makes it durable: background
``fdatasync`` while writing, ``fsync`` before the rename, then the folder.
The default, like ``cp`` or ``zip``, leaves write-back to the system.
"""

from __future__ import annotations

import contextlib
import functools
import os
import stat
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from pydantic import ValidationError

from studio import resources
from studio.bundle import manifest as mf
from studio.bundle.errors import ExportError
from studio.bundle.names import MANIFEST, SCHEMA, fold, temp_stem
from studio.bundle.origins import normalize_origins
from studio.bundle.posters import POSTER_UNITS, Fresh, PosterJob, cacheable, keep, render_posters
from studio.bundle.sources import MemoryFile, SourceFile, plan_images, plan_player, too_big_for_import
from studio.bundle.zipout import (
    DEFLATED,
    STORED,
    CancelFn,
    Flusher,
    Meter,
    ProgressFn,
    ZipWriter,
    fsync_dir,
    store_file,
)
from studio.graph.validate import validate
from studio.hashcache import FingerprintStore, Signature, default_store
from studio.model import MediaAsset, Project, ProjectError, leftovers, load
from studio.model.atomic import finish_replace, write_target
from studio.model.errors import describe
from studio.model.tracks import AudioAsset

PLAYER_DIR = resources.player_dir()


@dataclass(frozen=True)
class BundlePlan:
    """Everything a bundle will hold, decided before anything is written."""

    drama: Project
    media: tuple[SourceFile, ...]
    posters: tuple[PosterJob, ...]
    extras: tuple[MemoryFile, ...]
    host_origins: tuple[str, ...] = ()

    def manifest(self, posters: Mapping[str, mf.FileEntry]) -> mf.Manifest:
        """The manifest, given the file entries of the rendered posters (by scene id)."""
        files = [f.entry() for f in self.media] + [f.entry() for f in self.extras]
        files += [posters[job.scene_id] for job in self.posters]
        return mf.Manifest(
            host_origins=list(self.host_origins),
            drama=self.drama,
            posters={job.scene_id: job.arcname for job in self.posters},
            files=sorted(files, key=lambda f: f.path),
        )

    def manifest_bytes(self, posters: Mapping[str, mf.FileEntry]) -> bytes:
        return mf.dumps(self.manifest(posters))

    def total_units(self) -> int:
        return sum(f.size for f in self.media) + POSTER_UNITS * len(self.posters)


@dataclass(frozen=True)
class ExportResult:
    path: Path
    files: int
    bytes: int


@functools.cache
def _schema_bytes() -> bytes:
    """The manifest's JSON Schema (pydantic takes ~25 ms to build it: once per process)."""
    return mf.schema_text().encode("utf-8")


def _more(problems: list[str]) -> str:
    return f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""


def validation_errors(project: Project, folder: Path) -> list[str]:
    """Error-level problems of :func:`studio.graph.validate`.

    Media files are not checked here: the export checks sizes while planning and
    verifies the content while copying (by hash, or by cached fingerprint).
    """
    return [str(p) for p in validate(project, folder, check_media=False) if p.severity == "error"]


def _media_label(asset_id: str, path: str, scenes: list[str], kind: str = "media") -> str:
    used = ", ".join(f"'{s}'" for s in scenes)
    where = f"used by scene {used}" if scenes else "not used by any scene"
    return f"{kind} '{asset_id}' ({path}, {where})"


def _plan_media(project: Project, folder: Path) -> tuple[list[SourceFile], dict[str, str]]:
    """One SourceFile per distinct clip or audio file (a dub); ``merged`` maps duplicate asset ids
    to the kept id (clips and audio files apart: their ids are separate namespaces)."""
    uses: dict[tuple[str, str], list[str]] = {}
    for scene in project.scenes:
        if scene.media is not None:  # a placeholder scene has no clip to ship
            uses.setdefault(("media", scene.media), []).append(scene.id)
        for dub in scene.dubs:
            uses.setdefault(("audio", dub.audio), []).append(scene.id)
    problems: list[str] = []
    kept: dict[tuple[str, str], str] = {}  # (kind, sha256) -> the asset id kept
    files: dict[str, SourceFile] = {}  # by arcname: a clip and an audio file alike are one entry
    merged: dict[str, str] = {}
    assets: list[tuple[str, MediaAsset | AudioAsset]] = [("media", a) for a in project.media]
    assets += [("audio", a) for a in project.audio]
    for kind, asset in assets:
        label = _media_label(asset.id, asset.path, uses.get((kind, asset.id), []), kind)
        source = folder / asset.path
        try:
            st = source.stat()
        except FileNotFoundError:
            problems.append(f"{label}: the file is missing")
            continue
        except OSError as exc:
            problems.append(f"{label}: cannot read the file ({exc.strerror or exc})")
            continue
        if not stat.S_ISREG(st.st_mode):
            problems.append(f"{label}: not a regular file")
        elif st.st_size != asset.size:
            problems.append(
                f"{label}: the file changed since it was added "
                f"({st.st_size} bytes, expected {asset.size}); re-import it"
            )
        elif (kind, asset.sha256) in kept:
            merged[f"{kind}:{asset.id}"] = kept[(kind, asset.sha256)]
        else:
            kept[(kind, asset.sha256)] = asset.id
            arc = f"media/{asset.sha256}.{asset.container}"
            files.setdefault(arc, SourceFile(arc, source, asset.sha256, asset.size, label))
    if problems:
        raise ExportError(f"{folder}: not exported: {problems[0]}{_more(problems)}")
    return list(files.values()), merged


def _rewrite(
    project: Project,
    root: Path,
    media: list[SourceFile],
    merged: dict[str, str],
    images: dict[str, str],
) -> Project:
    """The drama as stored in the bundle: content-addressed paths, duplicates merged."""
    data = project.model_dump(mode="json")
    arcs = {f.sha256: f.arcname for f in media}
    data["media"] = [
        {**m, "path": arcs[m["sha256"]]} for m in data["media"] if f"media:{m['id']}" not in merged
    ]
    data["audio"] = [
        {**a, "path": arcs[a["sha256"]]} for a in data["audio"] if f"audio:{a['id']}" not in merged
    ]
    for scene in data["scenes"]:
        scene["media"] = merged.get(f"media:{scene['media']}", scene["media"])
        for dub in scene["dubs"]:
            dub["audio"] = merged.get(f"audio:{dub['audio']}", dub["audio"])
    for product in data["products"]:
        if product.get("image") is not None:
            product["image"] = images[product["image"]]
    try:
        return Project.model_validate(data)
    except ValidationError as exc:
        raise ExportError(f"{root}: not exported: {describe(exc, data)[0]}") from None


def _plan_posters(drama: Project, media: list[SourceFile]) -> list[PosterJob]:
    sources = {f.sha256: f.source for f in media}
    assets = drama.media_map()
    seen: dict[str, str] = {}
    jobs = []
    for scene in drama.scenes:
        job_key = fold(scene.id)
        if job_key in seen:
            raise ExportError(
                f"scenes '{seen[job_key]}' and '{scene.id}' differ only in letter case; "
                "rename one (bundle file names must differ case-insensitively)"
            )
        seen[job_key] = scene.id
        if scene.media is None:
            continue  # a placeholder scene: the player draws its card, no poster
        sha = assets[scene.media].sha256
        jobs.append(PosterJob(scene.id, sources[sha], sha, scene.in_ms))
    return jobs


def plan_bundle(
    project: Project, folder: str | os.PathLike[str], web_player: bool = False,
    player_dir: Path = PLAYER_DIR, host_origins: Iterable[str] = (),
) -> BundlePlan:
    """Check the project and decide the bundle's contents; raises ExportError (one line).

    ``host_origins``: origins allowed to embed the player (normalised, see ``origins``)."""
    root = Path(folder)
    try:
        origins = tuple(normalize_origins(host_origins))
    except ValueError as exc:
        raise ExportError(f"{root}: not exported: {exc}") from None
    media, merged = _plan_media(project, root)
    errors = validation_errors(project, root)
    if errors:
        raise ExportError(f"{root}: not exported: {errors[0]}{_more(errors)}")
    images, image_paths = plan_images(project, root)
    drama = _rewrite(project, root, media, merged, image_paths)
    extras = [MemoryFile(SCHEMA, _schema_bytes())]
    if web_player:
        extras += plan_player(Path(player_dir))
    plan = BundlePlan(
        drama=drama,
        media=tuple(sorted(media + images, key=lambda f: f.arcname)),
        posters=tuple(_plan_posters(drama, media)),
        extras=tuple(extras),
        host_origins=origins,
    )
    # What is known now (posters counted, their bytes not yet): _write_zip checks the exact sizes.
    known = [f.size for f in plan.media] + [len(f.data) for f in extras] + [0] * (len(plan.posters) + 1)
    reason = too_big_for_import(known)
    if reason is not None:
        raise ExportError(f"{root}: not exported: {reason}")
    return plan


def _write_zip(
    plan: BundlePlan, fh: BinaryIO, meter: Meter, flusher: Flusher | None, store: FingerprintStore,
    out: Path,
) -> tuple[int, list[Fresh]]:
    """Write all entries, sorted by name; return how many, and the posters safe to cache."""
    posters, fresh = render_posters(plan.posters, meter)
    arcs = {job.scene_id: job.arcname for job in plan.posters}
    poster_files = {sid: MemoryFile(arcs[sid], data) for sid, data in posters.items()}
    manifest = plan.manifest_bytes({sid: f.entry() for sid, f in poster_files.items()})
    small: dict[str, tuple[bytes, int]] = {MANIFEST: (manifest, DEFLATED)}
    small.update({f.arcname: (f.data, DEFLATED) for f in plan.extras})
    small.update({f.arcname: (f.data, STORED) for f in poster_files.values()})
    big = {f.arcname: f for f in plan.media}
    sizes = [len(d) for d, _ in small.values()] + [f.size for f in big.values()]
    reason = too_big_for_import(sizes, manifest=len(manifest))
    if reason is not None:
        raise ExportError(f"{out}: not exported: {reason}")
    verified: dict[str, Signature] = {}
    zw = ZipWriter(fh)
    for name in sorted([*small, *big]):
        meter.check()
        if name in small:
            zw.add_bytes(name, *small[name])
        else:
            f = big[name]
            sig = store_file(zw, f.arcname, f.source, (f.size, f.sha256), f.label, meter, flusher, store)
            verified[sig.path] = sig
    zw.close()
    return len(small) + len(big), cacheable(fresh, verified)


def write_bundle(
    plan: BundlePlan, out_path: str | os.PathLike[str],
    progress: ProgressFn | None = None, cancel: CancelFn | None = None, sync: bool = False,
) -> ExportResult:
    """Write the bundle atomically; on error or cancel no output (and no temp file) is left.

    ``sync=True`` also makes it durable (fsync of the data and the folder)."""
    out = Path(out_path)
    target = write_target(out)  # through a symlink: the link stays, its target is replaced
    folder = target.parent
    if not folder.is_dir():
        raise ExportError(f"{out}: the folder {folder} does not exist")
    if target.is_dir():
        raise ExportError(f"{out}: is a folder, not a file name")
    if target.is_symlink():
        raise ExportError(f"{out}: is a symbolic link that loops")
    meter = Meter(plan.total_units(), progress, cancel, "export")
    store = default_store()
    leftovers.sweep_all(folder)
    try:
        prefix = f".{temp_stem(target.name)}."
        fd, tmp_name = tempfile.mkstemp(prefix=prefix, suffix=".part", dir=folder)
    except OSError as exc:
        raise ExportError(f"{out}: cannot write ({exc.strerror or exc})") from None
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb", buffering=0) as fh:
            flusher = Flusher(fh) if sync else None
            try:
                count, posters = _write_zip(plan, fh, meter, flusher, store, out)
            finally:
                if flusher is not None:
                    flusher.close()
            if sync:
                os.fsync(fh.fileno())
            size = fh.tell()
        finish_replace(tmp, target)  # the replaced file's mode, or the umask's for a new one
    except BaseException as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        if isinstance(exc, OSError):
            raise ExportError(f"{out}: not written ({exc.strerror or exc})") from None
        raise
    finally:
        store.flush()  # never raises: fingerprints recorded so far stay valid either way
    if sync:
        fsync_dir(folder)
    keep(posters)
    meter.finish()
    return ExportResult(out, count, size)


def export_project(
    project_folder: str | os.PathLike[str], out_file: str | os.PathLike[str],
    web_player: bool = False, progress: ProgressFn | None = None,
    cancel: CancelFn | None = None, player_dir: Path = PLAYER_DIR, sync: bool = False,
    host_origins: Iterable[str] = (),
) -> ExportResult:
    """Load, check and export a project folder; raises ExportError or Cancelled.

    ``host_origins`` go into the manifest (also without the web player: a host's own copy of
    the player reads them there)."""
    try:
        loaded = load(project_folder)
    except ProjectError as exc:
        raise ExportError(str(exc)) from None
    plan = plan_bundle(loaded.project, loaded.folder, web_player, player_dir, host_origins)
    return write_bundle(plan, out_file, progress, cancel, sync)
