#!/usr/bin/env bash
# Run by trunk after each build (scripts/post-build.sh, Trunk.toml): puts the page's first
# frame, the bundled view drawn by the native core (`flowmap-data frame`), into the built
# index.html in place of its <!-- first frame --> line, so that the page shows the map before
# the WebAssembly has loaded. Needs public/atlas.json (scripts/atlas.sh). trunk stays
# offline (it downloads no tools); cargo gets the crates it needs, as for the WebAssembly.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"
page="${TRUNK_STAGING_DIR:?run by trunk (scripts/post-build.sh)}/index.html"
cargo run -q -p flowmap-data -- frame public/data/flows.json --atlas public/atlas.json --page "$page"
