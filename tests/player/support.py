"""Helpers for the web player's browser tests: a static server and bundle folders.

The server is a plain ``http.server`` on 127.0.0.1 (random port) in a thread,
with HTTP Range support so that <video> can seek like on any real static host.
Bundle folders follow docs/bundle-format.md: ``manifest.json``, ``media/``
(clips named by content hash) and ``player/`` (copied from resources/player).
When ``studio.bundle`` can export, the real exporter is used instead.
"""

from __future__ import annotations

import contextlib
import hashlib
import http.server
import json
import os
import re
import shutil
import threading
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from tests.support import ROOT, SAMPLES

PLAYER_DIR = ROOT / "resources" / "player"
VECTORS_DIR = ROOT / "tests" / "vectors"
SHOTS_DIR = Path("/tmp/player-shots")  # screenshots to look at (not part of the repo)
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--autoplay-policy=no-user-gesture-required",
]
_RANGE = re.compile(r"bytes=(\d*)-(\d*)$")


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Static files with single-range requests; silent."""

    extensions_map = {  # noqa: RUF012 - class attribute of the stdlib handler
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".js": "text/javascript",
        ".mjs": "text/javascript",
        ".json": "application/json",
        ".mp4": "video/mp4",
        ".css": "text/css",
        ".html": "text/html",
    }

    def log_message(self, format: str, *args: Any) -> None:
        return

    def send_head(self) -> Any:
        header = self.headers.get("Range")
        path = Path(self.translate_path(self.path))
        match = _RANGE.match(header.strip()) if header else None
        if match is None or not path.is_file():
            return super().send_head()
        size = path.stat().st_size
        first, last = match.groups()
        if first:
            start, end = int(first), int(last) if last else size - 1
        else:
            start, end = max(0, size - int(last or 0)), size - 1
        end = min(end, size - 1)
        if start > end or start >= size:
            self.send_response(416)
            self.send_header("Content-Range", f"bytes */{size}")
            self.end_headers()
            return None
        handle = path.open("rb")
        handle.seek(start)
        self.send_response(206)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Accept-Ranges", "bytes")
        self.send_header("Content-Range", f"bytes {start}-{end}/{size}")
        self.send_header("Content-Length", str(end - start + 1))
        self.end_headers()
        return _Slice(handle, end - start + 1)

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")
        if "Range" not in self.headers:
            self.send_header("Accept-Ranges", "bytes")
        super().end_headers()

    def copyfile(self, source: Any, outputfile: Any) -> None:
        # The browser cancels media requests it no longer needs: normal.
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            super().copyfile(source, outputfile)


class _Slice:
    """A file object limited to ``length`` bytes (for 206 responses)."""

    def __init__(self, handle: Any, length: int) -> None:
        self.handle = handle
        self.left = length

    def read(self, size: int = -1) -> bytes:
        if self.left <= 0:
            return b""
        size = self.left if size < 0 else min(size, self.left)
        data: bytes = self.handle.read(size)
        self.left -= len(data)
        return data

    def close(self) -> None:
        self.handle.close()


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        return  # aborted media requests are expected


@contextlib.contextmanager
def serve(root: Path) -> Iterator[str]:
    """Serve ``root`` on 127.0.0.1 (random port); yields the base URL."""

    def handler(*args: Any, **kwargs: Any) -> _Handler:
        return _Handler(*args, directory=str(root), **kwargs)

    server = _Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def load_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def sample_drama(name: str) -> dict[str, Any]:
    data: dict[str, Any] = load_json(SAMPLES / name / "drama.json")
    return data


def _ext(container: str) -> str:
    return container if container in ("mp4", "mov", "m4v", "webm", "mkv") else "mp4"


def _try_exporter(project_dir: Path, dest: Path) -> bool:
    """Export with studio.bundle (when it exists) and unzip into ``dest``."""
    try:
        from studio.bundle.export import export_project
    except ImportError:
        return False
    zip_path = dest.parent / (dest.name + ".drama.zip")
    export_project(project_dir, zip_path, web_player=True)
    with zipfile.ZipFile(zip_path) as archive:
        archive.extractall(dest)
    zip_path.unlink()
    return True


def assemble_bundle(drama: dict[str, Any], media_dir: Path, dest: Path) -> Path:
    """Lay out a bundle folder by hand (docs/bundle-format.md) for ``drama``."""
    dest.mkdir(parents=True, exist_ok=True)
    (dest / "media").mkdir(exist_ok=True)
    drama = json.loads(json.dumps(drama))
    files: list[dict[str, Any]] = []
    for asset in drama.get("media", []):
        source = media_dir / asset["path"]
        data = source.read_bytes()
        digest = hashlib.sha256(data).hexdigest()
        rel = f"media/{digest}.{_ext(asset['container'])}"
        if not (dest / rel).exists():
            (dest / rel).write_bytes(data)
            files.append({"path": rel, "sha256": digest, "size": len(data)})
        asset["path"] = rel
    manifest = {
        "format": "drama-studio-bundle",
        "bundle_version": 1,
        "min_reader_version": 1,
        "event_contract_version": 1,
        "written_by": "tests/player",
        "drama": drama,
        "posters": {},
        "files": sorted(files, key=lambda f: str(f["path"])),
    }
    text = json.dumps(manifest, ensure_ascii=False, indent=2) + "\n"
    (dest / "manifest.json").write_text(text, encoding="utf-8")
    copy_player(dest)
    return dest


def copy_player(dest: Path) -> None:
    target = dest / "player"
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(PLAYER_DIR, target)


def bundle_for_sample(name: str, dest: Path) -> Path:
    """A served bundle folder for a sample project (real exporter when available)."""
    if os.environ.get("PLAYER_TESTS_HAND_BUNDLE") != "1" and _try_exporter(SAMPLES / name, dest):
        return dest  # exactly what `studio export --web-player` ships
    return assemble_bundle(sample_drama(name), SAMPLES / name, dest)
