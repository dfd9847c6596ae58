#!/usr/bin/env bash
# Serves the map at http://127.0.0.1:8080/ with live reload, after installing what is missing.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"
bash scripts/setup.sh
bash scripts/atlas.sh
exec trunk serve "$@"
