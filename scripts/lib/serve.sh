# Sourced by the scripts that need a running observatory:
#   start_observatory BUILD_CONFIGURATION PORT [serve options…]
# builds citydip, starts `citydip serve` on a fresh database in $WORK (or on $BENCH_DB), waits until it answers, and
# stops it (removing $WORK) when the script exits. The server's messages go to $WORK/serve.log.
start_observatory() {
  local configuration=$1 port=$2
  shift 2
  swift build -c "$configuration" --product citydip >/dev/null
  local bin
  bin="$(swift build -c "$configuration" --show-bin-path)/citydip"
  WORK="$(mktemp -d)"
  # BENCH_DB names another database to serve (a postgres:// URL, say); by default a new SQLite file.
  CITYDIP_DB="${BENCH_DB:-$WORK/citydip.sqlite}" "$bin" serve --port "$port" "$@" 2>"$WORK/serve.log" &
  SERVER=$!
  trap 'kill $SERVER 2>/dev/null || true; rm -rf "$WORK"' EXIT
  for _ in $(seq 1 100); do
    curl -fsS "http://127.0.0.1:$port/api/v1/datasets" >/dev/null 2>&1 && return 0
    sleep 0.2
  done
  echo "the observatory did not answer on port $port; its log:" >&2
  cat "$WORK/serve.log" >&2
  return 1
}
