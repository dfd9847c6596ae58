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
cargo clippy -q -p flowmap-core -p flowmap-geoprep -p flowmap-data -p flowmap-fuzz -p flowmap-split --all-targets -- -D warnings
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
# the download grows past 535 KB (547,840 bytes). Session 29 raised it from 453 KB to 518 KB
# for the first frame (+15 KB), story steps and callouts (+29 KB), search and player (+11 KB),
# lines, kinds and dataset citations (+8 KB), less minifying (-5.6 KB). Session 30 raised it
# to 535 KB, measured at 547,114 bytes: clustering of places (+13.5 KB of wasm, of which 4.1 KB
# was won back by a shared sort and fewer iterator chains) and the scale and legend of lines
# between clusters (+1.8 KB), the first frame answering hovers (+3.4 KB, the first hover on
# Slow 4G at 1.3 s instead of 4.6 s), the start in short tasks (+0.8 KB), the search box on
# Back (+0.5 KB), a review's fixes (+1.7 KB: figures along one route summed only over periods
# apart, the first frame's guarded hover handler, the legend's memo), less the scale branch
# (-0.5 KB).
SIZE_BUDGET_BYTES="${SIZE_BUDGET_BYTES:-547840}" node scripts/size-budget.mjs
echo "== JSON Schema and browser tests (Chromium + Playwright + axe-core)"
node --test --test-concurrency=1 tests/
