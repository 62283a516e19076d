"""Shared lexicons shipped as data, used by several stages (NER rules, resolution).

``countries()``: ISO codes, GeoNames ids, Arabic names and adjectives
(``hadath/data/lexicons/countries.tsv``). ``adjective_forms`` derives the feminine and
plural forms of an adjective (جزائري -> جزائرية, جزائريون, جزائريين).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

__all__ = ["Country", "adjective_forms", "all_country_names", "countries", "english_name", "iso2_of", "iso3_of"]


@dataclass(frozen=True)
class Country:
    iso3: str
    iso2: str
    geonames: int
    names: tuple[str, ...]
    adjectives: tuple[str, ...]


def adjective_forms(adjective: str) -> tuple[str, ...]:
    """Masculine, feminine, plural and dual forms of a nisba adjective (no article)."""
    forms = [adjective, adjective + "ة", adjective + "ون", adjective + "ين", adjective + "ات"]
    forms += [adjective + "ان", adjective + "تان", adjective + "تين"]  # duals: طائرتان قطريتان
    return tuple(forms)


@lru_cache(maxsize=1)
def countries() -> tuple[Country, ...]:
    text = resources.files("hadath.data").joinpath("lexicons/countries.tsv").read_text("utf-8")
    rows = []
    for line in text.splitlines():
        if not line or line.startswith("#") or line.startswith("iso3\t"):
            continue
        iso3, iso2, gid, names, adjectives = line.split("\t")
        # a country news seldom names with an adjective has none (أفريقيا الوسطى)
        adj = tuple(a for a in adjectives.split("|") if a)
        rows.append(Country(iso3, iso2, int(gid), tuple(names.split("|")), adj))
    return tuple(rows)


@lru_cache(maxsize=1)
def all_country_names() -> dict[str, tuple[str, ...]]:
    """ISO alpha-3 -> Arabic names, for every country (``data/lexicons/country_names.tsv``,
    built from CLDR and ISO 3166 by ``scripts/build_places.py``)."""
    text = resources.files("hadath.data").joinpath("lexicons/country_names.tsv").read_text("utf-8")
    out = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            iso3, _iso2, _gid, names = line.split("\t")
            out[iso3] = tuple(names.split("|"))
    return out


@lru_cache(maxsize=1)
def _iso2_to_iso3() -> dict[str, str]:
    text = resources.files("hadath.data").joinpath("lexicons/country_names.tsv").read_text("utf-8")
    out = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            iso3, iso2, _gid, _names = line.split("\t")
            out[iso2] = iso3
    return out


@lru_cache(maxsize=1)
def _iso3_to_iso2() -> dict[str, str]:
    return {v: k for k, v in _iso2_to_iso3().items()}


def iso2_of(iso3: str | None) -> str | None:
    """ISO 3166 alpha-2 of an alpha-3 code (every country), or None."""
    return _iso3_to_iso2().get(iso3 or "")


def iso3_of(iso2: str | None) -> str | None:
    """ISO 3166 alpha-3 of an alpha-2 code (every country), or None."""
    return _iso2_to_iso3().get(iso2 or "")


@lru_cache(maxsize=1)
def _english_names() -> dict[str, str]:
    text = resources.files("hadath.data").joinpath("lexicons/country_english.tsv").read_text("utf-8")
    out = {"XKX": "Kosovo"}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            iso3, name = line.split("\t")
            out[iso3] = name
    return out


def english_name(iso3: str | None) -> str | None:
    """English short name of a country (``Algeria`` for DZA), or None
    (``data/lexicons/country_english.tsv``, from ISO 3166 by ``scripts/build_country_english.py``)."""
    return _english_names().get(iso3 or "")
