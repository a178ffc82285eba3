"""A static HTTP server for the preview site, on 127.0.0.1 only.  Qt-free.

What ``<video>`` and the web player need from a static host, and nothing more:

- GET and HEAD of regular files under the root; ``/`` redirects to the player page;
- byte ranges (RFC 9110): one ``bytes=a-b``, ``a-`` or ``-n`` range gives 206 with
  ``Content-Range``; a range that starts past the end gives 416 with
  ``Content-Range: bytes */size``; a syntactically invalid range or several ranges are
  ignored (200, the whole file), as the RFC allows; ``If-Range`` not matching the
  ETag/Last-Modified also gives the whole file;
- fixed content types (``.mp4`` video/mp4, ``.js`` text/javascript, ``.css``, ``.json``,
  ``.vtt`` text/vtt, ...), ``nosniff``, ``no-cache`` (a rebuild shows on reload);
- no directory listings, no dot-files (a build's ``.part`` files), nothing outside the
  root (``..``, encoded or not, and symbolic links leading out are refused: 404), and a
  ``Host`` other than this server's own address is refused (421: DNS rebinding).

The listening socket is bound to 127.0.0.1 (never all interfaces).  Requests are
served on daemon threads; :meth:`PreviewServer.stop` closes the listener and every
open connection.
"""

from __future__ import annotations

import contextlib
import http.server
import os
import re
import socket
import threading
import urllib.parse
from email.utils import formatdate, parsedate_to_datetime
from pathlib import Path
from typing import Any

HOST = "127.0.0.1"
REQUEST_TIMEOUT = 60.0
POLL = 0.1  # how often serve_forever looks for stop(): its worst-case latency
MIME = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".json": "application/json",
    ".vtt": "text/vtt; charset=utf-8",
    ".svg": "image/svg+xml",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
    ".webp": "image/webp",
    ".ico": "image/x-icon",
    ".mp4": "video/mp4",
    ".m4v": "video/mp4",
    ".mov": "video/quicktime",
    ".webm": "video/webm",
    # dubs (studio.model.tracks.AudioAsset): Safari plays no media served as octet-stream
    ".m4a": "audio/mp4",
    ".mp3": "audio/mpeg",
    ".aac": "audio/aac",
    ".ogg": "audio/ogg",
    ".opus": "audio/ogg",
    ".wav": "audio/wav",
    ".mkv": "video/x-matroska",
    ".txt": "text/plain; charset=utf-8",
}
_RANGE = re.compile(r"\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$", re.IGNORECASE)


class Unsatisfiable(Exception):
    """The requested range lies wholly outside the file (416)."""


def parse_range(header: str | None, size: int) -> tuple[int, int] | None:
    """``(first, last)`` byte (inclusive) of a single ``Range`` header, or None for the
    whole file (no header, bad syntax, several ranges); raises Unsatisfiable."""
    if not header:
        return None
    match = _RANGE.match(header)
    if match is None:
        return None  # invalid or several ranges: ignored (RFC 9110 section 14.2)
    first, last = match.groups()
    if not first and not last:
        return None
    if not first:  # suffix: the last n bytes
        n = int(last)
        if n == 0 or size == 0:
            raise Unsatisfiable
        return max(size - n, 0), size - 1
    start = int(first)
    end = int(last) if last else size - 1
    if last and end < start:
        return None  # invalid: ignored
    if start >= size:
        raise Unsatisfiable
    return start, min(end, size - 1)


def content_type(name: str) -> str:
    return MIME.get(os.path.splitext(name)[1].lower(), "application/octet-stream")


class _Handler(http.server.BaseHTTPRequestHandler):
    server: PreviewServer
    protocol_version = "HTTP/1.1"
    server_version = "DramaStudioPreview"

    def version_string(self) -> str:
        return self.server_version
    timeout = REQUEST_TIMEOUT

    def log_message(self, format: str, *args: Any) -> None:
        pass  # quiet: a browser's aborted media requests are normal

    def do_GET(self) -> None:
        self._serve(body=True)

    def do_HEAD(self) -> None:
        self._serve(body=False)

    def _plain(self, code: int, text: str, extra: dict[str, str] | None = None, body: bool = True) -> None:
        data = (text + "\n").encode("utf-8")
        self.send_response(code)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("X-Content-Type-Options", "nosniff")
        for key, value in (extra or {}).items():
            self.send_header(key, value)
        self.end_headers()
        if body:
            self.wfile.write(data)

    def _host_ok(self) -> bool:
        host = (self.headers.get("Host") or "").strip().lower()
        port = self.server.port
        return host in {f"{HOST}:{port}", f"localhost:{port}"}

    def _serve(self, body: bool) -> None:
        if not self._host_ok():
            self._plain(421, "misdirected request: use the address studio printed", body=body)
            return
        raw = urllib.parse.urlsplit(self.path).path
        if raw == "/":
            self._plain(302, "moved", {"Location": "/" + self.server.start_page}, body=body)
            return
        path = self.server.resolve(raw)
        if path is None:
            self._plain(404, "not found", body=body)
            return
        try:
            fh = open(path, "rb")  # noqa: SIM115 - closed below
        except OSError:
            self._plain(404, "not found", body=body)
            return
        with fh:
            self._send_file(fh, path.name, body)

    def _send_file(self, fh: Any, name: str, body: bool) -> None:
        st = os.fstat(fh.fileno())
        size = st.st_size
        etag = f'"{st.st_ino:x}-{size:x}-{st.st_mtime_ns:x}"'
        modified = formatdate(st.st_mtime, usegmt=True)
        try:
            span = parse_range(self.headers.get("Range"), size)
        except Unsatisfiable:
            self._plain(416, "range not satisfiable", {"Content-Range": f"bytes */{size}"}, body=body)
            return
        if span is not None and not self._if_range(etag, st.st_mtime):
            span = None
        first, last = span if span is not None else (0, size - 1)
        length = last - first + 1 if size else 0
        self.send_response(206 if span is not None else 200)
        self.send_header("Content-Type", content_type(name))
        self.send_header("Content-Length", str(length))
        if span is not None:
            self.send_header("Content-Range", f"bytes {first}-{last}/{size}")
        self.send_header("Accept-Ranges", "bytes")
        self.send_header("ETag", etag)
        self.send_header("Last-Modified", modified)
        self.send_header("Cache-Control", "no-cache")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.end_headers()
        if body and length:
            self.connection.sendfile(fh, first, length)

    def _if_range(self, etag: str, mtime: float) -> bool:
        """Whether a ``Range`` applies under the request's ``If-Range`` (none: it does)."""
        cond = self.headers.get("If-Range")
        if cond is None:
            return True
        cond = cond.strip()
        if cond.startswith('"'):
            return cond == etag
        try:
            return int(parsedate_to_datetime(cond).timestamp()) >= int(mtime)
        except (TypeError, ValueError):
            return False


class PreviewServer(http.server.ThreadingHTTPServer):
    """Serves ``root`` on 127.0.0.1 (``port`` 0: any free port) from a background thread."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, root: Path, port: int = 0, start_page: str = "player/index.html") -> None:
        self.root = Path(os.path.realpath(root))
        self.start_page = start_page
        self._open: set[socket.socket] = set()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        super().__init__((HOST, port), _Handler)

    @property
    def port(self) -> int:
        return int(self.server_address[1])

    @property
    def url(self) -> str:
        """The player page's address."""
        return f"http://{HOST}:{self.port}/{self.start_page}"

    def resolve(self, raw_path: str) -> Path | None:
        """The regular file a URL path names under the root, or None (refused or missing)."""
        try:
            parts = urllib.parse.unquote(raw_path, errors="strict").split("/")
        except UnicodeDecodeError:
            return None
        if parts[0] != "" or any(p.startswith(".") or "\\" in p or "\0" in p for p in parts[1:] if p):
            return None
        rel = [p for p in parts[1:] if p]
        if not rel:
            return None
        real = Path(os.path.realpath(self.root.joinpath(*rel)))
        if not real.is_relative_to(self.root) or not real.is_file():
            return None
        return real

    def start(self) -> PreviewServer:
        self._thread = threading.Thread(
            target=self.serve_forever, args=(POLL,), name="preview-web", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving: the listener and every open connection are closed."""
        if self._thread is not None:
            self.shutdown()
            self._thread.join()
            self._thread = None
        with self._lock:
            for sock in list(self._open):
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
        self.server_close()

    def process_request(self, request: Any, client_address: Any) -> None:
        with self._lock:
            self._open.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request: Any) -> None:
        with self._lock:
            self._open.discard(request)
        super().shutdown_request(request)

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # a client that went away mid-file (seeking video does it all the time)
