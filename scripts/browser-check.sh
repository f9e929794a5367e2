#!/usr/bin/env bash
# Loads the observatory in a real browser: starts `citydip serve` on a fresh database, opens the
# dashboard and a city page in English and Persian with headless Chromium (Debian package
# `chromium`), checks the DOM the browser rendered (--dump-dom) and takes a screenshot of each.
#
#   scripts/browser-check.sh            # screenshots in .build/browser-check/
#   PORT=18090 OUT=/tmp/shots scripts/browser-check.sh
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/serve.sh
command -v chromium >/dev/null || { echo "browser-check: chromium is not installed (apt-get install chromium)" >&2; exit 2; }
command -v curl >/dev/null || { echo "browser-check: curl is not installed" >&2; exit 2; }

PORT=${PORT:-18080}
OUT=${OUT:-.build/browser-check}
mkdir -p "$OUT"
start_observatory debug "$PORT"

failures=0
check() {  # check NAME PATH EXPECTED-PATTERN...
  local name=$1 path=$2; shift 2
  local url="http://127.0.0.1:$PORT$path"
  chromium --headless --no-sandbox --disable-gpu --dump-dom "$url" >"$OUT/$name.html" 2>/dev/null
  for pattern in "$@"; do
    if ! grep -qE -- "$pattern" "$OUT/$name.html"; then
      echo "FAIL $name ($path): the rendered DOM lacks /$pattern/"
      failures=$((failures + 1))
    fi
  done
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1280,1600 --screenshot="$OUT/$name.png" "$url" >/dev/null 2>&1
  local size
  size=$(stat -c %s "$OUT/$name.png" 2>/dev/null || echo 0)
  if [ "$(head -c 8 "$OUT/$name.png" | od -An -tx1 | tr -d ' \n')" != "89504e470d0a1a0a" ] || [ "$size" -lt 20000 ]; then
    echo "FAIL $name: no screenshot, or a blank one ($size bytes)"
    failures=$((failures + 1))
  else
    echo "ok   $name ($path): DOM checked, screenshot $OUT/$name.png ($size bytes)"
  fi
}

persian_digit='(۰|۱|۲|۳|۴|۵|۶|۷|۸|۹)'
check dashboard-en "/" '<html lang="en" dir="ltr"' '<svg class="chart"' '<rect ' 'Cities with the most partners'
check dashboard-fa "/?lang=fa" '<html lang="fa" dir="rtl"' '<svg class="chart"[^>]* direction="ltr"' "$persian_digit" 'پیشخوان'
check city-en "/cities/iran-2018:isfahan" '<html lang="en" dir="ltr"' '<svg class="map"' '<path d="M' '<ol class="sources">' 'Isfahan'
check city-fa "/cities/iran-2018:isfahan?lang=fa" '<html lang="fa" dir="rtl"' '<svg class="map"' 'اصفهان' 'ه‍.ش' "$persian_digit"
check table2-en "/tables/2" '<html lang="en" dir="ltr"' '<tr class="subtotal">' '<tfoot><tr class="total">' 'download="table-2.csv"' 'class="cite-box"'
check table2-fa "/tables/2?lang=fa" '<html lang="fa" dir="rtl"' '<tr class="subtotal">' '<tfoot>' "$persian_digit" 'download="table-2-fa.md"'
check table3-en "/tables/3" '<html lang="en" dir="ltr"' 'download="table-3.csv"' 'Cite this study'
check table3-fa "/tables/3?lang=fa" '<html lang="fa" dir="rtl"' "$persian_digit" 'استناد به این پژوهش'
check audit-en "/audit" '<html lang="en" dir="ltr"' 'class="audit-summary"' '<tr class="finding status-mismatch"' 'aria-current="page"'
check audit-fa "/audit?lang=fa" '<html lang="fa" dir="rtl"' 'class="audit-summary"' "$persian_digit" 'نامطابق'
check dataset-en "/datasets/iran-2018" '<html lang="en" dir="ltr"' 'class="about-data"' 'CC BY 4.0' 'cite.bib'
check dataset-fa "/datasets/iran-2018?lang=fa" '<html lang="fa" dir="rtl"' 'class="about-data"' 'CC BY 4.0' 'تحلیل محتوا'

if [ "$failures" -gt 0 ]; then
  echo "browser-check: $failures failure(s); server log:"; cat "$WORK/serve.log"; exit 1
fi
echo "browser-check: all pages rendered and checked"
