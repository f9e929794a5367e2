#!/usr/bin/env python3
"""Writes a synthetic twin-cities file shaped like the Wikipedia scrape, for the import benchmarks.

    python3 Benchmarks/scripts/make-synthetic.py ROWS OUTPUT.csv [--seed 2026]

The columns are those of `--format wikipedia-csv` (city1,country1,lat1,lng1,city2,country2,lat2,lng2).
The same ROWS and seed always give the same bytes, so figures taken on different days compare.

Why it looks the way it does: an import's cost depends on how many distinct places it resolves
and how many distinct pairs it stores, not only on the row count, so the file imitates the real
one's shape rather than repeating it.
- Degrees are skewed: endpoints are drawn from the bundled gazetteer's cities with a weight that
  falls with population rank (1/(rank+30)^0.9), so the largest cities have about a hundred
  partners in 25,000 rows and most cities a handful, as in Wikipedia's lists; some pairs
  repeat, as duplicates do there.
- About a third of the endpoints are towns the gazetteer does not know (a gazetteer name with a
  made-up suffix, near that city): the real file has 9,154 unresolved cities of 16,856. Their
  number grows with ROWS, so the count of distinct cities grows with the file too.
- Countries are written by their English names from countries.tsv, as the scrape writes them.

Nothing it writes belongs in the repository: write it to a temporary folder.
"""
import argparse
import csv
import pathlib
import random
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
RESOURCES = ROOT / "Sources" / "CityDiplomacyReferenceData" / "Resources"
SUFFIXES = ["Nova", "Vale", "Mare", "Alta", "Bassa", "Ridge", "Nord", "Sud", "Ost", "West",
            "Mill", "Ford", "Burg", "Kend", "Abad", "Dorf", "Pol", "Grad", "Shahr", "Ville"]


def rows(path):
    with open(path, encoding="utf-8") as file:
        lines = [line for line in file if not line.startswith("#")]
    return csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("rows", type=int)
    parser.add_argument("output")
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    rng = random.Random(args.seed)

    country_names = {row["iso2"]: row["name_en"] for row in rows(RESOURCES / "countries.tsv")}
    cities = [
        (row["name"], country_names[row["country"]], float(row["latitude"]), float(row["longitude"]), int(row["population"] or 0))
        # The places of 15,000 people or more (34,024): nearly the 34,006 cities the synthetic
        # files were drawn from before the gazetteer grew, so that figures stay comparable.
        for row in rows(RESOURCES / "gazetteer" / "places1000.tsv")
        if row["country"] in country_names and int(row["population"] or 0) >= 15000
    ]
    cities.sort(key=lambda city: (-city[4], city[0], city[1]))
    cumulative, total = [], 0.0
    for rank in range(len(cities)):
        total += 1 / (rank + 30) ** 0.9
        cumulative.append(total)

    towns = []
    for index in range(max(1000, args.rows // 3)):
        name, country, lat, lng, _ = cities[rng.randrange(len(cities))]
        suffix = f"{SUFFIXES[index % len(SUFFIXES)]} {index // len(SUFFIXES) + 1}"
        towns.append((f"{name} {suffix}", country,
                      max(-90.0, min(90.0, lat + rng.uniform(-0.3, 0.3))),
                      max(-180.0, min(180.0, lng + rng.uniform(-0.3, 0.3)))))

    def endpoint():
        if rng.random() < 0.35:
            return towns[rng.randrange(len(towns))]
        return rng.choices(cities, cum_weights=cumulative)[0][:4]

    with open(args.output, "w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file, lineterminator="\n")
        writer.writerow(["city1", "country1", "lat1", "lng1", "city2", "country2", "lat2", "lng2"])
        for _ in range(args.rows):
            first, second = endpoint(), endpoint()
            writer.writerow([first[0], first[1], f"{first[2]:.4f}", f"{first[3]:.4f}",
                             second[0], second[1], f"{second[2]:.4f}", f"{second[3]:.4f}"])
    print(f"make-synthetic: {args.rows} rows → {args.output}", file=sys.stderr)


if __name__ == "__main__":
    main()
