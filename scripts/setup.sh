#!/usr/bin/env bash
# Installs what a fresh machine lacks to build, serve and test the map, from crates.io,
# npm and Debian only. Idempotent: each step checks the installed version first.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"
say() { printf '[setup] %s\n' "$*" >&2; }

TRUNK_VERSION=0.21.14
# wasm-bindgen-cli must equal the wasm-bindgen crate in Cargo.lock, or the build breaks.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown Rust target"
  rustup target add wasm32-unknown-unknown
fi

for tool in clippy rustfmt; do
  if ! cargo "${tool/rustfmt/fmt}" --version >/dev/null 2>&1; then
    say "adding the Rust component $tool"
    rustup component add "$tool"
  fi
done

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (about 11 minutes on 2 cores)"
  # Without --locked trunk does not compile (two cssparser versions in lightningcss).
  cargo install --locked trunk --version "$TRUNK_VERSION"
fi

if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 4 minutes)"
  # --locked can fail while the registry mirror lags behind the CLI's lockfile.
  cargo install --locked wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" \
    || cargo install --force wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

if [ ! -x /usr/bin/chromium ]; then
  say "installing Debian's chromium"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -o DPkg::Lock::Timeout=600
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -o DPkg::Lock::Timeout=600 chromium
fi

# npm packages: wasm-opt (binaryen), Natural Earth geometry, Playwright, axe-core.
stamp=node_modules/.setup-stamp
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  say "installing npm packages"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$want" > "$stamp"
fi

# The splitter that trunk's post-build hook runs (crates/split, scripts/split.sh); a no-op
# when built.
cargo build -q --release -p flowmap-split

if [ "$(wasm-opt --version 2>/dev/null)" != "wasm-opt version 132 (version_132)" ]; then
  say "wasm-opt on PATH is not binaryen 132: $(command -v wasm-opt || echo none)" && exit 1
fi
say "tools ready: $(trunk --version), $(wasm-bindgen --version), wasm-opt 132, $(/usr/bin/chromium --version 2>/dev/null | head -1)"
