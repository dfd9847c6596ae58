#!/usr/bin/env bash
# Runs every test, after installing what is missing: native unit and data tests, one
# release build, then the browser tests against dist/ (screenshots in tests/e2e/screenshots/).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"
bash scripts/setup.sh
bash scripts/atlas.sh
echo "== native tests (core, geometry pre-processing, data tool, bundled data)"
cargo test -p flowmap-core -p flowmap-geoprep -p flowmap-data
echo "== release build"
trunk build --release
node scripts/fallback.mjs
echo "== JSON Schema and browser tests (Chromium + Playwright + axe-core)"
node --test --test-concurrency=1 tests/
