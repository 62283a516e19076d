"""Write data/lexicons/country_english.tsv: ISO alpha-3 -> English short name (pycountry).

Used by the story gists ("Algeria (DZA) provided military aid … to Mali (MLI)").
Run with the train extra installed:  python scripts/build_country_english.py
"""

from __future__ import annotations

from pathlib import Path

import pycountry

OUT = Path(__file__).resolve().parents[1] / "src" / "hadath" / "data" / "lexicons" / "country_english.tsv"


def main() -> None:
    rows = []
    for c in pycountry.countries:
        name = (getattr(c, "common_name", None) or c.name).split(",")[0]  # "Palestine, State of"
        rows.append((c.alpha_3, name))
    with OUT.open("w", encoding="utf-8") as f:
        f.write(f"# English short names of countries (ISO 3166 via pycountry {pycountry.__version__}). iso3<TAB>name\n")
        for r in sorted(rows):
            f.write("\t".join(r) + "\n")
    print(f"wrote {len(rows)} countries to {OUT}")


if __name__ == "__main__":
    main()
