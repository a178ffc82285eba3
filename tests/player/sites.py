"""Three local origins for the host bridge tests (docs/host-integration.md).

- the *player* origin serves bundles exported by the real exporter with
  ``host_origins = [the host origin]`` (``bank``: the savings sample, ``shop``:
  the shoppable sample);
- the *host* origin serves the example hosts shipped in resources/player/hosts
  (the wallet and the shop) and a blank page (a sibling frame, to post from a
  window that is not the player's parent);
- the *other* origin is a site that is not allowed: its page frames the player
  and records every message it receives.

Each is a plain static server on 127.0.0.1 with its own port, so the browser
sees three different origins.
"""

from __future__ import annotations

import contextlib
import shutil
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from tests.player.support import PLAYER_DIR, serve
from tests.support import SAMPLES

FRAMER_HTML = """<!doctype html>
<html><head><meta charset="utf-8"><title>not allowed</title><link rel="icon" href="data:,">
<script src="framer.js" defer></script></head>
<body style="margin:0;background:#300">
<iframe id="player" style="width:390px;height:760px;border:0" allow="autoplay"></iframe>
</body></html>
"""

# Records every message this page receives, from anyone (a site that hopes to listen in).
FRAMER_JS = """window.__messages = [];
window.addEventListener('message', (e) => window.__messages.push({origin: e.origin, data: e.data}));
const player = new URLSearchParams(location.search).get('player');
document.getElementById('player').src = player;
"""

BLANK_HTML = '<!doctype html><title>sibling</title><link rel="icon" href="data:,">'


@dataclass(frozen=True)
class Sites:
    """Base URLs (scheme://127.0.0.1:port) of the three origins."""

    player: str
    host: str
    other: str

    def bundle(self, name: str) -> str:
        """URL of a bundle's player page."""
        return f"{self.player}/{name}/player/index.html"

    def wallet(self, name: str = "bank", **query: str | int) -> str:
        extra = "".join(f"&{k}={v}" for k, v in query.items())
        return f"{self.host}/wallet.html?player={self.bundle(name)}{extra}"

    def shop(self, name: str = "shop") -> str:
        return f"{self.host}/shop.html?player={self.bundle(name)}"

    def framer(self, name: str = "bank") -> str:
        return f"{self.other}/framer.html?player={self.bundle(name)}"


def export_bundle(sample: str, dest: Path, host_origins: list[str]) -> None:
    """``studio export SAMPLE --web-player --host-origin ...``, unzipped into ``dest``."""
    from studio.bundle.export import export_project

    zip_path = dest.parent / f"{dest.name}.drama.zip"
    export_project(SAMPLES / sample, zip_path, web_player=True, host_origins=host_origins)
    with zipfile.ZipFile(zip_path) as archive:
        archive.extractall(dest)
    zip_path.unlink()


@contextlib.contextmanager
def open_sites(root: Path) -> Iterator[Sites]:
    """Lay out and serve the three origins under ``root``."""
    host_root, other_root, player_root = root / "host", root / "other", root / "player"
    shutil.copytree(PLAYER_DIR / "hosts", host_root)
    (host_root / "blank.html").write_text(BLANK_HTML, encoding="utf-8")
    other_root.mkdir()
    (other_root / "framer.html").write_text(FRAMER_HTML, encoding="utf-8")
    (other_root / "framer.js").write_text(FRAMER_JS, encoding="utf-8")
    player_root.mkdir()
    with serve(host_root) as host, serve(other_root) as other, serve(player_root) as player:
        export_bundle("savings", player_root / "bank", [host])
        export_bundle("shoppable", player_root / "shop", [host])
        yield Sites(player=player, host=host, other=other)
