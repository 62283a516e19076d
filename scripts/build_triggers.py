"""Convert UniversalPetrarch's Arabic CAMEO verb dictionary into hadath trigger patterns.

Reads ``../shared/data/lexicons/universalpetrarch-arabic/CAMEO.ar.0.5.txt`` (synonym sets
``&NAME``, then verb blocks: lemma lines, optionally with their own CAMEO code, and pattern
lines ``- * object (prep noun) {noun phrase} [code]``) and writes
``src/hadath/data/events/triggers_up.tsv`` in the format of ``triggers.tsv`` (slots, PLOVER
type, mode, CAMEO, kind), mapped to PLOVER with ``codebook.tsv``.

The dictionary's verbs are lemmas (``رسل`` for أرسل, ``عطى``); news text has them conjugated,
so each lemma becomes its perfect forms (ارسل, ارسلت, ارسلوا …, and the form-IV hamza when the
lemma lost it) and imperfect forms (يرسل, ترسل, سيرسل …). A pattern's content words become
slots (prepositions are clitics or skipped words in hadath's matcher; a gap of up to four
words lets modifiers pass); a synonym set becomes one slot of its single-word members.
Bare verbs with a code of their own are kept only in conjugated forms (the bare lemma is too
ambiguous: قبل is "before"), and only for verbs of at least four letters.

    python scripts/build_triggers.py
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT.parent / "shared" / "data" / "lexicons" / "universalpetrarch-arabic" / "CAMEO.ar.0.5.txt"
CODEBOOK = ROOT / "src" / "hadath" / "data" / "events" / "codebook.tsv"
OUT = ROOT / "src" / "hadath" / "data" / "events" / "triggers_up.tsv"

import sys  # noqa: E402

sys.path.insert(0, str(ROOT / "src"))
from hadath.text.normalize import fold  # noqa: E402

_PREPS = "ل ب ك في من إلى الى على عن مع حول ضد عبر نحو لدى بين تحت فوق خلال أجل اجل"
PREPOSITIONS = {fold(w) for w in _PREPS.split()}
_DIACRITICS = re.compile("[\u064b-\u065f\u0670\u0640]")


def norm(w: str) -> str:
    return fold(_DIACRITICS.sub("", w.strip().strip("_"))).replace("_", " ").strip()


def codebook() -> dict[str, tuple[str, str]]:
    out = {}
    for line in CODEBOOK.read_text("utf-8").splitlines():
        if line.startswith("#") or line.startswith("cameo\t"):
            continue
        cols = line.split("\t")
        out[cols[0]] = (cols[1], cols[2])
    return out


def plover(code: str, book: dict[str, tuple[str, str]]) -> tuple[str, str] | None:
    for k in (code, code[:3], code[:2]):
        if k in book:
            typ, mode = book[k]
            return typ, mode
    return None


def verb_forms(lemma: str) -> list[str]:
    """Prefix forms (``*``) of a verb lemma as news text conjugates it: the perfect (ارسل*,
    with the form-IV hamza the dictionary drops from three-letter lemmas: رسل -> ارسل*) and
    the imperfect with its person and future prefixes (يرسل*, ترسل*, سيرسل* …)."""
    v = lemma[:-1] if lemma.endswith(("ى", "ي", "ا")) and len(lemma) > 3 else lemma  # اعطى: اعط*
    stems = {v}
    if len(v) == 3:
        stems.add("ا" + v)
    out = set()
    for s in stems:
        out.add(s + "*")
        imp = s[1:] if s.startswith("ا") and len(s) >= 4 else s
        for p in ("ي", "ت", "ن", "سي", "ست"):
            out.add(p + imp + "*")
    return sorted(out)


def synsets(lines: list[str]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    name = None
    for line in lines:
        line = line.split("#")[0].rstrip()
        if line.startswith("&"):
            name = line.strip()
            out[name] = []
        elif line.startswith("+") and name:
            w = norm(line[1:])
            if w and " " not in w:
                out[name].append(w)
    return out


def pattern_slots(text: str, sets: dict[str, list[str]]) -> list[tuple[list[str], int]] | None:
    """Slots after the verb (forms, gap before), or None for a pattern hadath cannot use."""
    for ch in "(){}*":
        text = text.replace(ch, f" {ch} ")
    words = text.split()
    if "*" not in words or words.index("*") != 0:
        return None  # words before the verb: subject-side patterns are not converted
    slots: list[tuple[list[str], int]] = []
    gap = 4
    in_np = False
    for w in words[1:]:
        if w in ("(", ")", "-"):
            gap = max(gap, 3)
            continue
        if w == "{":
            in_np = True
            continue
        if w == "}":
            in_np = False
            continue
        if w in ("$", "+", "%", "^") or w.startswith(("$", "+")):
            continue
        if w.startswith("&"):
            members = sets.get(w)
            if not members:
                return None
            slots.append((members, gap))
        else:
            n = norm(w)
            if not n or n in PREPOSITIONS or len(n) < 2:
                continue
            forms = [n]
            if n.startswith("ال") and len(n) > 4:
                forms.append(n[2:])
            if len(n) >= 4:  # plural and feminine endings: مساعده -> مساعدات
                stem = n[:-1] if n.endswith("ه") else n
                forms.append(stem + "*")
            slots.append((forms, gap))
        gap = 1 if in_np else 3
    return slots or None


def main() -> None:
    lines = SRC.read_text("utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if "VERB PATTERNS" in line)
    sets = synsets(lines[:start])
    book = codebook()
    rows: dict[tuple, None] = {}
    skipped: Counter[str] = Counter()
    verbs: list[tuple[str, str | None]] = []
    code_re = re.compile(r"\[(-*\d*-*)\]")
    for raw in lines[start + 1 :]:
        line = raw.split("#")[0].rstrip()
        if not line.strip():
            continue
        if line.startswith("---"):
            verbs = []
            continue
        m = code_re.search(line)
        code = m.group(1) if m else None
        if code and not code.strip("-"):
            code = None
        if line.startswith("-"):
            if not code:
                skipped["pattern without code"] += 1
                continue
            mapped = plover(code, book)
            if not mapped:
                skipped["code without PLOVER type"] += 1
                continue
            slots = pattern_slots(code_re.sub("", line[1:]), sets)
            if slots is None:
                skipped["pattern not convertible"] += 1
                continue
            if not verbs:
                continue
            forms = sorted({f for lemma, _ in verbs for f in verb_forms(lemma.split()[0])})
            pattern = ["|".join(forms)]
            for forms_, gap in slots:
                pattern += [f"…{gap}", "|".join(sorted(set(forms_)))]
            rows[(*pattern, mapped[0], mapped[1], code, "verb")] = None
        else:
            lemma = norm(line.split("[")[0].replace("+", " "))
            if lemma:
                verbs.append((lemma, code))
                if code:
                    skipped["bare verb (not converted: too ambiguous without its object)"] += 1
    with OUT.open("w", encoding="utf-8") as f:
        f.write(
            "# Event triggers converted from UniversalPetrarch's Arabic CAMEO verb dictionary (CAMEO.ar.0.5.txt, "
            "MIT licence) by scripts/build_triggers.py; mapped to PLOVER with codebook.tsv. Same columns as "
            "triggers.tsv, which takes precedence. Do not edit by hand: correct triggers.tsv instead.\n"
        )
        for row in rows:
            f.write("\t".join(row) + "\n")
    print(f"wrote {len(rows):,} patterns to {OUT}; skipped: {dict(skipped)}")
    print("by type: " + ", ".join(f"{k} {v}" for k, v in Counter(r[-4] for r in rows).most_common()))


if __name__ == "__main__":
    main()
