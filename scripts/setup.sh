#!/usr/bin/env bash
# Drama Studio setup: installs system packages (apt), a .venv with the studio,
# the npm packages of the browser tests (tests/browser-node: puppeteer-core,
# from its committed package-lock.json; no browser is downloaded: the tests
# use Debian's chromium and firefox-esr), then either opens the studio on its
# start screen (`run`: templates, the sample dramas as copies, recent projects)
# or runs the full test suite (`test`).
# Usage: scripts/setup.sh run|test [pytest args...]
set -euo pipefail

cd "$(dirname "$0")/.."
MODE="${1:-run}"
shift || true

APT_PACKAGES=(
  python3 python3-venv python3-pip
  libvlc5 libvlc-bin vlc-plugin-base vlc-plugin-video-output
  ffmpeg xvfb xauth chromium firefox-esr
  libegl1 libgl1 libfontconfig1 libdbus-1-3 libglib2.0-0 libxkbcommon0 libxkbcommon-x11-0
  libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0
  libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1
  fonts-dejavu-core fonts-noto-cjk fonts-thai-tlwg
)

missing_packages() {
  local pkg
  for pkg in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || echo "$pkg"
  done
  # Node.js and npm for tests/browser-node, unless a Node.js with npm is already there.
  command -v npm >/dev/null || echo "nodejs npm"
}

install_system_packages() {
  if ! command -v dpkg-query >/dev/null; then
    echo "setup: this script installs system packages with apt (Debian/Ubuntu)." >&2
    echo "setup: install libVLC, ffmpeg, Xvfb and Chromium yourself, then rerun." >&2
    exit 1
  fi
  local missing
  missing=$(missing_packages | tr '\n' ' ')
  [ -z "$missing" ] && return 0
  local cmd="apt-get update && apt-get install -y --no-install-recommends $missing"
  if [ "$(id -u)" -eq 0 ]; then
    echo "setup: installing system packages: $missing"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq --no-install-recommends $missing >/dev/null
  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    echo "setup: installing system packages with sudo: $missing"
    sudo env DEBIAN_FRONTEND=noninteractive sh -c "$cmd"
  else
    echo "setup: these system packages are missing: $missing" >&2
    echo "setup: run this as root (or with sudo), then rerun this script:" >&2
    echo "  sudo sh -c '$cmd'" >&2
    exit 1
  fi
}

install_python() {
  if [ ! -x .venv/bin/python ]; then
    python3 -m venv .venv
  fi
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -e ".[dev]"
  # The studio's own translations (resources/translations/studio_<lang>.qm, git-ignored).
  .venv/bin/python scripts/translations.py release >/dev/null
}

install_node_packages() {
  # puppeteer-core drives Firefox in the bridge tests; `npm ci` installs exactly the lock file.
  local dir=tests/browser-node
  if cmp -s "$dir/package-lock.json" "$dir/node_modules/.installed-lock.json" 2>/dev/null; then
    return 0
  fi
  (cd "$dir" && PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
  cp "$dir/package-lock.json" "$dir/node_modules/.installed-lock.json"
}

install_system_packages
install_python
install_node_packages

case "$MODE" in
  run)
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
      echo "setup: no display found; starting the studio on a virtual screen (xvfb-run)." >&2
      exec xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/studio open "$@"
    fi
    exec .venv/bin/studio open "$@"
    ;;
  test)
    export CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
    # Widget tests run offscreen; tests that need a real X display use this Xvfb.
    if [ "$#" -gt 0 ]; then
      exec xvfb-run -a -s "-screen 0 1280x800x24 -nolisten tcp" .venv/bin/python -m pytest "$@"
    fi
    # The full suite also measures the coverage of the model, the engine and the
    # graph analyses, which never drops (scripts/coverage_ratchet.py).
    rm -f .coverage
    xvfb-run -a -s "-screen 0 1280x800x24 -nolisten tcp" .venv/bin/python -m pytest \
      --cov=studio.model --cov=studio.engine --cov=studio.graph --cov-report=
    .venv/bin/python scripts/coverage_ratchet.py
    ;;
  *)
    echo "usage: scripts/setup.sh run|test [args...]" >&2
    exit 2
    ;;
esac
