#!/usr/bin/env bash
# trunk's post-build hook (Trunk.toml), on trunk's staging folder ($TRUNK_STAGING_DIR): the
# wasm cut into its main part and the tools' chunks, wasm-bindgen and wasm-opt run on them
# (scripts/split.sh; before the minifier, which minifies its flowmap.js), then the
# page's first frame into index.html (scripts/first-frame.sh), then the scripts and the style
# sheet minified, the style sheet's integrity hash updated (scripts/minify.mjs). In this
# order: both rewrite index.html. Then the editor's files (dist-editor/) beside the map's.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
case "${TRUNK_HTML_FILE:-}" in *editor.html) exit 0 ;; esac
bash scripts/split.sh
bash scripts/first-frame.sh
node scripts/minify.mjs
# The editor page, built before the map (scripts/build.sh), beside it.
[ ! -d dist-editor ] || cp -R dist-editor/. "$TRUNK_STAGING_DIR"/
