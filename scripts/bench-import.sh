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
# The benchmarks import in their own process, which `citydip import` would have started again
# with glibc's large pages for a file of 32 MiB or more (Sources/citydip/TransparentHugePages.swift):
# the same tunable here, unless set otherwise, so that the 1,000,000-row figures are the
# command's. It holds for the smaller files too, which the command imports without it (they
# were as fast either way, within the machine's noise, 2026-12-04), and for the build of the
# benchmarks that `swift package benchmark` runs first, whose output it does not change.
case "${GLIBC_TUNABLES:-}" in
  *glibc.malloc.hugetlb*) ;;
  *) export GLIBC_TUNABLES="${GLIBC_TUNABLES:+$GLIBC_TUNABLES:}glibc.malloc.hugetlb=1" ;;
esac
echo "GLIBC_TUNABLES: $GLIBC_TUNABLES"
CITYDIP_BENCH_MAX_ROWS=${MAX_ROWS:-1000000} \
  swift package --package-path Benchmarks benchmark --format markdown --path stdout --no-progress "$@"
