#!/usr/bin/env bash
# Times what reads whole datasets — statistics, the study's Tables 1–4, counting, the network
# measures, the dashboard — on an imported dataset, release build: each CLI command as a user
# runs it (a new process, so always cold), and the observatory's pages and API answers cold (the
# first request after start) and warm (the same again: the analysis snapshot is kept, the
# response cache is off with --cache-seconds 0, so every answer is rendered anew). A measurement,
# not a test; figures and method go to Docs/performance.md.
#
#   scripts/bench-analysis.sh                         # the Wikipedia file, imported into a new database
#   DB=/path/db.sqlite DATASET=syn scripts/bench-analysis.sh
#   RUNS=5 PORT=18093 scripts/bench-analysis.sh
#
# Targets (issue #14): on the Wikipedia dataset, cold < 150 ms and warm < 5 ms for the dashboard,
# the statistics and Tables 1–4 in the observatory.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-3}
PORT=${PORT:-18093}
DATASET=${DATASET:-wikipedia-2026}
WIKIPEDIA=${CITYDIP_WIKIPEDIA_CSV:-../shared/data/wikipedia-twin-cities-2026/twin_cities.csv}

swift build -c release --product citydip >/dev/null
BIN="$(swift build -c release --show-bin-path)/citydip"
WORK="$(mktemp -d)"
trap 'kill ${SERVER:-0} 2>/dev/null || true; rm -rf "$WORK"' EXIT

if [ -z "${DB:-}" ]; then
  [ -f "$WIKIPEDIA" ] || { echo "bench-analysis: $WIKIPEDIA is absent; give DB= and DATASET=" >&2; exit 2; }
  DB="$WORK/bench.sqlite"
  "$BIN" import "$WIKIPEDIA" --format wikipedia-csv --dataset "$DATASET" --db "$DB" >/dev/null
fi

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "database: $DB, dataset $DATASET; $RUNS runs each, median"
echo
echo "| command (new process) | median | peak memory |"
echo "|---|---:|---:|"
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
for command in "stats --dataset $DATASET" "tables --table 1 --dataset $DATASET --format csv" "tables --table 2 --dataset $DATASET" \
               "tables --table 3 --dataset $DATASET" "tables --table 4 --dataset $DATASET" "count --by partner-country --dataset $DATASET" \
               ${EXTRA_COMMANDS:-}; do
  times=(); memory=()
  for _ in $(seq 1 "$RUNS"); do
    out=$( { /usr/bin/time -f "%e %M" "$BIN" $command --db "$DB" >/dev/null; } 2>&1 | tail -1)
    times+=("${out% *}"); memory+=("${out#* }")
  done
  printf '| `citydip %s` | %s s | %s MB |\n' "$command" "$(printf '%s\n' "${times[@]}" | median)" "$(( $(printf '%s\n' "${memory[@]}" | median) / 1024 ))"
done

start_server() {
  "$BIN" serve --port "$PORT" --db "$DB" --cache-seconds 0 2>"$WORK/serve.log" >/dev/null &
  SERVER=$!
  for _ in $(seq 1 100); do curl -fsS "http://127.0.0.1:$PORT/api/v1/datasets" >/dev/null 2>&1 && return 0; sleep 0.2; done
  echo "the observatory did not answer; its log:" >&2; cat "$WORK/serve.log" >&2; exit 1
}
echo
echo "| observatory (response cache off; a new server for each address) | cold | warm (median of 5) |"
echo "|---|---:|---:|"
for path in "/?dataset=$DATASET" "/api/v1/statistics?dataset=$DATASET" "/tables/1?dataset=$DATASET" "/tables/2?dataset=$DATASET" \
            "/tables/3?dataset=$DATASET" "/tables/4?dataset=$DATASET" ${EXTRA_PATHS:-}; do
  start_server
  cold=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' "http://127.0.0.1:$PORT$path")
  warm=$(for _ in 1 2 3 4 5; do curl -s -o /dev/null -w '%{time_total}\n' "http://127.0.0.1:$PORT$path"; done | median)
  printf '| `%s` | %.1f ms (HTTP %s) | %.1f ms |\n' "$path" "$(echo "${cold#* } * 1000" | bc -l)" "${cold% *}" "$(echo "$warm * 1000" | bc -l)"
  kill $SERVER; wait $SERVER 2>/dev/null || true
done
