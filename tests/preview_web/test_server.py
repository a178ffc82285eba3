"""The preview server over real HTTP: byte ranges, HEAD, content types, refusals, 127.0.0.1 only."""

from __future__ import annotations

import http.client
import os
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from studio.preview_web.server import HOST, PreviewServer, Unsatisfiable, parse_range

DATA = bytes(range(256)) * 40  # 10,240 bytes, every offset distinguishable mod 256


@pytest.fixture
def root(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    (site / "media").mkdir(parents=True)
    (site / "player").mkdir()
    (site / "media" / "clip.mp4").write_bytes(DATA)
    (site / "empty.mp4").write_bytes(b"")
    for name in ("a.js", "a.css", "manifest.json", "subs.vtt", "index.html", "x.unknown"):
        (site / "player" / name).write_bytes(b"x")
    (site / "player" / ".hidden.part").write_bytes(b"secret")
    (tmp_path / "outside.txt").write_bytes(b"outside")
    (site / "link.txt").symlink_to(tmp_path / "outside.txt")
    return site


@pytest.fixture
def server(root: Path) -> Iterator[PreviewServer]:
    srv = PreviewServer(root).start()
    try:
        yield srv
    finally:
        srv.stop()


def request(
    server: PreviewServer, path: str, headers: dict[str, str] | None = None, method: str = "GET"
) -> tuple[int, dict[str, str], bytes]:
    conn = http.client.HTTPConnection(HOST, server.port, timeout=10)
    try:
        conn.request(method, path, headers=headers or {})
        resp = conn.getresponse()
        body = resp.read()
        return resp.status, {k.lower(): v for k, v in resp.getheaders()}, body
    finally:
        conn.close()


@pytest.mark.parametrize(
    ("header", "span"),
    [
        ("bytes=0-99", (0, 99)),
        ("bytes=100-", (100, 10239)),
        ("bytes=-100", (10140, 10239)),
        ("bytes=-999999", (0, 10239)),  # a suffix longer than the file: all of it
        ("bytes=10000-999999", (10000, 10239)),  # the end is clamped
        ("bytes=10239-10239", (10239, 10239)),  # the last byte
        ("Bytes = 5-6", (5, 6)),  # unit case and blanks
    ],
)
def test_single_ranges_give_206(server: PreviewServer, header: str, span: tuple[int, int]) -> None:
    status, headers, body = request(server, "/media/clip.mp4", {"Range": header})
    first, last = span
    assert status == 206
    assert headers["content-range"] == f"bytes {first}-{last}/{len(DATA)}"
    assert headers["content-length"] == str(last - first + 1)
    assert body == DATA[first : last + 1]
    assert headers["content-type"] == "video/mp4"
    assert headers["accept-ranges"] == "bytes"


@pytest.mark.parametrize("header", ["bytes=10240-", "bytes=99999-100000", "bytes=-0"])
def test_unsatisfiable_ranges_give_416(server: PreviewServer, header: str) -> None:
    status, headers, _ = request(server, "/media/clip.mp4", {"Range": header})
    assert status == 416
    assert headers["content-range"] == f"bytes */{len(DATA)}"


def test_any_range_of_an_empty_file_is_unsatisfiable(server: PreviewServer) -> None:
    status, headers, _ = request(server, "/empty.mp4", {"Range": "bytes=0-"})
    assert (status, headers["content-range"]) == (416, "bytes */0")
    status, headers, body = request(server, "/empty.mp4")
    assert (status, headers["content-length"], body) == (200, "0", b"")


@pytest.mark.parametrize("header", ["bytes=5-1", "bytes=0-1,5-6", "items=0-1", "bytes=a-b", "bytes=-"])
def test_invalid_or_several_ranges_are_ignored(server: PreviewServer, header: str) -> None:
    status, headers, body = request(server, "/media/clip.mp4", {"Range": header})
    assert status == 200
    assert "content-range" not in headers
    assert body == DATA


def test_if_range_with_another_validator_gives_the_whole_file(server: PreviewServer) -> None:
    _, head, _ = request(server, "/media/clip.mp4", method="HEAD")
    status, _, body = request(server, "/media/clip.mp4", {"Range": "bytes=0-9", "If-Range": head["etag"]})
    assert (status, body) == (206, DATA[:10])
    status, _, body = request(server, "/media/clip.mp4", {"Range": "bytes=0-9", "If-Range": '"stale"'})
    assert (status, body) == (200, DATA)


def test_head_has_the_headers_of_get_and_no_body(server: PreviewServer) -> None:
    status, headers, body = request(server, "/media/clip.mp4", {"Range": "bytes=10-19"}, method="HEAD")
    assert (status, body) == (206, b"")
    assert headers["content-length"] == "10"
    assert headers["content-range"] == f"bytes 10-19/{len(DATA)}"
    status, headers, body = request(server, "/media/clip.mp4", method="HEAD")
    assert (status, headers["content-length"], body) == (200, str(len(DATA)), b"")


@pytest.mark.parametrize(
    ("name", "mime"),
    [
        ("a.js", "text/javascript; charset=utf-8"),
        ("a.css", "text/css; charset=utf-8"),
        ("manifest.json", "application/json"),
        ("subs.vtt", "text/vtt; charset=utf-8"),
        ("index.html", "text/html; charset=utf-8"),
        ("x.unknown", "application/octet-stream"),
    ],
)
def test_content_types(server: PreviewServer, name: str, mime: str) -> None:
    from studio.preview_web.server import content_type

    assert (content_type("media/ab.m4a"), content_type("media/ab.OGG"), content_type("media/ab.wav")) == (
        "audio/mp4", "audio/ogg", "audio/wav")  # dubs
    status, headers, _ = request(server, f"/player/{name}")
    assert (status, headers["content-type"], headers["x-content-type-options"]) == (200, mime, "nosniff")


@pytest.mark.parametrize(
    "path",
    [
        "/../outside.txt",
        "/media/../../outside.txt",
        "/%2e%2e/outside.txt",
        "/media/%2E%2E%2F%2E%2E%2Foutside.txt",
        "/media%2f..%2f..%2foutside.txt",
        "/link.txt",  # a symbolic link leading out of the root
        "/player/.hidden.part",  # a build's temporary file
        "/player/",  # no directory listing
        "/media",
        "/media/clip.mp4%00.txt",
        "/%ff%fe",
        "/media\\..\\..\\outside.txt",
    ],
)
def test_nothing_outside_the_root_or_hidden_is_served(server: PreviewServer, path: str) -> None:
    status, _, body = request(server, path)
    assert status == 404
    assert b"outside" not in body and b"secret" not in body


def test_root_redirects_to_the_player(server: PreviewServer) -> None:
    status, headers, _ = request(server, "/")
    assert (status, headers["location"]) == (302, "/player/index.html")
    assert server.url == f"http://127.0.0.1:{server.port}/player/index.html"


def test_another_host_name_is_refused(server: PreviewServer) -> None:
    """A page on another site that rebinds its DNS name to 127.0.0.1 gets nothing (421)."""
    status, _, body = request(server, "/media/clip.mp4", {"Host": f"evil.example:{server.port}"})
    assert status == 421
    assert DATA not in body
    assert request(server, "/media/clip.mp4", {"Host": f"localhost:{server.port}"})[0] == 200


def _other_addresses() -> list[str]:
    """This machine's non-loopback IPv4 addresses."""
    found: set[str] = set()
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.1", 9))  # TEST-NET: nothing is sent, the route picks the address
            found.add(probe.getsockname()[0])
        except OSError:
            pass
    for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET):
        found.add(str(info[4][0]))
    return sorted(a for a in found if not a.startswith("127."))


def test_listens_on_127_0_0_1_only(server: PreviewServer) -> None:
    assert server.socket.getsockname()[0] == "127.0.0.1"
    assert request(server, "/media/clip.mp4")[0] == 200
    for address in _other_addresses():
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
            s.settimeout(2)
            assert s.connect_ex((address, server.port)) != 0, f"reachable on {address}"


def test_stop_closes_the_listener_and_open_connections(root: Path) -> None:
    srv = PreviewServer(root).start()
    port = srv.port
    conn = http.client.HTTPConnection(HOST, port, timeout=10)
    conn.request("GET", "/media/clip.mp4", headers={"Range": "bytes=0-0"})
    assert conn.getresponse().read() == DATA[:1]
    srv.stop()
    with socket.socket() as s:
        assert s.connect_ex((HOST, port)) != 0
    conn.request("GET", "/media/clip.mp4")  # the kept-alive connection was closed by the server
    with pytest.raises((http.client.HTTPException, OSError)):
        conn.getresponse()
    conn.close()


def test_a_file_replaced_while_served_is_read_whole(server: PreviewServer, root: Path) -> None:
    """Rebuilds replace files by rename: a request sees the old or the new file, never a mix."""
    new = root / "media" / ".clip.new"
    new.write_bytes(DATA[::-1])
    os.replace(new, root / "media" / "clip.mp4")
    assert request(server, "/media/clip.mp4")[2] == DATA[::-1]


def test_parse_range_edges() -> None:
    assert parse_range(None, 10) is None
    assert parse_range("bytes=0-0", 1) == (0, 0)
    assert parse_range("bytes=-1", 1) == (0, 0)
    with pytest.raises(Unsatisfiable):
        parse_range("bytes=1-", 1)
    with pytest.raises(Unsatisfiable):
        parse_range("bytes=-5", 0)
