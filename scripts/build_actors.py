"""Convert UniversalPetrarch's Arabic actor dictionary into hadath's editable actor table
(src/hadath/data/actors/actors.tsv).

Reads ../shared/data/lexicons/universalpetrarch-arabic/actor_dict_ar_v4.txt (MIT): names
written lemmatized with underscores (``نور_دين_يزيد_زرهوني_``), each with one or more CAMEO
codes, some with date ranges (``[DZAGOV >19990427]``, ``[IRQGOV 20101221-20140908]``). Writes
one line per name: the name with spaces, and its codes as CODE@START-END (dates as
YYYYMMDD, empty when open). Cleaning: comment and synonym lines dropped, names without an
Arabic letter dropped, duplicate names merged, the common words of ``GENERIC`` dropped and
the codes of ``FIXES`` corrected.

    python scripts/build_actors.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "hadath" / "data" / "actors" / "actors.tsv"
CODE = re.compile(r"\[([A-Z~]{3,}[A-Z]*)\s*(>?\s*\d{8})?(?:-(\d{8}))?\s*\]")
ARABIC = re.compile(r"[\u0621-\u064A]")
GENERIC = frozenset(
    {
        # common nouns and adjectives the dictionary codes as an actor
        "إمارة",  # an emirate (إمارة منطقة القصيم: a Saudi governorate), coded ARE
        "مدينة",  # a city, coded SAU
        "عالم",  # world / scientist, coded EDU
        "طاقة",  # energy, CHN
        "أفضل",  # best, USAGOV
        "قطاع",  # sector, PSEGOV
        "بحر",  # sea, PSEGOV
        "صورة",  # picture, LBN
        "منظمة",  # organization, PAKCVL
        "جماعة",  # group, BUS
        "شمس",  # sun, USAEDU
        "صدر",  # chest / issued, IRQOPP
        "اوضاع",  # conditions, CHNREBAGR
        "تشغيل",  # operation, CHNEDU
        "جسم",  # body, CHLEDU
        "وصف",  # description, EDU
        "نيسان",  # April / Nissan, EDU
        "بشر",  # humans, GOV
        "صناعة",  # industry, GOV
        "معرض",  # exhibition, OPP
        "فرح",  # joy, PSE
        "أفريقي",  # African, CHN
        "كردستاني",  # Kurdistani, KGZ (Kyrgyzstan)
    }
)
"""Names that are common words in news, which the dictionary codes as an actor: dropped."""

FIXES = {"مصري": "EGY@-", "اسمرة": "ERI@-", "اكرا": "GHA@-"}
"""Names whose codes the dictionary has wrong: مصري (Egyptian) also DEUJUD, Asmara as
Somalia, Accra as Guinea."""


def parse(path: Path) -> dict[str, list[str]]:
    entries: dict[str, list[str]] = {}
    current: str | None = None
    for raw in path.read_text("utf-8").splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip() or line.lstrip().startswith(("+", "&", "<", "!")):
            continue
        codes = []
        for m in CODE.finditer(line):
            code, start, end = m.group(1), (m.group(2) or "").replace(">", "").strip(), m.group(3) or ""
            if code.startswith("~"):
                continue
            if start == "18000101":
                start = ""
            if end == "18000101":
                end = ""
            codes.append(f"{code}@{start}-{end}")
        head = CODE.split(line)[0] if "[" in line else line
        if not line.startswith(("\t", " \t")) and not line.strip().startswith("["):
            name = " ".join(w for w in head.strip().replace("_", " ").split())
            current = name if ARABIC.search(name) else None
        if current and codes:
            bucket = entries.setdefault(current, [])
            bucket.extend(c for c in codes if c not in bucket)
    return entries


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = ap.parse_args()
    src = args.shared / "data" / "lexicons" / "universalpetrarch-arabic" / "actor_dict_ar_v4.txt"
    entries = parse(src)
    with OUT.open("w", encoding="utf-8") as f:
        f.write(
            "# hadath actors converted from UniversalPetrarch actor_dict_ar_v4.txt (MIT) by scripts/build_actors.py. "
            "name<TAB>codes (CODE@START-END, dates YYYYMMDD, empty = open)\n"
        )
        for name in sorted(entries.keys() - GENERIC):
            f.write(f"{name}\t{FIXES.get(name) or '|'.join(entries[name])}\n")
    print(f"wrote {len(entries):,} actors to {OUT}")


if __name__ == "__main__":
    main()
