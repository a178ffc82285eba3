"""``studio preview-web PROJECT [--no-browser] [--port N]``: build, serve, open the browser.

The project is built into a temporary folder (:class:`~studio.preview_web.site.Site`;
progress on stderr), served on 127.0.0.1 (:class:`~studio.preview_web.server.PreviewServer`,
``--port 0``, the default, takes any free port) and the default browser is opened on the
player (``webbrowser``; with ``--no-browser``, or with no display to show one on, only the
address is printed).  While it serves, saving the project (its ``drama.json``) rebuilds the
site, keeping every unchanged clip; reload the page to see the edit.  Ctrl-C (or SIGTERM)
stops it: exit status 0 and the temporary folder removed.  A project that cannot be
exported is one line on stderr and exit status 2, as ``studio export``.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import threading
import time
import webbrowser
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType

from studio.bundle.errors import BundleError, Cancelled
from studio.model.errors import one_line
from studio.model.io import project_file
from studio.preview_web.server import PreviewServer
from studio.preview_web.site import BuildResult, Site

POLL_SECONDS = 1.0


def _port(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a port number") from None
    if not 0 <= value <= 65535:
        raise argparse.ArgumentTypeError(f"port {value} is not between 0 and 65535")
    return value


def add_preview_web_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("preview-web", help="play a project in the web browser (served on 127.0.0.1)")
    p.add_argument("project", metavar="PROJECT", help="project folder or its drama.json")
    p.add_argument("--no-browser", action="store_true", help="only print the address; do not open a browser")
    p.add_argument("--port", type=_port, default=0, metavar="N", help="port on 127.0.0.1 (default: any free)")


def _progress(verb: str) -> Callable[[int, int], None]:
    """Percentages on stderr: one updating line on a terminal, a line per 25% otherwise."""
    tty = sys.stderr.isatty()
    step = 1 if tty else 25
    last = [-step]

    def show(done: int, total: int) -> None:
        percent = done * 100 // max(total, 1)
        if percent >= last[0] + step or (percent == 100 and last[0] != 100):
            last[0] = percent
            sys.stderr.write(f"\r{verb} {percent:3d}%" if tty else f"{verb} {percent}%\n")
            if tty and percent >= 100:
                sys.stderr.write("\n")
            sys.stderr.flush()

    return show


def _summary(result: BuildResult) -> str:
    clips = f"{result.media} clip{'s' if result.media != 1 else ''}"
    kept = f"{result.reused} unchanged"
    copied = f"{result.copied_bytes / 1e6:.1f} MB copied in {result.seconds:.1f} s"
    return f"'{result.title}': {clips} ({kept}), {copied}"


def _stamp(path: Path) -> tuple[int, int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_ino, st.st_size, st.st_mtime_ns


def _can_show_browser() -> bool:
    """A graphical browser can be shown (on Linux without a display, ``webbrowser`` would start
    a text browser in this terminal)."""
    if not sys.platform.startswith("linux"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY") or os.environ.get("BROWSER"))


@contextmanager
def _sigterm_stops() -> Iterator[None]:
    """SIGTERM ends the command like Ctrl-C (main thread only)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(_signum: int, _frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _watch(site: Site, project: str, drama: Path, stop: threading.Event) -> None:
    """Rebuild whenever ``drama.json`` changes, until ``stop`` is set."""
    seen = _stamp(drama)
    while not stop.wait(POLL_SECONDS):
        now = _stamp(drama)
        if now == seen or now is None:
            continue
        seen = now
        try:
            result = site.build(project, _progress("rebuilding the preview"), stop.is_set)
        except Cancelled:
            return
        except BundleError as exc:
            sys.stderr.write(f"studio: {one_line(str(exc))} (still serving the previous build)\n")
            continue
        sys.stderr.write(f"rebuilt {_summary(result)}; reload the page\n")
        sys.stderr.flush()


def run_preview_web(args: argparse.Namespace) -> int:
    with _sigterm_stops(), Site() as site:
        try:
            result = site.build(args.project, progress=_progress("building the preview"))
        except BundleError as exc:
            sys.stderr.write(f"studio: {one_line(str(exc))}\n")
            return 2
        except KeyboardInterrupt:
            sys.stderr.write("\nstudio: preview cancelled\n")
            return 0
        sys.stderr.write(f"built {_summary(result)}\n")
        try:
            server = PreviewServer(site.root, args.port)
        except OSError as exc:
            sys.stderr.write(f"studio: cannot serve on 127.0.0.1 port {args.port}: {exc.strerror or exc}\n")
            return 2
        server.start()
        stop = threading.Event()
        drama = project_file(args.project)
        watcher = threading.Thread(target=_watch, args=(site, args.project, drama, stop), daemon=True)
        try:
            sys.stdout.write(f"serving {server.url}  (Ctrl-C to stop)\n")
            sys.stdout.flush()
            if not args.no_browser and (not _can_show_browser() or not webbrowser.open(server.url)):
                sys.stderr.write("studio: no web browser to open here: open the address above yourself\n")
            watcher.start()
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            sys.stderr.write("\nstopped\n")
            return 0
        finally:
            stop.set()
            if watcher.is_alive():
                watcher.join()
            server.stop()
