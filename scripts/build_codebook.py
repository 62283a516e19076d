"""Convert the PLOVER project's CAMEO-to-PLOVER table into hadath's event codebook
(src/hadath/data/events/codebook.tsv): one line per CAMEO code with its PLOVER event type,
mode, context and the CAMEO name.

Reads ../shared/data/lexicons/plover/CAMEO2PLOVER-2021.txt (CC BY-SA 4.0): lines such as
``0332: AGREE,  ,   military # Express intent to provide military aid``.

    python scripts/build_codebook.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "hadath" / "data" / "events" / "codebook.tsv"
LINE = re.compile(r"^(\d{2,4}):\s*([A-Z_]+)\s*(?:,\s*([^,#]*?))?\s*(?:,\s*([^#]*?))?\s*(?:#\s*(.*))?$")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = ap.parse_args()
    src = args.shared / "data" / "lexicons" / "plover" / "CAMEO2PLOVER-2021.txt"
    rows = []
    for line in src.read_text("utf-8").splitlines():
        m = LINE.match(line.strip())
        if not m:
            continue
        code, typ, mode, context, name = (g.strip() if g else "" for g in m.groups())
        rows.append((code, typ, mode, context, name))
    with OUT.open("w", encoding="utf-8") as f:
        f.write(
            "# CAMEO code -> PLOVER type, mode, context (CAMEO name). From PLOVER's CAMEO2PLOVER-2021.txt "
            "(CC BY-SA 4.0) by scripts/build_codebook.py\n"
        )
        f.write("cameo\tplover\tmode\tcontext\tcameo_name\n")
        for r in rows:
            f.write("\t".join(r) + "\n")
    print(f"wrote {len(rows)} codes to {OUT}")


if __name__ == "__main__":
    main()
