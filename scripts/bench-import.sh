#!/usr/bin/env bash
# Runs the import and read-path benchmarks of Benchmarks/ (release build, ordo-one/benchmark)
# and prints the machine and the results as a Markdown table, ready for Docs/performance.md.
# A measurement, not a test: the targets (Wikipedia import < 3 s, < 500 MB; 1,000,000 synthetic
# rows < 15 s, < 2 GB; one city's relations and profile, a page by country < 50 ms at 1,000,000
# relations) are read off the table. The read paths use fixtures imported once into
# $CITYDIP_BENCH_DATA (fixture-NAME-vN/); the first run imports them, the 1M one for a minute.
#
#   scripts/bench-import.sh                              # everything, 1M rows included
#   MAX_ROWS=250000 scripts/bench-import.sh              # without the 1M-row file
#   scripts/bench-import.sh --filter 'Import wikipedia'  # other options go to the benchmark tool
set -euo pipefail
cd "$(dirname "$0")/.."
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "date: $(date -u +%Y-%m-%dT%H:%MZ); swift: $(swift --version 2>/dev/null | head -1)"
CITYDIP_BENCH_MAX_ROWS=${MAX_ROWS:-1000000} \
  swift package --package-path Benchmarks benchmark --format markdown --path stdout --no-progress "$@"
