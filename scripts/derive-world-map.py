#!/usr/bin/env python3
"""Derive the observatory's world map from Natural Earth's 1:110m countries.

Source: the `naturalearth_lowres` shapefile shipped inside the PyPI package geopandas==0.14.4
(Natural Earth, public domain: https://www.naturalearthdata.com/about/terms-of-use/).
Output: Sources/CityDiplomacyWeb/Resources/world-110m.svg — one <path> per country in the
equirectangular projection the pages draw on (1000 x 500 units for 360 x 180 degrees), so that
arcs and points computed by WorldMap.swift fall on it.

Needs pip (it fetches the geopandas wheel without its dependencies, and pyshp to read the shapefile):
    python3 scripts/derive-world-map.py
"""
import io
import os
import subprocess
import sys
import tempfile
import zipfile

WIDTH, HEIGHT = 1000.0, 500.0
OUT = os.path.join(os.path.dirname(__file__), "..", "Sources", "CityDiplomacyWeb", "Resources", "world-110m.svg")


def main():
    work = tempfile.mkdtemp(prefix="citydip-map-")
    subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "geopandas==0.14.4", "-d", work], check=True)
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--target", os.path.join(work, "lib"), "pyshp==3.*"], check=True)
    sys.path.insert(0, os.path.join(work, "lib"))
    import shapefile  # pyshp

    wheel = next(f for f in os.listdir(work) if f.startswith("geopandas-0.14.4") and f.endswith(".whl"))
    base = "geopandas/datasets/naturalearth_lowres/naturalearth_lowres"
    with zipfile.ZipFile(os.path.join(work, wheel)) as z:
        reader = shapefile.Reader(shp=io.BytesIO(z.read(base + ".shp")), shx=io.BytesIO(z.read(base + ".shx")),
                                  dbf=io.BytesIO(z.read(base + ".dbf")), encoding="latin-1")  # the .cpg says ISO-8859-1
        fields = [f[0] for f in reader.fields[1:]]
        paths = []
        for record, shape in zip(reader.records(), reader.shapes()):
            attributes = dict(zip(fields, record))
            parts = list(shape.parts) + [len(shape.points)]
            d = []
            for start, end in zip(parts[:-1], parts[1:]):
                ring = shape.points[start:end]
                coords = []
                for lng, lat in ring:
                    x = round((lng + 180) / 360 * WIDTH, 1)
                    y = round((90 - lat) / 180 * HEIGHT, 1)
                    if not coords or coords[-1] != (x, y):
                        coords.append((x, y))
                if len(coords) < 3:
                    continue
                d.append("M" + "L".join(f"{x:g} {y:g}" for x, y in coords) + "Z")
            name = attributes["name"].replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;")
            paths.append(f'<path data-iso3="{attributes["iso_a3"]}" d="{"".join(d)}"><title>{name}</title></path>')
    svg = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        "<!-- Countries at 1:110m from Natural Earth (public domain), via geopandas 0.14.4's naturalearth_lowres;"
        " derived by scripts/derive-world-map.py. Equirectangular, 1000 x 500 for 360 x 180 degrees. -->\n"
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {int(WIDTH)} {int(HEIGHT)}" width="{int(WIDTH)}" height="{int(HEIGHT)}">\n'
        '<rect width="100%" height="100%" fill="#eef4f8"/>\n'
        '<g fill="#d9dde2" stroke="#ffffff" stroke-width="0.4">\n' + "\n".join(paths) + "\n</g>\n</svg>\n"
    )
    with open(OUT, "w", encoding="utf-8") as f:
        f.write(svg)
    print(f"wrote {OUT}: {len(paths)} countries, {len(svg)} bytes")


if __name__ == "__main__":
    main()
