"""Places: place mentions to GeoNames ids and coordinates.

Reads: ``hadath/data/places/places.tsv`` (built by ``scripts/build_places.py``: GeoNames
cities500 places with Arabic names, countries, continents, first-level divisions (``provinces.tsv``:
ISO 3166-2 ids such as ``iso:SA-04``) and hand-kept regions), loaded once.

``resolve_place(name, context)`` looks a name up by its normalized forms (as written,
without the article, without a head word such as منطقة / مدينة, or as a country
adjective: الأراضي الليبية -> Libya; with the one or two words before it when they make a
longer name: خليج + عدن; failing all, as a spelling variant with one long vowel more or less:
جاكرتا -> جاكارتا) and scores each candidate:
  - a prior by kind and size: countries, continents and regions first, then provinces, then places by
    population; a province named with its head word (منطقة القصيم, or محافظة before the
    mention الأنبار) before all (محافظة عدن is the governorate, عدن the city);
  - the document's country context: places in countries the document names;
  - the country/capital problem (الجزائر, الكويت, تونس): the country, unless the words
    before it make it a venue (الموقع في الجزائر, عقد في ..., العاصمة ...), then the city.
Every result carries the GeoNames id, names, country, coordinates, a score, the reason and
the other candidates considered.
"""

from __future__ import annotations

import json
import math
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources
from typing import Any

from hadath.lexicons import adjective_forms, countries
from hadath.text import fold

__all__ = ["Place", "PlaceIndex", "place_index", "resolve_place"]


@dataclass(frozen=True, slots=True)
class Place:
    id: str
    kind: str  # country, city, province (first-level division), region, continent
    name: str
    country: str  # ISO alpha-2, or "" for regions across countries
    lat: float
    lon: float
    population: int

    @property
    def geonames(self) -> int | None:
        return int(self.id[3:]) if self.id.startswith("gn:") else None


def _key(name: str) -> str:
    return " ".join(fold(name).split())


class PlaceIndex:
    """Places by normalized Arabic name."""

    def __init__(self, rows: Iterable[str]) -> None:
        self.places: dict[str, Place] = {}
        self.by_name: dict[str, list[str]] = {}
        for line in rows:
            if not line or line.startswith("#"):
                continue
            pid, kind, name, cc, lat, lon, pop, names = line.split("\t")
            if pid in self.places:  # an alias row adds names to a known place
                place = self.places[pid]
            else:
                place = Place(
                    pid,
                    "city" if kind == "alias" else kind,
                    name,
                    "" if cc == "-" else cc,
                    float(lat),
                    float(lon),
                    int(pop),
                )
                self.places[pid] = place
            for n in names.split("|"):
                k = _key(n)
                ids = self.by_name.setdefault(k, [])
                if pid not in ids:
                    ids.append(pid)
        iso2_to_country = {p.country: p for p in self.places.values() if p.kind == "country"}
        self.country_of_iso2 = iso2_to_country
        self.adjectives: dict[str, str] = {}
        for c in countries():
            for a in c.adjectives:
                for f in adjective_forms(a):
                    self.adjectives[_key(f)] = c.iso2

    def lookup(self, key: str) -> list[Place]:
        return [self.places[i] for i in self.by_name.get(key, ())]

    @cached_property
    def capitals(self) -> frozenset[str]:
        """Ids of the national capitals (``places/capitals.txt``)."""
        text = resources.files("hadath.data").joinpath("places/capitals.txt").read_text("utf-8")
        return frozenset(line for line in text.splitlines() if line and not line.startswith("#"))

    @cached_property
    def by_skeleton(self) -> dict[str, list[tuple[str, str]]]:
        """Names by their consonants, for spelling variants of foreign names (جاكرتا /
        جاكارتا, برزبن / بريزبن): only places big enough to be named in news far away. Built
        at the first variant look-up, not at start-up."""
        out: dict[str, list[tuple[str, str]]] = {}
        for k, ids in self.by_name.items():
            sk = _skeleton(k)
            if len(sk) < 4:
                continue
            for i in ids:
                pl = self.places[i]
                if pl.kind != "city" or pl.population >= _VARIANT_MIN_POPULATION:
                    out.setdefault(sk, []).append((k, i))
        return out

    def lookup_variant(self, key: str) -> list[Place]:
        """Places whose name is ``key`` with one long vowel more or less inside it (not at
        its end: كونغ is not كونغو)."""
        sk = _skeleton(key)
        if len(sk) < 4:
            return []
        ids = dict.fromkeys(i for k, i in self.by_skeleton.get(sk, ()) if _one_vowel_apart(key, k))
        return [self.places[i] for i in ids]


_UNKNOWN_POPULATION = 1_000
"""The size a place of unknown population counts as."""

_VARIANT_MIN_POPULATION = 100_000
"""A city is found under a variant spelling only from this size: a variant of a village's
name is more often another word."""


def _one_vowel_apart(a: str, b: str) -> bool:
    """Whether one of ``a``, ``b`` is the other with one more ا / و / ي inside (not first or last)."""
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    if len(long_) != len(short) + 1:
        return False
    return any(long_[i] in "اوي" and long_[:i] + long_[i + 1 :] == short for i in range(1, len(long_) - 1))


def _skeleton(key: str) -> str:
    """A name's consonants: the first letter, then the rest without ا / و / ي / ى."""
    return key[:1] + "".join(ch for ch in key[1:] if ch not in "اويى ")


@lru_cache(maxsize=1)
def place_index() -> PlaceIndex:
    text = resources.files("hadath.data").joinpath("places/places.tsv").read_text("utf-8")
    return PlaceIndex(text.splitlines())


@lru_cache(maxsize=1)
def _cues() -> dict[str, frozenset[str]]:
    raw = json.loads(resources.files("hadath.data").joinpath("places/cues.json").read_text("utf-8"))
    return {k: frozenset(_key(w) for w in v) for k, v in raw.items() if k != "about"}


def _without_particles(word: str) -> list[str]:
    """``word``, and without a leading و / ف and then ب / ل (بمحافظة, وولاية, لخليج)."""
    out = [word]
    rest = word[1:] if word[:1] in ("و", "ف") and len(word) > 3 else word
    if rest != word:
        out.append(rest)
    if rest[:1] in ("ب", "ل") and len(rest) > 3:
        out.append(rest[1:])
    return out


def _forms(name: str) -> list[tuple[str, str]]:
    """(key, how) pairs to look up, most literal first."""
    k = _key(name)
    out = [(k, "name")]
    if k.startswith("لل"):
        out.append(("ال" + k[2:], "name after لـ"))  # للجزائر: ل + الجزائر, the alef not written
    elif k.startswith("ل") and not k.startswith("ال"):
        out.append(("ا" + k, "name after لـ"))  # لجزائر (the ل of للجزائر split off)
    words = k.split()
    if words and words[0].startswith("ال") and len(words[0]) > 4:
        out.append((" ".join([words[0][2:], *words[1:]]), "name without article"))
    elif words and not words[0].startswith("ال") and len(words[0]) > 3:  # not سان: Ulsan's السان
        out.append((" ".join(["ال" + words[0], *words[1:]]), "name with article"))
    heads = _cues()["heads"]
    if len(words) > 1 and words[0] in heads:
        rest = " ".join(words[1:])
        out.append((rest, f"name after {words[0]}"))
        if rest.startswith("ال"):
            out.append((rest[2:], f"name after {words[0]}"))
    return out


_SMALL_TOWN = 50_000
_COMMON_RANK = 2_000


def _common_word(name: str) -> bool:
    """Whether a one-word name is one of the corpus's 2,000 most frequent words (the NER
    word clusters' frequency order; ``hadath.ner.features.frequency_rank``)."""
    from hadath.ner.features import frequency_rank  # the NER package's corpus statistics
    from hadath.text import normalize

    return frequency_rank(normalize(name)) < _COMMON_RANK


_HAMLET = 15_000

ARABIC_NAMED = frozenset(
    (
        "DZ",
        "BH",
        "KM",
        "DJ",
        "EG",
        "IQ",
        "JO",
        "KW",
        "LB",
        "LY",
        "MR",
        "MA",
        "OM",
        "PS",
        "QA",
        "SA",
        "SO",
        "SD",
        "SY",
        "TN",
        "AE",
        "YE",
        "EH",
        "IL",
    )
)
"""Countries whose places Arabic writes with the article (الرياض, الناصرة): elsewhere a name
read without its article (الرايس -> رايس, a town of 1,361 people in Minnesota) is a common
word."""


_LOCAL_CITY = 100_000
"""A city of the document's countries this big keeps its name from a capital abroad."""
_RIVAL_SHARE = 0.1
"""... if it is at least this share of the capital's size."""


def _unlikely_abroad(p: Place, how: str, where: set[str], common: bool, district: bool) -> bool:
    """Whether a town candidate outside the countries the document is about (``where``) is
    too unlikely to stand: a common word (الزيارة, عمر) for a town under 50,000 people; a name
    read without its article outside the countries that write place names with one; and,
    when the document is seen to be about other countries, a district (بحي الفيصلية, in a
    Saudi report: not a Jordanian village) or a small town (under 15,000 people: Sloan, Cornish;
    Pama, Burkina Faso, for باما in a report on Nigeria)."""
    if p.kind != "city" or p.country in where:
        return False
    return (
        (common and p.population < _SMALL_TOWN)
        or (how == "name without article" and p.country not in ARABIC_NAMED)
        or (bool(where) and (district or p.population < _HAMLET))
    )


def resolve_place(
    name: str,
    before: Sequence[str] = (),
    doc_countries: dict[str, int] | None = None,
    where: Collection[str] | None = None,
) -> dict[str, Any] | None:
    """The best place for ``name``, or None.

    Args:
        name: the mention's text.
        before: normalized words just before the mention (for the venue cue).
        doc_countries: ISO alpha-2 -> how often the document names that country (its towns
            are preferred to their namesakes elsewhere).
        where: the countries the document is seen to be about, also from its big cities
            (default: those of ``doc_countries``); a hamlet or a district elsewhere is
            unlikely.
    """
    idx = place_index()
    cues = _cues()
    doc_countries = doc_countries or {}
    where = set(doc_countries) if where is None else set(where)
    before_keys = [_key(w) for w in before]
    heads = cues["province_heads"]
    cands: dict[str, tuple[Place, str]] = {}
    headed: set[str] = set()  # provinces found under a name with its head word, or a longer name
    longer: set[str] = set()  # places whose name takes in the words before the mention
    # the words right before the mention may be part of a longer name, NER having tagged only
    # its last word: a head (بمحافظة الأنبار), a direction (أمن شمال سيناء: North Sinai, not
    # Sinai), a common noun (خليج عدن: the Gulf of Aden, not Aden); the longer name first
    forms = _forms(name)
    longer_forms: dict[str, str] = {}
    # (not after a head such as مدينة: مدينة زنجبار is the Yemeni town Zinjibar as well as Zanzibar City)
    generic = cues["heads"] - heads
    if before_keys and not any(w in generic for w in _without_particles(before_keys[-1])):
        for key, _ in forms[:2]:
            for w1 in _without_particles(before_keys[-1]):
                longer_forms.setdefault(f"{w1} {key}", f"name after {before[-1]}")
                if len(before_keys) >= 2:
                    for w2 in _without_particles(before_keys[-2]):
                        longer_forms.setdefault(f"{w2} {w1} {key}", f"name after {' '.join(before[-2:])}")
    with_before = set(longer_forms)
    forms = [*longer_forms.items(), *forms]
    for key, how in forms:
        for p in idx.lookup(key):
            if p.id not in cands:
                cands[p.id] = (p, how)
                if key in with_before:
                    longer.add(p.id)
                if p.kind in ("province", "region") and (key in with_before or key.split()[0] in heads):
                    headed.add(p.id)
    if not cands and _key(name).startswith("و") and len(_key(name).split()[0]) > 3:
        # ودارفور: the conjunction NER left on a name it does not know; a town only in a
        # country the document is about (وغنت, a verb, is not Ghent)
        for key, how in _forms(name[1:]):
            for p in idx.lookup(key):
                if p.kind != "city" or p.country in where:
                    cands.setdefault(p.id, (p, f"{how} after و"))
    if not cands:  # جاكرتا: GeoNames writes جاكارتا (the name as written only)
        key = _key(name)
        for p in idx.lookup_variant(key):
            cands.setdefault(p.id, (p, f"name spelled as GeoNames does not ({key})"))
    if not cands:  # بنجلاديش, هامبورج: a foreign g written ج, as Egyptian spelling does
        key = _key(name)
        for swapped in dict.fromkeys((key.replace("ج", "غ"), key.replace("غ", "ج"))):
            if swapped != key:
                for p in idx.lookup(swapped):
                    if p.country not in ARABIC_NAMED and (p.kind != "city" or p.population >= _VARIANT_MIN_POPULATION):
                        cands.setdefault(p.id, (p, f"name with its g spelled {swapped}"))
    words = _key(name).split()
    if not cands and len(words) >= 2 and words[-1][2:] in idx.adjectives and words[-1].startswith("ال"):
        iso2 = idx.adjectives[words[-1][2:]]
        country = idx.country_of_iso2.get(iso2)
        if country is not None:
            cands[country.id] = (country, f"country adjective {words[-1]}")
    if not cands:
        return None
    venue = bool(before_keys) and (
        (before_keys[-1] in cues["in"] and any(w in cues["venue"] for w in before_keys[-4:-1]))
        or before_keys[-1] in cues["capital"]
    )
    # "العاصمة الأردنية عمان": a capital cue and a country adjective make it that country's city
    capital_of = None
    if len(before_keys) >= 2 and before_keys[-2] in cues["capital"] and before_keys[-1].startswith("ال"):
        capital_of = idx.adjectives.get(before_keys[-1][2:])
    scored = []
    local = [p for p, _ in cands.values() if p.kind == "city" and p.country in doc_countries]

    def local_rival(cap: Place) -> bool:
        # a city of the document's countries that the capital is not ten times bigger than
        # (Tripoli, Lebanon against Tripoli, Libya; not Mesquite, Texas, which GeoNames also
        # calls موسكو, against Moscow)
        # (a capital of the document's own countries has their bonus instead)
        return cap.country in doc_countries or any(
            q.population >= max(_LOCAL_CITY, cap.population * _RIVAL_SHARE) for q in local
        )

    for p, how in cands.values():
        if p.kind == "country":
            score, reason = 0.9, f"country ({how})"
        elif p.kind in ("region", "continent"):
            score, reason = 0.85, f"{p.kind} ({how})"
            if p.id in headed:  # إقليم كردستان: Iraqi Kurdistan, not the Iranian province
                score, reason = 0.97, f"region named in full ({how})"
        elif p.kind == "province":
            if p.id in headed:
                score, reason = 0.97, f"province named in full ({how})"
            else:
                score, reason = 0.82, f"province ({how})"
                if p.country in doc_countries:
                    score += 0.1
                    reason += f", in {p.country}, which the document names"
        else:
            # (a place of unknown size, mostly a village or a quarter, counts as a thousand
            # people: البريقة in a report on Aden is the Yemeni one, not Libya's town of 31,000)
            score = 0.3 + 0.5 * min(1.0, math.log10(p.population or _UNKNOWN_POPULATION) / 7)
            reason = (
                f"place of {p.population:,} people ({how})" if p.population else f"place, population unknown ({how})"
            )
            if p.id in idx.capitals and p.population >= _LOCAL_CITY and not local_rival(p):
                # news names capitals far more than their namesakes: قمة باريس in a report that
                # names the United States is not Paris, Texas (but طرابلس in a Lebanese report
                # is the Lebanese city of 230,000)
                score += 0.1
                reason += ", a national capital"
            if p.country and p.country in doc_countries:
                score += 0.15
                reason += f", in {p.country}, which the document names"
        if p.id in longer and p.id not in headed:
            score += 0.05  # غرب + أفريقيا: West Africa before Africa
        scored.append([score, reason, p, how])
    if capital_of is not None:
        for sc in scored:
            if sc[2].kind == "city" and sc[2].country == capital_of:
                sc[0], sc[1] = 0.97, f"city named with its country ('{' '.join(before[-2:])}' before it)"
    country = next((q for _, _, q, _ in scored if q.kind == "country"), None)
    if country is not None:
        # the same name for a country and its city (الجزائر, الكويت): the country, unless a venue
        for s in scored:
            p = s[2]
            if p.kind == "city" and p.country == country.country:
                if venue:
                    s[0], s[1] = 0.95, f"capital city: a venue ('{' '.join(before[-4:])}' before it)"
                else:
                    s[0] = min(s[0], 0.85)
    scored.sort(key=lambda s: -s[0])
    common = len(words) == 1 and _common_word(name)
    district = bool(before_keys) and any(w in cues["neighbourhood"] for w in _without_particles(before_keys[-1]))
    scored = [s for s in scored if not _unlikely_abroad(s[2], s[3], where, common, district)]
    if not scored:
        return None
    score, reason, best, _ = scored[0]
    return {
        "population": best.population,
        "geonames": best.geonames,
        "id": best.id,
        "name": best.name,
        "kind": best.kind,
        "country_code": best.country or None,
        "lat": best.lat,
        "lon": best.lon,
        "score": round(min(score, 1.0), 3),
        "reason": reason,
        "candidates": [
            {"id": p.id, "name": p.name, "kind": p.kind, "country_code": p.country or None, "score": round(s, 3)}
            for s, _, p, _ in scored[1:6]
        ],
    }
