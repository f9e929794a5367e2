#!/usr/bin/env python3
"""Derive the observatory's world map from Natural Earth's 1:110m countries.

Source: the `naturalearth_lowres` shapefile shipped inside the PyPI package geopandas==0.14.4
(Natural Earth, public domain: https://www.naturalearthdata.com/about/terms-of-use/).
Output: Sources/CityDiplomacyWeb/Resources/world-110m.svg — the sphere, a 30° graticule and one
<path> per country in the Equal Earth projection (Šavrič, Patterson & Jenny 2018, "The Equal Earth
map projection", International Journal of Geographical Information Science 33(3)), centred on
Greenwich and scaled so that the whole world is 1000 units wide, centred in a 1000 x 500 canvas.
WorldMap+Projection.swift (EqualEarth) holds the same constants, so that the arcs and points the
pages compute fall on it; each page crops the canvas with its viewBox.

Needs pip (it fetches the geopandas wheel without its dependencies, and pyshp to read the shapefile):
    python3 scripts/derive-world-map.py
Last run 2026-11-29 with Python 3.11.7 and pip 23.2.1 (geopandas 0.14.4 wheel, pyshp 3.x).
"""
import io
import math
import os
import subprocess
import sys
import tempfile
import zipfile

WIDTH, HEIGHT = 1000.0, 500.0
OUT = os.path.join(os.path.dirname(__file__), "..", "Sources", "CityDiplomacyWeb", "Resources", "world-110m.svg")

# Equal Earth's polynomial coefficients (Šavrič, Patterson & Jenny 2018, equations 1–2).
A1, A2, A3, A4 = 1.340264, -0.081106, 0.000893, 0.003796
M = math.sqrt(3) / 2
# Half the projected width of the world for a unit sphere: x at the equator, 180° from the centre.
HALF_WIDTH = 2 * math.sqrt(3) * math.pi / (3 * A1)
SCALE = WIDTH / 2 / HALF_WIDTH


def equal_earth(lng, lat):
    """Canvas coordinates (x right, y down) of a place given in degrees."""
    theta = math.asin(M * math.sin(math.radians(lat)))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = 2 * math.sqrt(3) * math.radians(lng) * math.cos(theta) / (3 * (9 * A4 * t6 * t2 + 7 * A3 * t6 + 3 * A2 * t2 + A1))
    y = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2))
    return WIDTH / 2 + x * SCALE, HEIGHT / 2 - y * SCALE


def path_data(rings, close=True):
    """SVG path data for rings of (lng, lat), rounded to a tenth of a unit, repeated points dropped."""
    d = []
    for ring in rings:
        coords = []
        for lng, lat in ring:
            x, y = equal_earth(lng, lat)
            point = (round(x, 1), round(y, 1))
            if not coords or coords[-1] != point:
                coords.append(point)
        if len(coords) < (3 if close else 2):
            continue
        d.append("M" + "L".join(f"{x:g} {y:g}" for x, y in coords) + ("Z" if close else ""))
    return "".join(d)


def sphere():
    """The outline of the world: the meridians ±180° joined by the flat poles."""
    east = [(180, lat) for lat in range(-90, 91)]
    west = [(-180, lat) for lat in range(90, -91, -1)]
    return path_data([east + west])


def graticule():
    """Meridians and parallels every 30°, as open lines."""
    meridians = [[(lng, lat) for lat in range(-90, 91)] for lng in range(-150, 180, 30)]
    parallels = [[(lng, lat) for lng in range(-180, 181)] for lat in range(-60, 90, 30)]
    return path_data(meridians + parallels, close=False)


def countries(work):
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
            rings = [shape.points[start:end] for start, end in zip(parts[:-1], parts[1:])]
            name = attributes["name"].replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;")
            paths.append(f'<path data-iso3="{attributes["iso_a3"]}" d="{path_data(rings)}"><title>{name}</title></path>')
        return paths


def main():
    paths = countries(tempfile.mkdtemp(prefix="citydip-map-"))
    svg = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        "<!-- Countries at 1:110m from Natural Earth (public domain), via geopandas 0.14.4's naturalearth_lowres;"
        " derived by scripts/derive-world-map.py. Equal Earth, the world 1000 units wide, centred in 1000 x 500. -->\n"
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {int(WIDTH)} {int(HEIGHT)}" width="{int(WIDTH)}" height="{int(HEIGHT)}">\n'
        f'<path class="sphere" d="{sphere()}" fill="#eef4f8"/>\n'
        f'<path class="graticule" d="{graticule()}" fill="none" stroke="#d8e2e9" stroke-width="0.2"/>\n'
        '<g fill="#d9dde2" stroke="#ffffff" stroke-width="0.3">\n' + "\n".join(paths) + "\n</g>\n</svg>\n"
    )
    with open(OUT, "w", encoding="utf-8") as f:
        f.write(svg)
    print(f"wrote {OUT}: {len(paths)} countries, {len(svg)} bytes")


if __name__ == "__main__":
    main()
