#!/usr/bin/env bash
# trunk's post-build hook (Trunk.toml): puts the page's first frame, the bundled view drawn
# by the native core (`flowmap-data frame`), into the built index.html in place of its
# <!-- first frame --> line, so that the page shows the map before the WebAssembly has
# loaded. Needs public/atlas.json (scripts/atlas.sh); offline, as trunk is.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"
page="${TRUNK_STAGING_DIR:?run by trunk (Trunk.toml [[hooks]])}/index.html"
cargo run -q --offline -p flowmap-data -- frame public/data/flows.json --atlas public/atlas.json --page "$page"
