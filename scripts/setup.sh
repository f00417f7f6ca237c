# Sourced by scripts/serve and scripts/test: installs whatever is missing, quickly when nothing is.
# Debian + rustup assumed. Every version is pinned here or in the lock files.

set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

TRUNK_VERSION=0.21.14
# wasm-bindgen-cli must equal the wasm-bindgen crate in Cargo.lock (Trunk.toml pins the same).
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)

# Build outside the clone so that fresh clones (CI) reuse earlier builds on this machine.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/conflict-mapper/target}"
# npm's binaryen (wasm-opt 132) must come before any other wasm-opt: Debian's 108 breaks the app.
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"

say() { printf '\033[1m[setup]\033[0m %s\n' "$*" >&2; }

apt_install() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  say "installing Debian packages: ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
}

setup_build_tools() {
  command -v cargo >/dev/null || { echo "rustup's cargo is needed: https://rustup.rs" >&2; exit 1; }
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
  command -v node >/dev/null && command -v npm >/dev/null || apt_install nodejs npm
  # npm packages: leaflet, binaryen (wasm-opt), playwright-core. Reinstalled when the lock changes.
  local stamp="node_modules/.package-lock.sha256"
  if [ ! -f "$stamp" ] || ! sha256sum --check --status "$stamp" 2>/dev/null; then
    say "installing npm packages (npm ci)"
    npm ci --no-audit --no-fund --loglevel=error
    sha256sum package-lock.json > "$stamp"
  fi
  if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
    say "installing trunk $TRUNK_VERSION (once per machine; 15-25 minutes on 2 cores)"
    cargo install --locked "trunk@$TRUNK_VERSION"
  fi
  if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
    say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 4 minutes)"
    # Not --locked: its lock file pins a webpki-roots release the registry no longer serves.
    cargo install --force wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
  fi
}

setup_test_tools() {
  apt_install chromium gdal-bin
}

# Builds the site into dist/ (release: size-tuned, wasm-opt -Oz).
build_site() {
  say "building the site (trunk build --release)"
  trunk build --release
}

# A free loopback port.
free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# Serves dist/ on a free loopback port and runs the browser tests against it; their screenshots
# go to the folder $1 (e2e/out for the tests, docs for scripts/screenshots).
browser_tests() {
  local shots=$1 port
  mkdir -p "$shots"
  port=$(free_port)
  python3 -m http.server "$port" --bind 127.0.0.1 --directory dist >/dev/null 2>&1 &
  # (Global, for the trap runs after this function has returned.)
  SERVER_PID=$!
  trap 'kill "$SERVER_PID" 2>/dev/null || true' EXIT
  for _ in $(seq 50); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
    sleep 0.1
  done
  say "browser tests (headless Chromium) against http://127.0.0.1:$port/"
  APP_URL="http://127.0.0.1:$port/" SHOT="$shots/screenshot.png" SHOTS="$shots" node --test e2e/
}
