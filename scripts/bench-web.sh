#!/usr/bin/env bash
# Measures the observatory under load: a city page and /api/v1/relations?limit=100, each with
# 32 concurrent connections for DURATION seconds (wrk, Debian package `wrk`), release build,
# on a fresh database seeded with the study. Prints requests/s and the 99th-percentile latency
# beside the targets (>= 2,000 requests/s, p99 < 20 ms). A measurement, not a test.
#
#   scripts/bench-web.sh                 # 10 s per address
#   DURATION=30 PORT=18091 scripts/bench-web.sh
#   CACHE_SECONDS=0 scripts/bench-web.sh   # every request rendered from the database
#   BENCH_DB=postgres://postgres@127.0.0.1:5432/bench scripts/bench-web.sh   # on PostgreSQL (a new, empty database)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/serve.sh
command -v wrk >/dev/null || { echo "bench-web: wrk is not installed (apt-get install wrk)" >&2; exit 2; }

PORT=${PORT:-18081}
DURATION=${DURATION:-10}
start_observatory release "$PORT" --cache-seconds "${CACHE_SECONDS:-2}"

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "method: wrk -t2 -c32 -d${DURATION}s --latency, after a 2 s warm-up; server and wrk share the machine; cache ${CACHE_SECONDS:-2} s; database ${BENCH_DB:-a new SQLite file}"
status=0
for path in "/cities/iran-2018:tehran" "/api/v1/relations?limit=100"; do
  url="http://127.0.0.1:$PORT$path"
  wrk -t2 -c32 -d2s "$url" >/dev/null
  result=$(wrk -t2 -c32 -d"${DURATION}s" --latency "$url")
  rps=$(echo "$result" | awk '/Requests\/sec/ {print $2}')
  p99=$(echo "$result" | awk '$1 == "99%" {print $2}')
  errors=$(echo "$result" | awk '/Non-2xx|Socket errors/' | tr '\n' ' ')
  p99ms=$(echo "$p99" | awk '/us$/ {sub("us",""); print $1/1000; next} /ms$/ {sub("ms",""); print $1; next} /s$/ {sub("s",""); print $1*1000}')
  verdict=$(awk -v r="$rps" -v p="$p99ms" 'BEGIN { print (r >= 2000 && p < 20) ? "meets" : "MISSES" }')
  [ "$verdict" = "meets" ] || status=1
  printf '%-32s %10s requests/s   p99 %8s   %s the target %s\n' "$path" "$rps" "$p99" "$verdict" "$errors"
done
exit $status
