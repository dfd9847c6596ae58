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
bash scripts/build.sh
node bench/run.mjs "$@"
