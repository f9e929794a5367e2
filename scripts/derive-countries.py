#!/usr/bin/env python3
"""Derive CityDiplomacy's country reference table from pycountry.

Purpose
    Writes Sources/CityDiplomacyReferenceData/Resources/countries.tsv, the
    committed list of countries the project knows about, with ISO codes,
    a short English name, a Persian name and alternative names (aliases)
    in both languages, the state a territory belongs to, and the names of
    historical and unrecognised states that the project reads as today's
    country, and for a state formed since 1945 out of another state, the
    date it came to exist and the state its land belonged to before.
    English and Persian are both first-class: every row must end up with a
    Persian name written in Arabic script, or the script fails.

Usage
    python3 scripts/derive-countries.py

    Run from anywhere; paths are resolved relative to the repository root
    (the parent of this script's directory). Requires the PyPI package
    `pycountry` (pip install pycountry). The output is deterministic: running
    the script twice with the same pycountry version and the same overrides
    file gives byte-identical output.

Source and licence
    Codes, English names and Persian translations come from pycountry
    (https://github.com/pycountry/pycountry, LGPL-2.1), which ships the data
    of the Debian iso-codes project
    (https://salsa.debian.org/iso-codes-team/iso-codes, LGPL-2.1-or-later).
    The Persian strings are iso-codes' `fa` gettext catalogue for the
    `iso3166-1` domain.

    The hand-kept file scripts/country-names-overrides.tsv is the project's
    own work. It replaces formal or inverted names ("Korea, Republic of")
    with the short names readers expect, fills in Persian names that
    iso-codes lacks or gets wrong, adds or removes aliases, and names the
    historical and unrecognised states read as a country. See its header
    for the column format.

    The hand-kept file scripts/country-territories.tsv, also the project's
    own work, names the state each dependent territory belongs to (GP -> FR).

    The hand-kept file scripts/state-formation.tsv, also the project's own
    work, gives for each state formed since 1945 out of another state its
    date of independence and the state its land belonged to before, in
    English and Persian (TJ -> 1991-09-09, Soviet Union), with the source of
    each row (Wikipedia's List of sovereign states by date of formation).

What the script does
    1. One row per ISO 3166-1 entry in pycountry (249), plus Kosovo (XK/XKX,
       a user-assigned code in common use; Kosovo is not in ISO 3166-1).
    2. name_en = pycountry common_name if present, else name; then the
       override, if any.
    3. name_fa = the Persian translation of common_name, else of name (a
       translation that comes back unchanged, i.e. still English, counts as
       missing); then the override, if any.
    4. aliases = pycountry name, official_name, common_name, and their
       Persian translations, where they differ from name_en / name_fa
       (leaving out the Persian of an inverted name such as
       "ایران، جمهوری اسلامی"),
       plus the override's extra aliases; an extra alias written as
       "-text" removes "text" instead (for wrong upstream translations).
       An extra alias written as "historical:Prussia" or
       "unrecognised:Northern Cyprus" goes to the historical_states or
       unrecognised_states column instead: a name read as this country,
       with a note that it names another state.
    4a. sovereign = the territory's state from country-territories.tsv,
       empty for a state.
    4b. state_since, predecessor_en, predecessor_fa = the row of
       state-formation.tsv, empty for a state not listed there.
    5. All text is normalised: Arabic yeh/kaf (U+064A, U+0643) and alef
       maksura (U+0649) become Persian yeh/kaf (U+06CC, U+06A9), tatweel
       (U+0640) is removed, runs of white space collapse to one space and
       space before a comma is dropped.
    6. Checks, each of which makes the script exit non-zero with a message
       naming the offending codes: a name_fa that is missing or not in
       Arabic script; an inverted name ("X, Y of", "X، جمهوری ..."); a tab,
       "|" or line break inside a name; a name or alias shared by two
       countries; a malformed or unknown row in the overrides file; a
       territory whose sovereign is unknown or itself a territory; a row of
       state-formation.tsv for an unknown code or a territory, with a date
       that is not a real YYYY-MM-DD day from 1945-01-01 to today, or with a
       predecessor missing in either language.
"""

from __future__ import annotations

import datetime
import gettext
import re
import sys
from pathlib import Path

try:
    import pycountry
except ImportError:  # pragma: no cover - depends on the environment
    sys.exit("derive-countries: the 'pycountry' package is required (pip install pycountry)")

REPO_ROOT = Path(__file__).resolve().parent.parent
OVERRIDES_PATH = REPO_ROOT / "scripts" / "country-names-overrides.tsv"
TERRITORIES_PATH = REPO_ROOT / "scripts" / "country-territories.tsv"
STATE_FORMATION_PATH = REPO_ROOT / "scripts" / "state-formation.tsv"
OUTPUT_PATH = REPO_ROOT / "Sources" / "CityDiplomacyReferenceData" / "Resources" / "countries.tsv"

COLUMNS = ["iso2", "iso3", "numeric", "name_en", "name_fa", "aliases",
           "sovereign", "historical_states", "unrecognised_states",
           "state_since", "predecessor_en", "predecessor_fa"]
OVERRIDE_COLUMNS = ["iso2", "name_en", "name_fa", "extra_aliases", "why"]
TERRITORY_COLUMNS = ["iso2", "sovereign", "why"]
STATE_FORMATION_COLUMNS = ["iso2", "state_since", "predecessor_en", "predecessor_fa", "source"]
# The earliest date of independence state-formation.tsv may give: it lists states formed since 1945.
EARLIEST_STATE_SINCE = "1945-01-01"
# Prefixes of an extra alias that names another state read as this country, and the output
# column each goes to.
NOTED_STATES = {"historical:": "historical_states", "unrecognised:": "unrecognised_states"}

# Entries that are not in ISO 3166-1 but are needed in practice. Names and
# aliases for them live in the overrides file like for any other country.
# XK / XKX are user-assigned codes (ISO 3166-1 reserves XA-XZ for users)
# used for Kosovo by the European Commission, CLDR, SWIFT and others.
EXTRA_ENTRIES = {
    "XK": {"iso3": "XKX", "numeric": "", "name_en": "Kosovo", "name_fa": "کوزوو"},
    # ZZ / ZZZ (user-assigned, conventionally "unknown"): where an imported record names a
    # country the registry cannot identify, its city is kept under ZZ rather than dropped.
    "ZZ": {"iso3": "ZZZ", "numeric": "", "name_en": "Unknown country", "name_fa": "کشور نامعلوم"},
}

# Persian letter normalisation applied to everything written.
_CHAR_MAP = str.maketrans({
    "\u064a": "\u06cc",  # ARABIC LETTER YEH -> ARABIC LETTER FARSI YEH
    "\u0649": "\u06cc",  # ARABIC LETTER ALEF MAKSURA -> ARABIC LETTER FARSI YEH
    "\u0643": "\u06a9",  # ARABIC LETTER KAF -> ARABIC LETTER KEHEH
    "\u0640": None,      # ARABIC TATWEEL
})

_ARABIC_LETTER = re.compile(r"[\u0620-\u064a\u066e-\u06d3\u06d5\u06fa-\u06ff]")
_ALLOWED_FA = re.compile(r"^[\u0600-\u06ff\u200c ()\-.]+$")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_INVERTED_EN = re.compile(r",\s.*\bof(\sthe)?$")
_INVERTED_FA = re.compile(r"،\s*(جمهوری|ایالات|دولت|پادشاهی|استان|کشور)(\s|$)")


class DeriveError(Exception):
    pass


def clean(text: str | None) -> str:
    """Normalise letters and white space; return '' for None."""
    if text is None:
        return ""
    text = text.translate(_CHAR_MAP)
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r" ([,،])", r"\1", text)
    # iso-codes writes some official names as "the State of ..."
    if text.startswith("the "):
        text = text[4:]
    return text


def is_persian_name(text: str) -> bool:
    return bool(text) and bool(_ALLOWED_FA.match(text)) and bool(_ARABIC_LETTER.search(text))


def pycountry_version() -> str:
    version = getattr(pycountry, "__version__", None)
    if not version:
        from importlib.metadata import version as dist_version
        version = dist_version("pycountry")
    return str(version)


def load_translator() -> gettext.NullTranslations:
    try:
        return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fa"])
    except OSError as exc:
        raise DeriveError(f"no Persian (fa) iso3166-1 catalogue in {pycountry.LOCALES_DIR}: {exc}")


def translate(tr: gettext.NullTranslations, msgid: str | None) -> str:
    """Persian translation of msgid, or '' when there is none.

    gettext returns the msgid itself when a string is untranslated; that,
    and any "translation" that still contains Latin letters, counts as
    missing.
    """
    if not msgid:
        return ""
    result = tr.gettext(msgid)
    if result == msgid or _LATIN.search(result):
        return ""
    return clean(result)


def load_overrides(path: Path) -> dict[str, dict[str, object]]:
    if not path.exists():
        raise DeriveError(f"overrides file not found: {path}")
    overrides: dict[str, dict[str, object]] = {}
    errors: list[str] = []
    with path.open(encoding="utf-8", newline="") as fh:
        for lineno, raw in enumerate(fh, start=1):
            line = raw.rstrip("\r\n")
            if not line.strip() or line.startswith("#"):
                continue
            fields = line.split("\t")
            if fields == OVERRIDE_COLUMNS:
                continue
            if len(fields) != len(OVERRIDE_COLUMNS):
                errors.append(f"line {lineno}: expected {len(OVERRIDE_COLUMNS)} tab-separated columns, got {len(fields)}")
                continue
            iso2, name_en, name_fa, extra, why = (f.strip() for f in fields)
            if not re.fullmatch(r"[A-Z]{2}", iso2):
                errors.append(f"line {lineno}: bad iso2 {iso2!r}")
                continue
            if iso2 in overrides:
                errors.append(f"line {lineno}: duplicate row for {iso2}")
                continue
            if not why:
                errors.append(f"line {lineno}: {iso2}: the 'why' column is empty")
            name_fa = clean(name_fa)
            if name_fa and not is_persian_name(name_fa):
                errors.append(f"line {lineno}: {iso2}: name_fa {name_fa!r} is not Persian script")
            add: list[str] = []
            remove: list[str] = []
            noted: dict[str, list[str]] = {column: [] for column in NOTED_STATES.values()}
            for item in extra.split("|") if extra else []:
                item = item.strip()
                prefix = next((p for p in NOTED_STATES if item.startswith(p)), None)
                if prefix:
                    noted[NOTED_STATES[prefix]].append(clean(item[len(prefix):]))
                elif item.startswith("-"):
                    remove.append(clean(item[1:]))
                elif item:
                    add.append(clean(item))
            overrides[iso2] = {
                "name_en": clean(name_en),
                "name_fa": name_fa,
                "add": add,
                "remove": remove,
                **noted,
            }
    if errors:
        raise DeriveError("problems in " + str(path.relative_to(REPO_ROOT)) + ":\n  " + "\n  ".join(errors))
    return overrides


def curated_rows(path: Path, columns: list[str], what: str, errors: list[str]):
    """(line number, fields) of each data row of a curated TSV file: comments, blank lines and the
    header row skipped; a row with the wrong number of columns reported in `errors` and skipped."""
    if not path.exists():
        raise DeriveError(f"{what} file not found: {path}")
    with path.open(encoding="utf-8", newline="") as fh:
        for lineno, raw in enumerate(fh, start=1):
            line = raw.rstrip("\r\n")
            if not line.strip() or line.startswith("#"):
                continue
            fields = [f.strip() for f in line.split("\t")]
            if fields == columns:
                continue
            if len(fields) != len(columns):
                errors.append(f"line {lineno}: expected {len(columns)} tab-separated columns, got {len(fields)}")
                continue
            yield lineno, fields


def load_territories(path: Path) -> dict[str, str]:
    """iso2 of each dependent territory -> iso2 of the state it belongs to."""
    sovereigns: dict[str, str] = {}
    errors: list[str] = []
    for lineno, fields in curated_rows(path, TERRITORY_COLUMNS, "territories", errors):
        iso2, sovereign, why = fields
        if not re.fullmatch(r"[A-Z]{2}", iso2) or not re.fullmatch(r"[A-Z]{2}", sovereign):
            errors.append(f"line {lineno}: bad code {iso2!r} or {sovereign!r}")
            continue
        if iso2 in sovereigns:
            errors.append(f"line {lineno}: duplicate row for {iso2}")
            continue
        if iso2 == sovereign:
            errors.append(f"line {lineno}: {iso2} is given as its own sovereign")
        if not why:
            errors.append(f"line {lineno}: {iso2}: the 'why' column is empty")
        sovereigns[iso2] = sovereign
    # A state of a state would make "the same state" depend on how deep one looks.
    nested = sorted(f"{t} ({s})" for t, s in sovereigns.items() if s in sovereigns)
    if nested:
        errors.append("sovereigns that are themselves territories: " + ", ".join(nested))
    if errors:
        raise DeriveError("problems in " + str(path.relative_to(REPO_ROOT)) + ":\n  " + "\n  ".join(errors))
    return sovereigns


def load_state_formation(path: Path) -> dict[str, dict[str, str]]:
    """iso2 of each state formed since 1945 -> its state_since, predecessor_en and predecessor_fa."""
    formations: dict[str, dict[str, str]] = {}
    errors: list[str] = []
    today = datetime.date.today().isoformat()
    for lineno, fields in curated_rows(path, STATE_FORMATION_COLUMNS, "state formation", errors):
        iso2, since, predecessor_en, predecessor_fa, source = fields
        if not re.fullmatch(r"[A-Z]{2}", iso2):
            errors.append(f"line {lineno}: bad iso2 {iso2!r}")
            continue
        if iso2 in formations:
            errors.append(f"line {lineno}: duplicate row for {iso2}")
            continue
        try:
            valid_day = re.fullmatch(r"\d{4}-\d{2}-\d{2}", since) and datetime.date.fromisoformat(since)
        except ValueError:
            valid_day = False
        if not valid_day:
            errors.append(f"line {lineno}: {iso2}: state_since {since!r} is not a day written YYYY-MM-DD")
        elif not EARLIEST_STATE_SINCE <= since <= today:
            errors.append(f"line {lineno}: {iso2}: state_since {since} is not between {EARLIEST_STATE_SINCE} and today")
        # Not clean(), which drops a leading "the": a predecessor's name keeps it ("the Soviet
        # Union"), since sentences use the name as it stands.
        predecessor_en, predecessor_fa = re.sub(r"\s+", " ", predecessor_en).strip(), clean(predecessor_fa)
        if not predecessor_en or re.search(r"[|\u0600-\u06ff]", predecessor_en):
            errors.append(f"line {lineno}: {iso2}: predecessor_en {predecessor_en!r} is empty, holds '|' or is not English")
        if not is_persian_name(predecessor_fa):
            errors.append(f"line {lineno}: {iso2}: predecessor_fa {predecessor_fa!r} is not a name in Persian script")
        if not source:
            errors.append(f"line {lineno}: {iso2}: the 'source' column is empty")
        formations[iso2] = {"state_since": since, "predecessor_en": predecessor_en, "predecessor_fa": predecessor_fa}
    if errors:
        raise DeriveError("problems in " + str(path.relative_to(REPO_ROOT)) + ":\n  " + "\n  ".join(errors))
    return formations


def derive_rows(overrides: dict[str, dict[str, object]], sovereigns: dict[str, str],
                formations: dict[str, dict[str, str]]) -> tuple[list[dict[str, str]], list[str]]:
    tr = load_translator()
    warnings: list[str] = []
    rows: list[dict[str, str]] = []
    known: set[str] = set()

    entries = []
    for c in pycountry.countries:
        name = getattr(c, "name", None)
        common = getattr(c, "common_name", None)
        official = getattr(c, "official_name", None)
        fa_common, fa_name, fa_official = translate(tr, common), translate(tr, name), translate(tr, official)
        entries.append({
            "iso2": c.alpha_2,
            "iso3": c.alpha_3,
            "numeric": c.numeric,
            "name_en": clean(common or name),
            "name_fa": fa_common or fa_name,
            # The Persian rendering of an inverted name ("ایران، جمهوری اسلامی")
            # is not something a Persian reader writes; keep it out of aliases.
            "alias_candidates": [
                clean(name), clean(official), clean(common),
                "" if _INVERTED_EN.search(clean(name)) and "،" in fa_name else fa_name,
                fa_official, fa_common,
            ],
        })
    for iso2, extra in EXTRA_ENTRIES.items():
        entries.append({
            "iso2": iso2,
            "iso3": extra["iso3"],
            "numeric": extra["numeric"],
            "name_en": clean(extra["name_en"]),
            "name_fa": clean(extra["name_fa"]),
            "alias_candidates": [],
        })

    for e in entries:
        iso2 = e["iso2"]
        known.add(iso2)
        ov = overrides.get(iso2)
        name_en, name_fa = e["name_en"], e["name_fa"]
        candidates = list(e["alias_candidates"])
        remove: list[str] = []
        if ov:
            if ov["name_en"]:
                name_en = ov["name_en"]
            if ov["name_fa"]:
                name_fa = ov["name_fa"]
            candidates += ov["add"]
            remove = ov["remove"]
        noted = {column: list(ov[column]) if ov else [] for column in NOTED_STATES.values()}
        removed_keys = {r.casefold() for r in remove}
        # A noted state's name is not also an alias: it would lose its note.
        seen = {name_en.casefold(), name_fa.casefold()} | {n.casefold() for names in noted.values() for n in names}
        aliases: list[str] = []
        hit_removals: set[str] = set()
        for a in candidates:
            if not a:
                continue
            key = a.casefold()
            if key in removed_keys:
                hit_removals.add(key)
                continue
            if key in seen:
                continue
            seen.add(key)
            aliases.append(a)
        for r in remove:
            if r.casefold() not in hit_removals:
                warnings.append(f"{iso2}: override removes alias {r!r}, which is not produced any more (stale?)")
        rows.append({
            "iso2": iso2,
            "iso3": e["iso3"],
            "numeric": e["numeric"],
            "name_en": name_en,
            "name_fa": name_fa,
            "aliases": "|".join(aliases),
            "sovereign": sovereigns.get(iso2, ""),
            **{column: "|".join(names) for column, names in noted.items()},
            **formations.get(iso2, {"state_since": "", "predecessor_en": "", "predecessor_fa": ""}),
        })

    unknown = sorted(set(overrides) - known)
    if unknown:
        raise DeriveError("overrides for codes that are not countries: " + ", ".join(unknown))
    unknown = sorted(f"{t} ({s})" for t, s in sovereigns.items() if t not in known or s not in known)
    if unknown:
        raise DeriveError("territories or sovereigns that are not countries: " + ", ".join(unknown))
    unknown = sorted(code for code in formations if code not in known or code in sovereigns)
    if unknown:
        raise DeriveError("state formations for codes that are not states (unknown, or a territory): " + ", ".join(unknown))

    rows.sort(key=lambda r: r["iso2"])
    return rows, warnings


# The '|'-separated columns of names.
LIST_COLUMNS = ["aliases", *NOTED_STATES.values()]


def check_rows(rows: list[dict[str, str]]) -> None:
    problems: list[str] = []

    no_fa = [r["iso2"] for r in rows if not is_persian_name(r["name_fa"])]
    if no_fa:
        problems.append(
            "no Persian name in Arabic script for: " + ", ".join(no_fa)
            + " (add name_fa in scripts/country-names-overrides.tsv)"
        )

    no_en = [r["iso2"] for r in rows if not r["name_en"]]
    if no_en:
        problems.append("no English name for: " + ", ".join(no_en))

    inverted = [
        f"{r['iso2']} ({r['name_en'] if _INVERTED_EN.search(r['name_en']) else r['name_fa']})"
        for r in rows
        if _INVERTED_EN.search(r["name_en"]) or _INVERTED_FA.search(r["name_fa"])
    ]
    inverted += [
        f"{r['iso2']} (alias {a})"
        for r in rows
        for a in (r["aliases"].split("|") if r["aliases"] else [])
        if _INVERTED_FA.search(a)
    ]
    if inverted:
        problems.append("inverted 'X, Y of' names (override them): " + ", ".join(inverted))

    bad_chars = []
    for r in rows:
        for col in ("name_en", "name_fa"):
            if re.search(r"[\t\r\n|]", r[col]):
                bad_chars.append(f"{r['iso2']}.{col}")
        for col in LIST_COLUMNS:
            if re.search(r"[\t\r\n]", r[col]):
                bad_chars.append(f"{r['iso2']}.{col}")
    if bad_chars:
        problems.append("tab, '|' or line break inside a name: " + ", ".join(bad_chars))

    owners: dict[str, set[str]] = {}
    for r in rows:
        names = [r["name_en"], r["name_fa"]] + [n for col in LIST_COLUMNS for n in (r[col].split("|") if r[col] else [])]
        for n in names:
            if not n:
                continue
            owners.setdefault(n.casefold(), set()).add(r["iso2"])
    shared = sorted(f"{n!r} ({', '.join(sorted(codes))})" for n, codes in owners.items() if len(codes) > 1)
    if shared:
        problems.append("names shared by more than one country: " + "; ".join(shared))

    codes = [r["iso2"] for r in rows]
    dupes = sorted({c for c in codes if codes.count(c) > 1})
    if dupes:
        problems.append("duplicate iso2 codes: " + ", ".join(dupes))

    if problems:
        raise DeriveError("\n".join(problems))


def render(rows: list[dict[str, str]]) -> str:
    version = pycountry_version()
    header = [
        f"# Generated by scripts/derive-countries.py from pycountry {version}"
        " (data from Debian iso-codes, LGPL-2.1+),",
        "# plus overrides from scripts/country-names-overrides.tsv. Do not edit by hand:"
        " change the overrides and re-run the script.",
        "# One row per ISO 3166-1 country, plus XK/XKX for Kosovo: not in ISO 3166-1;"
        " XK is a user-assigned code in common use, and it has no numeric code;"
        " ZZ/ZZZ (user-assigned) stands for a country an import could not identify.",
        "# aliases: '|'-separated other English and Persian names."
        " sovereign: the state a dependent territory belongs to (from scripts/country-territories.tsv), empty for a state.",
        "# historical_states, unrecognised_states: '|'-separated names of other states read as this country"
        " (Prussia as Germany, Northern Cyprus as Cyprus), each to be reported with a note. See countries.NOTICE.md.",
        "# state_since, predecessor_en, predecessor_fa: for a state formed since 1945 out of another state,"
        " its date of independence (YYYY-MM-DD) and the state its land belonged to before, in English and Persian"
        " (from scripts/state-formation.tsv); empty for any other country.",
        "\t".join(COLUMNS),
    ]
    # A predecessor's English name keeps its leading "the" (see where state-formation.tsv is read).
    lines = header + ["\t".join(r[c] if c in LIST_COLUMNS or c == "predecessor_en" else clean(r[c]) for c in COLUMNS) for r in rows]
    return "\n".join(lines) + "\n"


def main() -> int:
    try:
        overrides = load_overrides(OVERRIDES_PATH)
        rows, warnings = derive_rows(overrides, load_territories(TERRITORIES_PATH), load_state_formation(STATE_FORMATION_PATH))
        check_rows(rows)
    except DeriveError as exc:
        print(f"derive-countries: error: {exc}", file=sys.stderr)
        return 1
    for w in warnings:
        print(f"derive-countries: warning: {w}", file=sys.stderr)
    OUTPUT_PATH.parent.mkdir(parents=True, exist_ok=True)
    data = render(rows).encode("utf-8")
    OUTPUT_PATH.write_bytes(data)
    print(f"derive-countries: wrote {len(rows)} rows to {OUTPUT_PATH.relative_to(REPO_ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
