#!/usr/bin/env bash
# Run by trunk's post-build hook (scripts/post-build.sh) on the map's build: cuts the wasm that
# cargo linked, with its relocations (build.rs), at its lazy functions (src/lazy.rs) with the
# workspace's splitter (crates/split, built on first use), then does what trunk did with the
# whole wasm, on the main part: wasm-bindgen (keeping the exports the chunks import) and, in a
# release build, wasm-opt -Oz, on each part too. Into trunk's staging folder: flowmap.js and
# flowmap_bg.wasm replaced, with __wasm_split.js (the loader, imported by flowmap.js) and one
# .wasm per chunk beside them, fetched relative to the loader, so dist/ works from any folder.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"
stage=${TRUNK_STAGING_DIR:?run by trunk (scripts/post-build.sh)}
profile=debug
[ "${TRUNK_PROFILE:-}" != release ] || profile=release
target=${CARGO_TARGET_DIR:-$ROOT/target}
input=$target/wasm32-unknown-unknown/$profile/flowmap.wasm
work=$target/flowmap-split/$profile
rm -rf "$work" && mkdir -p "$work/bindgen"
cargo run -q --release -p flowmap-split -- "$input" "$work" >/dev/null
wasm-bindgen --target=web --no-typescript --keep-lld-exports --no-demangle \
  --out-dir "$work/bindgen" --out-name flowmap "$work/flowmap_split.wasm"
opt() { if [ "$profile" = release ]; then wasm-opt -Oz "$1" -o "$2"; else cp "$1" "$2"; fi; }
opt "$work/bindgen/flowmap_bg.wasm" "$stage/flowmap_bg.wasm"
cp "$work/bindgen/flowmap.js" "$work/__wasm_split.js" "$stage/"
rm -rf "$stage/snippets"
[ ! -d "$work/bindgen/snippets" ] || cp -R "$work/bindgen/snippets" "$stage/"
for part in "$work"/*.wasm; do
  [ "$(basename "$part")" = flowmap_split.wasm ] || opt "$part" "$stage/$(basename "$part")"
done
