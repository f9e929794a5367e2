#!/usr/bin/env bash
# Loads the observatory in a real browser: starts `citydip serve` on a fresh database, opens the
# dashboard, a dataset's dashboard, two city pages (Isfahan; Tehran, whose partners span the
# world), a country page and the network page (both levels) in English and Persian with headless
# Chromium (Debian package `chromium`), checks the DOM the browser rendered (--dump-dom) and takes
# a screenshot of each.
# Then it fetches every chart file the pages link to (SVG parsed as XML, CSV with its byte order
# mark), screenshots a standalone chart in each language, and has the browser draw a chart as PNG
# with the page's own script (/assets/charts.js, `#check-png`).
#
#   scripts/browser-check.sh            # screenshots in .build/browser-check/
#   PORT=18090 OUT=/tmp/shots scripts/browser-check.sh
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/serve.sh
command -v chromium >/dev/null || { echo "browser-check: chromium is not installed (apt-get install chromium)" >&2; exit 2; }
command -v curl >/dev/null || { echo "browser-check: curl is not installed" >&2; exit 2; }
command -v python3 >/dev/null || { echo "browser-check: python3 is not installed (it parses the charts' SVG)" >&2; exit 2; }

PORT=${PORT:-18080}
OUT=${OUT:-.build/browser-check}
mkdir -p "$OUT"
start_observatory debug "$PORT"

failures=0
check() {  # [HEIGHT=pixels] check NAME PATH EXPECTED-PATTERN...
  local name=$1 path=$2; shift 2
  local url="http://127.0.0.1:$PORT$path"
  chromium --headless --no-sandbox --disable-gpu --dump-dom "$url" >"$OUT/$name.html" 2>/dev/null
  for pattern in "$@"; do
    if ! grep -qE -- "$pattern" "$OUT/$name.html"; then
      echo "FAIL $name ($path): the rendered DOM lacks /$pattern/"
      failures=$((failures + 1))
    fi
  done
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1280,"${HEIGHT:-1600}" --screenshot="$OUT/$name.png" "$url" >/dev/null 2>&1
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
# The PNG links are hidden in the HTML; a shown one means the chart script ran.
png_shown='<span class="png-download">'
HEIGHT=2800 check dashboard-en "/" '<html lang="en" dir="ltr"' '<svg class="chart"' '<rect ' 'cities with the most partners' \
  '1997–2005 · Dialogue among civilisations' 'class="bar apart"' 'href="/charts/by-period.svg\?dataset=iran-2018"' "$png_shown"
HEIGHT=2800 check dashboard-fa "/?lang=fa" '<html lang="fa" dir="rtl"' '<svg class="chart"[^>]* direction="ltr"' "$persian_digit" 'پیشخوان' \
  'گفتگوی تمدن‌ها' 'text-anchor="start">' 'href="/charts/by-period.csv\?dataset=iran-2018&amp;lang=fa"' "$png_shown"
HEIGHT=2800 check dataset-en "/?dataset=iran-2018&aggregate_parts=true" '<svg class="chart"' 'aggregate_parts=true" download=' "$png_shown"
HEIGHT=2800 check dataset-fa "/?dataset=iran-2018&aggregate_parts=true&lang=fa" '<svg class="chart"' "$persian_digit" "$png_shown"
check country-en "/countries/IR" '<html lang="en" dir="ltr"' '<svg class="chart"' 'Partner countries of the cities of Iran' '>Cities of Iran</text>' \
  'href="/charts/partner-countries.svg\?country=IR"' "$png_shown"
check country-fa "/countries/IR?lang=fa" '<html lang="fa" dir="rtl"' '<svg class="chart"[^>]* direction="ltr"' "$persian_digit" 'عراق' '>شهرهای ایران</text>' \
  'href="/charts/partner-countries.svg\?country=IR&amp;lang=fa"' "$png_shown"
check city-en "/cities/iran-2018:isfahan" '<html lang="en" dir="ltr"' '<svg class="map"' '<path d="M' '<ol class="sources">' 'Isfahan' '>Florence</text>' '>This city</text>' \
  '<caption>The measures of Isfahan and its ranks</caption>' 'href="/network\?dataset=iran-2018&amp;focus_country=IR"'
check city-fa "/cities/iran-2018:isfahan?lang=fa" '<html lang="fa" dir="rtl"' '<svg class="map"' 'اصفهان' '۲۰۱۸/۰۳/۱۸ \(۱۳۹۶/۱۲/۲۷\)' "$persian_digit" '>فلورانس</text>' '>این شهر</text>' \
  '<h2>در شبکهٔ شهرها</h2>' 'رتبه در میان ۶۸ شهر'
check tehran-en "/cities/iran-2018:tehran" '<svg class="map"' 'class="memorandum"' '>Cooperation memorandum</text>'
check tehran-fa "/cities/iran-2018:tehran?lang=fa" '<svg class="map"[^>]* direction="ltr"' 'class="memorandum"' 'text-anchor="end"'

check table2-en "/tables/2" '<html lang="en" dir="ltr"' '<tr class="subtotal">' '<tfoot><tr class="total">' 'download="table-2.csv"' 'class="cite-box"'
check table2-fa "/tables/2?lang=fa" '<html lang="fa" dir="rtl"' '<tr class="subtotal">' '<tfoot>' "$persian_digit" 'download="table-2-fa.md"'
check table3-en "/tables/3" '<html lang="en" dir="ltr"' 'download="table-3.csv"' 'Cite this study'
check table3-fa "/tables/3?lang=fa" '<html lang="fa" dir="rtl"' "$persian_digit" 'استناد به این پژوهش'
check audit-en "/audit" '<html lang="en" dir="ltr"' 'class="audit-summary"' '<tr class="finding status-mismatch"' 'aria-current="page"'
check audit-fa "/audit?lang=fa" '<html lang="fa" dir="rtl"' 'class="audit-summary"' "$persian_digit" 'مغایر'
check audit-kind-fa "/audit?lang=fa&kind=independent" '<html lang="fa" dir="rtl"' 'نقض‌شده' 'محل تردید' 'بغداد'
check scheme-fa "/schemes/study-civilisations?lang=fa" '<html lang="fa" dir="rtl"' 'اسلامی-مسیحی-ترکی' 'مسیحیان قفقاز'
check scheme-en "/schemes/study-civilisations:islam-alone" '<html lang="en" dir="ltr"' 'Islamic-Christian \(mixed\)'
# The network page (#14): the measures with every city linked, the network of countries drawn on the server.
HEIGHT=3000 check network-en "/network?dataset=iran-2018" '<html lang="en" dir="ltr"' '<caption>Whole-network figures</caption>' \
  'href="/cities/iran-2018:tehran"><bdi>Tehran</bdi>' '<svg class="network-map"' '>Iran</text>' '>6 city pairs</text>' 'href="/charts/country-network.svg\?dataset=iran-2018"' "$png_shown"
HEIGHT=3000 check network-fa "/network?dataset=iran-2018&focus_country=IR&lang=fa" '<html lang="fa" dir="rtl"' '<svg class="network-map"[^>]* direction="ltr"' "$persian_digit" \
  '<h2>کل شبکه</h2>' '<h2>ایران در شبکه</h2>' 'text-anchor="end"' 'href="/charts/country-network.csv\?dataset=iran-2018&amp;focus_country=IR&amp;lang=fa"' "$png_shown"
HEIGHT=3000 check network-country-fa "/network?dataset=iran-2018&level=country&lang=fa" '<html lang="fa" dir="rtl"' '<svg class="network-map"' 'سهم داخلی و منطقه‌ای' \
  'href="/countries/IQ\?lang=fa"' '<span dir="ltr">-'
check datasetpage-en "/datasets/iran-2018" '<html lang="en" dir="ltr"' 'class="about-data"' 'CC BY 4.0' 'cite.bib'
check datasetpage-fa "/datasets/iran-2018?lang=fa" '<html lang="fa" dir="rtl"' 'class="about-data"' 'CC BY 4.0' 'تحلیل محتوا'
# Every chart file the pages link to: the SVG must parse as XML, the CSV start with a byte order mark.
chart_links=$(cat "$OUT"/dashboard-*.html "$OUT"/dataset-*.html "$OUT"/country-*.html "$OUT"/network-*.html | grep -oE 'href="/charts/[^"]+"' | sed -e 's/^href="//' -e 's/"$//' -e 's/&amp;/\&/g' | sort -u)
checked=0
for link in $chart_links; do
  file="$OUT/chart-file"
  type=$(curl -fsS -o "$file" -w '%{content_type}' "http://127.0.0.1:$PORT$link" 2>/dev/null) || { echo "FAIL $link: no answer"; failures=$((failures + 1)); continue; }
  case "$link" in
    *.svg\?*)
      [ "$type" = "image/svg+xml; charset=utf-8" ] && python3 -c 'import sys, xml.etree.ElementTree as e; assert e.parse(sys.argv[1]).getroot().tag.endswith("svg")' "$file" 2>/dev/null \
        || { echo "FAIL $link: not a standalone SVG ($type)"; failures=$((failures + 1)); continue; } ;;
    *.csv\?*)
      [ "$type" = "text/csv; charset=utf-8" ] && [ "$(head -c 3 "$file" | od -An -tx1 | tr -d ' \n')" = "efbbbf" ] \
        || { echo "FAIL $link: not a CSV with a byte order mark ($type)"; failures=$((failures + 1)); continue; } ;;
  esac
  checked=$((checked + 1))
done
if [ "$checked" -lt 20 ]; then
  echo "FAIL chart files: only $checked of the linked chart files checked"; failures=$((failures + 1))
else
  echo "ok   chart files: $checked SVG and CSV files linked from the pages"
fi

# A standalone chart as the browser draws it, in each language.
for lang in en fa; do
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=720,320 \
    --screenshot="$OUT/chart-by-period-$lang.png" "http://127.0.0.1:$PORT/charts/by-period.svg?dataset=iran-2018&lang=$lang" >/dev/null 2>&1
  echo "ok   standalone chart: $OUT/chart-by-period-$lang.png"
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=980,620 \
    --screenshot="$OUT/chart-country-network-$lang.png" "http://127.0.0.1:$PORT/charts/country-network.svg?dataset=iran-2018&lang=$lang" >/dev/null 2>&1
  echo "ok   standalone map of the network of countries: $OUT/chart-country-network-$lang.png"
done

# The PNG, drawn by the page's script from the SVG at twice its size (a chart 720 wide, the map of
# the network of countries 960); the browser may dump the page before the drawing ends, so it is
# given three tries.
for entry in "/?lang=fa 1440" "/countries/IR 1440" "/network?lang=fa 1920"; do
  page=${entry% *} width=${entry#* }
  outcome=""
  for _ in 1 2 3; do
    outcome=$(chromium --headless --no-sandbox --disable-gpu --virtual-time-budget=30000 --dump-dom "http://127.0.0.1:$PORT$page#check-png" 2>/dev/null \
      | grep -oE 'data-png-check="[^"]*"' || true)
    case "$outcome" in *'"ok '*|*'"failed'*) break ;; esac
  done
  case "$outcome" in
    *"\"ok ${width}x"*) echo "ok   PNG of the first chart of $page: $outcome" ;;
    *) echo "FAIL PNG of the first chart of $page: ${outcome:-the script did not finish}"; failures=$((failures + 1)) ;;
  esac
done

if [ "$failures" -gt 0 ]; then
  echo "browser-check: $failures failure(s); server log:"; cat "$WORK/serve.log"; exit 1
fi
echo "browser-check: all pages rendered and checked"
