#!/usr/bin/env bash
# Builds the static site into dist/: set-up, the regional atlas from Natural Earth, then
# `trunk build --release` of the editor page, then of the map. Publish the dist/ folder as it is.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"
bash scripts/setup.sh
bash scripts/atlas.sh
# The editor page first (its own wasm, into dist-editor/); the map's build then puts its files
# beside the map's in dist/ (Trunk.toml's post_build hook), so the map's download is unchanged.
trunk build --release --cargo-profile editor editor.html --html-output editor.html --dist dist-editor
trunk build --release
# The picture for <noscript>, social cards and newsletters: dist/fallback.png.
node scripts/fallback.mjs
