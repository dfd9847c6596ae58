#!/usr/bin/env bash
# Builds the static site into dist/: set-up, the regional atlas from Natural Earth, then
# `trunk build --release`. Publish the dist/ folder as it is.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"
bash scripts/setup.sh
bash scripts/atlas.sh
trunk build --release
# The picture for <noscript>, social cards and newsletters: dist/fallback.png.
node scripts/fallback.mjs
