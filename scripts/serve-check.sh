#!/usr/bin/env bash
# Checks that scripts/serve.sh serves the map from a cold build (issue 23), then that it falls
# back to the static server when trunk serve fails. Each run starts serve.sh in a session of its
# own on port SERVE_CHECK_PORT (18080) with a wiped cargo target dir and dist/ in
# target/serve-check/ (so the build is cold and the project's target/ and dist/ are left alone),
# waits at most SERVE_CHECK_WAIT seconds (900) for the page, fetches the page, its files and
# the wasm, then stops the whole session, also on failure. Logs: target/serve-check/*.log.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"
port=${SERVE_CHECK_PORT:-18080}
wait_s=${SERVE_CHECK_WAIT:-900}
dir="$ROOT/target/serve-check"
base="http://127.0.0.1:$port"
say() { printf '[serve-check] %s\n' "$*" >&2; }

bash scripts/setup.sh
bash scripts/atlas.sh # with the usual target dir: only the app's build is to be cold
rm -rf "$dir"
mkdir -p "$dir"
export CARGO_TARGET_DIR="$dir/cargo"

sid= log=
# The pids of the processes in session $sid (serve.sh, trunk, cargo, rustc, node, tee).
session_pids() {
  local f l
  for f in /proc/[0-9]*/stat; do
    read -r l 2>/dev/null <"$f" || continue
    l=${l##*) } # fields after "pid (comm) ": state ppid pgrp session …
    read -r _ _ _ s _ <<<"$l"
    if [ "$s" = "$sid" ]; then f=${f#/proc/} && echo "${f%/stat}"; fi
  done
}
stop() {
  [ -n "$sid" ] || return 0
  kill -TERM -- "-$sid" 2>/dev/null || true # serve.sh stops trunk's group itself
  for _ in $(seq 30); do
    [ -n "$(session_pids)" ] || break
    sleep 0.5
  done
  local left
  left=$(session_pids)
  if [ -n "$left" ]; then
    say "still running after 15 s, killed: $left"
    kill -KILL $left 2>/dev/null || true
  fi
  wait "$sid" 2>/dev/null || true
  sid=
}
fail() {
  say "FAILED: $*"
  [ -z "$log" ] || { say "last lines of $log:" && tail -n 40 "$log" >&2; }
  exit 1
}
# Stop the session and drop the ~1.4 GB debug build whatever happens; the logs stay.
trap 'stop; rm -rf "$CARGO_TARGET_DIR" "$dir/dist"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Starts serve.sh with the given arguments in a new session (setsid: its pid is the session's).
start() {
  log="$dir/$1.log"
  shift
  ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || fail "port $port is in use (SERVE_CHECK_PORT=… picks another)"
  setsid bash scripts/serve.sh --port "$port" --dist "$dir/dist" "$@" >"$log" 2>&1 </dev/null &
  sid=$!
}
# Waits for the page to answer, at most $1 seconds.
wait_page() {
  local end=$((SECONDS + $1))
  until curl -fsS -o /dev/null --max-time 5 "$base/" 2>/dev/null; do
    kill -0 "$sid" 2>/dev/null || fail "serve.sh stopped before serving the page"
    ((SECONDS < end)) || fail "no page at $base/ within $1 seconds"
    sleep 2
  done
}
# The page, what it loads, and the wasm with its MIME type.
check_site() {
  curl -fsS --max-time 10 -o "$dir/index.html" "$base/" || fail "GET /"
  grep -q '<title>' "$dir/index.html" && grep -q 'src="boot.js"' "$dir/index.html" \
    || fail "GET / is not the map's page"
  for f in boot.js flowmap.js style.css atlas.json world/index.txt data/flows.json; do
    curl -fsS --max-time 10 -o /dev/null "$base/$f" || fail "GET /$f"
  done
  local type
  type=$(curl -fsS --max-time 30 -o "$dir/app.wasm" -w '%{content_type}' "$base/flowmap_bg.wasm") \
    || fail "GET /flowmap_bg.wasm"
  [ "$type" = application/wasm ] || fail "flowmap_bg.wasm is served as \"$type\", not application/wasm"
  cmp -s -n 4 <(printf '\0asm') "$dir/app.wasm" || fail "flowmap_bg.wasm is not WebAssembly"
}

# Waits at most $2 seconds for a line matching $1 in the log (serve.sh looks at the port
# once a second, so it may say what it serves a moment after the page first answers).
wait_line() {
  local end=$((SECONDS + $2))
  until grep -q "$1" "$log"; do
    ((SECONDS < end)) || return 1
    sleep 0.5
  done
}

t0=$SECONDS
say "1/2 serve.sh on a cold target dir (trunk serve with its watcher), port $port"
start cold
wait_page "$wait_s"
check_site
wait_line '^\[serve\] serving the map at .*rebuilt when a source changes' 15 \
  || fail "the page came, but not from trunk serve"
! grep -q 'Serving the map without trunk' "$log" || fail "serve.sh fell back to the static server"
stop
say "1/2 passed in $((SECONDS - t0)) s: trunk served the map from a cold build"

t1=$SECONDS
say "2/2 serve.sh when trunk serve fails (a watch path that does not exist): the static fallback"
start fallback --watch "$dir/no-such-path"
wait_page 300
check_site
wait_line 'Serving the map without trunk instead' 15 || fail "no words about the fallback"
wait_line '^static server: serving' 15 || fail "the page came, but not from the static server"
stop
say "2/2 passed in $((SECONDS - t1)) s: the fallback said so and served the map"

say "passed in $((SECONDS - t0)) s"
