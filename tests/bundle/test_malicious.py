"""The malicious-bundle corpus: every case must be refused with one line, leave
nothing next to the target (the parent folder is snapshotted) and no target.

Cases are real zip files built from a good exported bundle with ``zipfile``,
and byte-patched where ``zipfile`` would refuse (NUL in names, encryption
flag, lying sizes, overlapping entries).
"""

from __future__ import annotations

import hashlib
import json
import re
import stat
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from studio.bundle import BundleImportError
from studio.bundle.importer import Limits, import_bundle
from tests.bundle.conftest import snapshot
from tests.bundle.zipcraft import (
    Item,
    add_alias_record,
    get_field,
    manifest_of,
    patch,
    read_items,
    rename_bytes,
    replace_manifest,
    write_items,
)

MIB = 1 << 20
Build = Callable[[list[Item], Path], Path]


@dataclass(frozen=True)
class Case:
    build: Build
    expect: str  # regex the one-line message must match
    limits: Limits | None = None


def _zip(items: list[Item], out: Path) -> Path:
    return write_items(out / "evil.zip", items)


def _first(items: list[Item], prefix: str) -> Item:
    return next(i for i in items if i.name.startswith(prefix))


def _relist(items: list[Item]) -> list[Item]:
    """Rewrite the file table so that it lists every entry with its true hash."""
    manifest = manifest_of(items)
    manifest["files"] = [
        {"path": i.name, "sha256": hashlib.sha256(i.data).hexdigest(), "size": len(i.data)}
        for i in sorted(items, key=lambda i: i.name)
        if i.name != "manifest.json"
    ]
    return replace_manifest(items, manifest)


def extra(*new: Item, relist: bool = False) -> Build:
    def build(items: list[Item], out: Path) -> Path:
        result = items + list(new)
        return _zip(_relist(result) if relist else result, out)

    return build


def edit_manifest(edit: Callable[[dict[str, Any]], object]) -> Build:
    def build(items: list[Item], out: Path) -> Path:
        manifest = manifest_of(items)
        edit(manifest)
        return _zip(replace_manifest(items, manifest), out)

    return build


def raw_manifest(data: bytes, compress: int = zipfile.ZIP_DEFLATED) -> Build:
    def build(items: list[Item], out: Path) -> Path:
        rest = [i for i in items if i.name != "manifest.json"]
        return _zip([Item("manifest.json", data, compress), *rest], out)

    return build


def byte_patch(fn: Callable[[bytes, list[Item]], bytes]) -> Build:
    def build(items: list[Item], out: Path) -> Path:
        good = _zip(items, out).read_bytes()
        path = out / "evil.zip"
        path.write_bytes(fn(good, items))
        return path

    return build


def raw_file(fn: Callable[[bytes], bytes]) -> Build:
    return byte_patch(lambda good, _items: fn(good))


def _drop_media(items: list[Item], out: Path) -> Path:
    media = _first(items, "media/")
    return _zip([i for i in items if i is not media], out)


def _flip_media_byte(items: list[Item], out: Path) -> Path:
    media = _first(items, "media/")
    data = bytearray(media.data)
    data[len(data) // 2] ^= 0x01
    return _zip([Item(i.name, bytes(data)) if i is media else i for i in items], out)


def _change_schema(items: list[Item], out: Path) -> Path:
    return _zip(
        [Item(i.name, b"{}\n", i.compress) if i.name == "manifest.schema.json" else i for i in items],
        out,
    )


def _bomb(items: list[Item], out: Path) -> Path:
    zeros = bytes(200 * MIB)
    name = "media/" + "0" * 64 + ".mp4"
    manifest = manifest_of(items)
    entry = {"path": name, "sha256": hashlib.sha256(zeros).hexdigest(), "size": len(zeros)}
    manifest["files"] = sorted([*manifest["files"], entry], key=lambda f: f["path"])
    items = [*replace_manifest(items, manifest), Item(name, zeros, zipfile.ZIP_DEFLATED)]
    return _zip(items, out)


def _too_many(items: list[Item], out: Path) -> Path:
    return _zip(items + [Item(f"posters/p{n}.jpg", b"") for n in range(10_001)], out)


def _lie_smaller(field_entry: str) -> Build:
    def fn(good: bytes, items: list[Item]) -> bytes:
        name = _first(items, field_entry).name
        return patch(good, name, "usize", get_field(good, name, "usize") - 1000)

    return byte_patch(fn)


def _set_flag(bits: int) -> Build:
    def fn(good: bytes, items: list[Item]) -> bytes:
        name = _first(items, "media/").name
        return patch(good, name, "flags", get_field(good, name, "flags") | bits)

    return byte_patch(fn)


def _nul_name(good: bytes, items: list[Item]) -> bytes:
    return rename_bytes(good, "posters/intro.jpg", "posters/in\0ro.jpg")


def _overlap(good: bytes, items: list[Item]) -> bytes:
    return add_alias_record(good, "posters/intro.jpg", "posters/zzzzz.jpg")


def _bad_local_magic(good: bytes, items: list[Item]) -> bytes:
    data = bytearray(good)
    offset = data.find(b"PK\x03\x04", data.find(_first(items, "media/").name.encode()) - 40)
    data[offset : offset + 4] = b"XXXX"
    return bytes(data)


def _nested(depth: int) -> bytes:
    return b'{"format": "drama-studio-bundle", "x": ' + b"[" * depth + b"]" * depth + b"}"


def _set(path: str, value: object) -> Callable[[dict[str, Any]], None]:
    def edit(m: dict[str, Any]) -> None:
        node: Any = m
        keys = [int(k) if k.isdigit() else k for k in path.split(".")]
        for key in keys[:-1]:
            node = node[key]
        node[keys[-1]] = value

    return edit


def _origins_in_v1(m: dict[str, Any]) -> None:
    m.update(bundle_version=1, min_reader_version=1, host_origins=["https://a.example.com"])


def _poster_size(m: dict[str, Any]) -> None:
    next(f for f in m["files"] if f["path"] == "posters/intro.jpg")["size"] = 5


HTML = b"<!doctype html><script>alert(1)</script>"
SYMLINK = stat.S_IFLNK | 0o777
CASES: dict[str, Case] = {
    "zip-slip": Case(extra(Item("../evil", b"x")), r"'\.\.'"),
    "zip-slip-nested": Case(extra(Item("media/../../evil.mp4", b"x")), r"'\.\.'"),
    "zip-slip-in-player": Case(extra(Item("player/../../evil.js", b"x")), r"'\.\.'"),
    "absolute": Case(extra(Item("/etc/x", b"x")), "absolute"),
    "unc-absolute": Case(extra(Item("//server/share/x", b"x")), "absolute"),
    "drive-backslash": Case(extra(Item("C:\\x", b"x")), "backslash|drive"),
    "drive-letter": Case(extra(Item("C:x", b"x")), "drive letter"),
    "backslash": Case(extra(Item("media\\x.mp4", b"x")), "backslash"),
    "empty-component": Case(extra(Item("media//x.mp4", b"x")), "empty or '.'"),
    "dot-component": Case(extra(Item("./manifest.json", b"{}")), "empty or '.'"),
    "control-char": Case(extra(Item("media/a\nb.mp4", b"x")), "control"),
    "bidi-char": Case(extra(Item("media/a\u202egpj.mp4", b"x")), "control or invisible"),
    "nul-in-name": Case(byte_patch(_nul_name), "control"),
    "symlink": Case(extra(Item("media/link.mp4", b"/etc/passwd", mode=SYMLINK)), "symbolic link"),
    "symlink-in-player": Case(extra(Item("player/x.js", b"/etc/passwd", mode=SYMLINK)), "symbolic"),
    "fifo": Case(extra(Item("media/f.mp4", b"", mode=stat.S_IFIFO | 0o644)), "not a regular file"),
    "folder-entry": Case(extra(Item("evil/", b"", mode=stat.S_IFDIR | 0o755)), "unexpected folder"),
    "duplicate-name": Case(
        lambda items, out: _zip([*items, _first(items, "media/")], out), "appears twice"
    ),
    "case-collision": Case(
        extra(Item("media/A.mp4", b"x"), Item("media/a.mp4", b"y")), "collides with 'media/A.mp4'"
    ),
    "case-collision-existing": Case(extra(Item("posters/INTRO.jpg", b"x")), "collides"),
    "unicode-nfc-collision": Case(
        extra(Item("player/caf\u00e9.js", b"1"), Item("player/cafe\u0301.js", b"2")), "collides"
    ),
    "unicode-nfkc-collision": Case(
        extra(Item("player/\ufb01le.js", b"1"), Item("player/file.js", b"2")), "collides"
    ),
    "encrypted": Case(_set_flag(0x1), "encrypted"),
    "strong-encryption": Case(_set_flag(0x40), "encrypted"),
    "bzip2": Case(extra(Item("media/x.mp4", b"x" * 100, zipfile.ZIP_BZIP2)), "compression method"),
    "too-many-entries": Case(_too_many, "10011 entries|entries \\(the limit is 10000\\)"),
    "zip-bomb": Case(_bomb, r"compression ratio above 100:1"),
    "total-bytes-limit": Case(
        lambda items, out: _zip(items, out), "unpacks to more than", Limits(max_total_bytes=50_000)
    ),
    "size-lie-stored": Case(_lie_smaller("media/"), "corrupt|differ"),
    "size-lie-deflated": Case(_lie_smaller("manifest.json"), "corrupt|differ"),
    "overlapping-entries": Case(byte_patch(_overlap), "overlaps"),
    "bad-local-header": Case(byte_patch(_bad_local_magic), "corrupt"),
    # The default manifest limits take every project load accepts (256 MiB + 16 MiB, 100 levels:
    # test_export_limits); the mechanism is exercised here at smaller limits.
    "oversized-manifest": Case(
        raw_manifest(b"{}" + b" " * (17 * MIB), zipfile.ZIP_STORED), "larger than 16 MiB",
        Limits(max_manifest_bytes=16 * MIB),
    ),
    "oversized-manifest-deflated": Case(
        raw_manifest(b"{}" + b" " * (17 * MIB)), "larger than 16 MiB|compression ratio",
        Limits(max_manifest_bytes=16 * MIB),
    ),
    "deep-manifest": Case(raw_manifest(_nested(70)), "nested deeper than 64", Limits(max_json_depth=64)),
    "deeper-than-any-project-manifest": Case(raw_manifest(_nested(101)), "nested deeper than 100"),
    "very-deep-manifest": Case(raw_manifest(_nested(200_000)), "nested"),
    "duplicate-key-manifest": Case(
        raw_manifest(b'{"format": "drama-studio-bundle", "format": "x"}'), "duplicate key 'format'"
    ),
    "nan-manifest": Case(raw_manifest(b'{"format": NaN}'), "NaN"),
    "not-utf8-manifest": Case(raw_manifest(b'{"format": "\xff"}'), "not UTF-8"),
    "array-manifest": Case(raw_manifest(b"[]"), "not a drama bundle manifest"),
    "missing-manifest": Case(
        lambda items, out: _zip([i for i in items if i.name != "manifest.json"], out),
        "manifest.json is missing",
    ),
    "wrong-format": Case(edit_manifest(_set("format", "zip")), "not a drama bundle manifest"),
    "newer-reader": Case(edit_manifest(_set("min_reader_version", 3)), "needs bundle reader v3"),
    "origins-not-a-list": Case(
        edit_manifest(_set("host_origins", "*")), r"'manifest.json': host_origins: Input should be"
    ),
    "origins-not-strings": Case(
        edit_manifest(_set("host_origins", [{"origin": "*"}])), r"host_origins\[0\]: Input should"
    ),
    "origins-wildcard": Case(
        edit_manifest(_set("host_origins", ["*"])), r"host_origins\[0\] '\*': wildcards are not"
    ),
    "origins-http": Case(
        edit_manifest(_set("host_origins", ["http://evil.example.com"])),
        r"host_origins\[0\] 'http://evil.example.com': http is only allowed for localhost",
    ),
    "origins-path": Case(
        edit_manifest(_set("host_origins", ["https://a.example.com/x"])), r"\[0\] .*has no path"
    ),
    "origins-userinfo": Case(
        edit_manifest(_set("host_origins", ["https://u@a.example.com"])), r"\[0\] .*no user info"
    ),
    "origins-not-normalised": Case(
        edit_manifest(_set("host_origins", ["https://A.example.com:443"])),
        r"\[0\] 'https://A.example.com:443': not in normalised form \(expected 'https://a.example.com'\)",
    ),
    "origins-duplicate": Case(
        edit_manifest(_set("host_origins", ["https://a.example.com"] * 2)), r"\[1\] .*listed twice"
    ),
    "origins-unsorted": Case(
        edit_manifest(_set("host_origins", ["https://b.example.com", "https://a.example.com"])),
        r"\[1\] 'https://a.example.com': is out of order",
    ),
    "origins-too-many": Case(
        edit_manifest(_set("host_origins", [f"https://h{i:02}.example.com" for i in range(21)])),
        r"host_origins: List should have at most 20 items",
    ),
    "origins-too-long": Case(
        edit_manifest(_set("host_origins", ["https://" + "a" * 400])),
        r"host_origins\[0\]: String should have at most 300 characters",
    ),
    "origins-control-char": Case(
        edit_manifest(_set("host_origins", ["https://a.example.com\n"])),
        r"\[0\] 'https://a.example.com\\\\u000a': contains a space or a control",
    ),
    "origins-in-version-1": Case(
        edit_manifest(_origins_in_v1), "host_origins: not allowed in a bundle_version 1 manifest"
    ),
    "unknown-key": Case(edit_manifest(_set("extra", 1)), "unknown key 'extra'"),
    "invalid-drama": Case(
        edit_manifest(_set("drama.scenes.0.choice.options.0.target", "nowhere")),
        "drama: .*unknown scene 'nowhere'",
    ),
    "drama-media-outside": Case(
        edit_manifest(_set("drama.media.0.path", "media/other.mp4")),
        "not a media file of the bundle",
    ),
    "drama-media-hash": Case(
        edit_manifest(_set("drama.media.0.sha256", "0" * 64)), "differ from the files table"
    ),
    "table-bad-path": Case(
        edit_manifest(lambda m: m["files"].append({"path": "x.html", "sha256": "0" * 64, "size": 1})),
        "'x.html' is not an allowed bundle path",
    ),
    "table-duplicate": Case(
        edit_manifest(lambda m: m["files"].append(m["files"][0])), "twice"
    ),
    "poster-unknown-scene": Case(
        edit_manifest(lambda m: m["posters"].update(ghost=m["posters"]["intro"])),
        "unknown scene 'ghost'",
    ),
    "unlisted-entry": Case(extra(Item("media/" + "1" * 64 + ".mp4", b"x")), "not listed"),
    "listed-but-missing": Case(_drop_media, "missing from the zip"),
    "hash-mismatch": Case(_flip_media_byte, "sha256/size differ"),
    "size-mismatch": Case(edit_manifest(_poster_size), "posters/intro.jpg': content does not match"),
    "schema-mismatch": Case(_change_schema, "manifest.schema.json.*differ"),
    "html-as-mp4": Case(extra(Item("media/" + "f" * 64 + ".mp4", HTML), relist=True), "not a .mp4"),
    "not-a-zip": Case(lambda items, out: _text(out), "not a zip file"),
    "empty-file": Case(lambda items, out: _text(out, b""), "not a zip file"),
    "truncated-half": Case(raw_file(lambda good: good[: len(good) // 2]), "not a zip file|corrupt"),
    "truncated-tail": Case(raw_file(lambda good: good[:-10]), "not a zip file|corrupt"),
}
for _name in ("index.html", "media/evil.js", "posters/x.svg", "app.wasm", "images/x.svg",
              "media/x.html", "manifest.js", "posters/x.jpg.html", "media/X.MP4"):  # fmt: skip
    CASES[f"not-allowed:{_name}"] = Case(extra(Item(_name, HTML)), "not allowed in a bundle")


def _text(out: Path, data: bytes = b"hello, I am not a zip\n") -> Path:
    path = out / "evil.zip"
    path.write_bytes(data)
    return path


@pytest.fixture(scope="module")
def good_items(good_bundle: Path) -> list[Item]:
    return read_items(good_bundle)


@pytest.mark.parametrize("case", sorted(CASES), ids=str)
def test_refused(case: str, good_items: list[Item], tmp_path: Path) -> None:
    spec = CASES[case]
    work = tmp_path / "work"
    work.mkdir()
    bundle = spec.build([Item(i.name, i.data, i.compress) for i in good_items], work)
    parent = tmp_path / "parent"
    parent.mkdir()
    (parent / "other").mkdir()
    (parent / "other" / "keep.txt").write_text("untouched")
    before = snapshot(parent)
    target = parent / "project"
    done = [0]

    def progress(d: int, _total: int) -> None:
        done[0] = max(done[0], d)

    with pytest.raises(BundleImportError) as exc:
        import_bundle(bundle, target, progress=progress, limits=spec.limits)
    message = str(exc.value)
    assert "\n" not in message and "\r" not in message
    assert message.startswith(f"{bundle}: not imported: ")
    assert re.search(spec.expect, message), message
    assert snapshot(parent) == before
    assert not target.exists()
    assert done[0] < 40 * MIB  # the zip bomb is stopped long before 200 MB


def test_player_entries_are_skipped(good_items: list[Item], tmp_path: Path) -> None:
    """A bundle's own player/ files (even html/js) are never extracted."""
    extra_player = Item("player/evil.html", HTML)
    bundle = _zip(_relist([*good_items, extra_player]), tmp_path)
    with zipfile.ZipFile(bundle) as zf:
        assert "player/evil.html" in zf.namelist()
        listed = [f["path"] for f in json.loads(zf.read("manifest.json"))["files"]]
        assert "player/evil.html" in listed
    target = import_bundle(bundle, tmp_path / "p")
    assert not (target / "player").exists()
    assert not [p for p in target.rglob("*") if p.suffix in (".html", ".js")]


def test_good_bundle_itself_imports(good_items: list[Item], tmp_path: Path) -> None:
    """The corpus is built from a bundle that is accepted when left alone."""
    bundle = _zip(good_items, tmp_path)
    assert (import_bundle(bundle, tmp_path / "p") / "drama.json").is_file()


def test_missing_zip(tmp_path: Path) -> None:
    with pytest.raises(BundleImportError, match="no such file"):
        import_bundle(tmp_path / "nope.zip", tmp_path / "p")
    assert not (tmp_path / "p").exists()


def test_known_folder_entries_are_accepted(good_items: list[Item], tmp_path: Path) -> None:
    """Zip tools add folder entries (``zip -r``); the known folders are harmless."""
    folders = [Item(n, b"", mode=stat.S_IFDIR | 0o755) for n in ("media/", "posters/", "player/")]
    bundle = _zip([*folders, *good_items], tmp_path)
    assert (import_bundle(bundle, tmp_path / "p") / "drama.json").is_file()
