"""Build the country boundaries the dashboard's map draws, offline.

Input: Natural Earth's 1:110m admin-0 countries (public domain), as shipped in the
`naturalearth_lowres` shapefile inside the geopandas 0.14.4 wheel on PyPI (BSD-3 package; the
data itself is public domain). The wheel is fetched with `pip download` unless --wheel names a
copy; the shapefile is read with pyshp (a dev dependency).
Output (committed): src/eventwire/data/web/countries.geojson, a FeatureCollection with one
feature per country (id = ISO 3166 alpha-3, properties.name), rings simplified with
Douglas-Peucker and coordinates rounded to 0.01 degree. A rebuild gives a byte-identical file.

Usage: python models/build_boundaries.py [--wheel geopandas-0.14.4-py3-none-any.whl]
"""

from __future__ import annotations

import argparse
import io
import json
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "src" / "eventwire" / "data" / "web" / "countries.geojson"
WHEEL = "geopandas==0.14.4"
SHAPEFILE = "geopandas/datasets/naturalearth_lowres/naturalearth_lowres."
TOLERANCE = 0.08  # degrees: below a pixel on a 1200-pixel-wide world map
DIGITS = 2
# Natural Earth leaves a few disputed territories without an ISO code: the codes others use.
MISSING_CODES = {"Kosovo": "XKX", "N. Cyprus": "CYN", "Somaliland": "SOL"}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wheel", type=Path, help="a local copy of the geopandas 0.14.4 wheel")
    args = parser.parse_args(argv)
    if args.wheel:
        features = _features(args.wheel)
    else:
        with tempfile.TemporaryDirectory() as folder:
            subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps",
                            "--dest", folder, WHEEL], check=True)
            features = _features(next(Path(folder).glob("geopandas-*.whl")))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    collection = {"type": "FeatureCollection", "features": features}
    OUT.write_text(json.dumps(collection, separators=(",", ":"), sort_keys=True) + "\n", encoding="utf-8")
    points = sum(len(ring) for f in features for polygon in f["geometry"]["coordinates"] for ring in polygon)
    print(f"{len(features)} countries, {points} points -> {OUT}")
    return 0


def _features(wheel: Path) -> list[dict]:
    import shapefile

    with zipfile.ZipFile(wheel) as archive:
        parts = {ext: io.BytesIO(archive.read(SHAPEFILE + ext)) for ext in ("shp", "shx", "dbf")}
    reader = shapefile.Reader(shp=parts["shp"], shx=parts["shx"], dbf=parts["dbf"], encoding="latin-1")
    features = []
    for record, shape in zip(reader.records(), reader.shapes()):
        name = record["name"]
        code = record["iso_a3"] if record["iso_a3"] != "-99" else MISSING_CODES.get(name)
        if not code:
            continue
        polygons = _polygons(shape)
        if polygons:
            features.append({"type": "Feature", "id": code, "properties": {"name": name},
                             "geometry": {"type": "MultiPolygon", "coordinates": polygons}})
    return sorted(features, key=lambda f: f["id"])


def _polygons(shape) -> list[list[list[list[float]]]]:
    """Shapefile parts as MultiPolygon coordinates: an outer ring (clockwise in shapefiles)
    starts a polygon, the holes that follow belong to it."""
    bounds = list(shape.parts) + [len(shape.points)]
    polygons: list[list] = []
    for start, end in zip(bounds, bounds[1:]):
        ring = _simplified(shape.points[start:end])
        if len(ring) < 4:
            continue
        if _signed_area(shape.points[start:end]) < 0 or not polygons:
            polygons.append([ring])
        else:
            polygons[-1].append(ring)
    return polygons


def _simplified(points) -> list[list[float]]:
    kept = _douglas_peucker([(round(x, 6), round(y, 6)) for x, y in points], TOLERANCE)
    ring: list[list[float]] = []
    for x, y in kept:
        point = [round(x, DIGITS), round(y, DIGITS)]
        if not ring or ring[-1] != point:
            ring.append(point)
    return ring


def _douglas_peucker(points: list[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        farthest, distance = None, tolerance
        for i in range(first + 1, last):
            d = _distance(points[i], points[first], points[last])
            if d > distance:
                farthest, distance = i, d
        if farthest is not None:
            keep[farthest] = True
            stack += [(first, farthest), (farthest, last)]
    return [p for p, k in zip(points, keep) if k]


def _distance(p, a, b) -> float:
    """Distance of p from the segment a-b."""
    (px, py), (ax, ay), (bx, by) = p, a, b
    dx, dy = bx - ax, by - ay
    if dx == dy == 0:
        return ((px - ax) ** 2 + (py - ay) ** 2) ** 0.5
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return ((px - ax - t * dx) ** 2 + (py - ay - t * dy) ** 2) ** 0.5


def _signed_area(points) -> float:
    """Positive for counter-clockwise rings (shapefile holes), negative for clockwise (outer)."""
    return sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(points, points[1:])) / 2


if __name__ == "__main__":
    sys.exit(main())
