"""Importing clips: probe off the UI thread, copy into ``<project>/media/``.

Clips from outside the project folder are copied into its ``media/`` folder
so the project stays portable; clips already inside it are referenced where
they are.  A clip whose content (sha256) is already in the project is reused,
not imported twice.  Rejected files are reported one line each
(``file: reason``).  One import gesture is one undo step; when the files were
dropped on the canvas, the same step also creates a scene per clip.

Probing (box walk and hashing) and copying check the job's cancel token at
least every 4 MiB, so Cancel stops a running hash or copy promptly and leaves
nothing behind; :attr:`MediaImporter.file_progress` reports how far the
current file's hashing or copying is (per mille).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from studio.app.workers import CancelToken, Job
from studio.hashcache import fingerprint
from studio.media.probe import ProbeResult, probe
from studio.model import leftovers
from studio.model.atomic import new_file_mode
from studio.model.gestures import add_scenes_for_media
from studio.model.ids import unique_id
from studio.model.ops import PROJECT, AddItem, OpError
from studio.model.project import MediaAsset

if TYPE_CHECKING:
    from studio.app.document import Document

MEDIA_DIR = "media"
_CHUNK = 4 << 20

# (step, bytes done, bytes total) of the file being imported; step is "hashing" or "copying".
Report = Callable[[str, int, int], None]


@dataclass(frozen=True)
class Imported:
    """A probed clip and where it sits inside the project folder."""

    source: Path
    rel_path: str
    info: ProbeResult
    copied: bool


def inside(path: Path, folder: Path) -> str | None:
    """``path`` relative to ``folder`` (POSIX), or None if it lies outside."""
    try:
        return path.resolve().relative_to(folder.resolve()).as_posix()
    except ValueError:
        return None


def copy_into(
    src: Path, folder: Path, sha256: str, token: CancelToken, report: Report | None = None,
    size: int | None = None,
) -> tuple[str, bool]:
    """Copy ``src`` into ``folder/media/`` (a free name; same content is reused).

    The copy is hashed as it is written and must be the probed content (``sha256``,
    and ``size`` when given): a file that changed since it was probed is refused
    (ValueError, one line) and nothing is left.  The temp file has our leftover
    pattern (``.NAME.XXXXXXXX.part``), so a killed copy is swept later."""
    media = folder / MEDIA_DIR
    media.mkdir(parents=True, exist_ok=True)
    leftovers.sweep_all(media)
    stem, suffix = src.stem, src.suffix.lower()
    n = 1
    while True:
        name = f"{stem}{suffix}" if n == 1 else f"{stem}_{n}{suffix}"
        dst = media / name
        if not dst.exists():
            break
        if dst.stat().st_size == src.stat().st_size:
            # Reads dst once for its sha256 + crc32 and records them (studio.hashcache),
            # so a later bundle export of this clip need not read it again.
            hashing = None if report is None else (lambda d, t: report("hashing", d, t))
            _sig, found = fingerprint(dst, save=True, check=token.check, progress=hashing)
            if found.sha256 == sha256:
                return f"{MEDIA_DIR}/{name}", False
        n += 1
    fd, tmp_name = tempfile.mkstemp(prefix=f".{dst.name}.", suffix=".part", dir=media)
    tmp = Path(tmp_name)
    try:
        digest = hashlib.sha256()
        with open(src, "rb") as fin, os.fdopen(fd, "wb") as fout:
            total, done = os.fstat(fin.fileno()).st_size, 0
            while block := fin.read(_CHUNK):
                token.check()
                fout.write(block)
                digest.update(block)
                done += len(block)
                if report is not None:
                    report("copying", done, total)
            fout.flush()
            os.fsync(fout.fileno())
        if digest.hexdigest() != sha256 or (size is not None and done != size):
            raise ValueError(f"{src}: changed while it was imported; import it again")
        os.chmod(tmp, new_file_mode())
        os.replace(tmp, dst)
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()
    return f"{MEDIA_DIR}/{name}", True


def import_file(src: Path, folder: Path, token: CancelToken, report: Report | None = None) -> Imported:
    """Probe ``src`` and make sure it lies inside ``folder`` (worker thread).

    ``token`` is checked while probing and copying; ``report`` follows both."""
    hashing = None if report is None else (lambda d, t: report("hashing", d, t))
    info = probe(src, check=token.check, progress=hashing)
    if info.fps <= 0:
        raise ValueError(f"{src}: unknown frame rate")
    rel = inside(src, folder)
    copied = False
    if rel is None:
        rel, copied = copy_into(src, folder, info.sha256, token, report, size=info.size)
    return Imported(src, rel, info, copied)


def asset_for(imported: Imported, asset_id: str) -> MediaAsset:
    i = imported.info
    return MediaAsset(
        id=asset_id,
        path=imported.rel_path,
        sha256=i.sha256,
        size=i.size,
        duration_ms=i.duration_ms,
        width=i.width,
        height=i.height,
        rotation=i.rotation,  # type: ignore[arg-type]
        fps=i.fps,
        video_codec=i.video_codec,
        audio_codec=i.audio_codec,
        container=i.container,  # type: ignore[arg-type]
    )


class MediaImporter(QObject):
    """Imports files in the background; one import at a time."""

    started = Signal(int)  # number of files
    progress = Signal(int, int, str)  # files done, files total, name of the current file
    file_progress = Signal(str, str, int)  # name, "hashing" or "copying", per mille of that step
    finished = Signal(list)  # media ids imported or reused, in file order
    rejected = Signal(str)  # one line: "file: reason"

    def __init__(self, document: Document) -> None:
        super().__init__(document)
        self._doc = document
        self.rejections: list[str] = []
        self._job: Job | None = None
        self._done: list[Imported] = []
        self._at: tuple[float, float] | None = None

    @property
    def busy(self) -> bool:
        return self._job is not None

    def import_files(self, paths: Sequence[str | Path], at: tuple[float, float] | None = None) -> bool:
        """Start importing; with ``at`` (canvas point) also create scenes there."""
        folder = self._doc.folder
        if self._doc.read_only:
            self._doc.message.emit(self.tr("This project is open read-only: clips cannot be imported."))
            return False
        if folder is None:
            self._doc.message.emit(
                self.tr("Save the project first: imported clips are copied into its media/ folder.")
            )
            return False
        if self._job is not None:
            self._doc.message.emit(self.tr("An import is already running."))
            return False
        files = [Path(p) for p in paths]
        self.rejections = []
        self._done = []
        self._at = at
        job = Job(
            lambda src, token: import_file(src, folder, token, self._reporter(src)),
            files, lambda p: p.name, self,
        )  # fmt: skip
        job.progress.connect(self.progress)
        job.result.connect(lambda _src, imported: self._done.append(imported))
        job.failed.connect(self._on_failed)
        job.finished.connect(self._on_finished)
        self._job = job
        self.started.emit(len(files))
        job.start()
        return True

    def cancel(self) -> None:
        """Stop the running import (thread-safe); nothing of it is added."""
        job = self._job
        if job is not None:
            job.cancel()

    def _reporter(self, src: Path) -> Report:
        """A worker-thread callback emitting :attr:`file_progress` when the per mille changes."""
        last = ["", -1]

        def report(step: str, done: int, total: int) -> None:
            permille = 1000 if total <= 0 else min(1000, done * 1000 // total)
            if [step, permille] != last:
                last[:] = [step, permille]
                self.file_progress.emit(src.name, step, permille)

        return report

    def _on_failed(self, src: Path, reason: str) -> None:
        line = reason if reason.startswith(str(src)) else f"{src}: {reason}"
        self.rejections.append(line)
        self.rejected.emit(line)

    def _on_finished(self, cancelled: bool) -> None:
        self._job = None
        ids = self._commit() if not cancelled else []
        if cancelled:
            self._doc.message.emit(self.tr("Import cancelled: nothing was added."))
        self.finished.emit(ids)

    def _commit(self) -> list[str]:
        project = self._doc.project
        by_hash = {m.sha256: m.id for m in project.media}
        taken = {m.id for m in project.media}
        ids: list[str] = []
        new: list[MediaAsset] = []
        for imp in self._done:
            mid = by_hash.get(imp.info.sha256)
            if mid is None:
                mid = unique_id(Path(imp.rel_path).stem, taken)
                taken.add(mid)
                by_hash[imp.info.sha256] = mid
                new.append(asset_for(imp, mid))
            ids.append(mid)
        if not ids:
            return []
        n = len(ids)
        text = self.tr("Import 1 clip") if n == 1 else self.tr("Import {n} clips").format(n=n)
        try:
            with self._doc.batch(text) as batch:
                for asset in new:
                    batch.add(AddItem(PROJECT.media, asset))
                if self._at is not None:
                    batch.add(add_scenes_for_media(self._doc.project, ids, *self._at))
        except OpError as exc:
            self._doc.message.emit(self.tr("Import failed: {reason}").format(reason=exc))
            return []
        return ids
