"""A number that is not finite in the manifest's drama is refused by import (issue #13 item 1).

``1e400`` parses as ``inf`` in Python; a project holding it saves as ``Infinity``
and never opens again.  Import must refuse it with one located line and leave
no output folder (nor a staging folder).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from studio.bundle import BundleImportError
from studio.bundle.importer import import_bundle
from tests.bundle.conftest import snapshot
from tests.bundle.zipcraft import read_items, replace_manifest, write_items

POSITION_X = re.compile(rb'("position": \{\s*"x": )[-0-9.eE]+')
LITERALS = ["1e400", "-1e400", "1" + "0" * 300 + "e100"]  # the last: many digits, also inf


@pytest.mark.parametrize("literal", LITERALS, ids=["1e400", "-1e400", "many-digits"])
def test_non_finite_scene_position_is_refused(good_bundle: Path, tmp_path: Path, literal: str) -> None:
    items = read_items(good_bundle)
    raw = next(i.data for i in items if i.name == "manifest.json")
    evil, count = POSITION_X.subn(rb"\g<1>" + literal.encode(), raw, count=1)
    assert count == 1
    bundle = write_items(tmp_path / "evil.zip", replace_manifest(items, evil))
    parent = tmp_path / "parent"
    parent.mkdir()
    with pytest.raises(BundleImportError) as exc:
        import_bundle(bundle, parent / "project")
    message = str(exc.value)
    assert "\n" not in message
    prefix = f"{bundle}: not imported: entry 'manifest.json': "
    assert message.startswith(prefix)
    assert "not a finite number" in message.removeprefix(prefix), message
    assert snapshot(parent) == {}
