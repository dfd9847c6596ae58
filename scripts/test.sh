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
# the download grows past 499 KB (510,976 bytes), and it only goes down. Session 32 lowered it
# from 512 KB, measured at 510,071 bytes (523,105 before): the detail panel (-6.2 KB) and the
# full dataset reader, for version 1 files and files with unreadable items (-10.4 KB), as wasm
# chunks (src/lazy.rs); the map mounted a part per task (+1.5 KB); flow codes for the
# filters (+1.3 KB); Escape while the panel's chunk comes, the mark after the parts (+1 KB). Chunks are fetched on first use and not counted (size-budget.mjs lists
# them); clippy.toml forbids f64::clamp (its panic message brings Rust's float printing back).
SIZE_BUDGET_BYTES="${SIZE_BUDGET_BYTES:-510976}" node scripts/size-budget.mjs
echo "== JSON Schema and browser tests (Chromium + Playwright + axe-core)"
node --test --test-concurrency=1 tests/
