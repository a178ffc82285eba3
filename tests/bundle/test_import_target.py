"""Where an import may write, and what it may read (issue #13 item 9 and the bundle file itself).

Every refusal is one line through the real CLI (exit 2, no traceback) and leaves
nothing behind.  A read-only parent is tested for real: as a normal user with
``chmod``, as root in a subprocess that has dropped every capability
(``setpriv --bounding-set=-all``: root without CAP_DAC_OVERRIDE obeys the mode
bits); if neither is possible here the test is skipped, never faked.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from studio.bundle import BundleImportError
from studio.bundle.export import export_project
from studio.bundle.importer import import_bundle
from tests.bundle.conftest import snapshot

ROOT = Path(__file__).resolve().parents[2]
LONG = "p" * 250  # a valid name (NAME_MAX is 255) that leaves no room for a temp suffix


def _cli(*args: str, prefix: tuple[str, ...] = (), timeout: float = 60) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([*prefix, sys.executable, "-m", "studio", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=timeout, check=False)  # fmt: skip


def _one_line_error(result: subprocess.CompletedProcess[str], expect: str) -> None:
    assert result.returncode == 2, result.stderr
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("studio: "), result.stderr
    assert "Traceback" not in result.stderr
    assert expect in result.stderr, result.stderr


def _unprivileged() -> tuple[str, ...] | None:
    """A command prefix under which mode bits are enforced, or None."""
    if os.geteuid() != 0:
        return ()
    setpriv = shutil.which("setpriv")
    return (setpriv, "--bounding-set=-all", "--inh-caps=-all") if setpriv else None


def test_read_only_parent(good_bundle: Path, tmp_path: Path) -> None:
    prefix = _unprivileged()
    if prefix is None:
        pytest.skip("running as root without setpriv: cannot drop CAP_DAC_OVERRIDE")
    parent = tmp_path / "ro"
    parent.mkdir()
    parent.chmod(0o555)
    try:
        probe = subprocess.run([*prefix, sys.executable, "-c", f"open({str(parent / 'x')!r}, 'w')"],
                               capture_output=True, timeout=60, check=False)  # fmt: skip
        if probe.returncode == 0:
            pytest.skip("mode bits are not enforced here (capabilities could not be dropped)")
        result = _cli("import", str(good_bundle), "-o", str(parent / "proj"), prefix=prefix)
        _one_line_error(result, f"cannot create a staging folder in {parent} (Permission denied)")
        assert list(parent.iterdir()) == []
    finally:
        parent.chmod(0o755)


@pytest.mark.parametrize("kind", ["parent-is-a-file", "parent-missing", "target-is-a-file",
                                  "target-not-empty", "parent-through-a-file"])  # fmt: skip
def test_bad_targets(good_bundle: Path, tmp_path: Path, kind: str) -> None:
    work = tmp_path / "work"
    work.mkdir()
    (work / "file").write_text("mine")
    (work / "full").mkdir()
    (work / "full" / "keep.txt").write_text("mine")
    target, expect = {
        "parent-is-a-file": (work / "file" / "proj", f"the folder {work / 'file'} is not a folder"),
        "parent-missing": (work / "nope" / "proj", f"the folder {work / 'nope'} does not exist"),
        "target-is-a-file": (work / "file", f"{work / 'file'} exists and is not a folder"),
        "target-not-empty": (work / "full", f"{work / 'full'} exists and is not empty"),
        "parent-through-a-file": (work / "file" / "a" / "proj", "does not exist"),
    }[kind]
    before = snapshot(work)
    _one_line_error(_cli("import", str(good_bundle), "-o", str(target)), expect)
    assert snapshot(work) == before


def test_long_target_names_fit_the_temp_names(project_dir: Path, tmp_path: Path) -> None:
    """``.NAME.XXXXXXXX.part`` / ``.NAME.import-XXXXXXXX`` would exceed 255 bytes: cut, not failed."""
    bundle = tmp_path / (LONG[:240] + ".drama.zip")
    export_project(project_dir, bundle)
    assert zipfile.is_zipfile(bundle)
    target = import_bundle(bundle, tmp_path / LONG)
    assert (target / "drama.json").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([bundle.name, LONG, "project"])


def test_bundle_that_is_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "b.drama.zip"
    os.mkfifo(fifo)
    result = _cli("import", str(fifo), "-o", str(tmp_path / "p"))  # a hang fails by timeout
    _one_line_error(result, f"{fifo}: not imported: is a named pipe (FIFO), not a regular file")
    assert not (tmp_path / "p").exists()


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_bundle_that_is_a_device_is_refused(tmp_path: Path) -> None:
    result = _cli("import", "/dev/zero", "-o", str(tmp_path / "p"))
    _one_line_error(result, "/dev/zero: not imported: is a device, not a regular file")


def test_bundle_that_is_a_folder_or_a_symlink(good_bundle: Path, tmp_path: Path) -> None:
    with pytest.raises(BundleImportError, match="is a folder, not a regular file"):
        import_bundle(tmp_path, tmp_path / "p")
    link = tmp_path / "link.zip"
    link.symlink_to(good_bundle)  # a link to a regular file is read through
    assert (import_bundle(link, tmp_path / "p") / "drama.json").is_file()
