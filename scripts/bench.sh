#!/usr/bin/env bash
# Benchmarks the map against a plain D3 SVG flow map (bench/peer/) in headless Chromium:
# load, interaction, memory and download size; prints the tables and writes BENCH.md.
# Options are environment variables, e.g. BENCH_SIZES=bundled,1000 BENCH_RUNS=3 (see
# bench/run.mjs). About 12 minutes on 2 cores with the defaults, after a release build.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"
bash scripts/setup.sh
# twiggy lists what the wasm is made of (BENCH.md); from crates.io, once.
command -v twiggy >/dev/null || cargo install twiggy --version 0.8.0 --locked
# Always the release build: dist/ may hold a development build from scripts/serve.sh.
# Lighthouse (mobile, in bench/run.mjs) from npm, into bench/.tools rather than the
# project's package.json: once, then only checked.
LIGHTHOUSE=12.8.2   # the last that runs on Node 20 (13 wants Node 22.19)
[ "$(bench/.tools/node_modules/.bin/lighthouse --version 2>/dev/null)" = "$LIGHTHOUSE" ] ||
  npm install --prefix bench/.tools --no-save --no-audit --no-fund "lighthouse@$LIGHTHOUSE"
bash scripts/build.sh
node bench/run.mjs "$@"
