"""Import a drama bundle into a new project folder, all or nothing. Qt-free.

The bundle must be a regular file (a FIFO or a device is refused before a
byte is read).  Order of work: the central directory bounded from the end
record (:mod:`studio.bundle.layout`), zip-level checks
(:mod:`studio.bundle.entries`, true entry extents from the local headers), then the
manifest (size, depth, duplicate keys, unknown keys, reader version, the
drama validated by the model), then the file table against the entries and
the drama, then extraction into a staging folder next to the target with
every byte counted, hashed and compared; only then is the staging folder
renamed to the target.  Any failure removes the staging folder and raises
:class:`BundleImportError` with one line naming the zip and the entry.

Files and folders are created with the process umask (like ``cp`` or
``unzip``).  Each import first sweeps stale leftovers of killed runs (staging
folders, export ``.part`` files, save temp files) from the target's folder
(:func:`studio.model.leftovers.sweep_all`).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import stat
import struct
import tempfile
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any, BinaryIO, NoReturn

from pydantic import ValidationError

from studio.bundle import manifest as mf
from studio.bundle.entries import GIB, MIB, Limits, check_entries
from studio.bundle.errors import BundleImportError, show
from studio.bundle.layout import Fail, check_directory
from studio.bundle.names import MANIFEST, SCHEMA, is_extracted, is_player, temp_stem
from studio.bundle.zipout import CHUNK, CancelFn, Meter, ProgressFn, fsync_dir
from studio.model import Project, ProjectError, leftovers
from studio.model.atomic import current_umask
from studio.model.errors import describe, locate
from studio.model.io import PROJECT_FILE, dumps, parse_json, project_from_raw
from studio.model.portable import path_problem

_OPEN_ERRORS = (zipfile.BadZipFile, OSError, EOFError, ValueError, struct.error, NotImplementedError)
_READ_ERRORS = (zipfile.BadZipFile, EOFError, zlib.error, ValueError, NotImplementedError)
_ISO_BOXES = (b"ftyp", b"moov", b"mdat", b"wide", b"free", b"skip", b"pnot")

__all__ = ["Limits", "import_bundle"]


def _magic_ok(name: str, head: bytes) -> bool:
    ext = name.rsplit(".", 1)[-1]
    if ext in ("mp4", "mov", "m4v", "m4a"):
        return head[4:8] in _ISO_BOXES
    if ext in ("ogg", "opus"):
        return head[:4] == b"OggS"
    if ext == "wav":
        return head[:4] == b"RIFF" and head[8:12] == b"WAVE"
    if ext == "mp3":  # an ID3 tag or an MPEG audio frame sync
        return head[:3] == b"ID3" or (len(head) > 1 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0)
    if ext == "aac":  # ADTS frame sync
        return len(head) > 1 and head[0] == 0xFF and head[1] & 0xF6 == 0xF0
    if ext in ("webm", "mkv"):
        return head[:4] == b"\x1a\x45\xdf\xa3"
    if ext in ("jpg", "jpeg"):
        return head[:3] == b"\xff\xd8\xff"
    if ext == "png":
        return head[:8] == b"\x89PNG\r\n\x1a\n"
    return head[:4] == b"RIFF" and head[8:12] == b"WEBP"


def _human(n: int) -> str:
    for unit, size in (("GiB", GIB), ("MiB", MIB), ("KiB", 1024)):
        if n >= size:
            return f"{n / size:.4g} {unit}"
    return f"{n} bytes"


def json_depth(value: Any, limit: int) -> int:
    """Nesting depth of parsed JSON (an object or array counts one level); stops past limit."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, dict | list):
            deepest = max(deepest, depth)
            if deepest > limit:
                break
            children = node.values() if isinstance(node, dict) else node
            stack.extend((child, depth + 1) for child in children)
    return deepest


class _Importer:
    def __init__(
        self, zp: Path, fh: BinaryIO, zf: zipfile.ZipFile, limits: Limits, meter: Meter
    ) -> None:
        self.zp, self.fh, self.zf, self.limits, self.meter = zp, fh, zf, limits, meter
        self.archive_size = os.fstat(fh.fileno()).st_size
        self.total = 0

    def fail(self, name: str, reason: str) -> NoReturn:
        _refuse(self.zp)(name, reason)

    def read(
        self,
        info: zipfile.ZipInfo,
        sink: Callable[[bytes], object],
        cap: int | None = None,
        counted: bool = False,
    ) -> tuple[int, str]:
        """Stream one entry into ``sink``; return (bytes, sha256). Limits are counted here."""
        name, lim = info.orig_filename, self.limits
        claimed = max(1, min(info.compress_size, self.archive_size))
        digest, count = hashlib.sha256(), 0
        try:
            with self.zf.open(info) as src:
                while True:
                    self.meter.check()
                    chunk = src.read(CHUNK)
                    if not chunk:
                        break
                    count += len(chunk)
                    self.total += len(chunk)
                    if cap is not None and count > cap:
                        self.fail(name, f"is larger than {_human(cap)}")
                    if self.total > lim.max_total_bytes:
                        limit = _human(lim.max_total_bytes)
                        self.fail(name, f"the bundle unpacks to more than {limit}")
                    if count > lim.ratio_floor and count > lim.max_ratio * claimed:
                        self.fail(name, f"compression ratio above {lim.max_ratio}:1 (zip bomb)")
                    digest.update(chunk)
                    sink(chunk)
                    if counted:
                        self.meter.add(len(chunk))
        except _READ_ERRORS as exc:
            self.fail(name, f"is corrupt ({' '.join(str(exc).split()) or type(exc).__name__})")
        return count, digest.hexdigest()

    def manifest(self, entries: dict[str, zipfile.ZipInfo]) -> mf.Manifest:
        info = entries.get(MANIFEST)
        if info is None:
            self.fail("", "manifest.json is missing (not a drama bundle)")
        buf = bytearray()
        cap = self.limits.max_manifest_bytes
        self.read(info, buf.extend, cap=cap)
        try:
            raw = parse_json(bytes(buf), max_bytes=cap)
        except ProjectError as exc:
            self.fail(MANIFEST, str(exc))
        if json_depth(raw, self.limits.max_json_depth) > self.limits.max_json_depth:
            self.fail(MANIFEST, f"JSON nested deeper than {self.limits.max_json_depth} levels")
        if not isinstance(raw, dict) or raw.get("format") != mf.FORMAT:
            self.fail(MANIFEST, f"not a drama bundle manifest (format is not '{mf.FORMAT}')")
        reader = raw.get("min_reader_version")
        if isinstance(reader, int) and not isinstance(reader, bool) and reader > mf.READER_VERSION:
            self.fail(
                MANIFEST,
                f"needs bundle reader v{reader} (this build reads up to v{mf.READER_VERSION}); "
                "please update Drama Studio",
            )
        unknown = sorted(set(raw) - set(mf.Manifest.model_fields))
        if unknown:
            self.fail(MANIFEST, f"unknown key '{show(unknown[0])}'")
        try:
            project, _ = project_from_raw(raw.get("drama"))
        except ProjectError as exc:
            self.fail(MANIFEST, f"drama: {exc}")
        try:
            return mf.Manifest.model_validate({**raw, "drama": project})
        except ValidationError as exc:
            self.fail(MANIFEST, _manifest_problem(exc, raw))

    def cross_check(self, manifest: mf.Manifest, entries: dict[str, zipfile.ZipInfo]) -> None:
        """Every entry listed, every listed file present, the drama pointing at listed files."""
        table = manifest.file_map()
        for path in sorted(table):
            problem = path_problem(path)
            if problem is not None:
                self.fail(MANIFEST, f"files: '{show(path)}': file name '{show(problem[0])}' "
                          f"is not portable: {problem[1]}")
        for name in sorted(entries):
            if name != MANIFEST and name not in table:
                self.fail(name, "is not listed in manifest.json files")
        for path in sorted(table):
            if not is_player(path) and path not in entries:
                self.fail(path, "is listed in manifest.json but missing from the zip")
        drama = manifest.drama
        for asset in drama.media:
            f = table.get(asset.path)
            where = f"drama > media '{asset.id}'"
            if f is None or not asset.path.startswith("media/"):
                self.fail(MANIFEST, f"{where}: '{asset.path}' is not a media file of the bundle")
            if (f.sha256, f.size) != (asset.sha256, asset.size):
                self.fail(MANIFEST, f"{where}: sha256/size differ from the files table")
        for audio in drama.audio:
            f = table.get(audio.path)
            where = f"drama > audio '{audio.id}'"
            if f is None or not audio.path.startswith("media/"):
                self.fail(MANIFEST, f"{where}: '{audio.path}' is not a media file of the bundle")
            if (f.sha256, f.size) != (audio.sha256, audio.size):
                self.fail(MANIFEST, f"{where}: sha256/size differ from the files table")
        for product in drama.products:
            if product.image is not None and (
                product.image not in table or not product.image.startswith("images/")
            ):
                where = f"drama > product '{product.id}' > image"
                self.fail(MANIFEST, f"{where}: '{product.image}' is not an image of the bundle")

    def verify_schema(self, manifest: mf.Manifest, entries: dict[str, zipfile.ZipInfo]) -> None:
        info = entries.get(SCHEMA)
        if info is None:
            return
        size, digest = self.read(info, lambda _chunk: None, cap=self.limits.max_manifest_bytes)
        expected = manifest.file_map()[SCHEMA]
        if (size, digest) != (expected.size, expected.sha256):
            self.fail(SCHEMA, "content does not match manifest.json (sha256/size differ)")

    def extract(self, info: zipfile.ZipInfo, expected: mf.FileEntry, staging: Path) -> None:
        name = info.orig_filename
        target = staging / name
        target.parent.mkdir(exist_ok=True)
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
        head = bytearray()

        with os.fdopen(os.open(target, flags, 0o666), "wb") as fh:

            def sink(chunk: bytes) -> None:
                fh.write(chunk)
                if len(head) < 16:
                    head.extend(chunk[:16])

            size, digest = self.read(info, sink, counted=True)
            if (size, digest) != (expected.size, expected.sha256):
                self.fail(name, "content does not match manifest.json (sha256/size differ)")
            if not _magic_ok(name, bytes(head)):
                self.fail(name, f"content is not a .{name.rsplit('.', 1)[-1]} file")
            fh.flush()
            os.fsync(fh.fileno())

    def run(self, out: Path) -> Path:
        entries = check_entries(self.zf.infolist(), self.fh, self.zf.start_dir, self.limits, self.fail)
        manifest = self.manifest(entries)
        self.cross_check(manifest, entries)
        self.verify_schema(manifest, entries)
        table = manifest.file_map()
        names = sorted(n for n in entries if is_extracted(n))
        self.meter.total = max(1, sum(table[n].size for n in names))
        leftovers.sweep_all(out.parent)
        try:
            prefix = f".{temp_stem(out.name)}.import-"
            staging = Path(tempfile.mkdtemp(prefix=prefix, dir=out.parent))
        except OSError as exc:
            self.fail("", f"cannot create a staging folder in {out.parent} ({exc.strerror or exc})")
        try:
            for name in names:
                self.extract(entries[name], table[name], staging)
            _write_project(staging, manifest.drama)
            for sub in ("", "media", "posters", "images"):
                if (staging / sub).is_dir():
                    fsync_dir(staging / sub)
            os.chmod(staging, 0o777 & ~current_umask())
            os.rename(staging, out)
        except BaseException as exc:
            shutil.rmtree(staging, ignore_errors=True)
            if isinstance(exc, OSError):
                self.fail("", f"cannot write {out} ({exc.strerror or exc})")
            raise
        fsync_dir(out.parent)
        self.meter.finish()
        return out


def _manifest_problem(exc: ValidationError, raw: Any) -> str:
    err = exc.errors(include_url=False)[0]
    loc = tuple(err["loc"])
    if loc and loc[0] == "host_origins":  # located as host_origins[i], like the origin checks
        msg = str(err["msg"]).removeprefix("Value error, ")
        index = "".join(f"[{k}]" for k in loc[1:] if isinstance(k, int))
        return msg if msg.startswith("host_origins") else f"host_origins{index}: {msg}"
    if err["type"] == "string_pattern_mismatch":
        where = locate(raw, tuple(err["loc"]))
        return f"{where}: '{show(str(err['input']))}' is not an allowed bundle path or value"
    return describe(exc, raw)[0]


def _write_project(folder: Path, project: Project) -> None:
    with open(folder / PROJECT_FILE, "xb") as fh:
        fh.write(dumps(project))
        fh.flush()
        os.fsync(fh.fileno())


def _refuse(zp: Path) -> Fail:
    def fail(name: str, reason: str) -> NoReturn:
        where = f"entry '{show(name)}': " if name else ""
        raise BundleImportError(f"{zp}: not imported: {where}{reason}")

    return fail


def _check_target(zp: Path, out: Path) -> None:
    fail = _refuse(zp)
    try:
        parent = out.absolute().parent
        if not parent.is_dir():
            missing = not parent.exists() and not parent.is_symlink()
            fail("", f"the folder {parent} {'does not exist' if missing else 'is not a folder'}")
        if out.is_symlink() or (out.exists() and not out.is_dir()):
            fail("", f"{out} exists and is not a folder")
        if out.is_dir():
            with os.scandir(out) as it:
                if any(True for _ in it):
                    fail("", f"{out} exists and is not empty")
    except OSError as exc:
        fail("", f"cannot use {out} ({exc.strerror or exc})")


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "a socket" if stat.S_ISSOCK(mode) else "a special file"


def _open_bundle(zp: Path) -> BinaryIO:
    """The bundle opened for reading; a FIFO, device or folder is refused, never read."""
    fail = _refuse(zp)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(zp, flags | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        fail("", "no such file")
    except OSError as exc:
        fail("", f"cannot read ({exc.strerror or exc})")
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        fail("", f"is {_kind(mode)}, not a regular file")
    return os.fdopen(fd, "rb")


def import_bundle(
    zip_path: str | os.PathLike[str], out_dir: str | os.PathLike[str],
    progress: ProgressFn | None = None, cancel: CancelFn | None = None,
    limits: Limits | None = None,
) -> Path:
    """Import ``zip_path`` into the new project folder ``out_dir``; return ``out_dir``.

    ``out_dir`` must not exist or be empty.  Raises BundleImportError or Cancelled.
    """
    zp, out = Path(zip_path), Path(out_dir)
    lim = limits or Limits()
    _check_target(zp, out)
    meter = Meter(1, progress, cancel, "import")
    with _open_bundle(zp) as fh:
        try:
            size = os.fstat(fh.fileno()).st_size
            check_directory(fh, size, lim.max_entries, lim.max_directory_bytes, _refuse(zp))
            zf = zipfile.ZipFile(fh)
        except _OPEN_ERRORS as exc:
            if isinstance(exc, OSError):
                reason = f"cannot read ({exc.strerror or exc})"
            else:
                reason = f"not a zip file or corrupt ({' '.join(str(exc).split())})"
            raise BundleImportError(f"{zp}: not imported: {reason}") from None
        with zf:
            return _Importer(zp, fh, zf, lim, meter).run(out.absolute())
