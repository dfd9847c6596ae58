#!/usr/bin/env bash
# Runs every test, after installing what is missing: formatting and lints, native unit and
# data tests, the serve check, one release build, then the browser tests against dist/
# (screenshots in tests/e2e/screenshots/).
#   bash scripts/test.sh          everything (what CI runs)
#   bash scripts/test.sh native   the fast path: formatting, lints and native tests only
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"
mode=${1:-all}
case "$mode" in
  all | native) ;;
  *) echo "usage: bash scripts/test.sh [native]" >&2 && exit 2 ;;
esac
bash scripts/setup.sh
bash scripts/atlas.sh
echo "== formatting (rustfmt.toml) and lints (clippy, warnings are errors)"
cargo fmt --all --check
cargo clippy -q -p flowmap-core -p flowmap-geoprep -p flowmap-data -p flowmap-fuzz --all-targets -- -D warnings
cargo clippy -q -p flowmap --target wasm32-unknown-unknown -- -D warnings
cargo clippy -q -p flowmap-editor --target wasm32-unknown-unknown -- -D warnings
echo "== native tests (core, geometry pre-processing, data tool, bundled data, kept fuzzing findings)"
cargo test -p flowmap-core -p flowmap-geoprep -p flowmap-data -p flowmap-fuzz
echo "== a short round of fuzzing (the same seed each run; bash scripts/fuzz.sh 300 for longer)"
FUZZ_PROFILE=dev bash scripts/fuzz.sh 20 --seed 1
[ "$mode" = native ] && exit 0
echo "== serve check (scripts/serve.sh from a cold build on port 18080, then its static fallback)"
# Issue 23: a fresh clone's first serve must answer; bounded, and it stops what it started.
timeout --kill-after=30 1500 bash scripts/serve-check.sh
echo "== release build (the editor page, then the map with the editor's files beside it)"
trunk build --release --cargo-profile editor editor.html --html-output editor.html --dist dist-editor
trunk build --release
node scripts/fallback.mjs
echo "== download size of the default view (gzip -9)"
# The target is 300 KB (issue 18), not met yet. Until it is, this guard fails the tests when
# the download grows past 518 KB (530,432 bytes). Session 29 raised it from 453 KB for what it
# added, measured: the page's first frame in index.html (+15 KB, which shows the map about 3 s
# sooner on Slow 4G), story steps and callouts (+22 KB of wasm, +7 KB of story text in
# flows.json), place search and time player (+11 KB of wasm), lines for many flows, places by
# kind and dataset citations (+8 KB of wasm), less the minified scripts and styles (-5.6 KB).
SIZE_BUDGET_BYTES="${SIZE_BUDGET_BYTES:-530432}" node scripts/size-budget.mjs
echo "== JSON Schema and browser tests (Chromium + Playwright + axe-core)"
node --test --test-concurrency=1 tests/
