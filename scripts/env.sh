# Sourced by the other scripts: puts the project's local tools first on PATH.
# binaryen's wasm-opt 132 (node_modules/.bin) must win over any Debian wasm-opt, which
# silently breaks the wasm (see ../shared/toolchain.md).
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$ROOT/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
export TRUNK_OFFLINE=true
