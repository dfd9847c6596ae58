#!/usr/bin/env bash
# Serves the map at http://127.0.0.1:8080/, rebuilt when a source changes, after installing
# what is missing. Arguments go to `trunk serve` (e.g. --port 8081, --release).
#
# trunk's file watcher (notify-debouncer-full 0.5) can panic on a burst of file events, such as
# a cold cargo build writes (notify-rs/notify#678, issue 23). So Trunk.toml watches only the
# sources, the first build is made here before any watcher starts, and if trunk still exits,
# panics or does not answer within SERVE_WAIT seconds (300), this script says so and serves
# the built site with scripts/serve-static.mjs instead (no rebuilds). trunk's output is also
# written to ${CARGO_TARGET_DIR:-target}/serve-PORT.log.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"
bash scripts/setup.sh
bash scripts/atlas.sh
say() { printf '[serve] %s\n' "$*" >&2; }

# From the arguments: the port and dist folder (for the fallback), and the options that pick
# the cargo build (so the first build here is the one `trunk serve` then finds up to date).
port=${TRUNK_SERVE_PORT:-$(sed -n 's/^port *= *\([0-9]*\).*/\1/p' Trunk.toml)}
port=${port:-8080}
dist=${TRUNK_BUILD_DIST:-dist}
build_args=()
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
  a=${args[i]} next=${args[i + 1]:-}
  case $a in
    -p | --port) port=$next ;;
    --port=*) port=${a#*=} ;;
    -d | --dist) dist=$next build_args+=("$a" "$next") ;;
    --dist=*) dist=${a#*=} build_args+=("$a") ;;
    --features | --cargo-profile | --example) build_args+=("$a" "$next") ;;
    --release | --release=* | --features=* | --cargo-profile=* | --example=* | \
      --all-features | --all-features=* | --no-default-features | --no-default-features=*)
      build_args+=("$a") ;;
  esac
done

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; }
if port_open; then
  say "port $port is already in use (another serve?): stop it, or pass --port N"
  exit 1
fi

say "first build, before trunk's file watcher starts"
if ! trunk build "${build_args[@]}"; then
  say "the first build failed (see above): fix it and run this script again"
  exit 1
fi

log="${CARGO_TARGET_DIR:-target}/serve-$port.log"
mkdir -p "$(dirname "$log")"
exec 3> >(exec tee "$log")
trunk_pid=
# trunk in a process group of its own (set -m), so it can be stopped with cargo & co.
stop_trunk() {
  [ -n "$trunk_pid" ] || return 0
  kill -TERM -- "-$trunk_pid" 2>/dev/null || true
  for _ in 1 2 3 4 5 6 7 8 9 10; do
    if kill -0 "$trunk_pid" 2>/dev/null; then sleep 0.5; fi
  done
  kill -KILL -- "-$trunk_pid" 2>/dev/null || true
  wait "$trunk_pid" 2>/dev/null || true
  trunk_pid=
}
trap stop_trunk EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
set -m
trunk serve "$@" >&3 2>&3 &
trunk_pid=$!
set +m

# Watch trunk: it must answer within SERVE_WAIT seconds, then keep running without a panic.
deadline=$((SECONDS + ${SERVE_WAIT:-300}))
served=false
while :; do
  if grep -qs "^thread '.*' panicked" "$log"; then
    why="trunk's file watcher crashed (a known bug of notify-debouncer-full 0.5, notify-rs/notify#678)"
    break
  fi
  if ! kill -0 "$trunk_pid" 2>/dev/null; then
    wait "$trunk_pid" && rc=0 || rc=$?
    why="trunk serve stopped (exit code $rc)"
    break
  fi
  if ! $served; then
    if port_open; then
      served=true
      say "serving the map at http://127.0.0.1:$port/ (rebuilt when a source changes: reload by hand)"
    elif ((SECONDS > deadline)); then
      why="trunk serve did not answer on port $port within ${SERVE_WAIT:-300} seconds"
      break
    fi
  fi
  sleep 1
done

# Fallback: one more build, then a plain static server.
say "$why; its output is in $log."
say "Serving the map without trunk instead: a build, then a static server. Changes are NOT rebuilt: run this script again after editing."
stop_trunk
trap - EXIT INT TERM
exec 3>&-
if ! trunk build "${build_args[@]}"; then
  [ -f "$dist/index.html" ] || { say "the build failed (see above) and $dist/ holds no site"; exit 1; }
  say "the build failed (see above): serving the previous build in $dist/"
fi
say "serving the map at http://127.0.0.1:$port/ (static, from $dist/)"
exec node scripts/serve-static.mjs "$dist" "$port"
