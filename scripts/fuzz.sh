#!/usr/bin/env bash
# Fuzzes the dataset reader, the URL-hash reader and the query-string reader for a bounded
# time, on stable Rust (crates/fuzz): every input that panics, breaks a property or runs over
# a second is kept under tests/fixtures/fuzz/ and from then on run by `cargo test`.
#   bash scripts/fuzz.sh 300                  five minutes, a new seed each run
#   bash scripts/fuzz.sh 300 --seed 42        repeat a run
#   bash scripts/fuzz.sh 60 --target hash     one reader
# FUZZ_PROFILE=dev uses the test build (what scripts/test.sh does for its short round).
# Exit code 1 when something was found.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"
seconds=${1:-60}
shift || true
[ -f public/atlas.json ] || bash scripts/atlas.sh
profile=${FUZZ_PROFILE:-fuzz}
cargo build -q --profile "$profile" -p flowmap-fuzz
dir=$([ "$profile" = dev ] && echo debug || echo "$profile")
"${CARGO_TARGET_DIR:-target}/$dir/flowmap-fuzz" "$seconds" "$@"
